"""The ``kexie-graph`` command line: a thin face over the library's functions.

Each command lives in its own module of this package and is registered below. A :class:`KexieError`
becomes one line on stderr and exit status 1; wrong usage exits 2 (click's convention).
"""

from __future__ import annotations

import importlib
import sys

import click

from ..errors import KexieError

__all__ = ["cli", "main"]

#: command name -> "module:function" (imported lazily, so `kexie-graph --help` stays fast)
COMMANDS: dict[str, str] = {
    "build": "kexie_graph.cli.build_cmd:build",
    "evaluate": "kexie_graph.cli.evaluate_cmd:evaluate",
    "export": "kexie_graph.cli.export_cmd:export",
    "load": "kexie_graph.cli.store_cmd:load",
    "push": "kexie_graph.cli.store_cmd:push",
    "query": "kexie_graph.cli.query_cmd:query",
    "serve": "kexie_graph.cli.serve_cmd:serve",
    "summary": "kexie_graph.cli.build_cmd:summary",
    "view": "kexie_graph.cli.view_cmd:view",
}


class LazyGroup(click.Group):
    """A click group whose commands are imported only when used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, _, attr = target.partition(":")
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kexie-graph")
def cli() -> None:
    """kexie-graph: build, query, serve and view knowledge graphs of 科协 news."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 user error, 2 usage)."""
    try:
        cli.main(args=argv, prog_name="kexie-graph", standalone_mode=False)
    except KexieError as error:
        click.echo(f"kexie-graph: error: {_one_line(str(error))}", err=True)
        return 1
    except click.exceptions.Abort:
        click.echo("kexie-graph: aborted", err=True)
        return 1
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except click.exceptions.Exit as exit_:
        return exit_.exit_code
    return 0


def _one_line(message: str) -> str:
    return " ".join(message.split())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

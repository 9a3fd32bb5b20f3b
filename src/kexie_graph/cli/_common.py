"""Options shared by several ``kexie-graph`` commands, declared once so they read the same."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["store_option"]

#: ``--store DIR`` (required), passed to the command as ``store_dir``. Not ``file_okay=False``: a
#: file given as the store is the store layer's one-line user error, not a click usage error.
store_option = click.option(
    "--store",
    "store_dir",
    required=True,
    type=click.Path(path_type=Path),
    help="Build folder holding the store.",
)

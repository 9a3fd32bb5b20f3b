"""Helpers shared by the hardening tests: folder digests, one-line error checks, sample inputs,
running the command line in process and as the installed program, and reading a build back."""

from __future__ import annotations

import ctypes
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

from kexie_graph.cli import main
from tests.support import free_port

__all__ = [
    "EXE",
    "KXR",
    "NIF",
    "SHORT_TEXT",
    "SHORT_TRADITIONAL",
    "Outcome",
    "article_texts",
    "assert_one_line_error",
    "copy_build",
    "folder_digest",
    "free_port",
    "named_quads",
    "run_inproc",
    "run_installed",
    "zh_labels",
]

#: the installed command (what users run), beside the interpreter running the tests
EXE = Path(sys.executable).with_name("kexie-graph")
KXR = "https://w3id.org/kexie-graph/id/"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"

#: a short article of the genre that names three organisations (the lexicon knows them)
SHORT_TEXT = (
    "3月18日，重庆市科学技术协会与四川省科学技术协会签署合作协议。\n"
    "中国科学技术协会有关负责同志出席签约仪式。\n"
)
#: the same article in traditional characters
SHORT_TRADITIONAL = (
    "3月18日，重慶市科學技術協會與四川省科學技術協會簽署合作協議。\n"
    "中國科學技術協會有關負責同志出席簽約儀式。\n"
)


@dataclass(frozen=True)
class Outcome:
    """What a command did: its exit status and what it printed."""

    code: int
    out: str
    err: str


def run_inproc(argv: Sequence[str], capsys: pytest.CaptureFixture[str]) -> Outcome:
    """Run ``kexie-graph ARGV`` in this process (``kexie_graph.cli.main``)."""
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err)


_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE = 1
_CAP_DAC_READ_SEARCH = 2


def _without_file_capabilities() -> None:
    """In the child before exec: drop the capabilities that let root read any file.

    Root keeps its user id (so the interpreter under /root stays reachable) but, with
    CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH out of the bounding set, the program it execs obeys
    file modes like anyone else: a file with mode 000 cannot be opened.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def run_installed(
    argv: Sequence[str], *, timeout: float = 120, obey_file_modes: bool = False
) -> Outcome:
    """Run the installed ``kexie-graph`` and wait, bounded.

    ``obey_file_modes``: when running as root, without the capabilities that bypass file modes.
    """
    env = {**os.environ, "COLUMNS": "200"}
    drop = obey_file_modes and os.geteuid() == 0
    try:
        done = subprocess.run(
            [str(EXE), *argv],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            check=False,
            preexec_fn=_without_file_capabilities if drop else None,
        )
    except subprocess.SubprocessError as error:
        if not drop:
            raise
        # root without CAP_SETPCAP (some containers) cannot shed the capabilities: as root, no
        # file is unreadable, so there is nothing to test
        pytest.skip(f"root cannot drop CAP_DAC_OVERRIDE here ({error}); no file is unreadable")
    return Outcome(done.returncode, done.stdout, done.stderr)


def assert_one_line_error(outcome: Outcome, names: str, fix: str) -> str:
    """Exit 1, exactly one line on stderr naming ``names`` and saying ``fix``, no traceback."""
    err = outcome.err.strip()
    assert outcome.code == 1, f"exit {outcome.code}, stderr: {outcome.err!r}"
    assert "Traceback" not in outcome.err, outcome.err
    assert len(err.splitlines()) == 1, f"not one line: {outcome.err!r}"
    assert err.startswith("kexie-graph: error: "), err
    assert names in err, f"{names!r} not named in {err!r}"
    assert fix.lower() in err.lower(), f"no fix ({fix!r}) in {err!r}"
    return err


def folder_digest(folder: Path) -> dict[str, str]:
    """Every file and folder under ``folder`` with a digest of its bytes (lock files aside).

    Folders are listed too, so a half-written generation or a stray temporary file shows.
    """
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.name in (".lock", "readers"):
            continue  # lock files: opened (not changed) by every reader and writer
        if path.is_dir():
            found[rel + "/"] = "dir"
        else:
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def copy_build(source: Path, target: Path) -> Path:
    """Copy a build folder (store included; nothing may be writing it)."""
    shutil.copytree(source, target)
    return target


def named_quads(store: ox.Store) -> set[ox.Quad]:
    """The quads of the named graphs (a default graph holding their union is left out)."""
    return {q for q in store if not isinstance(q.graph_name, ox.DefaultGraph)}


def article_texts(trig: Path) -> dict[str, str]:
    """Article id -> the text its ``nif:Context`` holds, read from a ``kg.trig``."""
    texts: dict[str, str] = {}
    prefix = f"{KXR}article/"
    for quad in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG):
        if quad.predicate.value == f"{NIF}isString":
            subject = quad.subject.value
            assert subject.startswith(prefix) and subject.endswith("/text"), subject
            texts[subject[len(prefix) : -len("/text")]] = quad.object.value
    return texts


def zh_labels(trig: Path) -> set[str]:
    """The ``@zh`` labels of the entities in a ``kg.trig`` (IRIs under ``kxr:``)."""
    labels = set()
    for quad in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG):
        if (
            quad.predicate.value == "http://www.w3.org/2000/01/rdf-schema#label"
            and isinstance(quad.object, ox.Literal)
            and quad.object.language == "zh"
            and quad.subject.value.startswith(KXR)
        ):
            labels.add(quad.object.value)
    return labels

"""Run every benchmark of this folder, one after the other, each in its own process.

Each ``bench_*.py`` measures kexie-graph side by side with its anchor in one run and writes its
results to ``benchmarks/results/``; this script only runs them and reports which failed.
Usage: ``python benchmarks/run_all.py [NAME ...]`` (names without ``bench_`` and ``.py``).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if argv:
        wanted = set(argv)
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in wanted]
    failed = []
    for script in scripts:
        started = time.perf_counter()
        print(f"== {script.name}", flush=True)
        code = subprocess.call([sys.executable, str(script)], cwd=HERE.parent)
        print(
            f"== {script.name}: exit {code} after {time.perf_counter() - started:.0f} s", flush=True
        )
        if code:
            failed.append(script.name)
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Benchmark the text layer against jieba posseg, side by side, in one run, on one core.

The corpus is the articles of ``data/articles`` (decoded, joined by blank lines) repeated to at
least ``--megabytes`` MB of UTF-8. For five variants of it, the shapes the text layer meets, it
measures the best of ``--repeat`` runs of each stage:

* **decode**: :func:`decode_bytes` of the variant's bytes (UTF-8; GBK for the full-width variant;
  Big5 for the traditional one, so the GB18030-vs-Big5 decision is timed too);
* **prepare**: :func:`prepare` (NFKC, t2s when traditional, page-layout repair, offset map);
* **sentences**: :func:`sentences` over the reading text;
* **spans**: :meth:`ReadingText.to_original` for every sentence (what the extractors call per
  evidence span).

The anchor is jieba's ``posseg.cut`` over the plain variant, the obvious alternative a reader of
Chinese would run first; extraction as a whole must be at least 3x faster than it, so the result
also says what share of that budget the text layer takes.

Results go to ``benchmarks/results/text.json`` and ``text.md``.
Run: ``.venv/bin/python benchmarks/bench_text.py`` (about a minute; jieba takes most of it).
"""

from __future__ import annotations

import argparse
import json
import logging
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kexie_graph.text import decode_bytes, prepare, read_article_text, sentences
from kexie_graph.text.convert import t2s

__all__ = ["build_corpus", "main"]

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
RESULTS = ROOT / "benchmarks" / "results"

_FULL_WIDTH = str.maketrans(
    {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
)


def build_corpus(megabytes: float) -> str:
    """The articles joined by blank lines, repeated to at least ``megabytes`` MB of UTF-8."""
    articles = [read_article_text(path) for path in sorted(ARTICLES.glob("*.txt"))]
    if not articles:
        raise SystemExit(f"no articles in {ARTICLES}")
    unit = "\n\n".join(article.strip() for article in articles) + "\n\n"
    target = int(megabytes * 1024 * 1024)
    copies = -(-target // len(unit.encode("utf-8")))
    return unit * copies


def _s2t(text: str) -> str:
    """Traditional characters as written in Taiwan (OpenCC s2tw), which Big5 can encode."""
    import opencc

    convert: Callable[[str], str] = opencc.OpenCC("s2tw").convert
    return convert(text)


def _variants(corpus: str) -> dict[str, tuple[str, bytes]]:
    """Variant name -> (text, the bytes a file of it would hold)."""
    simplified = t2s(
        corpus
    )  # the dev set has a traditional article: make this variant all simplified
    full_width = simplified.translate(_FULL_WIDTH)
    traditional = _s2t(simplified)
    crlf = simplified.replace("\n", "\r\n")
    return {
        "plain (UTF-8)": (simplified, simplified.encode("utf-8")),
        "full-width punctuation (GBK)": (full_width, full_width.encode("gb18030")),
        "traditional (Big5)": (traditional, traditional.encode("big5hkscs")),
        "CRLF line ends (UTF-8)": (crlf, crlf.encode("utf-8")),
        "as written (UTF-8)": (corpus, corpus.encode("utf-8")),
    }


def _best(repeat: int, run: Callable[[], Any]) -> tuple[float, Any]:
    times: list[float] = []
    result: Any = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def _measure(name: str, data: bytes, repeat: int) -> dict[str, Any]:
    decode_s, text = _best(repeat, lambda: decode_bytes(data, name))
    prepare_s, reading = _best(repeat, lambda: prepare(text))
    sentences_s, spans = _best(repeat, lambda: sentences(reading.text))
    spans_s, _ = _best(repeat, lambda: [reading.to_original(b, e) for b, e in spans])
    total = decode_s + prepare_s + sentences_s + spans_s
    return {
        "variant": name,
        "characters": len(text),
        "bytes": len(data),
        "traditional": reading.traditional,
        "joins": len(reading.joins),
        "moved_lines": len(reading.moved),
        "sentences": len(spans),
        "seconds": {
            "decode": round(decode_s, 4),
            "prepare": round(prepare_s, 4),
            "sentences": round(sentences_s, 4),
            "spans": round(spans_s, 4),
            "total": round(total, 4),
        },
        "chars_per_second": round(len(text) / total),
    }


def _jieba(text: str) -> dict[str, Any]:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()  # dictionary loading is not counted against jieba
    start = time.perf_counter()
    words = sum(1 for _ in jieba.posseg.cut(text))
    seconds = time.perf_counter() - start
    return {
        "characters": len(text),
        "words": words,
        "seconds": round(seconds, 3),
        "chars_per_second": round(len(text) / seconds),
    }


def _markdown(report: dict[str, Any]) -> str:
    anchor = report["jieba_posseg"]
    lines = [
        "# Text layer vs jieba posseg",
        "",
        f"Corpus: {report['corpus_megabytes']} MB of UTF-8 ({anchor['characters']:,} characters), "
        f"one core, best of {report['repeat']} runs. jieba posseg: "
        f"{anchor['chars_per_second']:,} characters/s ({anchor['seconds']} s).",
        "",
        "| variant | decode s | prepare s | sentences s | spans s | chars/s | x jieba "
        "| share of 3x budget |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in report["variants"]:
        seconds = row["seconds"]
        lines.append(
            f"| {row['variant']} | {seconds['decode']} | {seconds['prepare']} | "
            f"{seconds['sentences']} | {seconds['spans']} | {row['chars_per_second']:,} | "
            f"{row['speedup_vs_jieba']} | {row['share_of_budget']:.1%} |"
        )
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--megabytes", type=float, default=1.0, help="corpus size (default 1)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per stage; the best counts")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for text.json/text.md")
    args = parser.parse_args(argv)

    corpus = build_corpus(args.megabytes)
    variants = _variants(corpus)
    plain = variants["plain (UTF-8)"][0]
    print(f"corpus: {len(plain.encode('utf-8')):,} bytes, {len(plain):,} characters", flush=True)
    anchor = _jieba(plain)
    print(f"jieba posseg: {anchor['chars_per_second']:,} chars/s", flush=True)
    budget = 3 * anchor["chars_per_second"]  # extraction must run at least this fast
    rows = []
    for name, (_, data) in variants.items():
        row = _measure(name, data, args.repeat)
        row["speedup_vs_jieba"] = round(row["chars_per_second"] / anchor["chars_per_second"], 1)
        row["share_of_budget"] = round(budget / row["chars_per_second"], 4)
        rows.append(row)
        print(
            f"{name}: {row['chars_per_second']:,} chars/s, {row['speedup_vs_jieba']}x jieba",
            flush=True,
        )
    report = {
        "benchmark": "text layer (decode, prepare, sentences, to_original) vs jieba posseg",
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "corpus_megabytes": args.megabytes,
        "repeat": args.repeat,
        "jieba_posseg": anchor,
        "variants": rows,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "text.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    (args.out / "text.md").write_text(_markdown(report), encoding="utf-8")
    print(f"wrote {args.out / 'text.json'} and {args.out / 'text.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

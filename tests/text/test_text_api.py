"""The text layer's public interface, pinned: other layers code against these names."""

from __future__ import annotations

import importlib
import inspect

import pytest

import kexie_graph.text as text

MODULES = ["chars", "convert", "decode", "layout", "normalize", "offsets", "punct", "sentences"]


def test_public_names() -> None:
    assert text.__all__ == [
        "DEFAULT_MAX_BYTES",
        "MovedLine",
        "ReadingText",
        "decode_bytes",
        "is_traditional",
        "paragraphs",
        "prepare",
        "read_article_text",
        "sentences",
    ]
    for name in text.__all__:
        assert hasattr(text, name)


@pytest.mark.parametrize(
    ("function", "parameters"),
    [
        (text.decode_bytes, ["data", "source"]),
        (text.read_article_text, ["path", "max_bytes"]),
        (text.prepare, ["original", "convert_traditional"]),
        (text.sentences, ["text"]),
        (text.paragraphs, ["text"]),
        (text.is_traditional, ["text"]),
        (text.ReadingText.to_original, ["self", "begin", "end"]),
        (text.ReadingText.original_index, ["self", "i"]),
    ],
)
def test_signatures(function: object, parameters: list[str]) -> None:
    assert list(inspect.signature(function).parameters) == parameters  # type: ignore[arg-type]


@pytest.mark.parametrize("name", MODULES)
def test_every_module_has_a_docstring_and_a_curated_all(name: str) -> None:
    module = importlib.import_module(f"kexie_graph.text.{name}")
    assert module.__doc__ and module.__doc__.strip()
    assert len(set(module.__all__)) == len(module.__all__)
    for exported in module.__all__:
        assert hasattr(module, exported), exported

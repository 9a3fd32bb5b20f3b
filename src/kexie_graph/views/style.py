"""How each top-level class looks in a view: colour, vis-network shape, legend glyph and names.

Shared by the vis-network writer (:mod:`.html`) and the pyvis bridge (:mod:`.pyvis_compat`), so both
draw a class the same way. The colours are a colour-blind-friendly qualitative palette (Tableau 10);
each class also has its own shape, so the legend does not depend on colour alone."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import TOP_CLASSES

__all__ = ["CLASS_STYLES", "ClassStyle", "style_of"]


@dataclass(frozen=True, slots=True)
class ClassStyle:
    """The look of one class: fill colour, vis-network shape, the legend glyph, and its names."""

    name: str
    color: str
    shape: str
    glyph: str
    label_zh: str
    label_en: str


CLASS_STYLES: dict[str, ClassStyle] = {
    s.name: s
    for s in (
        ClassStyle("Organization", "#4E79A7", "dot", "●", "组织", "Organization"),
        ClassStyle("Person", "#E15759", "diamond", "◆", "人物", "Person"),
        ClassStyle("Place", "#59A14F", "triangle", "▲", "地点", "Place"),
        ClassStyle("Program", "#F28E2B", "square", "■", "项目", "Program"),
        ClassStyle("Platform", "#76B7B2", "hexagon", "⬢", "平台", "Platform"),
        ClassStyle("Document", "#B07AA1", "triangleDown", "▼", "文件", "Document"),
        ClassStyle("Event", "#EDC948", "star", "★", "活动", "Event"),
        ClassStyle("Other", "#9C9C9C", "dot", "○", "其他", "Other"),
    )
}

assert set(TOP_CLASSES) < set(CLASS_STYLES), "every top-level class needs a style"


def style_of(cls: str) -> ClassStyle:
    """Return the style of top-level class ``cls``; an unknown class looks like Other."""
    return CLASS_STYLES.get(cls, CLASS_STYLES["Other"])

"""Sample inputs for the bad-input matrix: article files in every shape a user may hand us, and
store folders damaged in every way we can think of. All generated here (no binary fixtures)."""

from __future__ import annotations

import json
import os
import shutil
import struct
import zlib
from pathlib import Path

import pyoxigraph as ox

from .support import SHORT_TEXT, SHORT_TRADITIONAL

__all__ = [
    "HOSTILE_LABEL",
    "damaged_store",
    "hidden_files_folder",
    "hostile_article",
    "hostile_trig",
    "mixed_folder",
    "png_bytes",
    "saved_web_page",
]

#: a label that would run script if any view or page put it into HTML as markup
HOSTILE_LABEL = '<img src=x onerror="window.__pwned=1"></script><script>window.__pwned=2</script>'


def png_bytes() -> bytes:
    """A real 2x2 PNG image (valid chunks and CRCs), as a phone or a screenshot tool writes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00\x00\xff\x00" * 2)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def saved_web_page(encoding: str = "utf-8") -> bytes:
    """A news page as a browser saves it: navigation, breadcrumb, side bar, footer, scripts."""
    paragraphs = "".join(f"<p>{line}</p>\n" for line in SHORT_TEXT.splitlines())
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="{encoding}">
<title>重庆市科协与四川省科协签署合作协议_科协要闻_重庆市科学技术协会</title>
<link rel="stylesheet" href="./news_files/style.css">
<script src="./news_files/jquery.min.js"></script>
</head>
<body>
<div class="top-bar"><a href="/">首页</a> | <a href="/login">登录</a> |
<a href="/en">English</a></div>
<nav class="main-nav"><ul>
<li><a href="/kxyw">科协要闻</a></li><li><a href="/tzgg">通知公告</a></li>
<li><a href="/xsjl">学术交流</a></li><li><a href="/kxpj">科学普及</a></li>
</ul></nav>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt;
<a href="/kxyw">科协要闻</a> &gt; 正文</div>
<div class="main">
<article class="article-content">
<h1>重庆市科协与四川省科协签署合作协议</h1>
<div class="info">发布时间：2021-03-19 来源：重庆市科学技术协会
字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>
<div class="content">
{paragraphs}<p>根据协议，双方将在学术交流、科学普及、人才服务等方面开展合作，
共同举办科技创新论坛。</p>
</div>
</article>
<aside class="sidebar"><h3>热点新闻</h3><ul>
<li><a href="/a1">全国科技工作者日活动举行</a></li>
<li><a href="/a2">院士专家工作站建设推进会召开</a></li>
</ul></aside>
</div>
<footer><p>版权所有：重庆市科学技术协会 渝ICP备05001234号 电话：023-12345678</p>
<p><a href="/sitemap">网站地图</a> | <a href="/contact">联系我们</a></p></footer>
<script>var _hmt = _hmt || [];
(function () {{ var hm = document.createElement("script"); }})();</script>
</body>
</html>
"""
    return page.encode(encoding)


def mixed_folder(root: Path, *, bad: bool = False) -> list[str]:
    """A folder as users keep them; returns the stems of the articles it holds.

    Articles: UTF-8, GBK, Big5 and UTF-16 text, a saved web page, one in a subfolder, one with a
    metadata sidecar. Not articles (to be left alone): an image, notes, JSON, a FIFO named like an
    article (reading it would block for ever), a folder named like an article. With ``bad``, one
    more ``.txt`` that is really an image.
    """
    (root / "sub").mkdir(parents=True)
    (root / "a-utf8.txt").write_text(SHORT_TEXT, encoding="utf-8")
    (root / "b-gbk.txt").write_bytes(SHORT_TEXT.encode("gbk"))
    (root / "c-big5.txt").write_bytes(SHORT_TRADITIONAL.encode("big5"))
    (root / "d-utf16.txt").write_bytes(SHORT_TEXT.encode("utf-16"))
    (root / "e-page.html").write_bytes(saved_web_page())
    (root / "sub" / "f-nested.txt").write_text(SHORT_TEXT, encoding="utf-8")
    (root / "g-meta.txt").write_text(SHORT_TEXT, encoding="utf-8")
    (root / "g-meta.meta.yaml").write_text(
        "title: 重庆市科协与四川省科协签署合作协议\ndate: 2021-03-19\nsource: 重庆日报\n",
        encoding="utf-8",
    )
    (root / "photo.png").write_bytes(png_bytes())
    (root / "notes.md").write_text("# 备忘\n", encoding="utf-8")
    (root / "data.json").write_text(json.dumps({"a": 1}), encoding="utf-8")
    (root / "folder.txt").mkdir()
    os.mkfifo(root / "pipe.txt")
    if bad:
        (root / "z-scan.txt").write_bytes(png_bytes())
    return ["a-utf8", "b-gbk", "c-big5", "d-utf16", "e-page", "f-nested", "g-meta"]


def hidden_files_folder(root: Path) -> list[str]:
    """A folder copied from a Mac and kept in git: one article, and hidden files that are not
    articles (a binary AppleDouble fork named like one, a git object, a notebook checkpoint)."""
    (root / ".git" / "objects").mkdir(parents=True)
    (root / ".ipynb_checkpoints").mkdir()
    (root / "a.txt").write_text(SHORT_TEXT, encoding="utf-8")
    (root / "._a.txt").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02")
    (root / ".git" / "objects" / "notes.txt").write_bytes(zlib.compress(b"blob 3\x00abc"))
    (root / ".ipynb_checkpoints" / "a-checkpoint.txt").write_text(SHORT_TEXT, encoding="utf-8")
    return ["a"]


def hostile_article(path: Path) -> Path:
    """An article whose document title (a 《》 name, so an entity's label) is markup."""
    path.write_text(
        f"重庆市科学技术协会印发《{HOSTILE_LABEL}科普工作实施方案》。\n"
        "重庆市科学技术协会与四川省科学技术协会签署“<b>合作</b>”协议。\n",
        encoding="utf-8",
    )
    return path


def hostile_trig(kg_trig: Path, out: Path, name: str) -> Path:
    """``kg_trig`` with every label equal to ``name`` replaced by :data:`HOSTILE_LABEL`."""
    quads = []
    for quad in ox.parse(path=str(kg_trig), format=ox.RdfFormat.TRIG):
        obj = quad.object
        if isinstance(obj, ox.Literal) and obj.value == name:
            obj = ox.Literal(f"{HOSTILE_LABEL}{name}", language=obj.language)
        quads.append(ox.Quad(quad.subject, quad.predicate, obj, quad.graph_name))
    ox.serialize(quads, output=str(out), format=ox.RdfFormat.TRIG)
    return out


def damaged_store(good: Path, target: Path, how: str) -> Path:
    """A store folder broken in one way (``good`` is a complete build folder to start from)."""
    if how == "missing":
        return target
    if how == "empty":
        target.mkdir()
        return target
    if how == "articles":  # a folder of articles given where the build folder belongs
        target.mkdir()
        (target / "a.txt").write_text(SHORT_TEXT, encoding="utf-8")
        return target
    if how == "file":
        target.write_text(SHORT_TEXT, encoding="utf-8")
        return target
    shutil.copytree(good, target)
    meta = target / "store.json"
    info = json.loads(meta.read_text(encoding="utf-8"))
    generation = target / f"store-{info['generation']}"
    if how == "damaged-json":
        meta.write_text("{not json", encoding="utf-8")
    elif how == "version":
        meta.write_text(json.dumps({**info, "format_version": 99}), encoding="utf-8")
    elif how == "no-generation":
        shutil.rmtree(generation)
    elif how == "corrupt-db":
        for file in (generation / "oxigraph").iterdir():
            if file.is_file() and file.name not in ("LOCK",):
                file.write_bytes(b"not a RocksDB file\n")
    else:  # pragma: no cover - a typo in the table
        raise ValueError(how)
    return target

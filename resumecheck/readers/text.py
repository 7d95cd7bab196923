"""Plain text and Markdown (job postings often arrive this way)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from resumecheck.errors import InputError
from resumecheck.models import Block, Document
from resumecheck.normalize import normalize_block
from resumecheck.preflight import ReadLimits
from resumecheck.sections import looks_like_heading

_LIST_ITEM = re.compile(r"^\s{0,8}(?:[-*+•▪◦●■–]|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)])\s+(?=\S)")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, then cp1252; else refuse."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(name, "is damaged: invalid UTF-16 text") from None
    if b"\x00" in data:
        raise InputError(name, "is not a PDF, DOCX or text document (binary data)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for codec in ("cp1252", "latin-1"):
        text = data.decode(codec, errors="replace")
        bad = sum(1 for c in text if c == "\ufffd" or not (c.isprintable() or c in "\n\r\t\f"))
        if bad <= max(2, len(text) // 200):
            return text
    raise InputError(name, "is not a PDF, DOCX or text document (binary data)")


def _strip_markdown(line: str) -> str:
    line = _MD_LINK.sub(r"\1", line)
    for _ in range(3):  # nested emphasis: ***bold italic***
        new = _MD_EMPHASIS.sub(r"\2", line)
        if new == line:
            break
        line = new
    return line


def read_text(data: bytes, name: str, limits: ReadLimits | None, markdown: bool, *,
              html: bool = False) -> Document:
    """Blocks are paragraphs (blank-line separated); headings and list items stand alone."""
    text = decode_text(data, name)
    if html:
        text = html_to_text(text)
    fmt = "html" if html else "markdown" if markdown else "text"
    return Document(path=name, format=fmt,
                    blocks=tuple(split_blocks(text, markdown=markdown or html)))


_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article",
               "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "title", "dt", "dd"}
_WS = re.compile(r"\s+")
_SKIP_TAGS = {"script", "style", "head", "noscript", "template"}


class _HTMLText(HTMLParser):
    """Visible text of an HTML page, block elements on lines of their own."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.out.append("\n\n")
            if tag[0] == "h" and tag[1:].isdigit():
                self.out.append("#" * int(tag[1:]) + " ")
            elif tag == "li":
                self.out.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.out.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(_WS.sub(" ", data))


def html_to_text(text: str) -> str:
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    return "".join(parser.out)


def split_blocks(text: str, *, markdown: bool) -> list[Block]:
    blocks: list[Block] = []
    para: list[str] = []
    para_line = 0

    def flush() -> None:
        nonlocal para
        if para:
            joined = normalize_block("\n".join(para))
            if joined:
                blocks.append(Block(text=joined, line=para_line))
        para = []

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    in_fence = False
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        if markdown and line.lstrip().startswith(("```", "~~~")):
            flush()
            in_fence = not in_fence
            continue
        if not line.strip():
            flush()
            continue
        if markdown and not in_fence:
            heading = _MD_HEADING.match(line)
            if heading:
                flush()
                words = normalize_block(_strip_markdown(heading.group(2)))
                if words:
                    blocks.append(Block(text=words, line=number, is_heading=True))
                continue
            if _MD_RULE.match(line):
                flush()
                continue
            # "Title\n=====": the underline marks the paragraph above as a heading.
            if _SETEXT.match(line) and len(para) == 1:
                words = normalize_block(_strip_markdown(para[0]))
                para = []
                if words:
                    blocks.append(Block(text=words, line=para_line, is_heading=True))
                continue
            line = _strip_markdown(line)
        item = _LIST_ITEM.match(line)
        if item:
            # A list item starts a block of its own; the lines wrapped under it join it, so a
            # term broken over the wrap is still one phrase.
            flush()
            para_line = number
            para.append(line[item.end():])
            continue
        if looks_like_heading(normalize_block(line)):
            flush()
            blocks.append(Block(text=normalize_block(line), line=number))
            continue
        if not para:
            para_line = number
        para.append(line)
    flush()
    return blocks

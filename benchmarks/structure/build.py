"""Build the labelled structure set: resumes and CVs in the layouts real people send.

    python benchmarks/structure/build.py [--out DIR] [--check]

Writes every document into ``benchmarks/structure/docs/`` (git-ignored) and the labels
into ``benchmarks/structure/labels.json`` (committed), in the format the structure ruler
``score_structure.py`` reads. Both come from the same drawing calls: each heading, item
and sidebar line registers its label as it is drawn, so a label can never drift from the
file. ``--check`` rebuilds into a temporary folder and fails when the committed labels
differ from what the builder would write now.

The template families follow how real resumes are laid out (the text is this project's
own, see ``content.py``): a dark sidebar with white text, Deedy- and Awesome-CV-like LaTeX
CVs, Google Docs and Word exports, Word text-box and table templates, job-portal exports,
long academic CVs with Title Case headings, physician CVs with inline headings, CVs in
Spanish, French, German and Portuguese, letter-spaced, wrapped and icon-prefixed
headings, ALL-CAPS job titles and employers, right-aligned and left date columns,
justified and hyphenated text, ligatures, separate bullet glyphs.

Deterministic: pinned dates, pinned zip timestamps, no randomness.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from content import (  # noqa: E402
    ACADEMIC,
    ANALYST,
    DE,
    ES,
    FR,
    NP,
    PAIN,
    PT,
    SWE,
    Entry,
    Line,
    Persona,
    Sec,
)

DOCS = HERE / "docs"
LABELS = HERE / "labels.json"
FIXED_TIME = datetime(2025, 3, 3, 9, 0, 0, tzinfo=UTC)
ZIP_TIME = (2025, 3, 3, 9, 0, 0)
#: DejaVu Sans (Debian's fonts-dejavu-core) for the documents that need glyphs beyond
#: Latin-1: ligatures, icons before headings.
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


# --------------------------------------------------------------------------- labels


def squash(s: str) -> str:
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", s))
    return "".join(c for c in s if c.isalnum()).casefold()


def snippet(text: str, words: int = 7) -> str:
    return " ".join(text.split()[:words]).rstrip(",;:.")


@dataclass
class Labels:
    """What a document's drawing calls say about it, turned into the ruler's format."""

    heads: list[dict] = field(default_factory=list)
    cands: list[tuple[str, str, tuple[str, ...], str]] = field(default_factory=list)
    not_heads: list[str] = field(default_factory=list)
    visible: list[str] = field(default_factory=list)
    drawn: list[str] = field(default_factory=list)
    sid: str | None = None
    also: tuple[str, ...] = ()
    region: str = "main"
    #: (region, order) of each section opened, so order pairs stay inside one column.
    seq: list[tuple[str, int]] = field(default_factory=list)

    def heading(self, text: str, sec: Sec) -> None:
        self.heads.append({"text": text, "section": sec.sid})
        self.open(sec)

    def open(self, sec: Sec) -> None:
        self.sid, self.also = sec.sid, sec.also
        self.seq.append((self.region, len(self.heads)))
        self._key = (self.region, len(self.seq))

    def anchor(self, text: str) -> None:
        if self.sid is not None:
            self.cands.append((self.sid, snippet(text), self.also, f"{self._key}"))

    def draw(self, text: str) -> None:
        self.drawn.append(text)

    def finish(self) -> dict:
        everything = squash(" ".join(self.drawn))
        groups: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
        order_keys: list[str] = []
        for sid, text, also, key in self.cands:
            if everything.count(squash(text)) != 1 or len(squash(text)) < 8:
                continue
            if key not in groups:
                groups[key] = []
                order_keys.append(key)
            groups[key].append((sid, text, also))
        anchors, order = [], []
        last_in_region: dict[str, str] = {}
        for key in order_keys:
            items = groups[key]
            n = len(items)
            picks = sorted({0, n - 1, n // 2, n // 3})[:4]
            chosen = [items[i] for i in picks]
            for sid, text, also in chosen:
                a = {"text": text, "section": sid}
                if also:
                    a["also"] = list(also)
                anchors.append(a)
            region = key.split("'")[1]
            if len(chosen) > 1:
                order.append([chosen[0][1], chosen[-1][1]])
            if region in last_in_region:
                order.append([last_in_region[region], chosen[0][1]])
            last_in_region[region] = chosen[-1][1]
        out = {"headings": self.heads, "anchors": anchors, "order": order,
               "visible": [v for v in dict.fromkeys(self.visible)
                           if everything.count(squash(v)) == 1],
               "not_headings": list(dict.fromkeys(self.not_heads))}
        return out


# --------------------------------------------------------------------------- PDF


@dataclass(frozen=True)
class Style:
    font: str = "Helvetica"
    size: float = 10.0
    head_case: str = "upper"  # upper | title | spaced | tracked
    head_size: float = 12.0
    head_bold: bool = True
    head_color: tuple[int, int, int] = (20, 20, 20)
    head_rule: bool = False
    head_pill: tuple[int, int, int] | None = None
    head_icon: str = ""
    head_center: bool = False
    head_gap: float = 8.0
    head_split_color: tuple[int, int, int] | None = None  # Awesome-CV: first letters coloured
    inline: frozenset[str] = frozenset()  # section ids written "HEADING: first item"
    inline_sep: str = ": "
    date_pos: str = "right"  # right | below | left | after
    title_caps: bool = False
    org_caps: bool = False
    title_first: bool = True
    bullet: str = "\u2022"
    bullet_apart: bool = False
    justify: bool = False
    hyphenate: bool = False
    leading: float = 1.3
    text_color: tuple[int, int, int] = (25, 25, 25)
    ligatures: bool = False


LIGS = (("ffi", "\ufb03"), ("ffl", "\ufb04"), ("ff", "\ufb00"), ("fi", "\ufb01"),
        ("fl", "\ufb02"))


class Page:
    """fpdf2 wrapper in points, top-left origin; text drawn piece by piece like a layout
    engine does (each word of a justified line placed on its own)."""

    def __init__(self, labels: Labels, style: Style, fmt: str = "Letter") -> None:
        from fpdf import FPDF

        self.L = labels
        self.s = style
        self.pdf = FPDF(unit="pt", format=fmt)
        self.pdf.core_fonts_encoding = "windows-1252"
        self.pdf.set_creation_date(FIXED_TIME)
        self.pdf.set_creator("resumecheck benchmarks/structure/build.py")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_compression(False)
        self.unicode = style.font.startswith("DejaVu")
        if self.unicode:
            for suffix, st in (("", ""), ("-Bold", "B"), ("-Oblique", "I")):
                self.pdf.add_font("DejaVu", st, str(DEJAVU / f"DejaVuSans{suffix}.ttf"))
        self.W, self.H = self.pdf.w, self.pdf.h
        self.pages = 0
        self.on_new_page: list[Callable[[], None]] = []

    def new_page(self) -> None:
        self.pdf.add_page()
        self.pages += 1
        for hook in self.on_new_page:
            hook()

    def font(self, size: float, bold: bool = False, italic: bool = False,
             family: str | None = None) -> None:
        fam = family or ("DejaVu" if self.unicode else self.s.font)
        style = ("B" if bold else "") + ("I" if italic and not self.unicode else "")
        if self.unicode and italic and not bold:
            style = "I"
        self.pdf.set_font(fam, style=style, size=size)

    def width(self, text: str) -> float:
        return self.pdf.get_string_width(self._enc(text))

    def _enc(self, text: str) -> str:
        if self.s.ligatures and self.unicode:
            for plain, lig in LIGS:
                text = text.replace(plain, lig)
        return text

    def text(self, x: float, y: float, text: str, size: float, *, bold: bool = False,
             italic: bool = False, color: tuple[int, int, int] | None = None,
             spacing: float = 0.0, render: int = 0) -> None:
        """``y`` is the top of the line box."""
        self.font(size, bold, italic)
        self.pdf.set_text_color(*(color or self.s.text_color))
        if spacing:
            self.pdf.set_char_spacing(spacing)
        if render:
            from fpdf.enums import TextMode

            self.pdf.text_mode = TextMode(render)
        self.pdf.text(x, y + size * 0.8, self._enc(text))
        if render:
            from fpdf.enums import TextMode

            self.pdf.text_mode = TextMode.FILL
        if spacing:
            self.pdf.set_char_spacing(0)
        self.L.draw(text)

    def rect(self, x: float, y: float, w: float, h: float, color: tuple[int, int, int],
             round_corners: bool = False) -> None:
        self.pdf.set_fill_color(*color)
        self.pdf.rect(x, y, w, h, style="F", round_corners=round_corners,
                      corner_radius=h / 2 if round_corners else 0)

    def rule(self, x0: float, x1: float, y: float, color=(120, 120, 120)) -> None:
        self.pdf.set_draw_color(*color)
        self.pdf.set_line_width(0.6)
        self.pdf.line(x0, y, x1, y)

    def output(self) -> bytes:
        return bytes(self.pdf.output())


def _split_word(word: str, room: float, width: Callable[[str], float]) -> tuple[str, str]:
    """Break a long word at a vowel-consonant boundary that fits ``room`` with a hyphen."""
    best = None
    for i in range(3, len(word) - 3):
        low = word.lower()
        if low[i - 1] in "aeiouy" and low[i] not in "aeiouy" and word[:i].isalpha():
            if width(word[:i] + "-") <= room:
                best = i
    if best is None:
        return "", word
    return word[:best] + "-", word[best:]


def wrap(text: str, w: float, width: Callable[[str], float], hyphenate: bool = False
         ) -> list[str]:
    words = text.split()
    lines: list[str] = []
    cur = ""
    while words:
        word = words.pop(0)
        trial = f"{cur} {word}" if cur else word
        if width(trial) <= w:
            cur = trial
            continue
        if hyphenate and len(word) >= 8 and word.isalpha():
            room = w - width(cur + " ") if cur else w
            head, tail = _split_word(word, room, width)
            if head:
                lines.append(f"{cur} {head}" if cur else head)
                cur = ""
                words.insert(0, tail)
                continue
        if cur:
            lines.append(cur)
            cur = word
        else:
            lines.append(word)
    if cur:
        lines.append(cur)
    return lines


class Frame:
    """A column on the page: x, width, and a cursor that moves down."""

    def __init__(self, pg: Page, x: float, w: float, top: float, bottom: float,
                 *, color: tuple[int, int, int] | None = None, overflow: str = "page",
                 region: str = "main") -> None:
        self.pg, self.x, self.w, self.top, self.bottom = pg, x, w, top, bottom
        self.y = top
        self.color = color
        self.overflow = overflow
        self.region = region
        self.next_top = top

    @property
    def s(self) -> Style:
        return self.pg.s

    def need(self, h: float) -> None:
        if self.y + h <= self.bottom:
            return
        if self.overflow != "page":
            raise RuntimeError(f"frame {self.region} overflows its page")
        self.pg.new_page()
        self.y = self.next_top

    def gap(self, h: float) -> None:
        self.y += h

    def words_line(self, x: float, y: float, line: str, w: float, size: float, *,
                   justify: bool, bold: bool = False, italic: bool = False,
                   color=None) -> None:
        pg = self.pg
        pg.font(size, bold, italic)
        words = line.split()
        if not justify or len(words) < 2:
            pg.text(x, y, line, size, bold=bold, italic=italic, color=color)
            return
        natural = sum(pg.width(wd) for wd in words)
        space = (w - natural) / (len(words) - 1)
        cx = x
        for wd in words:
            pg.text(cx, y, wd, size, bold=bold, italic=italic, color=color)
            cx += pg.width(wd) + space

    def para(self, text: str, *, size: float | None = None, indent: float = 0.0,
             bullet: str | None = None, bold: bool = False, italic: bool = False,
             anchor: bool = True, color=None, justify: bool | None = None) -> None:
        pg, s = self.pg, self.s
        size = size or s.size
        lh = size * s.leading
        pg.font(size, bold, italic)
        x = self.x + indent + (10 if bullet else 0)
        w = self.w - indent - (10 if bullet else 0)
        lines = wrap(text, w, pg.width, s.hyphenate)
        justify = s.justify if justify is None else justify
        for i, line in enumerate(lines):
            self.need(lh)
            if i == 0 and bullet:
                if s.bullet_apart:
                    pg.text(self.x + indent, self.y, bullet, size, color=color)
                    pg.font(size, bold, italic)
                else:
                    line = f"{bullet} {line}"
                    x0 = self.x + indent
                    self.words_line(x0, self.y, line, w + 10, size, justify=False,
                                    bold=bold, italic=italic, color=color)
                    self.y += lh
                    continue
            last = i == len(lines) - 1
            self.words_line(x, self.y, line, w, size, justify=justify and not last,
                            bold=bold, italic=italic, color=color)
            self.y += lh
        if anchor:
            pg.L.anchor(text)
        if color == (255, 255, 255):
            pg.L.visible.append(snippet(text, 6))

    def heading(self, sec: Sec, text: str | None = None) -> None:
        pg, s = self.pg, self.s
        title = text or sec.title
        shown = {"upper": title.upper(), "title": title, "spaced": " ".join(title.upper()),
                 "tracked": title.upper()}[s.head_case]
        if s.head_case == "spaced":
            shown = "   ".join(" ".join(w) for w in title.upper().split())
        icon = f"{s.head_icon} " if s.head_icon else ""
        size = s.head_size
        lh = size * 1.35
        self.gap(s.head_gap)
        spacing = 2.2 if s.head_case == "tracked" else 0.0
        pg.font(size, s.head_bold)
        lines = [icon + shown]
        room = self.w - (12 if s.head_pill else 0)
        if pg.width(lines[0]) + spacing * len(lines[0]) > room:
            lines = wrap(icon + shown, room - spacing * 12, pg.width, hyphenate=False)
            fitted: list[str] = []
            for ln in lines:
                while pg.width(ln) > room:
                    head, ln = _split_word(ln, room, pg.width)
                    if not head:
                        break
                    fitted.append(head)
                fitted.append(ln)
            lines = fitted
        self.need(lh * len(lines) + 2 * s.size * s.leading)
        color = s.head_color
        if s.head_pill:
            pg.rect(self.x, self.y - 2, min(self.w, max(pg.width(ln) for ln in lines) + 14),
                    lh * len(lines) + 2, s.head_pill, round_corners=True)
            color = (255, 255, 255)
        for ln in lines:
            x = self.x + (7 if s.head_pill else 0)
            if s.head_center:
                x = self.x + (self.w - pg.width(ln)) / 2
            if s.head_split_color and len(ln) > 3:
                pg.text(x, self.y, ln[:3], size, bold=s.head_bold, color=s.head_split_color)
                pg.font(size, s.head_bold)
                pg.text(x + pg.width(ln[:3]), self.y, ln[3:], size, bold=s.head_bold,
                        color=color)
            else:
                pg.text(x, self.y, ln, size, bold=s.head_bold, color=color, spacing=spacing)
            self.y += lh
        if s.head_rule:
            pg.rule(self.x, self.x + self.w, self.y - 2)
            self.y += 3
        pg.L.heading(title, sec)
        if color == (255, 255, 255) or self.color:
            pg.L.visible.append(title)

    def entry(self, e: Entry, *, color=None) -> None:
        pg, s = self.pg, self.s
        size = s.size
        lh = size * s.leading
        title = e.title.upper() if s.title_caps else e.title
        org = e.org.upper() if s.org_caps else e.org
        if s.title_caps:
            pg.L.not_heads.append(title)
        if s.org_caps:
            pg.L.not_heads.append(org)
        self.need(lh * 3)
        first, second = (title, org) if s.title_first else (org, title)
        if s.date_pos == "left":
            pg.text(self.x, self.y, e.when, size, color=color)
            x, w = self.x + 78, self.w - 78
        else:
            x, w = self.x, self.w
        pg.text(x, self.y, first, size, bold=True, color=color)
        if s.date_pos == "right":
            pg.font(size)
            pg.text(self.x + self.w - pg.width(e.when), self.y, e.when, size, color=color)
        elif s.date_pos == "after":
            pg.font(size, True)
            pg.text(x + pg.width(first) + 6, self.y, f"| {e.when}", size, color=color)
        self.y += lh
        second_line = second + (f", {e.place}" if e.place and s.date_pos != "right" else "")
        pg.text(x, self.y, second_line, size, italic=True, color=color)
        if s.date_pos == "right" and e.place:
            pg.font(size, italic=True)
            pg.text(self.x + self.w - pg.width(e.place), self.y, e.place, size, italic=True,
                    color=color)
        self.y += lh
        if s.date_pos == "below":
            pg.text(x, self.y, e.when, size, color=color)
            self.y += lh
        pg.L.anchor(e.title)
        sub = Frame(pg, x, w, self.y, self.bottom, overflow=self.overflow, region=self.region)
        sub.next_top = self.next_top
        for b in e.bullets:
            sub.para(b, bullet=s.bullet, color=color)
        self.y = sub.y
        self.gap(size * 0.4)

    def section(self, sec: Sec, *, heading: str | None = None, color=None) -> None:
        s = self.s
        pg = self.pg
        if sec.sid in s.inline and all(isinstance(i, Line) for i in sec.items):
            self.inline_section(sec, color=color)
            return
        self.heading(sec, heading)
        for item in sec.items:
            if isinstance(item, Entry):
                self.entry(item, color=color)
            elif isinstance(item, Line):
                self.para(item.text, bullet=s.bullet if s.bullet else None, color=color)
            else:
                self.para(item.text, color=color)
        self.gap(s.size * 0.3)
        del pg

    def inline_section(self, sec: Sec, color=None) -> None:
        pg, s = self.pg, self.s
        size = s.size
        lh = size * s.leading
        self.gap(s.head_gap / 2)
        self.need(lh * (len(sec.items) + 1))
        head = sec.title.upper() if s.head_case == "upper" else sec.title
        label = head + s.inline_sep.rstrip()
        pg.text(self.x, self.y, label, size, bold=True, color=color)
        pg.font(size, True)
        x = self.x + pg.width(label + " ") + 2
        pg.L.heading(head, sec)
        for k, item in enumerate(sec.items):
            if k:
                self.need(lh)
            sub = Frame(pg, x, self.x + self.w - x, self.y, self.bottom, overflow=self.overflow)
            sub.para(item.text, color=color)
            self.y = sub.y
        self.gap(size * 0.3)


def header_block(fr: Frame, p: Persona, *, center: bool = False, color=None,
                 name_size: float = 22, caps: bool = False, contact_sep: str = "  |  ",
                 contact_lines: bool = False) -> None:
    pg = fr.pg
    name = p.name.upper() if caps else p.name
    pg.font(name_size, True)
    x = fr.x + (fr.w - pg.width(name)) / 2 if center else fr.x
    pg.text(x, fr.y, name, name_size, bold=True, color=color)
    pg.L.not_heads.append(name)
    fr.y += name_size * 1.3
    pg.font(fr.s.size + 2)
    x = fr.x + (fr.w - pg.width(p.tagline)) / 2 if center else fr.x
    pg.text(x, fr.y, p.tagline, fr.s.size + 2, color=color)
    if p.tagline.isupper() or caps:
        pg.L.not_heads.append(p.tagline)
    fr.y += (fr.s.size + 2) * 1.4
    if contact_lines:
        for c in p.contact:
            pg.text(fr.x, fr.y, c, fr.s.size, color=color)
            if color == (255, 255, 255):
                pg.L.visible.append(c)
            fr.y += fr.s.size * 1.35
        return
    line = contact_sep.join(p.contact)
    pg.font(fr.s.size)
    x = fr.x + (fr.w - pg.width(line)) / 2 if center else fr.x
    pg.text(x, fr.y, line, fr.s.size, color=color)
    fr.y += fr.s.size * 1.6


# -- PDF templates -----------------------------------------------------------------------


def pdf_single(p: Persona, style: Style, *, order: tuple[str, ...] | None = None,
               headings: dict[str, str] | None = None, footer: str = "",
               center_header: bool = False, caps_name: bool = False,
               fmt: str = "Letter") -> tuple[bytes, dict]:
    """One column from margin to margin (Word, Google Docs, job-portal exports)."""
    L = Labels()
    pg = Page(L, style, fmt)
    margin = 54
    fr = Frame(pg, margin, pg.W - 2 * margin, 50, pg.H - 60)
    if footer:
        def foot() -> None:
            text = footer.format(n=pg.pages)
            pg.text(margin, pg.H - 40, text, 8, color=(110, 110, 110))
            L.not_heads.append(text)
        pg.on_new_page.append(foot)
    pg.new_page()
    header_block(fr, p, center=center_header, caps=caps_name)
    secs = [p.get(s) for s in order] if order else list(p.sections)
    for sec in secs:
        fr.section(sec, heading=(headings or {}).get(sec.title))
    return pg.output(), L.finish()


def pdf_sidebar(p: Persona, style: Style, side: tuple[str, ...], *, left: bool = True,
                panel: tuple[int, int, int] = (31, 45, 61), side_text=(255, 255, 255),
                panel_frac: float = 1.0, all_pages: bool = True, side_width: float = 185,
                header_full: bool = False, side_style: Style | None = None
                ) -> tuple[bytes, dict]:
    """A coloured panel down one side with contact, skills and the like; main text beside.

    ``panel_frac`` < 1 draws the panel over only the top part of the page, and the main
    column widens to the full page below it (the sidebar spans part of the page height).
    """
    L = Labels()
    pg = Page(L, style)
    margin = 36
    sx = 0 if left else pg.W - side_width
    mx = side_width + 24 if left else margin
    mw = pg.W - side_width - 24 - margin
    panel_bottom = pg.H * panel_frac

    def draw_panel() -> None:
        if all_pages or pg.pages == 1:
            pg.rect(sx, 0, side_width, panel_bottom, panel)
    pg.on_new_page.append(draw_panel)
    pg.new_page()
    top = 40
    if header_full:
        hdr = Frame(pg, mx, mw, top, 200)
        header_block(hdr, p, name_size=24)
        top = hdr.y + 8
    sstyle = side_style or replace(style, text_color=side_text, head_color=side_text,
                                   head_size=11, size=9, date_pos="below", bullet="")
    sf = Frame(pg, sx + 18, side_width - 36, top if header_full else 40, panel_bottom - 20,
               color=panel, overflow="fail", region="side")
    L.region = "side"
    white = side_text if side_text == (255, 255, 255) else None
    if not header_full:
        size = 15.0
        pg.font(size, True)
        while pg.width(p.name) > sf.w and size > 9:
            size -= 0.5
            pg.font(size, True)
        pg.text(sf.x, sf.y, p.name, size, bold=True, color=side_text)
        L.not_heads.append(p.name)
        if white:
            L.visible.append(p.name)
        sf.y += size + 8
        for c in p.contact:
            pg.font(8.5)
            for part in wrap(c, sf.w, pg.width):
                pg.text(sf.x, sf.y, part, 8.5, color=side_text)
                sf.y += 11
            if white:
                L.visible.append(c)
            sf.y += 1
    sf_pg_style = pg.s
    pg.s = sstyle
    for sid in side:
        sf.section(p.get(sid), color=white)
    pg.s = sf_pg_style
    L.region = "main"
    mf = Frame(pg, mx, mw, top, pg.H - 40)
    if panel_frac < 1.0:
        mf.bottom = pg.H - 40
        wide = Frame(pg, margin, pg.W - 2 * margin, panel_bottom + 14, pg.H - 40)
    if not header_full:
        pg.text(mf.x, mf.y, p.tagline, 16, bold=True, color=(31, 45, 61))
        mf.y += 28
    mf.next_top = 40
    if not all_pages and panel_frac >= 1.0:
        mf.next_top = 40
    rest = [s for s in p.sections if s.sid not in side]
    for sec in rest:
        if panel_frac < 1.0 and mf.y > panel_bottom - 60 and pg.pages == 1:
            # Below the panel the main text runs the full width of the page.
            wide.y = max(mf.y, panel_bottom + 14)
            mf = wide
            mf.next_top = 40
        mf.section(sec)
    if not all_pages:
        # later pages use the whole width
        pass
    return pg.output(), L.finish()


def pdf_two_column(p: Persona, style: Style, left_ids: tuple[str, ...],
                   right_ids: tuple[str, ...], *, left_w: float = 170,
                   tracked_name: bool = False) -> tuple[bytes, dict]:
    """Deedy-like: a full-width name band, then a narrow left and a wide right column."""
    L = Labels()
    pg = Page(L, style)
    margin = 36
    pg.new_page()
    name = p.name.upper() if tracked_name else p.name
    pg.font(26, True)
    pg.text((pg.W - pg.width(name) - 26 * 0.0) / 2, 30, name, 26, bold=True,
            spacing=0.0)
    L.not_heads.append(name)
    line = "  |  ".join(p.contact)
    pg.font(9)
    pg.text((pg.W - pg.width(line)) / 2, 64, line, 9, color=(80, 80, 80))
    top = 92
    lf = Frame(pg, margin, left_w, top, pg.H - 30, overflow="fail", region="left")
    rf = Frame(pg, margin + left_w + 22, pg.W - 2 * margin - left_w - 22, top, pg.H - 30,
               overflow="fail", region="right")
    L.region = "left"
    for sid in left_ids:
        lf.section(p.get(sid))
    L.region = "right"
    for sid in right_ids:
        rf.section(p.get(sid))
    return pg.output(), L.finish()


def pdf_datecol(p: Persona, style: Style, *, right: bool = True) -> tuple[bytes, dict]:
    """Physician CV with a narrow date column: dates on the right (or left) of each entry,
    every dated line its own text object, the way word processors place tab stops."""
    L = Labels()
    pg = Page(L, style)
    margin = 60
    fr = Frame(pg, margin, pg.W - 2 * margin, 50, pg.H - 60)
    pg.new_page()
    header_block(fr, p, center=True, caps=True)
    for sec in p.sections:
        fr.heading(sec)
        for item in sec.items:
            if isinstance(item, Entry):
                fr.need(40)
                date_w = 70
                if right:
                    text_x, text_w = fr.x, fr.w - date_w - 10
                    dx = fr.x + fr.w - pg.width(item.when) - 2
                else:
                    text_x, text_w = fr.x + date_w + 10, fr.w - date_w - 10
                    dx = fr.x
                pg.font(style.size)
                pg.text(dx, fr.y, item.when, style.size)
                sub = Frame(pg, text_x, text_w, fr.y, fr.bottom)
                sub.para(f"{item.title}, {item.org}, {item.place}", bold=True, anchor=False)
                L.anchor(item.title)
                for b in item.bullets:
                    sub.para(b, bullet=style.bullet)
                fr.y = sub.y + 4
            else:
                fr.para(item.text, bullet=style.bullet or None)
    return pg.output(), L.finish()


def break_ligatures(data: bytes, how: str) -> bytes:
    """Make the ligature glyphs unmappable, as some PDF producers do.

    ``space``: the ToUnicode map sends each ligature to a space ("e ectively");
    ``none``: the ligatures have no entry at all, so they extract as (cid:NN).
    Byte lengths are kept, so the cross-reference table stays valid.
    """
    def fix(m: re.Match[bytes]) -> bytes:
        src, dst = m.group(1), m.group(2)
        if dst.upper() in (b"FB00", b"FB01", b"FB02", b"FB03", b"FB04"):
            if how == "space":
                return b"<" + src + b"> <0020>"
            return b"<FFF" + src[3:] + b"> <" + dst + b">"
        return m.group(0)
    return re.sub(rb"<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})>", fix, data)


# --------------------------------------------------------------------------- DOCX


def _docx():
    import docx

    return docx


def new_docx():
    d = _docx().Document()
    props = d.core_properties
    props.author = "resumecheck structure set"
    props.last_modified_by = "resumecheck structure set"
    props.created = FIXED_TIME.replace(tzinfo=None)
    props.modified = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1
    return d


def save_docx(d) -> bytes:
    raw = io.BytesIO()
    d.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.create_system = 0
            member.external_attr = 0
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


@dataclass(frozen=True)
class DStyle:
    heading: str = "style"  # style | bold | big | caps_bold | emoji | inline
    caps: bool = False
    title_caps: bool = False
    emoji: dict[str, str] = field(default_factory=dict)
    inline: frozenset[str] = frozenset()
    bullets: bool = True
    #: Employers as Word "Heading 2" under "Heading 1" sections, as Word templates do.
    org_headings: bool = False


EMOJI = {"summary": "\U0001F464", "experience": "\U0001F4BC", "education": "\U0001F393",
         "skills": "\U0001F6E0", "languages": "\U0001F310", "certifications": "\U0001F3C5",
         "projects": "\U0001F4C1", "licensure": "\U0001FAAA", "volunteer": "\U0001F91D"}


def docx_heading(d, L: Labels, sec: Sec, st: DStyle, title: str | None = None) -> None:
    from docx.shared import Pt, RGBColor

    text = title or sec.title
    shown = text.upper() if st.caps else text
    if st.heading == "style":
        d.add_heading(shown, level=1)
    elif st.heading == "emoji":
        para = d.add_paragraph()
        icon = st.emoji.get(sec.sid, EMOJI.get(sec.sid, "\u2605"))
        run = para.add_run(f"{icon} {shown}")
        run.bold = True
        run.font.size = Pt(13)
    elif st.heading == "big":
        para = d.add_paragraph()
        run = para.add_run(shown)
        run.font.size = Pt(15)
        run.font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
    else:
        para = d.add_paragraph()
        run = para.add_run(shown)
        run.bold = True
        run.font.size = Pt(11)
    L.draw(shown)
    L.heading(shown if st.caps else text, sec)


def docx_items(d, L: Labels, sec: Sec, st: DStyle, cell=None, color=None) -> None:
    from docx.shared import Pt

    target = cell or d
    for item in sec.items:
        if isinstance(item, Entry):
            if st.org_headings and cell is None:
                target.add_heading(item.org, level=2)
                L.not_heads.append(item.org)
                L.draw(item.org)
            para = target.add_paragraph()
            title = item.title.upper() if st.title_caps else item.title
            r = para.add_run(title)
            r.bold = True
            para.add_run(f"\t{item.when}")
            if st.title_caps:
                L.not_heads.append(title)
            para2 = target.add_paragraph()
            r2 = para2.add_run(f"{item.org}, {item.place}" if item.place else item.org)
            r2.italic = True
            L.draw(f"{title} {item.when} {item.org} {item.place}")
            L.anchor(item.title)
            for b in item.bullets:
                bp = target.add_paragraph(style="List Bullet") if cell is None else \
                    target.add_paragraph(f"\u2022 {b}")
                if cell is None:
                    bp.add_run(b)
                L.draw(b)
                L.anchor(b)
        else:
            if isinstance(item, Line) and st.bullets and cell is None:
                para = target.add_paragraph(style="List Bullet")
                para.add_run(item.text)
            else:
                para = target.add_paragraph(item.text)
            if color is not None:
                for r in para.runs:
                    r.font.color.rgb = color
                    r.font.size = Pt(9)
            L.draw(item.text)
            L.anchor(item.text)


def docx_header(d, L: Labels, p: Persona, *, caps: bool = False) -> None:
    from docx.shared import Pt

    name = p.name.upper() if caps else p.name
    para = d.add_paragraph()
    r = para.add_run(name)
    r.bold = True
    r.font.size = Pt(20)
    L.not_heads.append(name)
    d.add_paragraph(p.tagline)
    d.add_paragraph("  |  ".join(p.contact))
    L.draw(f"{name} {p.tagline} {' '.join(p.contact)}")


def docx_flow(p: Persona, st: DStyle, *, caps_name: bool = False,
              title_style: bool = False) -> tuple[bytes, dict]:
    """Word or Google Docs export, one column."""
    from docx.shared import Pt

    d = new_docx()
    L = Labels()
    if title_style:
        d.add_heading(p.name, level=0)
        L.not_heads.append(p.name)
        L.draw(p.name)
        d.add_paragraph(p.tagline)
        d.add_paragraph("  |  ".join(p.contact))
        L.draw(f"{p.tagline} {' '.join(p.contact)}")
    else:
        docx_header(d, L, p, caps=caps_name)
    for sec in p.sections:
        if sec.sid in st.inline and all(isinstance(i, Line) for i in sec.items):
            head = sec.title.upper() if st.caps else sec.title
            for k, item in enumerate(sec.items):
                para = d.add_paragraph()
                if k == 0:
                    r = para.add_run(f"{head}: ")
                    r.bold = True
                    L.heading(head, sec)
                para.add_run(item.text)
                para.paragraph_format.left_indent = Pt(0 if k == 0 else 90)
                L.draw(f"{head}: {item.text}" if k == 0 else item.text)
                L.anchor(item.text)
            continue
        docx_heading(d, L, sec, st)
        docx_items(d, L, sec, st)
    return save_docx(d), L.finish()


def _shade(cell, hex_fill: str) -> None:
    from docx.oxml import parse_xml

    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(parse_xml(f'<w:shd xmlns:w="http://schemas.openxmlformats.org/'
                          f'wordprocessingml/2006/main" w:val="clear" w:color="auto" '
                          f'w:fill="{hex_fill}"/>'))


def docx_table_layout(p: Persona, side: tuple[str, ...], *, dark: bool = True
                      ) -> tuple[bytes, dict]:
    """The Word 'two-column resume' template: one table row, sidebar cell shaded dark
    with white text, main cell with the experience."""
    from docx.shared import Inches, Pt, RGBColor

    d = new_docx()
    L = Labels()
    table = d.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.width, right.width = Inches(2.3), Inches(4.7)
    white = RGBColor(0xFF, 0xFF, 0xFF) if dark else None
    if dark:
        _shade(left, "1F2D3D")
    L.region = "side"
    para = left.paragraphs[0]
    r = para.add_run(p.name)
    r.bold = True
    r.font.size = Pt(16)
    if white:
        r.font.color.rgb = white
        L.visible.append(p.name)
    L.not_heads.append(p.name)
    L.draw(p.name)
    for c in p.contact:
        cp = left.add_paragraph()
        rr = cp.add_run(c)
        rr.font.size = Pt(9)
        if white:
            rr.font.color.rgb = white
            L.visible.append(c)
        L.draw(c)
    for sid in side:
        sec = p.get(sid)
        hp = left.add_paragraph()
        hr = hp.add_run(sec.title.upper())
        hr.bold = True
        if white:
            hr.font.color.rgb = white
            L.visible.append(sec.title.upper())
        L.draw(sec.title.upper())
        L.heading(sec.title.upper(), sec)
        for item in sec.items:
            ip = left.add_paragraph()
            ir = ip.add_run(item.text if not isinstance(item, Entry) else item.title)
            ir.font.size = Pt(9)
            if white:
                ir.font.color.rgb = white
                L.visible.append(snippet(ir.text, 6))
            L.draw(ir.text)
            L.anchor(ir.text)
    L.region = "main"
    rp = right.paragraphs[0]
    rr = rp.add_run(p.tagline)
    rr.bold = True
    rr.font.size = Pt(14)
    L.draw(p.tagline)
    for sec in p.sections:
        if sec.sid in side:
            continue
        hp = right.add_paragraph()
        hr = hp.add_run(sec.title.upper())
        hr.bold = True
        hr.font.size = Pt(12)
        L.draw(sec.title.upper())
        L.heading(sec.title.upper(), sec)
        docx_items(d, L, sec, DStyle(), cell=right)
    return save_docx(d), L.finish()


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _txbx(docpr: int, x: int, y: int, w: int, h: int, paras: list[tuple[str, bool, int]],
          fill: str | None = None, color: str | None = None) -> str:
    from xml.sax.saxutils import escape

    colour = f'<w:color w:val="{color}"/>' if color else ""
    body = "".join(
        f'<w:p><w:r><w:rPr>{"<w:b/>" if bold else ""}'
        f'{colour}<w:sz w:val="{size}"/></w:rPr>'
        f"<w:t xml:space=\"preserve\">{escape(text)}</w:t></w:r></w:p>"
        for text, bold, size in paras)
    fill_xml = (f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>' if fill else
                "<a:noFill/>")
    return f"""<w:r xmlns:w="{_W}"
  xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
  xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
  xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:drawing>
  <wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{docpr}"
      behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
    <wp:simplePos x="0" y="0"/>
    <wp:positionH relativeFrom="page"><wp:posOffset>{x}</wp:posOffset></wp:positionH>
    <wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV>
    <wp:extent cx="{w}" cy="{h}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>
    <wp:docPr id="{docpr}" name="Text Box {docpr}"/><wp:cNvGraphicFramePr/>
    <a:graphic><a:graphicData
        uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
      <wps:wsp><wps:cNvSpPr txBox="1"/>
        <wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>
          <a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill_xml}</wps:spPr>
        <wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx>
        <wps:bodyPr rot="0" vert="horz" wrap="square" anchor="t"><a:noAutofit/></wps:bodyPr>
      </wps:wsp></a:graphicData></a:graphic>
  </wp:anchor></w:drawing></w:r>"""


def docx_textboxes(p: Persona, side: tuple[str, ...]) -> tuple[bytes, dict]:
    """A designer template built from text boxes: each heading in a box of its own, each
    section's content in another, placed anywhere on the page. The XML holds them in the
    order they were drawn (content boxes first, headings added last, as happens when a
    template is edited), not the order a reader sees them."""
    from docx.oxml import parse_xml

    emu = 12700  # per point
    d = new_docx()
    L = Labels()
    boxes: list[tuple[int, int, str]] = []  # (kind order, docpr, xml)
    n = 1
    heads: list[str] = []
    contents: list[str] = []
    L.region = "side"
    y = 60
    heads.append(_txbx(n, 36 * emu, y * emu, 160 * emu, 30 * emu,
                       [(p.name, True, 32)]))
    L.not_heads.append(p.name)
    L.draw(p.name)
    n += 1
    y += 36
    contents.append(_txbx(n, 36 * emu, y * emu, 160 * emu, 60 * emu,
                          [(c, False, 18) for c in p.contact]))
    L.draw(" ".join(p.contact))
    n += 1
    y += 14 * len(p.contact) + 20
    for region, sids, x, w in (("side", side, 36, 160),
                               ("main", tuple(s.sid for s in p.sections if s.sid not in side),
                                220, 350)):
        L.region = region
        if region == "main":
            y = 60
        for sid in sids:
            sec = p.get(sid)
            heads.append(_txbx(n, x * emu, y * emu, w * emu, 22 * emu,
                               [(sec.title.upper(), True, 24)]))
            L.draw(sec.title.upper())
            L.heading(sec.title.upper(), sec)
            n += 1
            y += 24
            paras = []
            for item in sec.items:
                if isinstance(item, Entry):
                    paras.append((f"{item.title}, {item.org} ({item.when})", True, 19))
                    L.draw(paras[-1][0])
                    L.anchor(item.title)
                    for b in item.bullets:
                        paras.append((f"\u2022 {b}", False, 18))
                        L.draw(b)
                        L.anchor(b)
                else:
                    paras.append((item.text, False, 18))
                    L.draw(item.text)
                    L.anchor(item.text)
            height = sum(13 if len(t) < 60 * w / 350 else 26 for t, _, _ in paras) + 6
            contents.append(_txbx(n, x * emu, y * emu, w * emu, height * emu, paras))
            n += 1
            y += height + 10
    body = d.element.body
    sect = body[-1]
    for xml in contents + heads:
        para = parse_xml(f'<w:p xmlns:w="{_W}"/>')
        para.append(parse_xml(xml))
        sect.addprevious(para)
    del boxes
    return save_docx(d), L.finish()


def docx_visibility(p: Persona) -> tuple[bytes, dict]:
    """White text on a dark shaded heading band and cell (visible), next to text that is
    really hidden: w:vanish, white on white, and 1-point runs."""
    from docx.shared import Pt, RGBColor

    d = new_docx()
    L = Labels()
    docx_header(d, L, p)
    white = RGBColor(0xFF, 0xFF, 0xFF)
    for k, sec in enumerate(p.sections):
        table = d.add_table(rows=1, cols=1)
        cell = table.rows[0].cells[0]
        _shade(cell, "243B55" if k % 2 == 0 else "7A1F3D")
        r = cell.paragraphs[0].add_run(sec.title.upper())
        r.bold = True
        r.font.color.rgb = white
        L.draw(sec.title.upper())
        L.heading(sec.title.upper(), sec)
        L.visible.append(sec.title.upper())
        docx_items(d, L, sec, DStyle(bullets=False))
        if k == 1:
            hp = d.add_paragraph()
            hr = hp.add_run("spinal cord stimulation kyphoplasty ketamine infusion")
            hr.font.color.rgb = white
            hp2 = d.add_paragraph()
            vr = hp2.add_run("regenerative medicine platelet-rich plasma")
            vr.font.hidden = True
            hp3 = d.add_paragraph()
            tr = hp3.add_run("peripheral nerve stimulation botulinum toxin")
            tr.font.size = Pt(1)
    return save_docx(d), L.finish()


# --------------------------------------------------------------------------- the set


#: The academic CV with its lectures under the one-word heading that wraps in a sidebar.
SPEAKER = replace(ACADEMIC, sections=tuple(
    replace(sec, title="Presentations") if sec.sid == "presentations" else sec
    for sec in ACADEMIC.sections if sec.sid not in ("publications", "teaching")))


def pdf_docs() -> dict[str, Callable[[], tuple[bytes, dict]]]:
    sidebar = Style(font="Helvetica", head_color=(31, 45, 61), head_rule=True)
    caps_titles = Style(title_caps=True, org_caps=True, head_rule=True, font="Times",
                        head_size=12, size=10.5)
    awesome = Style(head_case="title", head_size=15, head_rule=True, head_bold=True,
                    head_split_color=(220, 50, 50), title_caps=True, title_first=False,
                    date_pos="right", size=9.5)
    deedy = Style(head_case="tracked", head_size=13, head_bold=False,
                  head_color=(90, 90, 90), size=9, date_pos="below", bullet="")
    gdocs = Style(head_case="title", head_size=14, head_bold=False, head_color=(40, 90, 160),
                  date_pos="right", size=10)
    word = Style(head_case="upper", head_rule=True, justify=True, font="Times", size=11,
                 head_size=12, date_pos="right")
    portal = Style(head_case="title", head_size=13, head_bold=True, date_pos="below",
                   bullet="-", size=10)
    physician_inline = Style(font="Times", size=11, head_size=12, head_rule=True,
                             inline=frozenset({"board_certification", "licensure",
                                               "memberships", "awards", "procedures"}),
                             date_pos="left")
    spaced = Style(head_case="spaced", head_size=11, head_bold=True, date_pos="right")
    icons = Style(font="DejaVu", head_icon="\u2605", head_case="upper", head_rule=True,
                  size=9.5, head_size=12)
    bullets = Style(bullet="\u2022", bullet_apart=True, date_pos="right", head_rule=True,
                    size=10)
    pills = Style(head_pill=(0, 110, 120), head_size=11, date_pos="right", size=9.5)
    lig = Style(font="DejaVu", ligatures=True, size=9.5, head_size=12, date_pos="right")
    hyph = Style(font="Times", justify=True, hyphenate=True, size=11, date_pos="below")

    def lig_doc(how: str, persona: Persona) -> Callable[[], tuple[bytes, dict]]:
        def make() -> tuple[bytes, dict]:
            data, labels = pdf_single(persona, lig)
            return break_ligatures(data, how), labels
        return make

    acad_heads = Style(head_case="title", head_size=12.5, head_bold=True, size=10,
                       date_pos="right", font="Times")
    narrow_side = Style(head_color=(255, 255, 255))
    return {
        "pdf/sidebar_dark_left_swe.pdf":
            lambda: pdf_sidebar(SWE, sidebar, ("skills", "languages", "certifications")),
        "pdf/sidebar_dark_left_np.pdf":
            lambda: pdf_sidebar(NP, sidebar, ("licensure", "certifications", "skills")),
        "pdf/sidebar_dark_right_analyst.pdf":
            lambda: pdf_sidebar(ANALYST, sidebar, ("skills", "certifications", "languages"),
                                left=False, panel=(60, 30, 80)),
        "pdf/sidebar_partial_height_pain.pdf":
            lambda: pdf_sidebar(PAIN, sidebar, ("licensure", "board_certification"),
                                panel_frac=0.42, all_pages=False, side_width=190),
        "pdf/sidebar_light_header_full.pdf":
            lambda: pdf_sidebar(NP, sidebar, ("skills", "licensure", "certifications"),
                                panel=(232, 236, 240), side_text=(30, 30, 30),
                                header_full=True),
        "pdf/sidebar_wrapped_headings.pdf":
            lambda: pdf_sidebar(PAIN, replace(sidebar, size=9.5),
                                ("memberships", "board_certification", "awards"),
                                side_width=150,
                                side_style=replace(narrow_side, size=8.5, head_size=13,
                                                   text_color=(255, 255, 255), bullet="",
                                                   date_pos="below")),
        "pdf/sidebar_hyphenated_headings.pdf":
            lambda: pdf_sidebar(SPEAKER, replace(sidebar, size=9.5),
                                ("presentations", "memberships", "awards"), side_width=120,
                                side_style=replace(narrow_side, size=8, head_size=15,
                                                   text_color=(255, 255, 255), bullet="",
                                                   date_pos="below")),
        "pdf/deedy_two_column_swe.pdf":
            lambda: pdf_two_column(SWE, deedy, ("education", "skills", "languages",
                                                "certifications"),
                                   ("experience", "projects"), tracked_name=True),
        "pdf/deedy_two_column_np.pdf":
            lambda: pdf_two_column(NP, deedy, ("education", "licensure", "skills"),
                                   ("summary", "experience", "certifications", "volunteer")),
        "pdf/awesome_cv_swe.pdf": lambda: pdf_single(SWE, awesome, center_header=True),
        "pdf/awesome_cv_pain.pdf": lambda: pdf_single(PAIN, awesome, center_header=True),
        "pdf/caps_titles_pain.pdf": lambda: pdf_single(PAIN, caps_titles, caps_name=True,
                                                        center_header=True),
        "pdf/caps_titles_academic.pdf": lambda: pdf_single(
            ACADEMIC, replace(caps_titles, font="Helvetica"), caps_name=True,
            footer="Osei-Marchetti CV - page {n}"),
        "pdf/google_docs_np.pdf": lambda: pdf_single(NP, gdocs),
        "pdf/google_docs_analyst.pdf": lambda: pdf_single(ANALYST, gdocs),
        "pdf/word_justified_pain.pdf": lambda: pdf_single(PAIN, word),
        "pdf/word_hyphenated_academic.pdf": lambda: pdf_single(
            ACADEMIC, hyph, footer="Page {n}"),
        "pdf/portal_export_analyst.pdf": lambda: pdf_single(
            ANALYST, portal, footer="Page {n} of 2"),
        "pdf/portal_export_swe.pdf": lambda: pdf_single(SWE, portal, footer="Page {n}"),
        "pdf/academic_title_case_long.pdf": lambda: pdf_single(
            ACADEMIC, acad_heads, footer="Henrik Osei-Marchetti - Curriculum Vitae - {n}"),
        "pdf/physician_inline_headings.pdf": lambda: pdf_single(PAIN, physician_inline),
        "pdf/physician_datecol_right.pdf": lambda: pdf_datecol(
            PAIN, Style(font="Times", size=10.5, head_rule=True, head_center=True)),
        "pdf/physician_datecol_left_academic.pdf": lambda: pdf_datecol(
            ACADEMIC, Style(font="Times", size=10.5, head_case="title", head_size=12.5),
            right=False),
        "pdf/spanish_cv.pdf": lambda: pdf_single(ES, replace(gdocs, head_case="upper")),
        "pdf/french_cv.pdf": lambda: pdf_sidebar(FR, sidebar, ("skills", "languages",
                                                               "interests")),
        "pdf/german_cv.pdf": lambda: pdf_single(DE, replace(word, justify=False)),
        "pdf/portuguese_cv.pdf": lambda: pdf_single(PT, gdocs),
        "pdf/letter_spaced_headings.pdf": lambda: pdf_single(NP, spaced),
        "pdf/tracked_headings_pain.pdf": lambda: pdf_single(
            PAIN, replace(deedy, date_pos="right", bullet="\u2022", size=9.5)),
        "pdf/icon_headings.pdf": lambda: pdf_single(SWE, icons),
        "pdf/bullet_glyphs_apart.pdf": lambda: pdf_single(PAIN, bullets),
        "pdf/heading_pills.pdf": lambda: pdf_sidebar(
            ANALYST, pills, ("skills", "languages"), panel=(240, 240, 240),
            side_text=(30, 30, 30),
            side_style=replace(pills, size=9, date_pos="below", bullet="")),
        "pdf/same_size_bold_caps_pain.pdf": lambda: pdf_single(
            PAIN, Style(size=10, head_size=10, date_pos="right", org_caps=True)),
        "pdf/tracked_small_caps_academic.pdf": lambda: pdf_single(
            ACADEMIC, Style(head_case="tracked", head_size=10.5, size=10, font="Times",
                            date_pos="below")),
        "pdf/equal_columns_np.pdf": lambda: pdf_two_column(
            NP, Style(size=9, head_size=11, date_pos="below"), ("summary", "experience"),
            ("education", "licensure", "certifications", "skills", "volunteer"), left_w=260),
        "pdf/right_sidebar_no_fill_swe.pdf": lambda: pdf_sidebar(
            SWE, Style(head_rule=True), ("skills", "languages", "certifications"), left=False,
            panel=(255, 255, 255), side_text=(20, 20, 20)),
        "pdf/title_case_body_size_academic.pdf": lambda: pdf_single(
            ACADEMIC, Style(head_case="title", head_size=11, size=11, font="Times",
                            date_pos="left")),
        "pdf/caps_titles_sidebar_pain.pdf": lambda: pdf_sidebar(
            PAIN, Style(title_caps=True, org_caps=True, head_size=11.5, size=9.5),
            ("licensure", "board_certification", "memberships")),
        "pdf/portuguese_sidebar.pdf": lambda: pdf_sidebar(
            PT, Style(head_case="title", head_size=12), ("skills", "languages",
                                                         "certifications")),
        "pdf/spanish_bold_labels.pdf": lambda: pdf_single(
            ES, Style(inline=frozenset({"languages", "skills", "certifications"}),
                      head_case="title", head_size=12.5)),
        "pdf/ligatures_as_spaces.pdf": lig_doc("space", PAIN),
        "pdf/ligatures_unmapped.pdf": lig_doc("none", ACADEMIC),
    }


def docx_docs() -> dict[str, Callable[[], tuple[bytes, dict]]]:
    return {
        "docx/word_heading_styles_pain.docx": lambda: docx_flow(PAIN, DStyle()),
        "docx/word_bold_caps_np.docx": lambda: docx_flow(
            NP, DStyle(heading="bold", caps=True, title_caps=True), caps_name=True),
        "docx/google_docs_academic.docx": lambda: docx_flow(
            ACADEMIC, DStyle(heading="big"), title_style=True),
        "docx/word_table_sidebar_swe.docx": lambda: docx_table_layout(
            SWE, ("skills", "languages", "certifications")),
        "docx/word_textboxes_np.docx": lambda: docx_textboxes(
            NP, ("licensure", "certifications", "skills")),
        "docx/word_textboxes_analyst.docx": lambda: docx_textboxes(
            ANALYST, ("skills", "languages")),
        "docx/physician_inline_headings.docx": lambda: docx_flow(
            PAIN, DStyle(heading="bold", caps=True,
                         inline=frozenset({"licensure", "board_certification", "awards",
                                           "memberships"}))),
        "docx/emoji_headings_swe.docx": lambda: docx_flow(SWE, DStyle(heading="emoji")),
        "docx/visibility_runs_pain.docx": lambda: docx_visibility(PAIN),
        "docx/spanish_cv.docx": lambda: docx_flow(ES, DStyle(heading="bold", caps=True)),
        "docx/word_caps_heading_styles_academic.docx": lambda: docx_flow(
            ACADEMIC, DStyle(heading="style", caps=True, title_caps=True)),
        "docx/google_docs_french.docx": lambda: docx_flow(FR, DStyle(heading="big")),
        "docx/word_heading_levels_swe.docx": lambda: docx_flow(
            SWE, DStyle(heading="style", org_headings=True)),
        "docx/bold_labels_pain.docx": lambda: docx_flow(
            PAIN, DStyle(heading="style", inline=frozenset(
                {"licensure", "board_certification", "memberships", "awards"}))),
        "docx/german_cv.docx": lambda: docx_flow(DE, DStyle(heading="style")),
    }


def build(out: Path) -> dict[str, dict]:
    labels: dict[str, dict] = {}
    for rel, make in {**pdf_docs(), **docx_docs()}.items():
        data, lab = make()
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        labels[rel] = lab
    return labels


def dump(labels: dict[str, dict]) -> str:
    return json.dumps(labels, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DOCS)
    ap.add_argument("--check", action="store_true",
                    help="fail when labels.json differs from what the builder writes")
    args = ap.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = dump(build(Path(tmp)))
        if not LABELS.exists() or LABELS.read_text(encoding="utf-8") != fresh:
            print("labels.json is out of date: run benchmarks/structure/build.py")
            return 1
        print("labels.json is up to date")
        return 0
    labels = build(args.out)
    LABELS.write_text(dump(labels), encoding="utf-8")
    n_anchor = sum(len(v["anchors"]) for v in labels.values())
    n_head = sum(len(v["headings"]) for v in labels.values())
    print(f"{len(labels)} documents in {args.out}; {n_head} headings, {n_anchor} anchors")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The HTML report as a page: one file's annotated document, a batch's tables, a policy that
forbids every fetch, a size that stays small, and --redact reaching the document shown."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from checking import check
from report_factory import make_report, realistic_report, show

from resumecheck.actions import plan
from resumecheck.formatters.base import RenderContext
from resumecheck.models import Failure, Kind
from resumecheck.options import CheckOptions

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
CTX = RenderContext(version="test", profile="pain-medicine")
WITH_JOB = CheckOptions(job=str(SAMPLES / "posting_interventional_pain.txt"))


class Page(HTMLParser):
    """Every element with its attributes, the text of scripts and styles, and the ids."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in: str | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._in = tag if tag in ("script", "style") else None

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "style":
            self.styles.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.elements if t == tag]

    @property
    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.elements if a.get("id")}

    @property
    def policy(self) -> dict[str, list[str]]:
        meta = next(a for a in self.all("meta")
                    if a.get("http-equiv") == "Content-Security-Policy")
        out = {}
        for part in (meta["content"] or "").split(";"):
            name, *values = part.split()
            out[name] = values
        return out


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _assert_self_contained(page: Page, text: str) -> None:
    policy = page.policy
    assert policy["default-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"] and policy["form-action"] == ["'none'"]
    # The stylesheet and the script run only because their hashes are allowed.
    assert policy["style-src"] == [_sha(s) for s in page.styles] and len(page.styles) == 1
    assert policy.get("script-src", []) == [_sha(s) for s in page.scripts]
    assert not [a for _, attrs in page.elements for a in attrs
                if a == "style" or a.startswith("on") or a in ("src", "srcset", "action")]
    hrefs = [a["href"] for a in page.all("a")]
    assert all(h and h.startswith("#") for h in hrefs)
    missing = {h[1:] for h in hrefs} - page.ids
    assert not missing, missing
    assert "http://" not in text and "https://" not in text and "<link" not in text


# --------------------------------------------------------------------------- one file


@pytest.fixture(scope="module")
def one() -> tuple[object, str]:
    report = check(SAMPLES / "cv_pain_medicine.pdf", WITH_JOB)
    return report, show("html", [report], CTX)


def test_one_file_page_is_the_annotated_document_under_a_policy_without_scripts(one) -> None:
    report, text = one
    page = Page(text)
    _assert_self_contained(page, text)
    assert page.scripts == [] and "script-src" not in page.policy
    # Actions at the top, then the document, block by block, each with its place.
    assert text.index('<ol class="actions">') < text.index('<div class="doc">')
    blocks = [a for a in page.all("div") if "b" in (a.get("class") or "").split()]
    assert len(blocks) == len(report.blocks)
    assert [a["id"] for a in blocks] == [f"f1-b{i}" for i in range(len(report.blocks))]


def test_found_terms_are_marked_where_they_are(one) -> None:
    report, text = one
    marked = re.findall(r'<mark title="([^"]*)">([^<]*)</mark>', text)
    labels = " ".join(label for label, _ in marked)
    surfaces = {s for _, s in marked}
    for t in report.terms:
        for m in t.matches:
            if not m.hidden:
                assert f"{t.term} ({t.level})".replace("&", "&amp;") in labels, t.term
                assert any(m.surface in s for s in surfaces), m.surface


def test_each_finding_sits_under_the_block_it_is_about(one) -> None:
    report, text = one
    advice = plan(report)
    placed = [f for f in advice.findings if f.location and f.location.block is not None]
    assert placed
    for f in placed:
        block = text.index(f'id="f1-b{f.location.block}"')
        nxt = text.find('<div class="b', block + 1)
        note = text.index(f"<code>{f.code}</code></strong> ", block)
        assert note < (nxt if nxt > 0 else len(text)), f.code
    # ... and only there: the findings list holds only what has no place.
    assert text.count("never given its acronym") == sum(1 for f in advice.findings
                                                        if f.code == "K103")


def test_action_places_link_to_the_block() -> None:
    report = check(SAMPLES / "cv_pain_medicine.pdf", WITH_JOB)
    text = show("html", [report], CTX)
    for a in plan(report).first:
        if a.location is not None and a.location.block is not None:
            assert f'<a href="#f1-b{a.location.block}">' in text


# --------------------------------------------------------------------------- batch


def _batch() -> list:
    outcomes: list = []
    for i in range(190):
        kind = Kind.COVER_LETTER if i % 10 == 0 else Kind.RESUME
        outcomes.append(realistic_report(f"applicants/{i:03d}-candidate.pdf", i, kind=kind))
    outcomes += [Failure(f"applicants/{i:03d}-scan.pdf", "is not a PDF (it is a PNG image)")
                 for i in range(190, 200)]
    return outcomes


def test_a_200_file_batch_page_stays_under_2_mb() -> None:
    text = show("html", _batch(), CTX)
    size = len(text.encode("utf-8"))
    assert size < 2 * 1024 * 1024, size
    page = Page(text)
    _assert_self_contained(page, text)
    assert len(page.scripts) == 1


def test_batch_page_tables_keep_letters_and_unreadable_files_apart() -> None:
    outcomes = [make_report("b/resume-a.pdf", 80.0), make_report("b/letter.docx", 40.0,
                                                                 kind=Kind.COVER_LETTER),
                make_report("b/resume-b.pdf", 60.0, job_rate=50.0),
                Failure("b/broken.pdf", "is not a PDF")]
    text = show("html", outcomes, CTX)
    page = Page(text)
    _assert_self_contained(page, text)
    tables = {m.group(1): m.group(2) for m in
              re.finditer(r'<table class="rank" id="t-(\w+)">(.*?)</table>', text, re.S)}
    assert set(tables) == {"resumes", "cover", "unreadable"}
    rows = {k: re.findall(r'<tr data-order="\d+" data-name="([^"]+)"', v)
            for k, v in tables.items()}
    assert rows == {"resumes": ["b/resume-a.pdf", "b/resume-b.pdf"],
                    "cover": ["b/letter.docx"], "unreadable": ["b/broken.pdf"]}
    # Every row opens its file's section, which is a collapsed <details>.
    sections = {a["id"] for a in page.all("details") if (a.get("class") or "") == "file"}
    links = re.findall(r'<tr [^>]*><td[^>]*>(?:\d+</td><td>)?<a href="#([^"]+)">', text)
    assert set(links) == sections and len(sections) == 4
    # Sortable and filterable by what the brief names.
    keys = {a.get("data-key") for a in page.all("th")}
    assert {"score", "match", "name", "status"} <= keys
    assert {"f-name", "f-kind", "f-status", "f-score", "f-match"} <= page.ids


def test_a_batch_quotes_each_posting_sentence_once() -> None:
    outcomes = [realistic_report(f"a/{i}.pdf", i) for i in range(6)]
    text = show("html", outcomes, CTX)
    quoted = re.findall(r"<q>([^<]*)</q>", text)
    assert quoted and len(quoted) == len(set(quoted))
    assert re.search(r'<a href="#ps-\d+">posting sentence \d+</a>', text)


def test_batch_document_only_with_details() -> None:
    outcomes = [realistic_report(f"a/{i}.pdf", i) for i in range(2)]
    assert '<div class="doc">' not in show("html", outcomes, CTX)
    full = show("html", outcomes, dataclasses.replace(CTX, details=True))
    assert full.count('<div class="doc">') == 2


# --------------------------------------------------------------------------- --redact


def test_redact_masks_the_document_shown_and_every_text_of_the_report(tmp_path: Path) -> None:
    import docx

    email, phone, street = "p.ortega-lind@example.com", "(414) 555-0199", "77 Birch Hollow Road"
    document = docx.Document(str(SAMPLES / "cv_pain_medicine.docx"))
    document.paragraphs[2].insert_paragraph_before(
        f"Dr. Ortega-Lind, {street}, Milwaukee | {phone} | {email}")
    document.paragraphs[6].insert_paragraph_before(
        f"Spinal cord stimulation clinic; referrals to {email} or {phone}.")
    path = tmp_path / "cv.docx"
    document.save(str(path))

    def leaks(text: str) -> list[str]:
        return [x for x in (email, "ortega-lind@", phone, "555-0199", "Birch Hollow")
                if x in text]

    options = dataclasses.replace(WITH_JOB, redact=True)
    plain = check(path, WITH_JOB)
    masked = check(path, options)
    # Unmasked, the page shows the document (contact details included), so this can fail.
    assert leaks(show("html", [plain], CTX))
    for details in (False, True):
        ctx = dataclasses.replace(CTX, details=details)
        for fmt in ("html", "text", "markdown", "json"):
            assert leaks(show(fmt, [masked], ctx)) == [], (fmt, details)
    # Every string anywhere in the redacted report and its plan, new fields included.
    assert leaks(repr(masked)) == [] and leaks(repr(plan(masked))) == []
    assert any("[email]" in b.text for b in masked.blocks)

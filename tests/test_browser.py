"""The HTML pages in a real browser: Debian's headless Chromium, driven over the DevTools
protocol (tests/browser.py). No console error, no policy violation, the table sorts when its
header is clicked and filters as one types, and a screenshot is saved with each test.

Skipped only where no Chromium is installed (.ci/run installs it with apt when it can).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import Browser, find_chromium
from checking import check
from report_factory import make_report, realistic_report, show

from resumecheck.formatters.base import RenderContext
from resumecheck.models import Failure, Kind
from resumecheck.options import CheckOptions

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
CTX = RenderContext(version="test", profile="pain-medicine")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    executable = find_chromium()
    if executable is None:
        pytest.skip("no Chromium on this machine: `apt-get install -y chromium` as root "
                    "installs it (.ci/run does so when it can)")
    b = Browser(executable, tmp_path_factory.mktemp("chromium-profile"))
    try:
        b.send("Emulation.setDeviceMetricsOverride",
               {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        yield b
    finally:
        b.close()


def _save(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _screenshot(browser: Browser, target: Path) -> None:
    browser.screenshot(target)
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 5_000


def _rows(browser: Browser, table: str, key: str, visible_only: bool = False) -> list[str]:
    return browser.js(
        f"Array.from(document.querySelectorAll('#{table} tbody tr'))"
        + (".filter(function (r) { return !r.hidden; })" if visible_only else "")
        + f".map(function (r) {{ return r.getAttribute('data-{key}'); }})")


def test_one_file_page_loads_clean_and_shows_the_annotated_document(
    browser: Browser, tmp_path: Path
) -> None:
    report = check(SAMPLES / "cv_pain_medicine.pdf",
                   CheckOptions(job=str(SAMPLES / "posting_interventional_pain.txt")))
    browser.open(_save(tmp_path, "one.html", show("html", [report], CTX)))
    assert browser.problems() == []
    assert browser.js("document.querySelectorAll('.doc .b').length") == len(report.blocks)
    assert browser.js("document.querySelectorAll('.doc mark').length") > 50
    assert browser.js("document.querySelectorAll('ol.actions li').length") == 5
    # The page is laid out (the stylesheet ran): the gutter sits left of the text.
    left = browser.js("(function () { var b = document.querySelector('.doc .b');"
                      " return [b.querySelector('.ln').getBoundingClientRect().right,"
                      " b.querySelector('.t').getBoundingClientRect().left]; }())")
    assert left[0] < left[1]
    _screenshot(browser, tmp_path / "one-file.png")


@pytest.fixture
def batch_page(tmp_path: Path) -> Path:
    outcomes: list = [realistic_report(f"applicants/{i:02d}-cv.pdf", i * 7) for i in range(10)]
    outcomes += [make_report("applicants/letter-a.docx", 48.0, kind=Kind.COVER_LETTER),
                 make_report("applicants/letter-b.docx", 61.0, kind=Kind.COVER_LETTER),
                 Failure("applicants/zz-broken.pdf", "is not a PDF (it is a PNG image)")]
    return _save(tmp_path, "batch.html", show("html", outcomes, CTX))


def test_batch_page_sorts_by_a_clicked_header_and_filters(
    browser: Browser, batch_page: Path, tmp_path: Path
) -> None:
    browser.open(batch_page)
    assert browser.problems() == []
    scores = [float(s) for s in _rows(browser, "t-resumes", "score")]
    assert len(scores) == 10

    browser.click("#t-resumes th[data-key=score] button")  # best first
    assert [float(s) for s in _rows(browser, "t-resumes", "score")] == sorted(scores,
                                                                              reverse=True)
    assert browser.js("document.querySelector('#t-resumes th[data-key=score]')"
                      ".getAttribute('aria-sort')") == "descending"
    browser.click("#t-resumes th[data-key=score] button")  # again: lowest first
    assert [float(s) for s in _rows(browser, "t-resumes", "score")] == sorted(scores)
    browser.click("#t-resumes th[data-key=name] button")
    names = _rows(browser, "t-resumes", "name")
    assert names == sorted(names)
    rates = [float(r) for r in _rows(browser, "t-resumes", "match")]
    browser.click("#t-resumes th[data-key=match] button")
    assert [float(r) for r in _rows(browser, "t-resumes", "match")] == sorted(rates,
                                                                             reverse=True)

    browser.type("#f-score", "70")
    shown = [float(s) for s in _rows(browser, "t-resumes", "score", visible_only=True)]
    assert shown and all(s >= 70 for s in shown)
    assert len(shown) == sum(1 for s in scores if s >= 70)
    assert _rows(browser, "t-unreadable", "name", visible_only=True) == []
    browser.js("(function () { var el = document.getElementById('f-score'); el.value = '';"
               " el.dispatchEvent(new Event('input')); }())")
    browser.type("#f-name", "letter-b")
    assert _rows(browser, "t-cover", "name", visible_only=True) == ["applicants/letter-b.docx"]
    assert _rows(browser, "t-resumes", "name", visible_only=True) == []
    assert browser.js("document.getElementById('f-count').textContent") == "1 of 13 files shown"
    _screenshot(browser, tmp_path / "batch-filtered.png")

    # A row opens its file's section.
    link = "#t-cover tbody tr:not([hidden]) a"
    target = browser.js(f"document.querySelector('{link}').getAttribute('href')")
    browser.click(link)
    assert browser.wait_until(f"location.hash === '{target}'")
    assert browser.wait_until("document.querySelector(location.hash).open") is True
    assert browser.problems() == []
    _screenshot(browser, tmp_path / "batch-opened.png")


def test_the_policy_is_enforced_and_would_be_seen(browser: Browser, batch_page: Path,
                                                 tmp_path: Path) -> None:
    """Control: a page whose script was changed, or that tries to fetch something, is refused
    by its own policy, and the test sees it (so a clean page above is really clean)."""
    text = batch_page.read_text(encoding="utf-8")
    tampered = text.replace('"use strict";', '"use strict"; window.tampered = 1;', 1)
    tampered = tampered.replace("</body>", '<img src="https://example.com/pixel.png" '
                                          'alt=""></body>', 1)
    browser.open(_save(tmp_path, "tampered.html", tampered))
    problems = browser.problems()
    assert any("script-src" in p for p in problems), problems
    assert any("img-src" in p or "default-src" in p for p in problems), problems
    assert browser.js("typeof window.tampered") == "undefined"
    before = _rows(browser, "t-resumes", "name")
    browser.click("#t-resumes th[data-key=score] button")  # no script ran: nothing sorts
    assert _rows(browser, "t-resumes", "name") == before
    assert json.loads(json.dumps(problems))  # plain strings, printable in a failure


def test_ci_installs_chromium_then_runs_exactly_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = readme.split("this is exactly what CI runs", 1)[1].split("```sh\n", 1)[1]
    command = command.split("\n```", 1)[0].strip()
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").rstrip().splitlines()
    assert script[-1] == command
    install = next(i for i, line in enumerate(script) if "apt-get install" in line)
    assert "chromium" in script[install] + script[install + 1]
    assert install < len(script) - 1

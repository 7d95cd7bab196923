"""The structure of real resumes: sections, reading order, what is visible, clean words,
items. One small document per failure class, built here with fpdf2 or python-docx."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from resumecheck.checks import CheckContext
from resumecheck.checks import parse as P
from resumecheck.kinds import classify
from resumecheck.models import Block, Document, Kind
from resumecheck.readers import read_document
from resumecheck.sections import assign_sections, canonical_section

fpdf = pytest.importorskip("fpdf")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def build_pdf(tmp_path: Path, draw, name: str = "t.pdf") -> Path:  # noqa: ANN001
    pdf = fpdf.FPDF(unit="pt", format="Letter")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(False)
    pdf.add_page()
    draw(pdf)
    path = tmp_path / name
    pdf.output(str(path))
    return path


def put(pdf, x: float, y: float, text: str, size: float = 10, style: str = "",  # noqa: ANN001
        color: tuple[int, int, int] = (0, 0, 0)) -> None:
    pdf.set_font("Helvetica", style=style, size=size)
    pdf.set_text_color(*color)
    pdf.text(x, y, text)


def sections_of(path: Path) -> dict[str, str | None]:
    return {b.text: b.section for b in read_document(path).blocks}


def heads(path: Path) -> list[str]:
    return [b.text for b in read_document(path).blocks if b.is_heading]


# -- 1, 2: headings by shape and typography; entry lines in capitals are not headings ------


def test_unknown_title_case_heading_set_like_the_known_ones_starts_its_section(tmp_path):
    def draw(pdf):  # noqa: ANN001
        put(pdf, 50, 50, "Dana Example, MD", 20, "B")
        put(pdf, 50, 90, "Education", 13, "B")
        put(pdf, 50, 108, "Doctor of Medicine, Example School of Medicine")
        put(pdf, 50, 140, "Hospital Privileges", 13, "B")
        put(pdf, 50, 158, "Example General Hospital, active staff")
        put(pdf, 50, 190, "Research Experience", 13, "B")
        put(pdf, 50, 208, "Principal investigator of a knee pain trial")

    got = sections_of(build_pdf(tmp_path, draw))
    assert got["Example General Hospital, active staff"] == "hospital privileges"
    assert got["Principal investigator of a knee pain trial"] == "research"
    assert got["Doctor of Medicine, Example School of Medicine"] == "education"


def test_job_titles_and_employers_in_capitals_do_not_start_sections(tmp_path):
    def draw(pdf):  # noqa: ANN001
        put(pdf, 50, 50, "DANA EXAMPLE", 20, "B")
        put(pdf, 50, 90, "EXPERIENCE", 13, "B")
        y = 110
        for title, org in (("SENIOR ATTENDING PHYSICIAN", "MERCY REGIONAL MEDICAL CENTER"),
                           ("STAFF ANESTHESIOLOGIST", "LAKEVIEW SURGERY CENTER")):
            put(pdf, 50, y, title, 10, "B")
            put(pdf, 50, y + 14, org, 10)
            put(pdf, 50, y + 28, "- Ran the regional anesthesia service for the hospital.")
            y += 50
        put(pdf, 50, y + 10, "EDUCATION", 13, "B")
        put(pdf, 50, y + 28, "Doctor of Medicine, 2010")

    path = build_pdf(tmp_path, draw)
    assert heads(path) == ["EXPERIENCE", "EDUCATION"]
    got = sections_of(path)
    assert got["STAFF ANESTHESIOLOGIST"] == "experience"
    assert got["Doctor of Medicine, 2010"] == "education"


def test_name_and_dates_before_the_first_heading_are_not_headings():
    out = assign_sections([Block("JANE Q. EXAMPLE", is_heading=True), Block("2019 - 2024"),
                           Block("EDUCATION"), Block("MD, 2015")])
    assert [b.is_heading for b in out] == [False, False, True, False]


# -- 3, 4: inline, wrapped, letter-spaced, icon-prefixed and foreign headings ----------------


def test_inline_headings_split_from_their_content():
    out = assign_sections([
        Block("EDUCATION"), Block("MD, Example School, 2012"),
        Block("LICENSURE: Wisconsin #12345, active"),
        Block("Board Certification \u2014 ABA, Pain Medicine, 2019"),
        Block("SKILLS"), Block("- Languages: Go, SQL"), Block("Languages: English, Polish"),
    ])
    pairs = [(b.text, b.section, b.is_heading) for b in out]
    assert ("LICENSURE", "licensure", True) in pairs
    assert ("Wisconsin #12345, active", "licensure", False) in pairs
    assert ("Board Certification", "board_certification", True) in pairs
    assert ("ABA, Pain Medicine, 2019", "board_certification", False) in pairs
    # A list item is never a heading; a one-word label with a colon stays one line.
    assert ("- Languages: Go, SQL", "skills", False) in pairs
    assert ("Languages: English, Polish", "skills", False) in pairs


def test_wrapped_letter_spaced_and_icon_headings():
    out = assign_sections([
        Block("EDUCATION"), Block("MD"),
        Block("PRESENTA-"), Block("TIONS"), Block("Grand rounds talk, 2021"),
        Block("PROFESSIONAL"), Block("MEMBERSHIPS"), Block("Example Pain Society"),
        Block("P R O F E S S I O N A L   S U M M A R Y"), Block("Ten years of practice"),
        Block("\u2605 EXPERIENCE"), Block("Staff physician"),
    ])
    by_text = {b.text: b for b in out}
    assert by_text["PRESENTATIONS"].is_heading
    assert by_text["Grand rounds talk, 2021"].section == "presentations"
    assert by_text["Example Pain Society"].section == "memberships"
    assert by_text["Ten years of practice"].section == "summary"
    assert by_text["Staff physician"].section == "experience"


@pytest.mark.parametrize(("heading", "key"), [
    ("Experiencia Profesional", "experience"), ("Formación Académica", "education"),
    ("Compétences", "skills"), ("Centres d'intérêt", "interests"),
    ("Berufserfahrung", "experience"), ("Ausbildung", "education"), ("Sprachen", "languages"),
    ("Educação", "education"), ("Experiência Profissional", "experience"),
    ("Idiomas", "languages"),
])
def test_foreign_headings(heading: str, key: str) -> None:
    assert canonical_section(heading) == key


# -- 5, 6: columns per region; sections do not cross columns ---------------------------------


def _sidebar_page(pdf) -> None:  # noqa: ANN001
    pdf.set_fill_color(30, 45, 60)
    pdf.rect(0, 0, 180, 330, style="F")
    put(pdf, 20, 40, "SKILLS", 12, "B", (255, 255, 255))
    for i, skill in enumerate(("Ultrasound-guided blocks", "Fluoroscopy", "Spanish")):
        put(pdf, 20, 60 + 14 * i, skill, 9, "", (255, 255, 255))
    put(pdf, 20, 130, "LANGUAGES", 12, "B", (255, 255, 255))
    put(pdf, 20, 150, "English and Polish", 9, "", (255, 255, 255))
    put(pdf, 200, 40, "Interventional pain physician", 14, "B")
    put(pdf, 200, 70, "EXPERIENCE", 12, "B")
    for i in range(8):
        put(pdf, 200, 90 + 14 * i, f"- Main column line number {i} about clinic work")
    put(pdf, 40, 360, "EDUCATION", 12, "B")
    put(pdf, 40, 380, "Doctor of Medicine, Example University School of Medicine, "
                      "Madison, Wisconsin, 2012")


def test_sidebar_over_part_of_the_page_is_its_own_region(tmp_path):
    path = build_pdf(tmp_path, _sidebar_page)
    doc = read_document(path)
    texts = [b.text for b in doc.blocks]
    got = {b.text: b for b in doc.blocks}
    # Each column reads top to bottom, never a sidebar line between two main lines.
    main = [texts.index(f"- Main column line number {i} about clinic work") for i in range(8)]
    assert main == sorted(main) and main[-1] - main[0] == 7
    assert got["Spanish"].section == "skills" and not got["Spanish"].hidden
    # The main column's first line is not filed under the sidebar's last section.
    assert got["Interventional pain physician"].section is None
    assert got["- Main column line number 3 about clinic work"].section == "experience"
    assert got["Doctor of Medicine, Example University School of Medicine, Madison, "
               "Wisconsin, 2012"].section == "education"
    assert doc.pages[0].columns >= 2
    ctx = CheckContext(document=doc, kind=Kind.RESUME, profile=None, terms=(), doc=None)
    assert [f.code for f in P.columns(ctx)] == ["P103"]


def test_right_aligned_date_stays_on_its_title_line(tmp_path):
    def draw(pdf):  # noqa: ANN001
        put(pdf, 50, 50, "EXPERIENCE", 12, "B")
        put(pdf, 50, 70, "Attending Physician", 10, "B")
        put(pdf, 480, 70, "2019 - Present")
        put(pdf, 50, 84, "Example Spine Center")
        put(pdf, 50, 98, "- Performed 1,200 procedures a year across two sites")

    texts = [b.text for b in read_document(build_pdf(tmp_path, draw)).blocks]
    assert "Attending Physician 2019 - Present" in texts
    assert "- Performed 1,200 procedures a year across two sites" in texts


# -- 7: DOCX text boxes in the order of their place on the page --------------------------


def _textbox_run(docpr: int, x: int, y: int, text: str, bold: bool = False) -> str:
    emu = 12700
    b = "<w:b/>" if bold else ""
    return f"""<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
  xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
  xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:drawing>
  <wp:anchor simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1"
      allowOverlap="1" distT="0" distB="0" distL="0" distR="0"><wp:simplePos x="0" y="0"/>
    <wp:positionH relativeFrom="page"><wp:posOffset>{x * emu}</wp:posOffset></wp:positionH>
    <wp:positionV relativeFrom="page"><wp:posOffset>{y * emu}</wp:posOffset></wp:positionV>
    <wp:extent cx="{200 * emu}" cy="{30 * emu}"/><wp:wrapNone/>
    <wp:docPr id="{docpr}" name="Box {docpr}"/>
    <a:graphic><a:graphicData
        uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
      <wps:wsp><wps:spPr/><wps:txbx><w:txbxContent><w:p><w:r><w:rPr>{b}</w:rPr>
        <w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>
    </a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"""


def test_docx_text_boxes_read_by_position_not_xml_order(make_docx):
    from docx.oxml import parse_xml

    boxes = [  # (x, y, text) in the order they sit in the XML
        (300, 140, "Staff physician at Example Clinic since 2019"),
        (40, 140, "Texas medical license, active"),
        (300, 110, "EXPERIENCE"),
        (40, 110, "LICENSURE"),
    ]

    def fill(d):  # noqa: ANN001
        for n, (x, y, text) in enumerate(boxes, start=1):
            para = d.add_paragraph()
            para._p.append(parse_xml(_textbox_run(n, x, y, text, text.isupper())))

    doc = read_document(make_docx(fill))
    texts = [b.text for b in doc.blocks]
    assert texts == ["LICENSURE", "Texas medical license, active", "EXPERIENCE",
                     "Staff physician at Example Clinic since 2019"]
    got = {b.text: b.section for b in doc.blocks}
    assert got["Staff physician at Example Clinic since 2019"] == "experience"
    assert got["Texas medical license, active"] == "licensure"


# -- 8, 9: what is visible ----------------------------------------------------------------


def test_pdf_visibility_is_judged_against_what_is_drawn_behind(tmp_path):
    from fpdf.enums import TextMode

    def draw(pdf):  # noqa: ANN001
        pdf.set_fill_color(20, 40, 70)
        pdf.rect(40, 40, 300, 30, style="F")
        put(pdf, 50, 60, "White words on a dark panel", 11, "", (255, 255, 255))
        put(pdf, 50, 100, "White words on the white page", 11, "", (255, 255, 255))
        put(pdf, 50, 130, "Pale grey words nobody sees", 11, "", (250, 250, 250))
        put(pdf, 50, 160, "Ordinary black words", 11)
        put(pdf, 50, 190, "Microscopic words", 1)
        put(pdf, -500, 220, "Words off the page")
        pdf.text_mode = TextMode.INVISIBLE  # last: fpdf2 keeps the mode for later text
        put(pdf, 50, 250, "Invisible render mode words", 11)

    hidden = {b.text: b.hidden for b in read_document(build_pdf(tmp_path, draw)).blocks}
    assert hidden == {"White words on a dark panel": False,
                      "White words on the white page": True,
                      "Pale grey words nobody sees": True, "Ordinary black words": False,
                      "Microscopic words": True, "Words off the page": True,
                      "Invisible render mode words": True}


def test_docx_hidden_runs_and_white_text_on_a_dark_cell(make_docx):
    from docx.oxml import parse_xml
    from docx.shared import Pt, RGBColor

    def fill(d):  # noqa: ANN001
        d.add_paragraph("EXPERIENCE")
        table = d.add_table(rows=1, cols=1)
        cell = table.rows[0].cells[0]
        cell._tc.get_or_add_tcPr().append(parse_xml(
            '<w:shd xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'w:val="clear" w:color="auto" w:fill="1F2D3D"/>'))
        run = cell.paragraphs[0].add_run("White on a navy cell")
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        para = d.add_paragraph("Visible start ")
        white = para.add_run("white keyword stuffing")
        white.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        d.add_paragraph().add_run("vanished words").font.hidden = True
        d.add_paragraph().add_run("tiny words").font.size = Pt(1)

    blocks = read_document(make_docx(fill)).blocks
    hidden = {b.text: b.hidden for b in blocks}
    assert hidden["White on a navy cell"] is False
    assert hidden["Visible start"] is False
    assert hidden["white keyword stuffing"] is True
    assert hidden["vanished words"] is True and hidden["tiny words"] is True


# -- 10, 11, 12: clean words ---------------------------------------------------------------


def test_ligatures_lost_by_the_font_are_mended_or_counted(tmp_path):
    if not DEJAVU.is_file():
        pytest.skip("DejaVu Sans not installed")

    def draw(pdf):  # noqa: ANN001
        pdf.add_font("DejaVu", "", str(DEJAVU))
        pdf.set_font("DejaVu", size=11)
        pdf.text(50, 60, "Worked e\ufb00ectively on arti\ufb01cial limbs")
        pdf.text(50, 90, "Zor\ufb01x Clinic")
        pdf.text(50, 120, "Zo\ufb03x Pharma")

    pdf = fpdf.FPDF(unit="pt", format="Letter")
    pdf.set_compression(False)
    pdf.add_page()
    draw(pdf)
    data = bytes(pdf.output())
    # The font's map sends each ligature to a space, as some PDF producers do.
    broken = re.sub(rb"<([0-9A-F]{4})> <FB0[0-4]>", rb"<\1> <0020>", data)
    assert broken != data
    path = tmp_path / "lig.pdf"
    path.write_bytes(broken)
    doc = read_document(path)
    assert "Worked effectively on artificial limbs" in doc.text
    # No word list knows "Zorfix", but the glyph's width was learnt from "artificial".
    assert "Zorfix Clinic" in doc.text
    # Nothing tells what "Zo?x" held: the glyph is counted for the glyph finding.
    assert [n.count for n in doc.notes if n.kind == "cid_glyphs"] == [1]


def test_justified_line_placed_word_by_word_is_one_block(tmp_path):
    words = "Managed a busy interventional practice with two surgery centers".split()

    def draw(pdf):  # noqa: ANN001
        x = 50
        for w in words:
            put(pdf, x, 60, w, 10)
            x += len(w) * 5.5 + 30  # wide justified gaps
        put(pdf, 50, 74, "and a weekly tumor board.")

    texts = [b.text for b in read_document(build_pdf(tmp_path, draw)).blocks]
    assert texts == [" ".join(words) + " and a weekly tumor board."]


# -- 13: items -------------------------------------------------------------------------------


def test_bullets_apart_title_lines_and_wrapped_items(tmp_path):
    def draw(pdf):  # noqa: ANN001
        put(pdf, 50, 50, "EXPERIENCE", 12, "B")
        put(pdf, 50, 70, "Staff Physician, Example Pain Clinic", 10, "B")
        y = 86
        for first, rest in (("Placed 80 spinal cord stimulation systems for patients",
                             "with failed back surgery syndrome"),
                            ("Led the opioid stewardship committee for the clinic", "")):
            put(pdf, 50, y, "\u2022")
            put(pdf, 62, y, first)
            if rest:
                y += 14
                put(pdf, 62, y, rest)
            y += 14

    texts = [b.text for b in read_document(build_pdf(tmp_path, draw)).blocks]
    assert texts == ["EXPERIENCE", "Staff Physician, Example Pain Clinic",
                     "\u2022 Placed 80 spinal cord stimulation systems for patients with "
                     "failed back surgery syndrome",
                     "\u2022 Led the opioid stewardship committee for the clinic"]


# -- 14: findings that depend on this ------------------------------------------------------


def test_a_column_of_bullets_is_not_vertical_text(tmp_path):
    def draw(pdf):  # noqa: ANN001
        for i in range(12):
            put(pdf, 50, 60 + 16 * i, "\u2022")
            put(pdf, 64, 60 + 16 * i, f"Procedure number {i} done under fluoroscopy")

    doc = read_document(build_pdf(tmp_path, draw))
    assert not [n for n in doc.notes if n.kind == "vertical_text"]


def test_pdf_of_unmapped_glyphs_reads_like_a_scan(tmp_path):
    if not DEJAVU.is_file():
        pytest.skip("DejaVu Sans not installed")
    pdf = fpdf.FPDF(unit="pt", format="Letter")
    pdf.set_compression(False)
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(DEJAVU))
    pdf.set_font("DejaVu", size=11)
    for i in range(6):
        pdf.text(50, 60 + 20 * i, "Board certified physician with wide experience")
    data = bytes(pdf.output())
    # No glyph of the font has a text mapping any more.
    gone = re.sub(rb"<([0-9A-F]{4})> <([0-9A-F]{4})>", rb"<FFFF> <\2>", data)
    path = tmp_path / "garbage.pdf"
    path.write_bytes(gone)
    doc = read_document(path)
    assert [p.has_text_layer for p in doc.pages] == [False]
    ctx = CheckContext(document=doc, kind=Kind.RESUME, profile=None, terms=(), doc=None)
    found = list(P.text_layer(ctx))
    assert [(f.code, f.severity.value) for f in found] == [("P101", "error")]


def test_empty_docx_gets_a_finding(make_docx):
    doc = read_document(make_docx(lambda d: None))
    ctx = CheckContext(document=doc, kind=Kind.RESUME, profile=None, terms=(), doc=None)
    found = list(P.text_layer(ctx))
    assert [(f.code, f.severity.value) for f in found] == [("P101", "error")]
    assert "no text" in found[0].message


def test_job_posting_is_recognised_and_told_to_use_job():
    posting = Document(path="p.txt", format="text", blocks=assign_sections([
        Block("Interventional Pain Physician - Example Health"),
        Block("Example Health is seeking a board-certified pain physician to join our team."),
        Block("Key responsibilities"),
        Block("Perform epidural steroid injections and radiofrequency ablation."),
        Block("Minimum qualifications"),
        Block("Board certification in pain medicine. Candidates must hold a Wisconsin license."),
        Block("We offer a competitive benefits package. Equal opportunity employer."),
    ]))
    kind, reason = classify(posting)
    assert kind == Kind.POSTING and "--job" in reason
    ctx = CheckContext(document=posting, kind=kind, profile=None, terms=(), doc=None)
    assert [f.code for f in P.posting_given(ctx)] == ["P115"]
    resume = Document(path="r.txt", format="text", blocks=assign_sections([
        Block("Dana Example, MD"), Block("dana@example.com (608) 555-0100"),
        Block("EXPERIENCE"), Block("Attending physician, 2019 - present"),
        Block("Responsibilities included running the procedure suite."),
    ]))
    assert classify(resume)[0] == Kind.RESUME


# -- heading levels, bold labels, wrapped lower-case words --------------------------------


def test_word_heading_2_employers_are_not_sections(make_docx):
    def fill(d):  # noqa: ANN001
        d.add_heading("Experience", level=1)
        d.add_heading("Northwind Traders", level=2)
        d.add_paragraph("Senior analyst, 2019 - present")
        d.add_heading("Contoso Health", level=2)
        d.add_paragraph("Analyst, 2016 - 2019")
        d.add_heading("Grants and Funding", level=1)
        d.add_paragraph("Foundation pilot grant, 2020")

    got = {b.text: (b.is_heading, b.section) for b in read_document(make_docx(fill)).blocks}
    assert got["Northwind Traders"] == (False, "experience")
    assert got["Analyst, 2016 - 2019"] == (False, "experience")
    # An unknown heading in the style of the known ones is a section of its own.
    assert got["Grants and Funding"] == (True, "grants and funding")


def test_bold_labels_are_headings_only_where_most_name_sections(make_docx):
    def fill(d):  # noqa: ANN001
        d.add_heading("Education", level=1)
        d.add_paragraph("MD, Example School of Medicine, 2012")
        for label, rest in (("Licensure: ", "Wisconsin 12345-20, active"),
                            ("Board Certification: ", "ABA, Pain Medicine, 2019")):
            para = d.add_paragraph()
            para.add_run(label).bold = True
            para.add_run(rest)
        d.add_heading("Skills", level=1)
        for label, rest in (("Languages: ", "Go, Python"), ("Frameworks: ", "Django"),
                            ("Tools: ", "Git")):
            para = d.add_paragraph()
            para.add_run(label).bold = True
            para.add_run(rest)

    got = {b.text: (b.is_heading, b.section) for b in read_document(make_docx(fill)).blocks}
    assert got["Licensure"] == (True, "licensure")
    assert got["Wisconsin 12345-20, active"] == (False, "licensure")
    assert got["ABA, Pain Medicine, 2019"] == (False, "board_certification")
    # Skill groups: "Languages" names a section only by chance.
    assert got["Languages: Go, Python"] == (False, "skills")
    assert got["Tools: Git"] == (False, "skills")


def test_pdf_bold_label_before_plain_text_is_an_inline_heading(tmp_path):
    def draw(pdf):  # noqa: ANN001
        put(pdf, 50, 50, "EDUCATION", 12, "B")
        put(pdf, 50, 68, "Doctor of Medicine, Example School, 2012")
        for i, (label, rest) in enumerate((
                ("Licensure:", "Wisconsin 12345-20, active, unrestricted, renewed every "
                               "two years since 2014"),
                ("Certificaciones:", "Diploma Europeo, 2017, European Society of "
                                     "Regional Anaesthesia and Pain Therapy"))):
            put(pdf, 50, 100 + 20 * i, label, 10, "B")
            put(pdf, 140, 100 + 20 * i, rest)

    got = sections_of(build_pdf(tmp_path, draw))
    assert got["Wisconsin 12345-20, active, unrestricted, renewed every two years since "
               "2014"] == "licensure"
    assert got["Diploma Europeo, 2017, European Society of Regional Anaesthesia and Pain "
               "Therapy"] == "board_certification"


def test_a_known_word_wrapped_onto_its_own_line_is_not_a_heading(tmp_path):
    def draw(pdf):  # noqa: ANN001
        put(pdf, 50, 50, "SKILLS", 12, "B")
        put(pdf, 50, 68, "Chronic disease management, women's health, minor")
        put(pdf, 50, 80, "procedures")
        put(pdf, 50, 100, "EDUCATION", 12, "B")

    doc = read_document(build_pdf(tmp_path, draw))
    assert [b.text for b in doc.blocks if b.is_heading] == ["SKILLS", "EDUCATION"]
    assert "Chronic disease management, women's health, minor procedures" in \
        [b.text for b in doc.blocks]

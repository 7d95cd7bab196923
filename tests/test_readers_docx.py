import io
import zipfile

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from resumecheck.errors import InputError
from resumecheck.models import Origin
from resumecheck.preflight import ReadLimits
from resumecheck.readers import read_bytes, read_document


def test_body_and_tables_in_document_order_with_merged_cells_once(make_docx):
    def fill(d):
        d.add_heading("Board Certification", level=1)
        d.add_paragraph("Before the table")
        t = d.add_table(rows=3, cols=3)
        t.cell(0, 0).merge(t.cell(0, 2)).text = "American Board of Anesthesiology"
        t.cell(1, 0).merge(t.cell(2, 0)).text = "Pain Medicine"
        t.cell(1, 1).text = "2019"
        inner = t.cell(2, 2).add_table(rows=1, cols=1)
        inner.cell(0, 0).text = "Nested cell"
        d.add_paragraph("After the table")

    doc = read_document(make_docx(fill))
    texts = [b.text for b in doc.blocks]
    assert texts == ["Board Certification", "Before the table",
                     "American Board of Anesthesiology", "Pain Medicine", "2019",
                     "Nested cell", "After the table"]
    assert [b.origin for b in doc.blocks[2:6]] == [Origin.TABLE] * 4
    assert doc.blocks[0].is_heading and doc.blocks[3].section == "board_certification"
    assert [b.line for b in doc.blocks] == sorted(b.line for b in doc.blocks)


def test_headers_and_footers_each_read_once_without_sections(make_docx):
    def fill(d):
        d.sections[0].header.paragraphs[0].text = "Jane Roe, MD | jane@example.org"
        d.sections[0].footer.paragraphs[0].text = "Page footer"
        d.add_paragraph("Body text")
        d.add_section()  # the new section's header is linked to the previous one
        d.add_paragraph("Second section")

    doc = read_document(make_docx(fill))
    origins = [(b.origin, b.text) for b in doc.blocks]
    assert origins.count((Origin.HEADER, "Jane Roe, MD | jane@example.org")) == 1
    assert origins.count((Origin.FOOTER, "Page footer")) == 1
    assert all(b.section is None for b in doc.blocks if b.origin != Origin.BODY)


def _with_textbox(d):
    p = d.add_paragraph("Anchor paragraph")
    box = (
        f'<mc:AlternateContent {nsdecls("w")} '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        '<mc:Choice Requires="wps"><wps:txbx><w:txbxContent><w:p><w:r>'
        '<w:t>Interventional pain fellowship</w:t></w:r></w:p></w:txbxContent></wps:txbx>'
        '</mc:Choice><mc:Fallback><v:textbox><w:txbxContent><w:p><w:r>'
        '<w:t>Interventional pain fellowship</w:t></w:r></w:p></w:txbxContent></v:textbox>'
        '</mc:Fallback></mc:AlternateContent>'
    )
    run = p.add_run()
    run._r.append(parse_xml(box))


def test_text_box_read_once_as_textbox_and_not_in_its_paragraph(make_docx):
    doc = read_document(make_docx(_with_textbox))
    assert [(b.origin, b.text) for b in doc.blocks] == [
        (Origin.BODY, "Anchor paragraph"),
        (Origin.TEXTBOX, "Interventional pain fellowship"),
    ]
    assert [n.kind for n in doc.notes] == []


def test_hyperlink_text_is_part_of_the_paragraph(make_docx):
    def fill(d):
        p = d.add_paragraph("Profile: ")
        p._p.append(parse_xml(
            f'<w:hyperlink {nsdecls("w", "r")} r:id="rId99"><w:r><w:t>linkedin.com/in/jr</w:t>'
            '</w:r></w:hyperlink>'))

    doc = read_document(make_docx(fill))
    assert doc.blocks[0].text == "Profile: linkedin.com/in/jr"


def test_bold_runs_and_sizes_are_recorded(make_docx):
    def fill(d):
        r = d.add_paragraph().add_run("Procedures")
        r.bold = True
        from docx.shared import Pt

        r.font.size = Pt(14)

    block = read_document(make_docx(fill)).blocks[0]
    assert block.bold and block.font_size == 14.0 and block.section == "procedures"


def _zip(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_zip_bomb_is_refused_before_parsing():
    data = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (4 << 20)})
    with pytest.raises(InputError, match="zip bomb"):
        read_bytes(data, "bomb.docx")
    with pytest.raises(InputError, match="zip bomb"):
        read_bytes(_zip({"word/document.xml": b"<x/>", **{f"f{i}": b"" for i in range(20)}}),
                   "many.docx", limits=ReadLimits(max_zip_members=10))


def test_damaged_and_refused_packages(make_docx):
    good = make_docx(lambda d: d.add_paragraph("x")).read_bytes()
    with pytest.raises(InputError, match="damaged"):
        read_bytes(good[: len(good) // 2], "cut.docx")
    with pytest.raises(InputError, match="damaged"):
        read_bytes(_zip({"word/document.xml": b"<not xml"}), "junk.docx")
    ct = (b'<Types><Override ContentType="application/vnd.ms-word.document'
          b'.macroEnabled.main+xml"/></Types>')
    with pytest.raises(InputError, match=r"macro-enabled \.docm"):
        read_bytes(_zip({"[Content_Types].xml": ct, "word/document.xml": b"<x/>"}), "m.docx")
    with pytest.raises(InputError, match="looks like a ZIP archive"):
        read_bytes(_zip({"a.txt": b"hello"}), "a.docx")
    with pytest.raises(InputError, match=r"legacy Word \.doc"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "old.docx")


def test_entities_are_not_expanded(make_docx):
    xml = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "AAAAAAAAAA">'
           b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
           b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           b'<w:body><w:p><w:r><w:t>x&b;</w:t></w:r></w:p></w:body></w:document>')
    path = make_docx(lambda d: d.add_paragraph("placeholder"))
    src = zipfile.ZipFile(path)
    members = {n: src.read(n) for n in src.namelist()}
    members["word/document.xml"] = xml
    try:
        doc = read_bytes(_zip(members), "ent.docx")
    except InputError:
        return  # refusing is as safe as not expanding
    assert "AAAAAAAAAA" not in doc.text


def test_incomplete_package_is_not_called_strict_ooxml() -> None:
    from tests.hostile.make_hazards import docx_missing_part_rel

    doc = read_bytes(docx_missing_part_rel(), "cv.docx")
    assert [n.kind for n in doc.notes] == ["partial_package"]

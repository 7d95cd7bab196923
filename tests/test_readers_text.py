import pytest

from resumecheck.errors import InputError
from resumecheck.readers import read_bytes, read_document
from resumecheck.readers.text import read_text


def test_paragraphs_headings_and_list_items_with_source_lines():
    data = (b"Jane Roe, MD\n\nEDUCATION\nMD, Example School\nof Medicine, 2015\n\n"
            b"- Radiofrequency ablation\n* Spinal cord stimulation\n")
    doc = read_bytes(data, "cv.txt")
    texts = [(b.line, b.text) for b in doc.blocks]
    assert texts == [(1, "Jane Roe, MD"), (3, "EDUCATION"),
                     (4, "MD, Example School of Medicine, 2015"),
                     (7, "Radiofrequency ablation"), (8, "Spinal cord stimulation")]
    assert doc.blocks[2].section == "education"
    assert doc.format == "text"


def test_markdown_headings_emphasis_and_links():
    data = b"# Jane Roe\n\n## Board Certification\n\n- **Diplomate**, [ABA](http://x)\n"
    doc = read_text(data, "cv.md", None, True)
    assert [b.text for b in doc.blocks] == ["Jane Roe", "Board Certification", "Diplomate, ABA"]
    assert doc.blocks[1].is_heading


def test_utf16_and_cp1252_decode():
    assert read_bytes("Résumé\n".encode("utf-16"), "a.txt").blocks[0].text == "Résumé"
    assert read_bytes("na\xefve caf\xe9".encode("cp1252"), "b.txt").blocks[0].text == "naïve café"


def test_binary_is_refused_with_a_reason(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(InputError, match="not a PDF, DOCX or text document"):
        read_document(p)


def test_empty_file_is_refused(tmp_path):
    p = tmp_path / "e.txt"
    p.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        read_document(p)


def test_html_is_read_as_visible_text():
    doc = read_bytes(b"<html><body><h2>Requirements</h2><script>x()</script>"
                     b"<ul><li>Board certified in <b>pain</b> medicine</li></ul></body></html>",
                     "p.html")
    assert [b.text for b in doc.blocks] == ["Requirements", "Board certified in pain medicine"]


def test_total_characters_are_capped_with_a_note():
    from resumecheck.preflight import ReadLimits

    data = b"\n\n".join(b"paragraph number %d with some words" % i for i in range(100))
    doc = read_bytes(data, "long.txt", limits=ReadLimits(max_chars=200))
    assert len(doc.text) <= 200
    assert any(n.kind == "truncated" for n in doc.notes)


def test_extract_views_show_place_section_and_origin():
    import json

    from resumecheck.formatters.extract import render_extract_json, render_extract_text

    doc = read_bytes(b"EDUCATION\nMD, Example School\n", "cv.txt")
    text = render_extract_text(doc)
    assert "format: text" in text
    assert "L2       [education]  MD, Example School" in text
    data = json.loads(render_extract_json(doc))
    assert data["schema"] == "resumecheck.extract/1"
    assert data["blocks"][1]["section"] == "education"
    assert render_extract_json(doc) == render_extract_json(read_bytes(
        b"EDUCATION\nMD, Example School\n", "cv.txt"))


def test_wrapped_list_item_lines_stay_one_block() -> None:
    text = ("EXPERIENCE\n\n- Performed 300 spinal cord\n  stimulation trials and\n  implants.\n"
            "- Led opioid stewardship.\n")
    doc = read_bytes(text.encode(), "cv.txt")
    assert [b.text for b in doc.blocks] == [
        "EXPERIENCE",
        "Performed 300 spinal cord stimulation trials and implants.",
        "Led opioid stewardship.",
    ]
    assert [b.line for b in doc.blocks] == [1, 3, 6]


def test_a_phone_number_in_brackets_is_not_a_list_marker() -> None:
    doc = read_bytes(b"JANE ROE, MD\n\n(608) 555-0147\n\n1. Residency\n(2) Fellowship\n",
                     "cv.txt")
    assert [b.text for b in doc.blocks] == ["JANE ROE, MD", "(608) 555-0147", "Residency",
                                            "Fellowship"]

import pytest

from resumecheck.errors import InputError
from resumecheck.readers import read_bytes, read_document
from resumecheck.readers.pdf import _Box, reading_order


def _col(x, top, texts, step=14):
    return [(x, top + i * step, t) for i, t in enumerate(texts)]


LEFT = ["EXPERIENCE", "Attending physician at Example Hospital",
        "Performed epidural steroid injections", "Led a multidisciplinary pain team",
        "Reduced opioid prescriptions by a third", "Trained residents in fluoroscopy"]
RIGHT = ["SKILLS", "Radiofrequency ablation", "Spinal cord stimulation", "Ultrasound guidance",
         "Nerve blocks", "Medication management"]


def test_two_columns_read_left_then_right_under_a_full_width_header(make_pdf):
    items = [(200, 40, "JANE ROE, MD", {"size": 20, "style": "B"}),
             (40, 70, "jane@example.org | +1 555 0100 | Boston, Massachusetts, United States")]
    items += _col(40, 110, LEFT) + _col(360, 110, RIGHT)
    doc = read_document(make_pdf([items]))
    texts = [b.text for b in doc.blocks]

    def where(phrase):
        return next(i for i, t in enumerate(texts) if phrase in t)

    assert texts[0] == "JANE ROE, MD"
    assert where(LEFT[-1]) < where("SKILLS") < where(RIGHT[-1])
    assert doc.pages[0].columns == 2
    assert any(n.kind == "columns" for n in doc.notes)
    left_block = doc.blocks[where(LEFT[2])]
    assert left_block.section == "experience"
    assert doc.blocks[where(RIGHT[2])].section == "skills"
    assert left_block.bbox is not None and left_block.bbox[0] == pytest.approx(40, abs=1)
    assert doc.blocks[0].bold and doc.blocks[0].font_size > 15


def test_label_value_rows_are_not_taken_for_columns(make_pdf):
    rows = [("2015-2019", "Residency in Anesthesiology, Example Medical Center"),
            ("2019-2020", "Fellowship in Pain Medicine, Example University Hospital"),
            ("2020-2024", "Attending Physician, Example Spine and Pain Institute"),
            ("2024-now", "Director of Interventional Pain, Example Health")]
    items = []
    for i, (label, value) in enumerate(rows):
        items += [(40, 100 + 40 * i, label), (170, 100 + 40 * i, value)]
    doc = read_document(make_pdf([items]))
    texts = [b.text for b in doc.blocks]
    assert doc.pages[0].columns == 1
    # Each date stays on the line of the entry it dates, and the rows keep their order.
    assert texts == [f"{label} {value}" for label, value in rows]


def test_line_numbers_and_pages(make_pdf):
    doc = read_document(make_pdf([[(40, 60, "First page line")],
                                  [(40, 60, "EDUCATION"), (40, 90, "MD, Example School")]]))
    assert [(b.page, b.line, b.text) for b in doc.blocks] == [
        (1, 1, "First page line"), (2, 1, "EDUCATION"), (2, 2, "MD, Example School")]
    assert [p.number for p in doc.pages] == [1, 2]


def test_white_and_tiny_text_is_flagged_hidden(make_pdf):
    items = [(40, 60, "Visible summary of clinical work"),
             (40, 300, "ablation ablation ablation", {"color": (255, 255, 255)}),
             (40, 500, "kyphoplasty vertebroplasty", {"size": 1})]
    doc = read_document(make_pdf([items]))
    hidden = {b.text: b.hidden for b in doc.blocks}
    assert hidden == {"Visible summary of clinical work": False,
                      "ablation ablation ablation": True, "kyphoplasty vertebroplasty": True}


def test_blank_page_has_no_text_layer(make_pdf):
    doc = read_document(make_pdf([[(40, 60, "Page one")], []]))
    assert [p.has_text_layer for p in doc.pages] == [True, False]
    assert [(n.kind, n.page) for n in doc.notes if n.kind == "no_text_layer"] == [
        ("no_text_layer", 2)]


def test_page_cap_truncates_with_a_note(make_pdf):
    from resumecheck.preflight import ReadLimits

    path = make_pdf([[(40, 60, f"Page {i}")] for i in range(1, 5)])
    doc = read_document(path, limits=ReadLimits(max_pages=2))
    assert len(doc.pages) == 2 and any(n.kind == "truncated" for n in doc.notes)


def test_pdf_named_docx_is_read_by_content(make_pdf, tmp_path):
    path = make_pdf([[(40, 60, "Pain medicine")]], name="cv.docx")
    assert read_document(path).format == "pdf"


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n garbage that is not a pdf",
    b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>",
    b"%PDF-" + bytes(range(256)) * 20,
])
def test_damaged_pdfs_give_one_clear_error(data):
    with pytest.raises(InputError, match="damaged or not a valid PDF|no text"):
        doc = read_bytes(data, "bad.pdf")
        # Some damage still parses to an empty document; that must say so, not crash.
        assert not doc.text
        raise InputError("bad.pdf", "no text")


def test_cut_off_pdf_is_an_error_not_a_traceback(make_pdf):
    data = make_pdf([[(40, 60, "Some text here")]]).read_bytes()
    try:
        read_bytes(data[: len(data) // 3], "cut.pdf")
    except InputError as exc:
        assert "damaged" in exc.reason


def test_reading_order_full_width_boxes_split_bands():
    def box(x0, top, x1, bottom):
        return _Box([], x0, top, x1, bottom)

    header = box(40, 10, 560, 20)
    left = [box(40, 40 + 30 * i, 300, 60 + 30 * i) for i in range(5)]
    right = [box(340, 45 + 30 * i, 560, 65 + 30 * i) for i in range(5)]
    ordered, columns = reading_order(right + left + [header])
    assert columns == 2
    assert ordered == [header, *left, *right]


def test_wrapped_bullet_lines_are_one_block_but_separate_items_are_not(make_pdf) -> None:
    from resumecheck.readers import read_document

    path = make_pdf([[
        (50, 60, "EXPERIENCE", {"style": "B", "size": 12}),
        (50, 90, "Staff Physician, Lakeshore Pain Clinic"),
        (50, 106, "Jan 2020 - Present"),
        (50, 128, "* Placed 80 spinal cord"),
        (58, 144, "stimulation systems for CRPS and"),
        (58, 160, "Failed Back Surgery Syndrome"),
        (50, 182, "* Led opioid stewardship for the clinic."),
        (50, 204, "- Current in Maintenance of Certification"),
        (50, 220, "(MOC) with the ABA."),
    ]])
    texts = [b.text for b in read_document(path).blocks]
    assert "* Placed 80 spinal cord stimulation systems for CRPS and Failed Back Surgery " \
           "Syndrome" in texts
    assert "Staff Physician, Lakeshore Pain Clinic" in texts
    assert "Jan 2020 - Present" in texts
    assert "* Led opioid stewardship for the clinic." in texts
    assert "- Current in Maintenance of Certification (MOC) with the ABA." in texts

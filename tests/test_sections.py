from resumecheck.models import Block, Origin
from resumecheck.sections import assign_sections, canonical_section, looks_like_heading


def test_synonyms_map_to_canonical_keys():
    assert canonical_section("Board Certifications") == "board_certification"
    assert canonical_section("LICENSURE:") == "licensure"
    assert canonical_section("Professional Memberships") == "memberships"
    assert canonical_section("Continuing Medical Education") == "cme"
    assert canonical_section("Honors & Awards") == "awards"
    assert canonical_section("Graduate Medical Education") == "fellowship"
    assert canonical_section("Senior Software Engineer") is None


def test_heading_shapes():
    assert looks_like_heading("Publications")  # known wording, unstyled
    assert looks_like_heading("PAIN MANAGEMENT PRACTICE")  # capitals
    assert not looks_like_heading("EMR")  # an acronym alone is not a heading
    assert not looks_like_heading("Senior Software Engineer")  # bold job titles stay body
    assert not looks_like_heading("I completed my fellowship in pain medicine.")
    assert looks_like_heading("My Own Heading", marked=True)


def test_blocks_inherit_the_last_heading_and_headers_have_no_section():
    blocks = [
        Block("Jane Roe, MD"),
        Block("jane@example.org", origin=Origin.HEADER),
        Block("FELLOWSHIP"),
        Block("Pain Medicine, Example University, 2020"),
        Block("Practice Highlights", is_heading=True),
        Block("Radiofrequency ablation", origin=Origin.TABLE),
    ]
    out = assign_sections(blocks)
    assert [b.section for b in out] == [None, None, "fellowship", "fellowship",
                                         "practice highlights", "practice highlights"]
    assert out[2].is_heading and out[2].section_title == "FELLOWSHIP"
    assert out[5].section_title == "Practice Highlights"
    assert not out[1].is_heading


def test_capital_heading_containing_a_known_wording_takes_its_key():
    out = assign_sections([Block("CLINICAL EXPERIENCE AND TEACHING"), Block("x")])
    assert out[1].section == "experience"


def test_hidden_text_never_starts_a_section():
    out = assign_sections([Block("EDUCATION"), Block("PUBLICATIONS", hidden=True)])
    assert out[1].section == "education" and not out[1].is_heading


def test_name_and_title_above_the_first_known_heading_are_not_sections() -> None:
    blocks = assign_sections([
        Block(text="JANE ROE, MD", is_heading=True),
        Block(text="INTERVENTIONAL PAIN PHYSICIAN", is_heading=True),
        Block(text="jane@example.com"),
        Block(text="EDUCATION"),
        Block(text="Doctor of Medicine, 2015"),
        Block(text="MY JOURNEY", is_heading=True),
        Block(text="Ten years of practice."),
    ])
    assert [b.section for b in blocks] == [None, None, None, "education", "education",
                                          "my journey", "my journey"]
    # A name and a job title are not section headings, even in a Word "Title" style.
    assert [b.is_heading for b in blocks] == [False, False, False, True, False, True, False]

"""Find section headings and tell every block which section it sits in.

A heading is found by wording and by shape: a short line that is a known section name
("Board Certification", "Licensure", ...), or a short line in capitals, or one the reader
already marked (a Word "Heading" style, a Markdown ``#``). Bold or larger type alone is
not enough for an unknown wording: a bold job title inside "Experience" must not start a
section of its own.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from resumecheck.models import Block, Origin
from resumecheck.normalize import text_key

#: Canonical section key -> the wordings that name it (compared lower-cased, with "&"
#: read as "and" and punctuation dropped). Physician CVs and ordinary resumes alike.
SECTION_SYNONYMS: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary", "profile", "professional summary", "career summary", "objective",
        "career objective", "professional profile", "about", "about me", "personal statement",
        "summary of qualifications", "qualifications summary",
    ),
    "contact": ("contact", "contact information", "contact details", "personal information",
                "personal details"),
    "education": (
        "education", "medical education", "academic background", "education and training",
        "academic history", "educational background", "academic qualifications",
    ),
    "residency": ("residency", "residency training", "internship", "internship and residency",
                  "internship residency"),
    "fellowship": (
        "fellowship", "fellowships", "fellowship training", "postgraduate training",
        "post graduate training", "graduate medical education", "training",
        "postgraduate education", "clinical training",
    ),
    "board_certification": (
        "board certification", "board certifications", "certifications", "certification",
        "board status", "board certification and licensure", "certifications and licenses",
        "certifications and licensure", "board certifications and licensure",
    ),
    "licensure": ("licensure", "medical licenses", "medical licensure", "licenses", "license",
                  "state licenses", "licensure and certification", "licenses and certifications"),
    "experience": (
        "experience", "clinical experience", "professional experience", "work experience",
        "employment", "employment history", "work history", "appointments",
        "hospital appointments", "academic appointments", "professional appointments",
        "career history", "relevant experience", "positions held", "clinical appointments",
    ),
    "procedures": ("procedures", "procedural skills", "interventional procedures",
                   "procedural experience", "procedures performed"),
    "skills": (
        "skills", "clinical skills", "technical skills", "core competencies", "competencies",
        "key skills", "areas of expertise", "expertise", "skills and competencies",
        "skills and awards", "clinical interests and skills",
    ),
    "research": ("research", "research experience", "research interests", "clinical research",
                 "research activities"),
    "publications": ("publications", "peer reviewed publications", "selected publications",
                     "publications and presentations", "bibliography"),
    "presentations": ("presentations", "posters", "abstracts", "poster presentations",
                      "oral presentations", "invited talks", "lectures",
                      "abstracts and presentations"),
    "teaching": ("teaching", "teaching experience", "teaching activities", "mentoring",
                 "teaching and mentoring"),
    "memberships": (
        "professional memberships", "memberships", "professional organizations",
        "professional organisations", "affiliations", "professional affiliations",
        "societies", "professional societies", "organizations",
    ),
    "cme": ("continuing medical education", "continuing education", "cme",
            "continuing professional development", "cpd"),
    "awards": ("awards", "honors", "honours", "honors and awards", "awards and honors",
               "honours and awards", "awards and honours", "achievements", "distinctions"),
    "references": ("references", "referees", "references available upon request"),
    "languages": ("languages", "language skills", "language proficiency"),
    "volunteer": ("volunteer", "volunteering", "volunteer experience", "community service",
                  "service", "volunteer work", "community involvement"),
    "interests": ("interests", "hobbies", "hobbies and interests", "personal interests",
                  "activities", "extracurricular activities"),
    "projects": ("projects", "selected projects", "quality improvement projects"),
    "leadership": ("leadership", "leadership experience", "committees",
                   "committee service", "administrative experience"),
}

#: The common headings of Spanish, French, German and Portuguese CVs (compared without
#: accents, like every wording here).
FOREIGN_SYNONYMS: dict[str, tuple[str, ...]] = {
    "summary": ("perfil", "perfil profesional", "resumen", "resumen profesional",
                "sobre mi", "objetivo", "objetivo profesional", "profil",
                "profil professionnel", "a propos", "objectif", "kurzprofil", "profil",
                "zusammenfassung", "uber mich", "resumo", "perfil profissional",
                "sobre mim", "resumo profissional"),
    "experience": ("experiencia", "experiencia profesional", "experiencia laboral",
                   "trayectoria profesional", "experience professionnelle",
                   "experiences professionnelles", "parcours professionnel", "experiences",
                   "berufserfahrung", "berufliche erfahrung", "beruflicher werdegang",
                   "berufspraxis", "praktische erfahrung", "experiencia profissional",
                   "historico profissional"),
    "education": ("formacion", "formacion academica", "educacion", "estudios",
                  "formation", "formations", "diplomes", "etudes", "cursus",
                  "ausbildung", "bildungsweg", "studium", "akademischer werdegang",
                  "educacao", "formacao", "formacao academica", "escolaridade"),
    "skills": ("habilidades", "competencias", "aptitudes", "conocimientos", "competences",
               "savoir faire", "kenntnisse", "fahigkeiten", "kompetenzen",
               "fachkenntnisse", "qualifikationen"),
    "languages": ("idiomas", "lenguas", "langues", "sprachen", "sprachkenntnisse"),
    "board_certification": ("certificaciones", "certificados", "zertifikate",
                            "zertifizierungen", "certificacoes"),
    "cme": ("weiterbildung", "fortbildung", "fortbildungen", "formacion continua",
            "formation continue", "educacao continuada"),
    "publications": ("publicaciones", "publikationen", "veroffentlichungen", "publicacoes"),
    "presentations": ("ponencias", "conferences", "vortrage", "apresentacoes"),
    "research": ("investigacion", "recherche", "forschung", "pesquisa"),
    "interests": ("intereses", "aficiones", "centres d interet", "loisirs", "interessen",
                  "hobbys", "interesses"),
    "awards": ("premios", "distinciones", "prix", "auszeichnungen", "premiacoes"),
    "projects": ("proyectos", "projets", "projekte", "projetos"),
    "references": ("referencias", "references", "referenzen"),
    "volunteer": ("voluntariado", "benevolat", "ehrenamt", "ehrenamtliches engagement"),
    "memberships": ("afiliaciones", "mitgliedschaften", "membres", "associacoes"),
    "contact": ("contacto", "contato", "kontakt", "coordonnees", "datos personales",
                "personliche daten", "informations personnelles", "dados pessoais"),
}
#: English wordings the main table lacks that real CVs use.
_MORE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "presentations": ("invited lectures", "invited presentations", "conference presentations",
                      "talks", "speaking"),
    "experience": ("professional history", "employment experience", "work"),
    "memberships": ("memberships and affiliations", "professional associations"),
    "summary": ("overview", "executive summary"),
}

_LOOKUP: dict[str, str] = {}
for _table in (SECTION_SYNONYMS, FOREIGN_SYNONYMS, _MORE_SYNONYMS):
    for _key, _syns in _table.items():
        for _syn in _syns:
            _LOOKUP.setdefault(text_key(_syn), _key)
# Longest first, so "board certifications and licensure" beats "licensure".
_BY_LENGTH = sorted(_LOOKUP, key=lambda s: (-len(s), s))
#: Wordings with spaces squeezed out, for letter-spaced headings ("E D U C A T I O N").
_SQUEEZED = {syn.replace(" ", ""): key for syn, key in _LOOKUP.items()}

#: Every canonical section key.
SECTION_KEYS = frozenset(SECTION_SYNONYMS)

MAX_HEADING_WORDS = 6
_SENTENCE_END = (".", ",", ";", "!", "?")
#: Icons, emoji, bullets and numbering signs written before a heading.
_LEAD = re.compile(r"^[^\w(\[]+")


def _clean(text: str) -> str:
    """A heading's wording without the icon before it or the colon after it."""
    text = _LEAD.sub("", text.strip())
    return text.rstrip(":\uff1a").strip()


def _spaced(text: str) -> bool:
    tokens = text.split()
    return len(tokens) >= 4 and sum(len(t) == 1 for t in tokens) >= 0.7 * len(tokens)


def canonical_section(heading_text: str) -> str | None:
    """The canonical key a heading's wording names, or None when it is not a known one."""
    form = text_key(_clean(heading_text))
    key = _LOOKUP.get(form)
    if key is None and _spaced(form):
        key = _SQUEEZED.get(form.replace(" ", ""))
    return key


def _contained_section(heading_text: str) -> str | None:
    """A known wording inside a longer heading ("Fellowship and Residency Training")."""
    form = f" {text_key(_clean(heading_text))} "
    for syn in _BY_LENGTH:
        if f" {syn} " in form:
            return _LOOKUP[syn]
    return None


def _short(text: str) -> bool:
    if len(text) > 120:
        return False
    words = text.split()
    if len(words) > MAX_HEADING_WORDS and not (len(words) <= 40 and _spaced(text)):
        return False
    return bool(words) and not text.rstrip().endswith(_SENTENCE_END)


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


#: Words of job titles, employers, degrees and places: a line in capitals made of these
#: ("ATTENDING PHYSICIAN", "MERCY REGIONAL MEDICAL CENTER") is an entry, not a heading.
_ENTRY_WORDS = frozenset("""
physician physicians engineer developer nurse manager director analyst professor resident
fellow attending consultant specialist assistant associate intern officer coordinator
technician therapist scientist researcher lecturer instructor surgeon anesthesiologist
practitioner doctor bachelor master masters university college hospital clinic center
centre institute school inc llc ltd corporation company group department laboratory lab
chief head lead senior junior staff principal chair medicine faculty program programme
foundation society association partners bank agency office county city state
""".split())
#: Last words of section names ("Hospital Privileges", "Committee Service"): a line
#: ending in one names a section even when it also holds an entry word.
_HEADING_NOUNS = frozenset("""
privileges appointments grants funding service services activities interests positions
training history experience experiences skills qualifications affiliations memberships
publications presentations lectures talks posters abstracts awards honors honours
certifications licenses licensure credentials education teaching mentoring research
projects references languages volunteering involvement leadership development summary
profile objective achievements accomplishments competencies expertise fellowship
fellowships residency residencies internship internships certification
""".split())
_NOT_HEADING = re.compile(r"\d|@|https?:|www\.|\.(com|org|net|edu)\b|\bdoi\b", re.I)


def _entry_like(text: str) -> bool:
    """Unknown wording that reads as an entry line rather than a section name."""
    if _NOT_HEADING.search(text) or "," in text or "|" in text:
        return True
    found = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    if found and found[-1] in _HEADING_NOUNS:
        return False
    return bool(set(found) & _ENTRY_WORDS)


def looks_like_heading(text: str, *, marked: bool = False) -> bool:
    """Shape test used by readers (to split a PDF box) and by :func:`assign_sections`."""
    text = text.strip()
    if not _short(text):
        return False
    letters = _letters(text)
    if len(letters) < 2:
        return False
    if marked or canonical_section(text) is not None:
        return True
    # Capitals: "PROCEDURES", "SKILLS & AWARDS". Five letters at least, so an acronym
    # on its own line or in a table cell ("MD", "EMR", "CI/CD") is not a heading.
    return len(letters) >= 5 and letters.isupper()


def heading_key(text: str, *, styled: bool) -> str:
    """Section key for a heading: canonical when known, else its own wording lower-cased."""
    stripped = _clean(text)
    key = canonical_section(stripped)
    if key is None and styled:
        key = _contained_section(stripped)
    return key or " ".join(stripped.lower().split())


_UNSECTIONED = frozenset({Origin.HEADER, Origin.FOOTER, Origin.FOOTNOTE})

#: "LICENSURE: Wisconsin #12345, active", "Board Certification - ABA, 2019".
_INLINE = re.compile(r"^(?P<head>[^:\u2014\u2013]{3,60}?)\s*(?P<sep>:|\u2014|\u2013|\s-\s)"
                     r"\s*(?P<rest>\S.*)$")


_ITEM_MARKS = frozenset("\u2022\u25aa\u25cf\u25e6\u2023\u25a0\u25b8-*\u2013\u00b7\u2219\u25cb")


def _split_inline(block: Block) -> list[Block]:
    """A heading on the same line as its content becomes a heading block and a content
    block. Only a known wording, set off as a heading is (capitals, a dash, or a colon
    after a name of two words or more): "Languages: Go, SQL" inside a skills list stays
    one line."""
    text = block.text
    if block.hidden or not (":" in text or "\u2014" in text or "\u2013" in text
                            or " - " in text):
        return [block]
    m = _INLINE.match(text)
    if not m:
        return [block]
    head, sep, rest = m.group("head").strip(), m.group("sep").strip(), m.group("rest")
    if _LEAD.match(head) and head[:1] in _ITEM_MARKS or canonical_section(head) is None:
        return [block]  # a list item ("- Languages: Go, SQL"), or not a section name
    head = _clean(head)
    letters = _letters(head)
    capital = len(letters) >= 4 and letters.isupper()
    if not (capital or sep in ("\u2014", "\u2013", "-") or len(head.split()) >= 2):
        return [block]
    return [dataclasses.replace(block, text=head, is_heading=True),
            dataclasses.replace(block, text=rest, is_heading=False)]


def label_of(lead: str) -> str | None:
    """The section a bold label before a line's text names ("Licensure:"), if any."""
    lead = lead.strip()
    if not lead.endswith((":", "\uff1a")) or len(lead) > 60:
        return None
    return canonical_section(lead)


def labels_are_headings(leads: list[str]) -> list[bool]:
    """For each line (its bold label, or ""), whether the label is a heading.

    Bold labels at the start of lines ("LICENSURE: ...", "Board Certification: ...") are
    headings when most labels of their run of labelled lines name sections; a list of
    skill groups ("Languages:", "Frameworks:", "Tools:") names a section only by chance.
    """
    out = [False] * len(leads)
    run: list[int] = []
    for i in range(len(leads) + 1):
        lead = leads[i].strip() if i < len(leads) else ""
        if lead.endswith((":", "\uff1a")):
            run.append(i)
            continue
        if run:
            known = [j for j in run if label_of(leads[j]) is not None]
            if len(known) >= max(1, 0.5 * len(run)):
                for j in known:
                    out[j] = True
            run = []
    return out


def _adjacent(a: Block, b: Block) -> bool:
    if a.page != b.page or a.origin != b.origin:
        return False
    if a.bbox is None or b.bbox is None:
        return True
    height = max(a.bbox[3] - a.bbox[1], 1.0)
    return 0 <= b.bbox[1] - a.bbox[3] <= 0.8 * height and abs(a.bbox[0] - b.bbox[0]) < 30


def _merge_wrapped(blocks: list[Block]) -> list[Block]:
    """A heading wrapped over two lines ("PROFESSIONAL" / "MEMBERSHIPS", "PRESENTA-" /
    "TIONS") is one heading when the joined wording is a known one."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        a = blocks[i]
        if i + 1 < len(blocks):
            b = blocks[i + 1]
            ta, tb = a.text.strip(), b.text.strip()
            if (len(ta) < 60 and len(tb) < 60 and not a.hidden and not b.hidden
                    and ta[-1:].isalpha() | ta.endswith("-") and _short(ta) and _short(tb)
                    and len(ta.split()) + len(tb.split()) <= MAX_HEADING_WORDS + 1
                    and _adjacent(a, b)
                    and (a.font_size is None or b.font_size is None
                         or abs(a.font_size - b.font_size) <= 0.6)):
                joined = ta[:-1] + tb if ta.endswith("-") else f"{ta} {tb}"
                if canonical_section(joined) is not None and (
                        ta.endswith("-") or canonical_section(ta) is None
                        or canonical_section(tb) is None
                        or canonical_section(joined) == canonical_section(tb)):
                    box = None
                    if a.bbox and b.bbox:
                        box = (min(a.bbox[0], b.bbox[0]), a.bbox[1], max(a.bbox[2], b.bbox[2]),
                               b.bbox[3])
                    out.append(dataclasses.replace(a, text=joined, bbox=box))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _signature(block: Block) -> tuple[float, bool]:
    # No size given (a Word paragraph in the default size): 0, the "default" size.
    size = block.font_size or 0.0
    return (round(size * 2) / 2, block.bold)


def _body_style(blocks: list[Block]) -> tuple[float, bool] | None:
    weight: dict[tuple[float, bool], int] = {}
    for b in blocks:
        sig = _signature(b)
        if not b.hidden and b.origin not in _UNSECTIONED:
            weight[sig] = weight.get(sig, 0) + len(b.text)
    if not weight:
        return None
    return max(weight, key=lambda k: (weight[k], -k[0]))


def _set_apart(block: Block, body: tuple[float, bool] | None) -> bool:
    if block.is_heading:
        return True
    sig = _signature(block)
    return body is not None and (sig[0] >= body[0] + 0.9 or (sig[1] and not body[1]))


def _new_region(prev: Block | None, block: Block) -> bool:
    """Whether ``block`` starts another column: it jumps back up the page (or onto a new
    page) into a strip that does not overlap the one the previous block was in."""
    if prev is None or prev.bbox is None or block.bbox is None:
        return False
    if prev.page == block.page and block.bbox[1] >= prev.bbox[1] - 2:
        return False
    return block.bbox[0] >= prev.bbox[2] - 2 or block.bbox[2] <= prev.bbox[0] + 2


def assign_sections(blocks: Iterable[Block]) -> tuple[Block, ...]:
    """Mark headings and give each block the section of the last heading before it.

    A heading is a short line whose wording names a section (in English, Spanish, French,
    German or Portuguese), or one set apart the way the document sets its known headings
    apart (type size and weight), or one the reader marked (a Word heading style). Lines
    in capitals that read as entries (job titles, employers, degrees, places, dates) are
    not headings, nor is anything above the first known heading (a name, a job title).
    A section does not carry from one column into another: text at the top of a new
    column before its first heading has no section.
    """
    items: list[Block] = []
    for block in blocks:
        if block.origin in _UNSECTIONED:
            items.append(block)
        else:
            items.extend(_split_inline(block))
    items = _merge_wrapped(items)
    candidates: dict[int, str | None] = {}
    for i, b in enumerate(items):
        if b.origin in _UNSECTIONED or b.hidden:
            continue
        text = b.text.strip()
        if len(text) > 120 or not any(c.isalpha() for c in text[:40]):
            continue
        if looks_like_heading(text, marked=b.is_heading) or (
                _short(text) and len(_letters(text)) >= 3 and text[:1].isupper()):
            candidates[i] = canonical_section(text)
    body = _body_style(items)
    head_styles = {_signature(items[i]) for i, key in candidates.items() if key is not None}
    known_texts = [_letters(items[i].text) for i, key in candidates.items() if key is not None]
    #: The document writes its known headings in capitals: an unknown one must be too.
    caps_headings = bool(known_texts) and all(t.isupper() for t in known_texts if t)

    def stands_out(b: Block) -> bool:
        sig = _signature(b)
        text = _clean(b.text)
        if _NOT_HEADING.search(text) or "," in text or "|" in text:
            return False  # dates, numbers, addresses, places
        styled = any(abs(sig[0] - hs[0]) <= 0.25 and sig[1] == hs[1] for hs in head_styles)
        if b.is_heading:
            # A heading style the known headings do not use is a lower level (Word's
            # "Heading 2" for an employer under "Heading 1" sections); without sizes
            # there is nothing to compare, and the mark stands.
            sized = sig[0] > 0 and any(hs[0] > 0 for hs in head_styles)
            return (styled or not sized) and not _entry_like(text)
        if caps_headings and not _letters(text).isupper():
            styled = False
        letters = _letters(text)
        caps = len(letters) >= 5 and letters.isupper()
        if body is None or not head_styles:
            return caps and not _entry_like(text)
        bigger = sig[0] >= body[0] + 0.9
        if styled and bigger:
            return True  # set like the known headings and unlike the text
        return styled and (caps or (sig[1] and not body[1])) and not _entry_like(text)

    out: list[Block] = []
    section: str | None = None
    title: str | None = None
    known_seen = False
    prev: Block | None = None
    #: Columns read so far: (x0, x1, section, title) of each, the latest last.
    strips: list[tuple[float, float, str | None, str | None]] = []
    strip: list[float] | None = None
    for i, block in enumerate(items):
        if block.origin in _UNSECTIONED:
            out.append(dataclasses.replace(block, section=None, section_title=None,
                                           is_heading=False))
            continue
        if _new_region(prev, block) and block.bbox is not None:
            if strip is not None:
                strips.append((strip[0], strip[1], section, title))
            # A column continues the section of the last column it lines up with (the
            # main column on the next page); a column of its own starts with none.
            section, title = None, None
            for x0, x1, sec, tit in reversed(strips):
                if x0 < block.bbox[2] - 2 and block.bbox[0] < x1 - 2:
                    section, title = sec, tit
                    break
            strip = None
        if block.bbox is not None:
            if strip is None:
                strip = [block.bbox[0], block.bbox[2]]
            else:
                strip[0], strip[1] = min(strip[0], block.bbox[0]), max(strip[1], block.bbox[2])
        prev = block
        heading = False
        if i in candidates:
            if candidates[i] is not None:
                # A known name in lower case ("procedures" wrapped onto a line of its
                # own) is a heading only when set apart by size or weight.
                heading = not block.text.strip()[:1].islower() or _set_apart(block, body)
            elif stands_out(block):
                # A heading the table does not know; one that contains a known name
                # ("CLINICAL EXPERIENCE AND TEACHING") counts even before the first known.
                heading = known_seen or _contained_section(block.text) is not None
        if heading:
            text = block.text.strip()
            letters = _letters(text)
            styled = block.is_heading or letters.isupper() or candidates[i] is not None
            key = heading_key(text, styled=styled)
            known_seen = True
            section, title = key, _clean(text)
            out.append(dataclasses.replace(block, section=section, section_title=title,
                                           is_heading=True))
            continue
        out.append(dataclasses.replace(block, section=section, section_title=title,
                                       is_heading=False))
    return tuple(out)

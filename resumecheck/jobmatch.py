"""How a resume or letter fares against an analysed job posting: the match rate, the
posting terms it lacks, whether it states the title, and wording advice."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from resumecheck.models import (
    Document,
    JobMatch,
    JobTerm,
    Match,
    Posting,
    PostingTerm,
    WordingAdvice,
)
from resumecheck.normalize import text_key
from resumecheck.posting import PARENS, SENIORITY, wording_key

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from resumecheck.nlp import Pipeline

def match_job(posting: Posting, report_doc_matches: Mapping[str, Sequence[Match]],
              document: Document, doc: Doc, pipeline: Pipeline) -> JobMatch:
    """Compare ``document`` (a resume or letter) with ``posting``.

    ``report_doc_matches`` holds the profile-term matches already found in the document and
    ``doc`` is its spaCy doc (made by ``pipeline``).
    """
    phrase_hits = _find_phrases(posting.phrases, document, doc, pipeline)
    job_terms: list[JobTerm] = []
    advice: list[WordingAdvice] = []
    for pt in posting.terms:
        if pt.source == "profile":
            visible = [m for m in report_doc_matches.get(pt.term_id or "", ()) if m.counts]
            satisfied_by = None
            if not visible:
                for alt in pt.alternatives:
                    alt_visible = [m for m in report_doc_matches.get(alt, ()) if m.counts]
                    if alt_visible:
                        satisfied_by = alt
                        break
            if satisfied_by is not None:
                shown = [m for m in report_doc_matches[satisfied_by] if m.counts][:3]
                job_terms.append(JobTerm(pt, True, tuple(m.location for m in shown),
                                         satisfied_by=satisfied_by))
                continue
            locations = tuple(m.location for m in visible[:3])
            job_terms.append(JobTerm(pt, bool(visible), locations))
            if visible:
                a = _wording_advice(pt, visible, pipeline.norm)
                if a is not None:
                    advice.append(a)
        else:
            blocks = phrase_hits.get(pt.key, [])
            locations = tuple(document.location(b) for b in blocks[:3])
            job_terms.append(JobTerm(pt, bool(blocks), locations))
    total = sum(t.posting.weight for t in job_terms)
    got = sum(t.posting.weight for t in job_terms if t.found)
    rate = round(100.0 * got / total, 1) if total else 0.0
    title_block = _title_block(posting.title, document, doc, pipeline.norm)
    ordered = sorted(job_terms, key=lambda t: t.found)  # stable: missing first, order kept
    return JobMatch(
        posting_path=posting.path,
        title=posting.title,
        employer=posting.employer,
        title_found=title_block is not None,
        match_rate=rate,
        terms=tuple(ordered),
        advice=tuple(advice),
        title_location=document.location(title_block) if title_block is not None else None,
    )


def _find_phrases(phrases: Sequence[PostingTerm], document: Document, doc: Doc,
                  pipeline: Pipeline) -> dict[tuple[str, ...], list[int]]:
    """Visible blocks holding each phrase's NORM sequence."""
    if not phrases or not document.blocks:
        return {}
    from spacy.matcher import PhraseMatcher

    vocab = pipeline.nlp.vocab
    pm = PhraseMatcher(vocab, attr="NORM")
    keys: dict[int, tuple[str, ...]] = {}
    for i, p in enumerate(phrases):
        pattern = pipeline.make_doc(p.wording)
        if not len(pattern):
            continue
        name = f"job-phrase-{i}"
        pm.add(name, [pattern])
        keys[vocab.strings[name]] = p.key
    hits: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for match_id, start, _end in pm(doc):
        block = document.block_index_at(doc[start].idx)
        if document.blocks[block].hidden:
            continue
        key = keys[match_id]
        if block not in hits[key]:
            hits[key].append(block)
    return {k: sorted(v) for k, v in hits.items()}


def _wording_advice(pt: PostingTerm, visible: Sequence[Match],
                    lemma: Callable[[str], str]) -> WordingAdvice | None:
    resume = {}
    for m in visible:
        resume.setdefault(wording_key(m, lemma), m.surface)
    if set(pt.wordings) & set(resume):
        return None
    return WordingAdvice(pt.term_id or "", pt.text, pt.wording,
                         tuple(sorted(set(resume.values()))))


def _title_block(title: str | None, document: Document, doc: Doc,
                 lemma: Callable[[str], str]) -> int | None:
    """The first visible block that states the title: all its content words, or all but
    the seniority words ("Assistant Professor" is stated by "Professor ...")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    if not title or not document.blocks:
        return None
    words = [lemma(w) for w in text_key(PARENS.sub("", title)).split()
             if w.isalpha() and w not in STOP_WORDS]
    full = set(words)
    core = full - SENIORITY
    if not core:
        return None
    per_block: dict[int, set[str]] = defaultdict(set)
    for tok in doc:
        if tok.is_alpha:
            per_block[document.block_index_at(tok.idx)].add(tok.norm_)
    for b in sorted(per_block):
        if document.blocks[b].hidden:
            continue
        if full <= per_block[b] or core <= per_block[b]:
            return b
    return None


__all__ = ["match_job"]

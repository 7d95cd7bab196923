"""Find every profile term in a document, where it sits, and whether the text claims it.

Every wording is indexed once per profile and pipeline by its tokens' matching keys: the
``NORM`` of each token (its lower-cased lookup lemma, so case and inflection do not
matter) for wordings and names, the exact text (``ORTH``) for acronyms, so "ABA" is
found as a whole token and never in "abacus" or in lowercase prose. A document token is
looked up by its first key and compared with the few wordings filed under it; building
the index needs no spaCy docs for plain wordings, which keeps start-up short. Around
that, in order (every rule is documented in docs/profiles.md):

1. wordings with words inside (``modifiers``), coordinated phrases ("neck and back pain")
   and verb-first forms ("injected the sacroiliac joint") are found too;
2. matches in text that is not the writer's (URLs, e-mail addresses, a letter's addressee
   and subject line, inside an organization's or a cited journal's name), after "non-",
   and ambiguous acronyms without their declared context are dropped;
3. where one match contains another of a different term, only the longer is kept, unless
   the profile says the longer term is a kind of the shorter (``broader``);
4. credentials are read from CV lines by section and by role nouns (``credit``);
5. each match is *claimed* or *mentioned* (negated, planned, pending, hedged, the
   employer's words, a heading alone, a generic wording), with the reason. Only claimed,
   visible matches count.

``find(..., mentions=True)`` is for a text that asks for terms instead of claiming them (a
job posting): it returns every place the text names a term, with the rules that say what
a wording means (1-3 and 4 above) and without those that judge a claim (see
:meth:`TermMatcher.find`).
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import resumecheck.claims as C
from resumecheck.models import Document, Match
from resumecheck.nlp import Pipeline, unhyphenate

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from resumecheck.profiles import Profile, Term

#: Where a sentence ends inside a block: end punctuation or a list bullet.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9(\"'])|\s[\u2022\u25aa\u25cf\u2013|]\s")
SENTENCE_MAX = 240
#: A document counts generic wordings only beside this many specific terms it claims.
GENERIC_GATE = 2
#: At most this many variants of one wording are made from word families.
MAX_FORM_VARIANTS = 16
#: A coordinated phrase: up to this many words in each conjunct, this many conjuncts.
CONJUNCT_WORDS = 3
MAX_CONJUNCTS = 6
#: A role noun credits a credential when one of its names is this close (words between).
ROLE_REACH = 3
#: Headings and lead-in lines govern the blocks under them up to this far.
LEAD_IN_REACH = 15

_COORDINATORS = frozenset({"and", "or", "&", "/", "and/or"})
#: Wordings made only of letters, digits, spaces and hyphens: split without the tokenizer.
_PLAIN = re.compile(r"[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)*")
_HEAD_PREPOSITIONS = frozenset({"in", "of", "for", "with"})
_SEPARATORS = frozenset({":", "|", "-", "–", "—", ",", "\t"})


@dataclass(slots=True)
class _Cand:
    """A candidate match: one term (or name) over a set of tokens."""

    term_id: str
    via: str
    #: What the matched wording needs: "c" declared context, "g" generic, "n" a "non-" word.
    flags: str
    tokens: frozenset[int]
    kind: str = "term"  # term | credit | role | org | journal
    claim: str = "claimed"
    reason: str = ""
    first: int = field(init=False)
    last: int = field(init=False)

    def __post_init__(self) -> None:
        self.first = min(self.tokens)
        self.last = max(self.tokens)


class TermMatcher:
    """Matches the terms of one profile; build it once and reuse it for every document.

    ``terms`` is a :class:`~resumecheck.profiles.Profile` (its word families, verbs and
    names are used) or just an iterable of its terms.
    """

    def __init__(self, terms: Iterable[Term] | Profile, pipeline: Pipeline) -> None:
        profile = terms if hasattr(terms, "terms") and hasattr(terms, "forms") else None
        term_list: list[Term] = list(profile.terms if profile is not None else terms)
        #: The profile the terms came from (None when built from bare terms).
        self.profile = profile
        self.pipeline = pipeline
        self.terms: dict[str, Term] = {t.id: t for t in term_list}
        self._strings = pipeline.nlp.vocab.strings
        #: first token's NORM hash -> [(norms, kind, term id, via, flags)]: every wording of
        #: every term, and the names a profile knows (organizations, journals, credential
        #: names and roles). Acronyms likewise by exact text (ORTH).
        self._by_norm: dict[int, dict[str, list[tuple[tuple[str, ...], str, str, str, str]]]] \
            = defaultdict(dict)
        self._by_orth: dict[int, dict[str, list[tuple[tuple[str, ...], str, str, str, str]]]] \
            = defaultdict(dict)
        self._families = _family_map(profile.forms if profile is not None else ())
        self._verbs = dict(profile.verbs) if profile is not None else {}
        #: norm tuple of a multi-word wording -> [(term id, via, flags)]
        self._by_norms: dict[tuple[str, ...], list[tuple[str, str, str]]] = defaultdict(list)
        #: first norm -> [(norms, term id, via, flags, modifiers)] for wordings with words inside
        self._gapped: dict[str, list[tuple[tuple[str, ...], str, str, str, int]]] = \
            defaultdict(list)
        #: per term: norm tuples of near / not-near context words
        self._near: dict[str, list[tuple[str, ...]]] = {}
        self._not_near: dict[str, list[tuple[str, ...]]] = {}
        for term in term_list:
            for text, via in term.variants():
                flags = _flags(term, text, via)
                if via == "acronym":
                    for form in acronym_forms(text):
                        self._index(self._by_orth, self._keys(form, "orth"), "term", term.id,
                                    via, flags)
                    continue
                for form in self._word_variants(text):
                    norms = self._keys(form, "norm")
                    self._index(self._by_norm, norms, "term", term.id, via, flags)
                    if len(norms) >= 2:
                        self._by_norms[norms].append((term.id, via, flags))
                        if term.modifiers:
                            self._gapped[norms[0]].append(
                                (norms, term.id, via, flags, term.modifiers))
            if term.context is not None:
                self._near[term.id] = [self._keys(w, "norm") for w in term.context.near]
                self._not_near[term.id] = [self._keys(w, "norm") for w in term.context.not_near]
            if term.credit is not None:
                for kind, names in (("credit", term.credit.names), ("role", term.credit.roles)):
                    for name in names:
                        for form in word_forms(name):
                            self._index(self._by_norm, self._keys(form, "norm"), kind, term.id,
                                        "section", "")
        if profile is not None:
            for kind, names in (("org", profile.organizations), ("journal", profile.journals)):
                for name in names:
                    forms = {name, name.replace("&", "and"), name.replace(" and ", " & ")}
                    for form in sorted(forms):
                        self._index(self._by_norm, self._keys(form, "norm"), kind, "", kind, "")
        strings = self._strings
        self._firsts = {norms[0] for norms in self._by_norms}
        self._lasts = {norms[-1] for norms in self._by_norms}
        self._gapped_ids = {strings.add(norm) for norm in self._gapped}
        self._coordinator_ids = {strings.add(word) for word in _COORDINATORS}

    def _keys(self, text: str, attr: str) -> tuple[str, ...]:
        """The tokens of a wording as the matcher compares them: lemma keys (``norm``) or
        exact text (``orth``). Plain wordings are split without a spaCy doc (thousands of
        docs would cost more than the rest of the start-up); others go through the
        tokenizer, so "M.D." or "PM&R" are split exactly as a document's words are."""
        if _PLAIN.fullmatch(text):
            if attr == "norm":
                return self.pipeline.phrase_norms(text)
            return tuple(unhyphenate(text).split())
        doc = self.pipeline.make_doc(text)
        return tuple((t.norm_ if attr == "norm" else t.text) for t in doc if not t.is_space)

    def _index(self, index: dict, keys: tuple[str, ...], kind: str, term_id: str, via: str,
               flags: str) -> None:
        """File an entry under its first token's hash, then its second token ("" for a
        one-token wording), so a document token is compared only with likely wordings."""
        if keys:
            entry = (keys, kind, term_id, via, flags)
            bucket = index[self._strings.add(keys[0])].setdefault(
                keys[1] if len(keys) > 1 else "", [])
            if entry not in bucket:
                bucket.append(entry)

    def _word_variants(self, text: str) -> list[str]:
        """A wording as written, joined-up, in every form of its word families, and verb
        first when it ends in a noun with a verb ("inject trigger point")."""
        out: list[str] = []
        for form in word_forms(text):
            for variant in _family_variants(form, self._families):
                if variant not in out:
                    out.append(variant)
        words = text.split()
        if len(words) >= 2:
            head = words[-1].lower()
            for noun, verbs in self._verbs.items():
                if head in (noun, noun + "s"):
                    rest = " ".join(words[:-1])
                    for verb in verbs:
                        out += [f"{verb} {rest}", f"{verb} the {rest}"]
        return out

    # ----------------------------------------------------------------------- finding

    def find(self, document: Document, doc: Doc | None = None, *,
             mentions: bool = False) -> dict[str, tuple[Match, ...]]:
        """Every match of every term in ``document``, keyed by term id, in text order.

        Matches the text does not claim are kept with ``claim="mentioned"`` and a reason;
        :attr:`Match.counts` says whether a match counts. ``doc`` is the spaCy doc of
        ``document.text`` when the caller already made one.

        ``mentions=True``: every mention, for a text that asks for terms rather than
        claims them (a job posting). What a wording means is decided as always (context,
        vetoes, URLs and e-mail addresses, "non-", nested terms, credentials by section);
        what only a claim needs is left out: no claim is judged (every match is
        ``mentioned`` with the reason :data:`resumecheck.claims.NOT_JUDGED`, so none
        counts), generic wordings are not gated, no broader term is inferred (a posting
        asking for medial branch blocks does not ask for nerve blocks in general), role
        nouns credit nothing (a writer's "Fellow, Pain Medicine" is a title; a posting's
        "supervise anesthesiology residents" names trainees), and a letter's salutation,
        addressee and subject are text like any other. One rule is
        added: acronyms of one term joined by "or", "and", "/" or a comma ("MD or DO",
        "MD/DO") are each other's context, as a posting lists them, and are no US state
        after a city ("Qualifications, MD or DO").
        """
        if not document.blocks:
            return {}
        if doc is None:
            doc = self.pipeline.make_doc(document.text)
        view = C.TokenView(document, doc)
        cands = self._candidates(view)
        cands += self._gapped_matches(view)
        cands += self._coordinated(view)
        cands = self._drop_foreign(view, cands, letter=not mentions)
        cands = self._drop_out_of_context(view, cands, paired=mentions)
        cands = _drop_nested(cands)
        cands = self._credits(view, cands, roles=not mentions)
        terms = _longest_per_term([c for c in cands if c.kind == "term"])
        if mentions:
            for c in terms:
                c.claim, c.reason = "mentioned", C.NOT_JUDGED
        else:
            self._claims(view, terms)
            self._gate_generic(view, terms)
            terms += self._broader(terms)
        by_term: dict[str, list[_Cand]] = defaultdict(list)
        for c in terms:
            by_term[c.term_id].append(c)
        found: dict[str, tuple[Match, ...]] = {}
        for term_id in sorted(by_term):
            ordered = sorted(by_term[term_id], key=lambda c: (c.first, c.last, c.via))
            found[term_id] = tuple(self._to_match(view, c) for c in ordered)
        return found

    def _candidates(self, view: C.TokenView) -> list[_Cand]:
        """Every wording and name where its tokens stand, within one block."""
        out: list[_Cand] = []
        for index, attr in ((self._by_norm, "norm"), (self._by_orth, "orth")):
            get = view.norm if attr == "norm" else view.text
            ids = view.norm_ids if attr == "norm" else view.orth_ids
            for i in view.positions(index, attr):
                _, hi = view.block_range(view.block[i])
                bucket = index[int(ids[i])]
                entries = list(bucket.get("", ()))
                if i + 1 <= hi:
                    entries += bucket.get(get(i + 1), ())
                for keys, kind, term_id, via, flags in entries:
                    end = i + len(keys)
                    if end - 1 <= hi and all(get(i + k) == keys[k] for k in range(2, len(keys))):
                        out.append(_Cand(term_id, via, flags, frozenset(range(i, end)), kind))
        return out

    def _gapped_matches(self, view: C.TokenView) -> list[_Cand]:
        """Wordings with up to ``modifiers`` words inside: "chronic widespread pain"."""
        if not self._gapped:
            return []
        out: list[_Cand] = []
        stops = C.FUNCTION_WORDS
        for i in view.positions(self._gapped_ids):
            entries = self._gapped.get(view.norm(i))
            if not entries:
                continue
            lo, hi = view.block_range(view.block[i])
            ahead = {view.norm(x) for x in range(i + 1, min(hi, i + 12) + 1)}
            for norms, term_id, via, flags, allowed in entries:
                if not all(n in ahead for n in norms[1:]):
                    continue
                tokens = [i]
                inserted = 0
                listed = False  # inside a list of modifiers: "knee, hip and shoulder"
                j = i + 1
                k = 1
                while k < len(norms) and j <= hi:
                    if view.norm(j) == norms[k]:
                        if listed:  # "chronic kidney disease and pain": no list item
                            break
                        tokens.append(j)
                        k += 1
                        j += 1
                        continue
                    word = view.lower(j)
                    if (word == "," or word in _COORDINATORS) and inserted and j + 1 <= hi \
                            and view.is_word(j + 1):
                        listed = True
                        j += 1
                        continue
                    if not view.is_word(j) or word in stops or any(c.isdigit() for c in word):
                        break
                    if not listed:
                        if inserted >= allowed:
                            break
                        inserted += 1
                    listed = False
                    j += 1
                if k == len(norms) and inserted:
                    out.append(_Cand(term_id, via, flags, frozenset(tokens)))
        return out

    def _coordinated(self, view: C.TokenView) -> list[_Cand]:
        """Each conjunct of a coordinated phrase with its shared tail: "peripheral nerve and
        spinal cord stimulation" is also "peripheral nerve stimulation"."""
        out: list[_Cand] = []
        for c in view.positions(self._coordinator_ids, "lower"):
            if view.lower(c) not in _COORDINATORS:
                continue
            lo, hi = view.block_range(view.block[c])
            if not lo < c < hi:
                continue
            out += self._head_shared(view, c, lo, hi)
            lefts = [conj for conj in _left_conjuncts(view, c, lo)
                     if view.norm(conj[0]) in self._firsts]
            if not lefts:
                continue
            for m in range(1, CONJUNCT_WORDS + 1):
                tail_start = c + 1 + m
                if tail_start > hi or not all(view.is_word(k) for k in range(c + 1, tail_start)):
                    break
                for t in range(1, 5):
                    tail_end = tail_start + t
                    if tail_end - 1 > hi or not view.is_word(tail_end - 1):
                        break
                    if view.norm(tail_end - 1) not in self._lasts:
                        continue
                    tail = tuple(view.norm(k) for k in range(tail_start, tail_end))
                    for conjunct in lefts:
                        key = tuple(view.norm(k) for k in conjunct) + tail
                        for term_id, via, flags in self._by_norms.get(key, ()):
                            out.append(_Cand(term_id, via, flags, frozenset(
                                (*conjunct, *range(tail_start, tail_end)))))
        return out

    def _head_shared(self, view: C.TokenView, c: int, lo: int, hi: int) -> list[_Cand]:
        """The last conjunct with a head the conjuncts share on the left, where the head
        ends in a preposition: "certified in anesthesiology and pain medicine" is also
        "certified in pain medicine". (Adjectives are not shared this way: "chronic kidney
        disease and pain" is not chronic pain.)"""
        out: list[_Cand] = []
        for k in range(1, CONJUNCT_WORDS + 1):
            if c + k > hi or not view.is_word(c + k):
                break
            if view.norm(c + k) not in self._lasts:
                continue
            right = tuple(range(c + 1, c + k + 1))
            # The left conjuncts: words and list commas, up to a head of one to four words.
            m = 0
            while c - m - 1 >= lo and m < 2 * CONJUNCT_WORDS + 2 and (
                    view.is_word(c - m - 1) or view.text(c - m - 1) == ","):
                m += 1
                if view.text(c - m) == "," or not view.is_word(c - m):
                    continue
                if view.lower(c - m - 1) not in _HEAD_PREPOSITIONS:
                    continue
                for h in range(2, 6):
                    head = tuple(range(c - m - h, c - m))
                    if head[0] < lo or not all(view.is_word(x) for x in head):
                        break
                    key = tuple(view.norm(x) for x in (*head, *right))
                    for term_id, via, flags in self._by_norms.get(key, ()):
                        out.append(_Cand(term_id, via, flags, frozenset((*head, *right))))
        return out

    # ----------------------------------------------------------------------- dropping

    def _drop_foreign(self, view: C.TokenView, cands: list[_Cand], *, letter: bool = True
                      ) -> list[_Cand]:
        """Matches in text that is not the writer's (with ``letter``, also a letter's
        salutation, addressee and subject), and after "non-"."""
        spans = C.foreign_spans(view.document, letter=letter)
        starts = [s for s, _, _ in spans]
        names = sorted((view.char_start(c.first), view.char_end(c.last)) for c in cands
                       if c.kind == "org" or (c.kind == "journal" and _cited_journal(view, c)))
        out = []
        for cand in cands:
            if cand.kind in ("org", "journal"):
                continue
            s, e = view.char_start(cand.first), view.char_end(cand.last)
            if _inside(spans, starts, s, e):
                continue
            if any(ns <= s and e <= ne for ns, ne in names):
                continue
            if cand.kind == "term" and _after_non(view, cand):
                continue
            out.append(cand)
        return out

    def _drop_out_of_context(self, view: C.TokenView, cands: list[_Cand], *,
                             paired: bool = False) -> list[_Cand]:
        """Acronyms that read as something else, and wordings without declared context;
        with ``paired``, acronyms of one term listed together support each other."""
        long_form: set[str] = set()
        for c in cands:
            term = self.terms.get(c.term_id)
            if c.kind == "term" and term is not None and c.via != "acronym" and \
                    not _needs_context(term, c) and not view.document.blocks[
                        view.block[c.first]].hidden:
                long_form.add(c.term_id)
        out = []
        # "MD or DO" is no place, even after "Qualifications,": a pair is exempt from the
        # state-after-city veto and needs no other context.
        pairs = _paired_acronyms(view, [c for c in cands if c.kind == "term"
                                        and c.via == "acronym"]) if paired else set()
        for c in cands:
            if c.kind != "term":
                out.append(c)
                continue
            term = self.terms[c.term_id]
            if c.via == "acronym" and self._acronym_vetoed(view, c, city=id(c) not in pairs):
                continue
            if _needs_context(term, c) and id(c) not in pairs and \
                    not self._in_context(view, c, term, long_form):
                continue
            out.append(c)
        return out

    def _acronym_vetoed(self, view: C.TokenView, c: _Cand, *, city: bool = True) -> bool:
        start, end = c.first, c.last + 1
        return ((city and C.state_after_city(view, start)) or C.in_caps_prose(view, start, end)
                or C.technical_code(view, start, end))

    def _in_context(self, view: C.TokenView, c: _Cand, term: Term, long_form: set[str]
                    ) -> bool:
        ctx = term.context
        assert ctx is not None
        b = view.block[c.first]
        lo, hi = view.block_range(b)
        w_lo, w_hi = max(lo, c.first - ctx.window), min(hi, c.last + ctx.window)
        if _near(view, self._not_near[term.id], w_lo, w_hi, c):
            return False
        if not ctx.needs_support:
            return True
        if ctx.long_form and term.id in long_form:
            return True
        if ctx.sections and _section_of(view, b, c.first) in ctx.sections:
            return True
        if ctx.name_suffix and C.name_suffix(view, c.first):
            return True
        return _near(view, self._near[term.id], w_lo, w_hi, c)

    # ----------------------------------------------------------------------- credentials

    def _credits(self, view: C.TokenView, cands: list[_Cand], *, roles: bool = True
                 ) -> list[_Cand]:
        """Names on a CV line of a credential's section, and (with ``roles``) role nouns
        beside a name, become matches of the credential ("FELLOWSHIP / Pain Medicine - ...,
        2018", "Fellow, Pain Medicine")."""
        names = [c for c in cands if c.kind == "credit"]
        role_nouns = [c for c in cands if c.kind == "role"] if roles else []
        out = [c for c in cands if c.kind == "term"]
        if not names:
            return out
        # One credit per term and line, and none where the line names the term itself.
        done = {(c.term_id, view.block[c.first]) for c in out}
        for name in sorted(names, key=lambda c: (c.first, -len(c.tokens))):
            term = self.terms[name.term_id]
            assert term.credit is not None
            b = view.block[name.first]
            block = view.document.blocks[b]
            credited = False
            if not block.is_heading and _section_of(view, b, name.first) in \
                    term.credit.sections:
                credited = True
            elif not name.reason and any(
                    r.term_id == name.term_id and view.block[r.first] == b
                    and _close(view, r, name) for r in role_nouns):
                credited = True
            if credited and (name.term_id, b) not in done:
                done.add((name.term_id, b))
                out.append(_Cand(name.term_id, "section", "", name.tokens))
        return out

    # ----------------------------------------------------------------------- claims

    def _claims(self, view: C.TokenView, cands: list[_Cand]) -> None:
        """Mark each candidate claimed or mentioned, with the reason."""
        document = view.document
        heading_ok: dict[int, bool] = {}
        lead_in: dict[int, C.Cue | None] = {}
        for c in cands:
            b = view.block[c.first]
            lo, hi = view.block_range(b)
            cue = C.cue_before(view, c.first, lo) or C.cue_after(view, c.first, c.last + 1,
                                                                   lo, hi)
            if cue is None and b not in lead_in:
                lead_in[b] = _governing_lead_in(view, b)
            if cue is None:
                cue = lead_in.get(b)
            if cue is not None:
                c.claim, c.reason = "mentioned", cue.reason()
                continue
            if document.blocks[b].is_heading:
                if b not in heading_ok:
                    heading_ok[b] = _heading_entries(view, b)
                status = heading_ok[b]
                if isinstance(status, C.Cue):
                    c.claim, c.reason = "mentioned", status.reason()
                elif status is False:
                    c.claim, c.reason = "mentioned", C.HEADING_ALONE

    def _gate_generic(self, view: C.TokenView, cands: list[_Cand]) -> None:
        """Generic wordings count only in a document that claims at least GENERIC_GATE
        specific terms, or beside a specific term in the same block ("research on spinal
        cord stimulation")."""
        blocks = view.document.blocks
        specific: dict[str, set[int]] = defaultdict(set)
        for c in cands:
            b = view.block[c.first]
            if c.claim == "claimed" and not blocks[b].hidden and not self._generic(c):
                specific[c.term_id].add(b)
        if len(specific) >= GENERIC_GATE:
            return
        near_blocks = set().union(*specific.values()) if specific else set()
        for c in cands:
            if c.claim == "claimed" and self._generic(c) and view.block[c.first] not in near_blocks:
                c.claim, c.reason = "mentioned", C.GENERIC

    def _generic(self, c: _Cand) -> bool:
        return "g" in c.flags

    def _broader(self, cands: list[_Cand]) -> list[_Cand]:
        """A match of a term is also a match of every term it is a kind of."""
        have = {(c.term_id, c.first, c.last) for c in cands}
        out = []
        for c in cands:
            for other in self.terms[c.term_id].broader:
                if other in self.terms and (other, c.first, c.last) not in have:
                    have.add((other, c.first, c.last))
                    out.append(_Cand(other, "broader", "", c.tokens, claim=c.claim,
                                     reason=c.reason))
        return out

    def _to_match(self, view: C.TokenView, c: _Cand) -> Match:
        document = view.document
        start, end = view.char_start(c.first), view.char_end(c.last)
        idx = document.block_index_at(start)
        block = document.blocks[idx]
        return Match(
            term_id=c.term_id,
            surface=document.text[start:end],
            start=start,
            end=end,
            location=document.location(idx),
            sentence=sentence_around(block.text, start - document.offsets[idx],
                                     end - document.offsets[idx]),
            via=c.via,
            hidden=block.hidden,
            claim=c.claim,
            reason=c.reason,
        )


# --------------------------------------------------------------------------- helpers


def word_forms(text: str) -> list[str]:
    """Wordings to look for: as written, and a hyphenated word also joined up
    ("radio-frequency" also finds "radiofrequency")."""
    forms = [text]
    if "-" in text:
        forms.append(re.sub(r"(?<=\w)-(?=\w)", "", text))
    return forms


def acronym_forms(text: str) -> list[str]:
    """An acronym and its plural ("RFA", "RFAs")."""
    forms = [text]
    if text[-1:].isalpha() and text[-1:].isupper():
        forms.append(text + "s")
    return forms


def _family_map(forms: Iterable[tuple[str, tuple[str, ...]]]) -> dict[str, tuple[str, ...]]:
    """Every member of a word family -> the whole family (itself first)."""
    out: dict[str, tuple[str, ...]] = {}
    for word, others in forms:
        family = (word, *others)
        for member in family:
            out[member] = (member, *[m for m in family if m != member])
    return out


def _family_variants(text: str, families: dict[str, tuple[str, ...]]) -> list[str]:
    if not families:
        return [text]
    parts = re.split(r"([A-Za-z]+)", text)
    options = [families.get(p.lower(), (p,)) if i % 2 else (p,) for i, p in enumerate(parts)]
    out = []
    for combo in itertools.product(*options):
        out.append("".join(combo))
        if len(out) >= MAX_FORM_VARIANTS:
            break
    return out


def _flags(term: Term, wording: str, via: str) -> str:
    """What a wording of ``term`` needs, as letters: "c" its declared context (an acronym,
    or one of ``context.wordings``), "g" a generic wording, "n" a wording starting "non"."""
    flags = ""
    ctx = term.context
    if ctx is not None and (wording in ctx.wordings if ctx.wordings else via == "acronym"):
        flags += "c"
    if wording in term.generic:
        flags += "g"
    if wording.lower().startswith("non"):
        flags += "n"
    return flags


def _needs_context(term: Term, c: _Cand) -> bool:
    return "c" in c.flags


#: What may join two acronyms of one term listed together: "MD or DO", "MD/DO", "MD, DO".
_ACRONYM_JOINS = frozenset({"or", "and", "/", ",", "&", "and/or"})


def _paired_acronyms(view: C.TokenView, acronyms: list[_Cand]) -> set[int]:
    """``id()`` of each acronym match listed next to another acronym of the same term,
    written differently, with one joining word or mark between ("MD or DO")."""
    by_first = {c.first: c for c in acronyms}
    out: set[int] = set()
    for c in acronyms:
        j = c.last + 1
        while j < view.n and view.is_space(j):
            j += 1
        if j >= view.n or view.lower(j) not in _ACRONYM_JOINS:
            continue
        k = j + 1
        while k < view.n and view.is_space(k):
            k += 1
        other = by_first.get(k)
        if other is not None and other.term_id == c.term_id and \
                view.text(other.first) != view.text(c.first) and \
                view.block[other.first] == view.block[c.first]:
            out.update((id(c), id(other)))
    return out


def _near(view: C.TokenView, phrases: list[tuple[str, ...]], lo: int, hi: int,
          c: _Cand) -> bool:
    """Whether one of ``phrases`` (norm tuples) stands in tokens [lo, hi] outside ``c``."""
    if not phrases:
        return False
    keys = [(view.norm(i), view.lower(i)) if i not in c.tokens else ("", "")
            for i in range(lo, hi + 1)]
    present = {k for pair in keys for k in pair}
    for phrase in phrases:
        if phrase[0] not in present:
            continue
        n = len(phrase)
        for i in range(len(keys) - n + 1):
            if all(phrase[k] in keys[i + k] for k in range(n)):
                return True
    return False


def _inside(spans: list[tuple[int, int, str]], starts: list[int], s: int, e: int) -> bool:
    """Whether [s, e) overlaps one of ``spans`` (sorted by start)."""
    import bisect

    i = bisect.bisect_right(starts, e)
    return any(ss < e and s < ee for ss, ee, _ in spans[max(0, i - 8):i])


def _after_non(view: C.TokenView, c: _Cand) -> bool:
    """"non-opioid therapies" is not "opioid therapy"; "non-cancer pain" is not cancer pain."""
    if "n" in c.flags:
        return False
    i = c.first - 1
    lo, _ = view.block_range(view.block[c.first])
    return i >= lo and view.lower(i) == "non"


def _cited_journal(view: C.TokenView, c: _Cand) -> bool:
    """A journal's name where it is cited as one: followed by a year or volume, or after
    "published in", "reviewer for", "editorial board"..."""
    if not view.text(c.first)[:1].isupper():
        return False
    text = view.document.text
    end = view.char_end(c.last)
    if _CITATION_TAIL.match(text[end:end + 24]):
        return True
    lo, _ = view.block_range(view.block[c.first])
    before = " ".join(view.lower(k) for k in range(max(lo, c.first - 7), c.first))
    return bool(_JOURNAL_CUE.search(before))


_CITATION_TAIL = re.compile(r"^\s*[.,]?\s*(?:(?:19|20)\d\d\s*(?:[;:(]|[A-Z][a-z]{2}\b)"
                            r"|\d+\s*\(\d+\)|\d+\s*:\s*\d+|vol\b|in press\b|\(journal\))")
_JOURNAL_CUE = re.compile(r"\b(?:reviewer|reviewers|editor|editorial|journal|published in|"
                          r"publication in|submitted to|accepted in|accepted by|in press)\b")


def _left_conjuncts(view: C.TokenView, c: int, lo: int) -> list[tuple[int, ...]]:
    """The conjuncts before coordinator ``c`` ("acute, subacute and" -> (acute), (subacute)),
    each as every suffix of up to CONJUNCT_WORDS words."""
    out: list[tuple[int, ...]] = []
    j = c - 1
    for _ in range(MAX_CONJUNCTS):
        words: list[int] = []
        while j >= lo and view.is_word(j) and view.lower(j) not in _COORDINATORS \
                and len(words) < CONJUNCT_WORDS + 1:
            words.insert(0, j)
            j -= 1
        if not words or len(words) > CONJUNCT_WORDS and not (j >= lo and view.text(j) == ","):
            words = words[-CONJUNCT_WORDS:]
        if not words:
            break
        for k in range(len(words)):
            out.append(tuple(words[k:]))
        if j >= lo and view.text(j) == ",":
            j -= 1
            continue
        break
    return out


def _drop_nested(cands: list[_Cand]) -> list[_Cand]:
    """Where a match lies inside a longer one of another term, keep the longer only.

    Credential names keep their place (the section says what the line is), but a name a
    role noun would credit is dropped inside another term ("Fellow, American Academy of
    Pain Medicine" names a society, not a fellowship).
    """
    terms = sorted((c for c in cands if c.kind == "term"), key=lambda c: -len(c.tokens))
    kept: list[_Cand] = []
    #: token -> kept candidates over it (a longer match holding ``c`` holds its first token)
    over: dict[int, list[_Cand]] = defaultdict(list)
    for c in terms:
        if any(c.tokens < k.tokens and k.term_id != c.term_id for k in over.get(c.first, ())):
            continue
        kept.append(c)
        for t in c.tokens:
            over[t].append(c)
    out = list(kept)
    for c in cands:
        if c.kind in ("credit", "role"):
            if any(c.tokens < k.tokens for k in over.get(c.first, ())):
                c.reason = "nested"
            out.append(c)
    return out


def _longest_per_term(cands: list[_Cand]) -> list[_Cand]:
    """Drop candidates of one term that overlap a longer one of the same term."""
    by_term: dict[str, list[_Cand]] = defaultdict(list)
    for c in cands:
        by_term[c.term_id].append(c)
    out: list[_Cand] = []
    for term_id in sorted(by_term):
        ordered = sorted(by_term[term_id], key=lambda c: (-len(c.tokens), c.first, c.via))
        used: set[int] = set()
        for c in ordered:
            if c.tokens & used:
                continue
            used |= c.tokens
            out.append(c)
    return out


def _close(view: C.TokenView, a: _Cand, b: _Cand) -> bool:
    """Two candidates with at most ROLE_REACH words between them."""
    lo, hi = (a, b) if a.last < b.first else (b, a)
    if lo.last >= hi.first:
        return False
    between = [k for k in range(lo.last + 1, hi.first) if view.is_word(k)]
    return len(between) <= ROLE_REACH and not any(view.is_boundary(k)
                                                   for k in range(lo.last + 1, hi.first))


def _section_of(view: C.TokenView, b: int, token: int | None = None) -> str | None:
    """The section a token of block ``b`` belongs to: that of the last label before it in
    the block ("Fellowship: Pain Medicine", "Board status | ...", "... 2017 Fellowship:
    ..."), else the block's heading's."""
    section = view.document.blocks[b].section
    for start, key in _labels(view, b):
        if token is None or start <= token:
            section = key
            if token is None:
                break
    return section


def _labels(view: C.TokenView, b: int) -> list[tuple[int, str]]:
    """(first token, section key) of each label in block ``b``, in order: a known section
    name at the start of the block followed by a separator (or, when tabs were collapsed,
    by a capitalised word), or anywhere in it followed by ":"."""
    cache = view.cache.setdefault("labels", {})
    if b in cache:
        return cache[b]
    from resumecheck.sections import canonical_section

    lo, hi = view.block_range(b)
    out: list[tuple[int, str]] = []
    if lo >= 0 and not view.document.blocks[b].is_heading:
        best = None
        for n in range(1, 5):
            if lo + n > hi or not view.is_word(lo + n - 1):
                break
            key = canonical_section(" ".join(view.text(k) for k in range(lo, lo + n)))
            nxt = view.text(lo + n)
            if key is not None and (nxt in _SEPARATORS or (n <= 2 and nxt[:1].isupper())):
                best = key
        if best is not None:
            out.append((lo, best))
        for j in range(lo + 2, hi + 1):
            if view.text(j) != ":":
                continue
            for n in range(4, 0, -1):
                first = j - n
                if first <= lo or not all(view.is_word(k) for k in range(first, j)):
                    continue
                key = canonical_section(" ".join(view.text(k) for k in range(first, j)))
                if key is not None and view.text(first)[:1].isupper():
                    out.append((first, key))
                    break
    cache[b] = out
    return out


def _governing_lead_in(view: C.TokenView, b: int) -> C.Cue | None:
    """A cue in the heading above block ``b`` or in a lead-in line ending in ":" between
    them ("PROCEDURES OBSERVED", "Exposure to the following:")."""
    blocks = view.document.blocks
    for i in range(b - 1, max(-1, b - LEAD_IN_REACH - 1), -1):
        blk = blocks[i]
        if blk.hidden or not blk.text:
            continue
        if blk.is_heading or blk.text.rstrip().endswith(":"):
            cue = C.block_cue(view, i)
            if cue is not None:
                return cue
        if blk.is_heading:
            return None
    return None


def _heading_entries(view: C.TokenView, b: int) -> bool | C.Cue:
    """What the lines under heading ``b`` make of a term in the heading: True when one of
    them is an entry, the cue of the first when all are status lines ("Eligible; exam
    2026"), False when a section heading has no line under it. A line of capitals that
    is not a section name ("SPINAL CORD STIMULATION TRIALS") stands on its own: True."""
    from resumecheck.sections import canonical_section

    blocks = view.document.blocks
    first_cue: C.Cue | None = None
    for i in range(b + 1, len(blocks)):
        blk = blocks[i]
        if blk.hidden or not blk.text:
            continue
        if blk.is_heading:
            break
        cue = C.status_line(view, i)
        if cue is None:
            return True
        first_cue = first_cue or cue
    if first_cue is not None:
        return first_cue
    return canonical_section(blocks[b].text.strip().rstrip(":")) is None


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence or list item of ``text`` around ``[start, end)``, cut to a readable size."""
    # Look only a bounded distance either side: the result is cut to SENTENCE_MAX anyway,
    # and scanning from the block's start for every match is quadratic in a huge block.
    window = 4 * SENTENCE_MAX
    lo = max(0, start - window)
    left = lo
    for m in _SENTENCE_BREAK.finditer(text, lo, start):
        left = m.end()
    hi = min(len(text), end + window)
    nxt = _SENTENCE_BREAK.search(text, end, hi)
    right = nxt.start() if nxt else hi
    if right - left > SENTENCE_MAX:
        half = (SENTENCE_MAX - (end - start)) // 2
        left = max(left, start - max(half, 0))
        right = min(right, end + max(half, 0))
        out = text[left:right].strip()
        return ("…" if left > 0 else "") + out + ("…" if right < len(text) else "")
    return text[left:right].strip()

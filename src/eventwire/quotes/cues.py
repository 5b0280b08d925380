"""Reporting cues: the verbs and phrases that say "someone says so".

A :class:`Cue` is found in the parse (a reporting verb and its subject, "selon X",
"according to X", "a-t-on appris de X", "— Name" after a quotation); it carries the
token range of its speaker phrase and the character span of what it reports.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..records import Span, TextRef
from ..text import doc_text, fold_words
from .lexicon import ReportingLexicon, closed_words
from .speaker import QUOTE_MARKS, TokRange, phrase_before, speaker_after, speaker_before

COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "obj", "obl:arg", "dobj", "prep", "pcomp", "iobj", "dative"})
DASHES = "\u2014\u2013"
MIN_CLAUSE = 3  # tokens before a sentence-final "X said" that make a reported clause


@dataclass(frozen=True, slots=True)
class Cue:
    """One reporting cue. ``speaker``/``via`` are token ranges of the Doc; ``content`` a char span."""

    cue: TextRef
    sent: int
    speaker: TokRange | None = None
    content: Span | None = None
    verb: int | None = None              # token index of a reporting verb
    statement: bool = False              # the verb is itself a coded act (menacer, accuse)
    anonymous: bool = False              # "a-t-on appris", "reportedly": no source named
    via: TokRange | None = None          # "Reuters quoted X as saying": Reuters
    inherit: bool = False                # "notant que": same speaker as the governing cue


@dataclass(frozen=True)
class TextIndex:
    """Per-document helpers shared by the cue finders (built once per article)."""

    doc: Any
    folded: str                          # same length as doc.text
    quoted: tuple[Span, ...]             # inner spans of direct quotations
    channels: tuple[Span, ...]           # char spans of channel phrases
    sent_starts: tuple[int, ...]         # token index where each sentence starts

    def in_quote(self, char: int) -> bool:
        return any(a <= char < b for a, b in self.quoted)

    def sent_of(self, token_i: int) -> int:
        lo, hi = 0, len(self.sent_starts)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            lo, hi = (mid, hi) if self.sent_starts[mid] <= token_i else (lo, mid)
        return lo

    def channel_tokens(self, sent: Any) -> list[TokRange]:
        out = []
        for a, b in self.channels:
            if sent.start_char <= a < sent.end_char:
                span = self.doc.char_span(a, b, alignment_mode="expand")
                if span is not None:
                    out.append((span.start, span.end))
        return out


def find_cues(index: TextIndex, lex: ReportingLexicon) -> list[Cue]:
    """Every cue of the document, in text order."""
    cues = [c for t in index.doc if (c := verb_cue(t, index, lex)) is not None]
    cues += phrase_cues(index, lex, cues)
    return sorted(cues, key=lambda c: c.cue.span)


def verb_cue(t: Any, index: TextIndex, lex: ReportingLexicon) -> Cue | None:
    """A cue for token ``t`` if it is a reporting verb outside quotation marks."""
    if t.pos_ != "VERB" and not _clitic(t):
        return None
    nxt = t.doc[t.i + 1].text if t.i + 1 < len(t.doc) else ""
    if not (lex.is_verb(t.lemma_, t.text) or lex.is_phrase_verb(t.lemma_, nxt)) or index.in_quote(t.idx):
        return None
    if "Inf" in t.morph.get("VerbForm") or t.tag_ in ("VB", "TO"):
        return None  # "will announce", "pour dénoncer": not (yet) said
    doc = t.doc
    if t.i + 1 < len(doc) and fold_words(doc[t.i + 1].text) in closed_words("relay_prepositions"):
        return None  # "citée par": a relay, read with its speaker
    if lex.lang == "en" and not lex.is_statement(t.lemma_, t.text) and _infinitive_only(t):
        return None  # "Rebel groups continue to shell ...": not a statement
    sent = t.sent
    skips = index.channel_tokens(sent)
    speaker, via, inherit = _verb_speaker(t, lex, skips, index)
    content = _content(t, speaker)
    return Cue(cue=_verb_ref(t), sent=index.sent_of(t.i), speaker=speaker, content=content, verb=t.i,
               statement=lex.is_statement(t.lemma_, t.text), via=via, inherit=inherit)


def _speaker_right_after(t: Any, lex: ReportingLexicon, skips: list[TokRange]) -> TokRange | None:
    """"said the Observatory", "said a military source": a speaker noun phrase right after a
    subjectless verb that ends its clause (English without commas)."""
    doc = t.doc
    nxt = doc[t.i + 1] if t.i + 1 < t.sent.end else None
    if nxt is None or nxt.pos_ not in ("DET", "PROPN"):
        return None
    rng = speaker_after(doc, t.i + 1, t.sent.end, lex, skips)
    if rng is None:
        return None
    follow = doc[rng[1]] if rng[1] < t.sent.end else None
    if follow is not None and follow.pos_ in ("VERB", "AUX"):
        return None  # "X said the army attacked the town": the subject of what was said
    words = lex.anonymous_nouns | lex.media_nouns | lex.institution_nouns
    known = any(fold_words(x.text) in words or fold_words(x.lemma_) in words or x.ent_type_ in ("ORG", "PERSON", "NORP")
                for x in doc[rng[0] : rng[1]])
    return rng if known else None


def _infinitive_only(t: Any) -> bool:
    """The verb's only complement is an infinitive clause ("Rebel groups continue to shell"),
    and the verb does not report through one ("claimed to have downed a drone")."""
    if fold_words(t.lemma_) in closed_words("infinitive_reports"):
        return False
    kids = [c for c in t.children if c.dep_ in ("ccomp", "xcomp")]
    return bool(kids) and all(c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm") for c in kids)


def _clitic(t: Any) -> bool:
    """"a-t-il communiqué": the parser may take the participle for a noun."""
    return t.i > 0 and t.doc[t.i - 1].text.startswith("-")


def _verb_ref(t: Any) -> TextRef:
    span = t.doc[_verb_ref_start(t) : t.i + 1]
    return TextRef(span.text, (span.start_char, span.end_char))


def _verb_speaker(t: Any, lex: ReportingLexicon, skips: list[TokRange],
                  index: TextIndex) -> tuple[TokRange | None, TokRange | None, bool]:
    """(speaker range, relay range, inherits?) for reporting verb ``t``."""
    doc = t.doc
    clitic = _clitic_subject(t)
    if clitic is not None:
        indefinite = _clitic_word(doc[clitic[0]].text) in closed_words("indefinite_clitics")
        learned = _learned_source(t, lex) if indefinite else None
        return learned or clitic, None, False
    quoted = _quoted_as_saying(t, lex)
    if quoted is not None:
        return quoted[0], quoted[1], False
    before = speaker_before(t, lex)
    if before is not None and not index.in_quote(doc[before[0]].idx):
        return before, None, False
    if _inverted(t) or any(c.dep_ in ("nsubj", "expl:subj") and c.i > t.i for c in t.children):
        return speaker_after(doc, t.i + 1, t.sent.end, lex, skips), None, False
    finite = t.tag_ in ("VBD", "VBZ", "VBP") or (t.tag_ == "VBN" and any(c.dep_ == "aux" for c in t.children))
    if lex.lang == "en" and finite and not any(c.dep_.startswith("nsubj") for c in t.children):
        # no commas: "... in the districts north of the capital the joint monitoring committee
        # said", "... in the hills above the port farmers have reported"
        after = _speaker_right_after(t, lex, skips)  # "... went on near the bridge said the monitors"
        if after is not None:
            return after, None, False
        start = phrase_before(t, lex)
        if start is not None and start < t.i and not index.in_quote(doc[start].idx):
            aux = _verb_ref_start(t)
            return (start, aux), None, False
    if t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX", "NOUN"):
        shared = speaker_before(t.head, lex)  # "X a pointé … puis a annoncé …"
        if shared is not None and not index.in_quote(doc[shared[0]].idx):
            return shared, None, False
    inherit = t.dep_ in ("advcl", "conj", "xcomp") or t.dep_.startswith("advcl")
    return None, None, inherit


def _quoted_as_saying(t: Any, lex: ReportingLexicon) -> tuple[TokRange, TokRange | None] | None:
    """"Reuters quoted the State Department as saying …": (speaker, relay)."""
    if fold_words(t.lemma_) not in closed_words("quoting_verbs"):
        return None
    obj = next((c for c in t.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return None
    return (obj.left_edge.i, obj.right_edge.i + 1), speaker_before(t, lex)


def _clitic_subject(t: Any) -> TokRange | None:
    """"a-t-il dit", "a-t-on appris": the clitic pronoun between auxiliary and participle."""
    doc = t.doc
    for j in range(t.i - 1, max(t.i - 4, -1), -1):
        text = doc[j].text
        if _clitic_pronoun(text):
            return (j, j + 1)
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if nxt is not None and _clitic_pronoun(nxt.text):
        return (nxt.i, nxt.i + 1)
    return None


def _learned_source(t: Any, lex: ReportingLexicon) -> TokRange | None:
    """"a-t-on appris (auprès) d'une source de sécurité": the source after the verb."""
    doc = t.doc
    i = t.i + 1
    while i < t.sent.end and fold_words(doc[i].text) in lex.skip_words:
        i += 1
    words = [fold_words(x.text) for x in doc[i : min(i + 2, t.sent.end)]]
    for n in (2, 1):
        if len(words) >= n and " ".join(words[:n]).replace("' ", "'") in lex.learned_sources:
            return speaker_after(doc, i + n, t.sent.end, lex)
    return None


def _clitic_pronoun(text: str) -> bool:
    return text.startswith("-") and _clitic_word(text) in closed_words("clitic_pronouns")


def _clitic_word(text: str) -> str:
    """The folded pronoun of a hyphenated clitic ("-t-il" -> "il")."""
    return fold_words(text.lstrip("-t").lstrip("-"))


def _inverted(t: Any) -> bool:
    """The verb follows a quotation or a comma: its speaker comes after it."""
    doc = t.doc
    j = _verb_ref_start(t) - 1
    while j >= t.sent.start and doc[j].is_space:
        j -= 1
    return j >= t.sent.start and (doc[j].text in QUOTE_MARKS or doc[j].text in ",:")


def _verb_ref_start(t: Any) -> int:
    doc = t.doc
    first = min([c.i for c in t.children if c.dep_.startswith("aux") and c.i < t.i] + [t.i])
    while first > t.sent.start and (doc[first - 1].text.startswith("-") or doc[first - 1].pos_ == "AUX"):
        first -= 1
    return first


def _content(t: Any, speaker: TokRange | None) -> Span | None:
    """Char span of what the verb reports: its complement clause, else the text before it."""
    doc = t.doc
    spk = speaker or (-1, -1)
    kids = [c for c in t.children if c.dep_ == "ccomp"]
    kids = kids or [c for c in t.children if c.dep_ in COMPLEMENT_DEPS or c.dep_.startswith("obl:arg")]
    kids = [c for c in kids if (c.right_edge.i < spk[0] or c.left_edge.i >= spk[1]) and not _circumstance(c)]
    if kids:
        lo = min(c.left_edge.i for c in kids)
        hi = max(c.right_edge.i for c in kids) + 1
        return _char_span(doc, lo, hi)
    before = min(_verb_ref_start(t), spk[0] if spk[0] >= 0 else t.i)
    start = _paragraph_start(doc, t.sent.start, before)
    if before - start >= MIN_CLAUSE:  # "…, a indiqué le ministre", "… local residents said"
        return _char_span(doc, start, before)
    return None


def _circumstance(c: Any) -> bool:
    """"said on Tuesday", "said in its daily bulletin": when or where, not what was said (but
    "put a clip on its website that showed ...": the clip's content)."""
    if not (c.dep_ == "prep" and fold_words(c.text) in closed_words("circumstance_prepositions")
            and fold_words(c.head.lemma_) in closed_words("saying_verbs")):
        return False
    # "said in a statement that troops killed ...": the parser hangs the clause on "statement"
    return not any(t.dep_ in ("nsubj", "nsubjpass", "csubj") for t in c.subtree)


def _paragraph_start(doc: Any, lo: int, hi: int) -> int:
    """First token after the last line break in ``doc[lo:hi]`` (the parser may join paragraphs)."""
    for k in range(hi - 1, lo - 1, -1):
        if "\n" in doc[k].text or "\n" in doc[k].whitespace_:
            return k + 1
    return lo


def _char_span(doc: Any, lo: int, hi: int) -> Span | None:
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space
                       or fold_words(doc[lo].text) in closed_words("complementizers")):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space) and doc[hi - 1].text not in QUOTE_MARKS:
        hi -= 1
    if hi <= lo:
        return None
    return (doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))


def phrase_cues(index: TextIndex, lex: ReportingLexicon, verb_cues: Sequence[Cue]) -> list[Cue]:
    """"selon X", "d'après X", "according to X" and "reportedly"-style cues."""
    out: list[Cue] = []
    taken = [c.cue.span for c in verb_cues]
    for pattern, anonymous in ((lex.pattern("according_phrases"), False),
                               (lex.pattern("learned_phrases"), True)):
        if pattern is None:
            continue
        for m in pattern.finditer(index.folded):
            if index.in_quote(m.start()) or any(a < m.end() and m.start() < b for a, b in taken):
                continue
            cue = _phrase_cue(index, lex, m, anonymous)
            if cue is not None:
                out.append(cue)
    return out


def _phrase_cue(index: TextIndex, lex: ReportingLexicon, m: re.Match[str], anonymous: bool) -> Cue | None:
    doc = index.doc
    span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
    if span is None:
        return None
    sent = span.sent
    ref = TextRef(doc_text(doc)[m.start() : m.end()], (m.start(), m.end()))
    if anonymous:
        head = span.root.head
        content = _char_span(doc, head.left_edge.i, head.right_edge.i + 1)
        return Cue(cue=ref, sent=index.sent_of(span.start), content=content, anonymous=True)
    speaker = speaker_after(doc, span.end, sent.end, lex, index.channel_tokens(sent))
    if speaker is None:
        return None
    if lex.lang == "en":
        speaker = _trim_source(doc, span, speaker, lex)
    content = _around(doc, sent, span.start, speaker[1])
    return Cue(cue=ref, sent=index.sent_of(span.start), speaker=speaker, content=content, anonymous=anonymous)


def _trim_source(doc: Any, span: Any, speaker: TokRange, lex: ReportingLexicon) -> TokRange:
    """Without commas the noun phrase after "according to" runs into the clause: "according to
    the report armed men abducted" (the parse's object of "to" ends at "report"), "According to
    Al-Mayadeen Iraqi troops have ..." (an outlet name)."""
    lo, hi = speaker
    last = span[-1]
    pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
    if pobj is not None and lo <= pobj.i and pobj.right_edge.i + 1 < hi:
        hi = pobj.right_edge.i + 1
    folded = fold_words(doc[lo:hi].text)
    for name in sorted(lex.outlets, key=len, reverse=True):
        key = fold_words(name)
        if folded.startswith(key + " ") and len(folded) == len(doc[lo:hi].text):
            cut = doc.char_span(doc[lo].idx, doc[lo].idx + len(key), alignment_mode="expand")
            nxt = doc[cut.end] if cut is not None and cut.end < hi else None
            if nxt is not None and nxt.text[:1].isupper() and fold_words(nxt.text) not in lex.media_nouns:
                hi = cut.end
            break
    return (lo, hi) if hi > lo else speaker


def _around(doc: Any, sent: Any, start: int, end: int) -> Span | None:
    """The clause a "selon X" phrase reports: before it ("…, selon X"), else after it ("Selon X, …")."""
    lo = _paragraph_start(doc, sent.start, start)
    if start - lo >= MIN_CLAUSE:
        return _char_span(doc, lo, start)
    return _char_span(doc, end, sent.end)


def dash_cue(index: TextIndex, lex: ReportingLexicon, after: int) -> Cue | None:
    """"« … » — Claire Martin, directrice ...": a name after a dash that follows a quotation."""
    text = doc_text(index.doc)
    m = re.match(r"[\s\u00a0]*([" + DASHES + r"])[\s\u00a0]*", text[after:])
    if m is None:
        return None
    start = after + m.end()
    tok = index.doc.char_span(start, start + 1, alignment_mode="expand")
    if tok is None or not text[start : start + 1].isupper():
        return None
    sent = tok.sent
    speaker = speaker_after(index.doc, tok.start, sent.end, lex)
    if speaker is None:
        return None
    dash = after + m.start(1)
    ref = TextRef(text[dash : dash + 1], (dash, dash + 1))
    return Cue(cue=ref, sent=index.sent_of(tok.start), speaker=speaker)

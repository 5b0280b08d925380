"""Attribution: for every event, who says so (``author`` by default).

``AttributionStage`` runs after the coder: an event whose trigger is a statement cue, or lies in a
quote or a reported clause, is attributed to that statement's speaker; a lead sentence that sums up
a later report, and the sentences that go on telling a report, share its attribution. Rules and
examples: ``docs/attribution.md``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..records import Actor, Analysis, Attribution, Event, Quote, TextRef
from ..text import doc_text, fold_words
from .lexicon import ReportingLexicon, lexicon_for

if TYPE_CHECKING:
    from ..pipeline import Resources

SPOKESMAN_WINDOW = 2  # sentences after a statement where its organisation's spokesman may speak


class AttributionStage:
    """Sets ``attribution`` on every event of ``analysis.events``."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, analysis: Analysis) -> Analysis:
        lang = analysis.article.language or ""
        lex = lexicon_for(self.resources, lang)
        events = tuple(replace(e, attribution=attribute(e, analysis, lex)) for e in analysis.events)
        events = continue_reports(corefer_attributions(events, analysis), analysis, lex)
        return replace(analysis, events=events)


def quote_at(analysis: Analysis, offset: int) -> Quote | None:
    """The quote or reported clause containing ``offset`` (the innermost), else the one whose cue does."""
    inside = [q for q in analysis.quotes if q.span[0] <= offset < q.span[1]]
    if inside:
        return min(inside, key=lambda q: q.span[1] - q.span[0])
    return next((q for q in analysis.quotes if q.cue and q.cue.span[0] <= offset < q.cue.span[1]), None)


def attribute(event: Event, analysis: Analysis, lex: ReportingLexicon | None = None) -> Attribution:
    """Who says so: the statement the event's trigger is, or lies in; else the author.

    A statement verb from ``act_verbs`` ("denied", "urged", "refusent") is an act the article
    itself reports: its subject is the event's source, not a speaker (``author``, unless the
    act is itself inside someone else's statement)."""
    lo, hi = event.trigger.span
    spoken = next((q for q in analysis.quotes if q.cue and q.cue.span[0] < hi and lo < q.cue.span[1]), None)
    if spoken is not None and not _act(spoken, analysis, lex):
        return _attribution(_spokesman(spoken, analysis) or spoken)
    for offset in (lo, (lo + hi) // 2, hi - 1):
        quote = quote_at(analysis, offset)
        if quote is not None and quote.span[0] <= offset < quote.span[1]:
            if not quote.direct and _aside(doc_text(analysis.doc), quote.span, lo, hi):
                break
            return _attribution(quote)
    return Attribution("author")


def _aside(text: str, span: tuple[int, int], lo: int, hi: int) -> bool:
    """"Two militias (one of them banned in Europe) keep shelling ..., the monitors said": words
    in brackets inside reported speech are the author's own aside."""
    before, after = text[span[0] : lo], text[hi : span[1] + 1]
    return before.count("(") > before.count(")") and ")" in after


def _act(q: Quote, analysis: Analysis, lex: ReportingLexicon | None) -> bool:
    """The cue of ``q`` is an ``act_verbs`` verb ("have both denied", "a refusé")."""
    if lex is None or not lex.act_verbs or q.cue is None or analysis.doc is None:
        return False
    span = analysis.doc.char_span(*q.cue.span, alignment_mode="expand")
    verbs = [t for t in span or () if t.pos_ in ("VERB", "AUX", "NOUN")]
    forms = {fold_words(verbs[-1].lemma_), fold_words(verbs[-1].text)} if verbs else set()
    return bool(forms & set(lex.act_verbs))


def corefer_attributions(events: tuple[Event, ...], analysis: Analysis) -> tuple[Event, ...]:
    """A lead sentence that sums up a report ("Terrorists executed militants ...", then "... the
    center said ... « ... terrorists executed militants ... »"): an event the article states
    with no statement cue in its sentence takes the attribution of a later mention of the same
    occasion (same type, same trigger lemma, compatible source) that someone reports."""
    doc = analysis.doc
    if doc is None or len(events) < 2:
        return events
    cued = {q.cue.span[0] for q in analysis.quotes if q.cue is not None}
    out = list(events)
    for i, ev in enumerate(events):
        if ev.attribution is None or ev.attribution.kind != "author":
            continue
        sent = _sent_bounds(doc, ev.trigger.span[0])
        if sent is None or any(sent[0] <= c < sent[1] for c in cued):
            continue
        key = _lemma(doc, ev.trigger.span)
        for other in events[i + 1:]:
            at = other.attribution
            if (at is not None and at.kind != "author" and other.type == ev.type and other.trigger.span[0] >= sent[1]
                    and key and _lemma(doc, other.trigger.span) == key and _same_source(ev.source, other.source)):
                out[i] = replace(ev, attribution=at)
                break
    return tuple(out)


REPORT_SENTENCES = 2  # sentences after a report that may go on telling it


def continue_reports(events: tuple[Event, ...], analysis: Analysis,
                     lex: ReportingLexicon | None = None) -> tuple[Event, ...]:
    """"Medics in the eastern district said that two air raids struck a bakery ... Helicopters
    dropped barrel bombs on ... Four more people died in air raids on ...": the
    sentences right after a report, in the same paragraph and with no cue of their own, that
    tell events of the same type as the report go on telling it (same speaker). A new kind of
    event ("An envoy has spent weeks trying to arrange a truce"), a new cue or a new
    paragraph ends the report. Reports without a speaker ("reportedly") are not continued."""
    doc = analysis.doc
    if doc is None or not analysis.quotes:
        return events
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]
    cued = {_sent_no(starts, q.cue.span[0]) for q in analysis.quotes if q.cue is not None}
    # reports proper ("said", "according to"), not accusations or threats, whose content is a claim
    plain = {q.span for q in analysis.quotes if q.speaker is not None and not _statement_cue(q, doc, lex)}
    by_sent: dict[int, list[int]] = {}
    for i, ev in enumerate(events):
        by_sent.setdefault(_sent_no(starts, ev.trigger.span[0]), []).append(i)
    out = list(events)
    for n in sorted(by_sent):
        if n in cued:
            continue
        for k in range(1, REPORT_SENTENCES + 1):
            prev = n - k
            if prev < 0 or "\n" in doc_text(doc)[sents[prev].end_char - 1 : sents[n].start_char]:
                break
            reported = [out[i] for i in by_sent.get(prev, []) if _reports(out[i].attribution, plain)]
            if prev not in cued and reported:
                pass  # a sentence that already goes on telling a report
            elif prev not in cued:
                if by_sent.get(prev):
                    break  # a sentence of the author's own in between
                continue
            if not reported:
                break
            for i in by_sent[n]:
                ev = out[i]
                same = next((r for r in reported if r.type == ev.type), None)
                if ev.attribution is not None and ev.attribution.kind == "author" and same is not None:
                    out[i] = replace(ev, attribution=same.attribution)
            break
    return tuple(out)


def _reports(at: Attribution | None, plain: set[tuple[int, int]]) -> bool:
    return (at is not None and at.kind != "author" and at.speaker is not None and at.quote is not None
            and at.quote.span in plain)


def _statement_cue(q: Quote, doc: Any, lex: ReportingLexicon | None) -> bool:
    if q.cue is None or lex is None:
        return False
    span = doc.char_span(*q.cue.span, alignment_mode="expand")
    verbs = [t for t in span or () if t.pos_ in ("VERB", "NOUN")]
    return bool(verbs) and lex.is_statement(verbs[-1].lemma_, verbs[-1].text)


def _sent_no(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if starts[mid] <= offset else (lo, mid)
    return lo


def _sent_bounds(doc: Any, offset: int) -> tuple[int, int] | None:
    tok = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if tok is None:
        return None
    sent = tok[0].sent
    return sent.start_char, sent.end_char


def _lemma(doc: Any, span: tuple[int, int]) -> str:
    toks = doc.char_span(span[0], span[1], alignment_mode="expand")
    if toks is None or len(toks) == 0:
        return ""
    return fold_words(toks.root.lemma_)


def _same_source(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return False
    if (a.kb_id and a.kb_id == b.kb_id) or (a.country and a.country == b.country):
        return True
    x, y = fold_words(a.text), fold_words(b.text)
    return x in y or y in x


def _attribution(q: Quote) -> Attribution:
    return Attribution(kind=q.kind, speaker=q.speaker, via=q.via, quote=TextRef(q.text, q.span))


def _spokesman(statement: Quote, analysis: Analysis) -> Quote | None:
    """"Kataeb Hezbollah a menacé …" then its spokesman's quote: the group speaks through him."""
    body = statement.speaker
    if body is None or statement.kind != "named" or body.role is not None:
        return None
    names = {fold_words(body.name)}
    if body.actor:
        names |= {fold_words(body.actor.name), fold_words(body.actor.text)}
    limit = _sentence_end(analysis, statement.span[1], SPOKESMAN_WINDOW)
    for q in analysis.quotes:
        spk = q.speaker
        if q.span[0] <= statement.span[0] or q.span[0] > limit or spk is None or spk.actor is None:
            continue
        if fold_words(spk.actor.name) in names or fold_words(spk.actor.text) in names:
            return replace(statement, speaker=spk)
    return None


def _sentence_end(analysis: Analysis, offset: int, ahead: int) -> int:
    ends = [s.end_char for s in analysis.doc.sents if s.end_char > offset]
    return ends[min(ahead, len(ends) - 1)] if ends else offset

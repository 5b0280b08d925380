"""Dates: find date mentions, resolve them against the article's date, date each event.

``DateStage`` fills ``analysis.dates`` with every resolved mention (text order) and
sets ``Event.date``. An event takes, in order (``docs/dates.md``):

1. ``via-clause``: a mention inside its trigger, attached in the parse to a trigger
   token, or right next to it ("l'enlèvement le 8 avril 2019");
   then ``via-offset``: an event right after a counted offset ("trois jours après une
   embuscade") is that far from the date of the clause it hangs on;
2. ``via-sentence``: the nearest mention of the trigger's sentence that is not
   attached to another verb (attached to no verb, or to a verb governing the trigger);
3. ``via-statement``: for a statement or quote, the date of the reporting verb of the
   next (then previous) sentence ("« ... », a déclaré le mercredi 5 novembre X");
4. ``via-antecedent``: a demonstrative event noun ("cet empoisonnement") takes the date of the
   nearest earlier mention of the same noun, when that one has its own date;
5. ``via-context``: the last date that frames a clause (modifies a verb, not a noun) in
   the five previous sentences of the same paragraph (a narrative keeps its time frame;
   year-only dates and dates after the anchor are not carried), also for a background clause;
   a sentence with a present adverb ("désormais", "now") is not dated and closes the frame;
6. ``from-dateline`` / ``from-published``: the article's own date, for an event told in
   a verbal clause that is not background (not pluperfect; the imperfect of a scene is the
   article's day), in a sentence that does not open on a ``then_words`` phrase ("À l'époque,"),
   when that date is the dateline or ``published`` (not a guess from the text); ``from-episode`` instead
   when the article opens on the start of the period it reports ("Depuis le 12 mars, les
   milices se disputent ..." in a 2 April dispatch): the month of that period's middle;
7. ``via-earlier``: an act rules 1-6 leave undated (a background clause, a noun after an earlier cue) takes
   the last day, week or month the text gave before it, before the article's day (see :func:`_earlier`);
8. ``last-resort``: an event rule 7 leaves undated takes the article's day (dateline or ``published``),
   flagged ``last-resort`` (not in a sentence opening on an earlier time, "À l'époque, ..."); otherwise
   None. Deadlines ("d'ici le 22 février") never date an event, nor, in rules 1-5, a date
   after the article's day unless the clause is future, verbless, or a present with the date on its
   own verb ("a appelé à la grève pour le vendredi 14 décembre" is the call's day, not the strike's).

Then ``via-coreference``: an event dated only by rule 6 (or not at all) takes the own-clause
date of another mention of the same occasion (same type, trigger words and actors); never an
event in the future tense ("devrait chercher à reprendre le port"). Then ``via-lead`` and
``via-story`` (the lead's day, see :func:`lead_occasion`; the day of the lead's main clause,
:func:`lead_day`, when no coded event tells it), and ``via-headline``: an event of the
title line dated only by rule 6 takes the recent own date of a body event of the same type
(:func:`headline_dates`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..nlp import hard_wrapped
from ..records import Analysis, Event, When
from ..text import doc_text, paragraph_start, wire_dateline
from .doc import (
    Attachment,
    attach,
    clause_verb,
    cue_phrase,
    event_verb,
    has_cue,
    is_background,
    is_future,
    is_present,
    is_verb,
    sentence_index,
    tokens_with_text,
)
from .find import Mention, find_mentions, present_spans, then_spans
from .resolve import Anchor, find_anchor, published_day, resolve
from .vocab import DateGrammar, compile_grammar, load_vocab, vocab_path

if TYPE_CHECKING:
    from ..pipeline import Resources

QUOTE_MARKS = ("«", "»", "“", "”", '"')
CONTEXT_SENTENCES = 5  # how far back a paragraph's time frame is carried
# An opening "Depuis le 12 mars" frames the article's undated events when the period it starts
# lasts this many days up to the article's date: shorter, the article's own day is the better
# guess; longer, the period is background ("Depuis 2011, la guerre ...") and says nothing of them.
EPISODE_DAYS = (8, 31)
# A lead's day dates the story's undated acts (``via-story``) when it is at most this many days before
# the dispatch's: a story told the next days, not a recall of an older one.
STORY_DAYS = 31
# Relations of a clause that is not its sentence's main clause (see ``lead_occasion``).
SUBORDINATE_DEPS = frozenset({"advcl", "acl", "acl:relcl", "relcl", "ccomp", "xcomp", "csubj", "pcomp"})


@dataclass(frozen=True, slots=True)
class Placed:
    """A resolved mention with its place in the parse (``att`` None without a doc)."""

    mention: Mention
    when: When
    att: Attachment | None


@dataclass(frozen=True)
class DocDates:
    """Everything the event dater needs for one article."""

    text: str
    doc: Any
    sents: list[int]
    placed: tuple[Placed, ...]
    anchor: Anchor | None
    grammar: DateGrammar
    quoted: frozenset[int] = frozenset()  # sentences that contain a quotation mark
    present: frozenset[int] = frozenset()  # sentences set in the present ("désormais", "now")
    episode: When | None = None  # the period the article reports, from its opening "depuis" date
    lead: int = -1  # the lead sentence: the first with a verb after the dateline (or the title line)
    then: frozenset[int] = frozenset()  # sentences that open on an earlier time ("À l'époque,", "Back then,")
    # ``attach`` of the spans asked so far (a trigger is attached by several rules)
    attached: dict[tuple[int, int], Attachment | None] = field(default_factory=dict, compare=False, repr=False)

    def attach(self, span: tuple[int, int]) -> Attachment | None:
        """:func:`attach` of a span of this document, computed once."""
        if span not in self.attached:
            self.attached[span] = attach(self.doc, span, self.sents)
        return self.attached[span]

    @cached_property
    def story(self) -> When | None:
        """:func:`lead_day` of this document, computed once (the lead rules and the headline rule ask it)."""
        return lead_day(self)


def future_markers(grammar: DateGrammar) -> frozenset[str]:
    """The vocabulary's ``future_markers`` ("aller", "will"), lower-cased, as ``is_future`` takes them."""
    return frozenset(w.lower() for w in grammar.vocab.lists["future_markers"])


def grammar_for(resources: Resources, lang: str) -> DateGrammar:
    """The compiled grammar of a language, loaded once per process."""
    grammar: DateGrammar = resources.get(
        f"dates.grammar.{lang}", lambda cfg: compile_grammar(load_vocab(lang, vocab_path(lang, cfg.language_dirs))))
    return grammar


class DateStage:
    """Fills ``analysis.dates`` and sets ``date`` on every event (this stage owns
    ``Event.date``: a date set by an earlier stage is replaced)."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self._vocabularies: dict[str, bool] = {}  # language -> it has a dates.yaml (looked up once)

    def __call__(self, analysis: Analysis) -> Analysis:
        lang = analysis.article.language or ""
        if lang and lang not in self._vocabularies:
            self._vocabularies[lang] = vocab_path(lang, self.resources.config.language_dirs) is not None
        if not lang or not self._vocabularies[lang]:  # no vocabulary for it yet
            return analysis
        ctx = analyse_dates(analysis, grammar_for(self.resources, lang))
        events = tuple(replace(e, date=date_event(e, ctx)) for e in analysis.events)
        events = headline_dates(lead_occasion(corefer_dates(events, ctx), ctx), ctx)
        events = over_published(events, ctx.anchor, analysis.article.published)
        return replace(analysis, dates=tuple(p.when for p in ctx.placed), events=events)


def over_published(events: tuple[Event, ...], anchor: Anchor | None, published: str | None) -> tuple[Event, ...]:
    """When the text's own dateline disagrees with the record's ``published`` value (a feed that
    stamped the article days or years off), the dateline wins: every event dated from it gets the flag
    ``over-published:<published>`` and says so in its explanation."""
    stamped = published_day(published)
    if anchor is None or anchor.source != "dateline" or stamped is None or stamped == anchor.day:
        return events
    out = []
    for ev in events:
        w = ev.date
        if w is None or not {"anchor:dateline", "from-dateline"} & set(w.flags):
            out.append(ev)
            continue
        note = (f"date from the article's dateline '{anchor.text}' ({anchor.day.isoformat()}), not its "
                f"published value {stamped.isoformat()}")
        explanation = f"{ev.explanation.rstrip('.')}; {note}." if ev.explanation else f"{note[0].upper()}{note[1:]}."
        out.append(replace(ev, date=replace(w, flags=(*w.flags, f"over-published:{stamped.isoformat()}")),
                           explanation=explanation))
    return tuple(out)


def analyse_dates(analysis: Analysis, grammar: DateGrammar) -> DocDates:
    """Find, anchor and resolve the mentions of one article."""
    text, doc = analysis.article.text, analysis.doc
    mentions = find_mentions(text, grammar)
    anchor = find_anchor(text, analysis.article.published, mentions, grammar)
    sents = sentence_index(doc) if doc is not None else []
    placed = _place(mentions, doc, sents, anchor, grammar)
    quoted = frozenset(sents[i] for i in tokens_with_text(doc, QUOTE_MARKS)) if doc is not None else frozenset()
    start, lead = _lead(text, doc, sents, anchor)
    return DocDates(text, doc, sents, placed, anchor, grammar, quoted, _present_sentences(doc, sents, grammar),
                    _episode(doc, sents, placed, anchor, grammar, start, lead), lead,
                    then=_then_sentences(doc, sents, grammar))


def _present_sentences(doc: Any, sents: list[int], grammar: DateGrammar) -> frozenset[int]:
    """Sentences with a ``present_words`` adverb ("désormais", "maintenant", "now")."""
    if doc is None or grammar.present is None:
        return frozenset()
    return frozenset(sents[span.start] for span in _phrase_spans(doc, present_spans(doc_text(doc), grammar)))


def _then_sentences(doc: Any, sents: list[int], grammar: DateGrammar) -> frozenset[int]:
    """Sentences that open on a ``then_words`` phrase ("À l'époque, X louait ...", "Par le passé, la
    région a connu ..."): they tell an earlier time the article does not date, not the article's day.
    Only at the opening: "comme par le passé" or "à l'époque où" inside a sentence says nothing of its
    main clause."""
    if doc is None or grammar.then is None:
        return frozenset()
    out = set()
    for span in _phrase_spans(doc, then_spans(doc_text(doc), grammar)):
        sent = sents[span.start]
        before = [t for t in doc[max(0, span.start - 3):span.start] if sents[t.i] == sent]
        if all(t.is_space or t.is_punct for t in before):
            out.add(sent)
    return frozenset(out)


def _phrase_spans(doc: Any, chars: Iterable[tuple[int, int]]) -> Iterator[Any]:
    """The non-empty token spans of the character spans of a vocabulary's phrases."""
    for start, end in chars:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            yield span


def _lead(text: str, doc: Any, sents: list[int], anchor: Anchor | None) -> tuple[int, int]:
    """(where the body starts, the lead sentence): after the dateline, or after a title line when the
    anchor is ``published``; (0, -1) when the anchor is neither (or there is no doc)."""
    if doc is None or anchor is None or anchor.source not in ("dateline", "published"):
        return 0, -1
    start = anchor.span[1] if anchor.source == "dateline" else _after_title(text)
    return start, _lead_sentence(doc, sents, start)


def _episode(doc: Any, sents: list[int], placed: tuple[Placed, ...], anchor: Anchor | None,
             grammar: DateGrammar, start: int, lead: int) -> When | None:
    """The period an article reports, when its lead opens on the period's start ("Depuis le 12
    mars, les milices rivales se disputent le port ..." in a 2 April dispatch): the month of the
    period's middle, precision month, with the words of the opening date. None unless the period
    lasts :data:`EPISODE_DAYS`, the opening clause is not background or future, and the anchor
    is the dateline or ``published``."""
    if lead < 0 or anchor is None:
        return None
    opening = next((p for p in placed if p.when.span[0] >= start), None)
    if opening is None or opening.att is None or opening.mention.role != "since" or opening.att.verb < 0:
        return None
    if lead != opening.att.sent or not _opens_sentence(doc, sents, opening.att):
        return None
    if is_background(doc, opening.att.verb) or is_future(doc, opening.att.verb, future_markers(grammar)):
        return None
    when = opening.when
    if when.precision == "year":
        return None
    first = date.fromisoformat(when.value + "-01" if when.precision == "month" else when.value[:10])
    days = (anchor.day - first).days
    if not EPISODE_DAYS[0] <= days <= EPISODE_DAYS[1]:
        return None
    middle = first + timedelta(days=days // 2)
    return When(text=when.text, value=f"{middle.year:04d}-{middle.month:02d}", precision="month",
                span=when.span, flags=(anchor.flag, "from-episode"))


def _after_title(text: str) -> int:
    """Where the body starts when there is no dateline: after a first line followed by a blank line."""
    head, sep, _ = text.partition("\n\n")
    return len(head) + len(sep) if sep and "\n" not in head.strip() else 0


def _lead_sentence(doc: Any, sents: list[int], start: int) -> int:
    """The first sentence with a verb that starts at or after character ``start``; -1 if none."""
    for tok in doc:
        if tok.idx >= start and is_verb(tok):
            return sents[tok.i]
    return -1


def _opens_sentence(doc: Any, sents: list[int], att: Attachment) -> bool:
    """A mention that opens its sentence, after at most two words ("Depuis", "Ever since")."""
    before = [t for t in doc[max(0, att.first - 4):att.first] if sents[t.i] == att.sent and not t.is_space]
    return len([t for t in before if not t.is_punct]) <= 2


def _place(mentions: tuple[Mention, ...], doc: Any, sents: list[int], anchor: Anchor | None,
           grammar: DateGrammar) -> tuple[Placed, ...]:
    """Resolve the mentions in text order (tense from the parse; sequels from the last day)."""
    markers = future_markers(grammar)
    placed: list[Placed] = []
    previous: When | None = None
    head = wire_dateline(doc_text(doc), 0) if doc is not None else None
    for m in mentions:
        if head is not None and m.span[1] <= head.end() and (anchor is None or m.span != anchor.span):
            # the day and month of a wire dateline ("Lima, 2 Dec 88 (EFE) -- "), not read as the anchor: the
            # dispatch's day, never the date of a clause of the text
            m = replace(m, role="dateline")
        att = attach(doc, m.span, sents) if doc is not None else None
        when = resolve(m, anchor, att is not None and is_future(doc, att.verb, markers), previous,
                       att is not None and is_present(doc, att.verb))
        if when is None:
            continue
        placed.append(Placed(m, when, att))
        if when.precision == "day" and not _is_dateline(placed[-1], anchor) and m.role not in UNDATING_ROLES:
            previous = when
    return tuple(placed)


def date_event(event: Event, ctx: DocDates, offsets: bool = True) -> When | None:
    """The date of one event by the ordered rules of the module docstring (``offsets``: try
    ``via-offset`` after ``via-clause``; off when dating the clause an offset counts from)."""
    if ctx.doc is None:
        return None
    trig = ctx.attach(event.trigger.span)
    if trig is None:
        return None
    usable = [p for p in ctx.placed if p.att is not None and p.mention.role not in UNDATING_ROLES
              and not _aside(ctx.text, p, event.trigger.span) and not _other_occasion(p, trig, ctx)
              and (p.mention.role != "noun" or _completes(p, trig, ctx))]
    if any(_later(p, ctx.anchor) for p in usable) and not _tells_later(trig, ctx):
        usable = [p for p in usable if not _later(p, ctx.anchor) or _frames_present(p, trig, ctx)]
    # a wire dateline's day and month is the dispatch's day, not a clause's: any other date near the
    # event comes first (the parser runs a dateline into the lead sentence)
    framing, usable = usable, [p for p in usable if p.mention.role != "dateline"]
    found = _in_clause(event, trig, usable, ctx)
    if found is not None:
        return _event_date(found, "via-clause", ctx)
    shifted = _offset(event, trig, ctx) if offsets else None
    if shifted is not None:
        return shifted
    rules = ((_in_sentence, "via-sentence"), (_in_statement, "via-statement"), (_antecedent, "via-antecedent"),
             (_in_context, "via-context"))
    for rule, flag in rules:
        found = rule(event, trig, usable, ctx)
        if found is not None:
            return _event_date(found, flag, ctx)
    if len(framing) > len(usable):  # only the dispatch's day is near: as the clause's, sentence's or frame's
        for rule, flag in ((_in_clause, "via-clause"), *rules):
            found = rule(event, trig, framing, ctx)
            if found is not None:
                return _event_date(found, flag, ctx)
    own = _from_anchor(trig, ctx) or _earlier(event, usable, ctx)
    if own is None and ctx.anchor is not None and ctx.anchor.source in ("published", "dateline") \
            and trig.sent not in ctx.then:
        # rule 8, the last resort: an event nothing else dates, not even an earlier date (rule 7: an event noun
        # with no date near it, a background clause outside any dated paragraph) is put on the article's own day,
        # flagged so
        return When(text=ctx.anchor.text, value=ctx.anchor.day.isoformat(), precision="day", span=ctx.anchor.span,
                    flags=(f"from-{ctx.anchor.source}", LAST_RESORT))
    return own


LAST_RESORT = "last-resort"  # the article's day for an event no rule dates (rule 8)


# precisions of a date that can stand for an earlier act the text recalls (a year is too coarse)
EARLIER_PRECISIONS = ("day", "week", "month")


def _earlier(event: Event, usable: list[Placed], ctx: DocDates) -> When | None:
    """``via-earlier``: an act no rule dates (a background clause, "les grévistes avaient réclamé ...", or a
    noun after an earlier cue, "après l'attentat") happened before the article's day, and a text recalls its
    background in order: the last date it gave before the event, of day, week or month precision and before
    the anchor's day (month, year), not the dateline nor the start of a period. None when there is none."""
    anchor = ctx.anchor
    if anchor is None:
        return None
    today = anchor.day.isoformat()
    before = [p for p in usable if p.mention.span[1] <= event.trigger.span[0] and not _is_dateline(p, anchor)
              and p.mention.role != "since" and p.when.precision in EARLIER_PRECISIONS
              and p.when.value[:10] < today[:len(p.when.value[:10])]]
    return _borrowed(before[-1].when, "via-earlier") if before else None


# mentions that date no clause of their own: a deadline ("d'ici le 22 février") and a sequel that names
# another event ("le lendemain d'une frappe")
UNDATING_ROLES = ("limit", "relation")
BRACKET_REACH = 120  # characters a bracketed aside may run either side of a date


def _aside(text: str, p: Placed, trigger: tuple[int, int]) -> bool:
    """The date stands in brackets that do not hold the trigger: an aside about someone or something
    ("Karim Cheurfi, 39 ans (né le 31 décembre 1977), a été interpellé", "le secrétaire général (depuis
    août 2021) a rencontré"), which dates nothing outside it. Brackets that hold the date alone are not an
    aside unless the date opens a period ("(depuis août 2021)")."""
    span = p.when.span
    before = text[max(0, span[0] - BRACKET_REACH):span[0]]
    opening = before.rfind("(")
    if opening < 0 or ")" in before[opening:] or "\n" in before[opening:]:
        return False
    after = text[span[1]:span[1] + BRACKET_REACH]
    closing = after.find(")")
    if closing < 0 or "(" in after[:closing] or "\n" in after[:closing]:
        return False
    start, end = span[0] - len(before) + opening, span[1] + closing + 1
    if p.mention.role != "since" and not re.search(r"\w", before[opening:] + after[:closing]):
        return False  # the brackets hold the date alone: a caption's date, "Manifestants ... (29 octobre)."
    return not (start <= trigger[0] and trigger[1] <= end)


def _completes(p: Placed, trig: Attachment, ctx: DocDates) -> bool:
    """A year that completes a noun ("les accords de paix de 2016": role ``noun``) dates that noun only:
    the year is inside the trigger, or an event noun of the trigger is reached from it through nouns alone
    (never a verb: "a dénoncé la réforme de 2019" is not of 2019)."""
    assert p.att is not None
    if trig.first <= p.att.root <= trig.last:
        return True
    for i in p.att.path:
        if ctx.doc[i].pos_ not in ("NOUN", "PROPN"):
            return False
        if trig.first <= i <= trig.last:
            return True
    return False


def _other_occasion(p: Placed, trig: Attachment, ctx: DocDates) -> bool:
    """The date is the complement of a noun ("l'attentat de mardi", "les grèves du 2 mai") that follows an
    ``earlier_cues`` or ``reason_cues`` word ("après l'attentat de mardi", "condamnés pour les violences de
    samedi"): it dates that noun, another occasion than the verb it hangs on, and nothing outside the
    noun's phrase. A noun of the same occasion ("lors de la manifestation du 3 mai") is not one."""
    assert p.att is not None
    doc, lists = ctx.doc, ctx.grammar.vocab.lists
    date = doc[p.att.root]
    links = {w.lower() for w in lists["genitive_links"]}
    if date.dep_ != "nmod" or not p.att.path or not (
            any(c.dep_ == "case" and c.lower_ in links for c in date.children)
            or p.mention.text.split(" ")[0].lower() in links):
        return False
    cues = (*lists["earlier_cues"], *lists["reason_cues"])
    for i in p.att.path:
        noun = doc[i]
        if noun.pos_ not in ("NOUN", "PROPN") or trig.first <= i <= trig.last:
            return False
        lead = f"{cue_phrase(doc, noun)}{noun.lower_} "  # "à la suite des grèves du 2 mai": the cue is a noun
        if has_cue(lead, cues):  # unless the event is told inside that phrase
            return not noun.left_edge.i <= trig.root <= noun.right_edge.i
        if noun.dep_ != "nmod":  # the top of the noun phrase
            return False
    return False


def _later(p: Placed, anchor: Anchor | None) -> bool:
    """The mention is after the article's date ("demain", "le vendredi 14 décembre", "mai 2019")."""
    if anchor is None:
        return False
    day = anchor.day.isoformat()
    return p.when.value[:len(day)] > day[:len(p.when.value)]


def _tells_later(trig: Attachment, ctx: DocDates) -> bool:
    """The event may lie after the article's date: its clause is in the future tense ("se rendra",
    "doit avoir lieu") or has no verb (a heading: "Grève générale le 14 décembre")."""
    verb = clause_verb(ctx.doc, trig)
    return verb < 0 or is_future(ctx.doc, verb, future_markers(ctx.grammar))


def _frames_present(p: Placed, trig: Attachment, ctx: DocDates) -> bool:
    """A later date that modifies the trigger's own verb in the simple present ("Le ministre se rend
    demain à Paris"): the present tells the coming act. A later date of a verb in a past tense, or
    inside a noun phrase or another clause, dates something else than the event told ("a appelé à la
    grève pour le vendredi 14 décembre", "annonce trois jours de deuil les 16, 17 et 18 juillet": the
    call and the announcement are of the article's day, the strike and the mourning to come)."""
    verb = clause_verb(ctx.doc, trig)
    return (p.att is not None and p.att.verb == verb and is_present(ctx.doc, verb)
            and bool(p.att.path) and all(ctx.doc[i].pos_ == "ADP" for i in p.att.path[:-1]))


def _event_date(found: Placed, flag: str, ctx: DocDates) -> When:
    """The mention's date with the rule's flag (the dateline itself is reported as ``from-dateline``)."""
    if _is_dateline(found, ctx.anchor):
        return replace(found.when, flags=("from-dateline",))
    return replace(found.when, flags=found.when.flags + (flag,))


OFFSET_WINDOW = 80  # characters before a trigger where a counted offset may end
PRECISIONS = ("day", "week", "month", "year")


def _offset(event: Event, trig: Attachment, ctx: DocDates) -> When | None:
    """"Cette fusillade survient trois jours après une sanglante embuscade près de Mossoul": an event right
    after a counted offset (``counted_offset``; at most three words between: "une sanglante") is that many
    units before ("après") or after ("avant") the clause it hangs on, dated by the other rules. The precision
    is the coarser of the unit's and the clause date's; None when the clause has no date, or a date
    coarser than the unit ("a month" counted from a year)."""
    start = event.trigger.span[0]
    found = _offset_phrase(start, ctx)
    if found is None:
        return None
    span, unit, count = found
    gap = ctx.text[span[1]:start]
    if not re.fullmatch(r"[\w'’ -]*", gap) or len(re.findall(r"[\w-]+", gap)) > 3:
        return None
    governor = next((t for t in ctx.doc[trig.root].ancestors if is_verb(t)
                     and not trig.first <= t.i <= trig.last and ctx.sents[t.i] == trig.sent), None)
    if governor is None or count == 0:
        return None
    clause = replace(event, trigger=replace(event.trigger, text=governor.text,
                                            span=(governor.idx, governor.idx + len(governor.text))))
    base = date_event(clause, ctx, offsets=False)
    if base is None or PRECISIONS.index(base.precision) > PRECISIONS.index(unit):
        return None
    precision = PRECISIONS[max(PRECISIONS.index(base.precision), PRECISIONS.index(unit))]
    if precision in ("day", "week"):
        day = date.fromisoformat(base.value[:10]) + timedelta(days=count * (7 if unit == "week" else 1))
        value = day.isoformat()
    elif precision == "month":
        months = int(base.value[:4]) * 12 + int(base.value[5:7]) - 1 + count
        value = f"{months // 12:04d}-{months % 12 + 1:02d}"
    else:
        value = f"{int(base.value[:4]) + count:04d}"
    kept = tuple(f for f in base.flags if not f.startswith(("via-", "from-")))
    return When(text=ctx.text[span[0]:span[1]], value=value, precision=precision, span=span,
                flags=(*kept, f"base:{base.value}", "via-offset"))


def _offset_phrase(start: int, ctx: DocDates) -> tuple[tuple[int, int], str, int] | None:
    """The last offset that ends before character ``start`` (in :data:`OFFSET_WINDOW`): a counted offset
    ("trois jours après"), or a sequel that names another event ("le lendemain d'une frappe": the strike is
    one day before the clause; "à la veille du scrutin": one day after); (span, unit, signed count)."""
    grammar = ctx.grammar
    low = max(0, start - OFFSET_WINDOW)
    out: tuple[tuple[int, int], str, int] | None = None
    relations = [p.mention for p in ctx.placed if p.mention.role == "relation" and low <= p.mention.span[1] <= start]
    if relations:
        m = relations[-1]
        out = m.span, "day", -m.count
    before = ctx.text[low:start]
    if grammar.offset is None or (grammar.offset_cue is not None and grammar.offset_cue.search(before) is None):
        return out  # no tail ("jours après"), no counted offset: the number words are slow to scan for
    hits = list(grammar.offset.finditer(before))
    if hits and (out is None or low + hits[-1].end() > out[0][1]):
        unit, count = _offset_rule(hits[-1].group(0), grammar)
        out = (low + hits[-1].start(), low + hits[-1].end()), unit, count
    return out


def _offset_rule(phrase: str, grammar: DateGrammar) -> tuple[str, int]:
    """(unit, signed count) of a counted offset phrase."""
    for rule, unit, sign in grammar.offset_rules:
        hit = rule.fullmatch(phrase)
        if hit is not None:
            return unit, sign * grammar.vocab.number(hit["n"].lower())
    return "day", 0


def _is_dateline(p: Placed, anchor: Anchor | None) -> bool:
    return anchor is not None and anchor.source == "dateline" and p.when.span == anchor.span


def _nearest(trig: Attachment, candidates: list[Placed]) -> Placed | None:
    def distance(p: Placed) -> int:
        assert p.att is not None
        return max(p.att.first - trig.last, trig.first - p.att.last, 0)

    return min(candidates, key=distance, default=None)


def _in_clause(event: Event, trig: Attachment, usable: list[Placed], ctx: DocDates) -> Placed | None:
    tokens = set(range(trig.first, trig.last + 1))

    def linked(p: Placed) -> bool:
        a = p.att
        assert a is not None
        inside = event.trigger.span[0] <= p.when.span[0] and p.when.span[1] <= event.trigger.span[1]
        near = a.sent == trig.sent and (0 < a.first - trig.last <= 3 and not trig.last < a.verb < a.first
                                        or 0 < trig.first - a.last <= 2)
        return inside or near or bool(tokens.intersection(a.path)) or _tells_occurrence(a, tokens, ctx)

    found = [p for p in usable if linked(p)]
    own = [p for p in found if _own_date(p, tokens, ctx.doc)]
    after = [p for p in own if p.att is not None and p.att.first > trig.last]
    if after:  # "Two men abducted near X in May were released on 2 July": May is the abduction's
        own = [p for p in own if p in after or not _after_subject_participle(ctx.doc, trig, p)]
    return _nearest(trig, own or found)


def _after_subject_participle(doc: Any, trig: Attachment, p: Placed) -> bool:
    """The date stands between a participle that qualifies the trigger's subject and the trigger ("two men
    abducted near X in May were released", "les otages enlevés en mai ont été libérés"): the parser may hang
    it on the trigger, but it tells when the participle's act happened."""
    assert p.att is not None
    if p.att.last >= trig.first:
        return False
    subjects = [c for c in doc[trig.root].children if c.dep_.startswith("nsubj") and c.i < p.att.first]
    return any(c.dep_ == "acl" and c.i < p.att.first for s in subjects for c in s.children)


def _tells_occurrence(a: Attachment, tokens: set[int], ctx: DocDates) -> bool:
    """The date hangs on a participle or relative clause of the trigger that tells when its event took place
    (``occurrence_verbs``: "l'attentat commis le 12 mars", "l'attaque survenue mardi", "la rencontre tenue le
    12 avril", "la manifestation qui s'est déroulée samedi"); not one of a later act ("l'attentat, revendiqué
    mardi": the claim's day)."""
    if a.verb < 0:
        return False
    verb = ctx.doc[a.verb]
    head = verb.head  # the parser may hang it on a complement of the noun ("la rencontre des présidents tenue")
    while head.i not in tokens and head.dep_ == "nmod" and head.head.i != head.i:
        head = head.head
    if head.i not in tokens or verb.dep_ not in ("acl", "acl:relcl"):
        return False
    lemma = verb.lemma_.lower()
    words = {w.lower() for w in ctx.grammar.vocab.lists["occurrence_verbs"]}
    # "avoir lieu", "take place": a verb and its object
    return lemma in words or any(f"{lemma} {c.lemma_.lower()}" in words for c in verb.children if c.dep_ == "obj")


def _own_date(p: Placed, tokens: set[int], doc: Any) -> bool:
    """The date hangs on the trigger itself, not through a noun or a verb under it ("condamnés pour des
    jets de pierres sur les pompiers dimanche": Sunday is the stones', not the sentencing's day)."""
    assert p.att is not None
    for i in p.att.path:
        if i in tokens:
            return True
        if doc[i].pos_ in ("NOUN", "PROPN", "VERB"):
            return False
    return False


def _in_sentence(event: Event, trig: Attachment, usable: list[Placed], ctx: DocDates) -> Placed | None:
    governing = {t.i for t in ctx.doc[trig.root].ancestors if ctx.sents[t.i] == trig.sent}
    governing |= set(range(trig.first, trig.last + 1))
    own = set(range(trig.first, trig.last + 1))
    return _nearest(trig, [p for p in usable if p.att is not None and p.att.sent == trig.sent
                           and (p.att.verb < 0 or p.att.verb in governing
                                or p.mention.role != "since" and _frames_clause(ctx.doc, p.att)
                                and _circumstance(ctx.doc[p.att.verb], governing)
                                # "... that happened before dawn on Tuesday": a day, even through "dawn"
                                or p.mention.role == "" and (
                                    p.when.precision == "day" and _act_it_happened_in(ctx.doc[p.att.verb], own)
                                    or _concurrent(ctx.doc[p.att.verb], own)
                                    or _in_message(ctx.doc[p.att.verb], governing, own,
                                                   ctx.grammar.vocab.lists["medium_preps"],
                                                   ctx.grammar.vocab.lists["medium_nouns"])))])


def _in_message(verb: Any, governing: set[int], own: set[int], preps: Any, nouns: Any) -> bool:
    """A participle on the noun of a fronted phrase of ``medium_preps`` ("in", "dans") of a verb governing the
    trigger ("In an audio message released on 15 May, the group threatened ...", "Dans un communiqué publié
    lundi, le parti a dénoncé ..."): the message or the statement the act is made in, on its day. After the
    verb, only when the noun is one of ``nouns`` (``medium_nouns``: "a condamné l'attaque dans un communiqué
    publié lundi"; "dans les camps créés en 2015" dates the camps, not the act), on the trigger itself
    (``own``: "claimed the ambush in a statement circulated on 5 February" dates the claim, not the ambush)."""
    noun = verb.head
    named = noun.lemma_.lower() in nouns or noun.lower_ in nouns
    # French hangs the participle on such a noun as nmod, and the phrase on the verb as obl:arg
    if verb.dep_ not in (("acl", "nmod") if named else ("acl",)) \
            or not (verb.tag_ == "VBN" or "Part" in verb.morph.get("VerbForm")):
        return False
    found = _governed(noun) or ((next((c for c in noun.children if c.dep_ == "case"), None), noun.head)
                                if named and noun.dep_ == "obl:arg" else None)
    if found is None:
        return False
    prep, gov = found
    if prep is None or prep.lower_ not in preps:
        return False
    if gov.i in governing and noun.i < gov.i:
        return True  # fronted
    # after the verb, a message or a statement, also where the parser hangs it on the verb's object
    if gov.pos_ in ("VERB", "AUX"):
        return named and gov.i in own
    return named and gov.head.i in own and gov.head.pos_ in ("VERB", "AUX")  # "condemned the attack in a statement"


def _governed(noun: Any) -> tuple[Any, Any] | None:
    """The preposition of a prepositional complement and the word it hangs on: English "in a blast" (the
    noun is the preposition's object), French "dans un communiqué" (an oblique whose case marker is the
    preposition, None when it has none); None for a noun that is no such complement."""
    if noun.dep_ == "pobj" and noun.head.pos_ == "ADP":
        return noun.head, noun.head.head
    if noun.dep_ in ("obl", "obl:mod"):
        return next((c for c in noun.children if c.dep_ == "case"), None), noun.head
    return None


def _concurrent(verb: Any, trigger: set[int]) -> bool:
    """A present participle on the trigger's subject or object ("abducted 23 farmers working in their fields
    on 8 July"): what they were doing when the act befell them, at its time; the parser hangs the sentence's
    date on it."""
    return (verb.tag_ == "VBG" and verb.dep_ == "acl" and verb.head.dep_ in ("dobj", "nsubj", "nsubjpass")
            and verb.head.head.i in trigger)


def _act_it_happened_in(verb: Any, trigger: set[int]) -> bool:
    """A relative clause on the noun of a complement of the trigger ("were hurt in a car bomb blast that
    occurred on Tuesday", "died in an ambush that took place on 1 August"): it dates the act the event
    happened in, the same occasion. Not a clause on the trigger's object ("arrested a man who had fought in
    the war on Tuesday": another act)."""
    if verb.dep_ not in ("relcl", "acl:relcl"):
        return False
    found = _governed(verb.head)
    return found is not None and found[1].i in trigger


def _circumstance(verb: Any, governing: set[int]) -> bool:
    """A bare participle or gerund before a governing verb that tells the circumstances of its act
    ("Interrogé mercredi sur France Inter, le ministre a dénoncé", "Revenant lundi sur l'affaire, elle a
    accusé", "Speaking on Tuesday, the envoy rejected"): the same occasion, the same day. Not after a
    subordinator ("après avoir attaqué mardi": another act, before), nor one that follows the verb (a
    later participle often tells another act: "... , arrêtés mercredi")."""
    if verb.dep_ not in ("advcl", "obl:mod") or verb.head.i not in governing or verb.i > verb.head.i:
        return False
    if not {"Part", "Ger"} & set(verb.morph.get("VerbForm")):
        return False
    # the parser may read the reflexive of "S'exprimant" as a marker
    return all(c.lower_ == "en" or c.pos_ == "PRON" for c in verb.children if c.dep_ in ("mark", "case"))


def _in_statement(event: Event, trig: Attachment, usable: list[Placed], ctx: DocDates) -> Placed | None:
    if not _is_statement(trig, ctx):
        return None
    verbs = {v.lower() for v in ctx.grammar.vocab.lists["reporting_verbs"]}
    for sent in (trig.sent + 1, trig.sent - 1):
        said = [p for p in usable if p.att is not None and p.att.sent == sent and p.att.verb >= 0
                and ctx.doc[p.att.verb].lemma_.lower() in verbs and _frames_clause(ctx.doc, p.att)]
        if said:
            return _nearest(trig, said)
    return None


def _in_context(event: Event, trig: Attachment, usable: list[Placed], ctx: DocDates) -> Placed | None:
    """The last date of the earlier sentences of the same paragraph: a narrative keeps its
    time frame until a new date is given. Background clauses (pluperfect, imperfect) too: the frame
    their paragraph sets is the date the article gives them ("Une patrouille a été attaquée le 9 février.
    Des hommes armés avaient auparavant incendié une école": 9 February)."""
    if trig.sent in ctx.present:  # "l'armée, qui se bat maintenant pour ...": the time of the article
        return None
    if own_statement(event, trig, ctx):
        return None
    start = event.trigger.span[0]
    # "Ces attaques", "this attack": a demonstrative noun points back to an event told
    # before, possibly in the previous paragraph.
    para_start = 0 if _demonstrative(ctx.doc, trig) else paragraph_start(ctx.text, start, hard_wrapped(ctx.text))
    latest = ctx.anchor.day.isoformat() if ctx.anchor is not None else "9999"
    first_sent = trig.sent - CONTEXT_SENTENCES
    # a sentence set in the present ("Elles sont désormais en position de faiblesse") closes the
    # narrative frame opened before it
    first_sent = max([first_sent, *(s + 1 for s in ctx.present if first_sent <= s < trig.sent)])

    def frames(p: Placed, lo: int, hi: int) -> bool:
        """A date written between characters ``lo`` and ``hi`` that can frame the trigger's clause."""
        return (p.att is not None and lo <= p.when.span[0] < hi and p.when.value <= latest
                and p.mention.role != "since" and _frames_clause(ctx.doc, p.att) and not _is_dateline(p, ctx.anchor))

    before = [p for p in usable if p.att is not None and first_sent <= p.att.sent < trig.sent
              and frames(p, para_start, start)]
    # the trigger's clause is background (pluperfect or imperfect: "En 2012, le gouvernement a tenté un
    # recensement. Le pouvoir avait été accusé de gonfler les chiffres": 2012), or an event noun no verb
    # tells (rule 6 gives it no date: "the murders of union members")
    verb = event_verb(ctx.doc, trig, ctx.grammar.vocab.lists["earlier_cues"])
    recalled = verb >= 0 and is_background(ctx.doc, verb)
    # a year frames only a background clause, and only when the paragraph gives no finer frame
    finer = [p for p in before if p.when.precision != "year"]
    before = finer if finer or not recalled else before
    if not before and para_start > 0 and (recalled or verb < 0):
        # a background clause or an event noun in a paragraph that sets no frame of its own ("The bomb had been
        # planted near the school" after a paragraph dated "this morning"): the story goes on in the previous
        # paragraph's frame
        prev = paragraph_start(ctx.text, para_start - 1, hard_wrapped(ctx.text))
        before = [p for p in usable if p.when.precision != "year" and frames(p, prev, para_start)]
    if not before or _turns_present(trig, before[-1], ctx):
        return None
    return before[-1]


def _turns_present(trig: Attachment, frame: Placed, ctx: DocDates) -> bool:
    """The trigger's clause is in the simple present and the frame's in a past tense: the text has come back
    to the time of the article ("Le 3 mai, l'armée a bombardé le village. L'opposition réclame toujours une
    enquête")."""
    verb = clause_verb(ctx.doc, trig)
    if frame.att is None or frame.att.verb < 0 or not is_present(ctx.doc, verb):
        return False
    return _told_past(ctx.doc[frame.att.verb])


def _told_past(verb: Any) -> bool:
    """A verb in a past tense: a compound tense ("ont bombardé", "est arrivé", "avait pris"), or a finite
    past form, its own or its passive auxiliary's ("attaqua", "tenaient", "was attacked"); a passive
    present ("est chassée") is not."""
    auxes = [c for c in verb.children if c.dep_.startswith("aux")]
    if any(c.dep_ == "aux:tense" for c in auxes):
        return True
    return any({"Past", "Imp"} & set(t.morph.get("Tense")) and "Fin" in t.morph.get("VerbForm")
               for t in (verb, *auxes))


def own_statement(event: Event, trig: Attachment, ctx: DocDates) -> bool:
    """An event of the language's ``article_day_types`` (English: stances taken in words, "rejected",
    "praised", "urged") told in a clause of its own that is not background, with no date words of its
    own: it is the article's day, not the date of the sentences before it. Wire copy names the day of
    every act but the dispatch's own ("X agreed on Wednesday ... . Y rejected the proposal": today)."""
    if event.type not in ctx.grammar.vocab.lists["article_day_types"]:
        return False
    verb = event_verb(ctx.doc, trig, ctx.grammar.vocab.lists["earlier_cues"])
    return verb >= 0 and not is_background(ctx.doc, verb)


def _antecedent(event: Event, trig: Attachment, usable: list[Placed], ctx: DocDates) -> Placed | None:
    """"cet empoisonnement", "these attacks": a demonstrative event noun names an event told
    before; it takes the date attached to the nearest earlier mention of the same noun ("La raison
    est l'empoisonnement de Sergueï Skripal au 4 mars. ... dans cet empoisonnement": 4 March).
    None when that mention has no date of its own (then the context rule applies)."""
    if not _demonstrative(ctx.doc, trig):
        return None
    lemma = ctx.doc[trig.root].lemma_.lower()
    for tok in reversed(ctx.doc[:trig.first]):
        if tok.pos_ != "NOUN" or tok.lemma_.lower() != lemma:
            continue
        sent = ctx.sents[tok.i]
        own = [p for p in usable if p.att is not None and p.att.sent == sent and (
            tok.i in p.att.path or 0 < p.att.first - tok.i <= 3 or 0 < tok.i - p.att.last <= 2)]
        return min(own, key=lambda p: abs(p.att.root - tok.i) if p.att else 0, default=None)
    return None


def _demonstrative(doc: Any, trig: Attachment) -> bool:
    root = doc[trig.root]
    return root.pos_ == "NOUN" and any(
        c.dep_ == "det" and "Dem" in c.morph.get("PronType") for c in root.children)


def _frames_clause(doc: Any, att: Attachment) -> bool:
    """A date that modifies a verb (directly or through a preposition: "on Tuesday") or
    nothing sets a time frame; one inside a noun phrase ("l'empoisonnement ... au 4 mars")
    dates that noun only."""
    if att.verb < 0 and att.path and not any(c.dep_ == "cop" for c in doc[att.path[-1]].children):
        return True  # a verbless fragment or heading ("Mercredi 5 novembre")
    # copular sentences ("La raison est l'empoisonnement ... au 4 mars"): the noun phrase only
    return not att.path or all(doc[i].pos_ == "ADP" for i in att.path[:-1])


def _is_statement(trig: Attachment, ctx: DocDates) -> bool:
    """A quote (quotation marks in the sentence) or a clause under a reporting verb."""
    if trig.sent in ctx.quoted:
        return True
    verbs = {v.lower() for v in ctx.grammar.vocab.lists["reporting_verbs"]}
    root = ctx.doc[trig.root]
    chain = [root, *(t for t in root.ancestors if ctx.sents[t.i] == trig.sent)]
    return any(t.lemma_.lower() in verbs for t in chain)


def _from_anchor(trig: Attachment, ctx: DocDates) -> When | None:
    anchor = ctx.anchor
    if anchor is None or anchor.source not in ("published", "dateline"):
        return None
    if trig.sent in ctx.then:  # "À l'époque, l'armée occupait la ville": an earlier time, undated
        return None
    verb = event_verb(ctx.doc, trig, ctx.grammar.vocab.lists["earlier_cues"])
    if verb < 0:
        verb = _judged_verb(trig, ctx)
    if verb < 0:
        verb = _nominal_verb(trig, ctx)
    if verb < 0 or is_background(ctx.doc, verb, imperfect=False):
        return None
    if ctx.episode is not None:  # the article reports a period: its events are somewhere in it
        return ctx.episode
    return When(text=anchor.text, value=anchor.day.isoformat(), precision="day", span=anchor.span,
                flags=(f"from-{anchor.source}",))


def _nominal_verb(trig: Attachment, ctx: DocDates) -> int:
    """An event noun that is neither subject nor object of a verb ("L'armée a repoussé l'assaut, a déclaré
    le préfet à l'issue de la réunion", a heading "Interpellations à Lyon") is told in the time of the verb
    it hangs on, or of its verbless fragment (the noun itself): the article's day unless that verb is
    background. Not a noun after an ``earlier_cues`` word ("suite au retrait", "après l'attentat"), anywhere
    on its path to that verb: it tells an earlier event. -1 when none."""
    doc = ctx.doc
    if doc[trig.root].pos_ not in ("NOUN", "PROPN"):
        return -1
    earlier = ctx.grammar.vocab.lists["earlier_cues"]
    for i in (trig.root, *trig.path[:-1]):
        tok = doc[i]
        if tok.pos_ in ("NOUN", "PROPN") and has_cue(cue_phrase(doc, tok), earlier):
            return -1
    return trig.verb if trig.verb >= 0 else trig.root


def _judged_verb(trig: Attachment, ctx: DocDates) -> int:
    """An adjective that tells a judgement ("un « ignoble attentat »", "jugée insuffisante") is told by
    the verb of what it qualifies: the verb it complements, or the event verb of its noun ("évoque un
    ignoble attentat": "évoque"). -1 when there is none."""
    adj = ctx.doc[trig.root]
    if adj.pos_ != "ADJ" or adj.head.i == adj.i:
        return -1
    head = adj.head
    if is_verb(head) and ctx.sents[head.i] == trig.sent:
        return head.i
    if head.pos_ not in ("NOUN", "PROPN") or adj.dep_ != "amod":
        return -1
    noun = ctx.attach((head.idx, head.idx + len(head.text)))
    return -1 if noun is None else event_verb(ctx.doc, noun, ctx.grammar.vocab.lists["earlier_cues"])


OWN_DATE = ("via-clause", "via-sentence")
ANCHOR_DATE = ("from-dateline", "from-published", "from-episode")


def corefer_dates(events: tuple[Event, ...], ctx: DocDates) -> tuple[Event, ...]:
    """Two mentions of one occasion are one event: an event dated only from the article's own
    date (or not at all) takes the date that another mention of the same event (same type,
    same trigger words, compatible actors) carries in its own clause ("l'armée vient de
    briser le siège ... Le 5 septembre, l'armée a brisé le siège": 5 September)."""
    if ctx.doc is None or len(events) < 2:
        return events
    keys = [_trigger_key(e, ctx) for e in events]
    out = list(events)
    for i, ev in enumerate(events):
        if not keys[i] or (ev.date is not None and not set(ev.date.flags) & set(ANCHOR_DATE)):
            continue
        if _is_future_event(ev, ctx):  # "devrait chercher à reprendre le port": not the past occasion
            continue
        for j, other in enumerate(events):
            w = other.date
            if (j != i and keys[j] == keys[i] and other.type == ev.type and w is not None
                    and set(w.flags) & set(OWN_DATE) and _same_actor(ev.source, other.source)
                    and _same_actor(ev.target, other.target)):
                out[i] = replace(ev, date=_borrowed(w, "via-coreference"))
                break
    return tuple(out)


def lead_occasion(events: tuple[Event, ...], ctx: DocDates) -> tuple[Event, ...]:
    """The occasion an article reports is the one its lead dates: "Dimanche soir, un homme a attaqué
    des policiers ..." in a Wednesday dispatch. A later event of the same kind that the text does not
    date (rule 6 would give it the dispatch's day: "L'homme a attaqué les agents avec des ciseaux")
    is part of that occasion and takes the lead's day (``via-lead``): same type, same source (see
    :func:`_same_actor`), a compatible target. Only the event of the lead's main clause counts, with
    a day of its own before the dispatch's day; never for an event in the future tense."""
    anchor = ctx.anchor
    if ctx.lead < 0 or anchor is None:
        return events
    leads: dict[int, When] = {}  # the lead events' indices and dates
    for i, ev in enumerate(events):
        w, trig = ev.date, ctx.attach(ev.trigger.span)
        if (w is not None and trig is not None and trig.sent == ctx.lead and w.precision == "day"
                and set(w.flags) & set(OWN_DATE) and w.value < anchor.day.isoformat() and not ev.hypothetical
                and _main_clause(ctx.doc, trig)):
            leads[i] = w
    if not leads:
        story = ctx.story
        return events if story is None else tuple(_story_day(list(events), {}, story, ctx))
    out = list(events)
    for i, ev in enumerate(events):
        if ev.date is None or not set(ev.date.flags) & set(ANCHOR_DATE) or i in leads:
            continue
        if ev.hypothetical or _is_future_event(ev, ctx):
            continue
        for j, w in leads.items():
            first = events[j]
            if first.type == ev.type and _same_actor(ev.source, first.source) and _compatible(ev.target, first.target):
                out[i] = replace(ev, date=_borrowed(w, "via-lead"))
                break
    return tuple(_story_day(out, leads, leads[min(leads)], ctx))  # the first event of the lead's main clause


def lead_day(ctx: DocDates) -> When | None:
    """The day the lead sentence gives its main clause when no coded event tells that clause ("Une
    fusillade a éclaté hier dans un lycée", "La motion a été rejetée lundi soir", "X ont été tués mardi,
    a annoncé le ministère": the clause a reporting verb introduces counts as the main one): a day of
    the clause (not a deadline, not the start of a period, not inside a noun phrase), before the
    dispatch's day. None when the lead has none."""
    anchor = ctx.anchor
    if ctx.lead < 0 or anchor is None or ctx.doc is None:
        return None
    verbs = {v.lower() for v in ctx.grammar.vocab.lists["reporting_verbs"]}
    for p in ctx.placed:
        a = _opening_frame(p, ctx)
        if (a is None or a.sent != ctx.lead or a.verb < 0 or p.mention.role in (*UNDATING_ROLES, "since")
                or p.when.precision != "day" or p.when.value >= anchor.day.isoformat() or _is_dateline(p, anchor)
                or not _frames_clause(ctx.doc, a) or is_background(ctx.doc, a.verb)):
            continue
        if _main_verb(ctx.doc, a.verb, verbs):
            return p.when
    return None


def _opening_frame(p: Placed, ctx: DocDates) -> Attachment | None:
    """The attachment of a mention; for a day that opens its sentence before a comma and that the parser
    left hanging on no verb (it sometimes roots "Dimanche" alone: "Dimanche, vers 18 heures, dans un train
    ..., trois voyageurs ont été expulsés"), the sentence's main verb after it, which it frames."""
    a = p.att
    if a is None or a.verb >= 0 or a.path or not _opens_sentence(ctx.doc, ctx.sents, a):
        return a
    doc = ctx.doc
    if a.last + 1 >= len(doc) or doc[a.last + 1].text != ",":
        return a
    main = next((t for t in doc[a.last + 1:] if ctx.sents[t.i] != a.sent or t.dep_ == "ROOT" and is_verb(t)), None)
    if main is None or ctx.sents[main.i] != a.sent:
        return a
    return replace(a, path=(main.i,), verb=main.i)


def _main_verb(doc: Any, verb: int, reporting: set[str]) -> bool:
    """The verb heads its sentence's main clause: the root, a verb coordinated with it, or the clause
    of a reporting verb that is itself the main one ("X ont été tués mardi, a annoncé le ministère")."""
    tok = doc[verb]
    for _ in range(2):
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ in ("ccomp", "parataxis") and tok.head.lemma_.lower() in reporting:
            tok = tok.head
    return tok.dep_ not in SUBORDINATE_DEPS and not any(is_verb(a) for a in tok.ancestors)


def _story_day(events: list[Event], leads: dict[int, When], story: When, ctx: DocDates) -> list[Event]:
    """The day an article's lead gives its story ("Dimanche, des hommes armés ont attaqué un poste de
    police" in a Tuesday dispatch) is the day of the story's other undated acts: an event that rule 6 would date
    to the dispatch's day (``from-dateline``, ``from-published``: a verbal clause, not background, no
    date words of its own) takes the lead's day instead (``via-story``), when that day is at most
    :data:`STORY_DAYS` before the dispatch's. Only for events told in or after the lead sentence and before
    any sentence set in the present ("désormais", "now": it closes the story's frame); never for a future or
    hypothetical event, nor for one dated by a reported period (``from-episode``)."""
    anchor = ctx.anchor
    if anchor is None or (anchor.day - date.fromisoformat(story.value[:10])).days > STORY_DAYS:
        return events
    out = list(events)
    for i, ev in enumerate(events):
        w = ev.date
        if i in leads or w is None or not {"from-dateline", "from-published"} & set(w.flags):
            continue
        trig = ctx.attach(ev.trigger.span)
        if trig is None or trig.sent < ctx.lead or ev.hypothetical or _is_future_event(ev, ctx):
            continue  # a title line before the lead may be a sentence of its own, not the story
        if own_statement(ev, trig, ctx):
            continue
        if any(ctx.lead <= s <= trig.sent for s in ctx.present):  # "maintenant", "now": the article's time
            continue
        out[i] = replace(ev, date=_borrowed(story, "via-story"))
    return out


def _in_title(event: Event, text: str) -> bool:
    """The event is told in the title line: the first line, followed by a blank line."""
    return _after_title(text) > 0 and event.trigger.span[1] <= text.find("\n")


def _borrowed(w: When, flag: str) -> When:
    """Another mention's own date, lent to an event: its own-clause flags give way to ``flag``."""
    return replace(w, flags=tuple(f for f in w.flags if f not in OWN_DATE) + (flag,))


def _main_clause(doc: Any, trig: Attachment) -> bool:
    """The trigger tells the sentence's main clause: its verb is the root, or a verb coordinated with
    it ("ont fermé leurs frontières" in "Dans la nuit du lundi, les deux voisins ... ont fermé")."""
    verb = clause_verb(doc, trig)
    if verb < 0:
        return False
    tok = doc[verb]
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    # the parser sometimes roots a dateline's line on its dash: no verb above is enough
    return tok.dep_ not in SUBORDINATE_DEPS and not any(is_verb(a) for a in tok.ancestors)


def _compatible(a: Any, b: Any) -> bool:
    """Actors that may be one: the same (see :func:`_same_actor`), or either unnamed or generic."""
    if a is None or b is None:
        return True
    return _same_actor(a, b) or not (a.kb_id or a.country) or not (b.kb_id or b.country)


def _is_future_event(event: Event, ctx: DocDates) -> bool:
    trig = ctx.attach(event.trigger.span)
    if trig is None:
        return False
    return is_future(ctx.doc, clause_verb(ctx.doc, trig), future_markers(ctx.grammar))


def _trigger_key(event: Event, ctx: DocDates) -> frozenset[str]:
    span = ctx.doc.char_span(*event.trigger.span, alignment_mode="expand")
    if span is None:
        return frozenset()
    return frozenset(t.lemma_.lower() for t in span if t.pos_ in ("VERB", "NOUN", "PROPN"))


def _same_actor(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if a.kb_id and a.kb_id == b.kb_id:
        return True
    if a.country and a.country == b.country:
        return True
    x, y = a.name.lower(), b.name.lower()
    if x in y or y in x:
        return True
    # a generic actor ("l'armée", no country, no dictionary entry) is the specific one of its sector
    generic = any(not (c.country or c.kb_id) for c in (a, b))
    return generic and a.sector is not None and a.sector == b.sector


def headline_dates(events: tuple[Event, ...], ctx: DocDates) -> tuple[Event, ...]:
    """A headline names the news its body tells: an event of the title line ("Niger : l'armée reprend
    la ville de Diffa", the first line, followed by a blank line) that has no date words of its own
    (rule 6, or none) takes the date of an event of the body of the same type, with compatible actors
    (see :func:`_compatible`), dated in its own clause or sentence to a day at most
    :data:`STORY_DAYS` before the dispatch's ("Samedi, l'armée a repris la ville": Saturday, not the
    dispatch's day; ``via-headline``): the one with the same trigger words, else the first. A headline
    tells recent news: an older date in the body is background. With no such body event, the day the lead
    sentence gives its main clause (:func:`lead_day`: "Une fusillade a éclaté hier ..."). Never for a future
    or hypothetical event."""
    head, anchor = _after_title(ctx.text), ctx.anchor
    if ctx.doc is None or head == 0 or anchor is None:
        return events
    story = ctx.story
    if story is not None and (anchor.day - date.fromisoformat(story.value[:10])).days > STORY_DAYS:
        story = None
    out = list(events)
    for i, ev in enumerate(events):
        w = ev.date
        if not _in_title(ev, ctx.text) or (w is not None and not set(w.flags) & set(ANCHOR_DATE)):
            continue
        if ev.hypothetical or _is_future_event(ev, ctx):
            continue
        body = [e for e in events if e.trigger.span[0] >= head and e.type == ev.type and _recent(e.date, anchor)
                and not e.hypothetical and _compatible(ev.source, e.source) and _compatible(ev.target, e.target)]
        if body:
            key = _trigger_key(ev, ctx)
            first = min(body, key=lambda e: (_trigger_key(e, ctx) != key, e.trigger.span[0]))
            assert first.date is not None
            out[i] = replace(ev, date=_borrowed(first.date, "via-headline"))
        elif story is not None and not any(e.trigger.span[0] >= head and e.type == ev.type and _recent(e.date, anchor)
                                           for e in events):
            # no body event of its type dated of its own: the news is the one the lead dates
            out[i] = replace(ev, date=_borrowed(story, "via-headline"))
    return tuple(out)


def _recent(w: When | None, anchor: Anchor) -> bool:
    """A day (or week) of the event's own clause or sentence, at most :data:`STORY_DAYS` before the anchor."""
    if w is None or not set(w.flags) & set(OWN_DATE) or w.precision not in ("day", "week"):
        return False
    return 0 <= (anchor.day - date.fromisoformat(w.value[:10])).days <= STORY_DAYS

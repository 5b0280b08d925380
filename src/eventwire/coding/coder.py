"""The PLOVER rule coder: trigger lexicon + argument rules + modality -> ``Event`` records.

For each sentence: find trigger candidates (:mod:`.match`), keep the first lexicon entry
whose sense constraints hold, find the source and target actors over the dependency
parse (:mod:`.arguments`), set the negated/hypothetical flags (:mod:`.modality`), and
emit one event per (source, target) pair with a rule name, a confidence and an
explanation. A candidate that yields no event is recorded as a ``Rejection`` with its
reason. The confidence model is documented in ``docs/coding.md``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from itertools import islice
from typing import TYPE_CHECKING, Any

from ..actors import Resolver, resolver_for
from ..languages import registry, shipped
from ..quotes import quote_at
from ..records import Actor, Analysis, Event, Found, Quote, Rejection, TextRef
from ..text import doc_text, sentence, span_text
from .arg_base import CONTRACTED, DATE_ENTS, PASS_SUBJ, SE_CLITICS, SUBJ, armed
from .arguments import Arg, ArgumentFinder, Frame
from .context_source import ContextSources
from .judge import JUDGED, Judge, Verdict, candidate_features, judge_for
from .lexicon import Entry, Lexicon, lexicon_for
from .match import Candidate, candidates, forms, token_keys
from .modality import VOICED_PURPOSE, VOICED_TYPES, Modality, aux_scope, future_form, modality

if TYPE_CHECKING:
    from ..pipeline import Resources

AGAINST = shipped().union("coding", "against_preps")  # "l'offensive contre X", "the raid against X"
CODER = "rules/1"
NO_SOURCE_RELIABILITY = 0.5
BASE_RELIABILITY = {"active": 0.85, "passive": 0.8, "light-verb": 0.8, "target-verb": 0.7,
                    "undergo": 0.7, "manner": 0.7, "participation": 0.7, "noun": 0.65}
INDIRECT = ("coref", "relcl", "conj", "xcomp", "advcl", "acl", "poss=")
FLAGGED_FACTOR = 0.7
NO_TARGET_FACTOR = 0.9
INDIRECT_FACTOR = 0.85
MAX_PAIRS = 8
IMPLICIT_FACTOR = 0.6
ARMED_SECTORS = {"MIL", "REB", "UAF", "COP", "SPY"}  # docs/sectors.md
ACTOR_LABELS = {"PER", "PERSON", "ORG", "NORP", "GPE", "LOC"}
VIOLENT = {"ASSAULT", "COERCE"}  # civilians are not taken as the source of violence
CONTEST_MIN = 3  # distinct contest_words that make an article a contest's (sport, markets, shows) ...
CONTEST_SPAN = 100  # ... when they come once in this many words or more often
SYMMETRIC = {"COOPERATE", "CONSULT"}  # "X et Y ont négocié": each is the other's partner
PROMISABLE = {"AID", "RETREAT", "CONSULT", "COOPERATE", "CONCEDE", "SUPPORT"}
PROMISE_FACTOR = 0.6
# the agent an act implies when the text names none: an arrest is the police's, a conviction the judiciary's
IMPLIED_AGENTS = {"arrest": ("police", "COP"), "convict": ("judiciary", "JUD")}
STATE_MODES = {"execute", "arrest", "convict", "deport", "curfew"}  # acts of the state where they happen
GOVERNOR_CUES = ("under", "negated support", "ended by")  # negations that come from another word
HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "PROTEST"}  # announced for the future: a THREATEN
THREAT_MODES = {"ASSAULT": "violence", "SANCTION": "sanction", "COERCE": "restrict", "expel": "expel",
                "arrest": "arrest", "ban": "ban", "deport": "expel", "curfew": "restrict"}
THEME_CLASSES = {"military", "aid", "weapon", "goods", "projectile"}  # what is moved or thrown, not the target
CLASSIFIED = ("military", "weapon", "building", "goods")  # "avion de combat": a kind of thing
SUPPORT_MODES = {"financier": "economic", "économique": "economic", "budgétaire": "economic", "financial": "economic",
                 "economic": "economic", "budgetary": "economic", "humanitaire": "humanitarian",
                 "humanitarian": "humanitarian"}  # AID mode of a material modifier; others are military
PARTNER_TYPES = {"CONSULT", "COOPERATE", "AGREE", "REJECT"}
OBLIQUE_DEPS = ("obl", "obl:arg", "obl:mod", "nmod", "prep")
STATE_FORCES = frozenset({"MIL", "COP"})  # sectors of a state's armed forces and police
THING_CLASSES = ("military", "weapon", "goods", "building", "place", "road", "attack")
# the languages' contracted prepositions (``contractions`` of coding.yaml: "du" -> "de"), and the elided "qu'"
CONTRACTIONS = {**CONTRACTED, "qu'": "que"}
REFLEXIVE = SE_CLITICS | {"himself", "themselves", "itself"}


@dataclass(frozen=True)
class Coded:
    """What coding one candidate produced: events, or the reason there are none."""

    events: tuple[Event, ...] = ()
    reason: str = ""


class CoderStage:
    """Pipeline stage ``coder``: reads doc, actors, quotes; writes events and rejections."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, analysis: Analysis) -> Analysis:
        lang = analysis.article.language or ""
        if analysis.doc is None or lang not in registry(self.resources.config.language_dirs):
            return analysis
        judge = judge_for(self.resources, lang)
        coder = SentenceCoder(analysis, lexicon_for(self.resources, lang), resolver_for(self.resources, lang), judge)
        events: list[Event] = []
        rejections: list[Rejection] = []
        for sent in analysis.doc.sents:
            new_events, new_rejections = coder.code_sentence(sent)
            events += new_events
            rejections += new_rejections
        if judge.open:
            events, dropped = self.sources_from_context(analysis, events, judge, frozenset(coder.args.refused),
                                                        coder.lex.words("place_preps"),
                                                        coder.lex.words("sourceless_types"),
                                                        coder.lex.words("accusing_verbs"),
                                                        coder.lex.words("article_agent_types"),
                                                        tuple(coder.retold))
            rejections += dropped
        looting, capture = coder.lex.words("looting_words"), coder.lex.words("capture_words")
        events = [_state_capture(_forces_blocking(_protesting_crowd(_armed_looting(ev, analysis.doc, looting))),
                                 analysis.doc, capture) for ev in events]
        return replace(analysis, events=analysis.events + tuple(events),
                       rejections=analysis.rejections + tuple(rejections))

    @staticmethod
    def sources_from_context(analysis: Analysis, events: list[Event], judge: Judge,
                             refused: frozenset[int] = frozenset(), place_preps: frozenset[str] = frozenset(),
                             sourceless_types: frozenset[str] = frozenset(),
                             accusing_verbs: frozenset[str] = frozenset(),
                             agent_types: frozenset[str] = frozenset(),
                             retold: tuple[Event, ...] = (),
                             ) -> tuple[list[Event], list[Rejection]]:
        """Sourceless events: a source from the article (:mod:`.context_source`), else the judge's
        stricter bar for events with no source. ``refused``: subject pronouns left unresolved on purpose;
        ``place_preps``: the prepositions of a place adjunct (an actor's adjective there is no source);
        ``sourceless_types`` (lower case): types whose acts count with no agent (:func:`unattributed`), unless
        what one is accused of (``accusing_verbs``: "accused of burning a depot" is an allegation);
        ``agent_types`` (lower case): types whose sourceless acts also take as candidates the authors of the
        article's acts of the type, wherever they are named (:mod:`.context_source`); ``retold``: acts told
        again with their author (an unattributed telling takes that author, :func:`retold_author`)."""
        ctx = ContextSources(analysis, events, judge, refused, place_preps, agent_types)
        kept: list[Event] = []
        dropped: list[Rejection] = []
        pending: list[Event] = []
        for ev in events:
            if ev.source is not None or ev.coder != JUDGED:
                kept.append(ev)
                continue
            ev = implied_agent(ctx.infer(ev))
            if ev.source is None and judge.collect is None and ev.confidence >= judge.null_threshold:
                # an event kept anyway: the article's likeliest author, whatever its score, rather than none
                ev = ctx.infer(ev, bar=0.0)
            bar = judge.threshold if ev.source is not None else judge.null_threshold
            if judge.collect is not None or ev.confidence >= bar:
                kept.append(ev)
            elif ev.type.lower() in sourceless_types and ev.confidence >= judge.threshold and not (
                    ev.negated or ev.hypothetical) and not ev.nominal and not _alleged(
                    analysis, ev, accusing_verbs):
                pending.append(ev)
            else:
                dropped.append(_sourceless_rejection(ev, judge))
        found, turned = unattributed(kept, pending)
        found = [retold_author(ev, retold) for ev in found]
        for ev in found:  # in text order among the others
            at = next((i for i, k in enumerate(kept) if k.trigger.span[0] > ev.trigger.span[0]), len(kept))
            kept.insert(at, ev)
        return kept, dropped + [_sourceless_rejection(ev, judge, why) for ev, why in turned]


def _forces_blocking(ev: Event) -> Event:
    """"les gendarmes ont bloqué le convoi", "troops blocked the road": a state's soldiers or police who
    block, barricade or occupy do not protest, they restrict movement (COERCE ``restrict``)."""
    src = ev.source
    if ev.type != "PROTEST" or ev.mode != "obstruct" or src is None or src.sector not in STATE_FORCES:
        return ev
    return _coercion(ev, "restrict", f"the blockade of state forces ('{src.text}') restricts, it is no protest")


def _trigger_lemma_in(ev: Event, doc: Any, words: frozenset[str]) -> bool:
    """Whether a word of the event's trigger has its lemma among ``words`` (none when ``words`` is empty)."""
    if not words:
        return False
    span = doc.char_span(*ev.trigger.span, alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in words for t in span)


def _state_capture(ev: Event, doc: Any, words: frozenset[str]) -> Event:
    """"les forces ukrainiennes ont capturé vingt soldats", "troops captured two fighters": the soldiers or
    police of a state who capture people detain them (COERCE ``arrest``); an armed group's capture stays an
    abduction (ASSAULT). The trigger's lemma is one of ``capture_words``; the source's sector a state force's."""
    src = ev.source
    if ev.type != "ASSAULT" or ev.mode != "abduct" or src is None or src.sector not in STATE_FORCES \
            or not _trigger_lemma_in(ev, doc, words):
        return ev
    return _coercion(ev, "arrest", f"the capture of people by state forces ('{src.text}') detains them")


def _armed_looting(ev: Event, doc: Any, words: frozenset[str]) -> Event:
    """"RSF fighters looted the market", "des hommes armés ont pillé les boutiques": an armed group that
    loots takes property (COERCE ``seize``); a crowd's looting stays a riot (PROTEST). The trigger's lemma is
    one of ``looting_words``; the source's sector an armed one."""
    src = ev.source
    if ev.type != "PROTEST" or src is None or src.sector not in ARMED_SECTORS or not _trigger_lemma_in(ev, doc, words):
        return ev
    return _coercion(ev, "seize", f"the looting of an armed group ('{src.text}') takes property, it is no riot")


def _coercion(ev: Event, mode: str, why: str) -> Event:
    """``ev`` retyped as a COERCE of ``mode``, the reason added to its explanation."""
    return replace(ev, type="COERCE", mode=mode, explanation=f"{ev.explanation[:-1]}; COERCE/{mode}: {why}.")


def _protesting_crowd(ev: Event) -> Event:
    """"des milliers de personnes ont manifesté": people no dictionary knows who protest are protesters
    (the name and sector the dictionary gives "manifestants" and the implicit protesters of a protest noun;
    the text keeps the words)."""
    src = ev.source
    if ev.type != "PROTEST" or src is None or src.kb_id or src.name != "civilians":
        return ev
    return replace(ev, source=replace(src, name="protesters", sector="PRO"))


def _speaker_lookup(analysis: Analysis) -> Any:
    if not analysis.quotes:
        return None
    return lambda offset: quote_at(analysis, offset)


class SentenceCoder:
    """Codes the candidates of one article's sentences."""

    def __init__(self, analysis: Analysis, lexicon: Lexicon, resolver: Resolver, judge: Judge | None = None) -> None:
        self.analysis, self.lex = analysis, lexicon
        self.judge = judge if judge is not None else Judge()
        self._text: str | None = None
        self.lang = analysis.article.language or ""
        # a headline repeated at the top of the text is not the lead: sentences count from the body
        self.title_end = analysis.article.title_end
        self.sent_starts = [s.start for s in analysis.doc.sents if s.start_char >= self.title_end] \
            if analysis.doc is not None else []
        self.quote_spans = [q.span for q in analysis.quotes]
        self.args = ArgumentFinder(analysis.doc, lexicon, resolver, _speaker_lookup(analysis),
                                   analysis.article.published, analysis.actors)
        # constraints_hold by (entry, token, words): choosing a sense and weighing the others ask again
        self._held: dict[tuple[int, int, tuple[int, ...]], tuple[Entry, bool]] = {}
        self._times = lexicon.words("time_nouns") | lexicon.words("month_words")  # anchors
        self._clause_anchors: dict[int, Counter[str]] = {}  # anchors by clause head
        self._modality: dict[int, Modality] = {}  # by token: each sense of a candidate asks again
        self._words: dict[int, frozenset[str]] = {}  # by sentence start: its lemmas and lower-case forms
        self._refs: dict[tuple[int, tuple[int, ...]], TextRef] = {}  # trigger_ref by candidate
        self._judging: set[int] = set()  # calling verbs a word of blame hangs on (evaluations)
        self.contest = contest_article(analysis.doc, lexicon.words("contest_words"))
        self.retold: list[Event] = []  # acts told again with their author and no victim (_retelling)

    def modality(self, tok: Any) -> Modality:
        """:func:`.modality.modality` of a token (its negation and hypothesis cues), once per token."""
        found = self._modality.get(tok.i)
        if found is None:
            found = self._modality[tok.i] = modality(tok, self.lex)
        return found

    def sentence_words(self, sent: Any) -> frozenset[str]:
        """The lemmas and lower-case forms of a sentence's tokens, once per sentence: the sentence rules
        (deadlines, counts, dismissals, denials, words of blame) look for their words only where it has one."""
        found = self._words.get(sent.start)
        if found is None:
            found = self._words[sent.start] = frozenset(w for t in sent for w in (t.lemma_.lower(), t.lower_))
        return found

    def code_sentence(self, sent: Any) -> tuple[list[Event], list[Rejection]]:
        denials = self.dismissals(sent)
        blame = self.evaluations(sent)  # before the candidates: it marks the calling verbs that judge (_judging)
        denials += self.own_denials(sent)
        deadlines = self.deadlines(sent)
        events: list[Event] = list(self.obligations(sent)) + deadlines + denials + self.protest_counts(sent)
        rejections: list[Rejection] = []
        denied = {e.trigger.span for e in denials}
        expelled = {e.trigger.span for e in deadlines}  # "ordered the envoys to leave": no REQUEST besides
        claims = {c.i for t in (sent if denied else ()) if (t.idx, t.idx + len(t)) in denied for c in t.children
                  if c.dep_ in ("obj", "dobj") or c.dep_ in PASS_SUBJ}  # "ces accusations": not the caller's
        callers = {e.source.name for e in denials if e.source is not None}
        for cand in candidates(sent, self.lex):
            if (cand.head.idx, cand.head.idx + len(cand.head)) in denied:  # the calling verb itself
                coded = Coded(reason="not an event (the words call a claim false: a denial, coded as REJECT)")
            elif (cand.head.idx, cand.head.idx + len(cand.head)) in expelled \
                    and all(a.type == "REQUEST" for a in cand.alternatives):
                coded = Coded(reason="not an event (an order to leave: coded as an expulsion, SANCTION)")
            elif self._no_comment(cand):
                coded = Coded(reason="not an event (a refusal to comment or to say more: no demand or "
                                     "proposal is refused)")
            elif cand.head.i in self._judging and all(a.type != "ACCUSE" for a in cand.alternatives):
                # "called the strike irresponsible": a judgment (coded as ACCUSE), not "calling a strike"
                coded = Coded(reason="not an event (the words judge something: a condemnation, coded as ACCUSE)")
            else:
                coded = self.code(cand, sent)
            if cand.head.i in claims and coded.events:  # "les accusations de Washington" stay Washington's
                kept = [e for e in coded.events if e.source is not None and e.source.name not in callers]
                coded = Coded(events=tuple(kept), reason="not an event (a claim the denier calls false is not the "
                                                  "denier's)") if len(kept) < len(coded.events) else coded
            events += coded.events
            if not coded.events:
                rejections.append(Rejection(sentence=(sent.start_char, sent.end_char),
                                            trigger=self.trigger_ref(cand),
                                            type=cand.alternatives[0].type, reason=coded.reason))
        return events + [e for e in blame if not self._blamed_by_verb(e, events, sent)], rejections

    def _no_comment(self, cand: Candidate) -> bool:
        """"declined to comment", "a refusé de commenter", "declined to name any group": refusing only to
        speak is no rejection of a demand or proposal (``no_comment_verbs``: the verb refused)."""
        if any(a.type != "REJECT" for a in cand.alternatives):
            return False
        words = self.lex.words("no_comment_verbs")
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in words for c in cand.head.children)

    @staticmethod
    def _blamed_by_verb(ev: Event, events: list[Event], sent: Any) -> bool:
        """A word of blame under a condemnation the lexicon codes ("condemned the unacceptable decision")
        is that condemnation's word, not a second one."""
        spans = [e.trigger.span for e in events if e.type == ev.type]
        span = sent.doc.char_span(*ev.trigger.span, alignment_mode="expand")
        return span is not None and any(a <= t.idx < b for t in islice(span.root.ancestors, 3) for a, b in spans)

    def code(self, cand: Candidate, sent: Any) -> Coded:
        """Recall first: every candidate with a sense is coded, with or without a source and whether or
        not the sense constraints hold; the judge then decides, between the senses of different types
        too (without a trained judge, the rules do: the first sense whose constraints hold, and no
        source or a failed constraint rejects)."""
        if all(alt.reflexive is False for alt in cand.alternatives) and self.reflexive(cand.head):
            # "qui se réclamait de l'EI": a pronominal use no sense has is another verb (an allegiance)
            return Coded(reason="not an event (a pronominal use that no sense of the verb has)")
        if len(cand.tokens) == 1 and all(alt.pos == "verb" for alt in cand.alternatives) \
                and _participle_as_noun(cand.head):
            # "le principal prévenu a nié", "les accusés ont contesté": a role named by a participle, no act
            return Coded(reason="not an event (a participle used as a noun)")
        entry = self.choose(cand)
        if not self.judge.open:
            if entry is None:
                lemmas = ", ".join(sorted({e.lemma for e in cand.alternatives}))
                return Coded(reason=f"sense constraint failed ({lemmas})")
            return self.code_entry(cand, sent, entry, True)
        senses: dict[str, tuple[Entry, bool]] = {}
        for alt in cand.alternatives:  # per type, the first sense whose constraints hold, else the first
            ok = alt is entry or (alt.type != (entry.type if entry else None) and self.constraints_hold(
                alt, cand.head, cand.tokens))
            if alt.type not in senses or (ok and not senses[alt.type][1]):
                senses[alt.type] = (alt, ok)
        if any(ok and _specific(alt) for alt, ok in senses.values()):
            # the sense whose object class or preposition the text fills is the reading ("the advance
            # was backed by fighters": military aid, not a statement of support; "condamné à dix ans":
            # a sentence, not a criticism); a generic sense of another type that holds only for want
            # of constraints is scored as not holding
            senses = {t: (alt, ok and _specific(alt)) for t, (alt, ok) in senses.items()}
        if any(ok and alt.objclass and alt.prep for alt, ok in senses.values()) and self.object_of(cand.head) is None:
            # "s'en sont pris à la préfecture": the class of the preposition's noun says which "s'en prendre
            # à" it is (an attack); the sense that holds by the preposition alone is scored as not holding
            senses = {t: (alt, ok and bool(alt.objclass)) for t, (alt, ok) in senses.items()}
        coded = [self.code_entry(cand, sent, alt, ok) for alt, ok in senses.values()]
        kept = [c for c in coded if c.events]
        if not kept:
            return coded[0]
        return max(kept, key=lambda c: max(e.confidence for e in c.events))

    def code_entry(self, cand: Candidate, sent: Any, entry: Entry, sense_ok: bool) -> Coded:
        if entry.pos == "noun":
            use = self.non_event_use(cand.head)
            if use:
                return Coded(reason=f"not an event ({use})")
        elif not sense_ok and len(cand.tokens) == 1 and self.supports_event_noun(cand.head, entry.type):
            return Coded(reason="not an event (a support verb: the event is the noun it governs)")
        elif entry.type == "REQUEST" and len(cand.tokens) == 1 \
                and cand.head.lemma_.lower() in self.lex.words("ordering_verbs") \
                and self.supports_event_noun(cand.head, entry.type):
            # "ordered the arrest of X", "ordered a curfew": the act ordered is the event, not the order
            return Coded(reason="not an event (an order of an act: the event is the act ordered)")
        args = self.args.with_frame(self.frame(cand, entry))
        if entry.pos == "verb":
            sources, targets, how = args.verb_args(cand.head)
        else:
            sources, targets, how = args.noun_args(cand.head, entry.of or "source")
        if entry.pos == "verb" and self.subject_in_class("hazard", cand.head):
            return Coded(reason="not an event (a natural hazard or an accident does it, not an actor)")
        if entry.type == "ASSAULT" and self.contest and not any(
                a.actor.sector in ARMED_SECTORS for a in (*sources, *targets)):
            return Coded(reason="not an event (a contest's word: the article is about sport, markets or shows)")
        if entry.type in VIOLENT:
            sources = [a for a in sources if a.actor.name != "civilians" and a.actor.sector != "CIV"]
        if not sources:
            sources = self.implicit_source(cand, entry, how, targets)
        if not sources and how == "passive" and entry.type.lower() in self.lex.words("announced_own_types"):
            sources = self.announcing_body(cand)
        if not sources and not self.judge.open:
            return Coded(reason="no source actor")
        if entry.pos == "noun" and cand.head.lemma_.lower() in self.lex.words("operation_nouns") \
                and len(entry.words) == 1:
            sources = [a for a in sources if armed(a.actor)] if self.military_operation(cand.head) else []
            if not sources:
                return Coded(reason="not an event (not a military operation of an armed actor)")
        if entry.type == "AID" and entry.objclass == "actor" and not any(self.args.strict(t) for t in targets):
            return Coded(reason="not an event (no identified beneficiary)")  # "North Korea trained 500 hackers"
        support = [cand.head.doc[i] for i in cand.tokens if entry.type == "SUPPORT"
                   and cand.head.doc[i].lemma_.lower() in self.lex.words("support_nouns")]
        if support:  # "le soutien de X", "a apporté un soutien militaire à X"
            entry = self.support_sense(entry, support[0], targets)
        mod = self.modality(cand.head)
        if mod.cue.startswith(VOICED_PURPOSE) and entry.type in VOICED_TYPES:
            mod = Modality()  # "ont manifesté pour exiger le départ du préfet": the march made the demand
        events = self.events(cand, entry, sent, sources, targets, how, mod)
        if self.is_promise(entry, mod):
            events += [promise(e) for e in events]
        elif self.is_threat(cand, entry, mod):
            events += self.threats(cand, events)
        elif entry.type == "AGREE" and mod.negated and not mod.cue.startswith(GOVERNOR_CUES):
            events += [refusal(e) for e in events]  # "will not accept", "n'a pas accepté": a REJECT
        elif entry.type == "CONSULT" and mod.negated and not mod.cue.startswith(GOVERNOR_CUES) \
                and self.announced(cand.head):
            events += [refusal(e) for e in events]  # "will not negotiate with", "ne négociera pas": a REJECT
        return self.judged(cand, entry, sent, events, sense_ok, how, len({e.type for e in cand.alternatives}))

    def judged(self, cand: Candidate, entry: Entry, sent: Any, events: list[Event], sense_ok: bool, how: str,
               n_alternatives: int) -> Coded:
        """The judge's decision on each event of a candidate (see :mod:`.judge`)."""
        kept: list[Event] = []
        best: Verdict | None = None
        for ev in events:
            if self._retelling(cand, ev, entry, how):
                self.retold.append(ev)
            feats = self.features(cand, ev, entry, sent, sense_ok, how, n_alternatives)
            record = None if self.judge.collect is None else {  # what training's collection run keeps
                "article_id": ev.article_id, "span": list(ev.trigger.span), "type": ev.type,
                "title": ev.trigger.span[1] <= self.title_end, "negated": ev.negated, "hypothetical": ev.hypothetical,
                "source": None if ev.source is None else {"name": ev.source.name, "text": ev.source.text},
                "target": None if ev.target is None else {"name": ev.target.name, "text": ev.target.text}}
            verdict = self.judge.decide(feats, sense_ok and ev.source is not None, record, ev.source is None)
            if verdict.keep:
                kept.append(self.with_verdict(ev, verdict))
            elif best is None or (verdict.probability or 0) > (best.probability or 0):
                best = verdict
        if kept:
            return Coded(events=tuple(kept))
        if best is not None and best.probability is not None:
            return Coded(reason=f"not an event ({best.text()})")
        return Coded(reason="no source actor" if sense_ok else "sense constraint failed")

    def _retelling(self, cand: Candidate, ev: Event, entry: Entry, how: str) -> bool:
        """An act told again to name its author: a definite event noun ("the attack", "this bombing") with
        no victim of its own, whose author the sentence names by attribution — carried out by X, claimed by
        X, blamed on X, X's responsibility for it (light verbs, participation, blame): "police blamed the
        bombing on the rebels". Whoever the judge thinks of it, it tells who did an act the article told
        before without one (:func:`unattributed`)."""
        if entry.pos != "noun" or ev.source is None or ev.target is not None or ev.negated or ev.hypothetical:
            return False
        path = ev.rule_path
        if not (how in ("light-verb", "participation") or path.startswith("noun-blamed")):
            return False
        if "coref" in path or ev.source.sector == "CIV":
            return False
        return any(c.dep_ == "det" and c.lower_ in self.lex.words("definite_determiners") for c in cand.head.children)

    def with_verdict(self, ev: Event, verdict: Verdict) -> Event:
        if verdict.probability is None:
            return ev
        return replace(ev, confidence=verdict.probability, coder=JUDGED,
                       explanation=f"{ev.explanation[:-1]}; {verdict.text()}.")

    def features(self, cand: Candidate, ev: Event, entry: Entry, sent: Any, sense_ok: bool, how: str,
                 n_alternatives: int) -> list[str]:
        head = cand.head
        clause = head
        while clause.dep_ in ("conj", "aux", "aux:pass", "xcomp", "fixed", "flat") and clause.head.i != clause.i:
            clause = clause.head
        src_path, _, tgt_path = ev.rule_path.partition("-")
        src = ev.source
        kind = "none"
        if src is not None:
            kind = ("implicit" if src_path.startswith(("implicit", "inferred")) else "pronoun"
                    if "coref" in src_path else "known" if src.kb_id else "text")
        morph = head.morph.get("VerbForm") + head.morph.get("Tense")
        governor = clause.head.lemma_.lower() if clause.dep_.split(":")[0] in GOVERNED and clause.head.i != clause.i \
            else ""
        offset = ev.trigger.span[0]
        return candidate_features(
            etype=ev.type, mode=ev.mode, pos=entry.pos, lemma=entry.lemma, how=how,
            src_path=src_path if src is not None else None, src_sector=src.sector if src else None, src_kind=kind,
            tgt_path=tgt_path if ev.target is not None else None, tgt_sector=ev.target.sector if ev.target else None,
            sense_ok=sense_ok, negated=ev.negated, hypothetical=ev.hypothetical, head_dep=head.dep_.split(":")[0],
            head_tag=f"{head.pos_}:{'/'.join(morph)}", clause_dep=clause.dep_.split(":")[0],
            sent_index=_sentence_index(self.sent_starts, sent.start) if sent.start_char >= self.title_end else -1,
            in_quote=any(a <= offset < b for a, b in self.quote_spans), n_alternatives=n_alternatives,
            governor=governor, tgt_kind=_kind(ev.target) if ev.target is not None else "none",
            occurs=entry.pos == "noun" and self.occurs(head), anchors=self.anchors(head))

    def anchors(self, head: Any) -> tuple[str, ...]:
        """What anchors the candidate's clause (the subtree of the nearest verb at or above its head) in
        an occasion: a time word or month ("lundi", "in March"), a place name, a number ("12 morts"); the
        head's own word does not count."""
        clause = head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        if clause.pos_ not in ("VERB", "AUX"):
            clause = head
        kinds = self._clause_anchors.get(clause.i)
        if kinds is None:  # each candidate, and each sense of it, asks again about the same clause
            kinds = self._clause_anchors[clause.i] = Counter(filter(None, map(self._anchor, clause.subtree)))
        own = self._anchor(head)
        return tuple(sorted(k for k, n in kinds.items() if n > (k == own)))

    def _anchor(self, tok: Any) -> str | None:
        if tok.lower_ in self._times or tok.lemma_.lower() in self._times or tok.ent_type_ in DATE_ENTS:
            return "time"
        if tok.ent_type_ in ("LOC", "GPE", "FAC"):
            return "place"
        return "number" if tok.like_num else None

    def occurs(self, noun: Any) -> bool:
        """An event noun told as having happened: the subject of a verb of happening ("des heurts ont
        éclaté", "la manifestation a eu lieu", "clashes broke out"), or the noun a participle or relative
        clause of one hangs on ("l'attaque, survenue lundi", "the attack, which took place ...")."""
        verbs = self.lex.words("occurrence_verbs")

        def happening(verb: Any) -> bool:
            lemma = verb.lemma_.lower()
            return lemma in verbs or any(f"{lemma} {c.lower_}" in verbs for c in verb.children
                                         if c.dep_ in ("obj", "dobj", "prt", "compound:prt"))

        while noun.dep_ == "conj" and noun.head.i != noun.i:
            noun = noun.head
        dep = noun.dep_.split(":")[0]
        if dep in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX") and happening(noun.head):
            return True
        return any(c.dep_.split(":")[0] in ("acl", "relcl") and happening(c) for c in noun.children)

    def non_event_use(self, noun: Any) -> str:
        """Uses of an event noun that name a thing or a role, not an occasion: a bare classifier
        complement of a thing ("avion de combat", "fusil d'assaut"), an act a ceremony remembers ("en
        hommage aux victimes de l'attentat") or an apposition to a person ("le député X, soutien de Y")."""
        if noun.ent_type_ in DATE_ENTS:
            return "part of a date"  # "on 1 March 2021": the month, not a march
        head = noun.head
        if noun.dep_ in ("nmod", "prep", "pobj") and head.i < noun.i and head.pos_ == "NOUN":
            bare = not any(c.dep_ in ("det", "nummod", "poss", "nmod:poss") for c in noun.children)
            case = {c.lower_ for c in noun.children if c.dep_ == "case"}
            if noun.dep_ == "pobj":
                case.add(head.lower_)
            thing = head.lemma_.lower()
            if bare and case & {"de", "d'", "d’"} and any(self.lex.in_class(k, thing) for k in CLASSIFIED):
                return f"classifier of '{head.text}'"
        remembered = self.remembered_in(noun)
        if remembered:
            return f"an act remembered: under '{remembered}'"
        if noun.dep_ == "appos" and (head.ent_type_ in ("PER", "PERSON") or self.lex.in_class("person", head.lemma_)):
            return f"role of '{head.text}'"
        if noun.lemma_.lower() in self.lex.words("support_nouns") and self._modifiers(noun) & self.lex.words(
                "combat_modifiers"):
            return "combat support"  # "soutien aérien", "air support": part of a military operation
        return ""

    def remembered_in(self, noun: Any) -> str:
        """The noun of remembrance (``commemoration_nouns``) whose complement the event noun is, within three
        links ("le dixième anniversaire de l'attaque") or among the five words before it with no verb between
        ("en hommage aux victimes de l'attentat"), or ""."""
        words = self.lex.words("commemoration_nouns")
        cur = noun
        for _ in range(3):
            if cur.dep_ not in ("nmod", "obl", "obl:arg", "obl:mod", "pobj", "prep") or cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.pos_ == "NOUN" and (cur.lemma_.lower() in words or cur.lower_ in words):
                return cur.text
        doc = noun.doc  # the parser may hang the complement elsewhere: the words just before, with no verb
        for i in range(noun.left_edge.i - 1, max(sentence(noun).start, noun.left_edge.i - 6) - 1, -1):
            if doc[i].pos_ in ("VERB", "AUX", "PUNCT", "PRON") or doc[i].dep_ in ("nsubj", "nsubj:pass"):
                return ""
            if doc[i].pos_ == "NOUN" and (doc[i].lemma_.lower() in words or doc[i].lower_ in words):
                return doc[i].text
        return ""

    def military_operation(self, noun: Any) -> bool:
        """"l'opération « Bouclier de l'Euphrate »", "une opération contre l'EI", "a ground operation":
        an operation that is named, aimed at someone, or military by its modifier."""
        doc = noun.doc
        named = any(c.dep_ in ("appos", "flat:name", "compound") and c.pos_ == "PROPN" and c.i > noun.i
                    for c in noun.children)
        if named or (noun.i + 1 < len(doc) and doc[noun.i + 1].text in ("«", '"', "“")):
            return True
        if self._modifiers(noun) & self.lex.words("operation_modifiers") or any(
                c.lemma_.lower() in self.lex.words("operation_modifiers") for c in noun.children if c.dep_ == "amod"):
            return True
        return any(self.args.case_of(c) in AGAINST for c in noun.children if c.dep_ in OBLIQUE_DEPS)

    def _modifiers(self, noun: Any) -> set[str]:
        return {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound", "nmod", "nn")
                and c.i > noun.i - 3 and c.i < noun.i + 3 and not any(g.dep_ == "det" for g in c.children)}

    def support_sense(self, entry: Entry, noun: Any, targets: list[Arg]) -> Entry:
        """"soutien"/"support": material help (AID) when a modifier says so ("soutien financier") or
        the beneficiary is an armed group ("le soutien de la Turquie aux rebelles"); else political
        SUPPORT ("son soutien à May")."""
        mods = self._modifiers(noun) & self.lex.words("material_modifiers")
        armed = any(t.actor.sector in ARMED_SECTORS for t in targets)
        if not mods and not armed:
            return entry
        kind = {SUPPORT_MODES.get(m, "military") for m in mods} if mods else {"military"}
        return replace(entry, type="AID", mode=kind.pop() if len(kind) == 1 else None)

    def frame(self, cand: Candidate, entry: Entry) -> Frame:
        partner = entry.type in PARTNER_TYPES or bool(set(entry.prep) & self.lex.words("partner_preps"))
        return Frame(etype=entry.type, mode=entry.mode, trigger_tokens=frozenset(cand.tokens), partner=partner,
                     theme_object=entry.objclass in THEME_CLASSES or entry.type == "MOBILIZE"
                     or (entry.type == "COOPERATE" and entry.objclass == "organisation")  # "ont formé un groupe"
                     or entry.objclass == "agreement",  # "ont signé un accord": what is signed is no target
                     required_preps=frozenset(entry.prep))

    def is_promise(self, entry: Entry, mod: Modality) -> bool:
        """"X will provide aid": a cooperative act announced for the future is an AGREE."""
        if not mod.hypothetical or entry.type not in PROMISABLE:
            return False
        return any(cue in mod.cue for cue in self.lex.words("promise_cues"))

    def announced(self, verb: Any) -> bool:
        """The verb is said of the future: a future tense or a `refusal_modals` auxiliary ("will not meet",
        "ne rencontrera pas"); "did not meet" tells what did not happen, not a refusal."""
        return any(t.lower_ in self.lex.words("refusal_modals") and t.i != verb.i
                   or ("Fut" in t.morph.get("Tense") and future_form(t)) for t in aux_scope(verb))

    def is_threat(self, cand: Candidate, entry: Entry, mod: Modality) -> bool:
        """"X said it would boycott ...", "l'Iran fermera le détroit si ...": a hostile act announced
        for the future (or under a condition) is a THREATEN by its author (guideline)."""
        if not mod.hypothetical or entry.type not in HOSTILE:
            return False
        return any(cue in mod.cue for cue in self.lex.words("threat_cues"))

    def threats(self, cand: Candidate, events: list[Event]) -> list[Event]:
        """The THREATEN of each announced hostile act: by its author when the author announces it
        (``own_statement``), else, for an act with no agent ("said the leaders would be arrested if",
        "a averti que les grévistes seront licenciés"), by the authority that announces it."""
        out: list[Event] = []
        for ev in events:
            if self.own_statement(cand, ev):
                out.append(threat(ev))
            elif ev.source is None and (by := self.announcer(cand, ev)) is not None:
                out.append(threat(replace(
                    ev, source=by.actor, source_found=Found.CLAUSE, rule=ev.rule.replace(".none-", ".announcer-", 1),
                    explanation=f"{ev.explanation[:-1]}; announced by {by.actor.name}, its source.")))
        return out

    def _statement_of(self, cand: Candidate) -> Any:
        """The statement verb whose reported clause holds the candidate ("said [it would ...]"), else None;
        "ROOT" when the candidate is the main clause."""
        tok = cand.head
        while tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ == "ROOT":
            return "ROOT"
        if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in self.lex.reporting_verbs:
            return None
        return tok.head

    def _reporter(self, cand: Candidate) -> tuple[Any, Arg] | None:
        """The subject token of the statement verb reporting the candidate ("X said [it would ...]") and
        the first actor it names; None in a main clause, outside a statement, or with no actor."""
        verb = self._statement_of(cand)
        if verb is None or verb == "ROOT":
            return None
        said = self.args.subject_token(verb)
        found = self.args.actors(said[0], said[1]) if said else []
        return (said[0], found[0]) if said and found else None

    def _authority(self, actor: Actor) -> bool:
        """An actor of the `announcer_sectors` (government, forces, courts, armed groups ...)."""
        return (actor.sector or "").lower() in self.lex.words("announcer_sectors")

    def own_statement(self, cand: Candidate, ev: Event) -> bool:
        """The future act is stated in the main clause, or reported by its own author."""
        verb = self._statement_of(cand)
        if verb is None or verb == "ROOT":
            return verb == "ROOT"
        if ev.found(Found.COREFERENCE):
            return True  # "Japan said it would ...": the pronoun was resolved to the speaker
        said = self._reporter(cand)
        return said is not None and ev.source is not None and said[1].actor.name == ev.source.name

    def announcer(self, cand: Candidate, ev: Event) -> Arg | None:
        """The speaker of the statement reporting an agentless hostile act, when an authority
        (`announcer_sectors`) or a named person, and not the act's target: the one who threatens."""
        said = self._reporter(cand)
        if said is None:
            return None
        tok, found = said
        spk = found.actor
        if ev.target is not None and spk.name == ev.target.name:
            return None
        named = spk.sector is None and tok.pos_ == "PROPN"
        return found if named or self._authority(spk) else None

    def announcing_body(self, cand: Candidate) -> list[Arg]:
        """"An army spokesman said troops had been sent to the border": an agentless passive of a type the
        state does with its own means (`announced_own_types`), reported by an authority
        (`announcer_sectors`), is that authority's act."""
        said = self._reporter(cand)
        if said is None or not self._authority(said[1].actor):
            return []
        return [replace(said[1], path=said[1].path + "-announcer")]

    def implicit_source(self, cand: Candidate, entry: Entry, how: str, targets: list[Arg]) -> list[Arg]:
        """The implicit actor of a protest noun ("une vague de manifestations"): the protesters."""
        ref = self.trigger_ref(cand)
        if entry.mode in STATE_MODES:
            return self.state_of_place(cand.head)
        if entry.type == "PROTEST" and entry.pos == "noun" and not self._background_mention(cand.head):
            name = "protesters"
        else:
            return []
        actor = Actor(text=ref.text, name=name, span=ref.span, sector="PRO")
        return [Arg(actor, "implicit", IMPLICIT_FACTOR)]

    def state_of_place(self, head: Any) -> list[Arg]:
        """"l'exécution de X en Arabie saoudite", "arrested in Iran": executions, arrests, convictions
        and deportations are acts of the state where they happen, when the trigger's own phrase names
        that state (an inference, marked in the path, with a lower reliability)."""
        comp = self.args.complement_of(head) if head.pos_ == "NOUN" else None
        for c in list(head.children) + (list(comp.children) if comp is not None else []):
            tok = self.args.pobj_of(c)
            if tok is None or self.args.case_of(c) not in self.lex.words("state_place_preps"):
                continue
            actor = self.args.resolve(tok)
            if actor is not None and actor.sector == "GOV" and actor.country:
                return [Arg(actor, "inferred-state-of-place", 0.7)]
        return []

    def _background_mention(self, noun: Any) -> bool:
        """"lors des manifestations", "during the protests": a mention of a protest as a time frame,
        not the report of an occasion; its protesters are not guessed."""
        doc, start = noun.doc, noun.left_edge.i
        before = {doc[i].lower_ for i in range(max(sentence(noun).start, start - 2), start)}
        return bool((before | {noun.head.lower_}) & self.lex.words("background_preps"))

    # -- "X said that Y must ..." -----------------------------------------------------------
    def obligations(self, sent: Any) -> list[Event]:
        """A statement that someone must act is a REQUEST from the speaker to that actor."""
        out: list[Event] = []
        words, keys = self.lex.words("obligation_words"), token_keys(sent.doc)
        for i in range(sent.start, sent.end):
            if keys[i][0] not in words:  # the first key is the lemma: no obligation word, no clause
                continue
            tok = sent.doc[i]
            clause = self._obligation_clause(tok)
            if clause is None:
                quoted = self._quoted_obligation(tok)
                if quoted is not None:
                    out.append(quoted)
                continue
            gov = clause.head
            speaker = self.args.subject_token(gov)
            target = self.args.subject_token(clause)
            if speaker is None or target is None or target[1] not in ("nsubj",):
                continue
            srcs = self.speaker_org(clause) or self.args.actors(speaker[0], speaker[1])
            tgts = [t for t in self.args.actors(target[0], "must-nsubj") if self.args.strict(t)]
            if srcs and tgts and self.modality(gov).factual:
                out.append(self.obligation_event(tok, gov, sent, srcs[0], tgts[0]))
        return out

    def deadlines(self, sent: Any) -> list[Event]:
        """A deadline to leave is an expulsion: "a donné 48 heures à l'ambassadeur pour quitter le pays",
        "gave the envoy a week to leave", "the diplomats were given 72 hours to leave by the ministry" are a
        SANCTION (expel) from the one who gives the time to the one who must go (a passive needs its agent);
        so is an order to leave given to diplomats or to leave the country (`leave_order_verbs`: "ordered
        the diplomats to leave", "a ordonné au consul de quitter le territoire").
        A rule, not a lexicon entry: the words are apart (a giving verb, a span of time as its object, a
        leaving verb hung on either)."""
        out: list[Event] = []
        give, leave = self.lex.words("deadline_verbs"), self.lex.words("leave_verbs")
        orders = self.lex.words("leave_order_verbs")
        if self.sentence_words(sent).isdisjoint(give | orders):
            return out
        times = self.lex.words("time_nouns")
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ not in ("VERB", "AUX") or (lemma not in give and lemma not in orders):
                continue
            spans = [c for c in tok.children if c.lemma_.lower() in times and c.pos_ == "NOUN"
                     and c.dep_ not in SUBJ and c.dep_ not in PASS_SUBJ]
            near = list(tok.children) + [g for c in spans for g in c.children]
            if lemma in orders:  # "a sommé l'ambassadeur de quitter": the infinitive may hang on the object
                near += [g for c in tok.children if c.dep_ in ("obj", "dobj", "iobj", "obl:arg") for g in c.children]
            goes = [t for t in near if t.pos_ == "VERB" and t.lemma_.lower() in leave]
            if not (spans or lemma in orders) or not goes or not all(self._leaves_country(t) for t in goes):
                continue
            giver = self._doer(tok)
            recipient_deps = ("dative", "iobj", "obl:arg") + (("dobj", "obj") if lemma in orders else ())
            if self.args.is_passive(tok):  # "the diplomats were given 72 hours to leave"
                subj = self.args.subject_token(tok)
                recipient = subj[0] if subj else None
            else:
                recipient = next((t for t in near if t.dep_ in recipient_deps or (
                    t.dep_ in ("nmod", "obl", "prep") and t.i > tok.i
                    and self.args.case_of(t) in self.lex.words("holder_preps"))), None)
            if lemma in orders and not (recipient is not None and self.in_class("diplomat", recipient)
                                        or any(self._leaves_state(t) for t in goes)):
                continue  # "ordered the protesters to leave the square" is no expulsion
            srcs = self.args.actors(giver, "deadline-giver") if giver is not None else []
            tgts = self.args.actors(recipient, "deadline-recipient", "target") if recipient is not None else []
            mod = self.modality(tok)
            if srcs and tgts and not mod.negated:
                out.append(self.rule_event(tok, sent, ("SANCTION", "expel"), srcs[0], tgts[0], mod,
                                           f"deadline-to-leave: '{tok.text}' time to '{tgts[0].actor.text}' to leave"))
        return out

    def protest_counts(self, sent: Any) -> list[Event]:
        """A count of protesters is their protest: "10 000 manifestants ont été recensés", "la police a
        compté 2 000 grévistes", "officials counted 5,000 demonstrators" are a PROTEST (demo) by the
        protesters counted (the object of a ``counting_verbs`` verb, or its passive subject: a protester
        actor with a number), whoever counts them. A rule: the verb is no protest word."""
        out: list[Event] = []
        counting = self.lex.words("counting_verbs")
        if self.sentence_words(sent).isdisjoint(counting):
            return out
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in counting:
                continue
            if self.args.is_passive(tok):
                subj = self.args.subject_token(tok)
                counted = subj[0] if subj else None
            else:
                counted = self.args.object_token(tok)
            if counted is None or not any(c.dep_ == "nummod" or c.like_num for c in counted.subtree):
                continue
            srcs = [a for a in self.args.actors(counted, "counted") if a.actor.sector == "PRO"]
            mod = self.modality(tok)
            if srcs and not mod.negated:
                out.append(self.rule_event(tok, sent, ("PROTEST", "demo"), srcs[0], None, mod,
                                           f"protesters counted: '{tok.text}' '{srcs[0].actor.text}'"))
        return out

    def dismissals(self, sent: Any) -> list[Event]:
        """Calling a claim false is a denial: "a qualifié ces accusations de mensongères", "ont été jugées
        infondées par le ministère", "dismissed the reports as baseless", "called the allegations false"
        are a REJECT (deny) by the one who calls them so (the subject, or the passive's agent). A rule:
        the calling verb (``calling_verbs``) and the word of falsehood (class ``falsehood``) are apart."""
        out: list[Event] = []
        calling = self.lex.words("calling_verbs")
        if self.sentence_words(sent).isdisjoint(calling):
            return out
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in calling:
                continue
            near = [c for c in tok.children if c.dep_ not in SUBJ and c.dep_ not in PASS_SUBJ]
            near += [g for c in near for g in c.children]
            if not any(self.lex.in_class("falsehood", t.lemma_.lower()) or self.lex.in_class("falsehood", t.lower_)
                       or self.lex.in_class("falsehood", f"{self.args.case_of(t)} {t.lower_}")  # "sans fondement"
                       for t in near):
                continue
            caller = self._doer(tok)
            if caller is None and self.args.is_passive(tok):  # the agent may hang on the word of falsehood
                caller = next((a for t in near if (a := self.args.agent_token(t)) is not None), None)
            srcs = self.args.actors(caller, "dismiss-subject") if caller is not None else []
            mod = self.modality(tok)
            if srcs and not mod.negated:
                out.append(self.rule_event(tok, sent, ("REJECT", "deny"), srcs[0], None, mod,
                                           f"calls a claim false: '{tok.text}'"))
        return out

    def own_denials(self, sent: Any) -> list[Event]:
        """Saying one did not do something is a denial: "X a assuré n'avoir pas tiré", "X a affirmé qu'il
        n'avait jamais dit cela" are a REJECT (deny) by X. A rule: a statement verb (``statement_verbs``)
        whose complement is negated by its own negation word, tells a past act (a perfect infinitive, a
        past tense) and has the speaker as its subject (the infinitive's, or a subject pronoun)."""
        out: list[Event] = []
        pronouns = self.lex.words("subject_pronouns") | self.lex.words("first_person")
        statement = self.lex.words("statement_verbs")
        if self.sentence_words(sent).isdisjoint(statement):
            return out
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in statement:
                continue
            for clause in tok.children:
                if clause.dep_ not in ("ccomp", "xcomp") or not _past_act(clause):
                    continue
                own = self.modality(clause)
                if not own.negated or own.cue.startswith(GOVERNOR_CUES):
                    continue
                if clause.dep_ == "ccomp":
                    subj = [c for c in clause.children if c.dep_ in SUBJ or c.dep_ in PASS_SUBJ]
                    if not subj or subj[0].lower_ not in pronouns or any(c.dep_.startswith("expl")
                                                                         for c in clause.children):
                        continue  # "que l'armée n'a pas tiré": another's act; "qu'il n'y a pas eu": no act
                speaker = self._doer(tok)
                srcs = self.args.actors(speaker, "denial-subject") if speaker is not None else []
                mod = self.modality(tok)
                if srcs and not mod.negated:
                    out.append(self.rule_event(tok, sent, ("REJECT", "deny"), srcs[0], None, mod,
                                               f"says it did not act: '{tok.text}' ... '{own.cue}'"))
                    break
        return out

    def evaluations(self, sent: Any) -> list[Event]:
        """Words of blame in a statement are a condemnation by whoever says them: « C'est une décision
        inacceptable », a déclaré X; X a jugé cette réponse « méprisante »; "X called the vote a sham" are an
        ACCUSE (disapprove) by X. A word of the class ``disapproval`` counts under a calling verb
        (``calling_verbs``: its subject, or the passive's agent) or inside a statement with a speaker (the
        quote stage's direct or reported speech: the organisation the speaker speaks for, else a named
        speaker); one event per statement, none when the word or its head is negated. A rule, not a
        lexicon entry: the speaker and the words of blame are apart."""
        out: list[Event] = []
        seen: set[tuple[Any, ...]] = set()
        if self.sentence_words(sent).isdisjoint(self.lex.classes.get("disapproval", frozenset())):
            return out
        for tok in sent:
            if tok.pos_ not in ("ADJ", "NOUN") or not (self.lex.in_class("disapproval", tok.lemma_.lower())
                                                       or self.lex.in_class("disapproval", tok.lower_)):
                continue
            mod = self.modality(tok)
            if mod.negated or self.modality(tok.head).negated:
                continue
            callers = {t.text for t in islice(tok.ancestors, 3) if t.lemma_.lower() in self.lex.words("calling_verbs")}
            if mod.hypothetical and mod.cue in {f"under '{c}'" for c in callers}:
                mod = Modality()  # "called the vote a sham": the calling is the judgment, not a call for it
            found = self._evaluator(tok)
            if found is None or found[1] in seen:
                continue
            src, key, why = found
            seen.add(key)
            out.append(self.rule_event(tok, sent, ("ACCUSE", "disapprove"), src, None, mod, why))
        return out

    def _evaluator(self, tok: Any) -> tuple[Arg, tuple[Any, ...], str] | None:
        """Who says the word of blame ``tok``: the caller of a calling verb above it, else the statement's
        speaker; with a key (one event per verb or statement) and the reason."""
        calling = self.lex.words("calling_verbs")
        for verb in islice(tok.ancestors, 3):
            if verb.pos_ == "VERB" and verb.lemma_.lower() in calling:
                caller = self._doer(verb)
                srcs = self.args.actors(caller, "evaluation-subject") if caller is not None else []
                self._judging.add(verb.i)
                if srcs:
                    return srcs[0], ("verb", verb.i), f"'{verb.text}' ... '{tok.text}': words of blame"
                return None
        said = self._quote_speaker(tok)
        if said is None:
            return None
        quote, actor = said
        return Arg(actor, "quote-speaker", 0.9), ("quote", quote.span), f"'{tok.text}' in a statement: words of blame"

    def _quote_speaker(self, tok: Any) -> tuple[Quote, Actor] | None:
        """The quote-stage statement holding ``tok`` and who says it: the organisation the speaker speaks
        for, else a named speaker; None outside a statement with such a speaker."""
        quote = quote_at(self.analysis, tok.idx)
        if quote is None or quote.speaker is None or not quote.span[0] <= tok.idx < quote.span[1]:
            return None
        sp = quote.speaker
        actor = sp.actor or (Actor(text=sp.text, name=sp.name, span=sp.span) if quote.kind == "named" else None)
        return (quote, actor) if actor is not None else None

    def _doer(self, verb: Any) -> Any | None:
        """Who does what ``verb`` says: a passive's agent, else its subject."""
        if self.args.is_passive(verb):
            return self.args.agent_token(verb)
        subj = self.args.subject_token(verb)
        return subj[0] if subj else None

    def _leaves_state(self, verb: Any) -> bool:
        """What an order says to leave is a country ("ordered the journalists to leave the country")."""
        return any(c.dep_ in ("obj", "dobj") and (c.ent_type_ == "GPE" or c.lemma_.lower() in
                                                  self.lex.words("country_nouns")) for c in verb.children)

    def _leaves_country(self, verb: Any) -> bool:
        """What the deadline says to leave is a country, a territory or a place, or is unsaid ("pour
        partir"); "an hour to leave the room" is no expulsion."""
        objs = [c for c in verb.children if c.dep_ in ("obj", "dobj")]
        return all(o.ent_type_ in ("GPE", "LOC") or self.lex.in_class("place", o.lemma_.lower())
                   or self.lex.in_class("actor", o.lemma_.lower()) for o in objs)

    def rule_event(self, tok: Any, sent: Any, kind: tuple[str, str], src: Arg, tgt: Arg | None, mod: Modality,
                   why: str) -> Event:
        """An event a sentence rule finds (not a lexicon candidate): trigger ``tok``, rule ``LANG.TYPE.rule.PATH``."""
        etype, emode = kind
        return Event(
            article_id=self.analysis.article.id, language=self.lang, type=etype, mode=emode,
            trigger=TextRef(tok.text, (tok.idx, tok.idx + len(tok.text))),
            evidence=TextRef(span_text(sent), (sent.start_char, sent.end_char)),
            source=src.actor, target=tgt.actor if tgt else None, negated=mod.negated, hypothetical=mod.hypothetical,
            confidence=round(confidence("active", src, tgt, mod) * 0.8, 3), coder=CODER,
            rule=f"{self.lang}.{etype}.rule.{_rule_path(src.path)}-{_rule_path(tgt.path) if tgt else 'none'}",
            source_found=found_by(src), target_found=found_by(tgt),
            explanation=f"{etype}/{emode}: {why}; source '{src.actor.text}' via {src.path}.")

    def speaker_org(self, clause: Any) -> list[Arg]:
        """The organisation the quoted speaker speaks for (quote stage), if known."""
        actor = self.args.speaker_actor(clause)
        return [Arg(actor, "quote-speaker", 0.9)] if actor is not None and actor.kb_id else []

    def _obligation_clause(self, tok: Any) -> Any | None:
        if tok.lemma_.lower() not in self.lex.words("obligation_words"):
            return None
        clause = tok.head if tok.dep_.startswith("aux") else tok
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in self.lex.words("statement_verbs"):
            return None
        if clause is tok and not any(c.dep_ == "xcomp" for c in tok.children):
            return None  # "elle était due à une bombe": no infinitive, no obligation
        return clause

    def _quoted_obligation(self, tok: Any) -> Event | None:
        """« La Russie doit retirer ses troupes », a déclaré X: an obligation at the top of a quote is a
        REQUEST from its speaker (the quote stage's: the organisation the speaker speaks for, else a named
        speaker) to the clause's subject."""
        if tok.lemma_.lower() not in self.lex.words("obligation_words"):
            return None
        clause = tok.head if tok.dep_.startswith("aux") else tok
        if clause is tok and not any(c.dep_ == "xcomp" for c in tok.children):
            return None
        said = self._quote_speaker(clause)
        if said is None:
            return None
        quote, actor = said
        if clause.head.i != clause.i and quote.span[0] <= clause.head.idx < quote.span[1]:
            return None  # under another verb of the quote ("je pense que X doit ..."): not the statement itself
        if not self.modality(clause).factual:
            return None
        target = self.args.subject_token(clause)
        if target is None or target[1] != "nsubj":
            return None
        tgts = [t for t in self.args.actors(target[0], "must-nsubj") if self.args.strict(t)]
        if not tgts or tgts[0].actor.name == actor.name:
            return None
        return self.obligation_event(tok, clause, sentence(clause), Arg(actor, "quote-speaker", 0.9), tgts[0])

    def obligation_event(self, tok: Any, gov: Any, sent: Any, src: Arg, tgt: Arg) -> Event:
        ref = TextRef(tok.text, (tok.idx, tok.idx + len(tok.text)))
        mod = Modality()
        return Event(
            article_id=self.analysis.article.id, language=self.lang, type="REQUEST", mode="change",
            trigger=ref, evidence=TextRef(span_text(sent), (sent.start_char, sent.end_char)),
            source=src.actor, target=tgt.actor, confidence=round(confidence("active", src, tgt, mod) * 0.8, 3),
            coder=CODER, rule=f"{self.lang}.REQUEST.modal.{_rule_path(src.path)}-must",
            source_found=found_by(src), target_found=found_by(tgt),
            explanation=f"REQUEST/change: '{gov.text}' that '{tgt.actor.text}' '{tok.text}' act; "
                        f"source '{src.actor.text}' via {src.path}.")

    # -- sense constraints ----------------------------------------------------------------
    def choose(self, cand: Candidate) -> Entry | None:
        for entry in cand.alternatives:
            if self.constraints_hold(entry, cand.head, cand.tokens):
                return entry
        return None

    def constraints_hold(self, entry: Entry, tok: Any, words: tuple[int, ...] = ()) -> bool:
        """Whether the entry's sense constraints (prepositions, partner, reflexive, object, subject) hold
        for the trigger ``tok``; once per entry and token (they read the parse and the lexicon only)."""
        key = (id(entry), tok.i, words)
        held = self._held.get(key)
        if held is None or held[0] is not entry:
            held = self._held[key] = (entry, self._constraints_hold(entry, tok, words))
        return held[1]

    def _constraints_hold(self, entry: Entry, tok: Any, words: tuple[int, ...]) -> bool:
        if entry.prep and not (set(entry.prep) & self.particles(tok, words)) and not self.reciprocal(entry, tok):
            return False
        if entry.type in SYMMETRIC and entry.pos == "verb" and not self.partner_is_actor(entry, tok):
            return False
        if entry.reflexive is not None and entry.reflexive != self.reflexive(tok):
            return False
        if entry.pos == "noun":  # a noun's class constraint reads its "de" complement ("la prise de la ville")
            if not entry.objclass:
                return True
            comp = self.args.complement_of(tok)
            return comp is not None and self.in_class(entry.objclass, comp)
        obj = self.object_of(tok)
        if obj is None and entry.objclass and entry.prep and not entry.object_required:
            obj = self.prep_complement(tok, entry.prep)  # "s'en prendre à la préfecture": the class on "à"'s noun
        if (entry.object_required or entry.objclass) and obj is None:
            return False
        if entry.objclass and not any(self.in_class(entry.objclass, o) for o in [obj, *_conjuncts(obj)]):
            return False  # "signed a fisheries and trade pact": the parser may make the pact a conjunct
        if entry.subject:
            return self.subject_in_class(entry.subject, tok)
        return True

    def reciprocal(self, entry: Entry, tok: Any) -> bool:
        """"les deux ministres se sont entretenus", "Paris et Berlin se sont entretenus": a reflexive verb
        whose sense names its partner with a preposition ("s'entretenir avec") needs none when its subject
        is plural or a list: each of them is the other's partner."""
        if not entry.reflexive or not set(entry.prep) & self.lex.words("partner_preps") or not self.reflexive(tok):
            return False
        subj = self.args.subject_token(tok)
        if subj is None:  # "se sont entretenus", "s'entretiennent": the finite verb agrees with its subject
            return any("Plur" in t.morph.get("Number") for t in (tok, *tok.children)
                       if t.pos_ in ("AUX", "VERB") and "Fin" in t.morph.get("VerbForm"))
        head, counts = subj[0], self.lex.words("quantity_nouns")
        if head.pos_ == "NUM" or head.lemma_.lower() in counts or head.head.lemma_.lower() in counts or any(
                c.dep_ == "det" and "Ind" in c.morph.get("Definite") for c in head.children):
            return False  # "des milliers de personnes se sont réunies": a crowd gathers, it does not meet
        return "Plur" in head.morph.get("Number") or any(c.dep_ == "conj" for c in head.children)

    def subject_in_class(self, name: str, tok: Any) -> bool:
        """The sense's doer is of class ``name``: the subject of an active verb; the agent of a passive
        ("l'attentat a été condamné par le maire": the mayor, not the attack), and a passive without an
        agent reads its subject ("ils sont mobilisés": they act) as before."""
        agent = self.args.agent_token(tok)
        if agent is not None and (tok.dep_ == "acl" or self.args.is_passive(tok)):
            return self.in_class(name, self._antecedent(agent))
        subj = self.args.subject_token(tok)
        return subj is not None and self.in_class(name, self._antecedent(subj[0]))

    def partner_is_actor(self, entry: Entry, tok: Any) -> bool:
        """"fusionner avec", "mobilisés avec", "merge with": the partner of a cooperation or a talk
        is not a thing ("se sont mobilisés avec leurs chars", "merged with the convoy")."""
        preps = set(entry.prep) & self.lex.words("partner_preps")
        if not preps:
            return True
        for c in tok.children:
            comp = self.args.pobj_of(c)
            if comp is None or c.dep_ not in OBLIQUE_DEPS or self.args.case_of(c) not in preps:
                continue
            return not self.is_thing(comp)
        return True

    def is_thing(self, tok: Any) -> bool:
        """A common noun of a class of things (weapons, vehicles, goods, buildings, places, roads),
        not of people ("chars" and "blindés" are things; "forces", "policiers" are people)."""
        lemma = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or self.lex.in_class("person", lemma) or self.lex.in_class("actor", lemma):
            return False
        return any(self.lex.in_class(k, lemma) for k in THING_CLASSES)

    def _antecedent(self, tok: Any) -> Any:
        found = self.args.relative_antecedent(tok)
        return found if found is not None else tok

    def supports_event_noun(self, verb: Any, etype: str) -> bool:
        """A support verb whose object is an event noun of another type in the lexicon, or counts one:
        "launched a crackdown", "launched a wave of arrests" are a COERCE, told by the noun, not an attack
        (a noun of the verb's own type tells the same act: the merge joins them)."""
        if verb.lemma_.lower() not in self.lex.words("light_verbs"):
            return False
        obj = self.args.object_token(verb)
        if obj is not None and obj.lemma_.lower() in self.lex.words("quantity_nouns"):
            obj = self.args.complement_of(obj)
        if obj is None or obj.pos_ != "NOUN":
            return False
        types = {e.type for form in forms(obj) for e in self.lex.index.get(form, ()) if e.pos == "noun"}
        return bool(types) and etype not in types

    def object_of(self, tok: Any) -> Any | None:
        if tok.dep_ == "acl" and self.args.agent_token(tok) is not None:
            return tok.head  # "les milices financées par le voisin": the noun is the patient
        patient = self.args.participle_patient(tok)
        if patient is not None:
            return patient  # "two guards killed at the gate": the noun is the patient
        obj = self.args.object_token(tok)
        if obj is not None:
            return self._antecedent(obj)
        if self.args.is_passive(tok):
            subj = self.args.subject_token(tok)
            return subj[0] if subj else None
        return None

    def in_class(self, name: str, tok: Any) -> bool:
        if tok.lower_ in self.lex.words("subject_pronouns"):  # "elle a été expulsée": what "elle" stands for
            ant = self.args.antecedent(tok)
            tok = ant if ant is not None and ant.i != tok.i else tok
        if self.lex.in_class(name, tok.lemma_.lower()):
            return True  # "des membres de l'ONG" are persons themselves
        if tok.pos_ == "NUM" or tok.lemma_.lower() in self.lex.words("quantity_nouns"):
            inner = self.args.complement_of(tok)  # "21 de ses membres", "des milliers de soldats"
            tok = inner if inner is not None else tok
        counted = next((c for c in tok.children if c.dep_ == "amod" and c.pos_ == "NOUN" and c.i == tok.i + 1), None)
        if counted is not None and any(c.dep_ == "nummod" for c in tok.children):
            tok = counted  # "deux cents soldats" parsed as "cents" with "soldats" as its adjective
        lemma, text = tok.lemma_.lower(), tok.lower_
        if self.lex.in_class(name, lemma) or self.lex.in_class(name, text):
            return True
        words = [t.lower_ for t in tok.subtree if t.i >= tok.i - 2 and t.i <= tok.i]
        if self.lex.in_class(name, " ".join(words)) or (
                len(words) == 3 and self.lex.in_class(name, " ".join(words[1:]))):
            return True  # "a car bomb", "a development assistance package" (the last two words)
        if tok.pos_ == "PROPN" and any(c.dep_ == "compound" and c.i < tok.i and self.lex.in_class(name, c.lower_)
                                       for c in tok.children):
            return True  # "Cyclone Rupa", "Hurricane Maria": what the name is the name of
        head = tok.head  # "le tremblement de terre qui a tué": the relative's antecedent is the complement
        if tok.dep_.startswith(("nmod", "pobj")) and 0 < tok.i - head.i <= 3 and self.lex.in_class(
                name, " ".join(t.lower_ for t in tok.doc[head.i:tok.i + 1]).replace("' ", "'")):
            return True
        inner = self.args.complement_of(tok)
        if inner is not None and 0 < inner.i - tok.i <= 3:  # "a state of emergency", "l'état d'urgence"
            if self.lex.in_class(name, " ".join(t.lower_ for t in tok.doc[tok.i:inner.i + 1]).replace("' ", "'")):
                return True
        if name in ("actor", "person", "state"):
            return tok.ent_type_ in ACTOR_LABELS or tok.pos_ in ("PROPN", "PRON")
        if name == "military":
            actor = self.args.resolve(tok)
            return actor is not None and actor.sector in ARMED_SECTORS
        if name == "place":
            return tok.ent_type_ in ("LOC", "GPE", "FAC") or self._apposed_place(tok)
        return False

    def _apposed_place(self, tok: Any) -> bool:
        """"Jarablus, dernière ville ...": a name followed by an apposed place noun is a place."""
        doc, i = tok.doc, tok.right_edge.i + 1
        if not (tok.pos_ == "PROPN" or tok.is_title) or i >= len(doc) or doc[i].text != ",":
            return False
        window = doc[i + 1:min(i + 4, sentence(tok).end)]
        return any(t.pos_ == "NOUN" and self.lex.in_class("place", t.lemma_) for t in window)

    @staticmethod
    def prep_complement(tok: Any, preps: tuple[str, ...] | list[str]) -> Any | None:
        """The noun the trigger governs through one of ``preps`` ("s'en sont pris aux gendarmes": the
        gendarmes), or None."""
        for c in tok.children:
            if c.dep_.split(":")[0] in ("obl", "nmod", "iobj") and any(
                    g.dep_ == "case" and _case_word(g) in preps for g in c.children):
                return c
        return None

    def particles(self, tok: Any, words: tuple[int, ...] = ()) -> set[str]:
        """Prepositions and markers governed by the trigger ("appeler à", "call for"); a multiword
        trigger governs them through any of its words ("are in close contact with")."""
        out: set[str] = set()
        heads = [tok] + [tok.doc[i] for i in words if i != tok.i]
        for c in [c for h in heads for c in h.children]:
            if self._when(c):
                continue  # "called a strike for Thursday", "appelé à 14 heures": a time, no complement
            if c.dep_ in ("prep", "prt", "agent", "dative", "mark", "case"):
                out.add(c.lower_)
            elif (c.dep_ == "advmod" or (c.dep_ == "obj" and c.pos_ == "ADV")) and any(
                    g.dep_.split(":")[0] in ("obl", "nmod") for g in c.children):
                out.add(c.lower_)  # "protesté auprès de la Chine": the parser reads "auprès" as an adverb (or
                # as the verb's object)
            for g in c.children:
                if g.dep_ in ("case", "mark", "fixed") and c.dep_ not in ("nsubj", "obj", "dobj"):
                    out.add(g.lower_.replace("’", "'"))
                if c.dep_ in ("obj", "dobj") and g.dep_ in ("acl", "xcomp"):
                    out |= {m.lower_ for m in g.children if m.dep_ in ("mark", "aux")}
                if c.dep_ == "xcomp" and g.dep_ == "aux" and g.lower_ == "to":
                    out.add("to")  # "declined to resign", "vowed to retaliate"
                if c.dep_ in ("obj", "dobj") and g.i > c.i and self.lex.in_class("penalty", g.lemma_.lower()):
                    # "a condamné l'ancien maire à cinq ans de prison": the parser hangs the penalty on
                    # the object; it is the verb's complement
                    out |= {m.lower_ for m in g.children if m.dep_ in ("case", "prep")}
        if "à" not in out and self._penalty_in_clause(tok):
            out.add("à")
        return {CONTRACTIONS.get(p, p) for p in out} | out

    def _when(self, tok: Any) -> bool:
        """A phrase that dates the act (its noun a date or time entity, or a time or month word, without
        a number of them): its preposition is no complement of the trigger."""
        noun = next((g for g in tok.children if g.dep_ == "pobj"), None) if tok.dep_ == "prep" else tok
        if noun is None or noun.dep_ == "ROOT" or any(c.dep_ == "nummod" for c in noun.children):
            return False  # "held for 72 days": a length of time tells a detention
        return noun.ent_type_ in ("DATE", "TIME") or noun.lemma_.lower() in self._times

    def _penalty_in_clause(self, tok: Any) -> bool:
        """A penalty "à ..." hung on a noun of the trigger's clause ("condamné par un tribunal à huit ans de
        prison", "a condamné X, ancien maire de Y, à deux ans"): the parser hangs it on the agent or on an
        apposition of the object; it is the verb's complement. Only nouns lie between it and the trigger."""
        for g in tok.subtree:
            if g.i <= tok.i or not self.lex.in_class("penalty", g.lemma_.lower()):
                continue
            if not any(m.dep_ == "case" and _case_word(m) == "à" for m in g.children):
                continue
            h = g.head
            while h.i != tok.i and h.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and h.head.i != h.i:
                h = h.head
            if h.i == tok.i:
                return True
        return False

    def reflexive(self, tok: Any) -> bool:
        return any(c.lower_ in REFLEXIVE for c in tok.children)

    # -- events -----------------------------------------------------------------------------
    def events(self, cand: Candidate, entry: Entry, sent: Any, sources: list[Arg], targets: list[Arg],
               how: str, mod: Modality) -> list[Event]:
        out: list[Event] = []
        # "X et Y ont signé un accord", "X and Y agreed to ...": one agreement, coded once per pair
        if entry.type in SYMMETRIC or entry.type == "AGREE":
            pairs = self.pairs(cand, entry, sent, sources, targets, how, mod)
            if pairs:
                return pairs
        sides: list[Arg | None] = list(sources) or [None]
        for src in sides:
            tgts: list[Arg | None] = [t for t in targets if src is None or t.actor.name != src.actor.name] or [None]
            for tgt in tgts:
                if len(out) >= MAX_PAIRS:
                    return out
                out.append(self.event(cand, entry, sent, src, tgt, how, mod))
        return out

    def pairs(self, cand: Candidate, entry: Entry, sent: Any, sources: list[Arg], targets: list[Arg],
              how: str, mod: Modality) -> list[Event]:
        """"X et Y ont fusionné": one event per pair of coordinated sources, the first named as source
        (guideline: X -> Y); none when a named "with Z" makes them one side, or when there is one source."""
        if len(sources) < 2 or any(self.args.strict(t) for t in targets):
            return []
        pairs = [(a, b) for i, a in enumerate(sources) for b in sources[i + 1:]]
        return [self.event(cand, entry, sent, a, replace(b, path="conj-partner"), how, mod)
                for a, b in pairs[:MAX_PAIRS]]

    def event(self, cand: Candidate, entry: Entry, sent: Any, src: Arg | None, tgt: Arg | None, how: str,
              mod: Modality) -> Event:
        target_path = _rule_path(tgt.path) if tgt else "none"
        rule = f"{self.lang}.{entry.type}.{entry.pos}.{_rule_path(src.path) if src else 'none'}-{target_path}"
        if how != "noun" and entry.pos == "noun":
            rule += f".{how}"
        return Event(
            article_id=self.analysis.article.id, language=self.lang, type=entry.type, mode=entry.mode,
            trigger=self.trigger_ref(cand), evidence=TextRef(span_text(sent), (sent.start_char, sent.end_char)),
            source=src.actor if src else None, target=tgt.actor if tgt else None,
            negated=mod.negated, hypothetical=mod.hypothetical,
            confidence=confidence(how, src, tgt, mod), coder=CODER, rule=rule,
            explanation=explain(entry, src, tgt, mod), nominal=entry.pos == "noun",
            source_found=found_by(src), target_found=found_by(tgt),
        )

    def trigger_ref(self, cand: Candidate) -> TextRef:
        """The trigger's words and span (its auxiliaries in front included); once per candidate."""
        key = (cand.head.i, cand.tokens)
        ref = self._refs.get(key)
        if ref is None:
            ref = self._refs[key] = self._trigger_ref(cand)
        return ref

    def _trigger_ref(self, cand: Candidate) -> TextRef:
        doc = self.analysis.doc
        idx = set(cand.tokens)
        if cand.head.pos_ in ("VERB", "AUX", "ADJ"):
            idx |= {c.i for c in cand.head.children if c.dep_.startswith("aux") and c.i < cand.head.i}
        lo, hi = doc[min(idx)], doc[max(idx)]
        start, end = lo.idx, hi.idx + len(hi.text)
        if self._text is None:
            self._text = doc_text(doc)  # Doc.text joins every token: build it once per article
        return TextRef(self._text[start:end], (start, end))


def contest_article(doc: Any, words: frozenset[str]) -> bool:
    """The article is about a contest (sport, markets, shows): at least ``CONTEST_MIN`` distinct ``words``
    (by lemma or form: "la Bourse de Paris", "le CAC 40" too), one word in ``CONTEST_SPAN`` or fewer. There
    "l'offensive", "la frappe", "a riposté" are plays of a team, moves of a firm, the effect of a film; a
    long report that names a match, a shop's windows and a football shirt in passing is no contest."""
    if doc is None or not words:
        return False
    tokens = [t for t in doc if not (t.is_punct or t.is_space)]
    hits = [t.lemma_.lower() if t.lemma_.lower() in words else t.lower_ for t in tokens
            if t.lower_ in words or t.lemma_.lower() in words]
    return len(set(hits)) >= CONTEST_MIN and len(hits) * CONTEST_SPAN >= len(tokens)


def _participle_as_noun(tok: Any) -> bool:
    """A participle with its own determiner standing as a subject or an object ("le prévenu a nié", "ont
    libéré les détenus"): the parser tags it as a verb, it names a role."""
    return tok.pos_ in ("VERB", "ADJ") and tok.dep_ in ("nsubj", "nsubj:pass", "obj") \
        and "Part" in tok.morph.get("VerbForm") and any(c.dep_ == "det" and c.i < tok.i for c in tok.children)


def _sourceless_rejection(ev: Event, judge: Judge, why: str = "") -> Rejection:
    reason = why or f"judge {ev.confidence:.2f} < {judge.null_threshold:.2f}"
    return Rejection(sentence=ev.evidence.span, trigger=ev.trigger, type=ev.type,
                     reason=f"not an event (no source; {reason})")


def _past_act(clause: Any) -> bool:
    """A complement telling a past act: a perfect infinitive ("n'avoir pas tiré"), a past tense ("qu'il
    n'a jamais dit", "qu'il n'avait pas su")."""
    auxes = [c for c in clause.children if c.dep_.startswith("aux")]
    perfect = any("Inf" in a.morph.get("VerbForm") for a in auxes)  # an auxiliary in the infinitive
    if perfect or "Inf" in clause.morph.get("VerbForm"):
        return perfect
    return any({"Past", "Imp", "Pqp"} & set(v.morph.get("Tense")) for v in [clause, *auxes])


def _alleged(analysis: Analysis, ev: Event, accusing_verbs: frozenset[str]) -> bool:
    """Whether the event's verb is what someone is accused of ("accused by the opposition of burning a
    depot"): an accusing verb among its five nearest governors (the parser may hang the "of" on the
    accuser's agent: "accused by the harbour police of burning")."""
    doc = analysis.doc
    span = doc.char_span(*ev.trigger.span, alignment_mode="expand") if doc is not None else None
    if span is None:
        return False
    return any(t.lemma_.lower() in accusing_verbs for t in islice(span.root.ancestors, 5))


def unattributed(kept: list[Event], pending: list[Event]) -> tuple[list[Event], list[tuple[Event, str]]]:
    """Acts of a type that counts with no agent ("the offices were attacked", "a bomb exploded"), told by a
    verb (a noun names a state or a background act as often as the news: "the war", "in the wake of the
    execution"), which neither their clause nor the article attributes, and which the judge holds to be
    events (the event threshold): when the article names the author of no factual act of that type, its
    most likely telling is kept with ``source: null`` (rule suffix ``+unattributed``); the other tellings
    are most often the same act told again, and stay rejections. When an act of the type has an author,
    an unattributed telling is most often that act retold, and is not kept.
    Returns the events kept and the others with the reason they are not."""
    authored = {ev.type for ev in kept if ev.source is not None and not (ev.negated or ev.hypothetical)}
    best: dict[str, Event] = {}
    for ev in pending:
        if ev.type not in authored and (ev.type not in best or ev.confidence > best[ev.type].confidence):
            best[ev.type] = ev
    found: list[Event] = []
    turned: list[tuple[Event, str]] = []
    for ev in pending:
        if ev.type in authored:
            turned.append((ev, f"the article names the author of an {ev.type}"))
        elif best[ev.type] is ev:
            found.append(replace(ev, rule=ev.rule + "+unattributed", explanation=(
                f"{ev.explanation[:-1]}; no author named in the article: kept with no source.")))
        else:
            turned.append((ev, "another unattributed telling kept"))
    return found, turned


def retold_author(ev: Event, retold: tuple[Event, ...]) -> Event:
    """An unattributed telling ("a bomb exploded in a bar, injuring 26 people") whose act the article tells
    again with its author ("police blamed the attack on the rebels", "the bombing was carried out by X"):
    that author is its source, marked ``inferred: "context"`` (rule suffix ``+retold``); the nearest such
    retelling after it, else before it. Only for a telling kept with no source (:func:`unattributed`): the
    article then names the author of no act of the type."""
    same = [r for r in retold if r.type == ev.type and r.source is not None]
    after = [r for r in same if r.trigger.span[0] > ev.trigger.span[0]]
    before = [r for r in same if r.trigger.span[0] < ev.trigger.span[0]]
    other = after[0] if after else before[-1] if before else None
    if other is None or other.source is None:
        return ev
    return replace(ev, source=replace(other.source, inferred="context"), rule=ev.rule + "+retold",
                   source_found=Found.CONTEXT,
                   explanation=f"{ev.explanation[:-1]}; its author from the act told again: '{other.source.text}' "
                               f"('{other.trigger.text}').")


def implied_agent(ev: Event) -> Event:
    """An act that implies its agent, when neither its clause nor the article gives one ("un militant a
    été interpellé": by the police; "condamné à deux ans": by a court), marked ``inferred: "implied"``
    (the trigger's words stand for it); other events are returned as they are."""
    if ev.source is not None or ev.mode not in IMPLIED_AGENTS:
        return ev
    name, sector = IMPLIED_AGENTS[ev.mode]
    actor = Actor(text=ev.trigger.text, name=name, span=ev.trigger.span, sector=sector, inferred="implied")
    return replace(ev, source=actor, source_found=Found.IMPLICIT, rule=ev.rule + "+implied",
                   explanation=f"{ev.explanation[:-1]}; source implied by the act: {name}.")


def promise(ev: Event) -> Event:
    return replace(ev, type="AGREE", mode=None, hypothetical=False, rule=ev.rule + ".promise",
                   confidence=round(ev.confidence * PROMISE_FACTOR / FLAGGED_FACTOR, 3),
                   explanation=f"{ev.explanation} Announced for the future: an AGREE (promise of {ev.type}).")


def refusal(ev: Event) -> Event:
    return replace(ev, type="REJECT", mode=None, negated=False, rule=ev.rule + ".refusal",
                   confidence=round(ev.confidence / FLAGGED_FACTOR, 3),
                   explanation=f"{ev.explanation} A negated agreement: a REJECT.")


def threat(ev: Event) -> Event:
    mode = THREAT_MODES.get(ev.mode or "", THREAT_MODES.get(ev.type))
    return replace(ev, type="THREATEN", mode=mode, hypothetical=False, rule=ev.rule + ".threat",
                   confidence=round(ev.confidence * PROMISE_FACTOR / FLAGGED_FACTOR, 3),
                   explanation=f"{ev.explanation} Announced for the future: a THREATEN (threat of {ev.type}).")


GOVERNED = ("ccomp", "xcomp", "advcl", "acl", "obj", "nmod", "obl")  # clauses whose governor the judge sees


def _kind(actor: Actor) -> str:
    return "state" if actor.is_state else "known" if actor.kb_id else \
        "sector" if actor.sector else "text"


def _case_word(tok: Any) -> str:
    """A case marker's preposition, contractions undone ("aux" -> "à", "d'" -> "de")."""
    word = tok.lower_.replace("’", "'")
    return CONTRACTIONS.get(word, word)


def _conjuncts(tok: Any) -> list[Any]:
    """The nouns coordinated with ``tok`` ("a fisheries and trade pact" read as two objects)."""
    return [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]


def _sentence_index(starts: list[int], start: int) -> int:
    return max(0, bisect_right(starts, start) - 1)


def found_by(arg: Arg | None) -> Found | None:
    """How an argument was found, from the finder's path ("nsubj=coref", "inferred-state-of-place")."""
    if arg is None:
        return None
    if arg.path.startswith("inferred-state-of-place"):
        return Found.PLACE
    if arg.path.startswith("inferred"):
        return Found.INFERRED
    if arg.path.startswith("implicit"):
        return Found.IMPLICIT
    return Found.COREFERENCE if "coref" in arg.path else Found.CLAUSE


def _specific(entry: Entry) -> bool:
    """A sense that asks something of its complements (an object class, a preposition)."""
    return bool(entry.objclass or entry.prep)


def _rule_path(path: str) -> str:
    base = path.replace(":", "_").replace("<", "-").replace(">", "-").replace("=", "-")
    return base.replace("nsubj_pass", "nsubjpass").replace("obl_agent", "agent")


def confidence(voice: str, src: Arg | None, tgt: Arg | None, mod: Modality) -> float:
    """rule reliability x argument completeness x modality (see docs/coding.md)."""
    value = BASE_RELIABILITY.get(voice, 0.65) * (src.reliability if src else NO_SOURCE_RELIABILITY)
    if src is not None and any(k in src.path for k in INDIRECT):
        value *= INDIRECT_FACTOR
    if tgt is None:
        value *= NO_TARGET_FACTOR
    if not mod.factual:
        value *= FLAGGED_FACTOR
    return round(value, 3)


def explain(entry: Entry, src: Arg | None, tgt: Arg | None, mod: Modality) -> str:
    text = (f"{entry.type}{'/' + entry.mode if entry.mode else ''} from the {entry.pos} '{entry.lemma}'; "
            + (f"source '{src.actor.text}' via {src.path}" if src else "no source named"))
    text += f"; target '{tgt.actor.text}' via {tgt.path}" if tgt else "; no target"
    if mod.negated:
        text += f"; negated ({mod.cue})"
    if mod.hypothetical:
        text += f"; hypothetical ({mod.cue})"
    return text + "."

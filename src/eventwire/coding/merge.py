"""One event per occasion: merge the duplicates the coder emits inside one article.

Two events are the same occasion when they have the same type, the same flags, the same
source (canonical name, or country for states) and compatible targets (equal, or one
missing), and either their triggers overlap, or they come from the same sentence (within
150 characters, or naming the same kind of act), or
they share a date stated in both sentences, or one tells in a participle clause what the other
did ("ambushed a convoy, killing four soldiers and destroying two trucks", whatever the targets),
or one is a nominal restatement of the other
(a noun trigger naming the same kind of act: same mode or trigger word) with no
conflicting date or place, or both tell a material act (attack, arrest, protest, deployment) of the
same source at the same place on the same day within ``SCENE_CHARS``. The best-evidenced record is
kept (highest confidence, then the most complete fields); the merge is noted in its ``explanation`` and the dropped
record becomes a ``Rejection``; when it stood in another sentence, its trigger and sentence stay on the
kept event as a ``Mention`` (one occasion told in three sentences is one event with three evidence spans).

A retelling may also name no source of its own (none, or one inferred from the article) while the first
telling names one: it is the same occasion when it names the same kind of act (same mode or trigger
word), or is a definite noun after it ("Des soldats ont bombardé le village. ... L'attaque a fait trois
morts": the article's determiner names the act told before), within ``RETOLD_CHARS``, with compatible targets
and no place or date that tells them apart; the telling that names its source is kept.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..languages import shipped
from ..records import Actor, Analysis, Event, Mention, Place, Rejection, TextRef

if TYPE_CHECKING:
    from ..pipeline import Resources

NEAR_CHARS = 150
RETOLD_CHARS = 600  # how far a retelling may be from the first telling
SCENE_CHARS = 2000  # how far one scene's act may be told again (``_same_scene``): about three paragraphs
# material acts, told as a result, an act and a noun of one scene; statements of one day are often several
SCENE_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})


class MergeStage:
    """Pipeline stage ``merge``: reads and writes ``events`` (and adds rejections)."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, analysis: Analysis) -> Analysis:
        art = analysis.article
        title_end = art.title_end
        kept, dropped = merge_events(analysis.events, title_end)
        kept = [_with_retellings(ev, analysis.rejections, art.text, title_end) for ev in kept]
        rejections = tuple(
            Rejection(sentence=old.evidence.span, trigger=old.trigger, type=old.type,
                      reason=f"duplicate merged into event {new.event_id} ({new.trigger.text!r})")
            for old, new in dropped)
        return replace(analysis, events=tuple(kept), rejections=analysis.rejections + rejections)


def _with_retellings(ev: Event, rejections: tuple[Rejection, ...], text: str, title_end: int) -> Event:
    """The event with the later tellings the judge turned down as events of their own ("The shelling
    lasted three hours": no source, so not an event alone) listed as its mentions: same type, the same
    kind of act (trigger word), in a later sentence within ``RETOLD_CHARS``."""
    if ev.negated or ev.hypothetical or ev.trigger.span[1] <= title_end:
        return ev
    start, head = ev.trigger.span[0], _head_word(ev)
    found = [Mention(r.trigger, TextRef(text[r.sentence[0]:r.sentence[1]], r.sentence)) for r in rejections
             if r.type == ev.type and r.reason.startswith("not an event") and r.sentence[0] >= ev.evidence.span[1]
             and r.trigger.span[0] - start <= RETOLD_CHARS and _word_head(r.trigger.text) == head]
    return replace(ev, mentions=_tellings([*ev.mentions, *found], ev.evidence.span)) if found else ev


def _tellings(mentions: list[Mention], own: tuple[int, int]) -> tuple[Mention, ...]:
    """``mentions`` outside the event's own sentence ``own``, one per trigger, in text order."""
    by_trigger = {m.trigger.span: m for m in mentions if m.evidence.span != own}
    return tuple(sorted(by_trigger.values(), key=lambda m: m.trigger.span))


def merge_events(events: tuple[Event, ...] | list[Event],
                 title_end: int = 0) -> tuple[list[Event], list[tuple[Event, Event]]]:
    """(kept events in text order, [(dropped, kept-into)]). ``title_end``: where the headline that
    opens the text ends (0: none); a headline event merges into the body event it announces."""
    kept: list[Event] = []
    dropped: list[tuple[Event, Event]] = []
    for ev in sorted(events, key=lambda e: (_in_title(e, title_end), *_rank(e))):
        twin = next((k for k in kept if same_occasion(k, ev) or _headline_of(ev, k, title_end)), None)
        if twin is None:
            kept.append(ev)
            continue
        better = _absorb(ev, twin) if _open_source(twin) and not _open_source(ev) else _absorb(twin, ev)
        kept[kept.index(twin)] = better
        dropped.append((ev, better))
    return sorted(kept, key=lambda e: e.trigger.span), dropped


def _rank(ev: Event) -> tuple[float, int, int]:
    """Best first: confidence, then completeness, then text order."""
    return (-ev.confidence, -_completeness(ev), ev.trigger.span[0])


def _completeness(ev: Event) -> int:
    return sum(x is not None for x in (ev.source, ev.target, ev.location, ev.date, ev.mode))


def actor_key(actor: Actor | None) -> str:
    if actor is None:
        return ""
    return (actor.name or actor.text).casefold()


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return a is b
    if actor_key(a) == actor_key(b):
        return True
    return a.country is not None and a.country == b.country and a.sector == b.sector == "GOV"


def _compatible_target(a: Event, b: Event) -> bool:
    return (a.target is None or b.target is None or _same_actor(a.target, b.target)
            or _generic_within(a.target, b.target) or _generic_within(b.target, a.target))


def _generic_within(generic: Actor, named: Actor) -> bool:
    """An unnamed target whose words the other target's phrase holds: "killing 12 militants" after
    "clashed with suspected ISGS militants" (the group the first phrase names)."""
    if generic.kb_id is not None or not generic.name:
        return False
    return f" {generic.name.casefold()} " in f" {' '.join(named.text.casefold().split())} "


def same_occasion(a: Event, b: Event) -> bool:
    if (a.type, a.negated, a.hypothetical) != (b.type, b.negated, b.hypothetical):
        return False
    if (_names_the_act(a, b) or _names_the_act(b, a) or _result_of(a, b) or _result_of(b, a)) \
            and _same_actor(a.source, b.source):
        return True
    if not _compatible_target(a, b):
        return False
    if not _same_actor(a.source, b.source):
        return _retold(a, b)
    if _overlap(a.trigger.span, b.trigger.span):
        # one trigger, two sources the text names apart (a list: "condemned by X, Y and Z"): two
        # acts, even when both speak for one state
        return actor_key(a.source) == actor_key(b.source) or not _listed_apart(a, b)
    if a.evidence.span == b.evidence.span and (_near(a, b) or _restates(a, b)):
        return True
    if _dated_here(a) and _dated_here(b):
        return a.date is not None and b.date is not None and a.date.value == b.date.value
    if a.location is not None and b.location is not None and _places_conflict(a.location, b.location):
        return False
    return ((a.nominal or b.nominal) and _restates(a, b)) or _same_scene(a, b)


def _same_scene(a: Event, b: Event) -> bool:
    """One act told again in other words a few paragraphs on: a material act (an attack, an arrest, a
    protest, a deployment) of the same source, named alike, at the same place on the same day ("Un
    passant a été tué par balle lundi à Marseille. ... Deux hommes ont tiré depuis une voiture");
    the caller has checked that both have one type and flags and compatible targets."""
    if a.type not in SCENE_TYPES or a.source is None or b.source is None or actor_key(a.source) != actor_key(b.source):
        return False
    if a.location is None or b.location is None or a.location.name != b.location.name:
        return False
    return a.date is not None and b.date is not None and a.date.value == b.date.value \
        and abs(a.trigger.span[0] - b.trigger.span[0]) <= SCENE_CHARS


def _names_the_act(a: Event, b: Event) -> bool:
    """``a``'s object is the act ``b`` tells by its noun: "NATO imposed [a naval blockade] on the country",
    "l'armée a lancé [une offensive] contre la ville" (one act, whose target is the noun's)."""
    return a.target is not None and b.nominal and a.evidence.span == b.evidence.span \
        and _overlap(a.target.span, b.trigger.span)


def _result_of(a: Event, b: Event) -> bool:
    """``b`` tells in a participle clause hung on ``a``'s verb what ``a`` did, its subject being ``a``'s
    ("ambushed a convoy, killing four soldiers and destroying two trucks", "a attaqué le poste, tuant
    deux gendarmes"): one act, whatever each clause names as its target."""
    return a.evidence.span == b.evidence.span and a.trigger.span[1] <= b.trigger.span[0] \
        and b.rule_path.startswith(("advcl-", "conj-advcl-")) and not a.rule_path.startswith("advcl-")


def _listed_apart(a: Event, b: Event) -> bool:
    """Both sources named in the clause itself, at different places of the text (not inferred)."""
    return a.source is not None and b.source is not None and not a.source.inferred and not b.source.inferred \
        and not _overlap(a.source.span, b.source.span)


SAME_PLACE_KM = 50.0
_COARSE = ("admin1", "country")


def _places_conflict(a: Place, b: Place) -> bool:
    """Two locations that cannot be one occasion's: other countries, or two precise places over
    ``SAME_PLACE_KM`` apart. A city and its region or country, or two spellings of one place, agree."""
    if a.country and b.country and a.country != b.country:
        return True
    if a.precision in _COARSE or b.precision in _COARSE:
        return False
    if None in (a.lat, a.lon, b.lat, b.lon):
        return a.name != b.name
    return _km(a, b) > SAME_PLACE_KM


def _km(a: Place, b: Place) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _in_title(ev: Event, title_end: int) -> bool:
    return ev.trigger.span[1] <= title_end


def _headline_of(title_ev: Event, body: Event, title_end: int) -> bool:
    """"Renzi démissionne" (headline) announces "Matteo Renzi a démissionné" (body): same type and
    flags, the same source (or one name inside the other, or either one the dictionary does not know),
    whatever the targets: a headline words them shortly."""
    if not _in_title(title_ev, title_end) or _in_title(body, title_end):
        return False
    if (title_ev.type, title_ev.negated, title_ev.hypothetical) != (body.type, body.negated, body.hypothetical):
        return False
    return (_same_actor(title_ev.source, body.source) or _name_inside(title_ev.source, body.source)
            or _unresolved(title_ev.source) or _unresolved(body.source))


def _unresolved(a: Actor | None) -> bool:
    """An actor the dictionary does not know (no id, no country): a headline's "le président Jammeh"
    may be the body's "Yahya Jammeh"."""
    return a is not None and not (a.kb_id or a.country)


def _name_inside(a: Actor | None, b: Actor | None) -> bool:
    """One name's words all inside the other's ("Renzi" / "Matteo Renzi")."""
    if a is None or b is None:
        return False
    wa, wb = set(re.findall(r"\w+", actor_key(a))), set(re.findall(r"\w+", actor_key(b)))
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _near(a: Event, b: Event) -> bool:
    """Triggers close enough to be one clause's words (long "sentences" are often two)."""
    return abs(a.trigger.span[0] - b.trigger.span[0]) <= NEAR_CHARS


def _dated_here(ev: Event) -> bool:
    """The event's own sentence states its date (not a date inherited from the article)."""
    if ev.date is None:
        return False
    lo, hi = ev.evidence.span
    return lo <= ev.date.span[0] < hi


def _restates(a: Event, b: Event) -> bool:
    """A restatement names the same kind of act: same mode, or the same trigger word."""
    if a.mode is not None and a.mode == b.mode:
        return True
    return _head_word(a) == _head_word(b)


def _head_word(ev: Event) -> str:
    return _word_head(ev.trigger.text)


def _word_head(trigger: str) -> str:
    words = re.findall(r"\w+", trigger.casefold())
    return words[-1][:5] if words else ""


def _open_source(ev: Event) -> bool:
    """No source stated in the event's own clause: none, or one inferred from the article."""
    return ev.source is None or ev.source.inferred is not None


def _retold(a: Event, b: Event) -> bool:
    """One occasion told again in another sentence, the second telling naming no source of its own
    ("Des hommes armés ont attaqué le poste. ... L'attaque a fait trois morts."): the same kind of
    act or a definite noun after the first telling (:func:`_anaphoric`), no place or date that tells them
    apart."""
    if _open_source(a) == _open_source(b) or a.evidence.span == b.evidence.span:
        return False
    if a.location is not None and b.location is not None and _places_conflict(a.location, b.location):
        return False
    if a.date is not None and b.date is not None and a.date.value != b.date.value:
        return False
    opened, told = (a, b) if _open_source(a) else (b, a)
    return (_restates(a, b) or _anaphoric(opened, told)) and abs(a.trigger.span[0] - b.trigger.span[0]) <= RETOLD_CHARS


DEFINITE = shipped().union("coding", "definite_determiners")  # "l'attaque", "cette frappe", "the raid"


def _anaphoric(ev: Event, before: Event) -> bool:
    """``ev`` is a definite noun after ``before`` ("l'attaque", "cette frappe"): it names the act told before."""
    if not ev.nominal or ev.trigger.span[0] < before.trigger.span[0]:
        return False
    words = re.findall(r"\w+['’]?", ev.evidence.text[:ev.trigger.span[0] - ev.evidence.span[0]].casefold())
    return bool(words) and words[-1] in DEFINITE


def _overlap(x: tuple[int, int], y: tuple[int, int]) -> bool:
    return x[0] < y[1] and y[0] < x[1]


def _absorb(keep: Event, other: Event) -> Event:
    """The kept record, completed with the other's missing fields, the other telling (and those it had
    absorbed) listed in ``mentions`` when it stands in another sentence, the merge noted."""
    if _names_the_act(keep, other):  # the verb's object is the act: its target is the noun's
        keep = replace(keep, target=other.target, target_found=other.target_found)
    note = f" Merged with '{other.trigger.text}' at {other.trigger.span[0]} (same occasion)."
    mentions = _tellings([*keep.mentions, *other.mentions, Mention(other.trigger, other.evidence)],
                         keep.evidence.span)
    return replace(
        keep, target=keep.target or other.target, location=keep.location or other.location,
        target_found=keep.target_found if keep.target is not None else other.target_found,
        date=keep.date or other.date, mode=keep.mode or other.mode, mentions=mentions,
        explanation=keep.explanation + note)

"""Typed records, one per level, shared by every stage.

Records import nothing else from eventwire. They are frozen: a stage that enriches
an :class:`Analysis` returns a new one (``dataclasses.replace``). Every span is a
``(start, end)`` pair of character offsets into ``Article.text`` (end exclusive).

``Event.to_dict()`` produces exactly the record described in ``SCHEMA.md``
(``eventwire.event/1``); ``Event.from_dict()`` reads it back, so events round-trip
through JSONL and the store.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

SCHEMA = "eventwire.event/1"
QUOTE_SCHEMA = "eventwire.quote/1"

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
ATTRIBUTION_KINDS: tuple[str, ...] = ("named", "anonymous", "media", "author")
DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")
PLACE_PRECISIONS: tuple[str, ...] = ("facility", "city", "admin1", "country")

Span = tuple[int, int]


def _span(value: Any) -> Span | None:
    return None if value is None else (int(value[0]), int(value[1]))


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


class _Record:
    """Mixin: plain-dict conversion for the frozen dataclasses below."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]
            v = getattr(self, f.name)
            if isinstance(v, _Record):
                v = v.to_dict()
            elif isinstance(v, tuple) and f.name == "span":
                v = list(v)
            elif isinstance(v, tuple):
                v = [x.to_dict() if isinstance(x, _Record) else x for x in v]
            out[f.name] = v
        return out


@dataclass(frozen=True, slots=True)
class Article(_Record):
    """One input document after reading and cleaning.

    ``text`` is the text that every span indexes (for HTML: the text trafilatura
    extracted, which the store keeps). ``published`` is an ISO date string
    (``YYYY-MM-DD``) or None.
    """

    id: str
    text: str
    language: str | None = None
    published: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    source: str | None = None  # where it was read from: a path, "stdin", "path.jsonl:12"
    content_hash: str = ""
    warnings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.content_hash:
            digest = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
            object.__setattr__(self, "content_hash", digest)

    @property
    def title_end(self) -> int:
        """Where the headline ends when the text opens with it (0 when it does not)."""
        return len(self.title) if self.title and (self.text or "").startswith(self.title) else 0


STATE_PREFIX = "state:"  # the actor dictionary's id of a state: "state:MLI"


def state_id(iso3: str) -> str:
    """The actor dictionary's id of the state ``iso3`` ("MLI" -> "state:MLI")."""
    return f"{STATE_PREFIX}{iso3}"


@dataclass(frozen=True, slots=True)
class Actor(_Record):
    """An actor as the text names it, resolved where possible.

    ``text`` is the surface form; ``name`` the canonical (English) name;
    ``country`` ISO 3166-1 alpha-3 or None; ``sector`` a code from
    ``docs/sectors.md`` (GOV, MIL, REB, ...); ``kb_id`` the actor dictionary id.
    ``inferred`` is None when the event's own clause names the actor; otherwise how it was
    inferred from the rest of the article (``"coreference"``, ``"counterpart"``, ``"context"``, or
    ``"implied"`` by the act itself: an arrest's police; see
    ``docs/coding.md``). It is left out of the record when None.
    """

    text: str
    name: str
    span: Span
    country: str | None = None
    sector: str | None = None
    kb_id: str | None = None
    inferred: str | None = None

    @property
    def is_state(self) -> bool:
        """The actor is a state itself, named by its name or its people's adjective (dictionary id
        ``state:<ISO3>``)."""
        return (self.kb_id or "").startswith(STATE_PREFIX)

    def to_dict(self) -> dict[str, Any]:
        d = _Record.to_dict(self)
        if d["inferred"] is None:
            del d["inferred"]
        return d


@dataclass(frozen=True, slots=True)
class Place(_Record):
    """A place mention resolved in the gazetteer."""

    text: str
    name: str
    span: Span
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None  # facility | city | admin1 | country
    gazetteer_id: str | None = None


@dataclass(frozen=True, slots=True)
class When(_Record):
    """A date mention resolved to an ISO value with a precision.

    ``flags`` records what the resolver noticed, e.g. ``"weekday-mismatch"``.
    """

    text: str
    value: str
    precision: str  # day | week | month | year
    span: Span
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TextRef(_Record):
    """A piece of text with its span: a trigger, a piece of evidence, a quote."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Speaker(_Record):
    """Who speaks: surface text, resolved name, and the actor behind it if known."""

    text: str
    name: str
    span: Span
    role: str | None = None          # "porte-parole", "spokesman"
    actor: Actor | None = None       # the organisation or state the speaker speaks for


@dataclass(frozen=True, slots=True)
class Attribution(_Record):
    """According to whom an event is reported (SCHEMA.md ``attribution``)."""

    kind: str  # named | anonymous | media | author
    speaker: Speaker | None = None
    via: Speaker | None = None       # a relaying outlet ("citée par al-Maaloumah")
    quote: TextRef | None = None


@dataclass(frozen=True, slots=True)
class Quote(_Record):
    """A direct or indirect statement, with who made it and how."""

    article_id: str
    text: str
    span: Span
    kind: str                        # named | anonymous | media | author
    direct: bool = True
    speaker: Speaker | None = None
    via: Speaker | None = None
    channel: TextRef | None = None   # "dans un communiqué"
    cue: TextRef | None = None       # the reporting verb or phrase ("a déclaré", "selon")

    @property
    def quote_id(self) -> str:
        return stable_id(self.article_id, "quote", self.span[0], self.span[1])

    def to_dict(self) -> dict[str, Any]:
        return {"schema": QUOTE_SCHEMA, "quote_id": self.quote_id, **_Record.to_dict(self)}


class Found(StrEnum):
    """How the coder found an event's source or target: what later stages read, instead of a rule name.

    Not part of the event record (``to_dict``); a stage-to-stage fact about one run."""

    CLAUSE = "clause"            # a grammatical relation of the trigger's clause (subject, object, agent, ...)
    COREFERENCE = "coreference"  # a pronoun or definite description resolved to an antecedent
    IMPLICIT = "implicit"        # the actor a noun implies ("une vague de manifestations": protesters)
    INFERRED = "inferred"        # inferred by a rule: the adversary of a named side
    PLACE = "place"              # the state of the place the event names ("l'exécution de X en Arabie saoudite")
    CONTEXT = "context"          # chosen from the article by the context model (context_source)
    COUNTERPART = "counterpart"  # the counterparts stage's inference (the source's adversary, the owner)


@dataclass(frozen=True, slots=True)
class Mention(_Record):
    """Another telling of an event in the same article ("L'attaque a fait trois morts" after "Des
    hommes armés ont attaqué le poste"): its trigger and its sentence, merged into the event."""

    trigger: TextRef
    evidence: TextRef


@dataclass(frozen=True, slots=True)
class Event(_Record):
    """One coded PLOVER event, every value traceable to the text."""

    article_id: str
    language: str
    type: str
    trigger: TextRef
    evidence: TextRef
    mode: str | None = None
    source: Actor | None = None
    target: Actor | None = None
    location: Place | None = None
    date: When | None = None
    attribution: Attribution | None = None
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 0.5
    coder: str = "rules/1"
    rule: str = ""
    explanation: str = ""
    mentions: tuple[Mention, ...] = ()  # the other tellings merged into this one, in text order
    # stage-to-stage facts (not in the record, not compared): the trigger is a noun; how the source and
    # the target were found (None: no such argument)
    nominal: bool = field(default=False, compare=False)
    source_found: Found | None = field(default=None, compare=False)
    target_found: Found | None = field(default=None, compare=False)

    def found(self, *ways: Found) -> bool:
        """The source or the target was found in one of ``ways``."""
        return self.source_found in ways or self.target_found in ways

    @property
    def rule_path(self) -> str:
        """The argument paths of the rule name ("fr.ASSAULT.verb.nsubj-obj.light-verb" -> "nsubj-obj"): the
        source's path, a dash, the target's."""
        parts = self.rule.split(".")
        return parts[3] if len(parts) > 3 else ""

    @property
    def event_id(self) -> str:
        return stable_id(
            self.article_id, self.type, self.trigger.span[0], self.trigger.span[1],
            self.source.name if self.source else "", self.target.name if self.target else "",
            self.coder,
        )

    def to_dict(self) -> dict[str, Any]:
        """The SCHEMA.md record, keys in the documented order."""
        d = _Record.to_dict(self)
        out = {"schema": SCHEMA, "event_id": self.event_id}
        for key in ("article_id", "language", "type", "mode", "source", "target", "location",
                    "date", "trigger", "evidence", "attribution", "negated", "hypothetical",
                    "confidence", "coder", "rule", "explanation", "mentions"):
            out[key] = d[key]
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            article_id=str(d["article_id"]), language=d.get("language") or "",
            type=d["type"], mode=d.get("mode"),
            trigger=_required_textref(d["trigger"]), evidence=_required_textref(d["evidence"]),
            source=_actor(d.get("source")), target=_actor(d.get("target")),
            location=_place(d.get("location")), date=_when(d.get("date")),
            attribution=_attribution(d.get("attribution")),
            negated=bool(d.get("negated")), hypothetical=bool(d.get("hypothetical")),
            confidence=float(d.get("confidence", 0.5)), coder=d.get("coder", "rules/1"),
            rule=d.get("rule", ""), explanation=d.get("explanation", ""),
            mentions=tuple(Mention(_required_textref(m["trigger"]), _required_textref(m["evidence"]))
                           for m in d.get("mentions") or ()),
        )


def _textref(d: dict[str, Any] | None) -> TextRef | None:
    return None if d is None else _required_textref(d)


def _required_textref(d: dict[str, Any]) -> TextRef:
    return TextRef(d["text"], _span(d["span"]) or (0, 0))


def _actor(d: dict[str, Any] | None) -> Actor | None:
    if d is None:
        return None
    return Actor(text=d["text"], name=d.get("name") or d["text"], span=_span(d["span"]) or (0, 0),
                 country=d.get("country"), sector=d.get("sector"), kb_id=d.get("kb_id"),
                 inferred=d.get("inferred"))


def _place(d: dict[str, Any] | None) -> Place | None:
    if d is None:
        return None
    keys = ("country", "admin1", "lat", "lon", "precision", "gazetteer_id")
    return Place(text=d["text"], name=d.get("name") or d["text"], span=_span(d["span"]) or (0, 0),
                 **{k: d.get(k) for k in keys})


def _when(d: dict[str, Any] | None) -> When | None:
    if d is None:
        return None
    return When(text=d["text"], value=d["value"], precision=d["precision"],
                span=_span(d["span"]) or (0, 0), flags=tuple(d.get("flags", ())))


def _speaker(d: dict[str, Any] | None) -> Speaker | None:
    if d is None:
        return None
    return Speaker(text=d["text"], name=d.get("name") or d["text"], span=_span(d["span"]) or (0, 0),
                   role=d.get("role"), actor=_actor(d.get("actor")))


def _attribution(d: dict[str, Any] | None) -> Attribution | None:
    if d is None:
        return None
    return Attribution(kind=d["kind"], speaker=_speaker(d.get("speaker")), via=_speaker(d.get("via")),
                       quote=_textref(d.get("quote")))


def quote_from_dict(d: dict[str, Any]) -> Quote:
    return Quote(article_id=str(d["article_id"]), text=d["text"], span=_span(d["span"]) or (0, 0),
                 kind=d["kind"], direct=bool(d.get("direct", True)), speaker=_speaker(d.get("speaker")),
                 via=_speaker(d.get("via")), channel=_textref(d.get("channel")), cue=_textref(d.get("cue")))


def stable_id(*parts: object) -> str:
    """A short deterministic id: same parts, same id, on every machine."""
    raw = json.dumps([str(p) for p in parts], ensure_ascii=False)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Rejection(_Record):
    """A candidate the coder looked at and did not emit, with the reason (for ``explain``)."""

    sentence: Span
    trigger: TextRef
    type: str
    reason: str


@dataclass(frozen=True, slots=True)
class DocumentError(_Record):
    """Why one document was not processed. Recorded, never raised across a batch."""

    article_id: str
    stage: str       # read | clean | langid | parse | extract | store
    code: str        # an error code from eventwire.errors, e.g. "E101"
    message: str
    source: str | None = None


@dataclass(frozen=True)
class Analysis:
    """The working record that flows through the stages for one article.

    ``doc`` is the spaCy ``Doc`` (typed ``Any`` so this module does not import spaCy).
    Stages fill the tuples; the coder reads them and fills ``events``.
    """

    article: Article
    doc: Any = None
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[When, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    rejections: tuple[Rejection, ...] = ()
    extras: dict[str, Any] = field(default_factory=dict)  # stage-private scratch, never stored


@dataclass(frozen=True, slots=True)
class Result:
    """What the pipeline yields for one input document: either events or an error."""

    article: Article | None
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    rejections: tuple[Rejection, ...] = ()
    error: DocumentError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

"""Which of a sentence's places an event happened at: syntax around the trigger.

A place counts for an event only when the words make it a location:

- a locative preposition governs it ("à Alep", "in Idlib province"), or
- it is the place complement of the event noun ("l'attentat de Kayseri", "the bombing of Aleppo"),
  for a city, facility or region (a country in that slot is an actor: "les frappes de la Russie").

A place that only qualifies an actor is not the event's location: a name inside the source actor
phrase or attached to its head noun ("les forces rebelles d'Azaz", "rebel fighters in Yemen",
"la coalition dirigée par la France").

Among the usable places, the trigger's own clause comes first; a place of another clause is used
only when it is not attached to another verb (another event), see :func:`clause_relation`.
"""

from __future__ import annotations

from typing import Any

from ..languages import shipped
from ..records import Span

VERBAL = frozenset({"VERB", "AUX"})
COMPLEMENT_KINDS = frozenset({"city", "facility", "admin1"})
SAME, OUTER, OTHER = 0, 1, 2
# The word lists, from every shipped language's ``places.yaml`` (see the comments there).
_WORDS = shipped()
GENITIVE = _WORDS.union("places", "genitive")
POST_NOUNS = _WORDS.union("places", "post_nouns")
# Nouns of a building or institution whose city complement is where it sits: "le tribunal de Créteil",
# "la mairie de Vernon", "the court in Paris". Such a city is where the institution acts, even inside
# the source's phrase ("le tribunal de Paris a condamné ...").
INSTITUTION_NOUNS = _WORDS.union("places", "institution_nouns")
SEAT_PREPOSITIONS = _WORDS.union("places", "seat_prepositions")  # "the court in Paris", besides genitives
# Nouns of a text or treaty named after a place: "l'accord de Paris", "le statut de Rome", "the
# Minsk agreement" name a text; the place is not where the event happens.
TEXT_NOUNS = _WORDS.union("places", "text_nouns")
# Nouns a place name may hang on under a locative preposition ("in the port city of Tartus"), and
# buildings and institutions with a seat ("dans la mairie de Vernon", "at the court of Paris").
PLACE_NOUNS = _WORDS.union("places", "place_nouns") | INSTITUTION_NOUNS
# Buildings and sites an attack or a seizure may take as its object, besides the place nouns: the town
# they belong to is where it happened ("dynamited the community center of X").
SITE_NOUNS = PLACE_NOUNS | _WORDS.union("places", "facility_heads")
# The object of an act, active or passive ("attacked the market", "the market was attacked").
OBJECT_DEPS = frozenset({"obj", "dobj", "nsubjpass", "nsubj:pass"})
# "à la Chine": a dative preposition then one of these articles before a country is "to", not "in".
DATIVE_PREPOSITIONS = _WORDS.union("places", "dative_prepositions")
DATIVE_ARTICLES = _WORDS.union("places", "dative_articles")

def root_of(doc: Any, tokens: tuple[int, int]) -> Any:
    return doc[tokens[0]:tokens[1]].root


def trigger_root(doc: Any, span: Span) -> Any | None:
    chars = doc.char_span(span[0], span[1], alignment_mode="expand")
    return chars.root if chars is not None and len(chars) else None


def clause_head(tok: Any) -> Any | None:
    """The nearest verb at or above ``tok`` (None when the sentence has no verb above it)."""
    x = tok
    for _ in range(40):
        if x.pos_ in VERBAL:
            return x
        if x.head.i == x.i:
            return None
        x = x.head
    return None


def _ancestors(tok: Any) -> set[int]:
    out = set()
    x = tok
    for _ in range(40):
        if x.head.i == x.i:
            break
        x = x.head
        out.add(x.i)
    return out


def clause_relation(place_root: Any, trigger: Any) -> int:
    """SAME: the place is in the trigger's clause (or an infinitive it governs: "lancé une offensive
    pour reprendre X", or a clause describing the event noun); OUTER: the place's verb governs the
    trigger's clause, or no verb governs the place; OTHER: another verb (another event) governs it."""
    t_clause = clause_head(trigger)
    p_clause = clause_head(place_root.head) if place_root.head.i != place_root.i else None
    if p_clause is None:
        return OUTER
    p_clause = _past_relative(place_root, p_clause)
    if t_clause is not None and p_clause.i == t_clause.i:
        return SAME
    if t_clause is not None and p_clause.dep_ == "xcomp" and p_clause.head.i == t_clause.i:
        return SAME
    if p_clause.dep_ in ("acl", "acl:relcl", "relcl") and p_clause.head.i == trigger.i:
        return SAME  # "the war crimes being committed in Idlib": a clause describing the event noun
    if p_clause.i in _ancestors(trigger) or p_clause.i == trigger.i:
        return OUTER
    return OTHER


def _past_relative(place_root: Any, p_clause: Any) -> Any:
    """"Il avait été arrêté par des policiers, qui n'ont jamais justifié l'arrestation, le 8 novembre
    à Gao": a phrase after the comma that closes a relative clause belongs to the main clause, whatever
    the parser hangs it on (as for dates, ``eventwire.dates.doc.attach``)."""
    if p_clause.dep_ not in ("acl:relcl", "relcl"):
        return p_clause
    x = place_root
    for _ in range(40):  # the dependent of the relative clause's verb that leads to the place
        if x.head.i == p_clause.i or x.head.i == x.i:
            break
        x = x.head
    edge = x.left_edge.i
    if x.head.i != p_clause.i or x.i < p_clause.i or edge == 0 or x.doc[edge - 1].text != ",":
        return p_clause
    outer = clause_head(p_clause.head) if p_clause.head.i != p_clause.i else None
    return outer if outer is not None else p_clause


def governor(tok: Any) -> Any | None:
    """The word a name depends on, skipping an English preposition ("forces in Syria" -> forces)."""
    head = tok.head
    if head.i == tok.i:
        return None
    if head.pos_ == "ADP" and head.head.i != head.i:
        return head.head
    return head


def _preposition(tok: Any, locative: frozenset[str] = frozenset()) -> str | None:
    """The preposition introducing ``tok``: an English head ``prep`` or a French ``case`` child
    (a locative one first, "près" being an ``advmod`` in "près de l'aéroport")."""
    if tok.head.i != tok.i and tok.head.pos_ == "ADP" and tok.dep_ == "pobj":
        return str(tok.head.lower_)
    before = [c for c in tok.children if c.dep_ in ("case", "advmod") and c.i < tok.i]
    local = [c for c in before if c.lower_ in locative]
    cases = local or [c for c in before if c.dep_ == "case"]
    return str(cases[0].lower_) if cases else None


def dep_locative(place_root: Any, locative: frozenset[str]) -> bool:
    """A locative preposition governs the name, directly or through nouns and genitives:
    "in the coastal city of Tartus", "in Rural Damascus", "près de l'île de Kish"."""
    x = place_root
    for _ in range(4):
        while x.dep_ == "conj" and x.head.i != x.i:
            x = x.head  # "in Hama and Homs": the first conjunct carries the preposition
        prep = _preposition(x, locative)
        if prep in locative:
            return True
        if prep is not None and prep not in GENITIVE:
            return False
        nxt = governor(x)
        if nxt is None or not (nxt.pos_ == "PROPN" or nxt.pos_ == "NOUN" and nxt.lower_ in PLACE_NOUNS):
            return False
        x = nxt
    return False


def is_place_complement(place_root: Any, trigger: Any, trigger_tokens: range, kind: str) -> bool:
    """"l'attentat de Kayseri", "the bombing of Aleppo", "a levé le siège de Kobané": a
    city/facility/region that depends through "de"/"of" on the event noun (the trigger or a noun of it)."""
    if kind not in COMPLEMENT_KINDS:
        return False
    head = governor(place_root)
    # the event noun is the trigger or a noun inside it ("ont levé le siège de Kobané")
    if head is None or head.i not in trigger_tokens or head.pos_ in VERBAL:
        return False
    return _preposition(place_root) in GENITIVE


def is_place_object(place_root: Any, trigger_tokens: range, kind: str) -> bool:
    """"Rebels shelled Aleppo", "l'armée a repris Palmyre": a city, facility or region that is the
    direct object of the trigger verb, or the name of a place noun or a building that is ("attacked the
    village of X", "ont incendié le marché de X", "dynamited the community center of X"), also as the
    passive subject ("the market of X was attacked") or one of coordinated objects ("burned the town hall,
    two shops and the clinic of X"); the caller keeps this to attacks and seizures."""
    if kind not in COMPLEMENT_KINDS:
        return False
    if place_root.dep_ in ("obj", "dobj") and place_root.head.i in trigger_tokens:
        return True
    noun = governor(place_root)
    if noun is None or noun.lower_ not in SITE_NOUNS or _preposition(place_root) not in GENITIVE:
        return False
    noun = first_conjunct(noun, 6)  # "the town hall, two shops and the clinic of X": the first stands for all
    return noun.dep_ in OBJECT_DEPS and noun.head.i in trigger_tokens


def first_conjunct(tok: Any, limit: int) -> Any:
    """The first of the conjuncts ``tok`` belongs to ("X, Y and Z": X), climbing at most ``limit`` links."""
    for _ in range(limit):
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def governor_verb(tok: Any) -> Any | None:
    """The first word above ``tok`` that is not a preposition or a noun of its phrase ("in the village of X"
    -> the verb the phrase hangs on)."""
    x = tok
    for _ in range(40):
        if x.head.i == x.i:
            return None
        x = x.head
        if x.pos_ in VERBAL:
            return x
    return None


def in_object(place_root: Any, trigger: Any) -> bool:
    """"condemned the killing of civilians in X": the place is inside the trigger verb's direct object
    (an act judged, with its own place), not attached to the verb."""
    objects = [c for c in trigger.children if c.dep_ in ("obj", "dobj")]
    if not objects:
        return False
    # after the object, a locative the parser hangs on the verb still tells the act's place ("condemned the
    # killing of 12 farmers by gunmen in the village of X")
    verb = governor_verb(place_root)
    if (place_root.i > max(o.i for o in objects) and verb is not None and verb.i == trigger.i
            and all(o.pos_ == "NOUN" for o in objects)):
        return True
    x = place_root
    for _ in range(40):
        if any(x.i == o.i for o in objects):
            return x.i != place_root.i  # "condemned Kabul" is an actor, left to the other rules
        if x.head.i == x.i or x.i == trigger.i:
            return False
        x = x.head
    return False


def names_a_text(place_root: Any) -> bool:
    """"l'accord de Paris", "le statut de Rome", "the Minsk agreement", "l'accord de paix d'Arusha":
    the place names a text."""
    head = place_root.head if place_root.head.i != place_root.i else None
    if head is None:
        return False
    if head.pos_ == "ADP" and head.head.i != head.i:  # English "agreement of X"
        head = head.head
    if (head.lower_ not in TEXT_NOUNS and head.pos_ == "NOUN" and head.head.i != head.i
            and head.head.lower_ in TEXT_NOUNS and _preposition(place_root) in GENITIVE
            and _preposition(head) in GENITIVE):
        head = head.head  # "l'accord de paix d'Arusha": the text's kind stands between
    return head.lower_ in TEXT_NOUNS and head.i != place_root.i


def seat_of_institution(place_root: Any, kind: str) -> bool:
    """"la cour d'appel de Lyon", "le tribunal de Créteil": a city hanging on an institution noun."""
    if kind not in COMPLEMENT_KINDS:
        return False
    head = governor(place_root)
    x = head
    for _ in range(3):  # "la cour d'appel de Lyon": through "appel" to "cour"
        if x is None:
            return False
        if x.lower_ in INSTITUTION_NOUNS:
            return _preposition(place_root) in GENITIVE or _preposition(place_root) in SEAT_PREPOSITIONS
        x = governor(x) if x.pos_ == "NOUN" else None
    return False


def on_other_event(place_root: Any, trigger: Any, other_triggers: list[Span]) -> bool:
    """The place hangs on the noun of another event before it reaches this event's trigger or a verb
    ("une vague de manifestations après l'exécution d'un dignitaire en Arabie saoudite")."""
    x = place_root
    for _ in range(12):
        if x.head.i == x.i:
            return False
        x = x.head
        if x.i == trigger.i or x.pos_ in VERBAL:
            return False
        if trigger.dep_ == "conj" and trigger.head.i == x.i:
            return False  # "Manifestations et émeutes partout en France": a complement both share
        if x.pos_ == "NOUN" and any(s <= x.idx < e for s, e in other_triggers):
            return True
    return False


def dative(doc: Any, first: int) -> bool:
    """French "à la"/"à l'" before a country: a dative ("bénéficier à la Chine"). In French a country
    is a location after "en", "au", "aux", never after "à la"."""
    return (first >= 2 and doc[first - 1].lower_ in DATIVE_ARTICLES
            and doc[first - 2].lower_ in DATIVE_PREPOSITIONS)


def is_post(place_root: Any) -> bool:
    """"son ambassadeur à Rome", "our correspondent in Beirut": a person's post, not where
    anything happened."""
    head = governor(place_root)
    return head is not None and head.lower_ in POST_NOUNS


def qualifies_actor(place_root: Any, actor_span: Span | None, kind: str) -> bool:
    """A country that hangs on the actor phrase ("rebel fighters in Yemen", "l'armée de la
    Turquie"): it says who the actor is, not where the event happened."""
    if actor_span is None or kind != "country":
        return False
    head = governor(place_root)
    return head is not None and actor_span[0] <= head.idx < actor_span[1]

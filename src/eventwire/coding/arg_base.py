"""Shared parts of the argument rules (:mod:`.arguments`): dependency labels, the ``Frame`` and
``Arg`` records, the finder's state and small parse helpers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..actors import Resolver
from ..languages import shipped
from ..records import Actor
from .lexicon import Lexicon

SUBJ = ("nsubj", "expl:subj")
PASS_SUBJ = ("nsubj:pass", "nsubjpass")
DATE_ENTS = ("DATE", "TIME")  # the entity labels of a date or a time of day (English models)
SE_CLITICS = frozenset({"se", "s'", "s’"})  # the French reflexive clitic: "se retirer", "s'affrontent"
OBJ = ("obj", "dobj")
CLITIC_OBJECTS = ("obj", "dobj", "iobj", "obl:arg", "dative")  # "l'accuse", "lui demande", "told him"
# the lexicon's noun classes of things and acts (coding.yaml ``classes``): never an agent by themselves
THING_CLASSES = ("access", "agreement", "aid", "attack", "building", "claim", "demand", "goods", "information",
                 "meeting", "offensive", "place", "protest", "relation", "restriction", "right", "road", "weapon")
SIDED = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION", "ACCUSE", "REJECT", "PROTEST"})  # types with two sides
AGENT = ("obl:agent", "agent")
OBLIQUE = ("obl", "obl:arg", "obl:mod", "nmod", "prep", "dative", "iobj")
INHERIT = ("conj", "xcomp", "advcl")
LIGHT_OBL = ("obl:arg", "pobj")
CUT = {"acl:relcl", "relcl", "acl", "advcl", "conj", "cc", "parataxis", "punct", "ccomp", "xcomp",
       "dep", "mark", "appos:dis"}
ACTOR_ENTS = {"PER", "PERSON", "ORG", "NORP", "GPE", "LOC", "MISC", "FAC"}
MAX_CONJ = 8
BENEFIT_TYPES = {"SUPPORT", "AID"}
FROM_TYPES = {"REQUEST", "SUPPORT", "AID", "ACCUSE", "THREATEN"}  # speech and giving: "from X" is the author
PLACE_ENTS = ("LOC", "GPE", "FAC")  # named places
COORDINATORS = shipped().union("coding", "coordinators")  # "and", "et", "or"
CLOCK = re.compile(r"^\d{1,2}(h\d{0,2}|:\d\d|[ap]\.?m\.?)$")
CONTRACTED: dict[str, str] = {k: v for code in shipped().codes
                              for k, v in (shipped().get(code).value("coding", "contractions") or {}).items()}
GENITIVE = shipped().union("coding", "genitive_preps")  # "l'attaque de X", "the bombing of X"


@dataclass(frozen=True)
class Frame:
    """What the finder needs to know about the candidate being coded."""

    etype: str = ""                                   # the PLOVER type
    mode: str | None = None                           # the entry's mode
    trigger_tokens: frozenset[int] = frozenset()      # the words of the trigger
    partner: bool = False                             # "with"/"avec" gives a target (CONSULT, ...)
    theme_object: bool = False                        # the object is what is moved (troops, aid)
    required_preps: frozenset[str] = frozenset()      # the entry's own prepositions ("fire at")


@dataclass(frozen=True)
class Arg:
    """An actor found for a role, with how it was found (a short dependency path)."""

    actor: Actor
    path: str
    reliability: float = 1.0


class FinderBase:
    """The finder's state (document, lexicon, resolver, frame) and preposition helpers. The rule
    layers (:mod:`.arg_actors`, :mod:`.arg_verbs`, :mod:`.arg_nouns`) build on it."""

    def __init__(self, doc: Any, lexicon: Lexicon, resolver: Resolver, speaker_of: Any = None,
                 published: str | None = None, mentions: tuple[Actor, ...] = ()) -> None:
        self.doc, self.lex, self.resolver = doc, lexicon, resolver
        self.mentions = mentions
        self.speaker_of, self.published = speaker_of, published
        self.frame = Frame()
        # subject pronouns whose antecedent disagreed (number, gender) or was ambiguous between two
        # sides: the slot stays empty, and no later inference fills it (shared by with_frame copies)
        self.refused: set[int] = set()
        # answers of the rules that read the parse only, not the frame (``once``; shared by with_frame copies)
        self.memos: dict[tuple[Any, ...], Any] = {}

    def once(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        """``compute()``, computed once per ``key`` for the document: for the rules whose answer depends
        on the tokens alone (a verb's subject, object, agent, voice; the actor a phrase stands for), which
        each candidate and each sense of it asks again."""
        memos = self.memos
        if key in memos:
            return memos[key]
        value = memos[key] = compute()
        return value

    def with_frame(self, frame: Frame) -> Any:
        """A finder for one candidate: same document, that candidate's frame."""
        other = object.__new__(type(self))  # copy.copy, without its generic protocol (once per sense)
        other.__dict__.update(self.__dict__)
        other.frame = frame
        return other

    if TYPE_CHECKING:  # defined by later layers; declared for the type checker only
        def subject_token(self, verb: Any, depth: int = 0) -> tuple[Any, str] | None: ...
        def agent_token(self, head: Any) -> Any | None: ...
        def is_passive(self, verb: Any) -> bool: ...
        def complement_of(self, noun: Any) -> Any | None: ...
        def _conjoined_adjectivals(self, mods: list[Any], first: Actor) -> list[Arg]: ...
        def _placeish(self, tok: Any) -> bool: ...
        def _event_nouns(self) -> frozenset[str]: ...
        def _noun_prep_targets(self, noun: Any) -> list[Arg]: ...
        def _by_phrase(self, noun: Any, own_only: bool = False) -> Any | None: ...
        def _culprit(self, obj: Any) -> list[Arg]: ...

    # -- helpers ----------------------------------------------------------------------------
    def case_of(self, tok: Any) -> str:
        """The preposition or marker a dependent carries ("à" for "aux rebelles")."""
        return self._case(tok)

    def pobj_of(self, tok: Any) -> Any | None:
        """The noun of a prepositional dependent (the dependent itself in UD)."""
        return self._pobj(tok)

    def _case(self, tok: Any) -> str:
        return self.once(("case", tok.i), lambda: self._find_case(tok))  # type: ignore[no-any-return]

    def _find_case(self, tok: Any) -> str:
        if tok.dep_ in ("prep", "agent"):
            return tok.lower_
        case = [c for c in tok.children if c.dep_ in ("case", "mark")]
        word = case[0].lower_.replace("’", "'") if case else ""
        return CONTRACTED.get(word, word)

    def _pobj(self, tok: Any) -> Any | None:
        if tok.dep_ in ("prep", "agent"):
            objs = [c for c in tok.children if c.dep_ in ("pobj", "pcomp")]
            return objs[0] if objs else None
        return tok


def lemma_of(tok: Any) -> str:
    return str(tok.lemma_).lower()


def _avoir_tense(verb: Any) -> bool:
    """A French compound tense with avoir and no passive auxiliary is active, whatever the subject's label."""
    kids = list(verb.children)
    # "a été expulsée": "été" read as a copula is still the passive auxiliary
    return any(c.dep_ == "aux:tense" and c.lemma_ == "avoir" for c in kids) and not any(
        c.dep_ == "aux:pass" or (c.dep_ == "cop" and c.lemma_ == "être") for c in kids)


def _bare_obl(noun: Any) -> bool:
    """An object misread as an oblique: no preposition, an article ("ont mené fin août une offensive")."""
    kids = list(noun.children)
    return noun.dep_ in ("obl:mod", "obl") and not any(c.dep_ == "case" for c in kids) and any(
        c.dep_ == "det" for c in kids) and not noun.ent_type_


def _acronym(tok: Any) -> bool:
    """"The US rejected ...": an upper-case name that spells like a pronoun ("us") is no pronoun."""
    return len(tok.text) > 1 and tok.text.isupper() and tok.pos_ != "PRON"


def _agree(pronoun: Any, antecedent: Any) -> bool:
    """Number and gender agree where both carry them (collective names such as "la Russie" are
    singular; proper nouns often carry no gender): "il" is not "l'armée"."""
    for feat in ("Number", "Gender"):
        a, b = pronoun.morph.get(feat), _np_feature(antecedent, feat)
        if a and b and a != b:
            return False
    return True


def _np_feature(noun: Any, feat: str) -> list[str]:
    """A feature of the noun phrase: the gender its determiner shows where it shows one ("la ministre",
    "la cheffe": nouns of both genders that the tagger reads as masculine), else the noun's own."""
    if feat == "Gender":
        dets = [c for c in noun.children if c.dep_ == "det" and c.i < noun.i and c.morph.get("Gender")]
        if dets:
            return list(dets[0].morph.get("Gender"))
    return list(noun.morph.get(feat))


def _has_aux(verb: Any) -> bool:
    return any(c.dep_.startswith("aux") for c in verb.children)


def _infinitive(verb: Any) -> bool:
    """An infinitive, perfect ones included ("d'avoir caché")."""
    return "Inf" in verb.morph.get("VerbForm") or any(
        c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in verb.children)


def _finite(verb: Any) -> bool:
    if "Fin" in verb.morph.get("VerbForm"):
        return True
    return any(c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm") for c in verb.children)


def _covers(arg: Arg, tok: Any) -> bool:
    return arg.actor.span[0] <= tok.idx < arg.actor.span[1]


def _participle_passive(verb: Any) -> bool:
    return "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense") or verb.tag_ == "VBN"


def _governing_verb(tok: Any) -> Any | None:
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def armed(actor: Actor) -> bool:
    """Armed forces, armed groups, or a state as a whole (docs/sectors.md)."""
    return actor.sector in ("MIL", "REB", "UAF") or actor.is_state

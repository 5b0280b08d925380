"""Trigger lexicons and coding knowledge, loaded from data files and validated.

Shipped files (``data/lang/<lang>/triggers.yaml`` and ``coding.yaml``) are read
once per process through ``resources.get``; files named in ``config.user_lexicons``
add entries (a user file has the same layout as a shipped ``triggers.yaml``, with its
``language`` key saying which language it extends). See ``docs/coding.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..data import data_path, load_yaml
from ..errors import DataFileError
from ..languages import Language, language
from ..records import PLOVER_TYPES

if TYPE_CHECKING:
    from ..pipeline import Resources

POS = ("verb", "noun")
ENTRY_KEYS = {"lemma", "mode", "prep", "object", "subject", "objclass", "reflexive", "of"}
LIST_KEYS = ("light_verbs", "undergo_verbs", "target_verbs", "negation", "negating_verbs",
             "hypothetical_verbs", "hypothetical_nouns", "conditional_marks", "contrast_marks", "document_nouns",
             "first_person", "subject_pronouns", "object_pronouns", "mutual_fight_nouns", "possessives",
             "relative_pronouns", "anaphoric_nouns", "target_preps", "partner_preps", "document_verbs",
             "quantity_nouns", "promise_cues", "obligation_words", "statement_verbs", "manner_preps", "agent_preps",
             "saying_verbs", "possessor_patient_modes", "antecedent_rules",
             "definite_determiners", "perpetrate_verbs", "place_preps", "locative_preps",
             "directional_preps", "time_nouns", "occasion_nouns", "tense_auxiliaries",
             "hold_verbs", "relation_nouns", "place_only_types",
             "infinitive_target_types", "purpose_target_types", "clause_target_types", "condition_target_types",
             "aiming_verbs",
             "background_preps", "adversative_preps", "unaccusative_verbs",
             "beneficiary_preps", "object_control_verbs", "dative_control_verbs", "dative_preps",
             "implicative_verbs", "ending_verbs", "double_negation_verbs",
             "honorifics", "threat_cues", "announcer_sectors", "announced_own_types", "refusal_modals", "holder_preps",
             "state_place_preps", "locution_nouns",
             "negative_subjects", "support_nouns", "material_modifiers", "combat_modifiers",
             "participation_verbs", "participation_nouns", "plural_first_person", "spokesperson_nouns",
             "latter_phrases", "example_preps", "example_list_marks", "operation_nouns",
             "operation_modifiers", "hedge_modifiers", "accusing_verbs", "opportunity_verbs",
             "naming_verbs", "function_verbs", "event_noun_suffixes",
             "negative_determiners", "bound_negation", "negative_particles", "genitive_preps", "coordinators",
             "purpose_preps", "par_adverbials",
             "copulas", "infinitive_preps", "gerund_preps", "gerund_marks", "name_stopwords", "against_preps",
             "blame_verbs", "blame_preps", "sender_verbs", "deadline_verbs", "leave_verbs", "leave_order_verbs",
             "country_nouns", "counting_verbs",
             "singular_possessives", "plural_possessives", "if_marks", "elided_if_hosts",
             "calling_verbs", "sourceless_types", "comment_relatives", "article_agent_types",
             "deployed_sectors", "pair_words", "plural_definite_determiners", "distributive_words", "custody_verbs",
             "between_preps", "dying_verbs", "dying_nouns", "contest_words",
             "commemoration_nouns", "ordering_verbs", "band_nouns", "occurrence_verbs", "month_words",
             "looting_words", "capture_words", "no_comment_verbs")


@dataclass(frozen=True, slots=True)
class Entry:
    """One trigger lexeme: words (lemmas), part of speech, PLOVER type and mode, constraints."""

    words: tuple[str, ...]
    pos: str
    type: str
    mode: str | None = None
    prep: tuple[str, ...] = ()
    object_required: bool = False
    subject: str | None = None
    objclass: str | None = None
    reflexive: bool | None = None
    of: str | None = None
    origin: str = "shipped"
    user: bool = False  # from a file of config.user_lexicons: tried before a shipped entry of equal specificity

    @property
    def lemma(self) -> str:
        return " ".join(self.words)

    @property
    def specificity(self) -> int:
        """More constrained entries are tried first when several share a head word."""
        return (len(self.words) * 2 + bool(self.prep) + 2 * bool(self.objclass) + bool(self.subject)
                + (self.reflexive is not None) + self.object_required)

    def key(self) -> tuple[Any, ...]:
        return (self.words, self.pos, self.prep, self.object_required, self.subject, self.objclass,
                self.reflexive)


@dataclass(frozen=True)
class Lexicon:
    """Everything the coder knows about one language, indexed for matching."""

    language: str
    entries: tuple[Entry, ...]
    index: Mapping[str, tuple[Entry, ...]]
    lists: Mapping[str, frozenset[str]]
    classes: Mapping[str, frozenset[str]]
    modes: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def words(self, name: str) -> frozenset[str]:
        return self.lists.get(name, frozenset())

    def in_class(self, name: str, lemma: str) -> bool:
        return lemma.lower() in self.classes.get(name, frozenset())

    @cached_property
    def reporting_verbs(self) -> frozenset[str]:
        """The verbs of saying whose reported clause's subject pronoun is their own subject: ``statement_verbs``
        and ``saying_verbs`` together."""
        return self.words("statement_verbs") | self.words("saying_verbs")

    @cached_property
    def event_nouns(self) -> frozenset[str]:
        """The first word of every noun entry ("attentat", "blocus")."""
        return frozenset(e.words[0] for e in self.entries if e.pos == "noun")


def load_modes() -> dict[str, frozenset[str]]:
    raw = load_yaml(data_path("plover", "modes.yaml")) or {}
    if set(raw) != set(PLOVER_TYPES):
        raise DataFileError("modes.yaml must list exactly the 16 PLOVER types")
    return {t: frozenset(v) for t, v in raw.items()}


def _words(values: Any, where: str) -> tuple[str, ...]:
    """A list of words; YAML turns bare on/off/yes/no into booleans, which is a data error."""
    items = tuple(values or ())
    bad = [v for v in items if not isinstance(v, str)]
    if bad:
        raise DataFileError(f"{where}: {bad!r} are not words (quote on/off/yes/no in YAML)")
    return tuple(v.lower() for v in items)


def parse_entry(raw: Any, etype: str, pos: str, origin: str) -> Entry:
    """An entry from its YAML form: "lemma", "lemma/mode" or a mapping with constraints."""
    if isinstance(raw, str):
        lemma, _, mode = raw.partition("/")
        raw = {"lemma": lemma, "mode": mode or None}
    if not isinstance(raw, dict) or not raw.get("lemma"):
        raise DataFileError(f"{origin}: bad {etype} {pos} entry {raw!r}")
    unknown = set(raw) - ENTRY_KEYS
    if unknown:
        raise DataFileError(f"{origin}: unknown keys {sorted(unknown)} in entry {raw['lemma']!r}")
    of = raw.get("of")
    if of not in (None, "source", "target", "none"):
        raise DataFileError(f"{origin}: 'of' must be source, target or none in {raw['lemma']!r}")
    return Entry(words=tuple(str(raw["lemma"]).lower().split()), pos=pos, type=etype,
                 mode=raw.get("mode"), prep=_words(raw.get("prep"), f"{origin} {raw['lemma']}"),
                 object_required=raw.get("object") == "required", subject=raw.get("subject"),
                 objclass=raw.get("objclass"), reflexive=raw.get("reflexive"), of=of, origin=origin)


def parse_triggers(doc: Any, origin: str) -> list[Entry]:
    if not isinstance(doc, dict) or not isinstance(doc.get("triggers"), dict):
        raise DataFileError(f"{origin}: expected a mapping with a 'triggers' section")
    out: list[Entry] = []
    for etype, by_pos in doc["triggers"].items():
        if etype not in PLOVER_TYPES:
            raise DataFileError(f"{origin}: unknown PLOVER type {etype!r}")
        for pos, items in (by_pos or {}).items():
            if pos not in POS:
                raise DataFileError(f"{origin}: part of speech must be verb or noun, not {pos!r}")
            out += [parse_entry(raw, etype, pos, origin) for raw in items or ()]
    return out


def validate(entries: Iterable[Entry], modes: Mapping[str, frozenset[str]],
             classes: Mapping[str, frozenset[str]]) -> None:
    """Every mode listed for its type, every class defined, no duplicate entries."""
    seen: dict[tuple[Any, ...], Entry] = {}
    for e in entries:
        if e.mode is not None and e.mode not in modes[e.type]:
            raise DataFileError(f"{e.origin}: mode {e.mode!r} is not a {e.type} mode ({e.lemma})")
        for cls in (e.subject, e.objclass):
            if cls is not None and cls not in classes:
                raise DataFileError(f"{e.origin}: unknown noun class {cls!r} ({e.lemma})")
        if e.key() in seen and seen[e.key()].origin == e.origin:
            raise DataFileError(f"{e.origin}: duplicate entry {e.lemma!r} ({e.pos})")
        seen[e.key()] = e


def _knowledge(language: Language) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    lang = language.code
    raw = language.concern("coding")
    lists = {k: frozenset(_words(raw.get(k), f"{lang}/coding.yaml {k}")) for k in LIST_KEYS}
    extra = {k for k in raw if k not in LIST_KEYS and k not in ("language", "classes", "modal_aux", "contractions")}
    if extra:
        raise DataFileError(f"{lang}/coding.yaml: unknown sections {sorted(extra)}")
    lists["modal_aux"] = frozenset(_words(raw.get("modal_aux"), f"{lang}/coding.yaml modal_aux"))
    reporting = language.concern("reporting")
    lists["media_nouns"] = frozenset(_words(reporting.get("media_nouns"), f"{lang}/reporting.yaml media_nouns"))
    classes = {k: frozenset(_words(v, f"{lang}/coding.yaml {k}")) for k, v in (raw.get("classes") or {}).items()}
    return lists, classes


def _user_entries(paths: Iterable[str], lang: str) -> list[Entry]:
    out: list[Entry] = []
    for path in paths:
        doc = load_yaml(Path(path))
        if isinstance(doc, dict) and doc.get("language", lang) == lang:
            out += [replace(e, user=True) for e in parse_triggers(doc, str(path))]
    return out


def build_lexicon(lang: str, user_paths: Iterable[str] = (), language_dirs: Iterable[str] = ()) -> Lexicon:
    """Shipped triggers for ``lang`` (its language folders' ``triggers.yaml``) plus the user's files,
    validated and indexed."""
    modes = load_modes()
    spec = language(lang, language_dirs)
    lists, classes = _knowledge(spec)
    shipped = [e for path in spec.files("triggers.yaml")
               for e in parse_triggers(load_yaml(path), f"{lang}/triggers.yaml")]
    entries = shipped + _user_entries(user_paths, lang)
    validate(entries, modes, classes)
    index: dict[str, list[Entry]] = {}
    for e in entries:
        index.setdefault(e.words[0], []).append(e)
    frozen = {k: tuple(sorted(v, key=_priority)) for k, v in index.items()}
    return Lexicon(lang, tuple(entries), frozen, lists, classes, modes)


def _priority(entry: Entry) -> tuple[int, bool]:
    """More specific entries first; at equal specificity, the user's before the shipped ones."""
    return (-entry.specificity, not entry.user)


def lexicon_for(resources: Resources, lang: str) -> Lexicon:
    """The lexicon of ``lang``, loaded once per process through ``resources``."""
    def load(config: Config) -> Lexicon:
        return build_lexicon(lang, config.user_lexicons, config.language_dirs)

    return resources.get(f"coding-lexicon-{lang}", load)

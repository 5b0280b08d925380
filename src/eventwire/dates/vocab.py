"""Date vocabularies (``data/lang/<lang>/dates.yaml``): loading, validation, compiled grammar.

The YAML files hold every word the date finder knows (months, weekdays, relative
phrases, cues); this module checks them and compiles them once per process into a
:class:`DateGrammar` of named regular expressions (cached by the stage through
``resources.get``). No dateparser here: a small grammar over the vocabulary is
faster and cannot read "une" as a day or "mars" the planet as a month.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..data import load_yaml
from ..errors import DataFileError
from ..languages import registry, shipped

UNITS = ("day", "week", "month", "year")
# words of the grammar that every language's grammar reads (see ``_Parts.shared``)
SHARED_KEYS = ("ordinal_suffixes", "spaced_ordinal_suffixes", "range_words", "day_articles", "day_month_links",
               "month_links", "weekday_day_followers")
# words of the tense helpers (``doc.py``), read from every shipped language
TENSE_KEYS = ("conditional_endings", "conditional_stems", "perfect_auxiliaries")
LIST_KEYS = ("ambiguous_months", "month_cues", "year_cues", "future_words", "past_words", "near_words", "articles",
             "limit_cues", "since_cues", "dateline_cues", "reporting_verbs",
             "future_markers", "not_dates", "earlier_cues", "number_hedges", "present_words", "then_words",
             "article_day_types", "night_cues", "sequel_links", "genitive_links", "reason_cues",
             "occurrence_verbs", "medium_preps", "medium_nouns", "noun_year_links", "noun_year_followers",
             "date_prepositions",
             *SHARED_KEYS, *TENSE_KEYS)
MAP_KEYS = ("months", "month_abbreviations", "weekdays", "weekday_abbreviations", "numbers", "sequel")

DAY_NUMBER = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
YEAR = r"(?P<year>1[89]\d\d|20\d\d)(?![\d])"


@dataclass(frozen=True)
class DateVocab:
    """The validated content of one language's YAML file."""

    language: str
    case_sensitive: bool
    months: dict[str, int]
    month_abbreviations: dict[str, int]
    weekdays: dict[str, int]
    weekday_abbreviations: dict[str, int]
    numbers: dict[str, int]
    sequel: dict[str, int]
    relative: dict[str, tuple[str, int]]
    counted: dict[str, tuple[str, int]]
    lists: dict[str, tuple[str, ...]]
    # "deux jours plus tard": [unit, direction], counted from the previous date of the text
    counted_sequel: dict[str, tuple[str, int]] = field(default_factory=dict)
    # "une semaine après": [unit, direction] from the clause to the event noun that follows
    counted_offset: dict[str, tuple[str, int]] = field(default_factory=dict)
    # "03/01/2020" is 1 March (month first) when the separator is "/" and the first number can be a month
    slash_month_first: bool = False

    def month(self, word: str) -> int:
        return self._months[self._key(word.rstrip("."))]

    def weekday(self, word: str) -> int:
        return self._weekdays[self._key(word.rstrip("."))]

    @cached_property
    def _months(self) -> dict[str, int]:
        """Month names and abbreviations by key, folded once (asked for every month mention)."""
        return {**self._fold(self.months), **self._fold(self.month_abbreviations)}

    @cached_property
    def _weekdays(self) -> dict[str, int]:
        return {**self._fold(self.weekdays), **self._fold(self.weekday_abbreviations)}

    def lowered(self, key: str) -> frozenset[str]:
        """The words of list ``key``, lower-cased (built once per vocabulary)."""
        return self._sets[key, True]

    def folded(self, key: str) -> frozenset[str]:
        """The words of list ``key`` as :meth:`month` compares them (lower-cased unless ``case_sensitive``)."""
        return self._sets[key, not self.case_sensitive]

    @cached_property
    def _sets(self) -> dict[tuple[str, bool], frozenset[str]]:
        return {(key, lower): frozenset(w.lower() if lower else w for w in words)
                for key, words in self.lists.items() for lower in (True, False)}

    def number(self, word: str) -> int:
        return int(word) if word.isdigit() else self.numbers[word.lower()]

    def _key(self, word: str) -> str:
        return word if self.case_sensitive else word.lower()

    def _fold(self, table: dict[str, int]) -> dict[str, int]:
        return {self._key(k): v for k, v in table.items()}


@dataclass(frozen=True)
class DateGrammar:
    """Compiled patterns for one language, tried in order; each has named groups."""

    vocab: DateVocab
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    counted_rules: tuple[tuple[re.Pattern[str], str, int], ...]
    not_dates: re.Pattern[str] | None
    limit_before: re.Pattern[str]
    since_before: re.Pattern[str]
    dateline_before: re.Pattern[str]
    sequel_rules: tuple[tuple[re.Pattern[str], str, int], ...] = ()
    present: re.Pattern[str] | None = None  # "désormais", "now": the clause is set in the present
    then: re.Pattern[str] | None = None  # "À l'époque,", "Back then,": a sentence set in an earlier time
    sequel_cue: re.Pattern[str] | None = None  # the fixed tail of counted sequels ("jours plus tard")
    offset: re.Pattern[str] | None = None  # any counted offset ("une semaine après")
    offset_cue: re.Pattern[str] | None = None  # the fixed tail of counted offsets ("semaine après"), see ``_tails``
    offset_rules: tuple[tuple[re.Pattern[str], str, int], ...] = ()
    night_before: re.Pattern[str] | None = None  # text that ends on "la nuit de": a night's span of two days
    sequel_link: re.Pattern[str] | None = None  # text that opens on "de": "le lendemain d'une frappe"
    # text that ends on a word making the date after it a clause's complement ("on", "since"); None: the
    # language reads no dateline between a title and the text (``resolve._headed``)
    complement_before: re.Pattern[str] | None = None


def none_in(lowered: str | None, phrases: Iterable[str]) -> bool:
    """Whether none of ``phrases`` can be found, in any case, in the text ``lowered`` is the lower-cased
    form of (``ignorecase_lowered``; None: not known): a phrase holds its last word, lower-cased, and a
    text without any of those words needs no scan for the phrases (:meth:`_Parts.phrases`)."""
    if lowered is None:
        return False
    tails = [words[-1].lower() for p in phrases if (words := re.findall(r"\w+", p))]
    return len(tails) == len(tuple(phrases)) and not any(t in lowered for t in tails)


def vocab_path(lang: str, language_dirs: Iterable[str] = ()) -> Path | None:
    """The language's ``dates.yaml`` (its last folder that has one); None when it has none."""
    return registry(language_dirs).file(lang, "dates.yaml")


def load_vocab(lang: str, path: str | Path | None = None) -> DateVocab:
    """Read and validate one vocabulary file; raises :class:`DataFileError` when malformed."""
    path = path or vocab_path(lang)
    if path is None:
        raise DataFileError(f"language '{lang}' has no dates.yaml")
    raw = load_yaml(path)
    if not isinstance(raw, dict) or raw.get("language") != lang:
        raise DataFileError(f"{path}: expected a mapping with 'language: {lang}'")
    maps = {k: _int_map(raw, k, path) for k in MAP_KEYS}
    return DateVocab(
        language=lang, case_sensitive=bool(raw.get("case_sensitive", False)),
        months=maps["months"], month_abbreviations=maps["month_abbreviations"],
        weekdays=maps["weekdays"], weekday_abbreviations=maps["weekday_abbreviations"],
        numbers=maps["numbers"], sequel=maps["sequel"],
        relative=_rules(raw, "relative", path), counted=_rules(raw, "counted", path),
        lists={k: _str_list(raw, k, path) for k in LIST_KEYS},
        counted_sequel=_rules(raw, "counted_sequel", path),
        counted_offset=_rules(raw, "counted_offset", path),
        slash_month_first=bool(raw.get("slash_month_first", False)),
    )


def _int_map(raw: dict[str, Any], key: str, path: str | Path) -> dict[str, int]:
    table = raw.get(key) or {}
    ok = isinstance(table, dict) and all(isinstance(k, str) and isinstance(v, int) for k, v in table.items())
    if not ok:
        raise DataFileError(f"{path}: '{key}' must map words to integers")
    low, high = (1, 12) if "month" in key else (0, 6) if "weekday" in key else (-31, 10_000)
    if any(not low <= v <= high for v in table.values()):
        raise DataFileError(f"{path}: '{key}' has a value out of range {low}..{high}")
    return dict(table)


def _rules(raw: dict[str, Any], key: str, path: str | Path) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    for phrase, rule in (raw.get(key) or {}).items():
        if not (isinstance(rule, list) and len(rule) == 2 and rule[0] in UNITS and isinstance(rule[1], int)):
            raise DataFileError(f"{path}: '{key}.{phrase}' must be [unit, count] with unit in {UNITS}")
        if key.startswith("counted") and "{n}" not in str(phrase):
            raise DataFileError(f"{path}: counted phrase '{phrase}' lacks the {{n}} placeholder")
        out[str(phrase)] = (rule[0], rule[1])
    return out


def _str_list(raw: dict[str, Any], key: str, path: str | Path) -> tuple[str, ...]:
    items = raw.get(key) or []
    if not isinstance(items, list) or not all(isinstance(x, str) and x.strip() for x in items):
        raise DataFileError(f"{path}: '{key}' must be a list of non-empty strings")
    return tuple(items)


# --- compiling -----------------------------------------------------------------------------


def compile_grammar(vocab: DateVocab) -> DateGrammar:
    """Build the ordered patterns of one language from its vocabulary."""
    g = _Parts(vocab)
    patterns: tuple[tuple[str, re.Pattern[str]], ...] = (
        ("iso", re.compile(r"(?<![\d/.-])" + YEAR + r"-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b")),
        ("numeric", re.compile(r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)" + YEAR)),
        ("dmy", re.compile(g.day_month(), g.flags)),
        ("mdy", re.compile(g.month_day(), g.flags)),
        ("month", re.compile(g.month_alone(), g.flags)),
        ("year", re.compile(rf"\b(?P<cue>{g.ci(g.alt(vocab.lists['year_cues']))})\s+{YEAR}", g.flags)),
        ("weekday_day", re.compile(g.weekday_day(), g.flags)),
        ("weekday", re.compile(g.weekday_alone(), g.flags)),
        ("counted", re.compile(g.counted(), g.flags)),
        ("relative", re.compile(rf"(?<![\w-])(?P<rel>{g.ci(g.alt(vocab.relative))})(?![\w-])", g.flags)),
        ("sequel", re.compile(rf"(?<![\w-])(?P<rel>{g.ci(g.alt(vocab.sequel))})(?![\w-])", g.flags)),
    )
    if vocab.counted_sequel:
        patterns += (("counted_sequel", re.compile(g.counted("counted_sequel"), g.flags)),)
    if vocab.lists["noun_year_links"]:
        # "les accords de paix de 2016": a year that completes a noun, followed by punctuation or by one of
        # ``noun_year_followers`` ("de 2016 avec les FARC"); never by another word ("plus de 2000 manifestants")
        follow = g.ci(g.alt(vocab.lists["noun_year_followers"])) or "(?!)"
        patterns += (("noun_year", re.compile(
            rf"\b(?P<cue>{g.ci(g.alt(vocab.lists['noun_year_links']))})\s+{YEAR}"
            rf"(?=\s*(?:[^\w\s]|$)|\s+(?:{follow})(?![\w-]))", g.flags)),)
    return DateGrammar(
        vocab=vocab, patterns=patterns,
        counted_rules=tuple((g.counted_rule(p), u, c) for p, (u, c) in vocab.counted.items()),
        not_dates=g.phrases("not_dates"),
        limit_before=g.ends_with("limit_cues"),
        since_before=g.ends_with("since_cues"),
        dateline_before=g.ends_with("dateline_cues"),
        sequel_rules=tuple((g.counted_rule(p), u, c) for p, (u, c) in vocab.counted_sequel.items()),
        present=g.phrases("present_words"),
        then=g.phrases("then_words"),
        sequel_cue=_tails(g, vocab.counted_sequel),
        offset=re.compile(g.counted("counted_offset"), g.flags) if vocab.counted_offset else None,
        offset_cue=_tails(g, vocab.counted_offset) if _counted_first(vocab.counted_offset) else None,
        offset_rules=tuple((g.counted_rule(p), u, c) for p, (u, c) in vocab.counted_offset.items()),
        night_before=g.ends_with("night_cues") if vocab.lists["night_cues"] else None,
        sequel_link=g.opens_with("sequel_links") if vocab.lists["sequel_links"] else None,
        complement_before=g.ends_with("date_prepositions") if vocab.lists["date_prepositions"] else None,
    )


def _tails(g: _Parts, phrases: dict[str, tuple[str, int]]) -> re.Pattern[str] | None:
    """The words after ``{n}`` of the counted sequels ("jours plus tard"): a cheap search that
    tells where the full pattern (which starts with a number word, slow to scan for) may match."""
    tails = {p.split("{n}", 1)[1].strip() for p in phrases}
    return re.compile(rf"(?<![\w-])(?:{g.ci(g.alt(tails))})(?![\w-])", g.flags) if tails else None


def _counted_first(phrases: dict[str, tuple[str, int]]) -> bool:
    """Every phrase opens on its number and a space ("{n} jours après"): a match of any of them then holds
    a match of :func:`_tails`, so a text without a tail has no match (a cheap test before the slow scan)."""
    return bool(phrases) and all(p.startswith("{n} ") and p.count("{n}") == 1 and p[4:].strip() for p in phrases)


class _Parts:
    """Regex fragments for one vocabulary (helper of :func:`compile_grammar`)."""

    def __init__(self, vocab: DateVocab) -> None:
        self.v = vocab
        self.flags = 0 if vocab.case_sensitive else re.IGNORECASE

    @staticmethod
    def alt(words: Any) -> str:
        """Alternation of phrases, longest first; ' matches both apostrophes, spaces any run."""
        parts = []
        for w in sorted(words, key=len, reverse=True):
            p = re.escape(w).replace("'", "['’]").replace(r"\ ", r"\s+").replace("\\{n\\}", "{n}")
            parts.append(p)
        return "|".join(parts)

    def shared(self, key: str) -> list[str]:
        """The words of list ``key`` of every shipped language and of this vocabulary: each language's
        grammar reads the day endings and links of the others too ("1st" in a French text)."""
        return sorted(shipped().union("dates", key) | set(self.v.lists[key]))

    def any(self, key: str) -> str:
        """Alternation of the shared words of ``key``; a pattern that never matches when there are none."""
        words = self.shared(key)
        return self.alt(words) if words else "(?!)"

    def ci(self, pattern: str) -> str:
        """Make a fragment case-insensitive even in a case-sensitive grammar."""
        return f"(?i:{pattern})" if self.v.case_sensitive else pattern

    def phrases(self, key: str) -> re.Pattern[str] | None:
        """Any phrase of list ``key`` as whole words, in any case; None for an empty list."""
        words = self.v.lists[key]
        return re.compile(rf"(?<!\w)(?:{self.alt(words)})(?!\w)", re.IGNORECASE) if words else None

    def ends_with(self, key: str) -> re.Pattern[str]:
        """Text that ends with one of the cues of list ``key`` (then optional ':' and spaces)."""
        return re.compile(rf"(?:^|\W)(?:{self.ci(self.alt(self.v.lists[key]))})\s*:?\s*$", self.flags)

    def opens_with(self, key: str) -> re.Pattern[str]:
        """Text that opens on one of the words of list ``key`` (after spaces), as a whole word."""
        return re.compile(rf"^\s*(?:{self.ci(self.alt(self.v.lists[key]))})(?:(?<=['’])|(?!\w))", self.flags)

    def month_word(self, with_abbr: bool) -> str:
        abbr = rf"|(?:{self.alt(self.v.month_abbreviations)})\.?" if with_abbr else ""
        return rf"(?P<month>{self.alt(self.v.months)}{abbr})(?![\w-])"

    def weekday_word(self, with_abbr: bool) -> str:
        abbr = ""
        if with_abbr and self.v.weekday_abbreviations:
            abbr = rf"|(?:{self.alt(self.v.weekday_abbreviations)})\.?"
        return rf"(?P<wd>{self.alt(self.v.weekdays)}{abbr})(?![\w-])"

    def article(self) -> str:
        return rf"(?:(?P<art>{self.ci(self.alt(self.v.lists['articles']))})\s+)?"

    def day(self) -> str:
        """A day number and its ordinal ending ("5", "1er", "1 er", "3rd")."""
        endings = []
        if self.shared("spaced_ordinal_suffixes"):
            endings.append(rf"\s?(?:{self.any('spaced_ordinal_suffixes')})(?!\w)")
        if self.shared("ordinal_suffixes"):
            endings.append(rf"(?:{self.any('ordinal_suffixes')})(?!\w)")
        ending = f"(?:{'|'.join(endings)})?" if endings else ""
        return rf"(?P<day>3[01]|[12]\d|0?[1-9]){ending}(?!\d)"

    def day_month(self) -> str:
        """[article] [weekday] day [(et|au|-) day2] month [,] [year]: "le mercredi 5 novembre"."""
        # a list or range keeps its first day: "des 22 et 23 mars", "les 16, 17 et 18 juillet"
        second = (rf"(?:(?:\s*,\s*(?:3[01]|[12]\d|0?[1-9])(?!\d))*"
                  rf"\s*(?:{self.any('range_words')}|-|–)\s*(?:3[01]|[12]\d|0?[1-9])(?:{self.any('ordinal_suffixes')})?)?")
        return (rf"(?<![\w-]){self.article()}(?:{self.weekday_word(True)},?\s+)?"
                rf"(?:(?:{self.any('day_articles')})\s+)?{self.day()}{second}"
                rf"(?:\s+(?:{self.any('day_month_links')}))?\s+{self.month_word(True)}(?:,?\s+{YEAR})?")

    def month_day(self) -> str:
        """[weekday] month day [,] [year]: "Wednesday, January 3, 2020", "Mon Aug 12 2013"."""
        return (rf"(?<![\w-])(?:{self.weekday_word(True)},?\s+)?{self.month_word(True)}\s+{self.day()}"
                rf"(?:,?\s+{YEAR})?")

    def month_alone(self) -> str:
        """[cue] month [year]: "en janvier", "mi-novembre", "in March 2019", "juillet 2014"."""
        cues = self.ci(self.alt(self.v.lists["month_cues"]))
        # not a month followed by a day number ("since January 20" is a day, not "since January")
        return (rf"(?<![\w-])(?:(?P<cue>{cues})(?:(?<=-)|\s+))?(?:(?P<art>{self.ci(self.any('month_links'))})\s+)?"
                rf"{self.month_word(False)}(?!\s+{DAY_NUMBER})(?:,?\s+{YEAR})?")

    def weekday_day(self) -> str:
        """[article] weekday day, no month: "jusqu'à mardi 14, journée de ..."; the day must be
        followed by punctuation or a preposition ("mardi 14 blessés" is not a date)."""
        after = self.ci(rf"[,.;:)»]|$|\s+(?:{self.any('weekday_day_followers')})\b")
        return rf"(?<![\w-]){self.article()}{self.weekday_word(False)}\s+{self.day()}(?=\s*(?:{after}))"

    def weekday_alone(self) -> str:
        """[cue|article] weekday [prochain|dernier]: "mercredi", "last Wednesday", "mardi dernier"."""
        before = self.ci(self.alt([*self.v.lists["articles"], *self.v.lists["future_words"],
                                   *self.v.lists["past_words"], *self.v.lists["near_words"]]))
        after = self.ci(self.alt([*self.v.lists["future_words"], *self.v.lists["past_words"]]))
        return (rf"(?<![\w-])(?:(?P<pre>{before})\s+)?{self.weekday_word(False)}"
                rf"(?:\s+(?P<post>{after})(?![\w-]))?")

    def hedge(self) -> str:
        """An optional approximation before a number ("il y a à peine deux semaines", "about two weeks")."""
        hedges = self.v.lists["number_hedges"]
        return rf"(?:(?:{self.ci(self.alt(hedges))})\s+)?" if hedges else ""

    def number(self) -> str:
        return rf"{self.hedge()}(?P<n>\d{{1,3}}|{self.ci(self.alt(self.v.numbers))})"

    def counted(self, key: str = "counted") -> str:
        """Union of the counted phrases; {n} is a digit run or a number word, maybe hedged."""
        plain = rf"{self.hedge()}(?:\d{{1,3}}|{self.ci(self.alt(self.v.numbers))})"
        phrases = {"counted": self.v.counted, "counted_sequel": self.v.counted_sequel,
                   "counted_offset": self.v.counted_offset}[key]
        return rf"(?<![\w-])(?:{self.ci(self.alt(phrases))})(?![\w-])".replace("{n}", plain)

    def counted_rule(self, phrase: str) -> re.Pattern[str]:
        """One counted phrase, anchored, with the number in group ``n``."""
        return re.compile(self.ci(self.alt([phrase])).replace("{n}", self.number()), self.flags)

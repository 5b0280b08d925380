"""Language data is data: no Python module spells a list of words of a language.

Word lists live in ``src/eventwire/data/lang/<code>/*.yaml`` and are read through ``eventwire.languages``.
This test parses every module under ``src/eventwire`` and fails on a literal collection (set, list, tuple)
of strings at least half of which are words of a shipped language's data files (prepositions, articles,
nouns, verbs ...) or carry a letter outside ASCII — unless they are identifiers eventwire itself defines
(PLOVER types and modes, the lexicon's noun classes, role kinds, record fields and values, language
codes, direction labels, column types). Suffixes tested with ``endswith`` are morphology, not word lists.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

from eventwire.actors.dictionary import ROLE_KINDS
from eventwire.data import data_path
from eventwire.languages import shipped
from eventwire.records import (
    ATTRIBUTION_KINDS,
    DATE_PRECISIONS,
    PLACE_PRECISIONS,
    PLOVER_TYPES,
    Actor,
    Article,
    Event,
    Found,
)

SRC = Path(__file__).resolve().parent.parent / "src" / "eventwire"
_WORD = re.compile(r"[^\W\d_]{2,}")


def _strings(x):
    if isinstance(x, dict):
        for v in x.values():
            yield from _strings(v)
    elif isinstance(x, list):
        for v in x:
            yield from _strings(v)
    elif isinstance(x, str):
        yield x


def _language_words() -> set[str]:
    words: set[str] = set()
    for path in Path(data_path("lang")).rglob("*.yaml"):
        if path.name in ("triggers.yaml", "language.yaml"):
            continue
        for s in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            words.update(w.lower() for w in _WORD.findall(s))
    return words


def _identifiers() -> set[str]:
    modes = yaml.safe_load(Path(data_path("plover", "modes.yaml")).read_text(encoding="utf-8"))
    classes = set()
    for lang in ("fr", "en"):
        raw = yaml.safe_load(Path(data_path("lang", lang, "coding.yaml")).read_text(encoding="utf-8"))
        classes |= set(raw.get("classes") or {})
    return ({m for v in modes.values() for m in v} | classes | set(ROLE_KINDS) | {f.value for f in Found}
            | {t.lower() for t in PLOVER_TYPES}
            | set(ATTRIBUTION_KINDS) | set(DATE_PRECISIONS) | set(PLACE_PRECISIONS) | set(shipped().codes)
            | set(Event.__dataclass_fields__) | set(Actor.__dataclass_fields__) | {"location", "none"}
            | set(Article.__dataclass_fields__)
            | {"north", "south", "east", "west", "past", "future", "near"}  # direction labels
            | {"weekday", "relative", "sequel"}                           # date mention kinds
            | {"string", "int64", "float64", "bool", "via", "channel"})   # store column names and types


def _offenders() -> list[str]:
    words, ids = _language_words(), _identifiers()
    out = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        affixes = {id(a) for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                   and n.func.attr in ("endswith", "startswith") for a in n.args}  # morphology, not words
        for node in ast.walk(tree):
            if not isinstance(node, ast.Set | ast.List | ast.Tuple) or id(node) in affixes:
                continue
            vals = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(vals) < 2 or any(v.isupper() for v in vals):
                continue
            lang = [v for v in vals if v.lower() not in ids and _WORD.fullmatch(v.replace("'", "").replace("’", ""))
                    and (v.lower() in words or not v.isascii())]
            if len(lang) >= 2 and 2 * len(lang) >= len(vals):
                out.append(f"{path.relative_to(SRC)}:{node.lineno}: {vals[:6]}")
    return out


def test_no_python_module_spells_a_word_list():
    assert _offenders() == []


def test_the_check_catches_a_word_list(tmp_path, monkeypatch):
    (tmp_path / "bad.py").write_text('PREPS = {"dans", "vers", "depuis"}\n', encoding="utf-8")
    monkeypatch.setattr(__import__(__name__), "SRC", tmp_path)
    assert _offenders() == ["bad.py:1: ['dans', 'vers', 'depuis']"]

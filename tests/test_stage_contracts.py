"""Every stage reads and writes only the Analysis fields it declares (checked at run time on real text),
and no stage reads a fact of another stage out of a rule name."""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import pytest

from eventwire.config import load_config
from eventwire.errors import ContractError
from eventwire.pipeline import Pipeline, contract_violations
from eventwire.records import Analysis, Article

TEXTS = {
    "fr": ("Des hommes armés ont attaqué mardi un poste de police à Kidal, dans le nord du Mali. L'attaque a "
           "fait trois morts. « Nous condamnons cette attaque », a déclaré le porte-parole du gouvernement "
           "malien, qui a annoncé l'arrestation de deux suspects."),
    "en": ("Rebels shelled the city of Goma on Tuesday, residents said. The army said it had arrested "
           "three fighters near the border. \"We will not negotiate with terrorists,\" the minister said."),
}


@pytest.fixture(scope="module")
def checked():
    return Pipeline(load_config(), check_contracts=True)


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_every_stage_keeps_to_its_declared_reads_and_writes(checked, lang):
    article = Article(id=f"contract-{lang}", text=TEXTS[lang], language=lang, published="2024-03-05")
    analysis = checked.analyze(article)  # raises ContractError on the first stage that breaks its contract
    assert analysis.events and analysis.quotes  # the text exercised the stages
    [result] = checked.process([article])  # the batch path checks the same way
    assert result.error is None and result.events


def test_an_undeclared_write_is_caught(checked):
    article = Article(id="c", text=TEXTS["en"], language="en", published="2024-03-05")
    analysis = Analysis(article=article, doc=checked.nlp("en")(article.text))

    class Sloppy:  # declares events, writes quotes
        name, reads, writes = "sloppy", ("doc",), ("events",)

        def __call__(self, a):
            return replace(a, quotes=(*a.quotes, "a quote nobody declared"))

    assert contract_violations(Sloppy(), analysis) == ["writes 'quotes' (undeclared)"]
    with pytest.raises(ContractError):
        broken = Pipeline(load_config(), check_contracts=True)
        broken._stages = [Sloppy()]
        broken.analyze(article)


RULE_READERS = {"train.py", "judge.py", "coder.py"}  # the rule name's paths are the judge's features


def test_no_stage_reads_a_fact_out_of_a_rule_name():
    src = Path(__file__).resolve().parent.parent / "src" / "eventwire"
    found = []
    for path in src.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare) and any(isinstance(op, ast.In | ast.NotIn) for op in node.ops):
                right = node.comparators[-1]
                if isinstance(right, ast.Attribute) and right.attr == "rule":
                    found.append(f"{path.relative_to(src)}:{node.lineno}")
    assert found == []

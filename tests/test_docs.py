"""The documentation that matters is checked: README commands exist and its Python example runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire.cli import main as cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def test_docs_readme_make_targets_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z]+):", makefile, flags=re.M))
    named = set(re.findall(r"make (\w+)", README))
    assert {"demo", "test", "eval", "bench"} <= named <= targets


def test_docs_readme_cli_commands_exist():
    used = {line.split()[1] for block in _blocks("sh") for line in block.splitlines()
            if line.startswith("eventwire ")}
    assert used, "README shows no eventwire command"
    assert used <= set(cli.commands), used - set(cli.commands)


def test_docs_readme_links_resolve():
    for target in re.findall(r"\]\((docs/[^)]+|CHANGELOG\.md)\)", README):
        assert (ROOT / target).exists(), target


@pytest.mark.slow
def test_docs_readme_python_example_runs(capsys, tmp_path, monkeypatch):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "a1", "text": "Le Hezbollah a menacé Israël mercredi, selon un communiqué.", '
                      '"published": "2020-11-05", "lang": "fr"}\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for block in _blocks("python"):
        exec(compile(block, "README.md", "exec"), {})
    assert "a1" in capsys.readouterr().out

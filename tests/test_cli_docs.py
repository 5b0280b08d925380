"""docs/cli.md documents every command, each with an example; docs/store.md every table."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from eventwire.cli import main
from eventwire.store.sqlite import SQLiteStore

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_cli_every_command_documented_with_example(name: str) -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert f"## eventwire {name}\n" in text
    assert re.search(rf"^\$ eventwire {name}\b", text, re.MULTILINE), f"no example for {name}"


def test_cli_every_option_documented() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for command in main.commands.values():
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert opt in text, f"{command.name} {opt} not in docs/cli.md"


def test_store_docs_list_every_table(tmp_path: Path) -> None:
    SQLiteStore(tmp_path / "d.db").close()
    conn = sqlite3.connect(tmp_path / "d.db")
    tables = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
              if not n.startswith("articles_fts_") and n != "sqlite_sequence"]
    conn.close()
    text = (DOCS / "store.md").read_text(encoding="utf-8")
    for table in tables:
        assert f"`{table}`" in text, f"table {table} not in docs/store.md"

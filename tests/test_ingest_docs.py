"""docs/input.md documents every document-error code the ingest step can produce."""

from __future__ import annotations

import re
from pathlib import Path

from eventwire import errors

DOC = Path(__file__).parent.parent / "docs" / "input.md"


def _ingest_codes() -> set[str]:
    values = (getattr(errors, name) for name in dir(errors) if name.startswith("E_"))
    return {v for v in values if isinstance(v, str) and ("E101" <= v <= "E121" or "E140" <= v <= "E149")}


def test_ingest_docs_table_lists_every_code():
    documented = set(re.findall(r"^\| (E1\d\d) \|", DOC.read_text(encoding="utf-8"), flags=re.M))
    assert _ingest_codes() == {"E101", "E102", "E103", "E104", "E105", "E106", "E107", "E110",
                               "E120", "E121", "E140", "E141", "E142", "E143"}
    assert documented == _ingest_codes()

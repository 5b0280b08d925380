"""docs/dates.md documents every flag that the date code can emit."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "src" / "eventwire" / "dates").glob("*.py"))
FLAG = re.compile(r'"((?:via|from)-[a-z]+|[a-z]+-(?:inferred|mismatch)|(?:alt|after|anchor|base):)')


def test_dates_docs_every_flag_is_documented():
    code = "\n".join(p.read_text(encoding="utf-8") for p in SOURCES)
    built = {"anchor:dateline", "anchor:published", "anchor:text-dates", "from-published"}  # f-strings
    flags = set(FLAG.findall(code)) | built
    assert {"via-clause", "via-offset", "from-dateline", "weekday-mismatch", "year-inferred", "alt:", "base:"} <= flags
    docs = (ROOT / "docs" / "dates.md").read_text(encoding="utf-8")
    missing = sorted(f for f in flags if f"`{f}" not in docs)
    assert not missing, missing

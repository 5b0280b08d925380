"""The fixed tune/check split of every gold set: by article id, never by content.

``half(article_id)`` is "tune" or "check" from the SHA-1 of the id, so the split is the same on every
machine, for every set, and for articles added later. Read errors and fit anything only on the tune
half; the check half says whether a change generalises (a change that lifts tune but not check is fitted).
"""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.coding.train import half

HALVES = ("tune", "check")



def gold_files(gold_dir: Path, which: str | None = None) -> list[Path]:
    """The gold files of a set, all of them or one half."""
    files = sorted(Path(gold_dir).glob("*.json"))
    if which is None:
        return files
    return [f for f in files if half(json.loads(f.read_text(encoding="utf-8"))["article_id"]) == which]

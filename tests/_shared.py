"""Where the project's shared folder (gold sets, corpus) is: ``$EVENTWIRE_SHARED`` or ``../shared``."""

from __future__ import annotations

import os
from pathlib import Path

SHARED = Path(os.environ.get("EVENTWIRE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPUS = SHARED / "corpus" / "wikinews-fr.jsonl"
EVAL = SHARED / "eval"

"""Access to the language knowledge shipped under ``eventwire/data/`` and user files.

Language knowledge (lexicons, actor dictionary, places) is data, not code: YAML or TSV
files that users can read, extend and override. Each owner module validates its own
files (raising :class:`eventwire.errors.DataFileError`); this module only finds and parses.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import DataFileError


def data_path(*parts: str) -> Path:
    """Path of a shipped data file, e.g. ``data_path("lexicons", "fr", "triggers.yaml")``."""
    return Path(str(resources.files("eventwire").joinpath("data", *parts)))


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: about 5x faster


def load_yaml(path: str | Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_Loader)  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"cannot read data file {path}: {exc}") from exc


def read_tsv(path: str | Path) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated file with a header line; ``#`` lines are comments."""
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            lines = (line for line in fh if line.strip() and not line.startswith("#"))
            yield from csv.DictReader(lines, delimiter="\t")
    except OSError as exc:
        raise DataFileError(f"cannot read data file {path}: {exc}") from exc

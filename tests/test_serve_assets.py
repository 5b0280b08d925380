"""Everything the explorer serves ships in the package: the vendored libraries are the pinned ones,
unchanged, and no page or script names a host (nothing is fetched at run time)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVE = ROOT / "src" / "eventwire" / "serve"
VENDOR = SERVE / "static" / "vendor"


def test_serve_vendored_files_are_the_pinned_versions() -> None:
    pins = json.loads((ROOT / "web" / "package.json").read_text())["dependencies"]
    lock = json.loads((ROOT / "web" / "package-lock.json").read_text())["packages"]
    manifest = json.loads((VENDOR / "MANIFEST.json").read_text())
    assert set(manifest) == set(pins)
    for package, entry in manifest.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", pins[package]), f"{package} is not pinned exactly"
        assert entry["version"] == pins[package] == lock[f"node_modules/{package}"]["version"]
        for name, digest in entry["files"].items():
            assert hashlib.sha256((VENDOR / package / name).read_bytes()).hexdigest() == digest, name


def test_serve_pages_and_scripts_name_no_host() -> None:
    ours = [*SERVE.glob("templates/**/*.html"), *SERVE.glob("static/*.js"), *SERVE.glob("static/*.css")]
    assert len(ours) >= 8
    for path in ours:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(src|href)=\"(https?:)?//", text), path
        assert not re.search(r"fetch\(\s*[\"']https?:", text), path
        assert "cdn" not in text.lower(), path


def test_serve_templates_reference_only_shipped_static_files() -> None:
    for template in SERVE.glob("templates/**/*.html"):
        for rel in re.findall(r"ew_prefix \}\}/static/([^\"']+)", template.read_text(encoding="utf-8")):
            assert (SERVE / "static" / rel).is_file(), (template.name, rel)

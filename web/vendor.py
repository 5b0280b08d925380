"""Copy the pinned front-end libraries (web/package-lock.json) into the package's static folder.

Run by ``make vendor`` after ``npm ci --ignore-scripts`` in web/. The copied files are committed, so
installing eventwire needs no npm and serving needs no network; ``tests/test_serve_assets.py``
checks that every file listed in ``VENDORED`` is present with the version recorded here.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEST = HERE.parent / "src" / "eventwire" / "serve" / "static" / "vendor"

# package -> files (relative to the package folder) copied into static/vendor/<package>/
FILES: dict[str, tuple[str, ...]] = {
    "leaflet": ("dist/leaflet.js", "dist/leaflet.css", "LICENSE"),
    "leaflet.markercluster": ("dist/leaflet.markercluster.js", "dist/MarkerCluster.css",
                              "dist/MarkerCluster.Default.css", "MIT-LICENCE.txt"),
    "topojson-client": ("dist/topojson-client.min.js", "LICENSE"),
    "uplot": ("dist/uPlot.iife.min.js", "dist/uPlot.min.css", "LICENSE"),
    "world-atlas": ("countries-110m.json", "LICENSE"),
}


def main() -> int:
    modules = HERE / "node_modules"
    manifest: dict[str, dict[str, object]] = {}
    for package, files in FILES.items():
        src = modules / package
        version = json.loads((src / "package.json").read_text())["version"]
        out = DEST / package
        out.mkdir(parents=True, exist_ok=True)
        sums = {}
        for rel in files:
            target = out / Path(rel).name
            shutil.copyfile(src / rel, target)
            sums[target.name] = hashlib.sha256(target.read_bytes()).hexdigest()
        manifest[package] = {"version": version, "files": sums}
    (DEST / "MANIFEST.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    print(f"vendored {sum(len(f) for f in FILES.values())} files into {DEST}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

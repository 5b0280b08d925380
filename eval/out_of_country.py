#!/usr/bin/env python3
"""Events placed in a country that neither the article nor its actors mention.

A name match that lands an event on another continent (a village read as a namesake town in Central
Asia) is the classic gazetteer failure. For each article this runs the whole pipeline and counts the
located events whose country is not among the article's own countries: the countries it names, the
countries of the regions it names (a region implies its country) and the countries of its actors
("the Burkinabe army", "le président kényan"). A location that is a known city (100,000 people or
more, the resolver's ``KNOWN_CITY_POPULATION``: it stands on its own name), a reviewed place (a
venue such as the UN in Geneva, a facility), the place of the title or dateline the text opens
with (or of a wire dispatch's opening sentence, after its dateline; or the same name said again
later), and a country its towns give ("Paris", "Lyon": France) are counted apart, as events with a
textual reason. Target: no event out of the article's countries without such a reason.

Usage: python eval/out_of_country.py [--shared ../shared] [--list] [FILE.jsonl ...]

With no file: the French Wikinews corpus (``corpus/wikinews-fr.jsonl``, 266 articles) and the
``dev-en-muc4`` set (its input made by ``score.py --make-input``). ``--list`` prints each such event
(article id, place name, country), never the article's text.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAD_CHARS = 200  # the title and dateline of a Wikinews article, the dateline of a wire report


def _shared(arg: str | None) -> Path:
    for cand in ([Path(arg)] if arg else []) + [ROOT.parent / "shared", ROOT / "../shared"]:
        if (cand / "eval" / "score.py").exists():
            return cand.resolve()
    sys.exit("cannot find the shared folder (../shared); pass --shared")


def _articles(path: Path) -> Iterator[dict]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def count(path: Path, show: bool = False) -> dict[str, int]:
    """Run the pipeline on every article of a JSONL file; count located events and those out of the
    article's countries (with and without a textual reason)."""
    from eventwire import Pipeline
    from eventwire.records import Article

    pipe = Pipeline()
    gazetteer = pipe.resources.get("gazetteer", _open)
    out = {"articles": 0, "events": 0, "located": 0, "out_of_country": 0, "major_city": 0, "reviewed": 0,
           "headline": 0, "towns": 0}
    for r in _articles(path):
        try:
            article = pipe.identify(Article(id=r["id"], text=r["text"], language=r.get("lang"),
                                            published=r.get("published"), title=r.get("title")))
        except Exception:  # a language eventwire does not read: not this report's business
            continue
        analysis = pipe.analyze(article)
        out["articles"] += 1
        own = {p.country for p in analysis.places if p.precision in ("country", "admin1") and p.country}
        own |= {a.country for a in analysis.actors if a.country}
        for ev in analysis.events:
            out["events"] += 1
            loc = ev.location
            if loc is None or not loc.country:
                continue
            out["located"] += 1
            if loc.country in own:
                continue
            towns = {p.country for p in analysis.places if p.precision in ("city", "facility")}
            # the article's main country found through its towns ("Paris", "Lyon": France)
            reason = "towns" if loc.precision == "country" and loc.country in towns else _reason(
                loc, article.text, gazetteer)
            out[reason or "out_of_country"] += 1
            if show:
                print(f"  {reason or 'OUT'}: {article.id} {ev.type} {loc.name} ({loc.country}, {loc.precision})")
    return out


def _reason(loc, text: str, gazetteer) -> str | None:  # noqa: ANN001 - a Place, a SqliteGazetteer
    """Why a place out of the article's countries is still the text's: a reviewed place (a venue: the
    UN in Geneva; a facility), a known city, or the place of the title or dateline the text opens with."""
    if loc.gazetteer_id and curated_id_text(loc.gazetteer_id):
        return "reviewed"
    from eventwire.places.resolve import KNOWN_CITY_POPULATION

    entry = gazetteer.by_id(loc.gazetteer_id) if loc.gazetteer_id else None
    if entry is not None and entry.population >= KNOWN_CITY_POPULATION:
        return "major_city"
    from eventwire.text import wire_dateline

    # the head: the title line, or a wire dispatch's dateline and then its opening sentence, which may run
    # past HEAD_CHARS after the dateline's agency and bracketed tags ("Cuzco, 5 Apr 90 (EFE) -- [Text] ...")
    first_line = text.find("\n", text.find("\n") + 1 if text.startswith("\n") else 0)
    line = wire_dateline(text)
    head_end = max(HEAD_CHARS, first_line, line.end() + HEAD_CHARS if line is not None else 0)
    if loc.span[1] <= head_end:
        return "headline"
    # the same place as the head's, reached through a later mention (the place of the paragraph before)
    said = text[loc.span[0]:loc.span[1]] if 0 <= loc.span[0] < loc.span[1] <= len(text) else ""
    if said and said.casefold() in text[:head_end].casefold():
        return "headline"
    return None


def curated_id_text(place_id: str) -> bool:
    from eventwire.places.gazetteer import Candidate
    from eventwire.places.resolve import curated_id

    return curated_id(Candidate(place_id, "", None, None, 0.0, 0.0, 0, "city"))


def _open(config):  # noqa: ANN001, ANN202 - the resource loader signature
    from eventwire.places.sources import open_gazetteer

    return open_gazetteer(config)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--shared")
    ap.add_argument("--list", action="store_true", help="print each event out of the article's countries")
    a = ap.parse_args()
    files = [Path(f) for f in a.files]
    tmp = None
    if not files:
        shared = _shared(a.shared)
        tmp = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8")
        subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "--make-input",
                        str(shared / "eval" / "dev-en-muc4")], stdout=tmp, check=True)
        tmp.close()
        files = [shared / "corpus" / "wikinews-fr.jsonl", Path(tmp.name)]
    try:
        for f in files:
            name = "dev-en-muc4" if tmp is not None and f == Path(tmp.name) else f.name
            print(f"== out of the article's countries: {name}", flush=True)
            res = count(f, a.list)
            print(f"  {res['articles']} articles, {res['events']} events, {res['located']} located: "
                  f"{res['out_of_country']} in a country the article does not mention without a textual reason; "
                  f"with one: {res['major_city']} in a city of 100,000 people or more, {res['reviewed']} at a "
                  f"reviewed place (a venue, a facility), {res['headline']} at the place of the title or dateline, "
                  f"{res['towns']} in the country of the article's towns",
                  flush=True)
    finally:
        if tmp is not None:
            Path(tmp.name).unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

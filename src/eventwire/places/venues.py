"""Seats of international bodies as the location of their verbal and diplomatic events.

"Two members vetoed the Security Council's text" happened at UN headquarters in New
York; "au sommet du Conseil européen" in Brussels. ``data/places/venues.tsv`` lists the
bodies (same columns as ``facilities.tsv``); they are not in the gazetteer, since their names are
institutions everywhere else. A venue is used only for a verbal or diplomatic event (``VENUE_TYPES``)
whose sentence names no usable place, or as the nearest earlier mention in its paragraph.
"""

from __future__ import annotations

from ..data import data_path
from ..records import Place, Span
from ..text import fold_aligned
from .gazetteer import Candidate, phrase_regex
from .sources import read_places

VENUE_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT",
                         "THREATEN", "SANCTION", "COOPERATE"})


class Venues:
    """The venue names as one regex over folded text (longest name first, see ``phrase_regex``)."""

    def __init__(self, rows: list[tuple[Candidate, tuple[str, ...]]]) -> None:
        self._by_name: dict[str, Candidate] = {}
        for cand, names in rows:
            for name in names:
                self._by_name[fold_aligned(name).strip()] = cand
        self._regex = phrase_regex(self._by_name)

    def find(self, text: str, folded: str | None = None) -> list[tuple[Span, Place]]:
        """Venue mentions of ``text`` (``folded``: ``fold_aligned(text)``, when the caller has it)."""
        out = []
        for m in self._regex.finditer(fold_aligned(text) if folded is None else folded):
            c = self._by_name[m.group(0)]
            out.append((m.span(), Place(text=text[m.start():m.end()], name=c.name, span=m.span(),
                                        country=c.country, admin1=c.admin1, lat=c.lat, lon=c.lon,
                                        precision=c.kind, gazetteer_id=c.id)))
        return out


def load_venues(config: object = None) -> Venues:
    rows = read_places(data_path("places", "venues.tsv"))
    return Venues([(r.place, r.names) for r in rows])

"""Places: where each event happened (see ``docs/places.md``).

The public face of the concern: the pipeline's ``places`` stage. The rest is private to the package:
``stage`` (the stage and the event-location rules), ``mentions`` (place mentions in a parsed doc),
``context`` (the syntax around a trigger), ``resolve`` (mention -> gazetteer entry), ``regions``
("le nord-est du Nigeria"), ``venues`` (seats of international bodies), ``gazetteer`` (the
gazetteer interface and its SQLite file) and ``sources`` (what the gazetteer is built from).
"""

from .stage import PlaceStage

__all__ = ["PlaceStage"]

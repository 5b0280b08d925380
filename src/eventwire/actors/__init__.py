"""Actors: the actor dictionary, the resolver every stage shares, and the ``actors`` stage.

Other packages use only what this module exports::

    from ..actors import ActorStage, resolver_for
    resolver = resolver_for(resources, lang)   # built once per process, cached in ``resources``

The private modules: ``dictionary`` (loading and compiling ``data/actors/*.yaml``), ``norm``
(normalised words and the longest-match trie), ``resolve`` (the resolver), ``stage`` (the stage).
See ``docs/actors.md``.
"""

from .resolve import dictionary_for, resolver_for
from .stage import ActorStage

__all__ = ["ActorStage", "dictionary_for", "resolver_for"]

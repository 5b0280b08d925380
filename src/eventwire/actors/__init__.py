"""Actors: the actor dictionary, the resolver every stage shares, and the ``actors`` stage.

Other packages use only what this module exports::

    from ..actors import ActorStage, Resolver, resolver_for
    resolver: Resolver = resolver_for(resources, lang)   # built once per process, kept in ``resources``

The private modules: ``dictionary`` (loading and compiling ``data/actors/*.yaml``), ``norm``
(normalised words and the longest-match trie), ``words`` (the closed word lists of
``data/lang/<code>/actors.yaml``), ``resolve`` (the resolver), ``stage`` (the stage).
See ``docs/actors.md``.
"""

from .resolve import Resolver, dictionary_for, resolver_for
from .stage import ActorStage

__all__ = ["ActorStage", "Resolver", "dictionary_for", "resolver_for"]

"""Argument rules over the dependency parse: who did it (source) and to whom (target).

Works on UD labels (French: nsubj, nsubj:pass, obj, obl:agent, obl:arg, nmod, amod, acl,
acl:relcl, conj, xcomp, ccomp) and ClearNLP labels (English: nsubj, nsubjpass, dobj, agent,
prep/pobj, poss, compound, relcl). Each finder returns :class:`Arg` records naming the
dependency path that gave the actor, which the coder turns into the rule name and explanation.

The rules are split in layers, each a class building on the previous one: :mod:`.arg_base`
(labels, records, state, helpers), :mod:`.arg_actors` (noun phrases, actors, pronouns),
:mod:`.arg_verbs` (verbal arguments) and :mod:`.arg_nouns` (nominal arguments).
"""

from __future__ import annotations

from .arg_base import Arg, Frame
from .arg_nouns import NounArguments

__all__ = ["Arg", "ArgumentFinder", "Frame"]


class ArgumentFinder(NounArguments):
    """Source and target rules for one document. ``resolver`` follows the actor stage's interface."""

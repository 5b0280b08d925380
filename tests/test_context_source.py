"""The article's actors as sources of a sourceless event: a headline's place label ("Belgique : ...")
is where the story happens, never the author of what it tells."""

from __future__ import annotations

from dataclasses import replace

import pytest

from _coder import analyze
from eventwire.actors.resolve import place_label
from eventwire.coding.context_source import ContextSources
from eventwire.coding.judge import Judge
from eventwire.records import Event, TextRef

pytestmark = pytest.mark.slow

TEXT = ("Belgique : un homme tué par balles à Liège\n\n"
        "Un homme a été tué par balles mardi soir à Liège. La Belgique a renforcé ses contrôles aux frontières.")


def test_headline_place_label_is_a_mention_but_no_context_source(pipeline):
    a = analyze(pipeline, TEXT, "fr", published="2021-03-03")
    labels = [x for x in a.actors if place_label(TEXT, x)]
    assert [x.span for x in labels] == [(0, 8)]  # the label; the body's "La Belgique" is a subject, not a label
    assert any(x.name == "Belgium" and x.span[0] > 0 for x in a.actors)
    at = TEXT.index("a été tué")
    killing = Event(article_id="t", language="fr", type="ASSAULT", trigger=TextRef("a été tué", (at, at + 9)),
                    evidence=TextRef("a été tué", (at, at + 9)))
    candidates = [actor.span for actor, _ in ContextSources(a, list(a.events), Judge()).candidates(killing)]
    assert (0, 8) not in candidates
    assert all(e.source is None or e.source.span != (0, 8) for e in a.events)


@pytest.mark.parametrize("text, label", [
    ("Irak : trois soldats tués", True),
    ("Irak: trois soldats tués", True),
    ("L'Irak : un pays en crise", False),        # not at the line's start
    ("Le ministre : « Nous partirons »", False),  # a person speaking, not a state
])
def test_place_label_needs_a_state_opening_the_line_before_a_colon(pipeline, text, label):
    a = analyze(pipeline, text, "fr", published="2021-03-03")
    assert any(place_label(text, x) for x in a.actors) is label


@pytest.mark.parametrize("text,trigger,victim", [
    ("Le préfet de la région, Marc Ouédraogo, a été abattu jeudi soir devant la préfecture.", "a été abattu",
     "Ouédraogo"),
    ("Une militante, Awa Diallo, a été enlevée dimanche près de Mopti.", "a été enlevée", "Diallo"),
    # the object of the act, its state's adjective the target: the name in apposition is the victim
    ("Une explosion a tué samedi le général syrien Ali Hassan près de Homs.", "a tué", "Hassan"),
    # a noun event subject of the verb that tells what it did: the verb's object is its victim
    ("Une frappe a tué jeudi le commandant iranien Reza Karimi près de la frontière.", "frappe", "Karimi"),
])
def test_a_name_in_the_victims_phrase_is_no_context_source(keep_sourceless_pipeline, text, trigger, victim):
    a = analyze(keep_sourceless_pipeline, text, "fr", published="2021-03-03")
    at = text.index(trigger)
    ev = next(e for e in a.events if e.trigger.span[0] <= at < e.trigger.span[1])
    assert ev.source is None or victim not in ev.source.text
    ctx = ContextSources(a, list(a.events), Judge())
    assert all(victim not in actor.text for actor, _ in ctx.candidates(ev))


def test_an_actors_adjective_on_a_place_is_no_context_source(keep_sourceless_pipeline):
    text = "Un imam a été poignardé vendredi dans une mosquée chiite de Karachi."
    a = analyze(keep_sourceless_pipeline, text, "fr", published="2021-03-03")
    at = text.index("poignardé")
    ev = next(e for e in a.events if e.trigger.span[0] <= at < e.trigger.span[1])
    assert ev.source is None or "chiite" not in ev.source.text


def test_who_condemns_an_attack_is_not_its_author(pipeline):
    text = "La fusillade de Lyon a été condamnée par le maire Paul Girard et par la préfète."
    a = analyze(pipeline, text, "fr", published="2021-03-03")
    shooting = [e for e in a.events if e.type == "ASSAULT"]
    assert all(e.source is None or "Girard" not in e.source.text for e in shooting)


def test_who_voices_outrage_in_the_attacks_sentence_is_not_its_author(pipeline):
    text = "La ministre a exprimé sa vive indignation après l'attentat de la gare."
    a = analyze(pipeline, text, "fr", published="2021-03-03")
    assert not [e for e in a.events if e.type == "ASSAULT" and e.source is not None and "ministre" in e.source.text]


SHOOTING = ("Une fusillade a éclaté lundi matin dans un lycée de Lyon. Selon la préfecture, le tireur a ouvert le feu "
            "sur deux surveillants avant de prendre la fuite.")


def _shooting(text: str) -> Event:
    at = text.index("fusillade")
    return Event(article_id="t", language="fr", type="ASSAULT", trigger=TextRef("fusillade", (at, at + 9)),
                 evidence=TextRef("fusillade", (at, at + 9)), nominal=True)


def test_the_author_of_an_attack_told_later_is_a_candidate_for_a_sourceless_one(pipeline):
    a = analyze(pipeline, SHOOTING, "fr", published="2021-03-03")
    assert any(e.type == "ASSAULT" and e.source is not None and e.source.name == "gunmen" for e in a.events)
    ev = _shooting(SHOOTING)
    plain = ContextSources(a, list(a.events), Judge()).candidates(ev)
    assert not any(actor.name == "gunmen" for actor, _ in plain)  # the next sentence: outside the window
    wide = ContextSources(a, list(a.events), Judge(), agent_types=frozenset({"assault"})).candidates(ev)
    feats = next(f for actor, f in wide if actor.name == "gunmen")
    assert "dist=next" in feats and "dist=ASSAULT:next" in feats


def test_an_event_kept_without_a_source_takes_the_likeliest_actor(pipeline):
    from eventwire.coding.coder import JUDGED, CoderStage
    a = analyze(pipeline, SHOOTING, "fr", published="2021-03-03")
    ev = replace(_shooting(SHOOTING), coder=JUDGED)
    # every context score is far below the context threshold
    judge = Judge(weights={"x": 1.0}, threshold=0.2, null_threshold=0.5, source_weights={"dist=next": 1.0},
                  source_bias=-6.0, source_threshold=0.5)
    others = list(a.events)
    kept, dropped = CoderStage.sources_from_context(a, others + [replace(ev, confidence=0.9)], judge,
                                                    agent_types=frozenset({"assault"}))
    mine = [e for e in kept if e.trigger.span == ev.trigger.span]
    assert [e.source.name if e.source else None for e in mine] == ["gunmen"] and not dropped
    assert mine[0].source.inferred == "context" and "kept anyway" in mine[0].explanation
    # an event below the bar for sourceless events is still turned down, not given a weak source
    kept, dropped = CoderStage.sources_from_context(a, others + [replace(ev, confidence=0.3)], judge,
                                                    agent_types=frozenset({"assault"}))
    assert not [e for e in kept if e.trigger.span == ev.trigger.span] and len(dropped) == 1


@pytest.mark.parametrize("text, noun", [
    ("Le suspect a ouvert le feu sur les clients du bar avant de s'enfuir.", "suspect"),
    ("Le meurtrier a ouvert le feu sur deux policiers samedi soir à Nantes.", "meurtrier"),
    ("L'auteur présumé a tiré sur deux gendarmes mardi près de Tours.", "auteur présumé"),
])
def test_a_perpetrator_role_noun_is_an_actor(pipeline, text, noun):
    """An actor of the dictionary (sector UAF), hence a context source of the article's other tellings."""
    a = analyze(pipeline, text, "fr", published="2021-03-03")
    sources = [e.source for e in a.events if e.type == "ASSAULT" and e.source is not None]
    assert any(x.sector == "UAF" and noun in x.text.lower() for x in list(a.actors) + sources)

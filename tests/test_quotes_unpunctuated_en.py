"""English attribution without commas (wire copy stripped of punctuation), statement verbs that
are acts, reports that go on over the next sentences (hand-written sentences)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.actors import ActorStage
from eventwire.quotes import AttributionStage, QuoteStage
from eventwire.records import Actor, Analysis, Article, Event, TextRef


def event(text: str, trigger: str, type_: str, source: Actor | None = None, nth: int = 0) -> Event:
    start = -1
    for _ in range(nth + 1):
        start = text.index(trigger, start + 1)
    ref = TextRef(trigger, (start, start + len(trigger)))
    return Event(article_id="t", language="en", type=type_, trigger=ref, evidence=ref, source=source)


@pytest.fixture(scope="module")
def analysed(nlp_en, resources):
    def run(text: str, events: list[Event]) -> Analysis:
        analysis = Analysis(article=Article(id="t", text=text, language="en"), doc=nlp_en(text))
        analysis = QuoteStage(resources)(ActorStage(resources)(analysis))
        return AttributionStage(resources)(replace(analysis, events=tuple(events)))

    return run


def one(analysed, text, trigger, type_="ASSAULT"):
    (ev,) = analysed(text, [event(text, trigger, type_)]).events
    return ev.attribution


def test_speaker_after_the_clause_without_comma(analysed):
    text = ("Government troops have taken three villages south of the city and clashes have cut the main "
            "road into the town a rights group said on Monday.")
    at = one(analysed, text, "have taken")
    assert at.kind == "named" and at.speaker.text == "a rights group"


def test_subjectless_said_takes_the_phrase_before_it(analysed):
    text = ("Rebel groups continue to shell residential districts in the towns of Hama and Homs the Russian "
            "center for reconciliation said in its daily bulletin on Friday.")
    at = one(analysed, text, "shell")
    assert at.kind == "named" and at.speaker.text.startswith("the Russian center for reconciliation")


def test_residents_have_reported_without_comma(analysed):
    text = "Dozens of homes were burned during an army raid on the village nearby residents have reported."
    at = one(analysed, text, "burned")
    assert at.kind == "anonymous" and "residents" in at.speaker.text


def test_headline_run_into_the_first_sentence(analysed):
    text = ("Wednesday 3 March 2021 50 Civilians Killed in Shelling on Homs Activists in Homs province said "
            "that shelling by government forces killed 50 civilians.")
    at = one(analysed, text, "killed", "ASSAULT")
    assert at.kind == "anonymous" and "Activists" in at.speaker.text and "Civilians" not in at.speaker.text


@pytest.mark.parametrize("text, trigger, kind", [
    ("Militants attacked a checkpoint near the border Sputnik reported.", "attacked", "media"),
    ("Al-Manar TV reported that militants attacked a checkpoint near the border.", "attacked", "media"),
    ("State media said that militants attacked a checkpoint near the border.", "attacked", "media"),
    ("Sources told the newspaper that militants attacked a checkpoint near the border.", "attacked",
     "anonymous"),
    ("Activists in Idlib said militants attacked a checkpoint near the border.", "attacked", "anonymous"),
    ("According to the Syrian Observatory for Human Rights militants attacked a checkpoint near the border.",
     "attacked", "named"),
])
def test_speaker_kinds_without_commas(analysed, text, trigger, kind):
    assert one(analysed, text, trigger).kind == kind


def test_act_verbs_are_reported_by_the_author(analysed):
    text = ("Both sides have denied targeting civilians. The ministers urged the government to free the "
            "prisoners. The opposition accused the army of shelling the town.")
    denied, urged, accused = analysed(text, [event(text, "have denied", "REJECT"),
                                             event(text, "urged", "REQUEST"),
                                             event(text, "accused", "ACCUSE")]).events
    assert denied.attribution.kind == "author" and urged.attribution.kind == "author"
    assert accused.attribution.kind == "named"


def test_pronoun_skips_a_name_used_as_modifier(analysed):
    text = ("Opposition member Karim Haddad condemned the shelling by the Maduro government forces. "
            "He lamented the silence of the world.")
    (ev,) = analysed(text, [event(text, "lamented", "ACCUSE")]).events
    assert ev.attribution.kind == "named" and ev.attribution.speaker.name == "Karim Haddad"


def test_report_goes_on_in_the_next_sentences_of_the_same_kind(analysed):
    text = ("Activists said that government jets struck a market in the town on Tuesday. "
            "Russian helicopters dropped barrel bombs on a nearby village. "
            "A UN envoy has been trying to broker a truce.")
    struck, dropped, broker = analysed(text, [event(text, "struck", "ASSAULT"), event(text, "dropped", "ASSAULT"),
                                              event(text, "broker", "CONSULT")]).events
    assert struck.attribution.kind == "anonymous"
    assert dropped.attribution.kind == "anonymous" and dropped.attribution.speaker.text == "Activists"
    assert broker.attribution.kind == "author"


def test_report_does_not_go_on_after_reportedly(analysed):
    text = ("Government forces have reportedly destroyed an arms depot. "
            "Rebels shelled the airport.")
    _, shelled = analysed(text, [event(text, "destroyed", "ASSAULT"), event(text, "shelled", "ASSAULT")]).events
    assert shelled.attribution.kind == "author"


def test_lead_takes_the_attribution_of_the_report_it_sums_up(analysed):
    militants = Actor("Militants", "militants", (0, 9))
    text = ("Militants executed ten prisoners near the town. "
            "The monitoring center said in its bulletin that the militants executed ten prisoners near the town.")
    lead, later = analysed(text, [event(text, "executed", "ASSAULT", militants),
                                  event(text, "executed", "ASSAULT", militants, nth=1)]).events
    assert later.attribution.kind == "named"
    assert lead.attribution.kind == "named" and lead.attribution.speaker == later.attribution.speaker


def test_an_accusation_is_not_a_report_that_goes_on(analysed):
    text = ("The opposition accused the army of shelling the town. "
            "Rebels later shelled the airport.")
    _, shelling, shelled = analysed(text, [event(text, "accused", "ACCUSE"), event(text, "shelling", "ASSAULT"),
                                           event(text, "shelled", "ASSAULT")]).events
    assert shelling.attribution.kind == "named"
    assert shelled.attribution.kind == "author"


def test_said_the_observatory_without_comma(analysed):
    text = ("The army took two villages while fighting went on near the dam said the Observatory which "
            "monitors the war.")
    at = one(analysed, text, "took")
    assert at.kind == "named" and at.speaker.text == "the Observatory"


def test_subject_of_the_reported_clause_is_not_an_inverted_speaker(analysed):
    text = "Reports said the army attacked the town."
    at = one(analysed, text, "attacked")
    assert at.speaker is None or "army" not in at.speaker.text


def test_bracketed_aside_in_reported_speech_is_the_author(analysed):
    text = ("Groups of the Nusra Front (banned in Russia) keep shelling the town the reconciliation center said "
            "on Friday.")
    banned, shelling = analysed(text, [event(text, "banned", "COERCE"), event(text, "shelling", "ASSAULT")]).events
    assert banned.attribution.kind == "author"
    assert shelling.attribution.kind == "named"


def test_posted_a_video_that_showed_keeps_its_content(analysed):
    text = ("The rescue group posted a clip on its website that showed volunteers giving blankets to "
            "the wounded.")
    at = one(analysed, text, "giving", "AID")
    assert at.kind == "named"


def test_said_in_a_statement_that_keeps_its_clause(analysed):
    text = "The ministry said in a statement that troops killed 20 militants."
    at = one(analysed, text, "killed")
    assert at.kind == "named" and at.speaker.text == "The ministry"


def test_according_to_a_document_stops_at_its_noun(analysed):
    text = "Thus according to the bulletin Nusra Front fighters executed 40 prisoners."
    at = one(analysed, text, "executed")
    assert at.kind == "named" and at.speaker.text == "the bulletin"

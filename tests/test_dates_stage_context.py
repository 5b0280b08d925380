"""DateStage: sentence glue, relative-clause dates, demonstratives, participles, coreference,
adverbials of manner (hand-written sentences)."""

from __future__ import annotations

import pytest

from _dates import run  # noqa: E402
from eventwire.records import Actor

pytestmark = pytest.mark.slow  # parses with the spaCy models


def test_date_after_relative_clause_dates_the_main_verb(date_stage, nlp_fr):
    text = ("Le journaliste avait été enlevé par des inconnus, qui n'ont jamais revendiqué le rapt, "
            "le 14 octobre 2019 à Kidal.")
    w = run(date_stage, nlp_fr, text, ["avait été enlevé"], published="2021-05-02").events[0].date
    assert (w.value, w.text) == ("2019-10-14", "le 14 octobre 2019")


def test_demonstrative_noun_takes_date_of_previous_paragraph(date_stage, nlp_fr):
    text = ("Au moins dix personnes ont été tuées ce mardi 6 avril à Mossoul dans deux explosions.\n\n"
            "Ces explosions auraient été revendiquées par un groupe armé.")
    w = run(date_stage, nlp_fr, text, ["explosions auraient"], published="2021-04-09").events[0].date
    assert w.value == "2021-04-06"
    assert "via-context" in w.flags


def test_participle_on_noun_is_not_background(date_stage, nlp_fr):
    text = ("Le dernier enlèvement dans la région remonte au 3 mai 2011. "
            "Il s'agissait d'un ingénieur, kidnappé près de la frontière par un groupe armé.")
    w = run(date_stage, nlp_fr, text, ["kidnappé"], published="2021-04-09").events[0].date
    assert w is not None and w.value == "2011-05-03"


def test_copular_noun_phrase_date_is_not_a_frame(date_stage, nlp_fr):
    text = ("La cause de la crise est l'arrestation du maire au 2 juin dans la capitale. "
            "Le ministre a dénoncé une manoeuvre politique.")
    w = run(date_stage, nlp_fr, text, ["a dénoncé"], published="2021-06-10").events[0].date
    assert w.value == "2021-06-10" and "from-published" in w.flags


def test_parser_sentence_cut_inside_a_sentence_is_glued(date_stage, nlp_fr):
    from eventwire.dates.doc import sentence_index

    doc = nlp_fr("Lors de la réunion du Conseil des 22 et 23 mars 2018 , les 28 États ont décidé de partir.")
    assert len(set(sentence_index(doc))) == 1


def test_adverbial_of_manner_takes_the_verb_date(date_stage, nlp_fr):
    text = "L'armée, en coopération avec ses alliés, a lancé une offensive au nord du pays."
    w = run(date_stage, nlp_fr, text, ["coopération"], published="2021-03-01").events[0].date
    assert w is not None and w.value == "2021-03-01"


def test_event_noun_after_earlier_cue_has_only_the_last_resort(date_stage, nlp_fr):
    text = "Suite au retrait de leurs troupes, les forces ont lancé une opération."
    # no rule of its own dates it: only the last resort, the article's day, flagged so
    assert run(date_stage, nlp_fr, text, ["retrait"], published="2021-03-01").events[0].date.flags == (
        "from-published", "last-resort")


def test_lead_and_detailed_mention_are_one_event(date_stage, nlp_fr):
    army = Actor("armée", "army", (0, 0), sector="MIL")
    syrian = Actor("armée syrienne", "Syria", (0, 0), country="SYR", sector="MIL")
    text = ("L'armée vient de briser le siège de la ville.\n\n"
            "Le 5 septembre, l'armée syrienne a brisé le siège de la ville après des semaines de combats.")
    out = run(date_stage, nlp_fr, text, ["briser le siège", "a brisé le siège"], published="2017-09-11",
              sources=[army, syrian])
    first, second = (e.date for e in out.events)
    assert second.value == "2017-09-05" and "via-clause" in second.flags
    assert first.value == "2017-09-05" and "via-coreference" in first.flags


def test_coreference_needs_the_same_actors(date_stage, nlp_fr):
    a = Actor("Daech", "Islamic State", (0, 0), kb_id="islamic-state", sector="REB")
    b = Actor("armée syrienne", "Syria", (0, 0), country="SYR", sector="MIL")
    text = ("Les djihadistes ont attaqué la ville.\n\n"
            "Le 5 septembre, l'armée syrienne a attaqué la ville.")
    out = run(date_stage, nlp_fr, text, ["ont attaqué", "a attaqué"], published="2017-09-11", sources=[a, b])
    assert out.events[0].date.value == "2017-09-11"


def test_statement_takes_no_date_from_inside_a_noun_phrase(date_stage, nlp_fr):
    text = ("Donald Trump faisait courir des rumeurs sur sa santé, ce qui fut confirmé par un malaise lors des "
            "cérémonies de mémoire du 11 septembre. Il l'accuse d'être corrompue.")
    w = run(date_stage, nlp_fr, text, ["accuse"], published="2016-11-08").events[0].date
    assert w.value == "2016-11-08" and w.flags == ("from-published",)


def test_statement_takes_the_date_of_the_reporting_clause(date_stage, nlp_fr):
    text = "Le groupe menace les Américains. « La trêve est finie », a déclaré mercredi le porte-parole."
    w = run(date_stage, nlp_fr, text, ["menace"], published="2020-11-06").events[0].date
    assert w.value == "2020-11-04" and "via-statement" in w.flags


def test_sentence_index_line_breaks_and_parser_starts(nlp_fr):
    """A line break ends a sentence (here after a title without a full stop); a parser start after a
    full stop begins one; whitespace tokens stay with the sentence they close."""
    from eventwire.dates.doc import sentence_index

    doc = nlp_fr("Un titre sans point\nLe ministre a parlé. Il est parti.\n\nLa suite vient ici.")
    index = sentence_index(doc)
    assert len(index) == len(doc) and index == sorted(index)
    firsts = [doc[i].text for i in range(len(doc)) if i == 0 or index[i] != index[i - 1]]
    assert firsts == ["Un", "Le", "Il", "La"]


def test_pluperfect_in_a_dated_paragraph_takes_its_frame(date_stage, nlp_fr):
    # a background clause with no date words of its own is told inside the time frame its paragraph
    # set: the best date the article gives, where no date at all would be a sure miss
    text = ("Une patrouille a été prise pour cible le 9 février 2022 près de Gao. "
            "Des hommes armés avaient auparavant incendié une école du village.")
    w = run(date_stage, nlp_fr, text, ["avaient auparavant incendié"], published="2022-02-14").events[0].date
    assert w is not None and w.value == "2022-02-09" and "via-context" in w.flags


@pytest.mark.parametrize("middle,last,value", [
    # the frame ("le 4 mars", a past tense) does not reach a clause back in the present of the article
    pytest.param("les miliciens ont bombardé", "Le maire réclame une enquête internationale sur ces bombardements.",
                 "2023-03-20", id="present-after-a-dated-past-is-the-article-day"),
    # a narrative told in the present keeps its frame
    pytest.param("les miliciens bombardent", "Le maire réclame aussitôt une enquête internationale.",
                 "2023-03-04", id="narrative-present-keeps-its-frame"),
])
def test_dates_context_a_present_after_a_dated_sentence(date_stage, nlp_fr, middle, last, value):
    text = ("Le maire de la ville a présenté un plan de reconstruction. "
            f"Le 4 mars, {middle} le quartier nord de la ville. {last}")
    out = run(date_stage, nlp_fr, text, ["réclame"], published="2023-03-20")
    assert out.events[0].date.value == value


@pytest.mark.parametrize("last,value", [
    # a background clause takes the year its paragraph set (no other rule dates it)
    pytest.param("Le gouvernement de l'époque avait été accusé de gonfler les chiffres du nord.", "2012",
                 id="pluperfect-takes-a-year-frame"),
    # a clause of the article's day is not framed by a year
    pytest.param("Le gouvernement a été accusé de gonfler les chiffres du nord.", "2023-03-20",
                 id="perfect-takes-no-year-frame"),
])
def test_dates_context_a_year_frames_background_clauses_only(date_stage, nlp_fr, last, value):
    text = ("Le recensement suivant devait avoir lieu en 2010. En 2012, le ministère a lancé une nouvelle "
            f"tentative de recensement. {last}")
    out = run(date_stage, nlp_fr, text, ["accusé"], published="2023-03-20")
    assert out.events[0].date is not None and out.events[0].date.value == value


def test_dates_context_a_finer_frame_wins_over_a_later_year(date_stage, nlp_fr):
    # the year frames a background clause only when the paragraph gives no day
    text = ("Mercredi, la police a arrêté deux militants à Lyon. En 2019, ils avaient manifesté devant la "
            "préfecture. Les enquêteurs avaient ouvert une information judiciaire.")
    out = run(date_stage, nlp_fr, text, ["avaient ouvert"], published="2023-03-24")
    assert out.events[0].date is not None and out.events[0].date.value == "2023-03-22"

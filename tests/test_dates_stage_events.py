"""DateStage: fills analysis.dates and dates each event from its clause, sentence or article."""

from __future__ import annotations

from pathlib import Path

import pytest

import eventwire
from _dates import run  # noqa: E402
from eventwire.config import load_config
from eventwire.dates import DateStage
from eventwire.pipeline import Resources
from eventwire.records import Analysis, Article

pytestmark = pytest.mark.slow  # parses with the spaCy models


SEED_LIKE = (
    "Le mouvement Ansar Allah a menacé d'une riposte sévère contre la coalition.\n"
    "« Nos conditions doivent être prises au sérieux », a affirmé le mercredi 5 novembre le porte-parole du "
    "mouvement.\n"
    "Mercredi, une source militaire a révélé que 40 blindés saoudiens étaient arrivés à la frontière.\n"
    "« La semaine dernière, des dispositions ont été prises pour assurer l'arrivée d'un deuxième contingent », "
    "a-t-on appris.\n"
    "Depuis l'enlèvement le 3 janvier 2020 du colonel Haddad, le Parlement a voté une motion."
)


@pytest.fixture(scope="module")
def seed(date_stage, nlp_fr):
    return run(date_stage, nlp_fr, SEED_LIKE, ["a menacé", "étaient arrivés", "l'arrivée d'un deuxième contingent",
                                          "l'enlèvement"])


def test_dates_stage_fills_all_mentions_with_spans(seed):
    texts = [w.text for w in seed.dates]
    assert texts == ["le mercredi 5 novembre", "Mercredi", "La semaine dernière", "le 3 janvier 2020"]
    assert all(SEED_LIKE[w.span[0]:w.span[1]] == w.text for w in seed.dates)


def test_dates_stage_statement_date_from_next_sentence_with_mismatch(seed):
    w = seed.events[0].date
    assert (w.value, w.precision, w.text) == ("2020-11-05", "day", "le mercredi 5 novembre")
    assert {"weekday-mismatch", "alt:2020-11-04", "anchor:text-dates", "via-statement"} <= set(w.flags)


def test_dates_stage_weekday_in_sentence_resolved_before_anchor(seed):
    w = seed.events[1].date
    assert (w.value, w.precision, w.text) == ("2020-11-04", "day", "Mercredi")
    assert "via-sentence" in w.flags


def test_dates_stage_last_week_is_week_precision(seed):
    w = seed.events[2].date
    assert (w.value, w.precision) == ("2020-10-29", "week")


def test_dates_stage_nominal_event_takes_date_next_to_noun(seed):
    w = seed.events[3].date
    assert (w.value, w.precision, w.text) == ("2020-01-03", "day", "le 3 janvier 2020")
    assert "via-clause" in w.flags


def test_dates_stage_future_tense_weekday_points_forward(date_stage, nlp_fr):
    out = run(date_stage, nlp_fr, "Le ministre irakien se rendra mercredi à Téhéran.", ["se rendra"],
              published="2020-11-05")
    assert out.events[0].date.value == "2020-11-11"


def test_dates_stage_past_tense_weekday_points_back(date_stage, nlp_fr):
    out = run(date_stage, nlp_fr, "Le ministre irakien s'est rendu mercredi à Téhéran.", ["s'est rendu"],
              published="2020-11-05")
    assert out.events[0].date.value == "2020-11-04"


def test_dates_stage_hier_is_day_before_published(date_stage, nlp_fr):
    out = run(date_stage, nlp_fr, "Des hommes armés ont attaqué hier un poste de police à Kirkouk.",
              ["ont attaqué"], published="2016-01-04")
    assert (out.events[0].date.value, out.events[0].date.text) == ("2016-01-03", "hier")


def test_dates_stage_dispatch_event_without_date_takes_published(date_stage, nlp_fr):
    out = run(date_stage, nlp_fr, "Des hommes armés ont attaqué un poste de police à Kirkouk.",
              ["ont attaqué"], published="2016-01-04")
    w = out.events[0].date
    assert (w.value, w.precision, w.span, w.text, w.flags) == ("2016-01-04", "day", (0, 0), "",
                                                                ("from-published",))


def test_dates_stage_dispatch_event_takes_dateline_span(date_stage, nlp_fr):
    text = ("Un Français enlevé au Tchad\n\n23 mars 2017 . – Un Français a été enlevé au Tchad , "
            "a confirmé le ministère.")
    out = run(date_stage, nlp_fr, text, ["a été enlevé"])
    w = out.events[0].date
    assert (w.value, w.text, w.flags) == ("2017-03-23", "23 mars 2017", ("from-dateline",))
    assert text[w.span[0]:w.span[1]] == "23 mars 2017"


def test_dates_stage_background_event_without_date_gets_the_last_resort(date_stage, nlp_fr):
    out = run(date_stage, nlp_fr, "Il avait été arrêté par des policiers en civil.", ["avait été arrêté"],
              published="2017-03-23")
    assert out.events[0].date.flags == ("from-published", "last-resort")  # no rule but the last resort


def test_dates_stage_nominal_event_without_date_gets_the_last_resort(date_stage, nlp_fr):
    out = run(date_stage, nlp_fr, "Suite au retrait de leurs bases, les forces ont fortifié leurs sites.",
              ["retrait de leurs bases"], published="2020-11-05")
    assert out.events[0].date.flags == ("from-published", "last-resort")  # no rule but the last resort


def test_dates_stage_deadline_never_dates_the_event(date_stage, nlp_fr):
    text = "Le Canada cessera ses frappes aériennes en Irak d'ici le 22 février."
    out = run(date_stage, nlp_fr, text, ["cessera ses frappes"], published="2016-02-08")
    assert out.events[0].date.value == "2016-02-08"
    assert [w.value for w in out.dates] == ["2016-02-22"]


def test_dates_stage_no_published_no_dateline_relative_only_is_none(date_stage, nlp_fr):
    out = run(date_stage, nlp_fr, "Hier, des hommes armés ont attaqué un poste de police.", ["ont attaqué"])
    assert out.dates == () and out.events[0].date is None


def test_dates_stage_english_weekday_on_or_before_published(date_stage, nlp_en):
    out = run(date_stage, nlp_en, "A military drone was shot down near the border on Monday.", ["was shot down"],
              published="2016-08-03", lang="en")
    assert (out.events[0].date.value, out.events[0].date.text) == ("2016-08-01", "Monday")


def test_dates_stage_english_future_tense(date_stage, nlp_en):
    out = run(date_stage, nlp_en, "The minister will travel to Baghdad on Wednesday.", ["will travel"],
              published="2020-11-05", lang="en")
    assert out.events[0].date.value == "2020-11-11"


def test_dates_stage_english_past_perfect_without_date_gets_the_last_resort(date_stage, nlp_en):
    out = run(date_stage, nlp_en, "Rebels had captured the town.", ["had captured"], published="2016-08-03",
              lang="en")
    assert out.events[0].date.flags == ("from-published", "last-resort")  # no rule but the last resort


def test_dates_stage_english_dateline_overrides_published(date_stage, nlp_en):
    text = "August 12 2016 Gunmen executed villagers who tried to flee the valley."
    out = run(date_stage, nlp_en, text, ["executed"], published="2016-08-15", lang="en")
    date = out.events[0].date
    assert (date.value, date.flags) == ("2016-08-12", ("from-dateline", "over-published:2016-08-15"))
    assert out.events[0].explanation.endswith(
        "ate from the article's dateline 'August 12 2016' (2016-08-12), not its published value 2016-08-15.")


def test_dates_stage_dateline_that_agrees_with_published_says_nothing_more(date_stage, nlp_en):
    text = "August 12 2016 Gunmen executed villagers who tried to flee the valley."
    out = run(date_stage, nlp_en, text, ["executed"], published="2016-08-12", lang="en")
    assert out.events[0].date.flags == ("from-dateline",)
    assert "published value" not in out.events[0].explanation


def test_dates_stage_without_doc_or_language_leaves_events(date_stage):
    article = Article(id="t", text="Hier, rien.", language="de", published="2020-11-05")
    analysis = Analysis(article=article)
    assert date_stage(analysis) is analysis


def test_dates_stage_reads_a_language_of_the_registry(nlp_fr, tmp_path):
    """A language is known through ``config.language_dirs``: a folder with a date vocabulary gets dates."""
    folder = tmp_path / "zz"
    folder.mkdir()
    (folder / "language.yaml").write_text("name: Toy\nmodels: [fr_core_news_sm]\n", encoding="utf-8")
    shipped = (Path(eventwire.__file__).parent / "data" / "lang" / "fr" / "dates.yaml").read_text(encoding="utf-8")
    (folder / "dates.yaml").write_text(shipped.replace("language: fr", "language: zz"), encoding="utf-8")
    toy = DateStage(Resources(load_config(overrides={"language_dirs": [str(tmp_path)]})))
    out = run(toy, nlp_fr, "Le 3 mars, les rebelles ont attaqué la ville.", ["ont attaqué"], "2020-03-10", lang="zz")
    assert [w.value for w in out.dates] == ["2020-03-03"]
    assert out.events[0].date.value == "2020-03-03"
    assert run(DateStage(Resources(load_config())), nlp_fr, "Le 3 mars, rien.", [], "2020-03-10", lang="zz").dates == ()


def test_dates_stage_devoir_infinitive_is_future(date_stage, nlp_fr):
    out = run(date_stage, nlp_fr, "Le vote doit avoir lieu le 3 janvier à Bagdad.", ["avoir lieu"],
              published="2020-12-20")
    assert out.events[0].date.value == "2021-01-03"


def test_dates_stage_past_devoir_is_not_future(date_stage, nlp_fr):
    out = run(date_stage, nlp_fr, "Les habitants ont dû fuir le 3 janvier vers Bagdad.", ["fuir"],
              published="2020-12-20")
    assert out.events[0].date.value == "2020-01-03"


def test_dates_stage_english_modal_can_points_forward(date_stage, nlp_en):
    out = run(date_stage, nlp_en, "Yemeni peace talks in Geneva can resume on January 22.", ["talks"],
              published="2014-12-26", lang="en")
    assert [w.value for w in out.dates] == ["2015-01-22"]


def test_dates_stage_event_noun_subject_takes_dispatch_date(date_stage, nlp_fr):
    out = run(date_stage, nlp_fr, "Ces attaques ont été revendiquées par le groupe État islamique.", ["attaques"],
              published="2016-03-30")
    assert out.events[0].date.flags == ("from-published",)


def test_dates_stage_context_carries_earlier_date_of_paragraph(date_stage, nlp_fr):
    text = ("Le 8 décembre, des miliciens lancent un assaut éclair près du port. "
            "L'aviation en profite pour frapper des dépôts de munitions.")
    out = run(date_stage, nlp_fr, text, ["frapper des dépôts"], published="2016-12-12")
    w = out.events[0].date
    assert (w.value, w.text, w.flags[-1]) == ("2016-12-08", "Le 8 décembre", "via-context")


def test_dates_stage_context_does_not_carry_future_dates(date_stage, nlp_en):
    text = "A mediator hopes to broker a truce next month. The villages came under heavy bombardment."
    out = run(date_stage, nlp_en, text, ["came under heavy bombardment"], published="2015-02-18", lang="en")
    assert out.events[0].date.value == "2015-02-18"


def test_dates_stage_sequel_follows_previous_date(date_stage, nlp_fr):
    text = "Le 8 décembre, l'armée lance une attaque. Le lendemain, l'armée continue de progresser vers le port."
    out = run(date_stage, nlp_fr, text, ["continue de progresser"], published="2016-12-12")
    assert (out.events[0].date.value, out.events[0].date.text) == ("2016-12-09", "Le lendemain")


@pytest.mark.parametrize(("text", "trigger", "value"), [
    # the date of the act the event happened in, told in a clause on its noun
    ("Nine people were hurt in a car bomb blast that happened before dawn on Tuesday at the bus station.",
     "were hurt", "2016-08-02"),
    ("Three soldiers died in an ambush that took place on 1 August near the border.", "died", "2016-08-01"),
])
def test_dates_stage_the_date_of_the_act_an_event_happened_in(date_stage, nlp_en, text, trigger, value):
    out = run(date_stage, nlp_en, text, [trigger], published="2016-08-05", lang="en")
    assert out.events[0].date.value == value


def test_dates_stage_a_relative_clause_on_another_noun_does_not_date_the_event(date_stage, nlp_en):
    text = "Police arrested a man who had fought in the war on Tuesday, the ministry said on Friday."
    out = run(date_stage, nlp_en, text, ["arrested"], published="2016-08-05", lang="en")
    assert out.events[0].date.value != "2016-08-02"


def test_dates_stage_a_wire_datelines_day_gives_way_to_the_clauses_date(date_stage, nlp_en):
    # the parser may run a dateline into the lead sentence: its day and month is the dispatch's day
    text = ("   LIMA, 12 JAN 90 (EFE) -- [TEXT] SHINING PATH GUERRILLAS KILLED SIX PEASANTS IN THE ZORGLUBITO "
            "HAMLET, HUANTA PROVINCE, AYACUCHO DEPARTMENT, ON 9 JANUARY, POLICE SOURCES REPORTED TODAY. THE "
            "PEASANTS HAD REFUSED TO JOIN THE REBELS, ACCORDING TO THE REPORT.")
    out = run(date_stage, nlp_en, text, ["KILLED"], published="1990-01-12", lang="en")
    assert out.events[0].date.value == "1990-01-09"


def test_dates_stage_a_background_clause_takes_the_previous_paragraphs_frame(date_stage, nlp_en):
    # its own paragraph dates nothing: the story goes on in the frame the paragraph before it set
    text = ("A schoolboy was wounded on Tuesday when a bomb exploded near his school in Zorglub.\n"
            "According to the police, the bomb had been hidden among rubbish bags by unknown men.")
    out = run(date_stage, nlp_en, text, ["had been hidden"], published="2019-05-09", lang="en")
    assert out.events[0].date.value == "2019-05-07"


def test_dates_stage_an_event_noun_takes_the_previous_paragraphs_frame(date_stage, nlp_en):
    # no verb tells "the killings" and their paragraph dates nothing: the frame of the paragraph before
    text = ("The government announced a curfew in the northern province.\n"
            "Gunmen shot dead two farmers near Zorglub on 2 May, the police said.\n"
            "Schools in the district stayed closed despite the killings.")
    out = run(date_stage, nlp_en, text, ["killings"], published="2019-05-09", lang="en")
    assert out.events[0].date.value == "2019-05-02"

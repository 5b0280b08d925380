"""DateStage, rule 6 with a reported period: an article whose lead opens on the start of a period
("Depuis le 20 janvier, ...") dates its undated events to the month of that period's middle
(``from-episode``); a short or long period, or one not opening the lead, leaves the article's date."""

from __future__ import annotations

import pytest

from _dates import run  # noqa: E402
from eventwire.records import Actor

pytestmark = pytest.mark.slow  # parses with the spaCy models

LEAD = "Libye : recompositions parmi les milices\n\n{dateline} . –\n{body}"
BODY = ("Depuis le 20 janvier, les milices rivales s'affrontent autour du port de Misrata. "
        "La brigade du Nord a attaqué les positions de ses anciens alliés.\n\n"
        "La garde côtière forme désormais l'autre camp de la ville, fusionnant avec deux unités locales.")


def _dates(date_stage, nlp, text, triggers, **kw):
    return [e.date for e in run(date_stage, nlp, text, triggers, **kw).events]


def test_episode_dates_undated_events_to_the_month_of_its_middle(date_stage, nlp_fr):
    text = LEAD.format(dateline="3 février 2017", body=BODY)
    attack, merge = _dates(date_stage, nlp_fr, text, ["a attaqué", "fusionnant"])
    for w in (attack, merge):  # 20 January .. 3 February: the middle is 27 January
        assert (w.value, w.precision) == ("2017-01", "month")
        assert w.flags[-1] == "from-episode" and w.text == "le 20 janvier"
        assert text[w.span[0]:w.span[1]] == "le 20 janvier"


def test_episode_middle_may_fall_in_the_dateline_month(date_stage, nlp_fr):
    body = BODY.replace("le 20 janvier", "le 2 février")  # 2 .. 28 February
    (w,) = _dates(date_stage, nlp_fr, LEAD.format(dateline="28 février 2017", body=body), ["a attaqué"])
    assert (w.value, w.precision) == ("2017-02", "month")


def test_event_with_its_own_date_keeps_it(date_stage, nlp_fr):
    body = BODY.replace("La brigade du Nord a attaqué", "Le 29 janvier, la brigade du Nord a attaqué")
    (w,) = _dates(date_stage, nlp_fr, LEAD.format(dateline="3 février 2017", body=body), ["a attaqué"])
    assert w.value == "2017-01-29" and "from-episode" not in w.flags


@pytest.mark.parametrize("dateline,since", [
    ("24 janvier 2017", "le 20 janvier"),   # four days: the article's own day is the better guess
    ("3 février 2017", "juillet 2014"),     # years: background, not the period the article reports
])
def test_too_short_or_too_long_a_period_keeps_the_dateline(date_stage, nlp_fr, dateline, since):
    body = BODY.replace("le 20 janvier", since)
    (w,) = _dates(date_stage, nlp_fr, LEAD.format(dateline=dateline, body=body), ["a attaqué"])
    assert w.flags == ("from-dateline",)


def test_period_that_does_not_open_the_lead_keeps_the_dateline(date_stage, nlp_fr):
    body = ("La brigade du Nord a attaqué les positions de ses anciens alliés. "
            "Depuis le 20 janvier, les milices rivales s'affrontent autour du port de Misrata.")
    (w,) = _dates(date_stage, nlp_fr, LEAD.format(dateline="3 février 2017", body=body), ["a attaqué"])
    assert w.flags == ("from-dateline",)


def test_background_opening_is_no_period(date_stage, nlp_fr):
    body = BODY.replace("s'affrontent", "s'étaient affrontés")  # pluperfect: an earlier time
    (w,) = _dates(date_stage, nlp_fr, LEAD.format(dateline="3 février 2017", body=body), ["a attaqué"])
    assert w.flags == ("from-dateline",)


def test_episode_from_published_in_english(date_stage, nlp_en):
    text = ("Since January 20, rival militias have clashed around the port of Misrata. "
            "The Northern Brigade attacked the positions of its former allies.")
    (w,) = _dates(date_stage, nlp_en, text, ["attacked"], published="2017-02-03", lang="en")
    assert (w.value, w.precision, w.flags[-1]) == ("2017-01", "month", "from-episode")


def test_coordinated_subject_noun_takes_the_article_date(date_stage, nlp_fr):
    text = ("Yémen : Hodeïda\n\n16 janvier 2017 . –\nLes loyalistes tiennent le port. Les raids nocturnes et les "
            "contre-offensives des rebelles ont causé de lourdes pertes dans les deux camps.")
    (w,) = _dates(date_stage, nlp_fr, text, ["contre-offensives"])
    assert (w.value, w.flags) == ("2017-01-16", ("from-dateline",))


def test_since_date_is_not_carried_as_a_narrative_frame(date_stage, nlp_fr):
    text = ("Yémen : Hodeïda\n\n16 janvier 2017 . –\nLes loyalistes tiennent le port.\n\nDepuis trois jours, les "
            "rebelles rassemblent des renforts. Les raids nocturnes et les contre-offensives des rebelles ont "
            "causé de lourdes pertes.")
    mobilise, counter = _dates(date_stage, nlp_fr, text, ["rassemblent", "contre-offensives"])
    assert mobilise.value == "2017-01-13"  # its own clause: the start of the period
    assert counter.flags == ("from-dateline",)  # somewhere in the period, not on its first day


CHAD = ("Afrique : deux voisins rompent avec le Tchad\n\n6 juin 2017 . – Dans la nuit du "
        "dimanche, le Soudan et le Niger ont suspendu leurs échanges commerciaux avec le Tchad.\n\n"
        "Selon la presse, le Soudan a aussi fermé sa frontière avec le Tchad.")


def test_lead_occasion_dates_a_later_act_of_the_same_kind_and_source(date_stage, nlp_fr):
    sudan = Actor(text="Soudan", name="Sudan", span=(0, 0), country="SDN", sector="GOV", kb_id="state:SDN")
    lead, later = _dates(date_stage, nlp_fr, CHAD, ["ont suspendu", "a aussi fermé"], sources=[sudan, sudan])
    assert lead.value == "2017-06-04"  # "dimanche" before a Tuesday dispatch
    assert (later.value, later.flags[-1]) == ("2017-06-04", "via-lead")


def test_lead_occasion_needs_the_same_source(date_stage, nlp_fr):
    sudan = Actor(text="Soudan", name="Sudan", span=(0, 0), country="SDN", sector="GOV", kb_id="state:SDN")
    chad = Actor(text="Tchad", name="Chad", span=(0, 0), country="TCD", sector="GOV", kb_id="state:TCD")
    _, later = _dates(date_stage, nlp_fr, CHAD, ["ont suspendu", "a aussi fermé"], sources=[sudan, chad])
    assert "via-lead" not in later.flags
    assert (later.value, later.flags[-1]) == ("2017-06-04", "via-story")  # the story's day all the same


KIDAL = ("Mali : attaque à Kidal\n\n{dateline} . – Dimanche, des hommes armés ont attaqué un poste de "
         "police à Kidal.\n\nLe gouverneur de la région a condamné une agression lâche. {after}")


def test_story_day_dates_the_undated_acts_of_the_story(date_stage, nlp_fr):
    """The lead's day ("Dimanche" in a Tuesday dispatch) is the day of the story's other undated acts,
    whatever their type and source (``via-story``), not the dispatch's day."""
    mali = Actor(text="gouverneur", name="gouverneur", span=(0, 0), country="MLI", sector="GOV")
    text = KIDAL.format(dateline="6 juin 2017", after="Les secours ont évacué les blessés vers Gao.")
    lead, condemn, evacuate = _dates(date_stage, nlp_fr, text, ["ont attaqué", "a condamné", "ont évacué"],
                                     sources=[None, mali, mali])
    assert (lead.value, lead.flags[-1]) == ("2017-06-04", "via-clause")
    for w in (condemn, evacuate):
        assert (w.value, w.precision, w.flags[-1]) == ("2017-06-04", "day", "via-story")
        assert text[w.span[0]:w.span[1]] == "Dimanche"


def test_story_day_never_dates_a_future_act(date_stage, nlp_fr):
    mali = Actor(text="gouverneur", name="gouverneur", span=(0, 0), country="MLI", sector="GOV")
    text = KIDAL.format(dateline="6 juin 2017", after="Le gouvernement va envoyer des renforts à Kidal.")
    _, _, send = _dates(date_stage, nlp_fr, text, ["ont attaqué", "a condamné", "envoyer"], sources=[None, mali, mali])
    assert "via-story" not in (send.flags if send else ())


def test_story_day_is_not_an_old_lead_date(date_stage, nlp_fr):
    """A lead dated more than STORY_DAYS before the dispatch tells an older story: the acts told
    without a date keep the dispatch's day."""
    mali = Actor(text="gouverneur", name="gouverneur", span=(0, 0), country="MLI", sector="GOV")
    text = KIDAL.format(dateline="6 juin 2017", after="").replace("Dimanche,", "Le 2 mars,")
    lead, condemn = _dates(date_stage, nlp_fr, text, ["ont attaqué", "a condamné"], sources=[None, mali])
    assert lead.value == "2017-03-02"
    assert condemn.flags == ("from-dateline",)

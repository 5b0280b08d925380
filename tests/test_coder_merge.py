"""MergeStage: one event per occasion."""

from __future__ import annotations

from dataclasses import replace

from eventwire.coding.merge import merge_events
from eventwire.records import Actor, Article, Event, TextRef

US = Actor(text="les Américains", name="United States", span=(0, 14), country="USA", sector="GOV")
IRAN = Actor(text="l'Iran", name="Iran", span=(20, 26), country="IRN", sector="GOV")


def ev(trigger, span, sentence, rule="fr.ASSAULT.verb.nsubj-obj", target=IRAN, conf=0.8, **kw):
    return Event(article_id="a", language="fr", type="ASSAULT", trigger=TextRef(trigger, span),
                 evidence=TextRef("s", sentence), source=US, target=target, confidence=conf, rule=rule, **kw)


def test_merge_same_sentence_keeps_best_and_fills_target():
    a = ev("frappes", (30, 37), (0, 100), rule="fr.ASSAULT.noun.noun-amod-none", nominal=True, target=None, conf=0.5)
    b = ev("ont frappé", (40, 50), (0, 100))
    kept, dropped = merge_events([a, b])
    assert len(kept) == 1 and kept[0].trigger.text == "ont frappé" and kept[0].target == IRAN
    assert "Merged" in kept[0].explanation and dropped[0][0] is a


def test_merge_keeps_different_targets_apart():
    other = Actor(text="Daech", name="Islamic State", span=(60, 65))
    kept, _ = merge_events([ev("a", (1, 2), (0, 100)), ev("b", (3, 4), (0, 100), target=other)])
    assert len(kept) == 2


def test_merge_verbal_events_in_different_sentences_stay_apart():
    kept, _ = merge_events([ev("a", (1, 2), (0, 100)), ev("b", (150, 152), (120, 200))])
    assert len(kept) == 2


def test_one_scene_told_again_in_other_words_is_one_act():
    """"Un passant a été tué par balle lundi à Marseille. [...] Deux hommes ont tiré depuis une voiture": the
    same material act of the same source at the same place on the same day, two paragraphs apart. Another
    day, another place, a statement, or a telling far down the article stay apart."""
    from eventwire.records import Place, When

    marseille = Place("Marseille", "Marseille", (40, 49), "FRA", "Provence-Alpes-Côte d'Azur", 43.30, 5.38, "city")
    nice = Place("Nice", "Nice", (400, 404), "FRA", "Provence-Alpes-Côte d'Azur", 43.70, 7.27, "city")
    monday = When("lundi", "2024-09-16", "day", (30, 35))
    tuesday = When("mardi", "2024-09-17", "day", (420, 425))
    first = ev("a été tué", (10, 19), (0, 60), target=None, location=marseille, date=monday)
    again = ev("ont ouvert le feu", (300, 317), (250, 360), target=None, location=marseille, date=monday)
    assert len(merge_events([first, again])[0]) == 1
    assert len(merge_events([first, replace(again, date=tuesday)])[0]) == 2
    assert len(merge_events([first, replace(again, location=nice)])[0]) == 2
    far = replace(again, trigger=TextRef("ont ouvert le feu", (2300, 2317)), evidence=TextRef("s", (2250, 2360)))
    assert len(merge_events([first, far])[0]) == 2
    said = [replace(first, type="ACCUSE"), replace(again, type="ACCUSE")]
    assert len(merge_events(said)[0]) == 2  # statements of one day are often several


def test_merge_nominal_restatement_merges_across_sentences():
    later = ev("l'attaque", (150, 159), (120, 200), rule="fr.ASSAULT.noun.noun-amod-of", nominal=True)
    kept, _ = merge_events([ev("ont attaqué", (1, 12), (0, 100)), later])
    assert len(kept) == 1


def test_merge_nominal_of_another_kind_of_act_stays_apart():
    later = ev("l'assassinat", (150, 162), (120, 200), rule="fr.ASSAULT.noun.noun-amod-of", nominal=True,
               mode="assassinate")
    kept, _ = merge_events([ev("ont lancé une opération", (1, 24), (0, 100)), later])
    assert len(kept) == 2


def test_merge_flags_are_not_mixed():
    kept, _ = merge_events([ev("a", (1, 2), (0, 100)), ev("b", (3, 4), (0, 100), hypothetical=True)])
    assert len(kept) == 2


def test_merge_headline_event_into_the_body_event_it_announces():
    renzi = Actor(text="Renzi", name="Renzi", span=(0, 5))
    matteo = Actor(text="Matteo Renzi", name="Matteo Renzi", span=(60, 72))
    head = Event(article_id="a", language="fr", type="RETREAT", trigger=TextRef("démissionne", (6, 17)),
                 evidence=TextRef("Renzi démissionne", (0, 17)), source=renzi, confidence=0.8, rule="r")
    body = Event(article_id="a", language="fr", type="RETREAT", trigger=TextRef("a démissionné", (73, 86)),
                 evidence=TextRef("s", (60, 120)), source=matteo, confidence=0.7, rule="r")
    kept, dropped = merge_events([head, body], title_end=17)
    assert kept == [dropped[0][1]] and kept[0].trigger.text == "a démissionné"
    assert merge_events([head, body])[0] == [head, body]  # without a headline, two events


def test_a_headline_names_its_actors_short_and_still_announces_the_body_event():
    """"Tchad : le général Mahamat expulse l'ambassadeur" over "Mahamat Idriss Déby a ordonné ... l'expulsion
    de l'ambassadeur de France": the headline's source is a short form the dictionary does not know, its
    target another wording; one event. Two known, different sources stay two."""
    short = Actor(text="le général Mahamat", name="le général Mahamat", span=(7, 25))
    deby = Actor(text="Mahamat Idriss Déby", name="Mahamat Idriss Déby", span=(60, 79), country="TCD",
                 sector="GOV", kb_id="TCD-deby")
    envoy = Actor(text="l'ambassadeur", name="l'ambassadeur", span=(34, 47))
    france = Actor(text="l'ambassadeur de France", name="France", span=(110, 133), country="FRA", sector="GOV")
    head = Event(article_id="a", language="fr", type="SANCTION", trigger=TextRef("expulse", (26, 33)),
                 evidence=TextRef("Tchad : le général Mahamat expulse l'ambassadeur", (0, 47)), source=short,
                 target=envoy, confidence=0.8, rule="r")
    body = Event(article_id="a", language="fr", type="SANCTION", trigger=TextRef("l'expulsion", (95, 106)),
                 evidence=TextRef("s", (60, 140)), source=deby, target=france, confidence=0.7, rule="r")
    kept, dropped = merge_events([head, body], title_end=47)
    assert kept == [dropped[0][1]] and kept[0].source == deby and kept[0].target == france
    chad = Actor(text="Le Tchad", name="Chad", span=(0, 8), country="TCD", sector="GOV", kb_id="state:TCD")
    niger = Actor(text="le Niger", name="Niger", span=(60, 68), country="NER", sector="GOV", kb_id="state:NER")
    kept, _ = merge_events([replace(head, source=chad), replace(body, source=niger)], title_end=47)
    assert len(kept) == 2  # another state's expulsion told in the body


def test_coder_merge_places_conflict_only_when_really_apart():
    from eventwire.coding.merge import _places_conflict
    from eventwire.records import Place

    aleppo = Place("Alep", "Aleppo", (0, 4), "SYR", "Aleppo", 36.20, 37.16, "city")
    aleppo_en = Place("Aleppo", "Ḩalab", (9, 15), "SYR", "Aleppo", 36.21, 37.15, "city")
    province = Place("Alep", "Aleppo Governorate", (0, 4), "SYR", "Aleppo", 36.3, 37.4, "admin1")
    palmyra = Place("Palmyre", "Palmyra", (0, 7), "SYR", "Homs", 34.56, 38.27, "city")
    mosul = Place("Mossoul", "Mosul", (0, 7), "IRQ", "Nineveh", 36.34, 43.13, "city")
    assert not _places_conflict(aleppo, aleppo_en)       # two spellings, one place
    assert not _places_conflict(aleppo, province)        # a city inside its region
    assert _places_conflict(aleppo, palmyra)             # 200 km apart
    assert _places_conflict(aleppo, mosul)               # another country


def _told(trigger_words, before, span, sentence, **kw):
    """A noun telling whose sentence text is ``before`` + the trigger, with no source of its own (the article's
    likeliest actor, another one than the first telling's)."""
    text = before + trigger_words + " a fait trois morts."
    start = span[0] - len(before)
    src = Actor(text="l'Iran", name="Iran", span=(start + 40, start + 46), country="IRN", sector="GOV",
                inferred="context")
    return Event(article_id="a", language="fr", type="ASSAULT", trigger=TextRef(trigger_words, span),
                 evidence=TextRef(text, (start, start + len(text))), source=src, target=None, confidence=0.4,
                 rule="fr.ASSAULT.noun.none-none+context", nominal=True, **kw)


def test_merge_a_definite_noun_names_the_act_told_before():
    # "Des soldats ont bombardé le village. ... L'attaque a fait trois morts.": another word, the same act
    first = ev("ont bombardé", (1, 13), (0, 100))
    anaphor = _told("attaque", "L'", (152, 159), (150, 180))
    kept, _ = merge_events([first, anaphor])
    assert len(kept) == 1 and kept[0].trigger.text == "ont bombardé"


def test_merge_an_indefinite_noun_of_another_word_stays_apart():
    # "Une autre attaque a fait trois morts": a new act
    first = ev("ont bombardé", (1, 13), (0, 100))
    other = _told("attaque", "Une autre ", (160, 167), (150, 190))
    kept, _ = merge_events([first, other])
    assert len(kept) == 2


def test_merge_an_unnamed_target_inside_the_other_target_phrase_is_the_same_target():
    # "clashed with suspected ISGS militants ..., killing 12 militants": one occasion, one target
    named = Actor(text="suspected ISGS militants", name="Islamic State in the Greater Sahara", span=(40, 64),
                  kb_id="isgs")
    generic = Actor(text="12 militants", name="militants", span=(80, 92))
    kept, _ = merge_events([ev("clashed", (20, 27), (0, 100), target=named),
                            ev("killing", (70, 77), (0, 100), target=generic)])
    assert len(kept) == 1 and kept[0].target == named
    civilians = Actor(text="five civilians", name="civilians", span=(80, 94))
    kept, _ = merge_events([ev("clashed", (20, 27), (0, 100), target=named),
                            ev("killing", (70, 77), (0, 100), target=civilians)])
    assert len(kept) == 2


def test_merge_a_verb_whose_object_is_the_act_its_noun_tells():
    # "Les Américains ont imposé un blocus à l'Iran": the object of the verb is the act itself ("un
    # blocus"), told a second time by its noun with its own target; one act, the noun's target
    blockade = Actor(text="un blocus", name="un blocus", span=(30, 39))
    verb = ev("ont imposé", (15, 25), (0, 100), target=blockade, conf=0.9)
    noun = ev("blocus", (33, 39), (0, 100), rule="fr.ASSAULT.noun.noun-a", nominal=True, conf=0.6)
    kept, dropped = merge_events([verb, noun])
    assert len(kept) == 1 and kept[0].trigger.text == "ont imposé" and kept[0].target == IRAN
    assert dropped[0][0] is noun


def test_a_verb_whose_object_is_another_act_of_another_source_stays_apart():
    blockade = Actor(text="un blocus", name="un blocus", span=(30, 39))
    other = Actor(text="Daech", name="Islamic State", span=(60, 65))
    verb = ev("ont imposé", (15, 25), (0, 100), target=blockade, conf=0.9)
    noun = Event(article_id="a", language="fr", type="ASSAULT", trigger=TextRef("blocus", (33, 39)),
                 evidence=TextRef("s", (0, 100)), source=other, target=IRAN, confidence=0.6, rule="r", nominal=True)
    assert len(merge_events([verb, noun])[0]) == 2


TRUCKS = Actor(text="two trucks", name="two trucks", span=(80, 90))


def test_merge_a_participle_telling_what_the_act_did():
    # "Gunmen ambushed a convoy, killing four soldiers and destroying two trucks": the participle clause
    # takes its subject from the main verb (rule path advcl-...) and tells the same act's results
    main = ev("ambushed", (7, 15), (0, 100), rule="en.ASSAULT.verb.nsubj-advcl-obj", conf=0.9)
    result = ev("destroying", (65, 75), (0, 100), rule="en.ASSAULT.verb.conj-advcl-nsubj-obj", target=TRUCKS,
                conf=0.6)
    kept, dropped = merge_events([main, result])
    assert len(kept) == 1 and kept[0].trigger.text == "ambushed" and dropped[0][0] is result


def test_a_participle_clause_of_another_sentence_or_source_stays_apart():
    main = ev("ambushed", (7, 15), (0, 100), rule="en.ASSAULT.verb.nsubj-advcl-obj", conf=0.9)
    elsewhere = ev("destroying", (165, 175), (120, 200), rule="en.ASSAULT.verb.advcl-nsubj-obj", target=TRUCKS)
    assert len(merge_events([main, elsewhere])[0]) == 2
    other = Actor(text="Daech", name="Islamic State", span=(60, 65))
    theirs = Event(article_id="a", language="fr", type="ASSAULT", trigger=TextRef("destroying", (65, 75)),
                   evidence=TextRef("s", (0, 100)), source=other, target=TRUCKS, confidence=0.6,
                   rule="en.ASSAULT.verb.advcl-nsubj-obj")
    assert len(merge_events([main, theirs])[0]) == 2


def test_an_ambush_and_its_results_are_one_event_in_text(rules_pipeline):
    text = "Gunmen ambushed a police convoy near Kaya on Monday, killing three officers and burning two vehicles."
    a = rules_pipeline.analyze(Article(id="t", text=text, language="en", published="2024-03-05"))
    assaults = [e for e in a.events if e.type == "ASSAULT"]
    assert [e.trigger.text for e in assaults] == ["ambushed"]
    assert any(r.reason.startswith("duplicate merged") and r.trigger.text == "burning" for r in a.rejections)

"""Agenda templates: one per theme, open non-leading questions, a default agenda that fits."""

from __future__ import annotations

import pytest

from arena.domain.model import AgendaBlock
from arena.domain.taxonomy import load_taxonomy
from arena.planning.templates import check_timeboxes, default_agenda, load_templates, theme_options

# Phrases that steer an answer ("toch?", "vindt u ook niet…") have no place in a klantenarena question.
LEADING = ("toch?", "ook niet", "niet ook", "bent u het eens", "vindt u ook", "zou u zeggen dat", "hoe erg", "hoe slecht",
           "hoe goed", "hoe tevreden")


def test_every_taxonomy_theme_has_a_topic_template():
    templates = load_templates()
    assert set(templates.topics) == set(load_taxonomy().codes)
    assert len(templates.topics) == 11
    assert [code for code, _ in theme_options()] == list(load_taxonomy().codes)


@pytest.mark.parametrize("code", load_taxonomy().codes)
def test_topic_questions_are_open_dutch_and_not_leading(code):
    template = load_templates().topic(code)
    assert template.topic.strip()
    assert 2 <= len(template.questions) <= 3
    for question in template.questions:
        assert question.endswith("?"), question
        lowered = question.lower()
        assert not any(phrase in lowered for phrase in LEADING), question
        # open: not a yes/no question that starts with the verb
        assert not lowered.startswith(("is ", "bent ", "heeft ", "hebt ", "vindt ", "was ", "kunt u zeggen")), question


def test_bereikbaarheid_template_has_the_example_question():
    assert ("Denk aan de laatste keer dat u ons nodig had: hoe snel kreeg u een antwoord, en hoe voelde dat?"
            in load_templates().topic("bereikbaarheid").questions)


def test_default_agenda_is_fixed_blocks_around_default_themes_and_fills_120_minutes():
    drafts = default_agenda()
    blocks = [d.block for d in drafts]
    assert blocks[:2] == [AgendaBlock.OPENING, AgendaBlock.INTRODUCTIE]
    assert blocks[-2:] == [AgendaBlock.OPEN_RONDE, AgendaBlock.AFSLUITING]
    topics = drafts[2:-2]
    assert [d.theme_codes for d in topics] == [[c] for c in load_templates().default_themes]
    assert sum(d.timebox_min for d in drafts) == 120
    assert all(d.timebox_min % 5 == 0 and d.timebox_min >= 10 for d in topics)
    opening = " ".join(drafts[0].questions)
    assert "luisteren alleen" in opening and "verdedigd" in opening
    assert "Wat moeten wij nog weten?" in drafts[-2].questions


@pytest.mark.parametrize(("themes", "duration"), [(["product"], 90), (["offerte", "facturatie", "overdracht"], 120),
                                                  (["klachtafhandeling"], 60), (["bejegening", "verkoopdruk"], 180)])
def test_default_agenda_fills_the_duration_exactly_when_it_can(themes, duration):
    drafts = default_agenda(themes, duration)
    assert sum(d.timebox_min for d in drafts) == duration
    assert [c for d in drafts for c in d.theme_codes] == themes


def test_too_many_themes_keep_a_minimum_and_the_check_warns():
    every = [code for code, _ in theme_options()]
    drafts = default_agenda(every, 120)
    assert all(d.timebox_min >= 10 for d in drafts)
    check = check_timeboxes([d.timebox_min for d in drafts], 120)
    assert not check.fits
    assert check.over_min == sum(d.timebox_min for d in drafts) - 120
    assert "passen niet" in check.message and f"{check.over_min} minuten te veel" in check.message


def test_timebox_check_messages():
    assert check_timeboxes([60, 60], 120).message == "De tijdvakken vullen precies de geplande 120 minuten."
    spare = check_timeboxes([30, 60], 120)
    assert spare.fits and spare.spare_min == 30 and "30 minuten over" in spare.message


def test_unknown_theme_is_refused():
    with pytest.raises(KeyError):
        default_agenda(["onbekend"])


def test_no_themes_gives_only_the_fixed_blocks():
    drafts = default_agenda([], 120)
    assert [d.block for d in drafts] == [AgendaBlock.OPENING, AgendaBlock.INTRODUCTIE, AgendaBlock.OPEN_RONDE,
                                         AgendaBlock.AFSLUITING]
    assert check_timeboxes([d.timebox_min for d in drafts], 120).spare_min == 120 - sum(d.timebox_min for d in drafts)

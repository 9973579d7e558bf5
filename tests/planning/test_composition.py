"""Composition rules, table-driven: each case lists exactly the advice codes expected."""

from __future__ import annotations

import pytest

from arena.domain.model import Department, Observer, Participant, Segment
from arena.planning.composition import composition_advice, same_person

V, N, W, K, A = (Segment.VASTE_KLANT, Segment.NIEUWE_KLANT, Segment.VERTREKKER, Segment.RECENTE_KLACHT,
                 Segment.AMBASSADEUR)
THREE_DEPTS = (Department.VERKOOP, Department.KLANTENSERVICE, Department.PLANNING)


def people(*segments: Segment, manager: str = "") -> list[Participant]:
    return [Participant(i, 1, f"K{i}", f"Klant {i}", f"Org {i}", segment=s, account_manager=manager if i == 1 else "")
            for i, s in enumerate(segments, start=1)]


def listeners(*departments: Department, names: tuple[str, ...] = ()) -> list[Observer]:
    return [Observer(i, 1, names[i] if i < len(names) else f"Medewerker {i}", d) for i, d in enumerate(departments)]


GOOD = (people(V, N, K, W, A), listeners(*THREE_DEPTS), "Sanne de Vries")

CASES = [
    ("goede mix", *GOOD, set()),
    ("geen klanten", [], listeners(*THREE_DEPTS), "Sanne", {"te_weinig_klanten"}),
    ("drie klanten", people(V, N, K), listeners(*THREE_DEPTS), "Sanne", {"te_weinig_klanten"}),
    ("vier klanten is genoeg", people(V, N, K, W), listeners(*THREE_DEPTS), "Sanne", set()),
    ("twaalf klanten mag", people(*([V, K] * 6)), listeners(*THREE_DEPTS), "Sanne", set()),
    ("dertien klanten te veel", people(*([V, K] * 6), N), listeners(*THREE_DEPTS), "Sanne", {"te_veel_klanten"}),
    ("één segment, kritisch", people(K, K, K, K), listeners(*THREE_DEPTS), "Sanne", {"een_segment"}),
    ("één segment, niet kritisch", people(V, V, V, V), listeners(*THREE_DEPTS), "Sanne",
     {"een_segment", "geen_kritische_klanten"}),
    ("geen klager of vertrekker", people(V, N, A, V), listeners(*THREE_DEPTS), "Sanne", {"geen_kritische_klanten"}),
    ("alleen een vertrekker is genoeg", people(V, N, A, W), listeners(*THREE_DEPTS), "Sanne", set()),
    ("twee afdelingen", people(V, N, K, W), listeners(Department.VERKOOP, Department.VERKOOP, Department.DIRECTIE),
     "Sanne", {"te_weinig_afdelingen"}),
    ("geen luisteraars", people(V, N, K, W), [], "Sanne", {"te_weinig_afdelingen"}),
    ("moderator luistert ook", people(V, N, K, W), listeners(*THREE_DEPTS, names=("Sanne de Vries",)),
     "sanne  de vries", {"moderator_is_observator"}),
    ("moderator is accountmanager", people(V, N, K, W, manager="Sanne de Vriës"), listeners(*THREE_DEPTS),
     "Sanne de Vries", {"moderator_is_accountmanager"}),
    ("geen moderator", people(V, N, K, W), listeners(*THREE_DEPTS), "  ", {"geen_moderator"}),
    ("alles mis", people(V, V), listeners(Department.VERKOOP, names=("Piet",)), "Piet",
     {"te_weinig_klanten", "een_segment", "geen_kritische_klanten", "te_weinig_afdelingen", "moderator_is_observator"}),
]


@pytest.mark.parametrize(("case", "participants", "observers", "moderator", "expected"), CASES, ids=[c[0] for c in CASES])
def test_composition_rules(case, participants, observers, moderator, expected):
    advice = composition_advice(participants, observers, moderator)
    assert {a.code for a in advice} == expected
    assert all(a.message and a.message[0].isupper() for a in advice)


def test_messages_name_counts_and_codes_but_not_people():
    advice = composition_advice(people(V, V, manager="Sanne"), listeners(Department.VERKOOP, names=("Sanne",)), "Sanne")
    text = " ".join(a.message for a in advice)
    assert "Er staan 2 klanten" in text
    assert "accountmanager van K1" in text
    assert "Vaste klant" in text
    assert "Sanne" not in text  # user-typed names never reach a Markdown-rendered warning


def test_erased_participants_do_not_count():
    from datetime import UTC, datetime

    group = people(V, N, K, W)
    group[0].erased_at = datetime.now(UTC)
    assert {a.code for a in composition_advice(group, listeners(*THREE_DEPTS), "Sanne")} == {"te_weinig_klanten"}


@pytest.mark.parametrize(("a", "b", "same"), [("Jan Jansen", "jan  jansen", True), ("José", "Jose", True),
                                              ("Jan", "Jans", False), ("", "", False)])
def test_same_person(a, b, same):
    assert same_person(a, b) is same

"""Composition advice for a klantenarena panel: plain rules, shown to the planner as warnings.

A panel works with enough (but not too many) customers of different kinds, including the
ones who are unhappy, staff from several departments who only listen, and a moderator who
is neutral: not an observer and not anybody's account manager.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from arena.domain.model import Observer, Participant, Segment

MIN_CUSTOMERS = 4
MAX_CUSTOMERS = 12
MIN_DEPARTMENTS = 3
CRITICAL_SEGMENTS = (Segment.RECENTE_KLACHT, Segment.VERTREKKER)


@dataclass(frozen=True)
class Advice:
    code: str  # stable, for tests and for hiding an advice later
    message: str  # Dutch, for the planner; app text only (codes, labels, counts), never user-typed names


def same_person(a: str, b: str) -> bool:
    """Names compared the way people write them: case, accents and spacing do not matter."""
    return bool(a.strip()) and _key(a) == _key(b)


def _key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def composition_advice(
    participants: Sequence[Participant], observers: Sequence[Observer], moderator: str
) -> list[Advice]:
    people = [p for p in participants if p.erased_at is None]
    advice: list[Advice] = []
    count = len(people)
    if count < MIN_CUSTOMERS:
        advice.append(Advice(
            "te_weinig_klanten",
            f"Er staan {count} klanten op de lijst; met minder dan {MIN_CUSTOMERS} komt een gesprek "
            "tussen klanten moeilijk op gang. Nodig er meer uit (reken op enkele afzeggingen).",
        ))
    elif count > MAX_CUSTOMERS:
        advice.append(Advice(
            "te_veel_klanten",
            f"Er staan {count} klanten op de lijst; met meer dan {MAX_CUSTOMERS} komt niet iedereen "
            "aan het woord. Splits de groep over twee sessies.",
        ))
    segments = {p.segment for p in people}
    if count >= 2 and len(segments) == 1:
        only = next(iter(segments))
        advice.append(Advice(
            "een_segment",
            f"Alle klanten komen uit één segment ({only.label}). Een mix van vaste, nieuwe en "
            "kritische klanten geeft een eerlijker beeld.",
        ))
    if count and not segments & set(CRITICAL_SEGMENTS):
        advice.append(Advice(
            "geen_kritische_klanten",
            "Er is geen klant die onlangs klaagde of wil vertrekken. Juist zij vertellen waar het "
            "echt schuurt: nodig er minstens één uit.",
        ))
    departments = {o.department for o in observers}
    if len(departments) < MIN_DEPARTMENTS:
        advice.append(Advice(
            "te_weinig_afdelingen",
            f"De luisteraars komen uit {len(departments)} afdeling(en); nodig medewerkers uit minstens "
            f"{MIN_DEPARTMENTS} afdelingen uit, zodat de hele keten hoort wat klanten zeggen.",
        ))
    advice += _moderator_advice(people, observers, moderator)
    return advice


def _moderator_advice(people: Sequence[Participant], observers: Sequence[Observer], moderator: str) -> list[Advice]:
    if not moderator.strip():
        return [Advice("geen_moderator", "Er is nog geen moderator gekozen. Kies iemand die neutraal is "
                       "en niet zelf met deze klanten werkt.")]
    advice: list[Advice] = []
    if any(same_person(moderator, o.name) for o in observers):
        advice.append(Advice(
            "moderator_is_observator",
            "De moderator staat ook bij de luisteraars. De moderator leidt het gesprek en kan niet "
            "tegelijk alleen luisteren: haal de moderator van de lijst luisteraars of kies een andere moderator.",
        ))
    managed = [p for p in people if same_person(moderator, p.account_manager)]
    if managed:
        codes = ", ".join(p.code for p in managed)
        advice.append(Advice(
            "moderator_is_accountmanager",
            f"De moderator is accountmanager van {codes}. Klanten praten vrijer met een moderator "
            "die niet hun eigen contactpersoon is: kies een andere moderator.",
        ))
    return advice

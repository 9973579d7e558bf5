"""Invitation texts for customers, the briefing for staff, the agenda with clock times and the day checklist."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from arena.domain.model import AgendaBlock, AgendaItem, Department, Observer, Participant, Session, SessionFormat
from arena.planning.calendar import TIMEZONE, session_place, session_window
from arena.planning.dutch import clock, enumerate_nl, long_date

RECORDING_POLICIES: dict[str, str] = {
    "geen": "Er wordt niets opgenomen; alleen de notulist schrijft mee.",
    "audio": "Er wordt een geluidsopname gemaakt, alleen om de notities te controleren; die wordt daarna verwijderd.",
    "video": "Er wordt een video-opname gemaakt, alleen voor intern gebruik; deelnemers geven daar vooraf toestemming voor.",
}


@dataclass(frozen=True)
class ScheduleLine:
    start: datetime | None
    end: datetime | None
    item: AgendaItem

    @property
    def label(self) -> str:
        when = f"{clock(self.start)}–{clock(self.end)}" if self.start and self.end else f"{self.item.timebox_min} min"
        return f"{when}  {self.item.topic}"


@dataclass(frozen=True)
class ChecklistItem:
    label: str
    done: bool | None  # None: cannot be known by the app, tick it yourself
    detail: str = ""


def schedule(session: Session, items: Sequence[AgendaItem]) -> list[ScheduleLine]:
    """Each item with clock times from the session start (when date and time are known)."""
    try:
        moment: datetime | None = session_window(session)[0]
    except ValueError:
        moment = None
    lines = []
    for item in items:
        end = moment + timedelta(minutes=item.timebox_min) if moment else None
        lines.append(ScheduleLine(moment, end, item))
        moment = end
    return lines


def when_text(session: Session) -> str:
    try:
        start, end = session_window(session)
    except ValueError:
        return "datum en tijd volgen nog"
    return f"{long_date(start.date())} van {clock(start)} tot {clock(end.astimezone(TIMEZONE))} uur"


def place_text(session: Session) -> str:
    if session.format is SessionFormat.ONLINE:
        link = session.meeting_link or "de link sturen wij u nog"
        return f"online ({link})"
    return f"op locatie: {session.location or 'de locatie laten wij u nog weten'}"


def topic_items(items: Sequence[AgendaItem]) -> list[AgendaItem]:
    return [i for i in items if i.block is AgendaBlock.ONDERWERP]


def invitation_text(
    session: Session, participant: Participant, items: Sequence[AgendaItem], *, sender: str = ""
) -> str:
    """A personal Dutch invitation for one customer."""
    topics = [i.topic for i in topic_items(items)]
    moderator = f" ({session.moderator})" if session.moderator else ""
    lines = [
        f"Onderwerp: Uitnodiging klantenarena – {session.title}",
        "",
        f"Beste {participant.name},",
        "",
        f"Graag nodigen wij u uit voor onze klantenarena op {when_text(session)}, {place_text(session)}.",
        "",
        "In een klantenarena vertellen klanten hoe zij onze dienstverlening ervaren, wat goed gaat en vooral ook wat "
        f"beter kan. Een onafhankelijke gespreksleider{moderator} stelt de vragen. Collega's van verschillende "
        "afdelingen zijn erbij en luisteren alleen: zij reageren niet en verdedigen niets. Zo horen wij wat er echt speelt.",
    ]
    if session.goal:
        lines += ["", f"Ons doel: {session.goal}"]
    if topics:
        lines += ["", "Onderwerpen die wij graag met u bespreken:"] + [f"- {t}" for t in topics]
        lines += ["Daarnaast is er ruimte voor alles wat u zelf kwijt wilt."]
    lines += [
        "",
        "Wat wij met uw inbreng doen: we noteren wat er gezegd wordt. In het verslag staat u niet met uw naam, maar "
        "onder een code. Vooraf vragen wij uw toestemming; die kunt u altijd weer intrekken.",
        "",
        "Wilt u ons laten weten of u erbij bent? In de bijlage vindt u een afspraak voor uw agenda (.ics-bestand).",
        "",
        "Wij kijken ernaar uit u te ontmoeten.",
        "",
        "Met vriendelijke groet,",
    ]
    if sender:
        lines.append(sender)
    if session.organisation:
        lines.append(session.organisation)
    return "\n".join(lines) + "\n"


def ics_description(session: Session, items: Sequence[AgendaItem]) -> str:
    topics = [i.topic for i in topic_items(items)]
    text = f"Klantenarena {session.title}: u vertelt, wij luisteren."
    if topics:
        text += "\nOnderwerpen: " + ", ".join(topics) + "."
    if session.format is SessionFormat.ONLINE and session.meeting_link:
        text += f"\nDeelnemen via: {session.meeting_link}"
    return text


def staff_briefing(
    session: Session,
    items: Sequence[AgendaItem],
    observers: Sequence[Observer],
    participants: Sequence[Participant],
    *,
    note_takers: str = "",
    recording: str = "geen",
) -> str:
    """Briefing for staff: their listening role, the schedule and who is there (customers as codes)."""
    by_department: dict[Department, list[str]] = {}
    for observer in observers:
        by_department.setdefault(observer.department, []).append(observer.name)
    lines = [
        f"Briefing voor medewerkers – klantenarena {session.title}",
        "",
        f"Wanneer: {when_text(session)}",
        f"Waar: {session_place(session)}",
        f"Moderator: {session.moderator or 'nog niet bekend'}",
        f"Notulist(en): {note_takers or 'nog niet bekend'}",
        f"Opname: {RECORDING_POLICIES.get(recording, RECORDING_POLICIES['geen'])}",
        "",
        "Uw rol: u luistert alleen",
        "- U reageert niet op wat klanten zeggen, ook niet als iets niet klopt of over uw afdeling gaat.",
        "- U verdedigt niets, legt niets uit en belooft niets. Alles wat klanten vertellen is voor hen waar.",
        "- Noteer wat u opvalt, ook tussen de regels: toon, aarzeling, wat niet gezegd wordt.",
        "- Kom ruim op tijd; zet uw telefoon uit; ga niet tussen de klanten in zitten.",
        "- Na afloop bespreken we samen wat we gehoord hebben en welke verbeteracties we afspreken.",
        "",
        "Wie luisteren mee:",
    ]
    if by_department:
        for department, names in sorted(by_department.items(), key=lambda kv: kv[0].label):
            lines.append(f"- {department.label}: {enumerate_nl(names)}")
    else:
        lines.append("- nog niemand ingedeeld")
    lines += ["", "Programma:"] + [f"- {line.label}" for line in schedule(session, items)]
    lines += ["", f"Klanten ({len(participants)}), in notities en verslag alleen met hun code:"]
    lines += [f"- {p.code}: {p.segment.label}" for p in participants if p.erased_at is None] or ["- nog geen klanten"]
    return "\n".join(lines) + "\n"


def day_checklist(
    session: Session,
    participants: Sequence[Participant],
    observers: Sequence[Observer],
    *,
    note_takers: str = "",
    recording: str = "",
) -> list[ChecklistItem]:
    people = [p for p in participants if p.erased_at is None]
    consented = sum(1 for p in people if p.has_consent)
    online = session.format is SessionFormat.ONLINE
    place_ok = bool(session.meeting_link if online else session.location)
    return [
        ChecklistItem(
            "Link voor de online sessie" if online else "Zaal gereserveerd",
            place_ok,
            session.meeting_link if online else session.location or "Vul de locatie in bij Sessie.",
        ),
        ChecklistItem("Datum en begintijd vastgelegd", session.date is not None and session.start_time is not None),
        ChecklistItem("Toestemming van alle deelnemers", bool(people) and consented == len(people),
                      f"{consented} van de {len(people)} deelnemers hebben toestemming gegeven."),
        ChecklistItem("Naambordjes (alleen voornaam) voor klanten en medewerkers", None,
                      f"{len(people)} klanten en {len(observers)} medewerkers."),
        ChecklistItem("Moderator gekozen", bool(session.moderator.strip()), session.moderator),
        ChecklistItem("Notulist aangewezen", bool(note_takers.strip()), note_takers),
        ChecklistItem("Rollen toegelicht aan medewerkers (briefing verstuurd)", None),
        ChecklistItem("Opnamebeleid bekend en gemeld aan deelnemers", bool(recording),
                      RECORDING_POLICIES.get(recording, "Kies het opnamebeleid.")),
        ChecklistItem("Koffie, water en iets lekkers" if not online else "Techniek getest (geluid, beeld, link)", None),
        ChecklistItem("Bedankje voor de deelnemers klaar", None),
    ]


def checklist_text(session: Session, items: Sequence[ChecklistItem]) -> str:
    mark = {True: "[x]", False: "[ ]", None: "[ ]"}
    lines = [f"Checklist voor de dag – klantenarena {session.title}", f"{when_text(session)}", ""]
    for item in items:
        lines.append(f"{mark[item.done]} {item.label}" + (f" – {item.detail}" if item.detail else ""))
    return "\n".join(lines) + "\n"


def name_cards(participants: Sequence[Participant], observers: Sequence[Observer]) -> list[str]:
    """First names for the cards: customers by first name, staff with their department."""
    cards = [p.name.split()[0] for p in participants if p.erased_at is None and p.name.strip()]
    cards += [f"{o.name.split()[0]} ({o.department.label})" for o in observers if o.name.strip()]
    return cards

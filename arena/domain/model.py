"""The domain objects of a klantenarena, as plain typed dataclasses.

Enumerations carry their Dutch UI label beside the stable code that is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum


class SessionStatus(StrEnum):
    CONCEPT = "concept"
    GEPLAND = "gepland"
    LIVE = "live"
    AFGEROND = "afgerond"

    @property
    def label(self) -> str:
        return {"concept": "Concept", "gepland": "Gepland", "live": "Live", "afgerond": "Afgerond"}[self.value]


class SessionFormat(StrEnum):
    OP_LOCATIE = "op_locatie"
    ONLINE = "online"

    @property
    def label(self) -> str:
        return {"op_locatie": "Op locatie", "online": "Online"}[self.value]


class Segment(StrEnum):
    VASTE_KLANT = "vaste_klant"
    NIEUWE_KLANT = "nieuwe_klant"
    VERTREKKER = "vertrekker"
    RECENTE_KLACHT = "recente_klacht"
    AMBASSADEUR = "ambassadeur"

    @property
    def label(self) -> str:
        return SEGMENT_LABELS[self]


SEGMENT_LABELS: dict[Segment, str] = {
    Segment.VASTE_KLANT: "Vaste klant",
    Segment.NIEUWE_KLANT: "Nieuwe klant",
    Segment.VERTREKKER: "Klant die wil vertrekken / vertrokken",
    Segment.RECENTE_KLACHT: "Recente klacht",
    Segment.AMBASSADEUR: "Ambassadeur",
}


class Department(StrEnum):
    VERKOOP = "verkoop"
    KLANTENSERVICE = "klantenservice"
    PLANNING = "planning_logistiek"
    FINANCIEN = "financiele_administratie"
    UITVOERING = "uitvoering_monteurs"
    DIRECTIE = "directie"
    OVERIG = "overig"

    @property
    def label(self) -> str:
        return {
            "verkoop": "Verkoop",
            "klantenservice": "Klantenservice",
            "planning_logistiek": "Planning/logistiek",
            "financiele_administratie": "Financiële administratie",
            "uitvoering_monteurs": "Uitvoering/monteurs",
            "directie": "Directie",
            "overig": "Overig",
        }[self.value]


class NoteKind(StrEnum):
    UITSPRAAK = "uitspraak"
    OBSERVATIE = "observatie"
    IDEE = "idee"
    VRAAG = "vraag"
    COMPLIMENT = "compliment"
    ACTIEPUNT = "actiepunt"

    @property
    def label(self) -> str:
        return {
            "uitspraak": "Uitspraak",
            "observatie": "Observatie (tussen de regels)",
            "idee": "Idee/suggestie",
            "vraag": "Vraag",
            "compliment": "Compliment",
            "actiepunt": "Actiepunt",
        }[self.value]

    @property
    def declared_polarity(self) -> str | None:
        """A note filed as compliment, idea or action item already says what it is; the engine only
        reads the words ("Binnen vier weken terugkoppelen" names a problem but is a to-do)."""
        return {"compliment": "positief", "idee": "suggestie", "actiepunt": "suggestie"}.get(self.value)

    def effective_polarity(self, machine: str | None, human: str | None = None,
                           speaker: SpeakerKind | None = None) -> str:
        """What the team sees: a human label, else the declared kind, else neutral for the
        moderator, else the engine, else neutral.

        The moderator is neutral by role: what they say runs the session ("De medewerkers reageren
        vandaag niet op wat u zegt"), it is never a customer's irritation, while the engine would
        read "reageren niet" as a missed reply."""
        declared = human or self.declared_polarity
        if declared:
            return declared
        return "neutraal" if speaker is SpeakerKind.MODERATOR else machine or "neutraal"


class SpeakerKind(StrEnum):
    PARTICIPANT = "participant"
    MODERATOR = "moderator"
    GROUP = "group"


class ActionStatus(StrEnum):
    OPEN = "open"
    BEZIG = "bezig"
    KLAAR = "klaar"

    @property
    def label(self) -> str:
        return {"open": "Open", "bezig": "Bezig", "klaar": "Klaar"}[self.value]


class AgendaBlock(StrEnum):
    """Fixed blocks of a klantenarena around the topics."""

    OPENING = "opening"
    INTRODUCTIE = "introductie"
    ONDERWERP = "onderwerp"
    OPEN_RONDE = "open_ronde"
    AFSLUITING = "afsluiting"

    @property
    def label(self) -> str:
        return {
            "opening": "Opening en spelregels",
            "introductie": "Kennismaking",
            "onderwerp": "Onderwerp",
            "open_ronde": "Open ronde",
            "afsluiting": "Afsluiting en dank",
        }[self.value]


@dataclass
class Session:
    id: int | None
    title: str
    goal: str = ""
    organisation: str = ""
    date: date | None = None
    start_time: time | None = None
    duration_min: int = 120
    format: SessionFormat = SessionFormat.OP_LOCATIE
    location: str = ""
    meeting_link: str = ""
    moderator: str = ""
    status: SessionStatus = SessionStatus.CONCEPT
    started_at: datetime | None = None  # UTC, when capture went live
    current_agenda_item_id: int | None = None
    current_item_started_at: datetime | None = None
    created_at: datetime | None = None


@dataclass
class AgendaItem:
    id: int | None
    session_id: int
    position: int
    topic: str
    block: AgendaBlock = AgendaBlock.ONDERWERP
    questions: list[str] = field(default_factory=list)
    timebox_min: int = 15
    theme_codes: list[str] = field(default_factory=list)


@dataclass
class Participant:
    id: int | None
    session_id: int
    code: str  # pseudonym, stable per session: K1, K2, …
    name: str
    organisation: str = ""
    email: str = ""
    segment: Segment = Segment.VASTE_KLANT
    account_manager: str = ""
    consent_given_at: datetime | None = None
    consent_text_version: str = ""
    consent_withdrawn_at: datetime | None = None
    zorgklant: bool = False
    zorgklant_reason: str = ""
    zorgklant_owner: str = ""
    zorgklant_since: datetime | None = None
    erased_at: datetime | None = None

    @property
    def has_consent(self) -> bool:
        return self.consent_given_at is not None and self.consent_withdrawn_at is None


@dataclass
class Observer:
    id: int | None
    session_id: int
    name: str
    department: Department = Department.OVERIG
    email: str = ""


@dataclass
class Note:
    """The current version of a note, with the note's identity fields."""

    id: int
    session_id: int
    version: int
    version_id: int
    author: str
    created_at: datetime
    seconds_since_start: float | None
    text: str
    kind: NoteKind = NoteKind.UITSPRAAK
    speaker_kind: SpeakerKind = SpeakerKind.GROUP
    participant_id: int | None = None
    agenda_item_id: int | None = None
    recording_offset_s: float | None = None
    edited_at: datetime | None = None
    edited_by: str = ""
    deleted_at: datetime | None = None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


@dataclass
class NoteVersion:
    id: int
    note_id: int
    version: int
    text: str
    kind: NoteKind
    speaker_kind: SpeakerKind
    participant_id: int | None
    agenda_item_id: int | None
    created_at: datetime
    author: str


@dataclass
class ImprovementAction:
    id: int | None
    session_id: int
    title: str
    description: str = ""
    theme_code: str = ""
    owner: str = ""
    due_date: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    evidence_note_ids: list[int] = field(default_factory=list)
    review_session_id: int | None = None
    created_at: datetime | None = None


@dataclass
class NoteAnalysis:
    note_version_id: int
    engine_version: str
    polarity: str
    themes: list[str]
    theme_scores: dict[str, float]
    intensity: float
    sentiment: float
    effort: bool
    cues: list[dict]
    keyphrases: list[str]


@dataclass
class HumanLabel:
    note_id: int
    polarity: str | None
    themes: list[str] | None
    labelled_by: str
    labelled_at: datetime

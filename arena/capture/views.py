"""Read models for the capture page: one display row per note, built from plain domain objects."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from arena.capture.shorthand import format_offset
from arena.domain.model import AgendaItem, Note, NoteKind, Participant, SpeakerKind
from arena.domain.taxonomy import load_taxonomy

LOCAL_TZ = ZoneInfo("Europe/Amsterdam")
SHORT_LIMIT = 600  # characters shown before "toon alles"

KIND_SHORT: dict[NoteKind, str] = {
    NoteKind.UITSPRAAK: "Uitspraak",
    NoteKind.OBSERVATIE: "Observatie",
    NoteKind.IDEE: "Idee",
    NoteKind.VRAAG: "Vraag",
    NoteKind.COMPLIMENT: "Compliment",
    NoteKind.ACTIEPUNT: "Actiepunt",
}

# Streamlit badge colours per polarity code (the taxonomy's hex colours are for charts).
POLARITY_BADGE = {"irritatie": "red", "positief": "green", "neutraal": "gray", "suggestie": "blue"}


def local_time(moment: datetime | None, fmt: str = "%H:%M:%S") -> str:
    """Wall-clock time in the Netherlands, where the session happens (stored values are UTC)."""
    return moment.astimezone(LOCAL_TZ).strftime(fmt) if moment else ""


@dataclass(frozen=True)
class Badge:
    label: str
    colour: str


@dataclass(frozen=True)
class Cue:
    """The detected polarity and themes of one note version (from note_analyses)."""

    polarity: str
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class NoteView:
    id: int
    version: int
    time: str  # local HH:MM:SS of creation
    speaker: str  # "K3" or "K3 Jan Jansen" for roles with personal-data access; "Moderator", "Groep"
    zorgklant: bool
    kind: str
    topic: str
    author: str
    text: str  # full text, shown as plain text only
    short: str  # shortened text when long, else equal to text
    deleted: bool
    edited: bool
    recording_offset_s: float | None
    badges: tuple[Badge, ...] = field(default_factory=tuple)

    @property
    def is_long(self) -> bool:
        return self.short != self.text

    @property
    def meta(self) -> str:
        parts = [f"#{self.id}", self.time, self.speaker + (" (zorgklant)" if self.zorgklant else ""), self.kind]
        if self.topic:
            parts.append(self.topic)
        if self.recording_offset_s is not None:
            parts.append(f"opname {format_offset(self.recording_offset_s)}")
        parts.append(f"door {self.author}")
        if self.edited:
            parts.append(f"versie {self.version}")
        if self.deleted:
            parts.append("verwijderd")
        return " · ".join(parts)


def speaker_label(kind: SpeakerKind, participant: Participant | None, *, show_names: bool) -> str:
    if kind is SpeakerKind.MODERATOR:
        return "Moderator"
    if kind is SpeakerKind.GROUP or participant is None:
        return "Groep"
    if show_names and participant.name and participant.erased_at is None:
        return f"{participant.code} {participant.name}"
    return participant.code


def badges(cue: Cue | None, kind: NoteKind, speaker: SpeakerKind | None = None) -> tuple[Badge, ...]:
    """The engine's polarity and themes; a compliment, idea or action item keeps its own polarity,
    and the moderator's own words stay neutral (NoteKind.effective_polarity)."""
    if cue is None:
        return ()
    taxonomy = load_taxonomy()
    polarity = kind.effective_polarity(cue.polarity, speaker=speaker)
    try:
        polarity_label = taxonomy.polarity(polarity).label
    except KeyError:
        polarity_label = polarity
    out = [Badge(polarity_label, POLARITY_BADGE.get(polarity, "gray"))]
    out += [Badge(taxonomy.label(code), "violet") for code in cue.themes[:3]]
    return tuple(out)


def shorten_keep_lines(text: str, limit: int = SHORT_LIMIT) -> str:
    """Like a preview: the first `limit` characters, cut at a space, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut + "…"


def note_views(
    notes: Iterable[Note],
    participants: Iterable[Participant],
    agenda: Iterable[AgendaItem],
    cues: Mapping[int, Cue],
    *,
    show_names: bool,
) -> list[NoteView]:
    """`cues` is keyed by note version id, so an edit shows no stale analysis."""
    people = {p.id: p for p in participants}
    topics = {item.id: item.topic for item in agenda}
    out = []
    for note in notes:
        person = people.get(note.participant_id) if note.participant_id is not None else None
        out.append(
            NoteView(
                id=note.id,
                version=note.version,
                time=local_time(note.created_at),
                speaker=speaker_label(note.speaker_kind, person, show_names=show_names),
                zorgklant=bool(person and person.zorgklant and note.speaker_kind is SpeakerKind.PARTICIPANT),
                kind=KIND_SHORT[note.kind],
                topic=topics.get(note.agenda_item_id, "") if note.agenda_item_id else "",
                author=note.author,
                text=note.text,
                short=shorten_keep_lines(note.text),
                deleted=note.is_deleted,
                edited=note.version > 1,
                recording_offset_s=note.recording_offset_s,
                badges=badges(cues.get(note.version_id), note.kind, note.speaker_kind),
            )
        )
    return out

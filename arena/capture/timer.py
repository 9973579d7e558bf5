"""Agenda clock maths: how long the current topic and the session have run, and whether over time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from arena.domain.model import AgendaItem, Session

WARN_SHARE = 0.8  # from 80 % of a time box on, the clock turns orange


class Level(StrEnum):
    IDLE = "idle"  # not started
    OK = "ok"
    WARN = "warn"
    OVER = "over"

    @property
    def colour(self) -> str:
        """Streamlit Markdown colour name."""
        return {"idle": "gray", "ok": "green", "warn": "orange", "over": "red"}[self.value]


@dataclass(frozen=True)
class Span:
    elapsed_s: float
    planned_s: float

    @property
    def level(self) -> Level:
        return level(self.elapsed_s, self.planned_s)

    @property
    def overrun_s(self) -> float:
        return max(0.0, self.elapsed_s - self.planned_s)

    def label(self) -> str:
        return f"{format_duration(self.elapsed_s)} / {format_duration(self.planned_s)}"


@dataclass(frozen=True)
class Clock:
    started: bool
    session: Span
    item: Span | None  # None when no agenda item is current
    item_index: int | None  # 0-based position of the current item in the agenda
    item_count: int


def level(elapsed_s: float, planned_s: float) -> Level:
    if planned_s <= 0:
        return Level.OK
    if elapsed_s > planned_s:
        return Level.OVER
    if elapsed_s >= WARN_SHARE * planned_s:
        return Level.WARN
    return Level.OK


def format_duration(seconds: float) -> str:
    """mm:ss below an hour, h:mm:ss from an hour on; negative clamps to 00:00."""
    total = max(0, int(seconds))
    hours, rem = divmod(total, 3600)
    minutes, secs = divmod(rem, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def clock(session: Session, agenda: list[AgendaItem], now: datetime) -> Clock:
    planned_session = float(session.duration_min * 60)
    if session.started_at is None:
        return Clock(False, Span(0.0, planned_session), None, None, len(agenda))
    session_span = Span(max(0.0, (now - session.started_at).total_seconds()), planned_session)
    index = next((i for i, item in enumerate(agenda) if item.id == session.current_agenda_item_id), None)
    item_span = None
    if index is not None:
        since = session.current_item_started_at or session.started_at
        item_span = Span(max(0.0, (now - since).total_seconds()), float(agenda[index].timebox_min * 60))
    return Clock(True, session_span, item_span, index, len(agenda))


def step(agenda: list[AgendaItem], current_id: int | None, steps: int) -> AgendaItem | None:
    """The item `steps` further on (negative: back), clamped to the agenda.

    With no current item, one step forward reaches the first item.
    """
    if not agenda:
        return None
    ids = [item.id for item in agenda]
    if current_id not in ids:
        if steps <= 0:
            return None
        return agenda[min(steps - 1, len(agenda) - 1)]
    target = min(max(ids.index(current_id) + steps, 0), len(agenda) - 1)
    return agenda[target]

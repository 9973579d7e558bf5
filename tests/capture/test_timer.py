from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from arena.capture.timer import Level, Span, clock, format_duration, level, step
from arena.domain.model import AgendaItem, Session

START = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)


def _agenda() -> list[AgendaItem]:
    return [AgendaItem(id=i, session_id=1, position=i, topic=f"T{i}", timebox_min=10) for i in (11, 12, 13)]


@pytest.mark.parametrize(("elapsed", "planned", "expected"), [
    (0, 600, Level.OK), (479, 600, Level.OK), (480, 600, Level.WARN), (600, 600, Level.WARN),
    (601, 600, Level.OVER), (5, 0, Level.OK),
])
def test_level(elapsed, planned, expected):
    assert level(elapsed, planned) is expected


@pytest.mark.parametrize(("seconds", "text"), [(-3, "00:00"), (0, "00:00"), (59.9, "00:59"), (61, "01:01"),
                                               (3600, "1:00:00"), (7325, "2:02:05")])
def test_format_duration(seconds, text):
    assert format_duration(seconds) == text


def test_clock_before_start_is_idle():
    result = clock(Session(id=1, title="x", duration_min=90), _agenda(), START)
    assert not result.started and result.item is None and result.session.planned_s == 5400


def test_clock_counts_item_and_session_and_flags_overrun():
    session = Session(id=1, title="x", duration_min=120, started_at=START, current_agenda_item_id=12,
                      current_item_started_at=START + timedelta(minutes=30))
    result = clock(session, _agenda(), START + timedelta(minutes=41))
    assert result.session.elapsed_s == 41 * 60 and result.session.level is Level.OK
    assert result.item == Span(11 * 60, 600)
    assert result.item.level is Level.OVER and result.item.overrun_s == 60
    assert result.item_index == 1 and result.item_count == 3
    assert result.item.label() == "11:00 / 10:00"


def test_step_moves_and_clamps():
    agenda = _agenda()
    assert step(agenda, None, 1).id == 11
    assert step(agenda, None, 2).id == 12
    assert step(agenda, None, 0) is None
    assert step(agenda, 11, 1).id == 12
    assert step(agenda, 12, 5).id == 13
    assert step(agenda, 12, -1).id == 11
    assert step(agenda, 11, -1).id == 11
    assert step([], None, 1) is None

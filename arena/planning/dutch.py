"""Dutch dates and times for letters, independent of the machine's locale."""

from __future__ import annotations

from datetime import date, datetime, time

_DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")


def long_date(day: date) -> str:
    """'dinsdag 1 december 2026'."""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def clock(moment: time | datetime) -> str:
    """'14.00' (the Dutch way to write a time in running text)."""
    return f"{moment.hour:02d}.{moment.minute:02d}"


def enumerate_nl(items: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]

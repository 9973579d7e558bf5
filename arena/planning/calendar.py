"""Calendar files (.ics) for a session, built with the icalendar library, in Europe/Amsterdam time."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress

from arena.domain.model import Session, SessionFormat
from arena.domain.text import ValidationError, clean_note_text

TIMEZONE = ZoneInfo("Europe/Amsterdam")
PRODID = "-//Klantenarena//Planner//NL"


def session_window(session: Session) -> tuple[datetime, datetime]:
    """Start and end as aware Amsterdam times; date and start time are planned as local wall-clock time."""
    if session.date is None or session.start_time is None:
        raise ValidationError("Vul eerst de datum en de begintijd van de sessie in; zonder die twee is er geen agenda-uitnodiging.")
    start = datetime.combine(session.date, session.start_time.replace(tzinfo=None), tzinfo=TIMEZONE)
    return start, start + timedelta(minutes=session.duration_min)


def session_place(session: Session) -> str:
    if session.format is SessionFormat.ONLINE:
        return session.meeting_link or "Online (de link volgt)"
    return session.location or "Locatie volgt"


def session_ics(
    session: Session,
    *,
    summary: str | None = None,
    description: str = "",
    attendee_email: str = "",
    uid_suffix: str = "",
    stamp: datetime | None = None,
) -> bytes:
    """One VEVENT with its VTIMEZONE; the UID is stable so a re-sent file updates the same entry."""
    start, end = session_window(session)
    title = summary or f"Klantenarena: {session.title}"
    event = Event.new(
        summary=_text(title),
        start=start,
        end=end,
        location=_text(session_place(session)),
        description=_text(description) or None,
        uid=f"klantenarena-{session.id}{'-' + uid_suffix if uid_suffix else ''}@klantenarena",
        stamp=stamp or datetime.now(UTC),
        url=session.meeting_link if session.format is SessionFormat.ONLINE and session.meeting_link else None,
    )
    if attendee_email.strip():
        attendee = vCalAddress(f"mailto:{attendee_email.strip()}")
        attendee.params["ROLE"] = "REQ-PARTICIPANT"
        event.add("attendee", attendee)
    calendar = Calendar.new(prodid=PRODID, method="PUBLISH", subcomponents=[event])
    # Transitions around the session only: a compact VTIMEZONE that every client understands.
    calendar.add_missing_timezones(first_date=date(start.year - 1, 1, 1), last_date=date(start.year + 2, 1, 1))
    return calendar.to_ical()


def _text(value: str) -> str:
    """iCalendar text may not hold control characters other than newline."""
    return "".join(c for c in clean_note_text(value) if c == "\n" or c >= " " or c == "\t").strip()

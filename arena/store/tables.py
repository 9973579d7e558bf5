"""The database schema as SQLAlchemy Core tables.

Alembic migrations in `migrations/versions` create exactly this; a test compares both.
Nothing is overwritten: note text lives in append-only `note_versions`, deletions and
restores are events, human labels and analyses are separate rows.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
)

from arena.store.types import UTCDateTime

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", String(300), nullable=False),
    Column("goal", Text, nullable=False, default=""),
    Column("organisation", String(300), nullable=False, default=""),
    Column("date", Date),
    Column("start_time", Time),
    Column("duration_min", Integer, nullable=False, default=120),
    Column("format", String(20), nullable=False, default="op_locatie"),
    Column("location", String(500), nullable=False, default=""),
    Column("meeting_link", String(1000), nullable=False, default=""),
    Column("moderator", String(200), nullable=False, default=""),
    Column("status", String(20), nullable=False, default="concept"),
    Column("started_at", UTCDateTime),
    Column("current_agenda_item_id", Integer),
    Column("current_item_started_at", UTCDateTime),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

agenda_items = Table(
    "agenda_items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("block", String(20), nullable=False, default="onderwerp"),
    Column("topic", String(300), nullable=False),
    Column("questions", JSON, nullable=False, default=list),
    Column("timebox_min", Integer, nullable=False, default=15),
    Column("theme_codes", JSON, nullable=False, default=list),
    Index("ix_agenda_items_session", "session_id", "position"),
)

participants = Table(
    "participants",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
    Column("code", String(10), nullable=False),
    Column("name", String(300), nullable=False),
    Column("organisation", String(300), nullable=False, default=""),
    Column("email", String(300), nullable=False, default=""),
    Column("segment", String(30), nullable=False, default="vaste_klant"),
    Column("account_manager", String(200), nullable=False, default=""),
    Column("consent_given_at", UTCDateTime),
    Column("consent_text_version", String(50), nullable=False, default=""),
    Column("consent_withdrawn_at", UTCDateTime),
    Column("zorgklant", Boolean, nullable=False, default=False),
    Column("zorgklant_reason", Text, nullable=False, default=""),
    Column("zorgklant_owner", String(200), nullable=False, default=""),
    Column("zorgklant_since", UTCDateTime),
    Column("erased_at", UTCDateTime),
    UniqueConstraint("session_id", "code", name="uq_participants_session_code"),
)

zorgklant_events = Table(
    "zorgklant_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("participant_id", Integer, ForeignKey("participants.id", ondelete="CASCADE"), nullable=False),
    Column("action", String(30), nullable=False),  # flagged, unflagged, suggestion_confirmed, suggestion_dismissed
    Column("reason", Text, nullable=False, default=""),
    Column("owner", String(200), nullable=False, default=""),
    Column("by", String(200), nullable=False, default=""),
    Column("at", UTCDateTime, nullable=False),
)

observers = Table(
    "observers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(200), nullable=False),
    Column("department", String(40), nullable=False, default="overig"),
    Column("email", String(300), nullable=False, default=""),
)

notes = Table(
    "notes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
    Column("author", String(200), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("seconds_since_start", Float),
    Column("recording_offset_s", Float),
    Column("current_version", Integer, nullable=False, default=1),
    Column("deleted_at", UTCDateTime),
    Column("client_token", String(64)),  # idempotency: a retried save never makes a second note
    Index("ix_notes_session_created", "session_id", "created_at"),
    UniqueConstraint("client_token", name="uq_notes_client_token"),
)

note_versions = Table(
    "note_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("note_id", Integer, ForeignKey("notes.id", ondelete="CASCADE"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(20), nullable=False, default="uitspraak"),
    Column("speaker_kind", String(20), nullable=False, default="group"),
    Column("participant_id", Integer, ForeignKey("participants.id", ondelete="SET NULL")),
    Column("agenda_item_id", Integer, ForeignKey("agenda_items.id", ondelete="SET NULL")),
    Column("created_at", UTCDateTime, nullable=False),
    Column("author", String(200), nullable=False),
    UniqueConstraint("note_id", "version", name="uq_note_versions_note_version"),
)

note_events = Table(
    "note_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("note_id", Integer, ForeignKey("notes.id", ondelete="CASCADE"), nullable=False),
    Column("action", String(20), nullable=False),  # deleted, restored
    Column("by", String(200), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)

improvement_actions = Table(
    "improvement_actions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
    Column("title", String(300), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("theme_code", String(40), nullable=False, default=""),
    Column("owner", String(200), nullable=False, default=""),
    Column("due_date", Date),
    Column("status", String(10), nullable=False, default="open"),
    Column("review_session_id", Integer, ForeignKey("sessions.id", ondelete="SET NULL")),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

action_evidence = Table(
    "action_evidence",
    metadata,
    Column("action_id", Integer, ForeignKey("improvement_actions.id", ondelete="CASCADE"), primary_key=True),
    Column("note_id", Integer, ForeignKey("notes.id", ondelete="CASCADE"), primary_key=True),
)

# --- added in migration 0002: analysis, review and trust -------------------------------

note_analyses = Table(
    "note_analyses",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("note_version_id", Integer, ForeignKey("note_versions.id", ondelete="CASCADE"), nullable=False),
    Column("engine_version", String(40), nullable=False),
    Column("polarity", String(20), nullable=False),
    Column("themes", JSON, nullable=False, default=list),
    Column("theme_scores", JSON, nullable=False, default=dict),
    Column("intensity", Float, nullable=False, default=0.0),
    Column("sentiment", Float, nullable=False, default=0.0),
    Column("effort", Boolean, nullable=False, default=False),
    Column("cues", JSON, nullable=False, default=list),
    Column("keyphrases", JSON, nullable=False, default=list),
    Column("analysed_at", UTCDateTime, nullable=False),
    UniqueConstraint("note_version_id", "engine_version", name="uq_note_analyses_version_engine"),
)

human_labels = Table(
    "human_labels",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("note_id", Integer, ForeignKey("notes.id", ondelete="CASCADE"), nullable=False),
    Column("polarity", String(20)),
    Column("themes", JSON),
    Column("labelled_by", String(200), nullable=False),
    Column("labelled_at", UTCDateTime, nullable=False),
    Index("ix_human_labels_note", "note_id", "id"),
)

key_quotes = Table(
    "key_quotes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("note_id", Integer, ForeignKey("notes.id", ondelete="CASCADE"), nullable=False),
    Column("marked", Boolean, nullable=False, default=True),
    Column("by", String(200), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)

cluster_edits = Table(
    "cluster_edits",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("scope", String(200), nullable=False),  # e.g. "session:3" or "sessions:1,2,3"
    Column("action", String(20), nullable=False),  # rename, merge, split, undo
    Column("payload", JSON, nullable=False, default=dict),
    Column("by", String(200), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UTCDateTime, nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(60), nullable=False),
    Column("entity", String(40), nullable=False, default=""),
    Column("entity_id", Integer),
    Column("detail", JSON, nullable=False, default=dict),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(200), nullable=False),
    Column("display_name", String(200), nullable=False, default=""),
    Column("role", String(20), nullable=False),
    Column("password_hash", String(300), nullable=False, default=""),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("username", name="uq_users_username"),
)

session_members = Table(
    "session_members",
    metadata,
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
)

consent_events = Table(
    "consent_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("participant_id", Integer, ForeignKey("participants.id", ondelete="CASCADE"), nullable=False),
    Column("action", String(20), nullable=False),  # given, withdrawn
    Column("text_version", String(50), nullable=False, default=""),
    Column("by", String(200), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)

erasure_log = Table(
    "erasure_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("participant_id", Integer, nullable=False),  # no FK: the log outlives the row
    Column("session_id", Integer, nullable=False),
    Column("mode", String(20), nullable=False),  # delete_notes, anonymise_notes
    Column("by", String(200), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)

settings = Table(
    "settings",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", JSON, nullable=False),
)

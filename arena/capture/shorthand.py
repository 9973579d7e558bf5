"""Inline shorthand for keyboard-only note taking.

A line such as ``[12:34] > @K3 #idee zet de planning online`` means: recording offset 12:34,
move to the next agenda item, speaker K3 (sticky), kind idea, text "zet de planning online".

Rules (one place, table-tested in tests/capture/test_shorthand.py):
- ``[mm:ss]`` or ``[h:mm:ss]`` at the very start: recording offset in seconds (online sessions).
- ``>`` among the leading tokens (after the offset): next agenda item; ``>>`` moves two. A lone ``>`` only moves.
- ``@K3``, ``@mod``/``@moderator``, ``@groep``/``@allen``/``@group`` anywhere as a word: speaker.
- ``#obs``, ``#idee``, ``#vraag``, ``#compliment``, ``#actie`` (and a few synonyms) anywhere: kind.
- Unknown ``@code`` or ``#word``: a Dutch message; the token stays in the text, so nothing is lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from arena.domain.model import NoteKind, SpeakerKind

KIND_TAGS: dict[str, NoteKind] = {
    "obs": NoteKind.OBSERVATIE,
    "observatie": NoteKind.OBSERVATIE,
    "idee": NoteKind.IDEE,
    "suggestie": NoteKind.IDEE,
    "vraag": NoteKind.VRAAG,
    "compliment": NoteKind.COMPLIMENT,
    "actie": NoteKind.ACTIEPUNT,
    "actiepunt": NoteKind.ACTIEPUNT,
    "uitspraak": NoteKind.UITSPRAAK,
}
MODERATOR_CODES = frozenset({"mod", "moderator"})
GROUP_CODES = frozenset({"groep", "allen", "group"})

_OFFSET = re.compile(r"^\s*\[(?:(\d{1,2}):)?(\d{1,3}):(\d{2})\]\s*")
_LEAD = re.compile(r"\s*(>+|[@#]\S+)(?=\s|$)")
# A token is a whole word: preceded by start/space, followed by end/space/punctuation.
_TOKEN = re.compile(r"(?<!\S)([@#])([^\W_][\w-]*)(?=$|[\s,.;:!?])")


@dataclass(frozen=True)
class Speaker:
    """Who spoke: a participant by pseudonym code, the moderator, or the group."""

    kind: SpeakerKind
    code: str | None = None  # participant code (K3) when kind is PARTICIPANT

    @property
    def label(self) -> str:
        if self.kind is SpeakerKind.PARTICIPANT:
            return self.code or "?"
        return "Moderator" if self.kind is SpeakerKind.MODERATOR else "Groep"

    @classmethod
    def group(cls) -> Speaker:
        return cls(SpeakerKind.GROUP)


@dataclass(frozen=True)
class Shorthand:
    text: str  # what remains to be saved as the note ("" = nothing to save)
    speaker: Speaker | None = None  # a new sticky speaker, or None = keep the current one
    kind: NoteKind | None = None  # None = the default kind
    agenda_steps: int = 0  # how many agenda items to move forward
    recording_offset_s: float | None = None
    messages: tuple[str, ...] = ()  # Dutch, for the user; never blocks saving


def parse(line: str, participant_codes: Iterable[str] = ()) -> Shorthand:
    """Split one typed line into its shorthand and the note text. Pure: no I/O."""
    codes = {c.upper(): c for c in participant_codes}
    rest = line or ""
    offset: float | None = None
    steps = 0

    match = _OFFSET.match(rest)
    if match:
        hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
        if seconds < 60:
            offset = float(hours * 3600 + minutes * 60 + seconds)
            rest = rest[match.end():]
    position = 0  # ">" counts among the leading shorthand tokens, in any order: "@K3 > tekst"
    while lead := _LEAD.match(rest, position):
        if lead.group(1).startswith(">"):
            steps += len(lead.group(1))
            rest = rest[: lead.start(1)] + rest[lead.end(1):]
            position = lead.start(1)
        else:
            position = lead.end(1)

    speaker: Speaker | None = None
    kind: NoteKind | None = None
    messages: list[str] = []

    def replace(token: re.Match[str]) -> str:
        nonlocal speaker, kind
        sigil, word = token.group(1), token.group(2)
        lowered = word.lower()
        if sigil == "#":
            if lowered in KIND_TAGS:
                kind = KIND_TAGS[lowered]
                return ""
            if word[0].isalpha():
                messages.append(
                    f"Onbekende soort #{word}: gebruik #obs, #idee, #vraag, #compliment of #actie. "
                    "De tekst is opgeslagen zoals getypt."
                )
            return token.group(0)
        if lowered in MODERATOR_CODES:
            speaker = Speaker(SpeakerKind.MODERATOR)
            return ""
        if lowered in GROUP_CODES:
            speaker = Speaker(SpeakerKind.GROUP)
            return ""
        if word.upper() in codes:
            speaker = Speaker(SpeakerKind.PARTICIPANT, codes[word.upper()])
            return ""
        known = ", ".join(f"@{c}" for c in sorted(codes.values(), key=_code_order)) or "geen deelnemers"
        messages.append(
            f"Onbekende spreker @{word} (bekend: {known}, @mod, @groep). "
            "De spreker is niet gewijzigd; de tekst is opgeslagen zoals getypt."
        )
        return token.group(0)

    text = _TOKEN.sub(replace, rest)
    if text != rest:  # a removed "@K3:" leaves its colon behind
        text = re.sub(r"[ \t]{2,}", " ", text).strip().lstrip(":;,").strip()
    else:
        text = text.strip()
    return Shorthand(
        text=text,
        speaker=speaker,
        kind=kind,
        agenda_steps=steps,
        recording_offset_s=offset,
        messages=tuple(messages),
    )


def _code_order(code: str) -> tuple[int, str]:
    digits = "".join(ch for ch in code if ch.isdigit())
    return (int(digits) if digits else 0, code)


def format_offset(seconds: float | None) -> str:
    """12:34 or 1:02:03, the same notation the parser reads."""
    if seconds is None:
        return ""
    total = int(seconds)
    hours, rem = divmod(total, 3600)
    minutes, secs = divmod(rem, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


HELP = (
    ("@K3", "spreker K3 (blijft staan tot u een andere kiest)"),
    ("@mod / @groep", "moderator of de groep"),
    ("#obs", "observatie tussen de regels"),
    ("#idee  #vraag  #compliment  #actie", "soort notitie"),
    (">", "volgend onderwerp (alleen > verplaatst alleen de agenda)"),
    ("[12:34]", "tijd in de opname (online sessies)"),
)

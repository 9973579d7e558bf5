"""Reading a customer segment as people type it: the code or the Dutch label, any case."""

from __future__ import annotations

import unicodedata

from arena.domain.model import SEGMENT_LABELS, Segment

# Short forms that planners write in spreadsheets; codes and full labels are always accepted.
_ALIASES: dict[str, Segment] = {
    "vast": Segment.VASTE_KLANT,
    "bestaande klant": Segment.VASTE_KLANT,
    "nieuw": Segment.NIEUWE_KLANT,
    "wil vertrekken": Segment.VERTREKKER,
    "vertrokken": Segment.VERTREKKER,
    "opzegger": Segment.VERTREKKER,
    "klacht": Segment.RECENTE_KLACHT,
    "klager": Segment.RECENTE_KLACHT,
}


def _norm(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().replace("_", " ").replace("-", " ").split())


_LOOKUP: dict[str, Segment] = {
    **{_norm(k): v for k, v in _ALIASES.items()},
    **{_norm(s.value): s for s in Segment},
    **{_norm(label): s for s, label in SEGMENT_LABELS.items()},
}


def parse_segment(value: str) -> Segment | None:
    """The segment meant by `value`, or None when it is not recognised."""
    return _LOOKUP.get(_norm(value))


def segment_choices() -> str:
    return ", ".join(SEGMENT_LABELS.values())

"""The headline: what did we hear, at a glance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from arena.domain.model import ActionStatus, ImprovementAction
from arena.domain.taxonomy import load_taxonomy
from arena.services.analysis import AnalysedNote

from .aggregate import NO_THEME, category_share, count_by_theme, irritations


@dataclass(frozen=True)
class Headline:
    notes: int
    irritations: int
    top_themes: list[tuple[str, int]]  # (theme code, irritations), at most three
    category_share: dict[str, float] | None  # organisatorisch/producttechnisch over themed irritations
    field_reference: dict[str, float] = field(default_factory=dict)
    zorgklant_candidates: int = 0
    open_actions: int = 0


def build_headline(
    notes: Sequence[AnalysedNote], actions: Sequence[ImprovementAction] = (), zorgklant_candidates: int = 0
) -> Headline:
    top = [(code, n) for code, n in count_by_theme(notes) if code != NO_THEME][:3]
    return Headline(
        notes=len(notes),
        irritations=len(irritations(notes)),
        top_themes=top,
        category_share=category_share(notes),
        field_reference=dict(load_taxonomy().field_reference),
        zorgklant_candidates=zorgklant_candidates,
        open_actions=sum(1 for a in actions if a.status is not ActionStatus.KLAAR),
    )


def percent(value: float | None) -> str:
    """Dutch notation: 96 %, 4,5 %."""
    if value is None:
        return "–"
    pct = round(value * 100, 1)
    text = f"{pct:.0f}" if pct == int(pct) else f"{pct:.1f}".replace(".", ",")
    return f"{text} %"

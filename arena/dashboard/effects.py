"""What happened to an improvement action's theme in later sessions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from arena.domain.model import ImprovementAction, Session
from arena.services.analysis import AnalysedNote

from .aggregate import theme_share_per_session


def session_order(sessions: Sequence[Session]) -> list[Session]:
    """By date (undated sessions by creation), ties by id."""
    return sorted(sessions, key=lambda s: (s.date or (s.created_at.date() if s.created_at else date.max), s.id or 0))


@dataclass(frozen=True)
class ActionEffect:
    action: ImprovementAction
    baseline: float | None  # theme share of irritations in the action's own session
    later: list[tuple[Session, float]]  # later sessions with irritations: (session, share)

    @property
    def latest(self) -> float | None:
        return self.later[-1][1] if self.later else None

    @property
    def change(self) -> float | None:
        """Latest share minus baseline (negative = the theme irritates less)."""
        if self.baseline is None or self.latest is None:
            return None
        return self.latest - self.baseline


def action_effects(
    actions: Sequence[ImprovementAction], notes: Sequence[AnalysedNote], sessions: Sequence[Session]
) -> list[ActionEffect]:
    shares = theme_share_per_session(notes)
    ordered = session_order(sessions)
    position = {s.id: i for i, s in enumerate(ordered)}
    out = []
    for action in actions:
        if not action.theme_code or action.session_id not in position:
            out.append(ActionEffect(action, None, []))
            continue
        start = position[action.session_id]
        baseline = shares.get(action.session_id, {}).get(action.theme_code, 0.0) if action.session_id in shares else None
        later = [
            (s, shares[s.id].get(action.theme_code, 0.0)) for s in ordered[start + 1 :] if s.id in shares
        ]
        out.append(ActionEffect(action, baseline, later))
    return out

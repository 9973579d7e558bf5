from __future__ import annotations

from arena.dashboard.effects import action_effects
from arena.services import actions, sessions
from tests.dashboard.known_data import read


def test_action_shows_how_its_theme_moved(db, actor, known):
    action = actions.create_action(db, actor, known.session_a, "Terugbelbelofte binnen 4 uur", theme_code="bereikbaarheid",
                                   evidence_note_ids=[known.note_ids["a1"]])
    loose = actions.create_action(db, actor, known.session_a, "Zonder thema")
    rows = read(db, actor, known.session_a, known.session_b)
    all_sessions = [o.session for o in sessions.list_sessions(db, actor)]
    effects = {e.action.id: e for e in action_effects([action, loose], rows, all_sessions)}
    effect = effects[action.id]
    assert effect.baseline == 2 / 7
    assert [(s.id, share) for s, share in effect.later] == [(known.session_b, 0.25)]
    assert round(effect.change, 4) == round(0.25 - 2 / 7, 4)
    assert effects[loose.id].baseline is None and effects[loose.id].change is None


def test_action_in_latest_session_has_no_later_sessions(db, actor, known):
    action = actions.create_action(db, actor, known.session_b, "Offerte binnen 5 dagen", theme_code="offerte")
    rows = read(db, actor, known.session_a, known.session_b)
    all_sessions = [o.session for o in sessions.list_sessions(db, actor)]
    (effect,) = action_effects([action], rows, all_sessions)
    assert effect.baseline == 0.5 and effect.later == [] and effect.change is None

from __future__ import annotations

import pytest

from tests.dashboard.known_data import Known, build


@pytest.fixture
def known(db, actor) -> Known:
    return build(db, actor)

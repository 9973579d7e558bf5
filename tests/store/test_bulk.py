"""gc_paused restores the collector's previous state, also after an exception."""

from __future__ import annotations

import gc

import pytest

from arena.store.bulk import gc_paused


@pytest.mark.parametrize("enabled_before", [True, False])
def test_state_is_restored_even_after_an_error(enabled_before):
    (gc.enable if enabled_before else gc.disable)()
    try:
        with pytest.raises(RuntimeError), gc_paused():
            assert not gc.isenabled()
            raise RuntimeError("boom")
        assert gc.isenabled() is enabled_before
    finally:
        gc.enable()

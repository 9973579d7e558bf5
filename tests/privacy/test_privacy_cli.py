"""The AVG commands: export-person, erase (with confirmation) and purge (dry run, then --ja)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta

from arena.services import notes, sessions
from arena.services.bootstrap import open_database
from tests.conftest import REPO
from tests.privacy.erasure_helpers import raw_hits
from tests.privacy.world import NAME, build_world


def arena(*args: str, data_dir) -> subprocess.CompletedProcess:
    env = {**os.environ, "ARENA_DATA_DIR": str(data_dir)}
    env.pop("ARENA_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "arena", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)


def test_export_erase_and_purge_commands(data_dir, actor, tmp_path):
    db = open_database(f"sqlite:///{data_dir / 'klantenarena.sqlite3'}")
    world = build_world(db)
    old = sessions.create_session(db, actor, title="Oud", date=date.today() - timedelta(days=900))
    sessions.add_participant(db, actor, old.id, "Oude Klant")
    notes.save_note(db, actor, old.id, "Oude Klant vond alles traag")
    db.dispose()

    out = tmp_path / "inzage"
    exported = arena("export-person", str(world.person_id), "--map", str(out), data_dir=data_dir)
    assert exported.returncode == 0, exported.stderr
    data = json.loads((out / f"persoonsgegevens-deelnemer-{world.person_id}.json").read_text())
    assert data["participant"]["name"] == NAME and len(data["notes"]) == 3
    assert (out / f"persoonsgegevens-deelnemer-{world.person_id}.docx").stat().st_size > 5000

    unconfirmed = arena("erase", str(world.person_id), "--wijze", "anonymise_notes", data_dir=data_dir)
    assert unconfirmed.returncode == 1 and "niets gewijzigd" in unconfirmed.stdout
    erased = arena("erase", str(world.person_id), "--wijze", "anonymise_notes", "--ja", data_dir=data_dir)
    assert erased.returncode == 0 and "Deelnemer K1 gewist" in erased.stdout
    assert raw_hits(data_dir) == {}

    none_set = arena("purge", data_dir=data_dir)
    assert "Geen bewaartermijn ingesteld" in none_set.stdout
    dry = arena("purge", "--maanden", "24", data_dir=data_dir)
    assert "Bewaartermijn ingesteld: 24 maanden" in dry.stdout and "Voeg --ja toe" in dry.stdout
    assert "Deelnemers gewist: 1 (zou gedaan)" in dry.stdout
    done = arena("purge", "--ja", data_dir=data_dir)
    assert done.returncode == 0 and "Deelnemers gewist: 1 (is gedaan)" in done.stdout
    assert raw_hits(data_dir, ["Oude Klant"]) == {}
    db = open_database(f"sqlite:///{data_dir / 'klantenarena.sqlite3'}")
    assert [n.text for n in notes.list_notes(db, actor, old.id)] == ["K1 vond alles traag"]
    db.dispose()

"""Instellingen: gebruikers, toestemmingsregister, AVG (inzage en wissen), bewaartermijn en back-ups.

Each tab appears only for a role that may use it; the services check the role again.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import streamlit as st

from arena.privacy import consent, retention
from arena.privacy.erasure import ErasureMode, erase_participant
from arena.privacy.export import person_export, to_docx, to_json
from arena.privacy.restore import restore_backup
from arena.security import membership, users
from arena.services import sessions as session_service
from arena.services.auth import Permission, Role
from arena.store.backup import backup_folder, backup_sqlite
from ui.auth import oidc_configured
from ui.shell import page

ctx = page("Instellingen", Permission.VIEW_SESSIONS)
db, actor = ctx.db, ctx.actor

st.title("Instellingen")
st.caption(f"Aangemeld als {actor.name} met de rol {actor.role.label}.")

tabs = [
    ("Gebruikers", Permission.ADMIN),
    ("Toestemming", Permission.PERSONAL_DATA),
    ("Inzage en wissen (AVG)", Permission.PERSONAL_DATA),
    ("Bewaartermijn", Permission.ADMIN),
    ("Back-ups", Permission.ADMIN),
]
allowed = [name for name, permission in tabs if actor.can(permission)]
if not allowed:
    st.info("Met uw rol zijn er hier geen instellingen te wijzigen.")
    st.stop()
panes = dict(zip(allowed, st.tabs(allowed)))


def _session_participants():
    if ctx.session_id is None:
        return []
    return session_service.participants(db, actor, ctx.session_id)


def _done(message: str) -> None:
    st.session_state["instellingen_melding"] = message
    st.rerun()


if message := st.session_state.pop("instellingen_melding", None):
    st.success(message)

if "Gebruikers" in panes:
    with panes["Gebruikers"]:
        accounts = users.list_users(db, actor)
        if not accounts:
            st.info("Nog geen gebruikers: de app draait in enkelgebruikersmodus en is alleen op deze computer bereikbaar. "
                    "Zodra er een gebruiker met wachtwoord is, vraagt de app om aan te melden.")
        else:
            st.dataframe(
                [{"Gebruikersnaam": u.username, "Naam": u.display_name, "Rol": u.role.label,
                  "Aanmelden": "wachtwoord" if u.has_password else "identiteitsprovider",
                  "Status": "uitgeschakeld" if u.disabled else "actief"} for u in accounts],
                hide_index=True, width="stretch",
            )
        with st.form("gebruiker_toevoegen", clear_on_submit=True):
            st.markdown("**Gebruiker toevoegen**")
            left, right = st.columns(2)
            username = left.text_input("Gebruikersnaam of e-mailadres")
            display = right.text_input("Weergavenaam")
            role = left.selectbox("Rol", list(Role), format_func=lambda r: r.label)
            password = right.text_input("Wachtwoord (minstens 10 tekens; leeg bij aanmelden via identiteitsprovider)",
                                        type="password")
            if st.form_submit_button("Toevoegen"):
                if not password and not oidc_configured():
                    st.error("Geef een wachtwoord op: er is geen identiteitsprovider ingesteld.")
                else:
                    try:
                        user = users.add_user(db, actor, username, role, password=password or None, display_name=display)
                        _done(f"Gebruiker {user.username} toegevoegd.")
                    except ValueError as exc:
                        st.error(str(exc))
        if accounts:
            names = [u.username for u in accounts]
            left, mid, right = st.columns([2, 1, 1])
            chosen = left.selectbox("Gebruiker", names, key="gebruiker_kies")
            current = next(u for u in accounts if u.username == chosen)
            new_role = mid.selectbox("Nieuwe rol", list(Role), index=list(Role).index(current.role),
                                     format_func=lambda r: r.label, key="gebruiker_rol")
            if mid.button("Rol wijzigen", disabled=new_role == current.role):
                users.set_role(db, actor, chosen, new_role)
                _done(f"{chosen} heeft nu de rol {new_role.label}.")
            if right.button("Inschakelen" if current.disabled else "Uitschakelen"):
                if current.id == actor.user_id:
                    st.error("U kunt uzelf niet uitschakelen.")
                else:
                    users.set_disabled(db, actor, chosen, not current.disabled)
                    _done(f"{chosen} is {'ingeschakeld' if current.disabled else 'uitgeschakeld'}.")
            if ctx.session_id is not None:
                st.markdown("**Notulisten en observatoren van deze sessie**")
                bound = [u for u in accounts if u.role is Role.NOTULIST]
                members = set(membership.members(db, actor, ctx.session_id))
                if not bound:
                    st.caption("Er zijn geen gebruikers met de rol Notulist/observator.")
                for user in bound:
                    checked = st.checkbox(user.display_name or user.username, value=user.id in members, key=f"lid-{user.id}")
                    if checked and user.id not in members:
                        membership.add_member(db, actor, ctx.session_id, user.id)
                    elif not checked and user.id in members:
                        membership.remove_member(db, actor, ctx.session_id, user.id)

if "Toestemming" in panes:
    with panes["Toestemming"]:
        scope = st.radio("Toon", ["Gekozen sessie", "Alle sessies"], horizontal=True,
                         index=0 if ctx.session_id else 1, disabled=ctx.session_id is None)
        entries = consent.consent_register(db, actor, ctx.session_id if scope == "Gekozen sessie" else None)
        if entries:
            st.dataframe(consent.register_rows(entries), hide_index=True, width="stretch")
        else:
            st.info("Nog geen deelnemers in het register.")
        people = [p for p in _session_participants() if p.erased_at is None]
        if people and actor.can(Permission.PLAN):
            with st.form("toestemming"):
                st.markdown("**Toestemming vastleggen of intrekken**")
                person = st.selectbox("Deelnemer", people, format_func=lambda p: f"{p.code} · {p.name}")
                version = st.text_input("Versie van de toestemmingstekst", value="v1")
                give, withdraw = st.columns(2)
                if give.form_submit_button("Toestemming gegeven"):
                    try:
                        session_service.record_consent(db, actor, person.id, version)
                        _done(f"Toestemming van {person.code} vastgelegd.")
                    except ValueError as exc:
                        st.error(str(exc))
                if withdraw.form_submit_button("Toestemming ingetrokken"):
                    session_service.withdraw_consent(db, actor, person.id)
                    _done(f"Intrekking van {person.code} vastgelegd.")

if "Inzage en wissen (AVG)" in panes:
    with panes["Inzage en wissen (AVG)"]:
        people = _session_participants()
        if not people:
            st.info("Kies een sessie met deelnemers op de pagina Sessies.")
        else:
            person = st.selectbox("Deelnemer", people, key="avg_persoon",
                                  format_func=lambda p: f"{p.code} · {p.name}" + (" (gewist)" if p.erased_at else ""))
            export = person_export(db, actor, person.id)
            st.write(f"Gevonden: {len(export['notes'])} notities als spreker, {len(export['mentions_in_other_notes'])} "
                     f"vermeldingen in andere notities, {len(export['consent_events'])} toestemmingsgebeurtenissen.")
            stem = f"persoonsgegevens-{person.code}-sessie-{person.session_id}"
            left, right = st.columns(2)
            left.download_button("Download JSON", to_json(export), f"{stem}.json", "application/json")
            right.download_button("Download Word", to_docx(export), f"{stem}.docx",
                                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            st.divider()
            st.markdown("**Deelnemer wissen**")
            if person.erased_at is not None:
                st.info(f"{person.code} is al gewist.")
            else:
                mode = st.radio("Wat gebeurt er met de notities waarin deze persoon spreekt?", list(ErasureMode),
                                format_func=lambda m: m.label, key="avg_wijze")
                st.caption("Naam, organisatie en e-mail verdwijnen overal, ook uit andere notities en oudere versies. "
                           "Dit kan niet ongedaan worden gemaakt (ook een teruggezette back-up wist opnieuw).")
                typed = st.text_input(f"Typ {person.code} om te bevestigen", key="avg_bevestig")
                if st.button("Definitief wissen", type="primary", disabled=typed.strip().upper() != person.code):
                    result = erase_participant(db, actor, person.id, mode, confirmed=True)
                    st.cache_data.clear()  # no cached table may still show the name
                    _done(f"{result.code} gewist: {result.notes_deleted} notities verwijderd, "
                          f"{len(result.files_removed)} gegenereerde bestanden verwijderd.")

if "Bewaartermijn" in panes:
    with panes["Bewaartermijn"]:
        policy = retention.get_policy(db, actor)
        with st.form("bewaartermijn"):
            months = st.number_input("Bewaartermijn in maanden (0 = geen termijn)", min_value=0, max_value=240,
                                     value=policy.months or 0, step=1)
            mode = st.radio("Na de termijn", list(ErasureMode), index=list(ErasureMode).index(policy.mode),
                            format_func=lambda m: m.label)
            if st.form_submit_button("Opslaan"):
                retention.set_policy(db, actor, int(months) or None, mode)
                _done("Bewaartermijn opgeslagen.")
        preview = retention.purge(db, actor, dry_run=True)
        if policy.months is None:
            st.caption("Geen termijn ingesteld. Opschonen kan ook gepland: python -m arena purge --ja")
        elif not preview.sessions:
            st.success(f"Geen sessies van voor {preview.cutoff:%d-%m-%Y} met ruwe gegevens.")
        else:
            st.warning(f"{len(preview.sessions)} sessie(s) van voor {preview.cutoff:%d-%m-%Y}: "
                       f"{preview.participants_erased} deelnemers worden gewist, {preview.notes_deleted} notities verwijderd.")
            if st.checkbox("Ik begrijp dat dit niet ongedaan kan worden gemaakt.", key="opschonen_ok") and st.button("Nu opschonen"):
                done = retention.purge(db, actor)
                _done(f"Opgeschoond: {done.participants_erased} deelnemers gewist, {done.notes_deleted} notities verwijderd.")

if "Back-ups" in panes:
    with panes["Back-ups"]:
        if not db.is_sqlite:
            st.info("Deze database is PostgreSQL: maak back-ups met pg_dump en zet ze terug met pg_restore.")
        else:
            st.caption("Plan een dagelijkse back-up, bijvoorbeeld met cron: python -m arena backup " + str(backup_folder()) + "/")
            if st.button("Nu een back-up maken"):
                written = backup_sqlite(db, backup_folder() / f"klantenarena-{datetime.now():%Y%m%d-%H%M%S}.sqlite3")
                _done(f"Back-up geschreven: {written.name}")
            files = sorted(backup_folder().glob("*.sqlite3"), reverse=True)
            if files:
                st.dataframe([{"Bestand": f.name, "Grootte (kB)": round(f.stat().st_size / 1024)} for f in files],
                             hide_index=True, width="stretch")
                chosen = st.selectbox("Terugzetten", files, format_func=lambda f: Path(f).name, key="herstel_bestand")
                st.caption("De huidige database wordt eerst apart bewaard; gewiste deelnemers worden opnieuw gewist.")
                if st.checkbox("Vervang de huidige gegevens door deze back-up.", key="herstel_ok") and st.button("Terugzetten"):
                    try:
                        report = restore_backup(db, actor, chosen, confirmed=True)
                        st.cache_data.clear()
                        _done(f"Teruggezet uit {report.restore.restored_from.name}; kopie van de vorige gegevens: "
                              f"{report.restore.safety_copy.name}; {len(report.reapplied)} wissingen opnieuw toegepast.")
                    except ValueError as exc:
                        st.error(str(exc))
            else:
                st.info("Nog geen back-ups in de datamap.")

"""Analyse: what did we hear, and what do we change? Figures, drill-down to quotes, review, actions, zorgklanten."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from arena.dashboard import aggregate as agg
from arena.dashboard.effects import action_effects, session_order
from arena.dashboard.figures import build_all
from arena.dashboard.headline import build_headline, percent
from arena.dashboard.selection import Filters, Selection, apply_filters, describe, select_notes, selection_from_points
from arena.domain.model import ActionStatus
from arena.domain.taxonomy import load_taxonomy
from arena.domain.text import ValidationError, shorten
from arena.services import actions as action_service
from arena.services import analysis, review
from arena.services import sessions as session_service
from arena.services.auth import Permission, PermissionDenied
from ui.shell import page

log = logging.getLogger(__name__)
ctx = page("Analyse", Permission.ANALYSE)
TAX = load_taxonomy()
AUTO_ANALYSE_LIMIT = 300  # more pending notes than this: the user starts the run
ALL = "(alle)"
POLARITY_LABELS = {p.code: p.label for p in TAX.polarities}
CAN_REVIEW = ctx.actor.can(Permission.REVIEW)

st.title("Analyse")
if ctx.session_id is None:
    st.info("Kies eerst een sessie op de pagina Sessies.")
    st.stop()

sessions_by_id = {o.session.id: o.session for o in session_service.list_sessions(ctx.db, ctx.actor)}
if ctx.session_id not in sessions_by_id:
    st.warning(f"Sessie {ctx.session_id} bestaat niet (meer). Kies een andere sessie op de pagina Sessies.")
    st.stop()


def _session_name(session_id: int) -> str:
    s = sessions_by_id[session_id]
    when = s.date.strftime("%d-%m-%Y") if s.date else "zonder datum"
    return f"#{s.id} {shorten(s.title, 50)} ({when})"


def _do(action: Callable[[], Any], done: str) -> None:
    """Run a service call; a Dutch message on bad input, nothing lost; rerun on success."""
    try:
        action()
    except (ValidationError, PermissionDenied, session_service.NotFound) as exc:
        st.error(str(exc))
        return
    st.toast(done, icon=":material/check:")
    st.rerun()


@st.cache_resource(show_spinner="Taalmodel laden…")
def _engine() -> Any:
    from arena.nlp import Engine

    return Engine.load()


def _load_engine() -> Any | None:
    try:
        return _engine()
    except Exception:  # the dashboard still shows stored analyses
        log.exception("NLP engine unavailable")
        return None


@st.cache_resource(max_entries=2, show_spinner="Notities laden…")
def _read_model(_db: Any, url: str, actor: Any, ids: tuple[int, ...], stamp: tuple[int, ...]) -> list[analysis.AnalysedNote]:  # noqa: ARG001 - url and stamp are cache keys
    """The read model, kept between page runs until the data change (stamp): a click must not re-read 50 000 notes.
    Shared, so never mutated by the page."""
    return analysis.analysed_notes(_db, actor, list(ids))


def _notes(session_ids: list[int]) -> list[analysis.AnalysedNote]:
    return _read_model(ctx.db, str(ctx.db.engine.url), ctx.actor, tuple(sorted(session_ids)), analysis.read_model_stamp(ctx.db))


# --- selection of sessions and analysis of what is new -------------------------------------

chosen = st.multiselect(
    "Sessies in de analyse",
    options=[s.id for s in session_order(list(sessions_by_id.values()))],
    default=[ctx.session_id],
    format_func=_session_name,
    key=f"analyse_sessies_{ctx.session_id}",
    help="Kies meer sessies om ze samen te bekijken en de trend te zien.",
) or [ctx.session_id]

engine = _load_engine()
if engine is None:
    st.warning("Het taalmodel kon niet worden geladen: u ziet de analyses die al zijn opgeslagen.")
else:
    pending = analysis.pending_notes(ctx.db, chosen)
    run = bool(pending) and (len(pending) <= AUTO_ANALYSE_LIMIT or st.button(
        f"{len(pending)} notities analyseren", icon=":material/model_training:", type="primary"))
    if run:
        bar = st.progress(0.0, text=f"0 van {len(pending)} notities geanalyseerd…")
        try:
            analysis.analyse_pending(
                ctx.db, ctx.actor, engine, chosen,
                progress=lambda done, total: bar.progress(done / total, text=f"{done} van {total} notities geanalyseerd…"),
            )
        except PermissionDenied as exc:
            st.info(str(exc))
        except Exception:  # what was stored stays; the next page run retries the rest
            log.exception("analysis run failed")
            st.warning("Niet alle notities konden worden geanalyseerd; wat klaar is, is bewaard. Probeer het later opnieuw.")
        bar.empty()

all_notes = _notes(chosen)

# --- filters --------------------------------------------------------------------------------

multi = len(chosen) > 1
with st.expander("Filters", icon=":material/filter_alt:", expanded=False):
    f1, f2, f3 = st.columns(3)
    segments = sorted({agg.segment_of(n) for n in all_notes})
    topics = agg.topic_order(all_notes)
    people = sorted({k for n in all_notes if (k := agg.participant_key(n))}, key=agg.participant_sort_key)
    filters = Filters(
        segments=tuple(f1.multiselect("Klantsegment", segments, format_func=agg.segment_label, key="f_segment")),
        topics=tuple(f2.multiselect("Agendaonderwerp", topics, key="f_topic")),
        participants=tuple(f3.multiselect("Deelnemer", people, format_func=lambda k: agg.participant_label(k, multi),
                                          key="f_participant")),
    )
notes = apply_filters(all_notes, filters)

actions_here = action_service.list_actions(ctx.db, ctx.actor, chosen)
try:
    candidates = review.zorgklant_candidates(ctx.db, ctx.actor, all_notes)
except ImportError:
    candidates = []

# --- headline -------------------------------------------------------------------------------

head = build_headline(notes, actions_here, len(candidates))
st.subheader("Wat hebben we gehoord?")
m = st.columns(5)
m[0].metric("Notities", head.notes)
m[1].metric("Irritaties", head.irritations)
org = (head.category_share or {}).get("organisatorisch")
m[2].metric(
    "Organisatorisch",
    percent(org),
    help="Aandeel van de irritaties met thema dat over de organisatie gaat, niet over het product. "
    f"In het veld is dat {percent(head.field_reference.get('organisatorisch'))} organisatorisch en "
    f"{percent(head.field_reference.get('producttechnisch'))} product.",
)
m[3].metric("Zorgklant-kandidaten", head.zorgklant_candidates)
m[4].metric("Open verbeteracties", head.open_actions)
if head.top_themes:
    st.markdown("**Top 3 thema's:** " + " · ".join(
        f"{i}. {TAX.label(code)} ({count})" for i, (code, count) in enumerate(head.top_themes, start=1)))
    st.caption(f"Veld ter vergelijking: {percent(head.field_reference.get('organisatorisch'))} van de irritaties is "
               "organisatorisch, niet het product.")
elif not all_notes:
    st.info("Deze sessie heeft nog geen notities. Notuleer eerst op de pagina Live notuleren.")
else:
    st.info("Nog geen irritaties in deze selectie.")

# --- figures and drill-down -----------------------------------------------------------------

scope = review.cluster_scope(chosen)
clusters = review.reviewed_clusters(ctx.db, ctx.actor, scope)
cluster_labels = {c.id: c.label for c in clusters}
DRILL_KEYS = {"theme": "drill_theme", "topic": "drill_topic", "segment": "drill_segment",
              "participant": "drill_participant", "cluster": "drill_cluster"}


def _on_chart_select(chart_key: str) -> None:
    """A click on a bar, cell or cluster fills the drill-down selectboxes (the keyboard path uses those directly)."""
    state = st.session_state.get(chart_key)
    points = state["selection"]["points"] if state else []
    chosen_sel = selection_from_points(points)
    if chosen_sel is None:
        return
    for field, key in DRILL_KEYS.items():
        st.session_state[key] = getattr(chosen_sel, field) or ALL
    st.session_state["drill_all"] = chosen_sel.polarity is None


timeline_id = chosen[0]
if multi:
    timeline_id = st.selectbox("Sessie voor het verloop", chosen, format_func=_session_name, key="timeline_session")
trend_sessions = [sessions_by_id[i] for i in chosen]
figures = build_all(notes, trend_sessions, actions_here, clusters, timeline_session_id=timeline_id)
for compact in ("segment", "participant"):  # side by side: the theme colours are those of "Irritaties per thema"
    figures[compact].update_layout(showlegend=False)


def _chart(name: str, selectable: bool = True) -> None:
    key = f"chart_{name}"
    if selectable:
        st.plotly_chart(figures[name], theme=None, key=key, on_select=lambda: _on_chart_select(key),
                        selection_mode="points", config={"displayModeBar": False})
    else:
        st.plotly_chart(figures[name], theme=None, key=key, config={"displayModeBar": False})


st.caption("Klik op een balk, cel of cluster om de notities erachter te zien (of kies hieronder bij ‘Notities achter de selectie’).")
left, right = st.columns(2)
with left:
    _chart("themes")
with right:
    _chart("category", selectable=False)
    _chart("clusters")
_chart("topic")
left, right = st.columns(2)
with left:
    _chart("segment")
with right:
    _chart("participant")
st.caption("Kleuren per thema zoals in ‘Irritaties per thema’; wijs een balkdeel aan voor het thema.")
_chart("mood")
_chart("timeline")
_chart("trend", selectable=False)
if not multi:
    st.caption("Kies bovenaan meer sessies om de trend over sessies te zien.")

st.subheader("Notities achter de selectie")
d = st.columns(6)
theme_codes = [code for code in agg.theme_order() if any(code in agg.themes_of(n) for n in notes)]
pick = {
    "theme": d[0].selectbox("Thema", [ALL, *theme_codes], key="drill_theme",
                            format_func=lambda c: c if c == ALL else agg.theme_label(c)),
    "topic": d[1].selectbox("Onderwerp", [ALL, *agg.topic_order(notes)], key="drill_topic"),
    "segment": d[2].selectbox("Segment", [ALL, *sorted({agg.segment_of(n) for n in notes})], key="drill_segment",
                              format_func=lambda c: c if c == ALL else agg.segment_label(c)),
    "participant": d[3].selectbox(
        "Deelnemer", [ALL, *sorted({k for n in notes if (k := agg.participant_key(n))}, key=agg.participant_sort_key)],
        key="drill_participant", format_func=lambda k: k if k == ALL else agg.participant_label(k, multi)),
    "cluster": d[4].selectbox("Cluster", [ALL, *cluster_labels], key="drill_cluster",
                              format_func=lambda c: cluster_labels.get(c, c)),
}
all_polarities = d[5].toggle("Ook niet-irritaties", key="drill_all")
selection = Selection(**{k: (None if v in (ALL, None) else v) for k, v in pick.items()},
                      polarity=None if all_polarities else agg.IRRITATION)
members = {c.id: c.note_ids for c in clusters}
selected = select_notes(notes, selection, members)
st.markdown(f"**{describe(selection, cluster_labels)}** — {len(selected)} notities")


def _minute(n: analysis.AnalysedNote) -> str:
    s = n.note.seconds_since_start
    return f"{int(s // 60):02d}:{int(s % 60):02d}" if s is not None else n.note.created_at.strftime("%H:%M")


if selected:
    table = pd.DataFrame(
        {
            "Nr": [n.note.id for n in selected],
            "Kernquote": [n.key_quote for n in selected],
            "Spreker": [n.participant_code or n.speaker_label for n in selected],
            "Segment": [agg.segment_label(agg.segment_of(n)) if n.segment else "" for n in selected],
            "Onderwerp": [agg.topic_of(n) for n in selected],
            "Tijd": [_minute(n) for n in selected],
            "Tekst": [n.note.text for n in selected],
            "Thema's": [", ".join(agg.theme_label(c) for c in n.themes) for n in selected],
            "Polariteit": [POLARITY_LABELS.get(n.polarity, n.polarity) for n in selected],
        }
    )
    edited = st.data_editor(
        table, hide_index=True, key=f"quotes_{abs(hash(selection))}", disabled=[c for c in table.columns if c != "Kernquote"],
        column_config={"Kernquote": st.column_config.CheckboxColumn("Kernquote", help="Voor het rapport"),
                       "Tekst": st.column_config.TextColumn("Tekst", width="large")},
    )
    if CAN_REVIEW:
        changes = [(int(r["Nr"]), bool(r["Kernquote"])) for _, r in edited.iterrows()
                   if bool(r["Kernquote"]) != next(n.key_quote for n in selected if n.note.id == int(r["Nr"]))]
        for note_id, marked in changes:
            analysis.set_key_quote(ctx.db, ctx.actor, note_id, marked)
        if changes:
            st.toast(f"{len(changes)} kernquote(s) bijgewerkt.", icon=":material/format_quote:")
else:
    st.info("Geen notities bij deze selectie.")

# --- work areas -----------------------------------------------------------------------------

tab_review, tab_clusters, tab_actions, tab_zorg = st.tabs(
    ["Beoordelen", "Clusters bewerken", "Verbeteracties", "Zorgklanten"])

with tab_review:
    st.markdown("Verbeter polariteit en thema's van een notitie. Uw correctie wint altijd, ook na een nieuwe analyse.")
    if not notes:
        st.info("Geen notities om te beoordelen.")
    else:
        by_id = {n.note.id: n for n in notes}
        pool = selected or notes
        note_id = st.selectbox(
            "Notitie", [n.note.id for n in pool], key="review_note",
            format_func=lambda i: f"#{i} · {by_id[i].participant_code or by_id[i].speaker_label} · {shorten(by_id[i].note.text, 80)}",
            help="De lijst volgt de selectie hierboven.")
        current = by_id.get(note_id) or pool[0]
        st.text(current.note.text)
        machine = ", ".join(agg.theme_label(c) for c in current.machine_themes) or "geen thema"
        st.caption(f"Machine: {POLARITY_LABELS.get(current.machine_polarity or '', 'nog niet geanalyseerd')} · {machine}"
                   + (" · door een mens gecorrigeerd" if current.human_labelled else ""))
        r1, r2 = st.columns([1, 3])
        codes = list(analysis.POLARITIES)
        new_polarity = r1.selectbox("Polariteit", codes, index=codes.index(current.polarity) if current.polarity in codes else 2,
                                    format_func=POLARITY_LABELS.get, key=f"label_pol_{current.note.id}")
        new_themes = r2.multiselect("Thema's", list(TAX.codes), default=[c for c in current.themes if c in TAX.codes],
                                    format_func=TAX.label, key=f"label_themes_{current.note.id}")
        if st.button("Correctie opslaan", type="primary", disabled=not CAN_REVIEW, key="label_save"):
            _do(lambda: analysis.set_label(ctx.db, ctx.actor, current.note.id, polarity=new_polarity, themes=new_themes),
                f"Notitie #{current.note.id} gecorrigeerd.")
        history = analysis.label_history(ctx.db, ctx.actor, current.note.id)
        if history:
            st.caption("Geschiedenis van correcties")
            st.dataframe(pd.DataFrame({
                "Wanneer": [h["labelled_at"].strftime("%d-%m-%Y %H:%M") for h in history],
                "Wie": [h["labelled_by"] for h in history],
                "Polariteit": [POLARITY_LABELS.get(h["polarity"] or "", "—") for h in history],
                "Thema's": [", ".join(TAX.label(c) for c in (h["themes"] or [])) for h in history],
            }), hide_index=True)
    if CAN_REVIEW:
        corrected = sum(1 for n in all_notes if n.human_labelled)
        st.download_button(f"{corrected} correcties downloaden (JSONL)",
                           data=lambda: review.labelled_jsonl(ctx.db, ctx.actor, chosen),  # built on click only
                           file_name="correcties.jsonl", mime="application/jsonl", icon=":material/download:",
                           disabled=not corrected,
                           help="Zelfde formaat als de evaluatieset van de taalanalyse: id, text, polarity, themes.")

with tab_clusters:
    st.markdown("Groepen notities die de taalanalyse vond, ook buiten de vaste thema's. Hernoem, voeg samen of splits.")
    if st.button("Clusters zoeken", icon=":material/hub:", disabled=engine is None or not CAN_REVIEW, key="cl_find"):
        with st.spinner("Clusters zoeken…"):
            _do(lambda: review.discover(ctx.db, ctx.actor, engine, chosen), "Clusters gevonden.")
    if clusters:
        st.dataframe(pd.DataFrame({
            "Cluster": [c.label for c in clusters],
            "Kernwoorden": [", ".join(c.keyphrases) for c in clusters],
            "Notities": [len(c.note_ids) for c in clusters],
            "Herkomst": [c.origin for c in clusters],
        }), hide_index=True)
        ids = [c.id for c in clusters]
        by_cluster = {c.id: c for c in clusters}
        with st.form("cl_rename"):
            a, b = st.columns(2)
            target = a.selectbox("Cluster", ids, format_func=cluster_labels.get, key="cl_rename_id")
            name = b.text_input("Nieuwe naam", key="cl_rename_name")
            if st.form_submit_button("Hernoemen", disabled=not CAN_REVIEW):
                _do(lambda: review.rename_cluster(ctx.db, ctx.actor, scope, target, name), "Cluster hernoemd.")
        with st.form("cl_merge"):
            a, b = st.columns(2)
            parts = a.multiselect("Samenvoegen", ids, format_func=cluster_labels.get, key="cl_merge_ids")
            merged_name = b.text_input("Naam van het samengevoegde cluster (optioneel)", key="cl_merge_name")
            if st.form_submit_button("Samenvoegen", disabled=not CAN_REVIEW):
                _do(lambda: review.merge_clusters(ctx.db, ctx.actor, scope, parts, merged_name), "Clusters samengevoegd.")
        split_source = st.selectbox("Splitsen: cluster", ids, format_func=cluster_labels.get, key="cl_split_id")
        note_text = {n.note.id: n.note.text for n in all_notes}
        with st.form("cl_split"):
            moving = st.multiselect("Notities naar een nieuw cluster", by_cluster[split_source].note_ids, key="cl_split_notes",
                                    format_func=lambda i: f"#{i} {shorten(note_text.get(i, ''), 70)}")
            split_name = st.text_input("Naam van het nieuwe cluster", key="cl_split_name")
            if st.form_submit_button("Splitsen", disabled=not CAN_REVIEW):
                _do(lambda: review.split_cluster(ctx.db, ctx.actor, scope, split_source, moving, split_name), "Cluster gesplitst.")
    events = review.cluster_events(ctx.db, ctx.actor, scope)
    if any(e["action"] != "discover" for e in events):
        if st.button("Laatste clusterwijziging ongedaan maken", icon=":material/undo:", disabled=not CAN_REVIEW, key="cl_undo"):
            _do(lambda: review.undo_cluster_edit(ctx.db, ctx.actor, scope), "Wijziging ongedaan gemaakt.")
        st.caption("Logboek")
        names = {"discover": "gezocht", "rename": "hernoemd", "merge": "samengevoegd", "split": "gesplitst", "undo": "ongedaan gemaakt"}
        st.dataframe(pd.DataFrame({
            "Wanneer": [e["at"].strftime("%d-%m-%Y %H:%M") for e in events],
            "Wie": [e["by"] for e in events],
            "Wijziging": [names.get(e["action"], e["action"]) for e in events],
        }), hide_index=True)

with tab_actions:
    st.markdown("Leg vast wat u verandert. Bij een latere sessie ziet u hoe het thema zich ontwikkelde.")
    if CAN_REVIEW:
        with st.form("action_new", clear_on_submit=True):
            a, b = st.columns(2)
            title = a.text_input("Verbeteractie", key="act_title", placeholder="Bijv. terugbelbelofte binnen 4 uur")
            default_theme = selection.theme if selection.theme in TAX.codes else ""
            theme = b.selectbox("Thema", ["", *TAX.codes], index=(["", *TAX.codes]).index(default_theme),
                                format_func=lambda c: TAX.label(c) if c else "(geen thema)", key=f"act_theme_{default_theme}")
            c1, c2, c3 = st.columns(3)
            owner = c1.text_input("Eigenaar", key="act_owner")
            due = c2.date_input("Deadline", value=None, format="DD-MM-YYYY", key="act_due")
            status = c3.selectbox("Status", list(ActionStatus), format_func=lambda s: s.label, key="act_status")
            use_evidence = st.checkbox(f"De {len(selected)} notities uit de selectie als bewijs", value=bool(selected),
                                       key="act_evidence", disabled=not selected)
            description = st.text_area("Toelichting", key="act_description")
            if st.form_submit_button("Actie toevoegen", type="primary"):
                _do(lambda: action_service.create_action(
                    ctx.db, ctx.actor, chosen[0], title, description=description, theme_code=theme, owner=owner,
                    due_date=due, status=status, evidence_note_ids=[n.note.id for n in selected] if use_evidence else []),
                    "Verbeteractie toegevoegd.")

    # Actions of earlier sessions too: their effect shows up in the sessions chosen now.
    ordered = session_order(list(sessions_by_id.values()))
    last_pos = max(i for i, s in enumerate(ordered) if s.id in chosen)
    relevant_ids = [s.id for s in ordered[: last_pos + 1]]
    all_actions = action_service.list_actions(ctx.db, ctx.actor, relevant_ids)
    fa, fb = st.columns(2)
    status_filter = fa.multiselect("Status", list(ActionStatus), format_func=lambda s: s.label, key="act_f_status")
    theme_filter = fb.selectbox("Thema", ["", *TAX.codes], format_func=lambda c: TAX.label(c) if c else ALL, key="act_f_theme")
    shown = [a for a in all_actions if (not status_filter or a.status in status_filter)
             and (not theme_filter or a.theme_code == theme_filter)]
    if not shown:
        st.info("Nog geen verbeteracties." if not all_actions else "Geen acties bij deze filters.")
    else:
        action_sessions = sorted({a.session_id for a in shown})
        first_pos = min(i for i, s in enumerate(ordered) if s.id in action_sessions)
        span = [s.id for s in ordered[first_pos : last_pos + 1]]
        effect_notes = _notes(span) if set(span) - set(chosen) else all_notes
        effects = action_effects(shown, effect_notes, [sessions_by_id[i] for i in span])

        def _change(value: float | None) -> str:
            if value is None:
                return "–"
            return ("▼ " if value < 0 else "▲ " if value > 0 else "= ") + percent(abs(value)).replace(" %", " procentpunt")

        st.dataframe(pd.DataFrame({
            "Nr": [e.action.id for e in effects],
            "Actie": [e.action.title for e in effects],
            "Thema": [TAX.label(e.action.theme_code) if e.action.theme_code else "" for e in effects],
            "Eigenaar": [e.action.owner for e in effects],
            "Deadline": [e.action.due_date.strftime("%d-%m-%Y") if e.action.due_date else "" for e in effects],
            "Status": [e.action.status.label for e in effects],
            "Bewijs": [len(e.action.evidence_note_ids) for e in effects],
            "Sessie": [f"#{e.action.session_id}" for e in effects],
            "Aandeel toen": [percent(e.baseline) for e in effects],
            "Aandeel later": [percent(e.latest) for e in effects],
            "Verandering": [_change(e.change) for e in effects],
        }), hide_index=True)
        if CAN_REVIEW:
            a, b, c = st.columns([3, 2, 1])
            action_by_id = {x.id: x for x in shown}
            pick_action = a.selectbox("Actie bijwerken", list(action_by_id), key="act_upd_id",
                                      format_func=lambda i: f"#{i} {shorten(action_by_id[i].title, 60)}")
            new_status = b.selectbox("Nieuwe status", list(ActionStatus), format_func=lambda s: s.label, key="act_upd_status")
            c.write("")
            if c.button("Opslaan", key="act_upd_save"):
                _do(lambda: action_service.update_action(ctx.db, ctx.actor, pick_action, status=new_status), "Status bijgewerkt.")

with tab_zorg:
    st.markdown("Deelnemers met herhaalde of ernstige irritaties. Bevestig als zorgklant of wijs af, met een reden.")
    if not candidates:
        st.info("Geen (nieuwe) zorgklant-suggesties voor deze selectie.")
    for cand in candidates:
        with st.container(border=True):
            st.markdown(f"**{cand.code}** · sessie #{cand.session_id} · score {cand.score:.2f}".replace(".", ","))
            st.text(cand.reason)
            reason = st.text_input("Reden (verplicht)", key=f"zk_reason_{cand.participant_id}")
            a, b = st.columns(2)
            if a.button("Bevestigen als zorgklant", key=f"zk_yes_{cand.participant_id}", type="primary", disabled=not CAN_REVIEW):
                _do(lambda c=cand, r=reason: review.confirm_zorgklant(ctx.db, ctx.actor, c.participant_id, r),
                    f"{cand.code} is als zorgklant gemarkeerd.")
            if b.button("Afwijzen", key=f"zk_no_{cand.participant_id}", disabled=not CAN_REVIEW):
                _do(lambda c=cand, r=reason: review.dismiss_zorgklant(ctx.db, ctx.actor, c.participant_id, r),
                    f"Suggestie voor {cand.code} afgewezen.")

st.caption(f"Analyse met taalmodel {analysis.engine_version() if engine is not None else 'niet beschikbaar'} · "
           f"{sum(1 for n in all_notes if n.analysed)} van {len(all_notes)} notities geanalyseerd · "
           f"{sum(1 for n in all_notes if n.human_labelled)} door een mens gecorrigeerd · {date.today():%d-%m-%Y}")

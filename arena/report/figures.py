"""The dashboard's charts (arena.charts), chosen for the report and drawn to PNG."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor

import plotly.graph_objects as go

from arena.report.docx_report import ChartImage
from arena.report.images import ChartRenderError, figure_to_png
from arena.services.analysis import AnalysedNote

log = logging.getLogger(__name__)

# (builder name in arena.charts, caption) in report order; the figure's own title is the heading.
REPORT_CHARTS: tuple[tuple[str, str, str], ...] = (
    ("irritations_per_theme", "Irritaties per thema", "Aantal irritaties per thema, meest genoemd bovenaan."),
    ("category_chart", "Organisatie of product", "Verdeling van de irritaties over organisatorische en producttechnische thema's."),
    ("theme_topic_heatmap", "Thema's per onderwerp", "Hoe vaak elk thema bij elk agendaonderwerp als irritatie terugkwam."),
    ("theme_segment_chart", "Thema's per klantsegment", "Irritaties per thema, uitgesplitst naar segment."),
    ("participant_chart", "Irritaties per deelnemer", "Per deelnemer (code) het aantal irritaties per thema."),
    ("topic_mood_chart", "Stemming per onderwerp", "Verhouding irritatie, positief, neutraal en suggestie per onderwerp."),
    ("session_timeline", "Verloop van de sessie", "Elke notitie op het moment in de sessie dat ze werd gemaakt."),
)


FigureSpec = tuple[str, str, go.Figure | None, str]


def iter_report_figures(notes: Sequence[AnalysedNote]) -> Iterator[FigureSpec]:
    """(title, caption, figure or None, why not) for each report chart the dashboard offers."""
    try:
        import arena.charts as charts
    except Exception as exc:  # the report must build even when the chart package is broken or absent
        log.warning("arena.charts unavailable: %s", exc)
        for _, title, caption in REPORT_CHARTS:
            yield (title, caption, None, "De grafiekmodule is niet beschikbaar.")
        return
    for name, title, caption in REPORT_CHARTS:
        builder: Callable[[Sequence[AnalysedNote]], go.Figure] | None = getattr(charts, name, None)
        if builder is None:
            continue
        try:
            yield (title, caption, builder(notes), "")
        except Exception as exc:
            log.exception("chart %s failed", name)
            yield (title, caption, None, f"Deze grafiek kon niet worden gemaakt ({type(exc).__name__}).")


def report_figures(notes: Sequence[AnalysedNote]) -> list[FigureSpec]:
    return list(iter_report_figures(notes))


def chart_images(notes: Sequence[AnalysedNote]) -> list[ChartImage]:
    """Build and draw every chart; each figure is drawn (in Chromium) while the next one is built."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="chart-png") as renderer:
        pending = [(spec, renderer.submit(render, [spec])) for spec in iter_report_figures(notes)]
        return [future.result()[0] for _, future in pending]


def render(figures: Sequence[FigureSpec]) -> list[ChartImage]:
    """Draw every figure; a chart that fails becomes a note in the report instead of an error."""
    images: list[ChartImage] = []
    for title, caption, fig, why in figures:
        if fig is None:
            images.append(ChartImage(title, None, caption, why))
            continue
        try:
            images.append(ChartImage(title, figure_to_png(fig), caption))
        except ChartRenderError as exc:
            images.append(ChartImage(title, None, caption, str(exc)))
    return images


_warming: Future | None = None


def warm_up() -> Future:
    """Start the renderer (and plotly's lazy imports) in the background; once per process."""
    global _warming
    if _warming is not None and not (_warming.done() and _warming.exception()):
        return _warming
    executor = ThreadPoolExecutor(max_workers=1)
    _warming = executor.submit(_start)
    executor.shutdown(wait=False)
    return _warming


def _start() -> None:
    try:
        import arena.charts  # noqa: F401 - first import of plotly's figure classes takes ~1 s
        from arena.report.images import start

        go.Figure(go.Bar(x=[1], y=[1])).update_layout(template="plotly_white")
        start()
    except Exception:  # reported when the first chart is drawn
        pass

"""Plotly figures to PNG, offline, with nothing but pip packages.

kaleido 0.2.1 ships its own headless Chromium inside the wheel (kaleido 1.x downloads a browser at
run time, which cannot work offline). plotly 7 no longer drives kaleido 0.2.1 through
`fig.to_image`, so we call kaleido's PlotlyScope directly and hand it the plotly.js bundled with the
installed plotly: the image is drawn by the same plotly.js as the dashboard. Measured here: about
0.7 s to start Chromium once, then 25-45 ms per chart.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

import plotly
import plotly.graph_objects as go

log = logging.getLogger(__name__)

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
WIDTH = 960  # px at scale 1; placed at 16 cm wide in the report (~150 dpi at scale 1.0)
HEIGHT = 480
SCALE = 1.5

_lock = threading.Lock()  # one Chromium process, used by one caller at a time
_scope: Any = None


class ChartRenderError(RuntimeError):
    """The chart could not be drawn (renderer missing or failed); the report goes on without it."""


def _plotly_js() -> str:
    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.exists():
        raise ChartRenderError("plotly.min.js ontbreekt in de plotly-installatie.")
    return str(path)


def _get_scope() -> Any:
    global _scope
    if _scope is None:
        try:
            from kaleido.scopes.plotly import PlotlyScope
        except ImportError as exc:
            raise ChartRenderError("kaleido is niet geïnstalleerd (pip install kaleido==0.2.1).") from exc
        _scope = PlotlyScope(plotlyjs=_plotly_js(), mathjax=False)
    return _scope


def start() -> None:
    """Start Chromium and let it load plotly.js now (together 1-2 s), so a report's first chart does not wait."""
    with _lock:
        _get_scope().transform({"data": [{"type": "bar", "x": [1], "y": [1]}], "layout": {}}, format="png",
                               width=50, height=50, scale=1)


def figure_to_png(fig: go.Figure, *, width: int = WIDTH, height: int | None = None, scale: float = SCALE) -> bytes:
    """Render one figure; raises ChartRenderError on any failure."""
    spec = fig.to_plotly_json()
    layout_height = spec.get("layout", {}).get("height")
    with _lock:
        try:
            png = _get_scope().transform(spec, format="png", width=width, height=height or layout_height or HEIGHT, scale=scale)
        except ChartRenderError:
            raise
        except Exception as exc:  # kaleido raises ValueError with the JS error text
            global _scope
            _scope = None  # a crashed Chromium is restarted on the next call
            raise ChartRenderError(f"Grafiek kon niet worden getekend: {exc}") from exc
    if not png.startswith(PNG_MAGIC):
        raise ChartRenderError("De grafiek-renderer gaf geen PNG terug.")
    return png

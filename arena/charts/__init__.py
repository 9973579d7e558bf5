"""Pure plotly figure builders: data in (the analysis read model), figure out. Shared by dashboard and report."""

from arena.charts.clusters import cluster_chart
from arena.charts.themes import (
    category_chart,
    irritations_per_theme,
    participant_chart,
    theme_segment_chart,
    theme_topic_heatmap,
)
from arena.charts.timeline import session_timeline, topic_mood_chart
from arena.charts.trend import theme_trend

__all__ = [
    "category_chart",
    "cluster_chart",
    "irritations_per_theme",
    "participant_chart",
    "session_timeline",
    "theme_segment_chart",
    "theme_topic_heatmap",
    "theme_trend",
    "topic_mood_chart",
]

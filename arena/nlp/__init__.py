"""Dutch NLP engine of klantenarena: irritations, themes and more in moderator notes.

    from arena.nlp import Engine
    engine = Engine.load()                      # once per process (wrap in st.cache_resource)
    result = engine.analyse("Ik werd drie keer niet teruggebeld.")
    result.polarity, result.themes, result.cues
"""

from arena.nlp.clusters import discover_clusters
from arena.nlp.engine import Engine
from arena.nlp.learning import LabelledExample, compare, refit
from arena.nlp.results import Cluster, Cue, NoteResult, ZorgklantSuggestion
from arena.nlp.version import ENGINE_VERSION
from arena.nlp.zorgklant import suggest_zorgklanten

__all__ = [
    "ENGINE_VERSION",
    "Cluster",
    "Cue",
    "Engine",
    "LabelledExample",
    "NoteResult",
    "ZorgklantSuggestion",
    "compare",
    "discover_clusters",
    "refit",
    "suggest_zorgklanten",
]

"""The engine version stored with every analysis, so results can be traced and recomputed."""

# Bump when the pipeline, lexicon format, features or shipped head change behaviour.
ENGINE_VERSION = "nl-2026.12.3"

"""klantenarena: plan, capture, analyse and report customer panel sessions."""

__version__ = "0.1.0"

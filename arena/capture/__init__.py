"""Live capture: the shorthand parser, the agenda clock and the read models of the capture page.

Pure code only (no database, no Streamlit): arena/services/capture.py wires it to storage.
"""

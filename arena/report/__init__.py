"""Shared outputs: the Word report, chart images, CSV/XLSX and REFI-QDA exports, transcript parsers.

Everything here is pure (no database, no Streamlit): services gather the data, these modules write files.
"""

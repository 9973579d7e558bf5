"""Streamlit glue shared by the pages: set-up, guard, navigation and safe text display."""

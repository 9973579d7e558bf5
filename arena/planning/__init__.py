"""Preparing a klantenarena: agenda templates, panel composition, participant import,
invitations and calendar files, staff briefing, day checklist and thank-you letters.

Pure functions and document builders only; no Streamlit, no database (services wire these to storage).
"""

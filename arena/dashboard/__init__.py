"""The analysis dashboard's logic, free of Streamlit: aggregations, headline, drill-down, review state, effects."""

"""Accounts, password hashing and session membership (who may use the app, and for what)."""

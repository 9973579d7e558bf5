"""The browser and server fixtures of tests/e2e, for the hostile-input browser test."""

from tests.e2e.conftest import browser, browser_factory, server_factory, streamlit_server  # noqa: F401

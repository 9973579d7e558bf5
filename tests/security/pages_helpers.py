"""Drive pages under AppTest as a given account, and collect everything they rendered."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from tests.conftest import REPO

DEMO = json.loads((REPO / "arena" / "services" / "demo_session.json").read_text(encoding="utf-8"))
PERSONAL = [p["name"] for p in DEMO["participants"]] + [p["email"] for p in DEMO["participants"] if p.get("email")]


def discovered_pages() -> list[str]:
    """Every page file, so pages added later are covered automatically."""
    return ["streamlit_app.py", *sorted(f"pages/{p.name}" for p in (REPO / "pages").glob("*.py"))]


def open_page(path: str, *, user_id: int | None = None, session_id: int | None = None,
              secrets: dict | None = None, user: dict | None = None) -> AppTest:
    app = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=90)
    if session_id is not None:
        app.query_params["sessie"] = str(session_id)
    if user_id is not None:
        app.session_state["arena_user_id"] = user_id
    for key, value in (secrets or {}).items():
        app.secrets[key] = value
    if user is not None:
        app.user = user
    if path != "streamlit_app.py":
        app.switch_page(path)
    return app.run()


def rendered(app: AppTest) -> str:
    """All element protos as text: labels, values, dataframes (Arrow bytes), captions, errors."""
    parts: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(str(proto))
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for child in children.values():
                walk(child)

    walk(app._tree)
    return "\n".join(parts)


def leaked(app: AppTest, needles: list[str] = PERSONAL) -> list[str]:
    text = rendered(app)
    return [n for n in needles if n in text]

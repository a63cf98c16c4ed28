"""The page is served drawn for its URL, so the values callbacks would set on load are in it."""

from __future__ import annotations

import json

import pytest

from dashboard.config import Settings
from dashboard.web.app import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return create_app(Settings(data_dir=tmp_path_factory.mktemp("opening"))).server.test_client()


def _layout(client, query: str) -> str:
    headers = {"Referer": f"http://127.0.0.1:8050/{query}"}
    return json.dumps(client.get("/_dash-layout", headers=headers).get_json())


def test_the_range_label_comes_with_the_page(client):
    assert '"No range"' in _layout(client, "")
    ranged = _layout(client, "?date=2017-11-09&from=2017-11-01&to=2017-11-09")
    assert "Range 01 Nov \\u2013 09 Nov 2017" in ranged


def test_stores_listened_to_never_start_as_none(client):
    """dcc.Store reports a None it mounts with as a change, running its listeners on load."""
    layout = json.loads(_layout(client, ""))
    stores = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "Store":
                stores.append(node["props"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(layout)
    assert len(stores) > 5
    empty = [s["id"] for s in stores if s.get("data") is None and s.get("storage_type") != "local"]
    assert empty == []

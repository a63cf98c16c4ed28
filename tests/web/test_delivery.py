"""Page delivery: static files compressed once and served intact; the page's own plotly.js
runs before Dash's renderer, and the full bundle is never asked for; the page's map figure
built from a cached template equals the validated one."""

from __future__ import annotations

import gzip
import json
import re

import plotly.io as pio
import pytest

from dashboard.config import Settings
from dashboard.web.app import create_app
from dashboard.web.delivery import (
    DASH_PLOTLY_PATH,
    EARLY_REQUESTS,
    PLOTLY_BUNDLE,
    StaticCompressionCache,
    cache_key,
    with_early_requests,
)
from dashboard.web.figures.map_figure import base_map_figure, control_layers, map_figure_json


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    settings = Settings(data_dir=tmp_path_factory.mktemp("delivery"))
    return create_app(settings).server.test_client()


def _script_sources(html: str) -> list[str]:
    return re.findall(r'<script src="([^"]+)"', html)


def test_the_partial_plotly_runs_before_the_renderer_and_the_full_one_is_not_named(client):
    html = client.get("/").get_data(as_text=True)
    scripts = [src.split("?")[0] for src in _script_sources(html)]
    bundle = f"/assets/{PLOTLY_BUNDLE}"
    renderer = next(i for i, src in enumerate(scripts) if "dash_renderer" in src)
    assert bundle in scripts and scripts.index(bundle) < renderer
    assert DASH_PLOTLY_PATH not in html


def test_a_compressed_script_is_the_same_script_every_time(client):
    html = client.get("/").get_data(as_text=True)
    (src,) = [s for s in _script_sources(html) if PLOTLY_BUNDLE in s]
    plain = client.get(src, headers={"Accept-Encoding": "identity"}).get_data()
    assert len(plain) > 1_000_000
    for _ in range(2):  # the second answer comes from the cache
        response = client.get(src, headers={"Accept-Encoding": "gzip"})
        assert response.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(response.get_data()) == plain


def test_the_head_asks_for_the_layout_and_callbacks_as_the_renderer_will(client):
    html = client.get("/").get_data(as_text=True)
    head = html[: html.index("</head>")]
    for path in EARLY_REQUESTS:
        assert f'<link rel="preload" as="fetch" crossorigin="anonymous" href="/{path}">' in head
        assert client.get(f"/{path}").status_code == 200
    prefixed = with_early_requests("<head>{%css%}</head>", "/app/")
    assert 'href="/app/_dash-layout"' in prefixed and 'href="/app/_dash-dependencies"' in prefixed


def test_data_responses_are_never_kept():
    class Request:
        def __init__(self, method: str, path: str) -> None:
            self.method, self.path, self.query_string = method, path, b"v=1"

    cache = StaticCompressionCache()
    cache.set("gzip;" + cache_key(Request("POST", "/_dash-update-component")), b"data")
    cache.set("gzip;" + cache_key(Request("GET", "/_dash-layout")), b"layout")
    static = "gzip;" + cache_key(Request("GET", "/assets/app.css"))
    cache.set(static, b"css")
    assert cache.get(static) == b"css"
    assert len(cache._items) == 1


def test_the_cache_stays_within_its_bound_dropping_the_oldest():
    cache = StaticCompressionCache(max_bytes=10)
    cache.set("/assets/a?", b"12345")
    cache.set("/assets/b?", b"12345")
    cache.get("/assets/a?")  # a is now the most recently used
    cache.set("/assets/c?", b"12345")
    assert cache.get("/assets/b?") is None
    assert cache.get("/assets/a?") == b"12345" and cache.get("/assets/c?") == b"12345"
    cache.set("/assets/huge?", b"x" * 11)
    assert cache.get("/assets/huge?") is None


def test_the_page_figure_equals_the_validated_figure():
    style = {"version": 8, "sources": {}, "layers": [{"id": "bg", "type": "background"}]}
    layers = control_layers(None)
    fast = map_figure_json(style, center={"lat": 35.0, "lon": 41.0}, zoom=7.0, layers=layers)
    slow = base_map_figure(
        style, center={"lat": 35.0, "lon": 41.0}, zoom=7.0, layers=layers
    ).to_plotly_json()
    assert json.loads(pio.to_json(fast)) == json.loads(pio.to_json(slow))
    # the cached template is copied, never shared between pages
    fast["data"][1]["lon"] = [1.0]
    again = map_figure_json(style, layers=layers)
    assert list(again["data"][1]["lon"]) == []

"""The app's callbacks form no loop. Dash holds a callback back while another callback may still
change one of its inputs; in a loop that wait can swallow the last of several quick changes
(ticking filters fast left the shared URL one filter behind)."""

from __future__ import annotations

import pytest

from dashboard.config import Settings
from dashboard.web.app import create_app


def _prop(spec: str) -> str:
    return spec.split("@")[0]


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> dict[str, set[str]]:
    app = create_app(Settings(data_dir=tmp_path_factory.mktemp("graph")))
    edges: dict[str, set[str]] = {}
    for key, callback in app.callback_map.items():
        outputs = [_prop(part) for part in key.strip(".").split("...")]
        for spec in callback["inputs"]:
            source = f"{spec['id']}.{spec['property']}"
            edges.setdefault(source, set()).update(outputs)
    return edges


def _loops(edges: dict[str, set[str]]) -> list[list[str]]:
    state: dict[str, int] = {}
    found: list[list[str]] = []
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                found.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return found


def test_the_loop_finder_sees_a_loop():
    assert _loops({"a.x": {"b.y"}, "b.y": {"c.z"}, "c.z": {"a.x"}}) == [
        ["a.x", "b.y", "c.z", "a.x"]
    ]


def test_the_graph_is_read_whole(graph):
    assert "url.search" in {o for outs in graph.values() for o in outs}
    assert "filter-types.value" in graph


def test_no_callback_feeds_back_into_its_own_inputs(graph):
    assert _loops(graph) == []

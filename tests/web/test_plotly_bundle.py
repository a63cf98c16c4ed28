"""The shipped partial plotly.js: the version plotly.py writes figures for, built from the
pinned packages, carrying every trace type the page's figures use, with its licences."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from plotly.offline import get_plotlyjs_version

from dashboard.config import assets_dir
from dashboard.store.records import DayCount
from dashboard.web.delivery import PLOTLY_BUNDLE
from dashboard.web.figures.map_figure import map_figure_json
from dashboard.web.figures.timeline import timeline_figure

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "scripts" / "plotly-bundle"


def _banner() -> str:
    with (assets_dir() / PLOTLY_BUNDLE).open(encoding="utf-8") as f:
        return f.read(400)


def test_the_bundle_is_the_plotly_js_that_plotly_py_writes_figures_for():
    found = re.match(r"/\*! plotly\.js (\S+),", _banner())
    assert found, "the bundle lost its banner"
    assert found.group(1) == get_plotlyjs_version()
    lock = json.loads((SOURCE / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/plotly.js"]["version"] == get_plotlyjs_version()


def test_every_trace_type_the_page_draws_is_registered_in_the_bundle():
    page_types = {t["type"] for t in map_figure_json({"version": 8})["data"]}
    timeline = timeline_figure(
        [DayCount(day=date(2017, 11, 1), key="isis", count=2)],
        by="side",
        start=date(2017, 11, 1),
        end=date(2017, 11, 10),
        cursor=date(2017, 11, 5),
    )
    page_types |= {t.type for t in timeline.data}
    entry = (SOURCE / "entry.js").read_text(encoding="utf-8")
    registered = set(re.findall(r"require\('plotly\.js/lib/(\w+)'\)", entry)) - {"core"}
    assert page_types == {"scattermap", "bar"}
    assert page_types <= registered | {"scatter"}  # core carries scatter


def test_the_licence_notice_names_every_bundled_package_at_its_locked_version():
    notice = (assets_dir() / f"{PLOTLY_BUNDLE}.LICENSE.txt").read_text(encoding="utf-8")
    lock = json.loads((SOURCE / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    listed = re.findall(r"^(\S+) (\S+) \(([^)]+)\)$", notice.split("\n\n====")[0], re.M)
    assert {"plotly.js", "maplibre-gl"} <= {name for name, _, _ in listed}
    for name, version, licence in listed:
        assert lock[f"node_modules/{name}"]["version"] == version
        assert licence and f"==== {name} {version} ({licence}) ====" in notice
    assert "MapLibre" in notice and "Plotly" in notice

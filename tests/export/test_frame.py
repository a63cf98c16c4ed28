"""Projection maths the labels, the scale bar and the MapLibre view rely on."""

from __future__ import annotations

import math

import pytest

from dashboard.export.frame import bbox_for_view, fit_bbox, scale_bar_km


def test_fitted_box_contains_the_asked_box_and_fills_the_frame() -> None:
    frame = fit_bbox((40.3, 34.0, 41.8, 34.9), 1280, 740)
    west, south, east, north = frame.bbox
    assert west <= 40.3 and east >= 41.8 and south <= 34.0 and north >= 34.9
    x0, y0 = frame.project(west, north)
    x1, y1 = frame.project(east, south)
    assert (x0, y0) == pytest.approx((0, 0), abs=1e-6)
    assert (x1, y1) == pytest.approx((1280, 740), abs=1e-6)


def test_view_and_zoom_round_trip() -> None:
    box = bbox_for_view({"lon": 41.0, "lat": 34.5}, 8.0, 1200, 700)
    frame = fit_bbox(box, 1200, 700)
    assert frame.zoom == pytest.approx(8.0, abs=1e-6)
    assert frame.center["lat"] == pytest.approx(34.5, abs=1e-6)


def test_scale_bar_is_a_round_distance_that_fits() -> None:
    frame = fit_bbox((40.3, 34.0, 41.8, 34.9), 1280, 740)
    km, px = scale_bar_km(frame, 280)
    assert km in (10, 20, 25, 50) and px <= 280
    # A degree of longitude is 111.32 km times the cosine of the latitude.
    west, _, east, _ = frame.bbox
    expected = (east - west) * 111.32 * math.cos(math.radians(frame.center["lat"]))
    assert frame.km_per_px() * 1280 == pytest.approx(expected, rel=0.01)

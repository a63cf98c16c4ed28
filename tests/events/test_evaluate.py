"""The evaluation runs on the dev split and reports every score it promises."""

from __future__ import annotations

from dashboard.events.evaluate import evaluate_events


def test_dev_evaluation_reports_event_and_claim_scores() -> None:
    report = evaluate_events("dev")
    assert report["events"]["tp"] > 0 and report["claims"]["tp"] > 0
    for key in ("precision", "recall", "f1", "date_accuracy", "actor_side_exact"):
        assert 0.0 <= report["events"][key] <= 1.0
    for key in ("precision", "recall", "f1"):
        assert 0.0 <= report["claims"][key] <= 1.0

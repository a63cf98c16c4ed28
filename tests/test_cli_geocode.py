"""The ``conflictmap geocode`` command."""

from __future__ import annotations

import json

from dashboard.cli import main


def test_geocode_json_lists_ranked_candidates(capsys):
    assert main(["geocode", "Albou Kamal", "--json", "--lang", "fr"]) == 0
    found = json.loads(capsys.readouterr().out)
    best = found[0]
    for field in ("name", "lat", "lon", "kind", "country", "admin1", "score"):
        assert field in best
    assert best["country"] == "SY" and abs(best["lat"] - 34.45226) < 0.05


def test_geocode_text_output(capsys):
    assert main(["geocode", "Mossoul", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert "Mosul" in out and out.count("\n") == 2


def test_unknown_name_exits_1_with_a_message(capsys):
    assert main(["geocode", "Xqzzyvillevillex"]) == 1
    assert "no place matches" in capsys.readouterr().err


def test_unknown_name_in_json_mode_also_explains(capsys):
    assert main(["geocode", "Xqzzyvillevillex", "--json"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert "no place matches" in captured.err

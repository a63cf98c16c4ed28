"""The pipeline end to end: files in, a store with articles, events, claims and control out."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dashboard.cli import main
from dashboard.demo import ARTICLES_DIR
from dashboard.pipeline import ingest_bytes, ingest_paths, refresh_control
from dashboard.store import open_store

RAWA_EN = (
    "Iraqi forces retake Rawa\n\n"
    "RAWA, Iraq, Nov 17, 2017 (Wire) - Iraqi forces retook the town of Rawa from the Islamic State "
    "group on Friday, the Joint Operations Command said, days after launching an assault on "
    "the last town the jihadists held in western Anbar province.\n"
)


@pytest.fixture
def store(tmp_path: Path):
    with open_store(f"sqlite:///{tmp_path / 'store.db'}") as s:
        yield s


def test_parse_json_reports_places_events_and_claims(tmp_path: Path, capsys) -> None:
    article = tmp_path / "rawa.txt"
    article.write_text(RAWA_EN, encoding="utf-8")
    assert main(["parse", str(article), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    rawa = next(p for p in doc["places"] if p["text"] == "Rawa")
    assert rawa["precision"] == "point" and abs(rawa["lat"] - 34.48) < 0.1
    assert set(rawa) >= {"text", "start", "end", "name", "lat", "lon", "precision", "confidence"}
    capture = next(
        e for e in doc["events"] if e["type"] == "capture" and "on Friday" in e["sentence"]
    )
    assert capture["date"] == "2017-11-17" and capture["date_precision"] == "day"
    assert any(a["side"] == "iraqi_forces" for a in capture["actors"])
    claim = next(c for c in doc["claims"] if c["place_id"] == rawa["place_id"])
    assert (claim["side"], claim["from"], claim["kind"]) == ("iraqi_forces", "2017-11-17", "full")


def test_parse_seed_article_infers_its_date_and_reads_its_claims(seed_text, tmp_path, capsys):
    seed = tmp_path / "seed.txt"
    seed.write_text(seed_text, encoding="utf-8")
    assert main(["parse", str(seed), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["article"]["published"] == "2017-11-03"
    assert doc["article"]["published_origin"] == "inferred"
    claims = {(c["place_id"], c["side"], c["from"]) for c in doc["claims"]}
    assert ("gn:174448", "isis", "2017-11-03") in claims
    assert ("gn:170794", "syrian_government", "2017-11-03") in claims
    assert ("gn:92138", "iraqi_forces", "2017-11-03") in claims
    partial = [c for c in doc["claims"] if c["kind"] == "partial"]
    assert partial and partial[0]["precision"] == "governorate"
    assert partial[0]["fraction"] >= 0.35 and "Zawr" in partial[0]["place"]


def test_ingesting_the_same_file_twice_changes_nothing(store, tmp_path: Path) -> None:
    article = tmp_path / "rawa.txt"
    article.write_text(RAWA_EN, encoding="utf-8")
    first = ingest_paths(store, [article])
    counts = store.stats()["counts"]
    second = ingest_paths(store, [article])
    assert [r.status for r in first.results] == ["new"]
    assert [r.status for r in second.results] == ["unchanged"]
    assert store.stats()["counts"] == counts


def test_an_article_read_by_older_rules_is_read_again(store, tmp_path: Path, monkeypatch) -> None:
    """Rules change with the pipeline version; re-ingesting replaces what older rules read."""
    import dashboard.pipeline as pipeline

    article = tmp_path / "rawa.txt"
    article.write_text(RAWA_EN, encoding="utf-8")
    monkeypatch.setattr(pipeline, "PIPELINE_VERSION", "1")
    assert [r.status for r in ingest_paths(store, [article]).results] == ["new"]
    monkeypatch.undo()
    assert pipeline.PIPELINE_VERSION != "1"
    assert [r.status for r in ingest_paths(store, [article]).results] == ["updated"]
    assert [r.status for r in ingest_paths(store, [article]).results] == ["unchanged"]


def test_a_bad_file_fails_alone_and_the_batch_goes_on(store, tmp_path: Path) -> None:
    good = tmp_path / "rawa.txt"
    good.write_text(RAWA_EN, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    summary = ingest_paths(store, [empty, binary, good, tmp_path / "missing.txt"])
    statuses = {Path(r.source).name: r.status for r in summary.results}
    assert statuses == {
        "empty.txt": "failed",
        "blob.txt": "failed",
        "rawa.txt": "new",
        "missing.txt": "failed",
    }
    assert all(r.reason for r in summary.failures)
    assert store.stats()["counts"]["articles"] == 1


def test_uploaded_bytes_are_ingested_and_bad_bytes_reported(store) -> None:
    ok = ingest_bytes(store, "rawa.txt", RAWA_EN.encode())
    bad = ingest_bytes(store, "nul.bin", b"\x00\x01\x02" * 100)
    assert [r.status for r in ok] == ["new"]
    assert bad[0].status == "failed" and bad[0].source == "nul.bin" and bad[0].reason


def test_control_snapshots_follow_the_claims(store, tmp_path: Path) -> None:
    article = tmp_path / "rawa.txt"
    article.write_text(RAWA_EN, encoding="utf-8")
    summary = ingest_paths(store, [article])
    assert summary.earliest_changed_day == date(2017, 11, 17)
    assert refresh_control(store, since=summary.earliest_changed_day) >= 1
    snapshot = store.control_snapshot_on(date(2017, 11, 18))
    places = [f for f in snapshot.features if f["properties"]["kind"] == "place"]
    assert any(f["properties"].get("side") == "iraqi_forces" for f in places)
    areas = [f for f in snapshot.features if f["properties"]["kind"] == "area"]
    assert {f["properties"]["side"] for f in areas} == {"iraqi_forces"}
    assert store.control_snapshot_on(date(2017, 11, 16)) is None


def test_demo_builds_a_store_with_moving_control(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    assert main(["demo", "--db", url]) == 0
    assert "failed 0" in capsys.readouterr().out
    with open_store(url) as s:
        counts = s.stats()["counts"]
        assert counts["articles"] >= len(list(ARTICLES_DIR.glob("*.json")))
        days = s.control_snapshot_days()
        autumn = [d for d in days if date(2017, 9, 1) <= d <= date(2017, 12, 31)]
        assert len(autumn) >= 10, "control should change many times through the campaign"
        sides_sept = _sides(s, date(2017, 9, 10))
        sides_dec = _sides(s, date(2017, 12, 15))
        assert "isis" in sides_sept
        assert {"iraqi_forces", "syrian_government"} <= sides_dec


def _sides(store, day: date) -> set[str]:
    snap = store.control_snapshot_on(day)
    return {
        f["properties"]["side"]
        for f in snap.features
        if f["properties"]["kind"] == "area" and f["properties"].get("side")
    }


def test_control_command_prints_geojson_with_claims_behind_places(tmp_path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    article = tmp_path / "rawa.txt"
    article.write_text(RAWA_EN, encoding="utf-8")
    assert main(["ingest", str(article), "--db", url]) == 0
    capsys.readouterr()
    assert main(["control", "--date", "2017-11-20", "--db", url]) == 0
    collection = json.loads(capsys.readouterr().out)
    assert collection["type"] == "FeatureCollection"
    place = next(f for f in collection["features"] if f["properties"]["kind"] == "place")
    assert place["properties"]["side"] == "iraqi_forces"
    assert "Rawa" in place["properties"]["claims"][0]["sentence"]


def test_ingest_command_exits_nonzero_and_names_the_bad_file(tmp_path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"")
    assert main(["ingest", str(bad), "--db", url]) == 1
    out = capsys.readouterr().out
    assert "failed 1" in out and "bad.html" in out


QAIM_NO_YEAR = (
    "Iraqi forces take al-Qaim\n\n"
    "BAGHDAD, Nov 3 (Reuters) - Iraqi forces captured al-Qaim, one of the last towns held by "
    "Islamic State in the country, the military said.\n"
)


def test_a_dateline_without_year_takes_the_year_of_the_articles_read_with_it(
    store, tmp_path: Path
) -> None:
    # the yearless file comes first in the batch: it is dated once the others are in
    (tmp_path / "a_qaim.txt").write_text(QAIM_NO_YEAR, encoding="utf-8")
    (tmp_path / "b_rawa.txt").write_text(RAWA_EN, encoding="utf-8")
    summary = ingest_paths(store, [tmp_path / "a_qaim.txt", tmp_path / "b_rawa.txt"])
    assert [r.status for r in summary.results] == ["new", "new"]
    dates = {
        a.title: (a.published, a.published_origin)
        for a in map(store.article, (r.article_id for r in summary.results))
    }
    assert dates["Iraqi forces take al-Qaim"] == (date(2017, 11, 3), "inferred")
    qaim = next(r for r in summary.results if "qaim" in r.source)
    assert qaim.claims > 0  # dated, its capture gives a claim
    assert any("read with it" in w for w in qaim.warnings)


def test_a_dateline_without_year_and_no_neighbours_stays_undated(store, tmp_path: Path) -> None:
    (tmp_path / "qaim.txt").write_text(QAIM_NO_YEAR, encoding="utf-8")
    summary = ingest_paths(store, [tmp_path / "qaim.txt"])
    assert store.article(summary.results[0].article_id).published is None


def test_a_state_told_before_a_later_capture_keeps_a_claim_id_of_its_own(store) -> None:
    # a digest of two stories: Rawa "still held" in the first, retaken in the second; the
    # state turns contested beside the stronghold's full claim, under an id of its own
    from dashboard.articles import read_articles
    from dashboard.pipeline import ingest_article

    body = (
        "Plus au nord, les Forces démocratiques syriennes (FDS) ont annoncé avoir repris "
        "plusieurs villages aux jihadistes, sans atteindre la localité de Hajine, toujours "
        "tenue par l'EI.\n\nEn Irak, les forces gouvernementales se préparent à lancer "
        "l'assaut sur Rawa, dernière ville encore contrôlée par le groupe dans le pays.\n\n"
        "BAGDAD, 23 novembre — Les forces irakiennes ont lancé jeudi une vaste opération "
        "contre les derniers combattants du groupe État islamique (EI), une semaine après la "
        "reprise de Rawa, a annoncé le Commandement des opérations conjointes."
    )
    doc = {"title": "digest", "text": body, "language": "fr", "published": "2017-11-23"}
    (article,) = read_articles(json.dumps(doc).encode(), name="digest.json")
    ingest_article(store, article)  # raises on a claim id listed twice
    kinds = {c.kind for c in store.claims_of_articles([article.id]) if c.place_name.startswith("R")}
    assert "contested" in kinds

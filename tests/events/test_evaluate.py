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


def test_week_precision_date_matches_any_day_of_its_window() -> None:
    from datetime import date

    from dashboard.events.evaluate import date_matches

    mid_october = date(2017, 10, 11)  # what "mi-octobre" parses to
    assert date_matches(mid_october, "week", date(2017, 10, 14))
    assert not date_matches(mid_october, "week", date(2017, 10, 25))
    assert not date_matches(mid_october, "day", date(2017, 10, 14))


def test_gold_offsets_survive_a_reader_that_splits_bullet_lines() -> None:
    from builders import article

    from dashboard.events.evaluate import raw_offsets

    raw = "Who holds what:\n* Rawa: the army.\n* Hajin: the SDF."
    doc = article(raw.replace("\n", "\n\n"), "en")
    offsets = raw_offsets(doc, raw)
    assert offsets is not None
    pos = raw.find("Hajin")
    assert doc.text[offsets[pos] : offsets[pos + 4] + 1] == "Hajin"


def test_extra_corpus_is_scored_apart_from_the_demo_corpus() -> None:
    from dashboard.events.evaluate import EXTRA_DIR

    for split in ("dev", "test"):
        report = evaluate_events(split, corpus=EXTRA_DIR)
        assert report["events"]["tp"] > 0 and report["claims"]["tp"] > 0


def test_a_gold_claim_annotated_twice_is_one_claim() -> None:
    from datetime import date

    from dashboard.events.evaluate import _match_claims

    gold = [
        {"place": "Rawa", "side": "iraqi_forces", "kind": "full", "from": "2017-11-17"},
        {"place": "Rawa", "side": "iraqi_forces", "kind": "full", "from": "2017-11-17"},
        {"place": "Anah", "side": "iraqi_forces", "kind": "full", "from": "2017-09-21"},
    ]
    found = _claim("gn:1", "Rawa", "point", "iraqi_forces", date(2017, 11, 17))
    matched, missed, extra = _match_claims(gold, [found])
    assert len(matched) == 1 and extra == []
    assert [g["place"] for g in missed] == ["Anah"]


def test_a_gold_border_post_takes_the_country_of_its_gazetteer_feature() -> None:
    from dashboard.events.evaluate import _geoparsed

    # the coarse country polygons put the Kessab crossing, on the line, in Turkey
    country, admin1 = _geoparsed(35.943, 35.972, "crossing", "Kessab border crossing", "Kessab")
    assert country == "SY" and admin1
    assert _geoparsed(33.3, 44.4, "city", "Nowhere-on-the-map", "Nowhere-on-the-map") == (
        "IQ",
        None,
    )


def test_a_claim_on_the_gold_place_under_another_name_matches_by_id() -> None:
    from datetime import date

    from dashboard.events.evaluate import _match_claims

    gold = [{"place": "Raqqa Governorate", "side": "isis", "kind": "full", "from": "2014-08-24"}]
    found = _claim("gn:172957", "Ar Raqqah", "governorate", "isis", date(2014, 8, 24))
    matched, missed, extra = _match_claims(gold, [found], {"Raqqa Governorate": {"gn:172957"}})
    assert len(matched) == 1 and missed == [] and extra == []
    # another province is not credited
    _, missed, extra = _match_claims(gold, [found], {"Raqqa Governorate": {"gn:163806"}})
    assert len(missed) == 1 and extra == [found]


def _claim(place_id: str, name: str, precision: str, side: str, day):
    """A found claim for the matching tests; only its place, side, kind and day matter."""
    from dashboard.events.model import Claim

    return Claim(
        id="c1",
        place_id=place_id,
        place_name=name,
        lat=0.0,
        lon=0.0,
        precision=precision,
        side=side,
        valid_from=day,
    )

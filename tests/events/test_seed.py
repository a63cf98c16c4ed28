"""The first real article (AFP, 3 November 2017): dates, sides and control claims end to end.

Place mentions are built by hand (``seed_places``) so the test isolates event extraction.
"""

from __future__ import annotations

from datetime import date

import pytest
from seed_places import seed_places

from dashboard.articles import read_articles
from dashboard.events.extract import Extraction, extract

PUBLISHED = date(2017, 11, 3)


@pytest.fixture(scope="module")
def seed(request: pytest.FixtureRequest) -> Extraction:
    path = request.config.rootpath.parent / "shared" / "seeds" / "000_44c6d5d4010a164b.txt"
    if not path.is_file():
        pytest.skip(f"seed article not found at {path}: cannot run the seed scenario")
    article = read_articles(path, published=PUBLISHED)[0]
    return extract(article, seed_places(article))


def _claim(result: Extraction, place: str, side: str):
    return next((c for c in result.claims if c.place_name == place and c.side == side), None)


def test_caption_events_are_dated_2_november_with_low_confidence(seed: Extraction) -> None:
    caption = [e for e in seed.events if e.sentence.startswith("Le 2 novembre")]
    assert caption and {e.date for e in caption} == {date(2017, 11, 2)}
    assert max(e.confidence for e in caption) < 0.5


def test_lead_capture_is_dated_friday_3_november(seed: Extraction) -> None:
    lead = next(e for e in seed.events if e.type == "capture" and e.date_text)
    assert (lead.date, lead.date_precision) == (date(2017, 11, 3), "day")
    assert {"iraqi_forces", "isis"} <= {a.side for a in lead.actors}


def test_no_event_is_dated_outside_the_campaign_week(seed: Extraction) -> None:
    assert all(date(2017, 10, 23) <= e.date <= PUBLISHED for e in seed.events)


def test_husaybah_crossing_goes_to_iraqi_forces_on_3_november(seed: Extraction) -> None:
    claim = _claim(seed, "Husaybah border crossing", "iraqi_forces")
    assert claim is not None and (claim.valid_from, claim.kind) == (PUBLISHED, "full")


def test_al_qaim_is_entered_by_iraqi_forces_on_3_november(seed: Extraction) -> None:
    # The article says the forces "entered" al-Qaïm and launched the assault on its centre:
    # contested ground, not yet a capture.
    claim = _claim(seed, "Al-Qaim", "iraqi_forces")
    assert claim is not None and claim.valid_from == PUBLISHED
    assert claim.kind in ("contested", "full")
    assert (claim.lat, claim.lon) == (34.37, 41.09)


def test_albu_kamal_is_held_by_isis_as_of_the_article(seed: Extraction) -> None:
    claim = _claim(seed, "Abu Kamal", "isis")
    assert claim is not None and (claim.valid_from, claim.kind) == (PUBLISHED, "full")
    assert claim.place_id == "gn:174448"


def test_deir_ezzor_city_goes_to_the_syrian_government(seed: Extraction) -> None:
    claim = _claim(seed, "Deir ez-Zor", "syrian_government")
    assert claim is not None and (claim.valid_from, claim.kind) == (PUBLISHED, "full")
    assert claim.place_id == "gn:170794"


def test_isis_holds_more_than_a_third_of_deir_ezzor_governorate(seed: Extraction) -> None:
    claim = _claim(seed, "Deir ez-Zor Governorate", "isis")
    assert claim is not None and claim.kind == "partial" and claim.fraction == 0.35
    assert claim.precision == "governorate"


def test_no_claim_for_the_coalition_or_for_a_destination(seed: Extraction) -> None:
    assert all(c.side != "us_coalition" for c in seed.claims)
    assert _claim(seed, "Abu Kamal", "iraqi_forces") is None

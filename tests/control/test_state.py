"""The place-state rules, one behaviour per test."""

from __future__ import annotations

import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.control.state import (
    StateRules,
    histories,
    place_history,
    place_state_on,
    usable_claims,
)
from tests.control.conftest import claim

RULES = StateRules(contest_window_days=3, half_life_days=60, confidence_floor=0.2)
D = date(2017, 11, 3)


def state_of(claims, day, rules=RULES):
    return place_state_on("qaim", usable_claims(claims, rules), day, rules)


def test_latest_full_claim_names_the_holder():
    claims = [claim("qaim", "isis", D - timedelta(days=10)), claim("qaim", "iraqi_forces", D)]
    state = state_of(claims, D)
    assert (state.state, state.side, state.reason) == ("held", "iraqi_forces", "latest_claim")


def test_agreeing_claims_raise_confidence():
    one = state_of([claim("qaim", "isis", D)], D)
    two = state_of([claim("qaim", "isis", D), claim("qaim", "isis", D, article="a2")], D)
    assert two.confidence > one.confidence
    assert two.reason == "confirmed"


def test_conflicting_sides_within_the_window_make_it_contested():
    claims = [claim("qaim", "isis", D - timedelta(days=2)), claim("qaim", "iraqi_forces", D)]
    state = state_of(claims, D)
    assert state.state == "contested"
    assert state.sides == ("iraqi_forces", "isis")
    assert state.reason == "conflicting_reports"


def test_a_capture_ends_the_state_it_reports_changing_without_a_conflict():
    held = claim("qaim", "isis", D - timedelta(days=2))
    retaken = claim("qaim", "iraqi_forces", D)
    retaken.extra["frame"] = "take"
    state = state_of([held, retaken], D)
    assert (state.state, state.side) == ("held", "iraqi_forces")
    # a report of the loser after the capture still conflicts with it
    later = claim("qaim", "isis", D + timedelta(days=1), article="a3")
    assert state_of([held, retaken, later], D + timedelta(days=1)).state == "contested"


def test_a_guessed_winner_of_a_loss_by_a_side_that_did_not_hold_the_place_is_ignored():
    sdf = claim("qaim", "sdf", D - timedelta(days=40))
    guess = claim("qaim", "syrian_government", D, article="a2")
    guess.extra.update({"frame": "lose", "gainer_inferred": True, "loser": "isis"})
    assert state_of([sdf, guess], D).side == "sdf"
    # the same guess after the loser's own hold moves the place
    held = claim("qaim", "isis", D - timedelta(days=40))
    assert state_of([held, guess], D).side == "syrian_government"


def test_conflict_outside_the_window_is_a_change_of_hands():
    claims = [claim("qaim", "isis", D - timedelta(days=4)), claim("qaim", "iraqi_forces", D)]
    assert state_of(claims, D).side == "iraqi_forces"


def test_fighting_inside_lasts_until_a_later_full_claim():
    claims = [
        claim("qaim", "isis", D - timedelta(days=20)),
        claim("qaim", "iraqi_forces", D - timedelta(days=5), kind="contested"),
        claim("qaim", "iraqi_forces", D),
    ]
    assert state_of(claims, D - timedelta(days=1)).reason == "fighting_inside"
    assert state_of(claims, D).state == "held"


def test_an_unconfirmed_claim_decays_to_unknown():
    claims = [claim("qaim", "isis", D)]
    assert state_of(claims, D + timedelta(days=50)).state == "held"
    old = state_of(claims, D + timedelta(days=200))
    assert (old.state, old.reason) == ("unknown", "decayed")


def test_history_records_the_decay_day_as_a_change_point():
    history = place_history("qaim", [claim("qaim", "isis", D)], RULES)
    assert [s.state for s in history.states] == ["held", "unknown"]
    fade = history.starts[1]
    assert state_of([claim("qaim", "isis", D)], fade).state == "unknown"
    assert state_of([claim("qaim", "isis", D)], fade - timedelta(days=1)).state == "held"


def test_rejected_claims_decide_nothing():
    rejected = claim("qaim", "isis", D)
    rejected = type(rejected)(**{**rejected.__dict__, "status": "rejected"})
    assert state_of([rejected], D).state == "unknown"


sides = st.sampled_from(["isis", "iraqi_forces", "sdf"])
kinds = st.sampled_from(["full", "full", "contested", "partial"])
claim_lists = st.lists(
    st.tuples(st.integers(0, 40), sides, kinds, st.sampled_from(["a", "b"])),
    min_size=1,
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(claim_lists, st.randoms(use_true_random=False))
def test_histories_do_not_depend_on_claim_insertion_order(spec, rnd: random.Random):
    claims = [
        claim(place, side, D + timedelta(days=offset), kind=kind)
        for offset, side, kind, place in spec
    ]
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    assert histories(claims, RULES) == histories(shuffled, RULES)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 400),
            sides,
            kinds,
            st.sampled_from([0.3, 0.5, 0.9]),
            st.sampled_from(["a", "b", "c"]),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_history_agrees_with_deciding_each_day_from_scratch(spec):
    claims = [
        claim("qaim", side, D + timedelta(days=offset), kind=kind, confidence=conf, article=art)
        for offset, side, kind, conf, art in spec
    ]
    history = place_history("qaim", claims, RULES)
    ordered = usable_claims(claims, RULES)
    for offset in range(0, 700, 3):
        day = D + timedelta(days=offset)
        assert history.on(day).key == place_state_on("qaim", ordered, day, RULES).key, day

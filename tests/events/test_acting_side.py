"""The side an event's marker is coloured by is the side that acts in its sentence."""

from __future__ import annotations

from datetime import date

from dashboard.events.model import ActorMention, Event


def _event(*actors: ActorMention) -> Event:
    return Event(
        id="e",
        type="armed_clash",
        date=date(2017, 11, 3),
        date_precision="day",
        places=(),
        actors=actors,
    )


def _actor(side: str, role: str) -> ActorMention:
    return ActorMention(0, 1, side, side, side, role)


def test_the_one_acting_side_colours_the_event_even_when_it_sorts_last():
    event = _event(_actor("isis", "agent"), _actor("coalition", "patient"))
    assert event.acting_side == "isis"
    assert event.sides_acting_first == ["isis", "coalition"]


def test_two_acting_sides_or_none_fall_back_to_the_first_by_name():
    both = _event(_actor("sdf", "agent"), _actor("isis", "agent"))
    assert both.acting_side == "isis"
    nobody = _event(_actor("syrian_government", "mentioned"), _actor("isis", "patient"))
    assert nobody.acting_side == "isis"
    assert nobody.sides_acting_first == ["isis", "syrian_government"]


def test_an_event_without_sides_is_unknown_and_lists_none():
    event = _event()
    assert event.acting_side == "unknown"
    assert event.sides_acting_first == []

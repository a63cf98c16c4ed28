"""The actor lexicon: aliases in both languages map to the side ACLED/UCDP coders would use."""

from __future__ import annotations

import pytest

from dashboard.events.actors import find_actor_hits, resolve_anaphora


def _sides(text: str) -> list[tuple[str, str | None]]:
    return [(h.text, h.side) for h in resolve_anaphora(find_actor_hits(text))]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Daech", "isis"),
        ("l'État islamique", "isis"),
        ("ISIL", "isis"),
        ("l'EIIL", "isis"),
        ("l'État islamique en Irak et au Levant", "isis"),
        ("les djihadistes", "isis"),
        ("les forces irakiennes", "iraqi_forces"),
        ("the Counter-Terrorism Service", "iraqi_forces"),
        ("le Hachd al-Chaabi", "iraqi_forces"),
        ("the Popular Mobilisation Forces", "iraqi_forces"),
        ("the Joint Operations Command", "iraqi_forces"),
        ("les Forces démocratiques syriennes", "sdf"),
        ("the YPG", "sdf"),
        ("le régime de Damas", "syrian_government"),
        ("Hezbollah", "syrian_government"),
        ("the Tiger Forces", "syrian_government"),
        ("la coalition internationale", "us_coalition"),
        ("Kurdish peshmerga", "peshmerga"),
        ("l'Armée syrienne libre", "syrian_opposition"),
        ("Syrian rebel fighters", "syrian_opposition"),
        ("US troops", "us_coalition"),
        ("les soldats américains", "us_coalition"),
        ("Syrian opposition fighters", "syrian_opposition"),
        ("Syrian Kurdish fighters", "kurdish"),
        ("les combattants kurdes syriens", "kurdish"),
        ("Iraqi Kurdish forces", "kurdish"),
    ],
)
def test_alias_maps_to_its_side(text: str, side: str) -> None:
    assert side in {s for _, s in _sides(text)}


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Kataib Hezbollah fighters", "iraqi_forces"),
        ("les miliciens d'Assaïb Ahl al-Haq", "iraqi_forces"),
        ("the Badr Organisation", "iraqi_forces"),
        ("la brigade Tempête du Nord", "syrian_opposition"),
        ("the Hamza Division", "syrian_opposition"),
        ("Liwa al-Tawhid", "syrian_opposition"),
        ("Jaych al-Islam", "syrian_opposition"),
        ("the Republican Guard", "syrian_government"),
        ("NDF militiamen", "syrian_government"),
        ("les Forces de défense nationale", "syrian_government"),
        ("Jund al-Aqsa", "syrian_opposition"),
    ],
)
def test_named_factions_are_of_their_side(text: str, side: str) -> None:
    """A faction's own name is the longest hit: Kataib Hezbollah is Iraqi, not Lebanese."""
    assert {s for _, s in _sides(text)} == {side}


def test_syrian_democratic_forces_are_not_the_syrian_government() -> None:
    assert _sides("the Syrian Democratic Forces") == [("Syrian Democratic Forces", "sdf")]


def test_the_group_is_isis_only_after_the_article_names_isis() -> None:
    assert _sides("The group attacked.") == []
    assert ("the group", "isis") in _sides("Islamic State lost ground. Then the group fled.")


def test_monitor_is_a_source_without_side() -> None:
    hits = find_actor_hits("selon l'Observatoire syrien des droits de l'homme")
    assert [(h.kind, h.side) for h in hits] == [("source", None)]


def test_generic_army_waits_for_context() -> None:
    hits = find_actor_hits("The army advanced.")
    assert [(h.kind, h.side) for h in hits] == [("generic", None)]


def test_the_longest_alias_wins_across_entries() -> None:
    assert _sides("la coalition internationale a frappé") == [
        ("coalition internationale", "us_coalition")
    ]


def test_first_letters_are_a_safe_gate_for_each_entry() -> None:
    from dashboard.events.actors import first_letters

    assert first_letters(r"(?:l'|the\s+)?(?:armée|army)") == frozenset("lta")
    assert first_letters(r"Islamic\s+State|Daech") == frozenset("id")
    assert first_letters(r"[A-Z]+") is None


@pytest.mark.parametrize(
    ("text", "alias"),
    [
        ("Islamic State lost ground. The jihadist group fled.", "The jihadist group"),
        ("L'EI a perdu du terrain. Les extrémistes ont fui.", "Les extrémistes"),
        ("Daech a perdu du terrain. Le groupe djihadiste a fui.", "Le groupe djihadiste"),
    ],
)
def test_more_names_for_the_group_once_it_is_named(text: str, alias: str) -> None:
    assert (alias, "isis") in _sides(text)


@pytest.mark.parametrize(
    "text",
    [
        "U.S.-backed Syrian fighters took the stadium.",
        "US-backed forces entered the city.",
        "Les combattants soutenus par Washington ont pris le stade.",
    ],
)
def test_the_fighters_washington_backs_in_syria_are_the_sdf(text: str) -> None:
    hits = find_actor_hits(text)
    assert hits and hits[0].side == "sdf"


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("une coalition de factions rebelles appuyée par l'artillerie turque", "syrian_opposition"),
        ("the coalition of Syrian rebel fighters", "syrian_opposition"),
        ("rebel brigades that had captured it", "syrian_opposition"),
    ],
)
def test_a_coalition_of_groups_is_theirs_not_the_us_led_one(text: str, side: str) -> None:
    assert {s for _, s in _sides(text)} == {side}

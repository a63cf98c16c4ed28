"""Module-level names are bound once: a second assignment silently replaces the first for
every use above it (a rule's pattern overwritten by another's of the same name). Growing a
set from itself (``NAMES = NAMES | more``) is an extension, not a replacement."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCES = sorted((Path(__file__).resolve().parents[1] / "dashboard").rglob("*.py"))


def replaced_names(source: str) -> list[str]:
    """Module-level names bound again by a value that does not build on their old one."""
    bound: set[str] = set()
    aliases: dict[str, str] = {}  # ``HAND = NAMES``: HAND keeps the old value of NAMES
    replaced: list[str] = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        read = {n.id for n in ast.walk(value) if isinstance(n, ast.Name)}
        for target in targets:
            if not isinstance(target, ast.Name):
                continue
            name = target.id
            builds_on = {name, *(a for a, original in aliases.items() if original == name)}
            if name in bound and name != "__all__" and not read & builds_on:
                replaced.append(name)
            bound.add(name)
            if isinstance(value, ast.Name):
                aliases[name] = value.id
    return replaced


def test_sources_are_found() -> None:
    assert len(SOURCES) > 20


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(p.parents[2])))
def test_module_level_names_are_not_replaced(path: Path) -> None:
    replaced = replaced_names(path.read_text(encoding="utf-8"))
    assert not replaced, f"{path.name} binds {replaced} again, replacing the first value"


def test_a_replacement_is_caught_and_an_extension_is_not() -> None:
    assert replaced_names("_A = 1\n_B = 2\n_A = 3\n") == ["_A"]
    assert replaced_names("S = {1}\nS = S | {2}\nH = S\nS = H | {3}\n") == []

"""Quick tests for hand-written patterns tried at many offsets of a text.

A pattern tried at every word start, or searched through a whole article, spends most of its
time failing: an alternation of many aliases tries each of them. The first few atoms of all
its branches, merged into a tree of alternatives, make a test that every match passes and most
offsets fail after a character or two (:func:`prefix_gate`); the pattern itself is then tried
only where the test passes (:func:`finditer_gated`). The reader follows the plain syntax these
patterns use and gives up (no test) on anything else, so a test never loses a match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def _structure(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """Each character of a pattern outside escapes and classes, with the group depth before
    it (counted from ``start``)."""
    depth, i, in_class = 0, start, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            yield i, ch, depth
            depth += (ch == "(") - (ch == ")")
        i += 1


def closing(pattern: str, open_at: int) -> int:
    """Offset of the parenthesis closing the group opened at ``open_at``."""
    return next(
        (i for i, ch, depth in _structure(pattern, open_at) if ch == ")" and depth == 1),
        len(pattern),
    )


def top_branches(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern."""
    cuts = [i for i, ch, depth in _structure(pattern) if ch == "|" and depth == 0]
    return [pattern[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(pattern)], strict=True)]


# A prefix keeps at most this many atoms, and a group is spelled out into its alternatives
# only while a branch has fewer than this many prefixes: enough to tell "the group" from
# "the town", small enough to compile at import. Past the first atom, a longer atom (a long
# group or test) ends the prefix: costly to compile, little to gain.
_PREFIX_ATOMS = 8
_PREFIX_BRANCHES = 64
_PREFIX_ATOM_CHARS = 40
# Atoms that read no character ("(?<!deux\s)", "\b") do not count towards that length.
_ZERO_WIDTH = re.compile(r"\(\?<?[=!]|\\[bBAZ]")
# Backreferences: a group copied apart could be renumbered
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")
_GROUP_NAME = re.compile(r"\(\?P<\w+>")
# A class of a few plain characters and ranges ("[12]", "[1-9]"), spelled out at the root
_PLAIN_CLASS = re.compile(r"\[((?:[^\\\[\]^-](?:-[^\\\[\]^-])?)+)\]\Z")


def _quantifier(pattern: str, at: int) -> int:
    """Offset just past the quantifier (``?``, ``*``, ``+``, ``{m,n}``, lazy or not) at ``at``."""
    if pattern[at : at + 1] in ("?", "*", "+"):
        at += 1
    elif pattern[at : at + 1] == "{" and "}" in pattern[at:]:
        at = pattern.index("}", at) + 1
    else:
        return at
    return at + 1 if pattern[at : at + 1] == "?" else at


def _atom_end(pattern: str, i: int) -> int | None:
    """Offset past the atom starting at ``i`` (quantifier excluded); None for atoms a prefix
    must not copy (backreferences, named or atomic groups)."""
    ch = pattern[i]
    if ch == "\\":
        escaped = pattern[i + 1 : i + 2]
        if escaped.isdigit() or escaped in ("g", "k"):
            return None
        return i + 2
    if ch == "[":
        j = i + 1
        j += pattern[j : j + 1] == "^"
        j += pattern[j : j + 1] == "]"  # a "]" first in a class is a literal
        while pattern[j] != "]":
            j += 2 if pattern[j] == "\\" else 1
        return j + 1
    if ch == "(":
        if pattern.startswith("(?", i) and not pattern.startswith(
            ("(?:", "(?=", "(?!", "(?<=", "(?<!", "(?-i:", "(?i:"), i
        ):
            return None
        return closing(pattern, i) + 1
    return i + 1


def _class_chars(atom: str) -> list[str] | None:
    """The characters of a plain class ("[12]" -> 1, 2), or None."""
    plain = _PLAIN_CLASS.match(atom)
    if plain is None:
        return None
    body, chars = plain.group(1), []
    for i, ch in enumerate(body):
        if ch == "-":
            continue
        if body[i + 1 : i + 2] == "-":
            chars += [chr(c) for c in range(ord(ch), ord(body[i + 2]) + 1)]
        elif body[i - 1 : i] != "-" or i == 0:
            chars.append(ch)
    return chars if len(chars) <= 16 else None


def _branch_prefixes(branch: str, lower: bool) -> list[tuple[str, ...]]:
    """The first atoms of ``branch`` as token sequences (regular-expression source), with the
    non-capturing groups met on the way spelled out into their alternatives; every match of
    the branch starts with a match of one of them. At the root, optional characters and plain
    classes are spelled out too, so that the tree forks on plain characters there."""
    done: list[tuple[str, ...]] = []
    # (atoms so far, rest of the branch still to read)
    todo: list[tuple[tuple[str, ...], str]] = [((), branch)]
    while todo:
        atoms, rest = todo.pop()
        if not rest or sum(not _ZERO_WIDTH.match(atom) for atom in atoms) >= _PREFIX_ATOMS:
            done.append(atoms)
            continue
        end = _atom_end(rest, 0)
        after = end if end is None else _quantifier(rest, end)
        if end is None or (after > end and rest.startswith("+", after)):
            done.append(atoms)  # an atom copied wrong could lose a hit: stop before it
            continue
        atom, quantifier = rest[:end], rest[end:after]
        if (
            atom.startswith("(?:")
            and quantifier in ("", "?")
            and (not atoms or len(done) + len(todo) < _PREFIX_BRANCHES)
        ):
            for alternative in top_branches(atom[3:-1]):
                todo.append((atoms, alternative + rest[after:]))
            if quantifier == "?":
                todo.append((atoms, rest[after:]))
            continue
        if not atoms and _ZERO_WIDTH.match(atom):
            # a test before the first character is left out: the tree then forks on
            # characters from its root, and leaving a test out only lets more words through
            todo.append((atoms, rest[after:]))
            continue
        if not atoms and quantifier in ("", "?") and _class_chars(atom) is not None:
            todo += [(atoms, re.escape(ch) + rest[after:]) for ch in _class_chars(atom) or ()]
            if quantifier == "?":
                todo.append((atoms, rest[after:]))
            continue
        if not atoms and quantifier == "?" and end <= 2:
            todo += [(atoms, atom + rest[after:]), (atoms, rest[after:])]  # "0?[1-9]"
            continue
        if atoms and len(atom) > _PREFIX_ATOM_CHARS:
            done.append(atoms)
            continue
        if lower and len(atom) == 1 and atom.isalpha() and len(atom.lower()) == 1:
            atom = atom.lower()  # matched ignoring case: "The" and "the" share a branch
        todo.append(((*atoms, atom + quantifier), rest[after:]))
    return done


def _without_layout(pattern: str) -> str:
    """A VERBOSE pattern with its layout whitespace taken out (it holds no comments)."""
    layout = set()
    for i, ch, _ in _structure(pattern):
        if ch == "#":
            raise ValueError("comments in a VERBOSE pattern are not read")
        if ch.isspace():
            layout.add(i)
    return "".join(ch for i, ch in enumerate(pattern) if i not in layout)


def prefix_gate(
    patterns: Iterable[tuple[str, bool]], flags: int = re.IGNORECASE
) -> re.Pattern[str] | None:
    """A quick necessary test for ``(pattern, case_sensitive)`` pairs compiled with ``flags``
    (IGNORECASE and VERBOSE are read; with IGNORECASE, a case-sensitive pattern keeps its
    case): a match of any of them at an offset starts with a match of this test there. It is
    the patterns' first atoms merged into a tree of alternatives, so an offset none fits fails
    after a character or two instead of after every alternative. None when some pattern may
    start with anything."""
    ignore_case = bool(flags & re.IGNORECASE)
    tree: dict[str, dict] = {}
    for pattern, case_sensitive in patterns:
        if _BACKREFERENCE.search(pattern):
            return None
        if flags & re.VERBOSE:
            pattern = _without_layout(pattern)
        pattern = _GROUP_NAME.sub("(?:", pattern)  # a name does not change what matches
        wrap = ignore_case and case_sensitive
        for branch in top_branches(pattern):
            for atoms in _branch_prefixes(branch, lower=ignore_case and not case_sensitive):
                if not atoms:
                    return None
                node = tree
                for atom in atoms:
                    node = node.setdefault(f"(?-i:{atom})" if wrap else atom, {})
                node[""] = {}  # a prefix ends here: a longer one adds nothing to the test

    def spelled(node: dict[str, dict]) -> str:
        if "" in node:
            return ""
        parts = [atom + spelled(child) for atom, child in sorted(node.items())]
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return re.compile(spelled(tree), flags & ~re.VERBOSE) if tree else None


def gate_of(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The :func:`prefix_gate` of one compiled pattern."""
    return prefix_gate([(pattern.pattern, False)], pattern.flags)


def finditer_gated(
    pattern: re.Pattern[str], gate: re.Pattern[str] | None, text: str
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, the pattern tried only where ``gate`` (a
    :func:`prefix_gate` of it) matches: one scan by the gate, which skips the characters no
    branch starts with, instead of the whole pattern tried at every offset."""
    if gate is None:
        yield from pattern.finditer(text)
        return
    at = 0
    while (candidate := gate.search(text, at)) is not None:
        match = pattern.match(text, candidate.start())
        if match is None:
            at = candidate.start() + 1
        elif match.end() == match.start():
            # finditer's own rule for what follows an empty match
            yield from pattern.finditer(text, candidate.start())
            return
        else:
            yield match
            at = match.end()


def search_gated(
    pattern: re.Pattern[str],
    gate: re.Pattern[str] | None,
    text: str,
    pos: int = 0,
    endpos: int | None = None,
) -> re.Match[str] | None:
    """``pattern.search(text, pos, endpos)``, the pattern tried only where ``gate`` (a
    :func:`prefix_gate` of it) matches: the first offset where it matches is the one a search
    finds, and the gate skips the offsets none of its branches could start at."""
    if gate is None:
        return pattern.search(text, pos) if endpos is None else pattern.search(text, pos, endpos)
    end = len(text) if endpos is None else endpos
    at = pos
    while (candidate := gate.search(text, at, end)) is not None:
        match = pattern.match(text, candidate.start(), end)
        if match is not None:
            return match
        at = candidate.start() + 1
    return None

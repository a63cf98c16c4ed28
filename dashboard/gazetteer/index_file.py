"""The shipped gazetteer file: one compressed ``.npz`` of flat arrays.

Why this format (measured on the 2-core build machine, ~240 k features, ~1 M keys):

* A Python ``dict`` of a million keys costs 0.4–0.6 s just to build (and unpickling or
  unmarshalling one is no faster), which would eat the whole 1 s load budget. A *sorted list*
  of keys needs only one ``str.split`` (≈0.1 s) and answers with ``bisect`` in ≈0.4 µs.
* Everything else is numeric and lives in numpy arrays (postings in CSR layout: key ``i`` owns
  ``post_*[key_start[i]:key_start[i + 1]]``); strings that are only needed for the few
  returned candidates (names, ids, sources, matched spellings) are newline-joined UTF-8 and
  split into lists at load (≈20 ms each), which made building a candidate 3× cheaper than
  decoding slices of a blob on demand.
* ``savez_compressed`` keeps the file small; decompression is part of the measured load time.
  SQLite (``immutable=1``) loads instantly but a lookup costs several µs of statement overhead
  and cannot give a recogniser a cheap prefix scan, so it lost on lookups per second.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from dashboard.gazetteer.model import KIND_CODE

if TYPE_CHECKING:
    from dashboard.gazetteer.build import Feature

GAZETTEER_FILE = "gazetteer.npz"
FORMAT_VERSION = 3


def _lines(strings: Sequence[str]) -> np.ndarray:
    """Newline-joined UTF-8 text as bytes; one ``split`` turns it back into a list."""
    if any("\n" in s for s in strings):
        raise ValueError("a gazetteer string contains a newline")
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def text_list(array: np.ndarray) -> list[str]:
    """Inverse of the writer's newline-joined text arrays."""
    return array.tobytes().decode("utf-8").split("\n")


def write_index(
    path: Path,
    features: Sequence[Feature],
    index: dict[str, dict[int, tuple[int, int, str]]],
    max_name_tokens: int,
    spellings: dict[str, set[str]] | None = None,
) -> None:
    """Write features and the key → postings index; deterministic for equal inputs.

    ``spellings`` gives, per key, the spellings of the aliases filed under it (tab-joined),
    so a reader can tell a name written as some place writes it from a loose folding match.
    """
    countries = sorted({f.country for f in features})
    country_idx = {c: i for i, c in enumerate(countries)}
    admin1_pairs = sorted({(f.admin1_code, f.admin1) for f in features})
    admin1_idx = {p: i for i, p in enumerate(admin1_pairs)}
    keys = sorted(index)
    if any("\n" in k for k in keys):
        raise ValueError("a folded key contains a newline")
    key_start = np.zeros(len(keys) + 1, dtype=np.int32)
    post_feat: list[int] = []
    post_flags: list[int] = []
    reps: list[str] = []
    for i, key in enumerate(keys):
        postings = index[key]
        ordered = sorted(postings.items(), key=lambda kv: (kv[1][1], kv[0]))
        for fi, (flags, rank, _alias) in ordered:
            post_feat.append(fi)
            post_flags.append((flags & ~3) | rank)
        reps.append(ordered[0][1][2])
        key_start[i + 1] = len(post_feat)
    meta = {
        "format_version": FORMAT_VERSION,
        "features": len(features),
        "keys": len(keys),
        "postings": len(post_feat),
        "max_name_tokens": max_name_tokens,
        "countries": countries,
        "admin1": [list(p) for p in admin1_pairs],
    }
    arrays: dict[str, Any] = {
        "meta": np.frombuffer(json.dumps(meta, ensure_ascii=False).encode(), dtype=np.uint8),
        "keys": _lines(keys),
        "key_start": key_start,
        "post_feat": np.asarray(post_feat, dtype=np.int32),
        "post_flags": np.asarray(post_flags, dtype=np.uint8),
        "rep": _lines(reps),
        "spellings": _lines(["\t".join(sorted((spellings or {}).get(k, ()))) for k in keys]),
        "id": _lines([f.id for f in features]),
        "name": _lines([f.name for f in features]),
        "source": _lines([f.source for f in features]),
        "lat": np.asarray([f.lat for f in features], dtype=np.float64),
        "lon": np.asarray([f.lon for f in features], dtype=np.float64),
        "population": np.asarray([f.population for f in features], dtype=np.int64),
        "kind": np.asarray([KIND_CODE[f.kind] for f in features], dtype=np.uint8),
        "flags": np.asarray([f.flags for f in features], dtype=np.uint8),
        "country": np.asarray([country_idx[f.country] for f in features], dtype=np.uint16),
        "admin1": np.asarray(
            [admin1_idx[(f.admin1_code, f.admin1)] for f in features], dtype=np.int32
        ),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    # Written by hand rather than with np.savez_compressed so entry timestamps are fixed and
    # two builds of the same sources give byte-identical files.
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for name in sorted(arrays):
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with zf.open(info, "w", force_zip64=True) as fh:
                np.lib.format.write_array(fh, np.ascontiguousarray(arrays[name]))
    tmp.replace(path)


def read_index(path: Path) -> dict[str, Any]:
    """All arrays of the file plus the decoded ``meta`` mapping."""
    with np.load(path, allow_pickle=False) as npz:
        data = {name: npz[name] for name in npz.files}
    data["meta"] = json.loads(data["meta"].tobytes().decode("utf-8"))
    if data["meta"].get("format_version") != FORMAT_VERSION:
        raise ValueError(
            f"{path}: unsupported gazetteer format {data['meta'].get('format_version')}"
        )
    return data

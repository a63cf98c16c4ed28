"""Signed-distance-field glyph ranges for MapLibre labels, generated from a TrueType font.

MapLibre (and so Plotly's ``scattermap`` text and our basemap labels) draws text only from
pre-rendered SDF glyphs fetched as ``{fontstack}/{start}-{end}.pbf``. The public glyph servers
are out of reach offline, so the build renders them here with the same parameters as Mapbox's
fontnik (24 px em, 3 px buffer, 8 px radius, cutoff 0.25) and the same protobuf layout, which
MapLibre's ``parseGlyphPbf`` reads. Only fontTools (build time) and numpy are needed.

The fontstack names are Plotly's: ``scattermap`` silently replaces any other font family by
"Open Sans Regular", so the stacks must be named exactly so to be used at all.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

EM_PX = 24
BUFFER_PX = 3
RADIUS_PX = 8
CUTOFF = 0.25
CURVE_STEPS = 8

# Latin, Latin-1, Latin Extended-A/B, spacing modifiers (ʿ ʾ), combining marks (z̧), Latin
# Extended Additional (ḩ ṣ ṭ of romanised Arabic) and general punctuation (‘ ’ – …). Arabic
# is left out on purpose: without MapLibre's RTL plugin (Plotly does not load it) Arabic would
# be drawn unshaped and left to right, which is unreadable.
DEFAULT_RANGES: tuple[int, ...] = (0, 256, 512, 768, 7680, 8192)

DEBIAN_OPEN_SANS = Path("/usr/share/fonts/truetype/open-sans")
DEFAULT_FONTS: dict[str, str] = {
    "Open Sans Regular": "OpenSans-Regular.ttf",
    "Open Sans Bold": "OpenSans-Bold.ttf",
    "Open Sans Italic": "OpenSans-Italic.ttf",
}
FONT_LICENCE = "Open Sans (Debian fonts-open-sans 1.11): Apache-2.0"

# Open Sans 1.11 lacks letters that romanised Arabic and Persian need (ḥ ṣ ṭ ḍ ẓ ḩ ṯ, and z̧ z̄
# written with combining marks). They are composed here from the base letter and the mark: the
# font's own combining mark when it has one, else a spacing look-alike placed above or below.
MARK_STAND_INS: dict[int, tuple[int, str]] = {
    0x304: (0x2C9, "above"),  # macron
    0x306: (0x2D8, "above"),  # breve
    0x307: (0x2D9, "above"),  # dot above
    0x308: (0xA8, "above"),  # diaeresis
    0x30A: (0x2DA, "above"),  # ring above
    0x30C: (0x2C7, "above"),  # caron
    0x323: (0x2D9, "below"),  # dot below
    0x324: (0xA8, "below"),  # diaeresis below
    0x327: (0xB8, "below"),  # cedilla
    0x32E: (0x2D8, "below"),  # breve below
    0x331: (0x2C9, "below"),  # macron below
}
# Modifier letters for ʿayn and hamza, drawn with the quotation marks they resemble.
LOOKALIKES: dict[int, int] = {0x2BB: 0x2018, 0x2BE: 0x2019, 0x2BF: 0x2018}
MARK_GAP_EM = 0.064
# Where a zero-width combining mark is centred, relative to the pen after the base letter,
# when the font has no mark to copy it from: about half a lowercase letter back.
COMBINING_CENTRE_EM = -0.3


@dataclass(frozen=True)
class Glyph:
    """One rendered glyph with fontnik's metrics (pixels at a 24 px em)."""

    codepoint: int
    bitmap: bytes
    width: int
    height: int
    left: int
    top: int
    advance: int


def build_default_glyphs(
    assets_out: Path, font_dir: Path = DEBIAN_OPEN_SANS
) -> list[dict[str, Any]]:
    """Render the shipped fontstacks into ``assets_out/glyphs`` when the font is installed.

    Without the font (``apt-get install fonts-open-sans``) the committed glyphs are kept and
    recorded as they are, so a checkout without the package can still rebuild the layers.
    """
    out = assets_out / "glyphs"
    fonts = {stack: font_dir / file for stack, file in DEFAULT_FONTS.items()}
    if all(path.is_file() for path in fonts.values()):
        for stack, path in fonts.items():
            target = out / stack
            if target.is_dir():
                shutil.rmtree(target)
            write_fontstack(path, stack, target, DEFAULT_RANGES)
    else:
        missing = ", ".join(str(p) for p in fonts.values() if not p.is_file())
        print(f"glyphs: font not installed ({missing}); keeping existing {out}")
    entries = []
    for path in sorted(out.rglob("*.pbf")) if out.is_dir() else []:
        data = path.read_bytes()
        entries.append(
            {
                "root": "assets",
                "path": path.relative_to(assets_out).as_posix(),
                "bytes": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                "sources": [f"{DEBIAN_OPEN_SANS}/{DEFAULT_FONTS[path.parent.name]}"],
                "licences": [FONT_LICENCE],
                "changes": "rendered as signed distance fields (fontnik parameters)",
            }
        )
    return entries


def write_fontstack(font_path: Path, stack: str, out: Path, ranges: tuple[int, ...]) -> list[Path]:
    """Write one ``{start}-{end}.pbf`` per 256-codepoint range that the font covers."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(font_path))
    cmap = font.getBestCmap()
    glyph_set = font.getGlyphSet()
    hmtx = font["hmtx"]
    scale = EM_PX / font["head"].unitsPerEm
    ascender = int(np.ceil(font["hhea"].ascent * scale))
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for start in ranges:
        glyphs = []
        for codepoint in range(start, start + 256):
            name = cmap.get(codepoint) or cmap.get(LOOKALIKES.get(codepoint, -1))
            if name is not None:
                rings = _outline(glyph_set, name, scale)
                advance = round(hmtx[name][0] * scale)
            else:
                composed = _composed(cmap, glyph_set, hmtx, codepoint, scale)
                if composed is None:
                    continue
                rings, advance = composed
            glyphs.append(render_sdf(codepoint, rings, advance, ascender))
        if not glyphs:
            continue
        path = out / f"{start}-{start + 255}.pbf"
        path.write_bytes(encode_glyph_range(stack, start, glyphs))
        written.append(path)
    return written


def _composed(
    cmap: dict[int, str], glyph_set: Any, hmtx: Any, codepoint: int, scale: float
) -> tuple[list[np.ndarray], int] | None:
    """A glyph the font lacks, built as base letter plus mark; None when it cannot be.

    A precomposed letter (from its canonical decomposition) gets the mark centred on the
    base's ink and kept clear of it; a lone combining mark gets zero advance and sits over the
    letter before it, as the font's own combining marks do.
    """
    import unicodedata

    if codepoint in MARK_STAND_INS:
        rings = _mark(cmap, glyph_set, codepoint, scale)
        if rings is None:
            return None
        own = np.concatenate(rings)
        centre = COMBINING_CENTRE_EM * EM_PX
        return [
            r + np.array([centre - (own[:, 0].min() + own[:, 0].max()) / 2, 0.0]) for r in rings
        ], 0
    parts = unicodedata.decomposition(chr(codepoint)).split()
    if len(parts) != 2 or parts[0].startswith("<") or int(parts[0], 16) not in cmap:
        return None
    base, mark = int(parts[0], 16), int(parts[1], 16)
    base_rings = _outline(glyph_set, cmap[base], scale)
    mark_rings = _mark(cmap, glyph_set, mark, scale) if mark in MARK_STAND_INS else None
    if not base_rings or not mark_rings:
        return None
    b, m = np.concatenate(base_rings), np.concatenate(mark_rings)
    dx = (b[:, 0].min() + b[:, 0].max() - m[:, 0].min() - m[:, 0].max()) / 2
    gap = MARK_GAP_EM * EM_PX
    dy = max(0.0, b[:, 1].max() + gap - m[:, 1].min()) if m[:, 1].min() > 0 else 0.0
    shifted = [ring + np.array([dx, dy]) for ring in mark_rings]
    return base_rings + shifted, round(hmtx[cmap[base]][0] * scale)


def _mark(cmap: dict[int, str], glyph_set: Any, mark: int, scale: float) -> list[np.ndarray] | None:
    """A combining mark's outline: the font's own, else its spacing look-alike, lowered when
    it belongs below the letter but sits above the baseline."""
    if mark in cmap:
        return _outline(glyph_set, cmap[mark], scale) or None
    stand_in, place = MARK_STAND_INS[mark]
    if stand_in not in cmap:
        return None
    rings = _outline(glyph_set, cmap[stand_in], scale)
    if not rings:
        return None
    top = np.concatenate(rings)[:, 1].max()
    if place == "below" and top > 0:
        rings = [r + np.array([0.0, -MARK_GAP_EM * EM_PX - top]) for r in rings]
    return rings


def _outline(glyph_set: Any, name: str, scale: float) -> list[np.ndarray]:
    """The glyph's contours as closed polylines in pixels (curves flattened)."""
    from fontTools.pens.basePen import BasePen

    class FlatteningPen(BasePen):
        def __init__(self) -> None:
            super().__init__(glyph_set)
            self.rings: list[list[tuple[float, float]]] = []

        def _moveTo(self, pt: tuple[float, float]) -> None:
            self.rings.append([pt])

        def _lineTo(self, pt: tuple[float, float]) -> None:
            self.rings[-1].append(pt)

        def _curveToOne(self, p1, p2, p3) -> None:  # type: ignore[no-untyped-def]
            p0 = self._getCurrentPoint()
            for t in np.linspace(0, 1, CURVE_STEPS + 1)[1:]:
                u = 1 - t
                self.rings[-1].append(
                    (
                        u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                        u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
                    )
                )

        def _qCurveToOne(self, p1, p2) -> None:  # type: ignore[no-untyped-def]
            p0 = self._getCurrentPoint()
            for t in np.linspace(0, 1, CURVE_STEPS + 1)[1:]:
                u = 1 - t
                self.rings[-1].append(
                    (
                        u * u * p0[0] + 2 * u * t * p1[0] + t * t * p2[0],
                        u * u * p0[1] + 2 * u * t * p1[1] + t * t * p2[1],
                    )
                )

        def _closePath(self) -> None:
            ring = self.rings[-1]
            if ring[0] != ring[-1]:
                ring.append(ring[0])

        _endPath = _closePath

    pen = FlatteningPen()
    glyph_set[name].draw(pen)
    return [np.asarray(r, dtype=float) * scale for r in pen.rings if len(r) > 2]


def render_sdf(codepoint: int, rings: list[np.ndarray], advance: int, ascender: int) -> Glyph:
    """Rasterise a signed distance field the way fontnik's sdf-glyph-foundry does.

    Distance is measured to the outline segments, negative inside (even-odd rule), scaled so
    8 px span the byte range, shifted by the cutoff and inverted: edges sit at 192.
    """
    if not rings:
        return Glyph(codepoint, b"", 0, 0, 0, -ascender, advance)
    points = np.concatenate(rings)
    xmin, ymin = np.round(points.min(axis=0))
    xmax, ymax = np.round(points.max(axis=0))
    width, height = int(xmax - xmin), int(ymax - ymin)
    shift = np.array([-xmin + BUFFER_PX, -ymin + BUFFER_PX])
    starts = np.concatenate([r[:-1] for r in rings]) + shift
    ends = np.concatenate([r[1:] for r in rings]) + shift
    bw, bh = width + 2 * BUFFER_PX, height + 2 * BUFFER_PX
    xs, ys = np.meshgrid(np.arange(bw) + 0.5, np.arange(bh) + 0.5)
    px, py = xs.ravel()[:, None], ys.ravel()[:, None]
    ax, ay, bx, by = starts[:, 0], starts[:, 1], ends[:, 0], ends[:, 1]
    dx, dy = bx - ax, by - ay
    length2 = np.where(dx * dx + dy * dy == 0, 1.0, dx * dx + dy * dy)
    t = np.clip(((px - ax) * dx + (py - ay) * dy) / length2, 0.0, 1.0)
    dist = np.sqrt((ax + t * dx - px) ** 2 + (ay + t * dy - py) ** 2).min(axis=1)
    dist = np.minimum(dist, RADIUS_PX)
    crosses = ((ay > py) != (by > py)) & (
        px < (bx - ax) * (py - ay) / np.where(by - ay == 0, 1.0, by - ay) + ax
    )
    inside = (crosses.sum(axis=1) % 2) == 1
    d = dist * (256.0 / RADIUS_PX)
    d = np.where(inside, -d, d) + CUTOFF * 256
    n = np.clip(d, 0, 255).astype(np.int64)  # truncation, as the C++ int cast
    values = (255 - n).astype(np.uint8).reshape(bh, bw)[::-1]  # rows top to bottom
    return Glyph(
        codepoint, values.tobytes(), width, height, int(xmin), int(ymax) - ascender, advance
    )


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _key(field: int, wire: int) -> bytes:
    return _varint((field << 3) | wire)


def _bytes_field(field: int, payload: bytes) -> bytes:
    return _key(field, 2) + _varint(len(payload)) + payload


def _uint_field(field: int, value: int) -> bytes:
    return _key(field, 0) + _varint(value)


def _sint_field(field: int, value: int) -> bytes:
    return _key(field, 0) + _varint((value << 1) ^ (value >> 63))


def encode_glyph_range(stack: str, start: int, glyphs: list[Glyph]) -> bytes:
    """Serialise ``glyphs { stacks { name, range, glyphs {...} } }`` (Mapbox glyphs.proto)."""
    body = _bytes_field(1, stack.encode()) + _bytes_field(2, f"{start}-{start + 255}".encode())
    for g in glyphs:
        message = _uint_field(1, g.codepoint)
        if g.bitmap:
            message += _bytes_field(2, g.bitmap)
        message += (
            _uint_field(3, g.width)
            + _uint_field(4, g.height)
            + _sint_field(5, g.left)
            + _sint_field(6, g.top)
            + _uint_field(7, g.advance)
        )
        body += _bytes_field(3, message)
    return _bytes_field(1, body)


def decode_glyph_range(data: bytes) -> dict[str, Any]:
    """Read back a range file (for tests and inspection): stack name, range and glyph metrics."""

    def fields(buf: bytes):  # type: ignore[no-untyped-def]
        i = 0
        while i < len(buf):
            key, i = _read_varint(buf, i)
            field, wire = key >> 3, key & 7
            if wire == 0:
                value, i = _read_varint(buf, i)
                yield field, value
            elif wire == 2:
                size, i = _read_varint(buf, i)
                yield field, buf[i : i + size]
                i += size
            else:
                raise ValueError(f"unexpected wire type {wire}")

    ((_, stack_bytes),) = list(fields(data))
    result: dict[str, Any] = {"glyphs": []}
    for field, value in fields(stack_bytes):
        if field == 1:
            result["name"] = value.decode()
        elif field == 2:
            result["range"] = value.decode()
        elif field == 3:
            glyph = dict.fromkeys(("id", "width", "height", "left", "top", "advance"), 0)
            glyph["bitmap"] = b""
            names = {
                1: "id",
                2: "bitmap",
                3: "width",
                4: "height",
                5: "left",
                6: "top",
                7: "advance",
            }
            for f, v in fields(value):
                glyph[names[f]] = v
            for signed in ("left", "top"):
                glyph[signed] = (glyph[signed] >> 1) ^ -(glyph[signed] & 1)
            result["glyphs"].append(glyph)
    return result


def _read_varint(buf: bytes, i: int) -> tuple[int, int]:
    shift = value = 0
    while True:
        byte = buf[i]
        i += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, i
        shift += 7

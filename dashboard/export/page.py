"""The printed page around the map: header, legend, footer, scale bar and north arrow.

Everything here is Plotly layout shapes and annotations in paper coordinates, computed from
the page size in pixels, so both render paths (``geo`` vectors and the MapLibre raster) get the
identical frame, and SVG/PDF output keeps every word as real text. Sizes scale with the page
(``unit`` is 1 at 1600x900) so a 3200x1800 export is the same slide, sharper.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from datetime import date
from typing import Any

from dashboard.export.frame import MapFrame, scale_bar_km
from dashboard.export.scene import Scene, SourceRef
from dashboard.web import symbology as sym
from dashboard.web.basemap import COLOURS
from dashboard.web.figures.map_figure import AREA_OPACITY, disc_colour

FONT = "Open Sans, DejaVu Sans, Arial, sans-serif"
INK = "#1f1f1f"
MUTED = "#5f5f5f"
PANEL = "#f6f6f4"
RULE = "#cfcac2"
CHAR_EM = 0.56  # Open Sans' mean advance per character, in ems, for wrapping and collisions


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Estimated width in px of ``text`` set in Open Sans (no browser to measure with)."""
    return len(text) * size * (CHAR_EM + (0.04 if bold else 0.0))


def blend(colour: str, under: str, alpha: float) -> str:
    """``colour`` at ``alpha`` over ``under``: the swatch colour a translucent fill shows."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(under[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(
        f"{round(x * alpha + y * (1 - alpha)):02x}" for x, y in zip(a, b, strict=True)
    )


def ink_on(colour: str) -> str:
    """Black or white, whichever reads better on ``colour`` (WCAG relative luminance)."""
    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    lum = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "#111111" if lum > 0.22 else "#ffffff"


def day_words(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def short_day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def date_stamp(day: date, start: date | None) -> str:
    """ "3 November 2017", or a range written once: "27 October – 3 November 2017"."""
    if start is None or start == day:
        return day_words(day)
    if start.year == day.year:
        if start.month == day.month:
            return f"{start.day}–{day.day} {day:%B %Y}"
        return f"{start.day} {start:%B} – {day_words(day)}"
    return f"{day_words(start)} – {day_words(day)}"


@dataclass(frozen=True)
class Page:
    """Pixel boxes of the page's parts; ``map_box`` is (left, top, right, bottom)."""

    width: float
    height: float
    unit: float
    header: float
    footer: float
    legend_width: float
    caption: float
    pad: float

    @property
    def map_box(self) -> tuple[float, float, float, float]:
        top = self.header + self.caption
        return (self.pad, top, self.width - self.legend_width, self.height - self.footer)

    @property
    def map_size(self) -> tuple[float, float]:
        left, top, right, bottom = self.map_box
        return right - left, bottom - top

    def x(self, px: float) -> float:
        return px / self.width

    def y(self, py: float) -> float:
        return 1 - py / self.height

    def domain(self) -> dict[str, list[float]]:
        left, top, right, bottom = self.map_box
        return {"x": [self.x(left), self.x(right)], "y": [self.y(bottom), self.y(top)]}


def page_for(width: float, height: float, *, caption_lines: int = 0) -> Page:
    """Header, footer and legend sized for a slide; a caption band when a story step has one."""
    unit = min(width / 1600, height / 900)
    caption = (14 + 34 * caption_lines) * unit if caption_lines else 0.0
    return Page(
        width=width,
        height=height,
        unit=unit,
        header=84 * unit,
        footer=78 * unit,
        legend_width=300 * unit,
        caption=caption,
        pad=22 * unit,
    )


class Chrome:
    """Collects shapes and annotations in page pixels and emits them in paper coordinates."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.shapes: list[dict[str, Any]] = []
        self.annotations: list[dict[str, Any]] = []

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        colour: str = INK,
        bold: bool = False,
        italic: bool = False,
        xanchor: str = "left",
        yanchor: str = "middle",
        name: str | None = None,
    ) -> None:
        p = self.page
        body = f"<b>{text}</b>" if bold else text
        body = f"<i>{body}</i>" if italic else body
        annotation: dict[str, Any] = {
            "x": p.x(x),
            "y": p.y(y),
            "xref": "paper",
            "yref": "paper",
            "xanchor": xanchor,
            "yanchor": yanchor,
            "text": body,
            "showarrow": False,
            "align": xanchor if xanchor in ("left", "right") else "center",
            "font": {"family": FONT, "size": size, "color": colour},
        }
        if name:
            annotation["name"] = name
        self.annotations.append(annotation)

    def rect(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        *,
        fill: str,
        line: str | None = None,
        width: float = 1.0,
        dash: str = "solid",
        opacity: float = 1.0,
    ) -> None:
        p = self.page
        self.shapes.append(
            {
                "type": "rect",
                "xref": "paper",
                "yref": "paper",
                "x0": p.x(x0),
                "x1": p.x(x1),
                "y0": p.y(y1),
                "y1": p.y(y0),
                "fillcolor": fill,
                "opacity": opacity,
                "line": {"color": line or fill, "width": width if line else 0, "dash": dash},
                "layer": "above",
            }
        )

    def line(
        self, x0: float, y0: float, x1: float, y1: float, *, colour: str, width: float
    ) -> None:
        p = self.page
        self.shapes.append(
            {
                "type": "line",
                "xref": "paper",
                "yref": "paper",
                "x0": p.x(x0),
                "x1": p.x(x1),
                "y0": p.y(y0),
                "y1": p.y(y1),
                "line": {"color": colour, "width": width},
                "layer": "above",
            }
        )

    def circle(
        self, cx: float, cy: float, r: float, *, fill: str, line: str, width: float = 1.0
    ) -> None:
        p = self.page
        self.shapes.append(
            {
                "type": "circle",
                "xref": "paper",
                "yref": "paper",
                "x0": p.x(cx - r),
                "x1": p.x(cx + r),
                "y0": p.y(cy + r),
                "y1": p.y(cy - r),
                "fillcolor": fill,
                "line": {"color": line, "width": width},
                "layer": "above",
            }
        )

    def path(
        self, points: list[tuple[float, float]], *, fill: str, line: str, width: float
    ) -> None:
        p = self.page
        d = "M " + " L ".join(f"{p.x(x):.5f},{p.y(y):.5f}" for x, y in points) + " Z"
        self.shapes.append(
            {
                "type": "path",
                "xref": "paper",
                "yref": "paper",
                "path": d,
                "fillcolor": fill,
                "line": {"color": line, "width": width},
                "layer": "above",
            }
        )


def header(chrome: Chrome, scene: Scene, title: str, *, step: str | None = None) -> None:
    p, u = chrome.page, chrome.page.unit
    chrome.rect(0, 0, p.width, p.header, fill="#ffffff")
    chrome.line(0, p.header, p.width, p.header, colour=INK, width=2 * u)
    stamp = date_stamp(scene.day, scene.start)
    stamp_size = 30 * u
    room = p.width - 3 * p.pad - text_width(stamp, stamp_size, bold=True)
    title_size = 30 * u
    while title_size > 18 * u and text_width(title, title_size, bold=True) > room:
        title_size -= 1 * u
    chrome.text(p.pad, 34 * u, title, title_size, bold=True, name="title")
    chrome.text(p.pad, 66 * u, subtitle(scene, step), 15 * u, colour=MUTED, name="subtitle")
    chrome.text(
        p.width - p.pad, 34 * u, stamp, stamp_size, bold=True, xanchor="right", name="date-stamp"
    )
    if scene.snapshot_day is None:
        note = "no control reported yet"
    elif scene.snapshot_day != scene.day:
        note = f"control as last changed on {short_day(scene.snapshot_day)}"
    else:
        note = "control as reported that day"
    chrome.text(p.width - p.pad, 66 * u, note, 15 * u, colour=MUTED, xanchor="right")


def subtitle(scene: Scene, step: str | None) -> str:
    n = len(scene.events)
    period = "that day" if scene.start is None or scene.start == scene.day else "in the period"
    events = (
        f"{n} reported event{'s' if n != 1 else ''} {period}"
        if n
        else f"no event reported {period}"
    )
    parts = [step] if step else []
    parts += ["Areas of control, frontlines and events read from news reports", events]
    return " · ".join(parts)


def caption_band(chrome: Chrome, lines: list[str]) -> None:
    p, u = chrome.page, chrome.page.unit
    top = p.header
    chrome.rect(0, top, p.width, top + p.caption, fill="#fffdf5")
    chrome.line(0, top + p.caption, p.width, top + p.caption, colour=RULE, width=1 * u)
    for i, line in enumerate(lines):
        chrome.text(p.pad, top + (7 + 17 + 34 * i) * u, line, 25 * u, name="caption")


def wrap_caption(text: str, page: Page, *, most_lines: int = 3) -> list[str]:
    """Caption lines at 25 px (scaled) that fit the page width, ellipsised past ``most_lines``."""
    size = 25 * page.unit
    per_line = max(20, int((page.width - 2 * page.pad) / (size * CHAR_EM)))
    lines = textwrap.wrap(" ".join(text.split()), per_line)
    if len(lines) > most_lines:
        lines = lines[:most_lines]
        lines[-1] = lines[-1][: per_line - 1].rstrip() + "…"
    return lines


def legend(chrome: Chrome, scene: Scene) -> None:
    """Only what the view shows: the sides holding ground in view, contested ground, the
    frontline, event types and sides present, places; plus a one-line caveat on method."""
    p, u = chrome.page, chrome.page.unit
    _, top, _, bottom = p.map_box
    x0 = p.width - p.legend_width
    chrome.rect(x0, p.header + p.caption, p.width, p.height - p.footer, fill=PANEL)
    chrome.line(x0, p.header + p.caption, x0, p.height - p.footer, colour=RULE, width=1 * u)
    x = x0 + 20 * u
    y = top + 26 * u
    row = 27 * u
    label = 16 * u
    sw = 30 * u

    def heading(text: str) -> None:
        nonlocal y
        chrome.text(x, y, text.upper(), 13 * u, colour=MUTED, bold=True)
        y += 24 * u

    heading("Control of ground")
    area_sides = [
        s
        for s in sym.TERRITORIAL_SIDES
        if any(
            (f["properties"].get("kind") == "area" and f["properties"].get("side") == s)
            for f in scene.control
        )
    ]
    for side in area_sides:
        fill = blend(sym.side_colour(side), COLOURS["land"], AREA_OPACITY)
        chrome.rect(x, y - 9 * u, x + sw, y + 9 * u, fill=fill, line="#8c8c8c", width=0.8 * u)
        chrome.text(x + sw + 12 * u, y, sym.side_label(side), label, name="legend")
        y += row
    if scene.has_contested:
        fill = blend(sym.CONTESTED_COLOUR, COLOURS["land"], 0.6)
        chrome.rect(
            x,
            y - 9 * u,
            x + sw,
            y + 9 * u,
            fill=fill,
            line=sym.CONTESTED_OUTLINE,
            width=2 * u,
            dash="dot",
        )
        chrome.text(x + sw + 12 * u, y, "Contested", label, name="legend")
        y += row
    if scene.has_frontline:
        chrome.line(x, y, x + sw, y, colour="#ffffff", width=5.5 * u)
        chrome.line(x, y, x + sw, y, colour=sym.FRONTLINE_COLOUR, width=2.6 * u)
        chrome.text(x + sw + 12 * u, y, "Frontline", label, name="legend")
        y += row
    if not (area_sides or scene.has_contested or scene.has_frontline):
        chrome.text(x, y, "No control reported in view", label, colour=MUTED)
        y += row
    y += 10 * u
    if scene.events:
        heading("Events · colour = side")
        r = 11 * u
        event_sides = [s for s in sym.SIDE_COLOURS if any(e.side == s for e in scene.events)]
        for side in event_sides:
            chrome.circle(x + sw / 2, y, r, fill=disc_colour(side), line="#333333", width=1 * u)
            chrome.text(x + sw + 12 * u, y, sym.side_label(side), label, name="legend")
            y += row
        y += 4 * u
        heading("Events · letter = type")
        for kind in scene.types_shown:
            chrome.circle(x + sw / 2, y, r, fill="#ffffff", line="#333333", width=1 * u)
            chrome.text(x + sw / 2, y, sym.type_letter(kind), 13 * u, bold=True, xanchor="center")
            chrome.text(x + sw + 12 * u, y, sym.type_label(kind), label, name="legend")
            y += row
        if scene.highlighted:
            chrome.circle(x + sw / 2, y, r + 5 * u, fill="#ffffff", line=INK, width=2.5 * u)
            chrome.circle(x + sw / 2, y, r, fill="#dddddd", line="#333333", width=1 * u)
            chrome.text(x + sw + 12 * u, y, "Highlighted event", label, name="legend")
            y += row
        y += 10 * u
    if scene.places:
        heading("Places")
        chrome.circle(x + sw / 2, y, 4 * u, fill="#3b3b3b", line="#ffffff", width=1 * u)
        chrome.text(x + sw + 12 * u, y, "Town or site", label, name="legend")
        y += row
    note = (
        "Areas are estimated from control claims in the articles cited below; "
        "they show reported, not verified, positions."
    )
    lines = textwrap.wrap(note, max(10, int((p.legend_width - 40 * u) / (12.5 * u * CHAR_EM))))
    base = bottom - 18 * u - 17 * u * (len(lines) - 1)
    if base > y:
        for i, line in enumerate(lines):
            chrome.text(x, base + 17 * u * i, line, 12.5 * u, colour=MUTED, italic=True)


def cite(ref: SourceRef) -> str:
    """One article as the footer cites it: shortened title, source and date."""
    title = " ".join((ref.title or "untitled article").split())
    if len(title) > 64:
        title = title[:63].rsplit(" ", 1)[0].rstrip(",;:.–-") + "…"
    source = re.sub(r"\s*\(.*?\)", "", ref.source or "").strip()
    if len(source) > 32:
        source = source[:31].rstrip() + "…"
    when = short_day(ref.published) if ref.published else "undated"
    tail = ", ".join(x for x in (source, when) if x)
    return f"“{title}” ({tail})"


def citation_lines(
    refs: tuple[SourceRef, ...], room_px: float, size: float, lines: int = 2
) -> list[str]:
    """Cited articles packed into ``lines`` lines of ``room_px``; the rest counted, not cut."""
    if not refs:
        return ["Sources: no article reports anything in this view on this date."]
    items = [cite(r) for r in refs]
    out: list[str] = []
    current = "Sources: "
    used = 0
    for i, item in enumerate(items):
        rest = len(items) - i - 1
        more = f" … and {rest} more article{'s' if rest != 1 else ''}" if rest else ""
        candidate = current + ("" if current.endswith(": ") else " · ") + item
        last_line = len(out) == lines - 1
        if text_width(candidate + (more if last_line else ""), size) <= room_px:
            current = candidate
            used += 1
            continue
        if last_line:
            break
        out.append(current)
        current = item
        if text_width(current, size) > room_px:
            break
        used += 1
    remaining = len(items) - used
    if remaining:
        current += f" … and {remaining} more article{'s' if remaining != 1 else ''}"
    out.append(current)
    return out[:lines]


def footer(chrome: Chrome, scene: Scene, credit_extra: str = "") -> None:
    p, u = chrome.page, chrome.page.unit
    top = p.height - p.footer
    chrome.rect(0, top, p.width, p.height, fill="#ffffff")
    chrome.line(0, top, p.width, top, colour=RULE, width=1 * u)
    size = 13 * u
    for i, line in enumerate(citation_lines(scene.sources, p.width - 2 * p.pad, size)):
        chrome.text(p.pad, top + (18 + 20 * i) * u, line, size, name="sources")
    credit = f"Map data: {scene.attribution}{credit_extra} · Made with conflictmap"
    chrome.text(p.pad, top + 63 * u, credit, 11.5 * u, colour=MUTED, name="attribution")


def scale_bar(chrome: Chrome, frame: MapFrame) -> None:
    """A two-segment bar of a round distance, measured at the map's centre latitude."""
    p, u = chrome.page, chrome.page.unit
    left, _, _, bottom = p.map_box
    km, length = scale_bar_km(frame, 0.22 * frame.width)
    x0 = left + 18 * u
    y = bottom - 22 * u
    label = f"{km:g} km"
    box_w = length + text_width(label, 13 * u) + 40 * u
    chrome.rect(
        x0 - 10 * u, y - 26 * u, x0 + box_w - 10 * u, y + 12 * u, fill="#ffffff", opacity=0.85
    )
    half = length / 2
    chrome.rect(x0, y - 5 * u, x0 + half, y + 1 * u, fill=INK, line=INK, width=1 * u)
    chrome.rect(x0 + half, y - 5 * u, x0 + length, y + 1 * u, fill="#ffffff", line=INK, width=1 * u)
    chrome.text(x0, y - 15 * u, "0", 12 * u, xanchor="center")
    chrome.text(x0 + length, y - 15 * u, f"{km:g}", 12 * u, xanchor="center")
    chrome.text(x0 + length + 12 * u, y - 2 * u, "km", 13 * u, name="scale-bar")


def north_arrow(chrome: Chrome) -> None:
    """North is straight up on a Mercator map, everywhere on it."""
    p, u = chrome.page, chrome.page.unit
    _, top, right, _ = p.map_box
    cx, cy = right - 34 * u, top + 46 * u
    chrome.circle(cx, cy, 25 * u, fill="#ffffff", line="#9a9a9a", width=1 * u)
    tip, base, half = cy - 17 * u, cy + 13 * u, 9 * u
    chrome.path([(cx, tip), (cx - half, base), (cx, base - 6 * u)], fill=INK, line=INK, width=1 * u)
    chrome.path(
        [(cx, tip), (cx + half, base), (cx, base - 6 * u)], fill="#ffffff", line=INK, width=1 * u
    )
    chrome.text(cx, top + 9 * u, "N", 13 * u, bold=True, xanchor="center", yanchor="middle")

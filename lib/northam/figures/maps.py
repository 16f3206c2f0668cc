"""Figures of the chapter "Shared prosperity on the map" (:mod:`northam.analysis.maps`), and the map-drawing
helpers that the security chapter's state map also uses: :func:`choropleth` (with the central-Mexico inset,
:func:`central_mexico_inset`), :func:`identify` (every region named where its name fits, else its INEGI number
or postal code, with leader lines off the coast where even that does not fit) and :func:`draw_key`.

Every figure function takes the table it plots (default: the analysis function named in its docstring),
draws it in the house style and publishes it with :func:`northam.charts.publish`; the CSV is that table.
Maps get their polygons from :func:`northam.analysis.maps.on_map`. Maps use viridis classes (lightness rises
monotonically, so classes stay apart in grayscale and for colour-blind readers); the three countries keep
their book colours in line charts; any other series takes a colour of the shared non-country palette
(:data:`northam.figures.common.SERIES`) or dark grey.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import charts
from .. import maps as geo
from ..analysis import maps
from ..prose import and_list
from ..sources import mcv
from .common import SERIES, label_ends

#: Sequential palette whose lightness rises monotonically, so classes stay distinct in grayscale.
CMAP = "viridis"
#: SHDI colour classes, a design choice: finer steps at the top, where US and Canadian states crowd. :func:`shdi_map`
#: refuses values outside them (they would take an end class's colour unlabelled).
SHDI_BINS = [0.68, 0.72, 0.76, 0.80, 0.84, 0.88, 0.90, 0.92, 0.94, 0.96]
FIT, BARS, DARK = SERIES["wine"], SERIES["indigo"], "#333333"  # non-country series (shared palette)
MEMBERS = ("USA", "MEX", "CAN")
MCV_SOURCE = f"México, ¿cómo vamos?, IPS estatal {maps.SPI_YEAR} (edition 2015–2023)"


# --------------------------------------------------------------------------------------------------
# Map helpers


def _bins(values, step: float) -> list[float]:
    """Class edges in equal steps of ``step`` covering ``values``."""
    lo = np.floor(np.nanmin(values) / step) * step
    hi = np.ceil(np.nanmax(values) / step) * step
    return list(np.round(np.arange(lo, hi + step / 2, step), 6))


def choropleth(ax, gdf, column, *, bins=None, step: float = 2.5, label: str = "", cmap: str = CMAP,
               cbar_box=(0.05, 0.08, 0.42, 0.045), edge: str = "white", linewidth: float = 0.3,
               title: str | None = None, every_tick: bool = False, inset_box=None, inset_states=None,
               colorbar: bool = True):
    """Draw a classed choropleth of ``gdf[column]`` on ``ax`` with a horizontal colour bar inside the axes.

    Classes: ``bins`` (edges) or equal steps of ``step`` covering the data. ``inset_box`` (fraction of ``ax``):
    where to draw the central-Mexico inset of ``inset_states`` (default :data:`MX_INSET`;
    :func:`central_mexico_inset`). The colour bar and the inset are
    kept on the axes (``ax.northam_cbar``, ``ax.northam_inset``) for :func:`identify`; ``colorbar=False``: none
    (another panel of the figure has it). Returns the norm used.
    """
    import matplotlib as mpl
    import matplotlib.pyplot as plt

    bins = bins or _bins(gdf[column], step)
    cm = plt.get_cmap(cmap, len(bins) - 1)
    norm = mpl.colors.BoundaryNorm(bins, cm.N)
    gdf.plot(ax=ax, column=column, cmap=cm, norm=norm, edgecolor=edge, linewidth=linewidth)
    ax.set_axis_off()
    ax.set_aspect("equal")
    ax.northam_cbar = None
    if title:
        # y given: no automatic title shift, so titles of equal-sized panels stay level
        ax.set_title(title, fontsize=10, pad=4, loc="center", fontweight="normal", y=1.0)
    ax.northam_inset = (central_mexico_inset(ax, gdf, column, cmap=cm, norm=norm, box=inset_box, edge=edge,
                                             linewidth=linewidth, states=inset_states or MX_INSET)
                        if inset_box is not None else None)
    if not colorbar:
        return norm
    cax = ax.inset_axes(list(cbar_box))
    cb = ax.figure.colorbar(mpl.cm.ScalarMappable(norm=norm, cmap=cm), cax=cax, orientation="horizontal")
    cb.set_label(label, fontsize=9)
    ticks = bins if (every_tick or len(bins) <= 7) else bins[::2]
    cb.set_ticks(ticks, labels=[f"{t:g}" for t in ticks])
    cb.ax.tick_params(labelsize=8)
    ax.northam_cbar = cax
    return norm


def _halo(width: float = 2.5):
    """A white outline that keeps text legible on any map colour."""
    import matplotlib.patheffects as pe

    return [pe.withStroke(linewidth=width, foreground="white")]


# --------------------------------------------------------------------------------------------------
# Naming every region: its name where it fits, else a number (or postal code) and a key; central Mexico
# enlarged in an inset


#: The central Mexican states drawn enlarged in an inset on every map of Mexican states (region ids): Ciudad de
#: México, Tlaxcala and Morelos, too small to label at page width, with México, Puebla and Hidalgo around them.
MX_INSET = ("MEX-09", "MEX-29", "MEX-17", "MEX-15", "MEX-21", "MEX-13")
LABEL_SIZE = 8.0  # points: names and numbers on the maps (the smallest text of the figures)
KEY_SIZE = 8.0  # points: the key
HALO = 2.2  # points: white outline of map labels
LEADER = "#444444"
ON_SHARE = 0.3  # a label that does not fit inside its region must lie this much on it, or get a leader line
#: Where the central-Mexico inset sits on a map of Mexico (fraction of the axes): the Gulf of Mexico.
MAP_INSET = (0.64, 0.5, 0.35, 0.42)
PANEL_INSET = (0.66, 0.52, 0.34, 0.46)  # the same on each panel of a small multiple
SHDI_INSET = (0.19, 0.0, 0.22, 0.27)  # North America: the Pacific, south-west of Baja California


def subtitle_close(fig) -> None:
    """Keep the subtitle written by :func:`northam.charts.figure` 0.21 in under the title, as on a figure of the
    house's default height (on a tall figure it would drift down)."""
    h = fig.get_size_inches()[1]
    for text in fig.texts:
        if text is not fig._suptitle and text.get_text() == getattr(fig, "_northam_units", None):
            text.set_y(1 - 0.21 / h)


def place_axes(ax, left: float, bottom: float, width: float, height: float) -> None:
    """Put ``ax`` at a position given in inches from the figure's lower left corner (and keep the subtitle
    close under the title, :func:`subtitle_close`)."""
    fig = ax.figure
    w, h = fig.get_size_inches()
    ax.set_position([left / w, bottom / h, width / w, height / h])
    subtitle_close(fig)


def region_names(region_ids) -> pd.Series:
    """The book's name of each region id (``USA-06``, ``CAN-ON``, ``MEX-09``: "Ciudad de México")."""
    names = geo.admin1().set_index("region_id")["name"]
    return pd.Series(list(region_ids), dtype=object).map(names)


def _main_part(geom):
    """The largest polygon of a (multi)polygon."""
    import shapely

    parts = shapely.get_parts(geom)
    return max(parts, key=lambda p: p.area)


def _anchor_points(geom) -> list:
    """Points inside ``geom``'s largest part, the most central first: its pole of inaccessibility, then the points
    of a 14 by 14 grid over the part that lie inside it, the farthest from its outer border first (a stable sort:
    points as far from the border keep the grid's order, column by column from the west, each from the south).

    Vectorised: the grid's points are made, tested and measured in one call each; the same points in the same
    order as testing them one by one.
    """
    import shapely
    from shapely.ops import polylabel

    part = _main_part(geom)
    x0, y0, x1, y1 = part.bounds
    step = max(x1 - x0, y1 - y0) / 14
    xs, ys = np.arange(x0 + step / 2, x1, step), np.arange(y0 + step / 2, y1, step)
    grid = shapely.points(np.repeat(xs, len(ys)), np.tile(ys, len(xs)))  # x the outer loop, y the inner
    shapely.prepare(part)  # many points against one polygon
    grid = grid[shapely.contains(part, grid)]
    order = np.argsort(-shapely.distance(part.exterior, grid), kind="stable")
    return [polylabel(part, tolerance=step / 10), *grid[order]]


def _affine(transform):
    """An affine ``transform`` as a fixed matrix, computed once instead of at every call: the same numbers as
    ``transform`` itself gives as long as what it depends on (the axes' limits) stays put. Any other transform
    is returned as it is."""
    return transform.get_affine() if transform.is_affine else transform


def _geometries(items) -> np.ndarray:
    """``items`` (shapely geometries) as an array, for shapely's vectorised functions."""
    out = np.empty(len(items), dtype=object)
    out[:] = list(items)
    return out


def _split_name(name: str) -> list[str]:
    """Ways to write ``name``: on one line, then on two lines broken at each space (most balanced first)."""
    words = name.split(" ")
    two = ["\n".join([" ".join(words[:i]), " ".join(words[i:])]) for i in range(1, len(words))]
    return [name, *sorted(two, key=lambda t: max(len(x) for x in t.split("\n")))]


def _coast(band, p, sign: int, hop: float) -> float:
    """Where the land of ``band`` (a horizontal strip through ``p``) ends going east (``sign`` 1) or west (-1)
    from ``p``: stepping over water narrower than ``hop`` (a river, a bay), not over open sea."""
    import shapely

    parts = sorted(shapely.get_parts(band), key=lambda g: sign * g.bounds[0 if sign > 0 else 2])
    edge = p.x
    for g in parts:
        lo, hi = (g.bounds[0], g.bounds[2]) if sign > 0 else (-g.bounds[2], -g.bounds[0])
        if lo > sign * edge + hop:
            break
        edge = max(sign * edge, hi) * sign
    return edge


class _Placer:
    """Writes labels on one map axes without overlaps (boxes in data coordinates, text halo included).

    The axes' limits must not change while it works: it reads the data-to-pixel transform once (:func:`_affine`),
    and keeps each region's anchor points and grown outline (:meth:`anchors`, :meth:`room`) once found.
    """

    def __init__(self, ax, fontsize: float, obstacles=()):
        import shapely

        self.ax, self.fontsize = ax, fontsize
        self.fig = ax.figure
        self.renderer = self.fig.canvas.get_renderer()
        to_data = ax.transData.inverted()
        self.taken = [shapely.box(*to_data.transform(o.get_tightbbox(self.renderer)).ravel())
                      for o in obstacles]
        x0, x1 = ax.get_xlim()
        y0, y1 = ax.get_ylim()
        self.frame = shapely.box(x0, y0, x1, y1)
        shapely.prepare(self.frame)  # every box is tested against it
        self.to_pixels, self.to_data = _affine(ax.transData), _affine(ax.transData.inverted())
        self.leaders: list = []
        self.clear = []  # anchor points of regions still waiting for their label
        self._extent: dict[str, tuple[float, float]] = {}
        self._taken = _geometries(self.taken)  # self.taken as an array (free), renewed when it grows
        self._anchors: dict[int, tuple] = {}  # id of a geometry -> (the geometry, its anchor points)
        self._room: dict[tuple[int, float], tuple] = {}  # (id, distance) -> (the geometry, its grown outline)

    @property
    def clear(self) -> np.ndarray:
        """Anchor points of regions still waiting for their label: no label may cover them."""
        return self._clear

    @clear.setter
    def clear(self, points) -> None:
        self._clear = _geometries(points)

    def extent(self, text: str) -> tuple[float, float]:
        """Width and height of ``text`` in pixels, halo included."""
        if text not in self._extent:
            t = self.fig.text(0, 0, text, fontsize=self.fontsize, ha="center", va="center", linespacing=1.0)
            bb = t.get_window_extent(self.renderer)
            t.remove()
            pad = HALO / 72 * self.fig.dpi
            self._extent[text] = (bb.width + pad, bb.height + pad)
        return self._extent[text]

    def boxes(self, text: str, xs, ys, angle: float = 0.0) -> np.ndarray:
        """The boxes (polygons in data coordinates) of ``text`` centred on each point (``xs``, ``ys``) and turned
        by ``angle`` degrees: the text's extent in pixels, turned about its centre."""
        import shapely

        w, h = self.extent(text)
        centres = self.to_pixels.transform(np.column_stack([np.asarray(xs, float), np.asarray(ys, float)]))
        cx, cy = centres[:, :1], centres[:, 1:]
        c, s = np.cos(np.deg2rad(angle)), np.sin(np.deg2rad(angle))
        dx = np.array([-w / 2, w / 2, w / 2, -w / 2])  # the corners, counter-clockwise from the lower left
        dy = np.array([-h / 2, -h / 2, h / 2, h / 2])
        corners = np.stack([cx + dx * c - dy * s, cy + dx * s + dy * c], axis=-1)
        return shapely.polygons(self.to_data.transform(corners.reshape(-1, 2)).reshape(-1, 4, 2))

    def box(self, text: str, x: float, y: float, angle: float = 0.0):
        """The box of ``text`` centred on (``x``, ``y``) (:meth:`boxes`)."""
        return self.boxes(text, [x], [y], angle)[0]

    def free(self, box) -> bool:
        """``box`` lies in the map frame, overlaps no label and hides no point kept clear for a label to come."""
        import shapely

        return (self.frame.contains(box) and not shapely.intersects(box, self._taken).any()
                and not shapely.contains(box, self._clear).any())

    def crosses(self, line) -> bool:
        """``line`` (a leader) crosses another leader or runs into a label."""
        import shapely

        return bool(shapely.crosses(line, _geometries(self.leaders)).any()
                    or shapely.intersects(line, self._taken).any())

    def put(self, text: str, x: float, y: float, box, *, gid: str, angle: float = 0.0):
        self.taken.append(box)
        self._taken = _geometries(self.taken)
        self.ax.text(x, y, text, fontsize=self.fontsize, ha="center", va="center", rotation=angle,
                     rotation_mode="anchor", linespacing=1.0, color="black", path_effects=_halo(HALO), gid=gid,
                     zorder=5)

    def anchors(self, geom, n: int = 24) -> list:
        """Points inside ``geom``'s largest part, the most central first (pole of inaccessibility, then a grid
        ranked by distance to the border; :func:`_anchor_points`): the first ``n`` + 1. Found once per geometry
        (the same object) in this placer's work."""
        known = self._anchors.get(id(geom))
        if known is None or known[0] is not geom:
            known = self._anchors[id(geom)] = (geom, _anchor_points(geom))
        return known[1][:n + 1]

    def room(self, geom, distance: float):
        """``geom`` grown by ``distance``, prepared for many tests of boxes; made once per geometry (the same
        object) and distance in this placer's work."""
        import shapely

        known = self._room.get((id(geom), distance))
        if known is None or known[0] is not geom:
            grown = geom.buffer(distance)
            shapely.prepare(grown)
            known = self._room[(id(geom), distance)] = (geom, grown)
        return known[1]

    @staticmethod
    def along(geom) -> list[float]:
        """Text angles to try: straight, and along the long axis of an elongated shape (readable: ±90°)."""
        rect = _main_part(geom).minimum_rotated_rectangle
        xy = np.asarray(rect.exterior.coords)[:3]
        long, short = sorted([xy[1] - xy[0], xy[2] - xy[1]], key=lambda v: -np.hypot(*v))
        angles = [0.0]
        if np.hypot(*long) > 1.6 * np.hypot(*short):
            a = (float(np.degrees(np.arctan2(long[1], long[0]))) + 90) % 180 - 90
            if abs(a) > 8:
                angles.append(round(a, 1))
        return angles

    def inside(self, geom, texts, gid: str, *, rotate: bool = True) -> bool:
        """Write the first of ``texts`` that fits inside ``geom`` (straight, or along an elongated shape)."""
        import shapely

        px = abs(self.to_data.transform((1, 0))[0] - self.to_data.transform((0, 0))[0])
        fits = self.room(geom, 0.8 * px)  # a label may touch the border by less than a pixel
        anchors = self.anchors(geom)
        xs, ys = [p.x for p in anchors], [p.y for p in anchors]
        angles = self.along(geom) if rotate else [0.0]
        for text in texts:
            for angle in angles:
                boxes = self.boxes(text, xs, ys, angle)
                for i in np.flatnonzero(shapely.contains(fits, boxes)):  # the first anchor that fits and is free
                    if self.free(boxes[i]):
                        self.put(text, anchors[i].x, anchors[i].y, boxes[i], gid=gid, angle=angle)
                        return True
        return False

    def on(self, geom, text: str, gid: str) -> bool:
        """Write ``text`` centred on a point of ``geom`` where it overlaps no other label; it may cross borders
        but must lie mostly on ``geom``, so that it reads as that region's label, and leave some of the region
        uncovered, so that its colour shows."""
        part = _main_part(geom)
        anchors = self.anchors(geom)
        boxes = self.boxes(text, [p.x for p in anchors], [p.y for p in anchors])
        for p, b in zip(anchors, boxes, strict=True):
            if (self.free(b) and geom.intersection(b).area >= ON_SHARE * b.area
                    and part.intersection(b).area <= 0.7 * part.area):
                self.put(text, p.x, p.y, b, gid=gid)
                return True
        return False

    def _leader(self, line, gid: str) -> None:
        self.leaders.append(line)
        self.ax.plot(*line.xy, color=LEADER, lw=0.8, zorder=4, solid_capstyle="round", path_effects=_halo(2.4),
                     gid=f"leader:{gid.split(':', 1)[1]}")

    def off_coast(self, rows, land) -> list:
        """Write the labels of ``rows`` ((geometry, text, gid) each) in columns in the sea off the nearest coast
        east or west of their region (within 12 label heights): one column per group of neighbours, stacked
        north to south, each joined to its region by a leader line. Returns the rows left without a label."""
        import shapely

        to_x = abs(self.to_data.transform((1, 0))[0] - self.to_data.transform((0, 0))[0])
        plan = []  # (sign, edge, anchor, w, h, row)
        left = []
        for row in rows:
            geom, text, _ = row
            p = self.anchors(geom, n=0)[0]
            w, h = (v * to_x for v in self.extent(text))
            reach, sides = 8 * h, []
            for sign in (1, -1):
                band = land.intersection(shapely.box(min(p.x, p.x + sign * reach), p.y - h / 4,
                                                     max(p.x, p.x + sign * reach), p.y + h / 4))
                edge = _coast(band, p, sign, 0.3 * h)
                if abs(edge - p.x) < reach * 0.98:
                    sides.append((abs(edge - p.x), sign, edge))
            if sides:
                _, sign, edge = min(sides)
                plan.append((sign, edge, p, w, h, row))
            else:
                left.append(row)
        for sign in (1, -1):
            side = sorted((q for q in plan if q[0] == sign), key=lambda q: -q[2].y)
            groups: list[list] = []
            for q in side:  # one column for neighbours whose labels would overlap, off nearby coasts
                if groups and groups[-1][-1][2].y - q[2].y < 1.6 * q[4] and abs(groups[-1][-1][1] - q[1]) < 2.5 * q[4]:
                    groups[-1].append(q)
                else:
                    groups.append([q])
            for group in groups:
                gap = 0.4 * group[0][4]
                edge = max(q[1] for q in group) if sign > 0 else min(q[1] for q in group)
                step = 1.08 * max(q[4] for q in group)
                want = [q[2].y for q in group]
                ys = []
                for y in want:
                    ys.append(min(y, ys[-1] - step) if ys else y)
                shift = (sum(want) - sum(ys)) / len(ys)
                for q, y0 in zip(group, (y + shift for y in ys), strict=True):
                    _, _, p, w, h, row = q
                    geom, text, gid = row
                    x = edge + sign * (gap + w / 2)
                    for y in (y0 + k * step for k in (0, -1, 1, -2, 2, -3, 3)):  # the column's slot, or near it
                        b = self.box(text, x, y)
                        line = shapely.LineString([p, (x - sign * w / 2, y)])
                        if self.free(b) and not self.crosses(line):
                            self._leader(line, gid)
                            self.put(text, x, y, b, gid=gid)
                            break
                    else:
                        left.append(row)
        return left

    def beside(self, geom, text: str, gid: str, land) -> None:
        """Write ``text`` near ``geom`` with a leader line: the nearest free spot, sea preferred to land."""
        import shapely

        p = self.anchors(geom, n=0)[0]
        _, h = self.extent(text)
        unit = abs(self.to_data.transform((h, 0))[0] - self.to_data.transform((0, 0))[0])
        best = None
        for strict in (True, False):  # a leader crossing labels or leaders only if nothing else is free
            for k, dist in enumerate((1.4, 2.0, 2.7, 3.5, 4.5, 5.7, 7.0, 8.5, 10.0)):
                spots = [(p.x + dist * unit * np.cos(np.radians(angle)), p.y + dist * unit * np.sin(np.radians(angle)))
                         for angle in range(0, 360, 15)]
                boxes = self.boxes(text, [x for x, _ in spots], [y for _, y in spots])
                for (x, y), b in zip(spots, boxes, strict=True):
                    if not self.free(b):
                        continue
                    line = shapely.LineString([p, shapely.ops.nearest_points(b.exterior, p)[0]])
                    if strict and self.crosses(line):
                        continue
                    score = k + 8 * b.intersection(land).area / b.area
                    if best is None or score < best[0]:
                        best = (score, x, y, b, line)
            if best is not None:
                break
        if best is None:
            raise ValueError(f"no room for the label {text!r} ({gid}) on the map")
        _, x, y, b, line = best
        self._leader(line, gid)
        self.put(text, x, y, b, gid=gid)


def name_regions(ax, gdf, *, names: bool = True, skip=(), obstacles=(), fontsize: float = LABEL_SIZE) -> list[str]:
    """Make every region of ``gdf`` on ``ax`` identifiable, except the region ids in ``skip``.

    Each region gets its name inside it where the name fits (on one or two lines, straight or along an
    elongated shape; ``names=False`` skips names), else its short label (:func:`northam.maps.short_label`: the
    INEGI number of a Mexican state, a US or Canadian postal code) inside it, on it, or beside it with a leader
    line. No two labels overlap, and none covers an ``obstacles`` artist (colour bar, inset). Returns the ids
    of the regions given a short label, for :func:`draw_key`. Call once the figure's layout is final.
    """
    import shapely

    ax.figure.draw_without_rendering()
    placer = _Placer(ax, fontsize, obstacles)
    todo = gdf[~gdf["region_id"].isin(skip)].copy()
    todo["label_name"] = region_names(todo["region_id"]).to_numpy()
    todo = todo.assign(_area=todo.geometry.area).sort_values("_area", ascending=False)
    numbered = []
    for _, r in todo.iterrows():
        if names and placer.inside(r.geometry, _split_name(r["label_name"]), gid=f"name:{r['region_id']}"):
            continue
        numbered.append(r)
    # short labels: first every one that fits inside its region or mostly on it (smallest regions first: they
    # need the room most), then leader lines for the rest, so that no leader takes a region's own room
    anchor = {r["region_id"]: placer.anchors(r.geometry, n=0)[0] for r in numbered}

    def place(rows, how):
        left = []
        for r in rows:
            rid = r["region_id"]
            placer.clear = [p for k, p in anchor.items() if k != rid and k in waiting]
            if how(r.geometry, geo.short_label(rid), f"label:{rid}"):
                waiting.discard(rid)
            else:
                left.append(r)
        return left

    waiting = set(anchor)
    rest = place(sorted(numbered, key=lambda r: r.geometry.area),
                 lambda g, text, gid: placer.inside(g, [text], gid, rotate=False))
    rest = place(rest, placer.on)
    placer.clear = []
    if rest:  # leader lines, off the coast or beside the region: only these need the land (its union is slow)
        land = shapely.union_all(gdf.geometry.to_numpy())
        by_gid = {f"label:{r['region_id']}": r for r in rest}
        rows = [(r.geometry, geo.short_label(r["region_id"]), f"label:{r['region_id']}") for r in rest]
        rest = [by_gid[gid] for _, _, gid in placer.off_coast(rows, land)]
        place(rest, lambda g, text, gid: placer.beside(g, text, gid, land) or True)
    return [r["region_id"] for r in numbered]


def central_mexico_inset(ax, gdf, column: str, *, cmap, norm, box, edge: str = "white", linewidth: float = 0.3,
                         states=MX_INSET):
    """An enlarged panel of the small central Mexican states (:data:`MX_INSET`, or ``states``) at ``box``
    (fraction of ``ax``), in the same classes as the main map, with a frame marking the area on the main map.
    Returns the inset axes (``states`` kept as ``northam_states``; :func:`identify` names them there)."""
    core = gdf[gdf["region_id"].isin(states)]
    x0, y0, x1, y1 = core.total_bounds
    pad = 0.04 * max(x1 - x0, y1 - y0)
    iax = ax.inset_axes(list(box))
    gdf.plot(ax=iax, column=column, cmap=cmap, norm=norm, edgecolor=edge, linewidth=linewidth * 2)
    iax.set_xlim(x0 - pad, x1 + pad)
    iax.set_ylim(y0 - pad, y1 + pad)
    iax.set_aspect("equal")
    iax.set(xticks=[], yticks=[], xlabel="", ylabel="", facecolor="white")
    for spine in iax.spines.values():
        spine.set(visible=True, color="#333333", linewidth=0.8)
    zoom = ax.indicate_inset_zoom(iax, edgecolor="#333333", linewidth=0.8, alpha=1.0)
    for line in zoom.connectors:
        line.set(linewidth=0.6, color="#777777")
    iax.northam_states = tuple(states)
    return iax


def identify(ax, gdf, *, names: bool = True, obstacles=(), fontsize: float = LABEL_SIZE) -> list[str]:
    """Name the regions of a map drawn by :func:`choropleth`: those of its central-Mexico inset (if any) in the
    inset, every other one on ``ax`` (:func:`name_regions`), clear of the colour bar. Returns the ids given a
    short label, for :func:`draw_key`."""
    inset = getattr(ax, "northam_inset", None)
    skip = inset.northam_states if inset is not None else ()
    obstacles = [*obstacles, *(a for a in (inset, getattr(ax, "northam_cbar", None)) if a is not None)]
    numbered = name_regions(ax, gdf, names=names, skip=skip, obstacles=obstacles, fontsize=fontsize)
    if inset is not None:
        numbered += name_regions(inset, gdf[gdf["region_id"].isin(skip)], names=names, fontsize=fontsize)
    return numbered


def draw_key(ax, region_ids, *, ncols: int, fontsize: float = KEY_SIZE, title: str | None = None,
             by_country: bool = False) -> None:
    """A key on ``ax`` (axis off): short label → name for every region in ``region_ids``, in ``ncols`` columns
    filled top to bottom. Mexican states in INEGI order, others by label; ``by_country`` adds a header per country."""
    ax.set_axis_off()
    order = {"MEX": 0, "USA": 1, "CAN": 2}
    ids = sorted(set(region_ids), key=lambda r: (order[r[:3]], int(r[4:]) if r.startswith("MEX") else 0,
                                                 geo.short_label(r)))
    names = dict(zip(ids, region_names(ids), strict=True))
    rows: list[tuple[str, str, str]] = []  # (kind, label, name or header)
    for iso in ("MEX", "USA", "CAN"):
        mine = [r for r in ids if r.startswith(iso)]
        if mine and by_country:
            rows.append(("header", "", {"MEX": "Mexico", "USA": "United States", "CAN": "Canada"}[iso]))
        rows += [("entry", geo.short_label(r), r) for r in mine]
    from matplotlib.font_manager import FontProperties

    per_col = int(np.ceil(len(rows) / ncols))
    line = fontsize * 1.45  # points
    num_w = fontsize * 1.55
    renderer, dpi = ax.figure.canvas.get_renderer(), ax.figure.dpi

    def points(text: str, bold: bool = False) -> float:
        prop = FontProperties(size=fontsize, weight="bold" if bold else "normal")
        return renderer.get_text_width_height_descent(text, prop, ismath=False)[0] * 72 / dpi

    # columns as wide as their longest entry, spread over the axes when there is room
    natural = [max(points(item, True) if kind == "header" else num_w + 3 + points(names[item])
                   for kind, _, item in rows[c * per_col:(c + 1) * per_col]) + 10
               for c in range(int(np.ceil(len(rows) / per_col)))]
    spare = max(0.0, ax.get_window_extent().width * 72 / dpi - sum(natural)) / len(natural)
    starts = np.concatenate([[0.0], np.cumsum([w + spare for w in natural])])
    y_top = 0.0
    if title:
        ax.annotate(title, (0, 1), xycoords="axes fraction", xytext=(0, 0), textcoords="offset points",
                    fontsize=fontsize + 0.5, fontweight="bold", va="top", ha="left", color="#222222")
        y_top = line * 1.25
    for i, (kind, label, item) in enumerate(rows):
        col, row = divmod(i, per_col)
        x, y = starts[col], -(y_top + row * line)
        if kind == "header":
            ax.annotate(item, (0, 1), xycoords="axes fraction", xytext=(x, y), textcoords="offset points",
                        fontsize=fontsize, fontweight="bold", va="top", ha="left", color="#222222")
            continue
        ax.annotate(label, (0, 1), xycoords="axes fraction", xytext=(x + num_w, y), textcoords="offset points",
                    fontsize=fontsize, fontweight="bold", va="top", ha="right", color="#222222", gid=f"key:{item}")
        ax.annotate(names[item], (0, 1), xycoords="axes fraction", xytext=(x + num_w + 3, y),
                    textcoords="offset points", fontsize=fontsize, va="top", ha="left", color="#222222",
                    gid=f"key:{item}")


# --------------------------------------------------------------------------------------------------
# Mexico: Social Progress Index


#: Palette of the map PNGs: a few classes, white, greys and black text need far fewer than 256 colours, and a
#: smaller palette makes the heaviest files of the book lighter (page weight).
MAP_PALETTE = 48
#: Pixels per inch of the map PNGs: fewer than other charts' (:data:`northam.charts.DPI`), still 1.5 image
#: pixels per CSS pixel at the widths the book shows them; their text keeps its size on screen.
MAP_DPI = 150
#: The phone canvas's map: as wide as the canvas less the saved image's padding, inches.
PHONE_MAP_W = 3.5
#: The phone canvas's map of Mexico: its height, from Mexico's shape on the equal-area layer.
PHONE_MAP_H = 2.6


def phone_key(kax, region_ids, *, top: float, title: str, ncols: int = 2, by_country: bool = False) -> float:
    """:func:`draw_key` under a phone map: ``kax`` placed with its top ``top`` inches above the figure's lower
    edge and as tall as the key needs (the saved image ends under it). Returns its bottom (inches)."""
    rows = len(set(region_ids)) + (3 if by_country else 0)
    height = (int(np.ceil(rows / ncols)) + 1.5) * KEY_SIZE * 1.45 / 72
    place_axes(kax, 0.05, top - height, PHONE_MAP_W, height)
    draw_key(kax, region_ids, ncols=ncols, title=title, by_country=by_country)
    return top - height


def _spi_map_figure(t: pd.DataFrame, layer, *, phone: bool):
    title, subtitle = (f"Social Progress Index by Mexican state, {maps.SPI_YEAR}",
                       "Score 0–100, edition 2015–2023 of México, ¿cómo vamos?")
    label = f"Social Progress Index {maps.SPI_YEAR} (0–100)"
    if phone:  # the map full width, its colour bar under it, the key in two columns under that
        height = 7.6
        fig, (ax, kax) = charts.figure(title, subtitle, nrows=2, height=height, phone=True)
        place_axes(ax, 0.0, height - 0.8 - PHONE_MAP_H, PHONE_MAP_W, PHONE_MAP_H)
        choropleth(ax, layer, "spi", step=2.5, label=label, cbar_box=(0.06, -0.12, 0.88, 0.05), inset_box=MAP_INSET)
        fig._northam_numbered = identify(ax, layer)
        phone_key(kax, fig._northam_numbered, top=height - 0.8 - PHONE_MAP_H - 0.85, title="Numbered states")
        return fig
    fig, (ax, kax) = charts.figure(title, subtitle, ncols=2, height=5.0, gridspec_kw={"width_ratios": [3.3, 1]})
    fig.subplots_adjust(left=0.0, right=0.99, wspace=0.02, top=0.88, bottom=0.02)
    choropleth(ax, layer, "spi", step=2.5, label=label, cbar_box=(0.03, 0.08, 0.4, 0.045), inset_box=MAP_INSET)
    fig._northam_numbered = identify(ax, layer)
    draw_key(kax, fig._northam_numbered, ncols=1, title="Numbered states")
    return fig


def _numbered_note(layer, desktop: list[str], phone: list[str]) -> str:
    """What a caption says of the states' labels, from the labels the two renditions placed: on the desktop map
    the states too small for their name are numbered (key beside it); the phone's narrower map may number more."""
    note = "States too small for their name carry their INEGI number"
    if set(phone) == set(desktop):
        return note + " (key beside or under the map)"
    note += " (key beside the map)"
    named = [r for r in layer["region_id"] if r not in set(phone)]
    if not named:
        return note + "; on a phone every state carries its number (key under the map)"
    if len(named) <= 3:
        return note + (f"; on a phone every state but {and_list(region_names(named))} carries its number (key under "
                       "the map)")
    return note + "; on a phone, where the map is smaller, most states carry their number (key under the map)"


def spi_map(data: pd.DataFrame | None = None) -> None:
    """Map of the Social Progress Index (:data:`maps.SPI_YEAR`) by Mexican state, score 0-100, every state named or numbered, with
    central Mexico enlarged; on the phone the key goes under the map (table: :func:`maps.spi_table`)."""
    t = maps.spi_table() if data is None else data
    layer = maps.on_map(t, on="code", data_on="cve_ent", iso3="MEX", what=f"IPS {maps.SPI_YEAR} to Mexican states")
    fig = _spi_map_figure(t, layer, phone=False)
    phone = _spi_map_figure(t, layer, phone=True)
    numbered = _numbered_note(layer, fig._northam_numbered, phone._northam_numbered)
    top, bottom = t.loc[t["spi"].idxmax()], t.loc[t["spi"].idxmin()]
    by_score = t.sort_values("spi")
    darkest, lightest = and_list(by_score["name"].iloc[:3]), and_list(by_score["name"].iloc[::-1][:3])
    charts.publish(
        fig, "maps-spi-2023", data=t, source=MCV_SOURCE + "; boundaries INEGI via MCV",
        phone=phone, palette=MAP_PALETTE, dpi=MAP_DPI,
        alt=(f"Map of Mexico's {len(t)} states shaded by the {maps.SPI_YEAR} Social Progress Index, each state named or "
             f"numbered, with a key to the numbers and an enlarged panel of central Mexico. Scores run from "
             f"{bottom['spi']:.1f} in {bottom['name']} to {top['spi']:.1f} in {top['name']}; the three darkest "
             f"(lowest) are {darkest}, the three lightest (highest) {lightest}."),
        caption=f"Social Progress Index {maps.SPI_YEAR} by state. {numbered}; the box enlarges central Mexico.")


def _spi_components_figure(t: pd.DataFrame, layer, *, phone: bool):
    title, subtitle = (f"Four components of the Social Progress Index, {maps.SPI_YEAR}",
                       "Score 0–100 by Mexican state; each panel on its own scale")
    if phone:  # the four maps one under the other, full width, then the key in two columns
        panel = PHONE_MAP_H + 0.95  # a map, its title above and its colour bar under it
        height = 4 * panel + 4.0
        fig, axes = charts.figure(title, subtitle, nrows=5, height=height, phone=True)
        for i, ax in enumerate(axes[:4]):
            place_axes(ax, 0.0, height - 1.05 - PHONE_MAP_H - i * panel, PHONE_MAP_W, PHONE_MAP_H)
        kax, panels, cbar_box = axes[4], axes[:4], (0.06, -0.1, 0.88, 0.05)
        key_top, ncols = height - 0.75 - 4 * panel, 2
    else:
        fig, axes = charts.figure(title, subtitle, nrows=3, ncols=2, height=8.6,
                                  gridspec_kw={"height_ratios": [1, 1, 0.5]})
        fig.subplots_adjust(hspace=0.12, wspace=0.02, top=0.91, bottom=0.0, left=0.0, right=1.0)
        subtitle_close(fig)
        kax = fig.add_subplot(axes[2, 0].get_gridspec()[2, :])
        axes[2, 0].remove()
        axes[2, 1].remove()
        panels, cbar_box, ncols = list(axes[:2].flat), (0.03, 0.07, 0.38, 0.05), 4
    for ax, cid in zip(panels, maps.SPI_COMPONENTS, strict=True):
        choropleth(ax, layer, maps.SPI_COLUMNS[cid], step=5, title=mcv.NAMES_EN[cid], cbar_box=cbar_box,
                   inset_box=PANEL_INSET)
    numbered = []
    for ax in panels:
        numbered += identify(ax, layer, names=False)
    if phone:
        phone_key(kax, numbered, top=key_top, title="States (INEGI numbers)")
    else:
        draw_key(kax, numbered, ncols=ncols, title="States (INEGI numbers)")
    return fig


def spi_components(data: pd.DataFrame | None = None) -> None:
    """Four maps of the index's components the reports map, each on its own scale, score 0-100, every state
    numbered, central Mexico enlarged, one key; on the phone the maps one under the other (table:
    :func:`maps.spi_table`)."""
    t = maps.spi_table() if data is None else data
    layer = maps.on_map(t, on="code", data_on="cve_ent", iso3="MEX", what=f"IPS {maps.SPI_YEAR} to Mexican states")
    fig = _spi_components_figure(t, layer, phone=False)
    ranks = t.set_index("abbr")["nutrition_basic_medical_care"].rank(ascending=False)
    rho = maps.component_correlations().set_index("id")["rho"]
    charts.publish(
        fig, "maps-spi-components", data=t, source=MCV_SOURCE,
        phone=_spi_components_figure(t, layer, phone=True), palette=MAP_PALETTE, dpi=MAP_DPI,
        alt=(f"Four maps of Mexico's states for {maps.SPI_YEAR}, every state numbered with a key below and central Mexico "
             "enlarged in each: nutrition and basic medical care, access to basic knowledge, access to information "
             "and communications, and health and wellness. Baja California Sur ranks "
             f"{ranks['BCS']:.0f} and Baja California {ranks['BC']:.0f} of {len(t)} on nutrition and basic medical "
             f"care. Information and communications ranks the states much as the index does (rank correlation "
             f"{rho[206]:.2f}); basic knowledge far less so ({rho[205]:.2f})."),
        caption=f"The four components of the {maps.SPI_YEAR} index shown in the reports' map series. Numbers are INEGI's "
                "state codes (key below); each box enlarges central Mexico.")


def spi_editions(data: pd.DataFrame | None = None) -> None:
    """Revision of each state's :data:`maps.SPI_YEAR` index by the 2025 edition, points (table:
    :func:`maps.edition_difference`)."""
    ed = maps.edition_difference() if data is None else data
    fig, ax = charts.figure(f"Two editions, one year: the {maps.SPI_YEAR} index revised",
                            "2025 edition minus 2015–2023 edition, points (score 0–100), by state", height=6.8)
    ax.barh(ed["name"], ed["difference"], color=BARS)
    ax.axvline(0, color="#444444", lw=0.8)
    ax.tick_params(axis="y", labelsize=8)
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    d = ed["difference"]
    n_neg = int((d < 0).sum())
    if n_neg == len(d):
        spread = (f"Every bar is negative: the 2025 edition lowers each score by {-d.max():.1f} to {-d.min():.1f} "
                  f"points, {-d.mean():.1f} on average.")
    else:
        spread = (f"{n_neg} of the {len(d)} bars are negative; the revisions run from {d.min():.1f} to "
                  f"{d.max():.1f} points, averaging {d.mean():.1f}.")
    charts.publish(
        fig, "maps-spi-editions", data=ed, source="México, ¿cómo vamos?, IPS estatal editions 2015–2023 and 2025",
        alt=f"Horizontal bar chart of the revision of each state's {maps.SPI_YEAR} index. {spread}",
        caption=f"How much the 2025 edition changed each state's {maps.SPI_YEAR} Social Progress Index.")


# --------------------------------------------------------------------------------------------------
# Three countries: Subnational HDI


def _shdi_phone_figure(layer):
    """The phone layout of :func:`shdi_map`: North America with Canada, Alaska and Hawaii named, then the lower
    48 US states and Mexico (its centre enlarged) closer up, on one scale; one colour bar, one key."""
    import matplotlib.patches as mpatches

    title = f"Human development by state and province, {maps.SHDI_YEAR}"
    subtitle = "Subnational Human Development Index, index 0–1, one scale for the three countries"
    mx = layer["iso3"] == "MEX"
    us48 = (layer["iso3"] == "USA") & ~layer["region_id"].isin(["USA-02", "USA-15"])
    panels = [("North America: Canada, Alaska, Hawaii", layer, ~(mx | us48)),
              ("United States", layer[us48], us48), ("Mexico", layer[mx], mx)]
    heights = []
    for _, part, _ in panels:
        x0, y0, x1, y1 = part.total_bounds
        heights.append(min(PHONE_MAP_W * (y1 - y0) / (x1 - x0), 3.2))
    height = 1.0 + sum(h + 0.45 for h in heights) + 0.8 + 8.0
    fig, axes = charts.figure(title, subtitle, nrows=4, height=height, phone=True)
    top, numbered = height - 1.0, []
    for ax, (name, part, labelled), h in zip(axes[:3], panels, heights, strict=True):
        place_axes(ax, 0.0, top - 0.25 - h, PHONE_MAP_W, h)
        last = name == "Mexico"
        choropleth(ax, layer, "shdi", bins=SHDI_BINS, label=f"Subnational HDI, {maps.SHDI_YEAR} (index 0–1)", edge="white",
                   linewidth=0.2, cbar_box=(0.03, -0.12, 0.94, 0.045), every_tick=True, title=name,
                   inset_box=MAP_INSET if last else None, colorbar=last)
        layer[layer["merged"]].plot(ax=ax, facecolor="none", edgecolor="#222222", hatch="////", linewidth=0.4)
        layer.dissolve("iso3").boundary.plot(ax=ax, color="#222222", linewidth=0.6)
        if part is not layer:
            x0, y0, x1, y1 = part.total_bounds
            pad = 0.02 * (x1 - x0)
            ax.set_xlim(x0 - pad, x1 + pad)
            ax.set_ylim(y0 - pad, y1 + pad)
            axes[0].add_patch(mpatches.Rectangle((x0 - pad, y0 - pad), x1 - x0 + 2 * pad, y1 - y0 + 2 * pad,
                                                 fill=False, edgecolor="#333333", linewidth=0.8, zorder=6))
        top -= h + 0.45
        ax.northam_labelled = layer[labelled]
    for ax in axes[:3]:  # once every panel (and the boxes on the first) is drawn
        numbered += identify(ax, ax.northam_labelled)
    phone_key(axes[3], numbered, top=top - 0.7, title="Key to the short labels", by_country=True)
    return fig


def _shdi_figure(layer, *, phone: bool):
    if phone:
        return _shdi_phone_figure(layer)
    title = f"Human development by state and province, {maps.SHDI_YEAR}"
    subtitle = "Subnational Human Development Index, index 0–1, one scale for the three countries"
    fig, (ax, kax) = charts.figure(title, subtitle, nrows=2, height=10.6)
    place_axes(ax, 0.0, 3.5, 7.3, 6.0)
    place_axes(kax, 0.1, 0.15, 7.1, 2.55)
    choropleth(ax, layer, "shdi", bins=SHDI_BINS, label=f"Subnational HDI, {maps.SHDI_YEAR} (index 0–1)", edge="white",
               linewidth=0.25, cbar_box=(0.02, -0.045, 0.5, 0.022), every_tick=True, inset_box=SHDI_INSET,
               inset_states=(*MX_INSET, "MEX-01", "MEX-11", "MEX-22"))
    layer[layer["merged"]].plot(ax=ax, facecolor="none", edgecolor="#222222", hatch="////", linewidth=0.4)
    layer.dissolve("iso3").boundary.plot(ax=ax, color="#222222", linewidth=0.6)
    # five columns: six run past the canvas
    draw_key(kax, identify(ax, layer), ncols=5, fontsize=8.0, title="Key to the short labels", by_country=True)
    return fig


def shdi_map(data: pd.DataFrame | None = None) -> None:
    """Map of the subnational HDI (:data:`maps.SHDI_YEAR`) of every state, province and territory, index 0-1, one scale;
    Canada's merged GDL region hatched; every region named or given its short label, with a key; central
    Mexico enlarged (table: :func:`maps.shdi_table`)."""
    t = maps.shdi_table() if data is None else data
    if not t["shdi"].between(SHDI_BINS[0], SHDI_BINS[-1]).all():
        raise ValueError(f"SHDI {maps.SHDI_YEAR}: values {t['shdi'].min():.3f}-{t['shdi'].max():.3f} fall outside the "
                         f"colour classes {SHDI_BINS[0]}-{SHDI_BINS[-1]} (SHDI_BINS)")
    layer = maps.on_map(t[["region_id", "iso3", "shdi", "merged"]], what=f"SHDI {maps.SHDI_YEAR} to admin-1 regions")
    fig = _shdi_figure(layer, phone=False)
    k = maps.key_numbers()
    us, can = t[t["iso3"] == "USA"], t[t["iso3"] == "CAN"].drop_duplicates("gdlcode")
    us_median = us["shdi"].median()
    highest = t[t["shdi"] == t["shdi"].max()]
    can_names = can["region"].where(~can["merged"], f"the merged region of {k['maps_can_merged_names']}")
    below = can_names[can["shdi"] < us_median]
    can_text = (f"Of Canada's {len(can)} GDL regions, {int((can['shdi'] > us_median).sum())} score above the median "
                f"US state ({us_median:.3f}) and {len(below)} below it"
                + (f": {and_list(below)}" if len(below) else ""))
    charts.publish(
        fig, "maps-shdi-2022", data=t, phone=_shdi_figure(layer, phone=True), palette=MAP_PALETTE, dpi=MAP_DPI,
        source="Global Data Lab, SHDI v8.0; boundaries Census (us-atlas), Natural Earth, INEGI via MCV",
        note=f"Hatched: {k['maps_can_merged_names']} form one GDL region with one value.",
        alt=(f"Map of the {len(t)} states, provinces and territories of North America shaded by their {maps.SHDI_YEAR} human "
             f"development index, each named or labelled with its postal code or INEGI number (key below), central "
             f"Mexico enlarged. Every Mexican state is darker than every US state: the highest, "
             f"{k['maps_shdi_mx_max_name']}, scores {k['maps_shdi_mx_max']:.3f}, below the lowest US state, "
             f"{k['maps_shdi_us_min_name']}, at {k['maps_shdi_us_min']:.3f}. The lightest, at "
             f"{highest['shdi'].iloc[0]:.3f}, {'is' if len(highest) == 1 else 'are'} "
             f"{and_list(highest['name'])}. {can_text}."),
        caption=f"Subnational HDI {maps.SHDI_YEAR}. Regions too small for their name carry a postal code (US, Canada) or INEGI "
                "number (Mexico), listed in the key; the box enlarges central Mexico. Canada's hatched units share "
                "one value (see note). Palette readable in grayscale.")


def convergence(data: pd.DataFrame | None = None) -> None:
    """Highest minus lowest state per country, and the US median state minus Mexico's, SHDI index points,
    every year of the SHDI (table: :func:`maps.convergence`)."""
    conv = maps.convergence() if data is None else data
    span = f"{int(conv['year'].min())}–{int(conv['year'].max())}"
    fig, (a1, a2) = charts.figure(f"Gaps in human development, {span}", "Subnational HDI, index points "
                                  "(0–1 scale)", ncols=2, height=4.2)
    by_year = conv.set_index("year")
    for iso in MEMBERS:
        a1.plot(conv["year"], conv[f"range_{iso}"], color=charts.country_color(iso))
    a1.set_ylim(0, None)
    # a name of two words on two lines: the gap between the panels is narrow on a phone
    label_ends(a1, {charts.country_label(iso).replace(" ", "\n"): (by_year[f"range_{iso}"], charts.country_color(iso))
                    for iso in MEMBERS})
    a1.set_title("Highest minus lowest state", fontsize=10, pad=4)
    a2.plot(conv["year"], conv["gap_median_USA_MEX"], color=SERIES["black"])
    a2.set_ylim(0, None)
    a2.yaxis.tick_right()  # its numbers on the right: the left panel's line-end labels run into the gap
    a2.spines["right"].set_visible(True)
    a2.spines["left"].set_visible(False)
    a2.set_title("US median state minus Mexico's", fontsize=10, pad=4)
    fig.subplots_adjust(top=0.78, wspace=0.6)
    first, last = conv.iloc[0], conv.iloc[-1]
    charts.publish(
        fig, "maps-convergence", data=conv, source="Global Data Lab, SHDI v8.0",
        finite=[*(f"range_{m}" for m in MEMBERS), "gap_median_USA_MEX"],
        alt=(f"Two line charts, {span.replace('–', ' to ')}. First: the spread within Mexico stays near {last['range_MEX']:.2f}, "
             f"above the US ({last['range_USA']:.2f}) and Canada ({last['range_CAN']:.2f}). Second: the gap "
             f"between the US and Mexican median states narrows from {first['gap_median_USA_MEX']:.3f} to "
             f"{last['gap_median_USA_MEX']:.3f}."),
        caption="Within-country spread of the subnational HDI and the gap between the median US and Mexican "
                "states.")


def _components_figure(comp: pd.DataFrame, *, phone: bool):
    """The three panels of :func:`components`: side by side on the desktop canvas; on the phone's one under
    another, sharing the years, each with the countries named at its line ends (the canvas is too narrow for
    three panels' years and titles side by side)."""
    fig, axes = charts.figure(f"Components of human development by region, "
                              f"{int(comp['year'].min())}–{int(comp['year'].max())}",
                              "SHDI sub-indices, index 0–1: median region (line) and lowest to highest (band)",
                              nrows=3 if phone else 1, ncols=1 if phone else 3, sharex=phone, sharey=True,
                              height=8.4 if phone else 3.8, phone=phone)
    for ax, name in zip(axes, ["health", "education", "income"], strict=True):
        for iso in MEMBERS:
            d = comp[(comp["component"] == name) & (comp["iso3"] == iso)]
            ax.fill_between(d["year"], d["min"], d["max"], color=charts.country_color(iso), alpha=0.2, lw=0)
            ax.plot(d["year"], d["median"], color=charts.country_color(iso), lw=1.8)
        ax.set_title(name.capitalize(), fontsize=10, pad=4)
        if phone or name == "income":  # on the desktop the panels share the labels of the last one
            part = comp[comp["component"] == name]
            label_ends(ax, {charts.country_label(iso): (part[part["iso3"] == iso].set_index("year")["median"],
                                                        charts.country_color(iso)) for iso in MEMBERS})
    fig.subplots_adjust(top=0.885 if phone else 0.78, hspace=0.3)
    return fig


def components(data: pd.DataFrame | None = None) -> None:
    """Health, education and income sub-indices by country: median region (line) and lowest to highest
    region (band), index 0-1, every year of the SHDI components; on the phone the panels one under another (table:
    :func:`maps.component_spread`)."""
    comp = maps.component_spread() if data is None else data
    fig = _components_figure(comp, phone=False)
    k = maps.key_numbers()
    charts.publish(
        fig, "maps-components", data=comp, source="Global Data Lab, SHDI v5.0 (Open Numbers DDF)",
        finite=["min", "median", "max"], phone=_components_figure(comp, phone=True),
        alt=(f"Three panels of lines and bands, {int(comp['year'].min())} to {int(comp['year'].max())}. In {k['maps_comp_year']} the US median region leads Mexico's by "
             f"{k['maps_comp_health_gap']:.2f} on health, {k['maps_comp_education_gap']:.2f} on "
             f"education and {k['maps_comp_income_gap']:.2f} on income; the Mexican bands are the widest."),
        caption="Health, education and income sub-indices by country: median region and range across regions.")


# --------------------------------------------------------------------------------------------------
# GDP per person against social progress


def _label_outliers(ax, d: pd.DataFrame) -> None:
    """Name the outlier states next to their dots; of two close dots the left one is labelled above it (on its
    left it could run into the axis's numbers)."""
    prev = None
    for _, r in d[d["outlier"]].sort_values("gva_pc").iterrows():
        near = prev is not None and abs(np.log(r["gva_pc"] / prev["gva_pc"])) < 0.3 and abs(r["spi"] - prev["spi"]) < 2
        if near:
            ax.texts[-1].set(ha="center", position=(0, 5))
        ax.annotate(r["name"], (r["gva_pc"], r["spi"]), xytext=(5, -4 if near else -10), textcoords="offset points",
                    fontsize=8.5, ha="left", path_effects=_halo())
        prev = r


def gdp_spi(data: pd.DataFrame | None = None) -> None:
    """Scatter of the Social Progress Index (0-100) against GVA per person (thousand 2013 pesos, log axis),
    with the OLS fit, its 95% band and the outliers named (table: :func:`maps.gdp_spi_table`)."""
    fit = maps.fit_gdp_spi(maps.gdp_spi_table() if data is None else data)
    d, band = fit["data"], fit["band"]
    fig, ax = charts.figure(f"Income and social progress by Mexican state, {fit['year']}",
                            f"Social Progress Index (0–100, edition {maps.latest_edition()}) against gross value added "
                            "per person", height=4.8)
    ax.fill_between(band["gva_pc"], band["ci_low"], band["ci_high"], color=FIT, alpha=0.18, lw=0,
                    label="95% confidence band of the fit")
    ax.plot(band["gva_pc"], band["fit"], color=FIT, lw=1.8, label="OLS fit on log GVA per person")
    ax.scatter(d["gva_pc"], d["spi"], s=22, color=DARK, zorder=3, label="State")
    ax.set_xscale("log")
    # doublings from 25 thousand pesos, those inside the data's range (a tick outside would widen the axis)
    ticks = [t for t in 25 * 2.0 ** np.arange(8) if d["gva_pc"].min() / 1.25 <= t <= d["gva_pc"].max() * 1.25]
    ax.set_xticks(ticks, [f"{t:,.0f}" for t in ticks])
    ax.minorticks_off()
    ax.set_xlabel("Gross value added per person, thousand pesos (2013 prices), log scale")
    ax.set_ylabel("Social Progress Index (0–100)")
    _label_outliers(ax, d)
    ax.legend(loc="upper left", fontsize=8.5)
    out = d[d["outlier"]]
    outliers = ", ".join(out["name"])
    side = "below" if (out["resid"] < 0).all() else "above" if (out["resid"] > 0).all() else "on both sides of"
    edition = maps.latest_edition()
    charts.publish(
        fig, "maps-gdp-spi", data=d, units={"gva_pc": "thousand MXN per person (2013 prices)", "spi": "score 0-100"},
        source=("INEGI, PIB por entidad federativa (base 2013); CONAPO population; México, ¿cómo vamos?, IPS "
                f"estatal (edition {edition})"),
        alt=(f"Scatter plot of the {len(d)} states with a rising fitted line: each doubling of value added per person "
             f"goes with {fit['slope']:.1f} more index points (95% interval {fit['slope_ci'][0]:.1f} to "
             f"{fit['slope_ci'][1]:.1f}; R² {fit['r2']:.2f}). Labelled outliers, {side} the line: {outliers}."),
        caption="Each dot is a state. Band: 95% confidence interval of the fitted mean. Labelled: outliers (large "
                "residual or influence).")

"""The label layout of a drawn map, as a JSON record: what the checks of a map's labels read.

:func:`northam.charts.publish` writes it into each rendition of a map's ``figure.json`` (key ``map_labels``),
from the figure as saved, so the checks that every region is identifiable and that labels do not overlap
(``tests/test_map_labels.py``) read the maps the build published instead of drawing them again.
"""

from __future__ import annotations

import shapely
import shapely.affinity

#: Prefixes of the gids of map labels: a region's name, its short label (INEGI number, postal code), a key entry.
LABEL_KINDS = ("name", "label", "key")


def _axes(fig) -> list:
    """Every axes of the figure, each followed by its insets (child axes), each once, in drawing order."""
    out: list = []
    for ax in fig.axes:
        for a in (ax, *ax.child_axes):
            if not any(a is b for b in out):
                out.append(a)
    return out


def _r(v: float) -> float:
    return round(float(v), 2)


def _outline(t, renderer) -> list[list[float]]:
    """Corners of the box of a (possibly rotated) text in display pixels: its unrotated box, turned by its
    rotation about the box's centre."""
    angle = t.get_rotation()
    t.set_rotation(0)
    try:
        b = t.get_window_extent(renderer)
    finally:
        t.set_rotation(angle)
    cx, cy = (b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2
    poly = shapely.affinity.rotate(shapely.box(b.x0, b.y0, b.x1, b.y1), angle, origin=(cx, cy))
    return [[_r(x), _r(y)] for x, y in list(poly.exterior.coords)[:-1]]


def _is_label(t) -> bool:
    gid = t.get_gid()
    return isinstance(gid, str) and gid.split(":", 1)[0] in LABEL_KINDS and ":" in gid


def label_layout(fig) -> dict | None:
    """The layout of the map labels of ``fig``, or None when it has none (no text whose gid starts with
    ``name:``, ``label:`` or ``key:``). Call on the figure as drawn (after ``savefig``).

    Units: positions and boxes in display pixels of the figure canvas at ``dpi`` (the rendition's dpi: the
    figure's dpi when saved; before savefig's tight crop, so only relative positions mean anything); axes
    limits in data coordinates. Floats rounded to 2 decimals. The record::

        {"dpi": float, "units": {...},
         "axes": [{"index": i,                  # position in this list: fig.axes, each followed by its insets
                   "visible": bool,
                   "xlim": [x0, x1], "ylim": [y0, y1],   # data coordinates
                   "states": [region ids] | None,        # an inset of central Mexican states (``northam_states``)
                   "inset": index | None,                # the axes of its central-Mexico inset (``northam_inset``)
                   "children": [[x0, y0, x1, y1], ...],  # tight boxes of its child axes (insets, colour bars)
                   "leaders": [gid, ...],                # gids of its lines (``leader:<region>``)
                   "texts": [{"gid": str | None, "text": str, "rotation": degrees,
                              "outline": [[x, y] * 4]}]}]}   # every text of the axes; outline: its box turned
    """
    axes = _axes(fig)
    if not any(_is_label(t) for ax in axes for t in ax.texts):
        return None
    renderer = fig.canvas.get_renderer()
    index = {id(a): i for i, a in enumerate(axes)}
    records = []
    for i, ax in enumerate(axes):
        inset = getattr(ax, "northam_inset", None)
        states = getattr(ax, "northam_states", None)
        children = []
        for child in ax.child_axes:
            c = child.get_tightbbox(renderer)
            children.append([_r(c.x0), _r(c.y0), _r(c.x1), _r(c.y1)])
        records.append({
            "index": i,
            "visible": bool(ax.get_visible()),
            "xlim": [_r(v) for v in ax.get_xlim()],
            "ylim": [_r(v) for v in ax.get_ylim()],
            "states": list(states) if states else None,
            "inset": index.get(id(inset)) if inset is not None else None,
            "children": children,
            "leaders": [line.get_gid() for line in ax.lines if line.get_gid()],
            "texts": [{"gid": t.get_gid(), "text": t.get_text(), "rotation": _r(t.get_rotation()),
                       "outline": _outline(t, renderer)} for t in ax.texts],
        })
    return {"dpi": _r(fig.dpi),
            "units": {"outline": "display pixels", "children": "display pixels", "xlim": "data", "ylim": "data",
                      "rotation": "degrees"},
            "axes": records}

"""Charts on a phone and for colour-blind readers: the renditions `charts.publish` writes, the text size it
records, the series colours it records, and the deuteranopia check the book tier applies to every figure."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from northam import charts, countries
from northam.figures.common import SERIES


@pytest.fixture
def publish_dir(tmp_path, monkeypatch):
    from northam import downloads

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NORTHAM_FIGURE_DIR", str(tmp_path / "figs"))
    downloads.start("demo", "Demo", "cite")
    return tmp_path / "figs" / "demo"


def _record(folder, slug) -> dict:
    return json.loads((folder / f"{slug}.figure.json").read_text())


def test_cvd_checker_flags_a_pair_deuteranopes_confuse():
    # the book's old China (Okabe-Ito reddish purple) against the world's grey: 6.5 apart for a deuteranope,
    # though 40 apart for other readers
    assert charts.cvd_close_pairs(["#CC79A7", "#999999"])
    assert charts.cvd_distance("#CC79A7", "#999999") < 8
    # red and green of the same lightness collapse; blue against orange stays far apart
    assert charts.cvd_close_pairs(["#D62728", "#2CA02C"], threshold=20)
    assert not charts.cvd_close_pairs(["#0072B2", "#E69F00"])
    assert charts.cvd_distance("#0072B2", "#0072B2") == pytest.approx(0, abs=1e-9)


def test_country_colours_of_the_region_and_china_stay_apart_for_deuteranopes():
    isos = ["USA", "MEX", "CAN", "CHN"]
    assert not charts.cvd_close_pairs([countries.color(c) for c in isos])
    # and no non-country series colour is a country colour (orange or green never means "deficit")
    assert not {c.upper() for c in SERIES.values()} & {c.upper() for c in countries.COLORS.values()}


def test_publish_writes_a_desktop_and_a_phone_rendition_within_their_canvas(publish_dir):
    fig, ax = charts.figure("A title long enough to need two lines on the phone canvas of the book",
                            "Billion current US dollars")
    x = np.arange(1990, 2025)
    for i, iso in enumerate(["USA", "MEX", "CAN", "CHN"]):
        ax.plot(x, x * 0 + i, color=charts.country_color(iso), label=f"{countries.name(iso)}, a long label")
    ax.legend(ncol=4, loc="upper left")  # four columns run far past a phone canvas
    ax.annotate("a small note", (2000, 1), fontsize=7)
    charts.publish(fig, "demo-lines", data=pd.DataFrame({"x": x}), source="Test", alt="lines", caption="c")
    rec = _record(publish_dir, "demo-lines")
    desktop, phone = rec["renditions"]["desktop"], rec["renditions"]["phone"]
    for r, width in ((desktop, charts.WIDTH), (phone, charts.PHONE_WIDTH)):
        assert (publish_dir / r["file"]).is_file()
        assert r["width_px"] <= round(width * charts.DPI) + 2, r  # nothing drawn past the canvas
        assert r["smallest_text_pt"] == 7  # the annotation, not the ticks (10.5) or the source line (8)
        assert r["smallest_text_px"] == pytest.approx(7 * charts.DPI / 72, abs=0.01)
    assert phone["file"] == "demo-lines.phone.png" and phone["width_px"] < desktop["width_px"] * 0.6
    from PIL import Image

    with Image.open(publish_dir / phone["file"]) as im:
        assert im.mode == "P"  # 8-bit palette
    colours = {c["color"] for c in rec["series_colors"]}
    assert colours == {charts.country_color(i).lower() for i in ["USA", "MEX", "CAN", "CHN"]}


def test_series_colours_count_lines_and_bars_but_not_reference_lines(publish_dir):
    fig, ax = charts.figure("Bars", "units")
    ax.bar([1, 2], [3, 4], color=SERIES["indigo"], label="exports")
    ax.bar([1, 2], [1, 1], bottom=[3, 4], color=SERIES["sand"], label="imports")
    ax.axhline(2, color="#888888")
    charts.mark_years(ax, {1.5: "mark"})
    ax.plot([1, 2], [2, 3], color=SERIES["wine"], alpha=0.5)
    charts.publish(fig, "demo-bars", data=pd.DataFrame({"a": [1]}), source="Test", alt="bars", caption="c")
    got = {c["color"] for c in _record(publish_dir, "demo-bars")["series_colors"]}
    assert got == {SERIES["indigo"].lower(), SERIES["sand"].lower(), "#c390aa"}  # wine at half opacity, on white


def test_smallest_text_ignores_ticks_outside_the_view():
    fig, ax = charts.figure("T", "units")
    ax.plot([0, 1], [0, 1])
    ax.set_xticks([0, 1, 5], ["0", "1", "far"])
    ax.get_xticklabels()[2].set_fontsize(4)  # a tick at x=5, outside the limits: never drawn
    ax.set_xlim(0, 1)
    fig.canvas.draw()
    assert charts.smallest_text_pt(fig) == 10  # the subtitle
    ax.get_xticklabels()[1].set_fontsize(6)
    assert charts.smallest_text_pt(fig) == 6


def test_picture_html_serves_the_phone_rendition_to_narrow_screens_only():
    from northam.sphinxext import picture_html

    body = ('<figure class="align-default" id="fig-demo-lines">\n<a class="reference internal image-reference" '
            'href="../_images/demo-lines.png"><img alt="lines" src="../_images/demo-lines.png" style="width: 100%;" />'
            '\n</a><figcaption>c</figcaption></figure><figure id="fig-other"><img alt="x" src="o.png" /></figure>')
    rec = {"slug": "demo-lines", "phone_max_viewport_px": charts.PHONE_MAX_VIEWPORT, "renditions": {"desktop": {"file": "demo-lines.png", "smallest_text_px": 20.0},
                                                "phone": {"file": "demo-lines.phone.png", "smallest_text_px": 20.0}}}
    out = picture_html(body, "notebooks/demo", {"demo-lines": ("demo", rec)})
    assert (f'<picture><source media="(max-width: {charts.PHONE_MAX_VIEWPORT}px)" '
            'srcset="../data/demo/demo-lines.phone.png">') in out
    assert 'src="../_images/demo-lines.png" style="width: 100%;" data-smallest-text-px="20.0"' in out
    assert out.count("<picture>") == 1 and '<img alt="x" src="o.png" />' in out  # no record: unchanged


def test_a_map_gets_the_phone_layout_it_is_given_and_none_without_one(publish_dir):
    """A figure with axes placed by hand (a map keeps its shape) is not redrawn narrower: its phone rendition is
    the phone layout passed as ``phone=``, drawn on the phone canvas, or there is none."""
    def drawn(phone: bool):
        fig, ax = charts.figure("A map", "units", phone=phone)
        ax.set_position([0.05, 0.1, 0.9, 0.7])  # placed by hand
        ax.plot([0, 1], [0, 1], color=SERIES["indigo"])
        ax.set_aspect("equal")
        ax.annotate("label", (0.5, 0.5), fontsize=9)
        return fig

    charts.publish(drawn(False), "demo-map", data=pd.DataFrame({"a": [1]}), source="Test", alt="map", caption="c",
                   phone=drawn(True))
    phone = _record(publish_dir, "demo-map")["renditions"]["phone"]
    assert phone["file"] == "demo-map.phone.png" and phone["smallest_text_pt"] == 8  # the source line
    assert phone["width_px"] <= round(charts.PHONE_WIDTH * charts.DPI) + 2
    charts.publish(drawn(False), "demo-map", data=pd.DataFrame({"a": [1]}), source="Test", alt="map", caption="c")
    assert _record(publish_dir, "demo-map")["renditions"]["phone"] is None
    assert not (publish_dir / "demo-map.phone.png").exists()  # no stale phone file left to serve


def test_a_small_palette_keeps_every_flat_colour_exactly(tmp_path):
    """However few colours the palette has, a colour filling a block of pixels (a map class, white) is kept
    exactly, even one drawn small next to a large smooth gradient that would win a median cut."""
    from PIL import Image

    grad = np.linspace(0, 255, 400).astype(np.uint8)
    rgb = np.stack(np.broadcast_arrays(grad[None, :], grad[:, None], np.uint8(90)), axis=2).copy()
    rgb[:20, :20] = (253, 231, 37)  # viridis' yellow, 400 px of 160,000
    rgb[-30:, -30:] = (255, 255, 255)
    path = tmp_path / "x.png"
    Image.fromarray(rgb).save(path)
    charts._quantize(path, 16)
    with Image.open(path) as im:
        assert im.mode == "P" and len(im.getcolors()) <= 16
        out = np.asarray(im.convert("RGB"))
    assert tuple(out[5, 5]) == (253, 231, 37) and tuple(out[-5, -5]) == (255, 255, 255)


def test_thinned_date_ticks_keep_their_year_labels():
    """A monthly series on a narrow canvas: every other year tick goes, and the kept ones still read as years
    (matplotlib's automatic date labels fall back to full dates once the ticks are fixed)."""
    import re

    from matplotlib.dates import num2date

    fig, ax = charts.figure("Title", "Subtitle")
    months = pd.date_range("1948-01-01", "2025-01-01", freq="MS")
    ax.plot(months, np.arange(len(months)))
    fig.set_size_inches(charts.PHONE_WIDTH / 2, charts.HEIGHT)  # narrower than a phone: the labels overlap
    fig.draw_without_rendering()
    before = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    charts._thin_ticks(fig)
    fig.draw_without_rendering()
    lo, hi = ax.get_xlim()
    after = [t.get_text() for t, x in zip(ax.get_xticklabels(), ax.get_xticks(), strict=True) if lo <= x <= hi]
    assert 1 < len(after) < len(before), (before, after)
    assert all(re.fullmatch(r"\d{4}", s) for s in after), after
    years = [int(s) for s in after]  # each label names the year of its tick
    assert [num2date(x).year for x in ax.get_xticks() if lo <= x <= hi] == years


def test_line_end_labels_follow_limits_set_after_them(publish_dir):
    """Labels drawn, then the axis inverted and its limits widened (as a rank chart does): once published,
    each label sits level with its line's last point, the highest rank (1) at the top."""
    from northam.figures.common import label_ends

    fig, ax = charts.figure("Ranks", "Rank, 1 = largest")
    x = np.arange(2000, 2011)
    ranks = {"First": np.ones(len(x)), "Tenth": np.full(len(x), 10.0), "Twentieth": np.full(len(x), 20.0)}
    for r in ranks.values():
        ax.plot(x, r)
    label_ends(ax, {name: (pd.Series(r, index=x), "#000000") for name, r in ranks.items()})
    ax.invert_yaxis()
    ax.set_ylim(25, 0)
    charts.publish(fig, "demo-ranks", data=pd.DataFrame({"x": x}), source="Test", alt="ranks", caption="c")
    labels = {a.get_text(): a for a in ax.texts if a.get_text() in ranks}
    assert set(labels) == set(ranks)
    for name, r in ranks.items():
        text_y = ax.transAxes.inverted().transform(labels[name].get_window_extent().get_points().mean(axis=0))[1]
        line_y = ax.transAxes.inverted().transform(ax.transData.transform((x[-1], r[-1])))[1]
        assert text_y == pytest.approx(line_y, abs=0.03), name


def test_panels_side_by_side_are_stacked_on_the_phone(publish_dir):
    """A row of two panels sharing their y axis: on the phone canvas the second goes under the first, each as
    wide as the row was, with its own y numbers; the subtitle names them top and bottom. The desktop rendition
    keeps them side by side."""
    fig, (a1, a2) = charts.figure("Two panels", "Left: billion US dollars; right: percent", ncols=2, sharey=True)
    for ax in (a1, a2):
        ax.plot([2000, 2010, 2020], [1, 3, 2])
    charts.publish(fig, "demo-panels", data=pd.DataFrame({"x": [1]}), source="Test", alt="two", caption="c")
    rec = _record(publish_dir, "demo-panels")
    desktop, phone = rec["renditions"]["desktop"], rec["renditions"]["phone"]
    assert phone["height_px"] > 1.4 * desktop["height_px"]  # two panels one under another
    (p1, p2) = (ax.get_position() for ax in (a1, a2))
    assert p2.y1 < p1.y0 and abs(p1.x0 - p2.x0) < 1e-6 and abs(p1.width - p2.width) < 1e-6
    assert all(t.label1.get_visible() for t in a2.yaxis.get_major_ticks()[1:-1])
    assert fig._northam_subtitle.get_text().replace("\n", " ") == "Top: billion US dollars; bottom: percent"


def test_the_box_saved_is_the_one_a_full_layout_pass_gives(publish_dir, monkeypatch):
    """Placing the source line measures the figure without it; the saved image's box is that box joined with
    the source line's, not measured again: it must equal a fresh measure of everything, on both canvases (a
    legend moved under the plot and panels stacked on the phone included)."""
    seen, draw = [], charts._drawn_pixels

    def checked(fig, dpi):
        _, kept = fig._northam_tight
        seen.append((tuple(kept.bounds), tuple(fig.get_tightbbox(fig.canvas.get_renderer()).bounds)))
        return draw(fig, dpi)

    monkeypatch.setattr(charts, "_drawn_pixels", checked)
    fig, (a1, a2) = charts.figure("Two panels and a wide legend", "Billion US dollars", ncols=2)
    for ax in (a1, a2):
        for iso in ("USA", "MEX", "CAN", "CHN"):
            ax.plot([2000, 2010, 2020], [1, 3, 2], color=charts.country_color(iso), label=countries.name(iso))
    a2.legend(ncol=4, loc="upper left")
    charts.publish(fig, "demo-box", data=pd.DataFrame({"x": [1]}), source="Test, a source line long enough to "
                   "wrap onto a second line on the phone canvas", alt="two", caption="c")
    assert len(seen) == 2
    for kept, fresh in seen:
        assert kept == fresh


def test_a_phone_layout_of_its_own_is_not_restacked(publish_dir):
    fig, (a1, a2) = charts.figure("Two panels", "Left: one; right: two", ncols=2)
    phone, (b1, b2) = charts.figure("Two panels", "Left: one; right: two", ncols=2, phone=True)
    for ax in (a1, a2, b1, b2):
        ax.plot([0, 1], [0, 1])
    charts.publish(fig, "demo-own", data=pd.DataFrame({"x": [1]}), source="Test", alt="two", caption="c",
                   phone=phone)
    assert b1.get_position().y0 == pytest.approx(b2.get_position().y0)  # still side by side
    assert "Left: one" in phone._northam_subtitle.get_text()


def test_category_names_that_collide_under_bars_are_turned_upright(publish_dir):
    fig, ax = charts.figure("Bars", "Thousand pounds")
    years = list(range(2015, 2027))
    ax.bar(years, np.arange(len(years)))
    ax.set_xticks(years, [f"FY{y}" for y in years])
    charts.publish(fig, "demo-bars", data=pd.DataFrame({"x": years}), source="Test", alt="bars", caption="c")
    # the figure was last drawn on the phone canvas, where twelve "FY2015" labels cannot stand side by side
    assert {label.get_rotation() for label in ax.get_xticklabels()} == {90}
    fig2, ax2 = charts.figure("Bars", "Thousand pounds")
    ax2.bar([0, 1], [1, 2])
    ax2.set_xticks([0, 1], ["A", "B"])
    charts.publish(fig2, "demo-two-bars", data=pd.DataFrame({"x": [0, 1]}), source="Test", alt="bars", caption="c")
    assert {label.get_rotation() for label in ax2.get_xticklabels()} == {0}  # room enough: left as they are


def test_a_map_layer_does_not_draw_the_whole_figure(monkeypatch):
    """geopandas ends each layer with ``canvas.draw_idle()``; on the book's Agg canvas that would draw the whole
    figure and throw it away. A figure of the house style skips those drawings; publishing still draws it."""
    import geopandas as gpd
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure
    from shapely.geometry import box

    drawn = []
    real_draw = Figure.draw
    monkeypatch.setattr(Figure, "draw", lambda self, renderer: drawn.append(self) or real_draw(self, renderer))
    fig, ax = charts.figure("Title", "Subtitle")
    gpd.GeoDataFrame({"v": [1.0, 2.0]}, geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)]).plot(ax=ax, column="v")
    assert drawn == []
    fig.draw_without_rendering()
    assert drawn == [fig]
    plt.close(fig)


@pytest.mark.parametrize("width", [charts.WIDTH, charts.PHONE_WIDTH])
def test_year_ticks_fall_on_years_with_data(width):
    """Sparse, irregular years (every fifth year, then 2019 and 2021): every tick shown is a year with data,
    at both canvas widths (matplotlib's round numbers alone would show 2020, which has none)."""
    import matplotlib.pyplot as plt

    from northam.figures.common import year_axis

    years = [1990, 1995, 2000, 2005, 2010, 2015, 2019, 2021]
    fig, ax = charts.figure("Title", "Subtitle")
    ax.plot(years, np.linspace(4, 12, len(years)), marker="o")
    year_axis(ax)
    fig.set_size_inches(width, charts.HEIGHT)
    fig.draw_without_rendering()
    lo, hi = ax.get_xlim()
    shown = [t for t in ax.get_xticks() if lo <= t <= hi]
    assert len(shown) >= 3 and set(shown) <= set(years), shown
    plt.close(fig)


def test_a_partial_year_label_keeps_clear_of_the_bars_beside_it():
    """The label over a partial year's bar (security charts) is moved until it keeps its room from the other
    bars, on the narrow phone canvas where the bars stand close together."""
    import matplotlib.pyplot as plt

    from northam.figures import security

    fig, ax = charts.figure("Title", "Subtitle", phone=True)
    heights = [15, 17, 12, 10, 16, 8, 14, 17, 11, 18, 23, 29, 15, 14, 13, 20, 16, 18, 24, 22, 21, 11, 19]
    bars = ax.bar(range(2000, 2000 + len(heights)), heights, width=0.8)
    security._mark_partial(ax, [bars[-1]], "to Aug.")
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    label = next(t for t in ax.texts + ax.artists if getattr(t, "get_text", lambda: "")().replace("\n", " ") == "to Aug.")
    box = label.get_window_extent(renderer)
    room = 5 * fig.dpi / 72 - 1  # the label's room, in pixels (a pixel of rounding)
    for bar in bars[:-1]:
        assert not bar.get_window_extent(renderer).overlaps(box.padded(room)), bar.get_x()
    plt.close(fig)


def test_a_small_table_keeps_the_digits_it_was_formatted_with(monkeypatch):
    """``charts.table`` shows every float with one decimal: a whole value keeps its ".0" (the age table showed
    "25" beside "18.2"), thousands keep their separator, numbers stay right-aligned."""
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj.data))
    charts.table(pd.DataFrame({"country": ["Mexico", "World"], "share": [25.0, 1234.56], "n": [1, 2]}))
    rows = shown[0].splitlines()
    assert "25.0" in rows[2] and "1,234.6" in rows[3]
    assert rows[1].startswith("|:") and rows[1].endswith(":|")  # text left, numbers right


def _busy_figure(title: str):
    """Two panels, a wide legend, bars with long category names and a long source line: every layout step of a
    rendition has work to do (legend columns, category labels, panels stacked on the phone, footer wrapped)."""
    fig, (a1, a2) = charts.figure(title, "Billion US dollars", ncols=2)
    for iso in ("USA", "MEX", "CAN", "CHN"):
        a1.plot(np.arange(1990, 2025), np.linspace(1, 3, 35) + len(iso), color=charts.country_color(iso),
                label=countries.name(iso))
    a1.legend(ncol=4, loc="upper left")
    a2.bar(["Vehicles and parts", "Electrical machinery", "Mineral fuels", "Medical devices"], [4, 3, 2, 1])
    return fig


def test_the_drawing_passes_left_out_change_no_pixel(publish_dir, monkeypatch):
    """A rendition skips the drawing pass before its layout steps, and the one after fitting the width when that
    fit ended on a measure of the final layout. Forcing both passes back gives the same PNG bytes, desktop and
    phone."""
    def publish(slug):
        charts.publish(_busy_figure("A figure with much to lay out"), slug, data=pd.DataFrame({"x": [1]}),
                       source="Test, a source line long enough to wrap onto a second line on the phone canvas",
                       alt="busy", caption="c")
        return [(publish_dir / f"{slug}{ext}").read_bytes() for ext in (".png", ".phone.png")]

    lean = publish("demo-lean")
    for step in ("_wrap_category_labels", "_wrap_figure_texts"):  # the first layout steps: a drawing pass before
        original = getattr(charts, step)
        monkeypatch.setattr(charts, step, lambda fig, width, _step=original: (fig.draw_without_rendering(),
                                                                             _step(fig, width))[1])
    fit = charts._fit_width
    monkeypatch.setattr(charts, "_fit_width", lambda fig, width: fit(fig, width) and False)  # and one after the fit
    assert publish("demo-full") == lean

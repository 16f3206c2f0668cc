"""Figures of the chapter "Security" (:mod:`northam.analysis.security`).

Every function takes the table it plots (default: the analysis function of the same name), draws it in
the house style and publishes it with :func:`northam.charts.publish`: the CSV is exactly the plotted
table. Colours: the three countries keep their book colours; other series use the Okabe-Ito palette with
distinct line styles or hatches, so they stay apart for colour-blind readers and in grayscale.
"""

from __future__ import annotations

import calendar
import math

import numpy as np
import pandas as pd
from matplotlib.text import Annotation, Text
from matplotlib.ticker import MaxNLocator

from .. import charts
from ..analysis import security
from ..prose import direction, ordinal, years_text
from ..sources import cdc_vsrr, cpj
from .maps import (
    MAP_DPI,
    MAP_INSET,
    MAP_PALETTE,
    PHONE_MAP_H,
    PHONE_MAP_W,
    choropleth,
    draw_key,
    identify,
    phone_key,
    place_axes,
)

GREY, DARK, ORANGE, SKY, PURPLE = "#666666", "#222222", "#E69F00", "#56B4E9", "#CC79A7"
HATCH = "////"
FIREARM = "#444444"
SESNSP_MONTHLY_SOURCE = "SESNSP victims of crimes of common jurisdiction, reshaped by I. Arroyo (datos_facil_acceso)"
SESNSP_SOURCE = SESNSP_MONTHLY_SOURCE + " and joined with CONAPO population"
#: Style of each homicide series: colour, line style, width.
HOMICIDE_STYLE = {
    "Mexico": (charts.country_color("MEX"), "-", 2.6),
    "United States": (charts.country_color("USA"), "-", 2.0),
    "Canada": (charts.country_color("CAN"), "-", 2.0),
    "Latin America and the Caribbean": (DARK, "--", 1.6),
    "Americas": (GREY, "-.", 1.6),
    "World": (GREY, ":", 2.0),
    security.SESNSP_COLUMN: (charts.country_color("MEX"), (0, (4, 2)), 1.4),
}
#: Class breaks of the state homicide map (victims per 100,000 people); the top class is widened to the data.
MAP_BREAKS = [0, 10, 20, 30, 45, 60, 80]
MAP_CMAP = "magma_r"  # light = low, dark = high; perceptually uniform, readable in grayscale
#: A report's point "sits on" a line when it is within this share of the line's value (the report rounds its
#: figures: 110,000, 75,000); further away it sits above or below.
ON_LINE = 0.02


def _against(value: float, line: float, tolerance: float = ON_LINE) -> str:
    """"on", "above" or "below": where a report's point sits against a line's value."""
    return "on" if abs(value - line) <= tolerance * abs(line) else "above" if value > line else "below"


class _ClearLabel(Annotation):
    """A label centred over a bar that keeps at least ``room`` points from every other bar of its axes. It is
    placed again at each draw, as the bars' spacing differs between the desktop and the phone renditions: moved
    sideways, away from a neighbour it would touch, as long as it still stands over its bar, inside the plot
    (else with one word a line), else past the plot's edge (the last bar's label), else raised over the
    neighbour."""

    def __init__(self, text: str, bar, *, lift: float = 3, room: float = 5, **kw):
        top = (bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height())
        super().__init__(text, top, xytext=(0, lift), textcoords="offset points", ha="center", va="bottom", **kw)
        self._words, self._bar, self._lift, self._room = text, bar, lift, room

    def _touching(self, box, renderer) -> list:
        """Window boxes of the other stacks' bars that come within ``room`` of ``box`` (a label's box)."""
        near = box.padded(self._room * self.get_figure(root=True).dpi / 72)
        return [b for p in self.axes.patches
                if p.get_data_transform() is self.axes.transData and abs(p.get_x() - self._bar.get_x()) > 1e-9
                and (b := p.get_window_extent(renderer)).overlaps(near)]

    def _place(self, renderer, dx: float = 0.0, dy: float = 0.0):
        """Put the label ``dx``, ``dy`` pixels away from its place over the bar; return its window box."""
        px = self.get_figure(root=True).dpi / 72
        self.xyann = (dx / px, self._lift + dy / px)
        super().update_positions(renderer)
        return Text.get_window_extent(self, renderer)

    def _sideways(self, renderer, inside: bool) -> float | None:
        """Pixels to move the label sideways to keep it clear of the bars (0: where it is), or None; ``inside``:
        the label must stay within the plot's width."""
        box = self._place(renderer)
        touching = self._touching(box, renderer)
        if not touching:
            return 0.0
        middle = self._bar.get_window_extent(renderer).intervalx.mean()
        pad = self._room * self.get_figure(root=True).dpi / 72
        left = [b for b in touching if b.x1 <= middle]
        if len(left) not in (0, len(touching)):
            return None  # neighbours on both sides
        pad += 1  # a pixel more: just clear, not on the edge
        dx = max(b.x1 for b in left) + pad - box.x0 if left else min(b.x0 for b in touching) - pad - box.x1
        moved = box.translated(dx, 0)
        fits = not inside or (self.axes.bbox.x0 <= moved.x0 and moved.x1 <= self.axes.bbox.x1)
        return dx if fits and moved.x0 < middle < moved.x1 and not self._touching(moved, renderer) else None

    def update_positions(self, renderer):
        for inside, text in ((True, self._words), (True, self._words.replace(" ", "\n")), (False, self._words)):
            self.set_text(text)
            if (dx := self._sideways(renderer, inside)) is not None:
                self._place(renderer, dx)
                return
        self.set_text(self._words)
        box = self._place(renderer)
        pad = self._room * self.get_figure(root=True).dpi / 72
        self._place(renderer, dy=max(b.y1 for b in self._touching(box, renderer)) + pad - box.y0)


def _mark_partial(ax, bars, label: str) -> None:
    """Hatch the bars of a partial period and write ``label`` above the tallest of them, clear of the bars
    beside it (:class:`_ClearLabel`)."""
    for b in bars:
        b.set_hatch(HATCH)
        b.set_edgecolor("white")
    top = max(bars, key=lambda b: b.get_y() + b.get_height())
    ax.add_artist(_ClearLabel(label, top, fontsize=8, color="#444444")).set_clip_on(False)  # as ax.annotate


def _stacked(ax, data: pd.DataFrame, columns: dict, partial: pd.Series, label: str, scale: float = 1.0,
             width: float = 0.8) -> None:
    """Stacked bars of ``columns`` (column -> (legend label, colour)); hatched where ``partial``."""
    bottom = np.zeros(len(data))
    partial_bars = []
    for col, (name, colour) in columns.items():
        bars = ax.bar(data.index, data[col] / scale, bottom=bottom, width=width, color=colour, label=name)
        partial_bars += [b for b, p in zip(bars, partial, strict=True) if p]
        bottom += (data[col] / scale).to_numpy()
    if partial_bars:
        _mark_partial(ax, partial_bars, label)


def _key_over_bars(ax, data: pd.DataFrame, columns: dict) -> None:
    """The key in the upper left with room for it above the tallest stack of ``columns``: on the phone the bars
    fill the plot's width, and a key drawn over them hides them."""
    ax.set_ylim(0, data[list(columns)].sum(axis=1).max() * 1.35)
    ax.legend(loc="upper left")


# --------------------------------------------------------------------------------------------------
# Homicide


def homicide_rates(data: pd.DataFrame | None = None) -> None:
    """Homicide rates 1990 to the latest year, Mexico against its neighbours, the region and the world,
    with the report's figures as points."""
    rates = security.homicide_rates() if data is None else data
    pts = security.report_homicide_points()
    fig, ax = charts.figure("Homicide rates: Mexico, its neighbours, the region and the world",
                            "Intentional homicides per 100,000 people per year", height=5)
    for col in rates.columns:
        colour, ls, lw = HOMICIDE_STYLE[col]
        ax.plot(rates.index, rates[col], color=colour, ls=ls, lw=lw,
                label=col if col != security.SESNSP_COLUMN else "Mexico, police-recorded victims (SESNSP)")
    for series, marker in (("Mexico", "D"), ("Americas", "s"), ("World", "^")):
        p = pts[pts["series"] == series]
        colour = HOMICIDE_STYLE[series][0]
        src = p["report_source"].iloc[0]
        ax.scatter(p["year"], p["reported"], marker=marker, s=42, facecolor="white", edgecolor=colour,
                   linewidth=1.6, zorder=4, label=f"{series}, report's figure ({src})")
    ax.set_ylim(0, float(np.nanmax(rates.to_numpy())) * 1.32)  # headroom for the legend
    ax.set_xlim(rates.index.min() - 0.5, rates.index.max() + 0.8)
    ax.legend(loc="upper left", fontsize=8, ncol=3, columnspacing=1.2)
    wide_pts = pts.assign(col=pts["series"] + ", reported (" + pts["report_source"] + ")").pivot(
        index="year", columns="col", values="reported")
    table = rates.join(wide_pts, how="left").rename_axis("year")
    last = int(rates["Mexico"].last_valid_index())
    mex = rates["Mexico"]
    usa = rates["United States"].loc[rates["United States"].first_valid_index():rates["United States"].last_valid_index()]
    regions_first = min(int(rates[c].first_valid_index()) for c in ("Latin America and the Caribbean", "Americas", "World"))
    gaps = ([f"UNODC gives no US rate for {years_text(usa.index[usa.isna()])}"] if usa.isna().any() else []) + [
        f"its regional and world series start in {regions_first}"]
    on_mex = [_against(r, rates.loc[y, "Mexico"], tolerance=0.05) for y, r in
              pts.loc[pts["series"] == "Mexico", ["year", "reported"]].itertuples(index=False)]
    am = pts[pts["series"] == "Americas"].iloc[0]
    charts.publish(
        fig, "security-homicide-rates", data=table,
        source="UNODC International Homicide Statistics via Our World in Data; " + SESNSP_SOURCE
               + "; report's figures: Wilson Center (2023), citing INEGI and WHO",
        gaps="; ".join(gaps) + ".",
        alt=(f"Line chart of homicide rates per 100,000 people, {int(rates.index.min())}-{last}. Mexico falls "
             f"from {mex.iloc[0]:.1f} in {int(mex.first_valid_index())} to {mex.min():.1f} in {int(mex.idxmin())}, "
             f"climbs to {mex.max():.1f} in {int(mex.idxmax())} and eases to {mex.loc[last]:.1f} in {last}, "
             f"{security.homicide_comparison(rates, last)}. The report's points for Mexico sit "
             + ("on its line" if set(on_mex) == {"on"} else "off its line")
             + f"; its Americas figure sits {_against(am['reported'], rates.loc[am['year'], 'Americas'], 0.05)} "
             "the UNODC Americas line."),
        caption="Intentional homicides per 100,000 people (UNODC). Dashed green: victims recorded by Mexico's "
                "police and prosecutors (SESNSP), intentional homicide plus femicide. Hollow markers: the "
                "report's figures; its Americas and world averages are WHO estimates for a year it does not "
                f"state, drawn at {security.WHO_COMPARISON_YEAR}, the year the report compares them with.")


def _homicide_figure(table: pd.DataFrame, mx, bins: list, *, phone: bool):
    import matplotlib.pyplot as plt

    year = int(table["year"].iloc[0])
    title = f"Victims of intentional homicide by Mexican state, {year}"
    subtitle = "Per 100,000 people; homicidio doloso plus femicide victims"
    label = f"Victims per 100,000 people, {year}"
    if phone:  # the map full width, its colour bar, the key in two columns, then the ranked bars
        height = 13.0
        fig, (a1, a2, kax) = charts.figure(title, subtitle, nrows=3, height=height, phone=True)
        map_bottom = height - 0.8 - PHONE_MAP_H
        place_axes(a1, 0.0, map_bottom, PHONE_MAP_W, PHONE_MAP_H)
        norm = choropleth(a1, mx, "rate_per_100k", bins=bins, cmap=MAP_CMAP, edge="#777777", linewidth=0.3,
                          label=label, cbar_box=(0.06, -0.12, 0.88, 0.05), every_tick=True, inset_box=MAP_INSET)
        key_bottom = phone_key(kax, identify(a1, mx), top=map_bottom - 0.85, title="Numbered states")
        place_axes(a2, 1.25, key_bottom - 0.3 - 4.9, PHONE_MAP_W - 1.4, 4.9)
    else:
        fig, (a1, a2, kax) = charts.figure(title, subtitle, ncols=3, height=12.2)
        place_axes(a1, 0.0, 6.3, 6.9, 5.2)
        place_axes(kax, 0.15, 5.1, 6.7, 1.0)
        place_axes(a2, 2.3, 0.35, 4.9, 4.3)
        norm = choropleth(a1, mx, "rate_per_100k", bins=bins, cmap=MAP_CMAP, edge="#777777", linewidth=0.3,
                          label=label, cbar_box=(0.03, 0.1, 0.42, 0.035), every_tick=True, inset_box=MAP_INSET)
        draw_key(kax, identify(a1, mx), ncols=4, title="Numbered states")
    ranked = table.sort_values("rate_per_100k")
    cmap = plt.get_cmap(MAP_CMAP, len(bins) - 1)
    a2.barh(ranked["state"], ranked["rate_per_100k"], color=[cmap(norm(v)) for v in ranked["rate_per_100k"]],
            edgecolor="#777777", linewidth=0.3, height=0.75)
    a2.tick_params(axis="y", labelsize=8, length=0)
    a2.grid(axis="y", visible=False)
    a2.grid(axis="x", visible=True)
    a2.set_ylim(-0.6, len(ranked) - 0.4)
    a2.set_xlabel("Victims per 100,000 people", fontsize=8.5)
    return fig


def homicide_map(data: pd.DataFrame | None = None) -> None:
    """Map of victims of intentional homicide per 100,000 people by Mexican state (latest full year), with
    the 32 states ranked below it in the map's colours; on the phone the map, its key and the bars one under
    the other."""
    table = security.homicide_by_state() if data is None else data
    year = int(table["year"].iloc[0])
    mx = security.homicide_layer(table)
    top = max(MAP_BREAKS[-1], math.ceil(table["rate_per_100k"].max() / 10) * 10)
    bins = MAP_BREAKS + ([top] if top > MAP_BREAKS[-1] else [])
    fig = _homicide_figure(table, mx, bins, phone=False)
    ranked = table.sort_values("rate_per_100k")
    first, second, third, last = (ranked.iloc[-1], ranked.iloc[-2], ranked.iloc[-3], ranked.iloc[0])
    charts.publish(
        fig, "security-homicide-states", data=table, source=SESNSP_SOURCE + "; boundaries INEGI via MCV",
        phone=_homicide_figure(table, mx, bins, phone=True), palette=MAP_PALETTE, dpi=MAP_DPI,
        units={"victims": "victims", "rate_per_100k": "victims per 100,000 people",
               "firearm_victims": "victims", "firearm_share_pct": "percent", "rank": "rank (1 = highest rate)"},
        alt=(f"Map of Mexico's {len(table)} states shaded by victims of intentional homicide per 100,000 people in {year}, "
             f"each state named or numbered (key below the map), central Mexico enlarged, with the states ranked below in "
             f"a bar chart. {first['state']} is highest ({first['rate_per_100k']:.0f}), "
             f"followed by {second['state']} ({second['rate_per_100k']:.0f}) and {third['state']} "
             f"({third['rate_per_100k']:.0f}); {', '.join(ranked['state'].iloc[1:4][::-1])} and {last['state']} are "
             f"lightest, {last['state']} lowest at {last['rate_per_100k']:.1f}."),
        caption=f"Victims of intentional homicide and femicide recorded by state prosecutors in {year}, per "
                "100,000 people (CONAPO mid-year population). States too small for their name carry their INEGI "
                f"number (key below the map); the box enlarges central Mexico. Below: the {len(table)} states ranked, "
                "in the map's classes.")


def firearm_share(data: pd.DataFrame | None = None) -> None:
    """Victims of intentional homicide by the means used, and the firearm share, with the report's 2022 figure."""
    t = security.firearm_share() if data is None else data
    rep = security.REPORTED["firearm_share_2022"]
    year = security.REPORT_LAST_YEAR
    fig, (a1, a2) = charts.figure("Intentional homicide in Mexico, by the means used",
                                  "Left: thousand victims per year. Right: share killed with a firearm, percent",
                                  ncols=2, height=4.4, gridspec_kw={"width_ratios": [1.5, 1]})
    means = {"firearm": ("Firearm", FIREARM), "knife or blade": ("Knife or blade", ORANGE),
             "other means": ("Other means", SKY), "not specified": ("Not specified", "#BBBBBB")}
    _stacked(a1, t, means, pd.Series(False, index=t.index), "", scale=1e3)
    a1.set_ylim(0, t["total"].max() / 1e3 * 1.3)
    a1.legend(loc="upper left", fontsize=8, ncol=2)
    a2.plot(t.index, t["firearm_share_pct"], color=FIREARM, marker="o", ms=3,
            label="SESNSP victims\n(police records)")
    a2.scatter([year], [rep], marker="D", s=42, facecolor="white", edgecolor=DARK, linewidth=1.6, zorder=4,
               label=f"Report, {year}\n(INEGI death records)")
    a2.set_ylim(0, 100)
    a2.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))  # whole years, as on the bars' axis
    # labels on two lines: the key fits in the narrow panel, clear of its left axis line
    a2.legend(loc="lower right", fontsize=8)
    table = t.assign(reported_firearm_share_pct=pd.Series({year: rep}).reindex(t.index))
    largest = t[list(means)].idxmax(axis=1)
    gap = rep - t.loc[year, "firearm_share_pct"]
    charts.publish(
        fig, "security-firearm-share", data=table, source=SESNSP_SOURCE + "; report: Wilson Center (2023)",
        finite=["firearm_share_pct"],
        alt=(f"Stacked bars of victims of intentional homicide by means, {int(t.index.min())}-{int(t.index.max())}, "
             f"rising from {t['total'].iloc[0]:,.0f} to a peak of {t['total'].max():,.0f} in {int(t['total'].idxmax())} "
             f"and {t['total'].iloc[-1]:,.0f} in {int(t.index.max())}, "
             + ("firearms the largest part every year" if (largest == "firearm").all()
                else f"firearms the largest part in {(largest == 'firearm').sum()} of {len(t)} years")
             + "; a line of the firearm share "
             f"{direction(t['firearm_share_pct'].iloc[-1], t['firearm_share_pct'].iloc[0], 'rising', 'falling', 'level')} "
             f"from {t['firearm_share_pct'].iloc[0]:.0f} to {t['firearm_share_pct'].iloc[-1]:.0f} percent, with the "
             f"report's {year} point ({rep}) {abs(gap):.1f} points {'above' if gap > 0 else 'below'} the line."),
        caption="Victims of intentional homicide and femicide in Mexico by means (SESNSP, full years), and the "
                f"share killed with a firearm. The report's {rep}% comes from death certificates (INEGI).")


# --------------------------------------------------------------------------------------------------
# Femicides


def _months_span(months: int, short: bool = False) -> str:
    """"January-June" (or "Jan–Jun"): the months a partial year holds, from January."""
    names = calendar.month_abbr if short else calendar.month_name
    return names[1] if months == 1 else f"{names[1]}{'–' if short else '-'}{names[months]}"


def women_killed(data: pd.DataFrame | None = None) -> None:
    """Women killed per day in Mexico by year: femicides and other intentional homicides of women."""
    t = security.femicides() if data is None else data
    part = t[t["partial"]]
    if len(part):  # the file's last year, held from January to its last month
        p_year, p_months = int(part.index.max()), int(part["months"].iloc[-1])
        p_span = f"{_months_span(p_months)} {p_year}"
        subtitle_end, caption_end = f"; {p_year} covers {_months_span(p_months)}", f" Hatched: {p_span}."
    else:
        p_span, subtitle_end, caption_end = "", "", ""
    fig, ax = charts.figure("Women killed in Mexico each day", "Victims per day (yearly victims / days in the "
                            f"period){subtitle_end}", height=4.6)
    cols = {"femicides_per_day": ("Femicide victims", PURPLE),
            "other_per_day": ("Other intentional homicides of women", ORANGE)}
    _stacked(ax, t, cols, t["partial"], _months_span(p_months, short=True) if len(part) else "")
    ax.axhline(security.REPORTED["women_per_day"], color=DARK, ls="--", lw=1)
    ax.text(t.index.min() - 0.4, security.REPORTED["women_per_day"], "report", va="bottom", fontsize=8,
            color=DARK)
    ax.set_ylim(0, t["women_per_day"].max() * 1.3)
    ax.set_xticks(t.index)
    ax.tick_params(axis="x", labelsize=8.5)
    ax.legend(loc="upper left", fontsize=8.5, ncol=2)
    full = t[~t["partial"]]
    w0, w1 = security.WOMEN_PERIOD
    period = full.loc[w0:w1]
    fem_share = period["femicides"].sum() / period["women_killed"].sum() * 100
    charts.publish(
        fig, "security-women-killed", data=t, source=SESNSP_SOURCE + "; report: Wilson Center (2023)",
        units={"femicides": "victims", "other_women": "victims", "women_killed": "victims", "days": "days",
               "months": "months"},
        alt=(f"Stacked bars of women killed per day in Mexico, {int(t.index.min())} to "
             f"{p_span or int(t.index.max())}: from {t['women_per_day'].iloc[0]:.1f} a day in {int(t.index.min())} to about "
             f"{period['women_per_day'].mean():.1f} in {w0}-{w1} and {full['women_per_day'].iloc[-1]:.1f} "
             f"in {int(full.index.max())}; femicides are {fem_share:.0f} percent of the women killed in {w0}-{w1}. "
             f"A dashed line marks the report's {security.REPORTED['women_per_day']} a day."),
        caption="Women killed per day: victims classified as femicide, and other women victims of intentional "
                f"homicide (SESNSP).{caption_end} Dashed: the report's figure.")


def femicides_monthly(data: pd.DataFrame | None = None) -> None:
    """Femicide victims per month in Mexico, with the trailing 12-month average."""
    t = security.femicides_monthly() if data is None else data
    fig, ax = charts.figure("Femicide victims in Mexico, month by month", "Victims per month, all states",
                            height=4.4)
    ax.plot(t.index, t["femicides"], color=GREY, lw=1, label="Per month")
    ax.plot(t.index, t["avg_12m"], color=PURPLE, lw=2.4, label="Average of the last 12 months")
    ax.set_ylim(0, None)
    ax.legend(loc="lower right")  # the months' spikes fill the top; no month falls near zero
    peak = t["avg_12m"].idxmax()
    charts.publish(
        fig, "security-femicides-monthly", data=t, source=SESNSP_MONTHLY_SOURCE,
        finite=["femicides"],
        alt=(f"Line chart of femicide victims per month, {t.index.min():%B %Y} to {t.index.max():%B %Y}: the "
             f"12-month average climbs from {t['avg_12m'].dropna().iloc[0]:.0f} to a peak of {t['avg_12m'].max():.0f} "
             f"in {peak:%B %Y} and falls back to {t['avg_12m'].iloc[-1]:.0f} by {t.index.max():%B %Y}."),
        caption="Femicide victims recorded by state prosecutors per month (SESNSP monthly file, summed over "
                "all states), and the average of the last 12 months.")


# --------------------------------------------------------------------------------------------------
# Drugs


def fentanyl_seizures(data: pd.DataFrame | None = None) -> None:
    """Fentanyl seized by CBP per fiscal year, southwest border against the rest; the partial year hatched."""
    t = security.fentanyl_seizures() if data is None else data
    fig, ax = charts.figure("Fentanyl seized by US Customs and Border Protection",
                            "Thousand pounds per fiscal year (October-September)", height=4.6)
    cols = {"southwest": ("Southwest border (with Mexico)", ORANGE),
            "rest": ("Northern border, coast and interior", SKY)}
    part = t[t["partial"]]
    label = f"{int(part['months'].iloc[0])} months" if len(part) else ""
    _stacked(ax, t, cols, t["partial"], label, scale=1e3)
    ax.set_xticks(t.index, [f"FY{y}" + ("\n(to date)" if p else "") for y, p in t["partial"].items()],
                  fontsize=8.5)
    ax.set_ylim(0, t["total"].max() / 1e3 * 1.3)
    ax.legend(loc="upper left")
    full = t[~t["partial"]]
    peak = int(full["total"].idxmax())
    charts.publish(
        fig, "security-fentanyl-seizures", data=t,
        source="US Customs and Border Protection, Nationwide Drug Seizures (FY2019-FY2022 and FY2023-FY2026 files)",
        units={"southwest": "pounds", "rest": "pounds", "total": "pounds", "southwest_share_pct": "percent",
               "events": "seizure events", "months": "months"},
        alt=(f"Stacked bars of fentanyl seized by CBP per fiscal year: from {full['total'].iloc[0]:,.0f} pounds in "
             f"FY{int(full.index.min())} to a peak of {full['total'].max():,.0f} in FY{peak}, then "
             f"{full['total'].iloc[-1]:,.0f} in FY{int(full.index.max())}; the southwest border accounts for "
             f"{full['southwest'].sum() / full['total'].sum() * 100:.0f} percent of all."
             + (f" The last bar, hatched, holds only the first {int(part['months'].iloc[-1])} months of "
                f"FY{int(part.index.max())}." if len(part) else "")),
        caption="Pounds of fentanyl seized by CBP (ports of entry and Border Patrol) per fiscal year. Hatched: "
                "the fiscal year to date, not comparable with full years.")


def overdose_deaths(data: pd.DataFrame | None = None) -> None:
    """US overdose deaths by drug type per year, with the report's 2022 figures as points."""
    t = security.overdose_deaths() if data is None else data
    pts = security.report_overdose_points()
    style = {
        cdc_vsrr.DRUGS["total_overdose_deaths"]: (DARK, "-", 2.4),
        cdc_vsrr.DRUGS["all_opioids_deaths"]: (ORANGE, "--", 2.0),
        cdc_vsrr.DRUGS["synthetic_opioid_deaths"]: (PURPLE, "-", 2.4),
        cdc_vsrr.DRUGS["psychostimulant_deaths"]: (SKY, "-.", 2.0),
    }
    fig, ax = charts.figure("Drug-overdose deaths in the United States, by drug",
                            "Thousand deaths per calendar year; provisional counts (CDC/NCHS)", height=4.8)
    inc = t.index[t["incomplete"]]
    if len(inc):  # years CDC flags as underreported: hatched band, hollow points
        ax.axvspan(inc.min() - 0.5, inc.max() + 0.5, facecolor="none", edgecolor="#BBBBBB", hatch=HATCH, lw=0,
                   zorder=0, label="Provisional, incomplete (CDC: underreported)")
    for col, (colour, ls, lw) in style.items():
        ax.plot(t.index, t[col] / 1e3, color=colour, ls=ls, lw=lw, marker="o", ms=3, label=col.capitalize())
        ax.scatter(inc, t.loc[inc, col] / 1e3, marker="o", s=22, facecolor="white", edgecolor=colour,
                   linewidth=1.3, zorder=3)
    for _, p in pts.iterrows():
        ax.scatter([p["year"]], [p["reported"] / 1e3], marker="D", s=46, facecolor="white",
                   edgecolor=style[p["measure"]][0], linewidth=1.6, zorder=4)
    ax.scatter([], [], marker="D", s=46, facecolor="white", edgecolor=DARK,
               label=f"Report's figures for {security.REPORT_LAST_YEAR}")
    ax.set_ylim(0, t[list(style)].max().max() / 1e3 * 1.35)
    ax.set_xticks(t.index)
    ax.tick_params(axis="x", labelsize=8.5)
    ax.legend(loc="upper left", fontsize=8.2, ncol=2)
    rep = pts.pivot(index="year", columns="measure", values="reported").add_prefix("reported: ")
    table = t.join(rep, how="left")
    total, synth = cdc_vsrr.DRUGS["total_overdose_deaths"], cdc_vsrr.DRUGS["synthetic_opioid_deaths"]
    peak = int(t[total].idxmax())
    last = int(t.index.max())
    last_note = " (provisional, incomplete)" if t.loc[last, "incomplete"] else ""
    inc_years = (str(int(inc.min())) if len(inc) and inc.min() == inc.max()
                 else f"{int(inc.min())}-{int(inc.max())}" if len(inc) else "")
    on = {_against(p["reported"], t.loc[p["year"], p["measure"]]) for _, p in pts.iterrows()}
    rep_year = int(pts["year"].iloc[0])
    inc_caption = (f" Hatched, hollow points: {inc_years}, which CDC flags as underreported due to incomplete "
                   "data; these counts will rise as death records arrive." if len(inc) else "")
    charts.publish(
        fig, "security-overdose-deaths", data=table,
        source="CDC/NCHS, VSRR Provisional Drug Overdose Death Counts (reported values, 12 months ending "
               "December); report: Wilson Center (2023)",
        finite=list(style), units={"synthetic_share_pct": "percent of all overdose deaths", "incomplete": "flag"},
        alt=(f"Line chart of US overdose deaths, {int(t.index.min())}-{last}: all overdoses rise from "
             f"{t[total].iloc[0]:,.0f} to {t[total].max():,.0f} in {peak} and fall to {t[total].iloc[-1]:,.0f} in "
             f"{last}{last_note}; synthetic-opioid deaths rise from {t[synth].iloc[0]:,.0f} to "
             f"{t.loc[peak, synth]:,.0f} and fall to {t[synth].iloc[-1]:,.0f}."
             + (f" Hatched as incomplete: {inc_years}." if len(inc) else "")
             + f" The report's {rep_year} points sit "
             + ("on the lines." if on == {"on"} else "off the lines (" + ", ".join(sorted(on)) + ").")),
        caption="US drug-overdose deaths by drug involved (provisional counts; a death involving several drugs "
                f"counts in each line, so the lines do not add up).{inc_caption} Diamonds: the report's "
                f"{security.REPORT_LAST_YEAR} figures.")


def synthetic_opioids(data: pd.DataFrame | None = None) -> None:
    """US synthetic-opioid deaths in the 12 months ending each month, reported and predicted."""
    t = security.synthetic_opioid_rolling() if data is None else data
    fig, ax = charts.figure("Synthetic-opioid (fentanyl) overdose deaths in the United States",
                            "Thousand deaths in the 12 months ending each month; provisional counts",
                            height=4.4)
    under = t.index[t["underreported"]]
    if len(under):
        ax.axvspan(under.min(), under.max(), color="#eeeeee", zorder=0,
                   label="Provisional, incomplete (CDC: underreported)")
        ax.text(under.min(), 0.04, " incomplete data", transform=ax.get_xaxis_transform(), fontsize=8,
                color="#555555")
    ax.plot(t.index, t["reported"] / 1e3, color=PURPLE, lw=3, label="Reported")
    ax.plot(t.index, t["predicted"] / 1e3, color=DARK, ls=(0, (3, 2)), lw=1.1,
            label="Predicted (adjusted for reporting delays)")
    ax.set_ylim(0, None)
    ax.legend(loc="upper left", bbox_to_anchor=(0, -0.08), ncols=2)  # under the plot: the curve crosses it all
    peak = t["reported"].idxmax()
    above = t["predicted"] >= t["reported"]
    gap = (t["predicted"] / t["reported"] - 1).abs().max() * 100
    charts.publish(
        fig, "security-synthetic-opioids", data=t,
        source="CDC/NCHS, VSRR Provisional Drug Overdose Death Counts, indicator T40.4 (data.cdc.gov xkb8-kh2a, "
               "extract of mid-2026)", finite=["reported", "predicted"],
        units={"reported": "deaths in 12 months", "predicted": "deaths in 12 months", "underreported": "flag"},
        alt=(f"Line chart of synthetic-opioid deaths in the 12 months ending each month, {t.index.min():%B %Y} to "
             f"{t.index.max():%B %Y}: from {t['reported'].iloc[0]:,.0f} to a peak of {t['reported'].max():,.0f} "
             f"in the year to {peak:%B %Y}, then down to {t['reported'].iloc[-1]:,.0f}"
             + (f" (provisional and incomplete; predicted {t['predicted'].iloc[-1]:,.0f})"
                if t["underreported"].iloc[-1] else "")
             + (". The predicted line runs at or above the reported one in every month"
                if above.all() else f". The predicted line runs above the reported one in {above.sum()} of "
                                    f"{len(t)} months")
             + f", never more than {gap:.0f} percent apart."
             + (f" The periods from {under.min():%B %Y} are shaded as incomplete." if len(under) else "")),
        caption="Deaths involving synthetic opioids other than methadone (mainly illicit fentanyl) in the 12 "
                "months ending each month. Shaded: periods CDC flags as underreported due to incomplete data; "
                "their counts are provisional and will rise as death records arrive.")


# --------------------------------------------------------------------------------------------------
# Journalists and defenders


def journalists(data: pd.DataFrame | None = None) -> None:
    """Journalists and media workers killed per year, Mexico against the rest of the Americas (CPJ)."""
    t = security.journalists_killed() if data is None else data
    partial = int(t.index[t["partial"]].max())  # the export's year, January to the export's date only
    to = security.cpj_partial_to()
    fig, ax = charts.figure("Journalists and media workers killed in the Americas",
                            f"Persons killed per year; {partial} covers January to {to}", height=4.6)
    cols = {"mexico": ("Mexico", charts.country_color("MEX")), "rest_of_americas": ("Rest of the Americas", GREY)}
    _stacked(ax, t, cols, t["partial"], f"to {cpj.EXPORT_DATE:%b}.")
    _key_over_bars(ax, t, cols)
    full = t[~t["partial"]]
    share = full["mexico"].sum() / (full["mexico"].sum() + full["rest_of_americas"].sum()) * 100
    first, last_full = int(full.index.min()), int(full.index.max())
    charts.publish(
        fig, "security-journalists", data=t,
        source=f"Committee to Protect Journalists, database export of {cpj.EXPORT_DATE:%B %Y} (motive confirmed or "
               "not, media workers included)",
        units={"partial": "flag"},
        alt=(f"Stacked bars of journalists and media workers killed per year, {int(t.index.min())}-"
             f"{int(t.index.max())}: Mexico's part "
             f"{direction(full.loc[last_full, 'mexico'], full.loc[first, 'mexico'], 'grows', 'shrinks', 'stays')} from "
             f"{full.loc[first, 'mexico']:.0f} in {first} to {full.loc[last_full, 'mexico']:.0f} in {last_full}, "
             f"with a high of {full['mexico'].max():.0f} in "
             f"{years_text(full.index[full['mexico'] == full['mexico'].max()])}; Mexico counts {share:.0f} "
             f"percent of all killed in the Americas in {first}-{last_full}; {partial}, hatched, is partial."),
        caption="Journalists and media workers killed in Mexico and in the rest of the Americas (OWID regions "
                f"North and South America). Hatched: January to {to} {partial} only.")


def defenders(data: pd.DataFrame | None = None) -> None:
    """Land and environmental defenders killed per year, Mexico against the rest of the Americas."""
    t = security.defenders_killed() if data is None else data
    fig, ax = charts.figure("Land and environmental defenders killed in the Americas",
                            "Persons killed per year", height=4.6)
    cols = {"mexico": ("Mexico", charts.country_color("MEX")), "rest_of_americas": ("Rest of the Americas", GREY)}
    _stacked(ax, t, cols, pd.Series(False, index=t.index), "")
    ax.set_xticks(t.index)
    _key_over_bars(ax, t, cols)
    first, last = int(t.index.min()), int(t.index.max())
    charts.publish(
        fig, "security-defenders", data=t, source="Global Witness, land and environmental defenders database "
                                                  "(download of 22 September 2022)",
        units={"mexico_rank": "rank among countries"},
        alt=(f"Stacked bars of land and environmental defenders killed per year in the Americas, "
             f"{first}-{last}: Mexico's part "
             f"{direction(t.loc[last, 'mexico'], t.loc[first, 'mexico'], 'rises', 'falls', 'stays')} from "
             f"{t.loc[first, 'mexico']:.0f} in {first} (low {t['mexico'].min():.0f} in "
             f"{years_text(t.index[t['mexico'] == t['mexico'].min()])}) "
             f"to {t.loc[last, 'mexico']:.0f} in {last}, when Mexico ranked "
             f"{ordinal(t.loc[last, 'mexico_rank'])} in the world; the rest of the Americas counts "
             f"{t['rest_of_americas'].min():.0f}-{t['rest_of_americas'].max():.0f} a year."),
        caption="Land and environmental defenders killed in Mexico and in the rest of the Americas (OWID regions "
                "North and South America), Global Witness.")

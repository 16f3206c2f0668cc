"""Figures of the chapter "North America in data" (:mod:`northam.analysis.north_america`).

Every figure function takes the table it plots (default: the analysis function of the same name), draws it
in the house style and publishes it with :func:`northam.charts.publish`; the CSV is that table. Countries
keep their book colours; any other series (a sum of countries, the world, a flow) is black or an Okabe-Ito
colour no country uses here, with its own line style. Lines carry direct labels at their ends instead of a
legend (:func:`label_line_ends`, shared by the world and maps chapters).
"""

from __future__ import annotations

import pandas as pd

from .. import charts
from ..analysis import north_america

CENSUS_SOURCE = "US Census Bureau, U.S. Trade in Goods by Country (country.xlsx, 2026 release)"
#: Colour of a series that is not one country (a sum, the world): black, drawn with its own line style.
BLACK = "#000000"


def label_line_ends(ax, ends, *, min_gap_pt: float = 11.0, pad_pt: float = 4.0, fontsize: float = 9.0) -> None:
    """Direct labels: write each line's label just right of its last point, in the line's colour.

    ``ends`` is a list of ``(label, x, y, colour)`` in data units. Labels closer than ``min_gap_pt``
    points are pushed apart vertically (never across each other), so none overlaps. Call it after the
    axis limits are final.
    """
    dpi = ax.figure.dpi
    gap = min_gap_pt * dpi / 72
    placed = sorted(((label, x, y, c, ax.transData.transform((x, y))[1]) for label, x, y, c in ends),
                    key=lambda t: t[4])
    target = [p[4] for p in placed]
    for i in range(1, len(target)):
        target[i] = max(target[i], target[i - 1] + gap)
    for (label, x, y, colour, px), want in zip(placed, target, strict=True):
        ax.annotate(label, (x, y), xytext=(pad_pt, (want - px) * 72 / dpi), textcoords="offset points",
                    ha="left", va="center", fontsize=fontsize, color=colour, annotation_clip=False)


def usmca_legs(data: pd.DataFrame | None = None) -> None:
    """US goods trade (exports plus imports) with Mexico, with Canada and their sum, per full year
    (table in million current USD, drawn in billions)."""
    legs = north_america.usmca_legs() if data is None else data
    fig, ax = charts.figure("US goods trade with Mexico and Canada",
                            "Exports plus imports, billion current US dollars, full years")
    styles = {"usmca": ("Mexico + Canada", BLACK, "--"), "MEX": ("Mexico", charts.country_color("MEX"), "-"),
              "CAN": ("Canada", charts.country_color("CAN"), "-")}
    for col, (label, colour, ls) in styles.items():
        ax.plot(legs["year"], legs[col] / 1e3, color=colour, ls=ls, label=label)
    charts.mark_years(ax, {1994: "NAFTA", 2020.5: "USMCA"})
    ax.set_ylim(0, legs["usmca"].max() / 1e3 * 1.15)
    ax.set_xlim(legs["year"].min() - 0.5, legs["year"].max() + 0.5)
    last = legs.iloc[-1]
    label_line_ends(ax, [(label, last["year"], last[col] / 1e3, colour) for col, (label, colour, _) in styles.items()])
    first, ahead = legs.iloc[0], north_america.mexico_ahead_of_canada(legs)
    charts.publish(
        fig, "overview-usmca-legs", data=legs, source=CENSUS_SOURCE, finite=["MEX", "CAN", "usmca"],
        units={c: "million current USD" for c in ("MEX", "CAN", "usmca")},
        alt=(f"Line chart of US goods trade with Mexico, with Canada and their sum from {int(first['year'])} to "
             f"{int(last['year'])}. The sum rises from about {first['usmca'] / 1e3:,.0f} billion dollars to about "
             f"{last['usmca'] / 1e3:,.0f} billion; Mexico's line first passes Canada's in {ahead['first']} and "
             f"stays above it from {ahead['since']}."),
        caption="US goods trade (exports plus imports) with Mexico, with Canada, and the two together (dashed). "
                "Dashed vertical lines mark NAFTA's entry into force (January 1994) and USMCA's (July 2020).",
    )


def partner_ranks(data: pd.DataFrame | None = None) -> None:
    """Rank of Canada, Mexico and China among US goods-trade partner countries, per full year
    (table: year x country, rank 1 = largest, from :func:`north_america.rank_history`)."""
    ranks = north_america.rank_history() if data is None else data
    fig, ax = charts.figure("Rank among US goods-trade partners", "Rank by exports plus imports, 1 = largest")
    for iso in ["CAN", "MEX", "CHN"]:
        ax.plot(ranks.index, ranks[iso], color=charts.country_color(iso), marker="o", markersize=3)
    ax.invert_yaxis()
    ax.set_yticks(range(1, int(ranks.max().max()) + 1))
    last = ranks.index.max()
    label_line_ends(ax, [(charts.country_label(iso), last, ranks.loc[last, iso], charts.country_color(iso))
                         for iso in ["CAN", "MEX", "CHN"]])
    mex_first = int(ranks.index[ranks["MEX"] == 1].min())
    charts.publish(
        fig, "overview-partner-ranks", data=ranks, source=CENSUS_SOURCE, finite=["CAN", "MEX", "CHN"],
        alt=("Line chart of the rank of Canada, Mexico and China among US goods-trade partners by year. Canada is "
             "first for most of the period; China rises to first in the late 2010s; Mexico is first from "
             f"{mex_first} in most years."),
        caption="Rank of Canada, Mexico and China among all US goods-trade partner countries, by total trade.",
    )


def top_partners(year: int | None = None, n: int = 10) -> None:
    """Table: the ``n`` largest US goods-trade partners in ``year`` (default: the latest full year),
    exports, imports and total in billion US dollars."""
    year = year or north_america.key_numbers()["latest_year"]
    top = north_america.top_partners(year, n)
    shown = pd.DataFrame({"Rank": top["rank"], "Partner": top["partner"],
                          **{c.capitalize(): top[c] / 1e3 for c in ("exports", "imports", "total")}})
    charts.table(shown, caption=f"Top {n} US goods-trade partners, {year} (billion US dollars)")

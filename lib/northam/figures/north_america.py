"""Figures of the chapter "North America in data" (:mod:`northam.analysis.north_america`).

Every figure function takes the table it plots (default: the analysis function of the same name), draws it
in the house style and publishes it with :func:`northam.charts.publish`; the CSV is that table. Countries
keep their book colours; the sum of the two is black and dashed (:data:`northam.figures.common.SERIES`).
Lines carry direct labels at their ends instead of a legend (:func:`northam.figures.common.label_ends`).
"""

from __future__ import annotations

import pandas as pd

from .. import charts
from ..analysis import north_america
from ..prose import years_text
from .common import SERIES, label_ends

CENSUS_SOURCE = ("US Census Bureau, U.S. Trade in Goods by Country (country.xlsx, "
                 f"{north_america.census.release_name()})")


def usmca_legs(data: pd.DataFrame | None = None) -> None:
    """US goods trade (exports plus imports) with Mexico, with Canada and their sum, per full year
    (table in million current USD, drawn in billions)."""
    legs = north_america.usmca_legs() if data is None else data
    fig, ax = charts.figure("US goods trade with Mexico and Canada",
                            "Exports plus imports, billion current US dollars, full years")
    styles = {"usmca": ("Mexico + Canada", SERIES["black"], "--"), "MEX": ("Mexico", charts.country_color("MEX"), "-"),
              "CAN": ("Canada", charts.country_color("CAN"), "-")}
    bn = legs.set_index("year") / 1e3
    for col, (label, colour, ls) in styles.items():
        ax.plot(bn.index, bn[col], color=colour, ls=ls, label=label)
    charts.mark_years(ax, {north_america.NAFTA: "NAFTA", north_america.USMCA: "USMCA"})  # entry into force
    ax.set_ylim(0, bn["usmca"].max() * 1.15)
    ax.set_xlim(bn.index.min() - 0.5, bn.index.max() + 0.5)
    label_ends(ax, {label: (bn[col], colour) for col, (label, colour, _) in styles.items()}, fontsize=9)
    first, last, ahead = legs.iloc[0], legs.iloc[-1], north_america.mexico_ahead_of_canada(legs)
    charts.publish(
        fig, "overview-usmca-legs", data=legs, source=CENSUS_SOURCE, finite=["MEX", "CAN", "usmca"],
        units={c: "million current USD" for c in ("MEX", "CAN", "usmca")},
        alt=(f"Line chart of US goods trade with Mexico, with Canada and their sum from {int(first['year'])} to "
             f"{int(last['year'])}. The sum {'rises' if last['usmca'] > first['usmca'] else 'falls'} from about "
             f"{first['usmca'] / 1e3:,.0f} billion dollars to about "
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
    label_ends(ax, {charts.country_label(iso): (ranks[iso], charts.country_color(iso)) for iso in ["CAN", "MEX", "CHN"]},
               gap=0.05, fontsize=9)
    top = north_america.top_rank_years(ranks)
    first = {iso: f"first in {years_text(top[iso])}" if top[iso] else "never first"
             for iso in ("CAN", "CHN", "MEX")}
    charts.publish(
        fig, "overview-partner-ranks", data=ranks, source=CENSUS_SOURCE, finite=["CAN", "MEX", "CHN"],
        alt=(f"Line chart of the rank of Canada, Mexico and China among US goods-trade partners, "
             f"{int(ranks.index.min())} to {int(ranks.index.max())}. Canada is first in {len(top['CAN'])} of the "
             f"{len(ranks)} years; China is {first['CHN']}; Mexico is {first['MEX']}."),
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

"""Figures of the chapter "Trade" (:mod:`northam.analysis.trade`).

Every figure function takes the table it plots (default: the analysis function of the same name), draws
it in the house style and publishes it with :func:`northam.charts.publish`: the CSV is exactly that table.
Countries keep their book colours; other series (exports against deficit, surplus against deficit) use
the colour-blind-safe non-country colours of :data:`northam.figures.common.SERIES`. Lines carry direct
labels at their ends (:func:`northam.figures.common.label_ends`) instead of a legend. The three tables of
the chapter are shown by the ``*_table`` helpers at the end.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import charts
from ..analysis import trade
from ..sources import census
from .common import SERIES, label_ends

SRC = f"US Census Bureau, U.S. Trade in Goods by Country (country.xlsx, {census.release_name()})"
MILLION = "million current USD"
HS10_YEAR = trade.usatrade_hs10.YEAR  # the one year of the HS10 product file
HS10_SRC = (f"US Census Bureau, USA Trade Online, imports for consumption by HS10 product and partner, {HS10_YEAR} "
            "(first release, April 2025)")  # the release date names the file's vintage
FLOW_STYLE = {"exports": "-", "imports": "--"}


def _upper_first(text: str) -> str:
    """``text`` with its first letter in upper case, the rest as it is (month names keep theirs)."""
    return text[:1].upper() + text[1:]


def _name(iso: str) -> str:
    return charts.country_label(iso)


def table_units(unit: str, *columns: str, **others: str) -> dict:
    """Units of a figure's table for :func:`northam.charts.publish`: ``unit`` for ``columns``, "calendar year"
    for a ``year`` column, "rank" for a ``rank`` column, and ``others`` (column -> unit). Also used by the
    agribusiness figures."""
    return {"year": "calendar year", "rank": "rank", **{c: unit for c in columns}, **others}


# ---------------------------------------------------------------------------------------------------
# Flows and balances


def usmca_flows(data: pd.DataFrame | None = None) -> None:
    """US exports to and imports from Mexico and Canada (upper panel) and the balance (lower panel), per
    full year; the table is in million current USD, drawn in billions."""
    flows = trade.usmca_flows() if data is None else data
    bn = flows.assign(value=flows["value"] / 1e3).pivot_table(index="year", columns=["iso3", "flow"], values="value")
    fig, (ax, ax2) = charts.figure("US goods exports and imports with Mexico and Canada",
                                   "Billion current US dollars, full years; lower panel: balance (exports minus imports)",
                                   nrows=2, sharex=True, height=6.4, height_ratios=[2, 1])
    top, low = {}, {}
    for iso in ("MEX", "CAN"):
        colour = charts.country_color(iso)
        for flow, ls in FLOW_STYLE.items():
            ax.plot(bn.index, bn[(iso, flow)], color=colour, ls=ls)
            top[f"{'Exports to' if flow == 'exports' else 'Imports from'} {_name(iso)}"] = (bn[(iso, flow)], colour)
        ax2.plot(bn.index, bn[(iso, "balance")], color=colour)
        low[_name(iso)] = (bn[(iso, "balance")], colour)
    ax2.axhline(0, color=SERIES["grey"], linewidth=0.8)
    for a in (ax, ax2):  # over the upper panel, where no line-end label can run into them
        charts.mark_years(a, {trade.NAFTA: "NAFTA", trade.USMCA: "USMCA"}, above=True, labelled=a is ax)
    fig.subplots_adjust(right=0.8)
    label_ends(ax, top, gap=0.07)
    label_ends(ax2, low, gap=0.14)
    last, first = int(bn.index.max()), int(bn.index.min())
    times = [(f"{'exports to' if f == 'exports' else 'imports from'} {_name(iso)}",
              bn.loc[last, (iso, f)] / bn.loc[first, (iso, f)]) for iso in ("MEX", "CAN") for f in FLOW_STYLE]
    growth = (f"In {last} {times[0][0]} are {times[0][1]:,.1f} times their {first} value, "
              + ", ".join(f"{w} {x:,.1f} times" for w, x in times[1:-1]) + f" and {times[-1][0]} {times[-1][1]:,.1f} times.")
    mex = bn[("MEX", "balance")]
    last_surplus = int(mex.index[mex > 0].max())
    charts.publish(
        fig, "trade-usmca-flows", data=flows, source=SRC, finite=["value"], units=table_units(MILLION, "value"),
        alt=(f"Two-panel line chart, {first} to {last}. Upper panel: US exports to and imports from Mexico and "
             f"Canada. {growth} Imports from Mexico reach {bn.loc[last, ('MEX', 'imports')]:,.0f} billion dollars in "
             f"{last}, exports to Mexico {bn.loc[last, ('MEX', 'exports')]:,.0f} billion. Lower panel: the balance "
             f"with Mexico is last in surplus in {last_surplus} and is {mex.loc[last]:,.0f} billion in {last}; "
             f"the balance with Canada is {bn.loc[last, ('CAN', 'balance')]:,.0f} billion."),
        caption="US goods exports (solid lines) and imports (dashed) with Mexico and Canada, and the balance. "
                "Dashed vertical lines mark NAFTA (January 1994) and USMCA (July 2020).",
    )


def balances_china_mexico(data: pd.DataFrame | None = None) -> None:
    """US goods balance with China and with Mexico per full year (table in million USD, drawn in billions)."""
    bal = trade.balances_china_mexico() if data is None else data
    fig, ax = charts.figure("US goods trade balance with China and Mexico",
                            "Exports minus imports, billion current US dollars, full years")
    ends = {}
    for iso in ("CHN", "MEX"):
        s = bal.set_index("year")[iso] / 1e3
        ax.plot(s.index, s, color=charts.country_color(iso))
        ends[_name(iso)] = (s, charts.country_color(iso))
    ax.axhline(0, color=SERIES["grey"], linewidth=0.8)
    charts.mark_years(ax, {trade.TARIFFS_ON_CHINA: "Tariffs on China"}, above=True)
    fig.subplots_adjust(right=0.86)
    label_ends(ax, ends)
    chn = bal.set_index("year")["CHN"] / 1e3
    mex = bal.set_index("year")["MEX"] / 1e3
    deficit_years = mex[mex.index > mex.index[mex > 0].max()]  # since the last surplus
    narrowed = int((deficit_years.diff() > 0).sum())
    charts.publish(
        fig, "trade-balances-chn-mex", data=bal, source=SRC, finite=["CHN", "MEX"],
        units=table_units(MILLION, "CHN", "MEX"),
        alt=(f"Line chart of the US goods balance with China and with Mexico, {bal['year'].min()} to "
             f"{bal['year'].max()}. The deficit with China deepens to {-chn.min():,.0f} billion dollars in "
             f"{chn.idxmin()} and narrows to {-chn.iloc[-1]:,.0f} billion. The balance with Mexico has been in deficit "
             f"every year since {deficit_years.index.min()}; the deficit narrows in {narrowed} of the "
             f"{len(deficit_years) - 1} years after that, widens in the others and reaches {-mex.iloc[-1]:,.0f} "
             f"billion in {mex.index.max()}."),
        caption="US goods trade balance with China and with Mexico. The dashed line marks the first US tariffs "
                f"on Chinese goods ({trade.TARIFFS_ON_CHINA}).",
    )


def top_partners_tdr(data: pd.DataFrame | None = None) -> None:
    """Exports to and deficit with the five largest partners in the latest full year, with the deficit as
    a share of exports as a label (table in million USD and percent)."""
    top = trade.top_partners_tdr() if data is None else data
    fig, ax = charts.figure(f"Top {len(top)} US goods-trade partners, {int(top['year'].iloc[0])}",
                            "Billion current US dollars; label: deficit as % of US exports to the partner")
    y = np.arange(len(top))[::-1]
    ax.barh(y + 0.2, top["exports"] / 1e3, height=0.4, color=SERIES["indigo"], label="US exports")
    ax.barh(y - 0.2, top["deficit"] / 1e3, height=0.4, color=SERIES["sand"], hatch="///", edgecolor="white",
            label="US deficit")
    for v, r in zip(y, top.itertuples(), strict=True):
        ax.text(max(r.exports, r.deficit) / 1e3 + 5, v, f"{r.tdr_pct:.0f}%", va="center", fontsize=9)
    ax.set_yticks(list(y), top["partner"])
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    ax.set_xlim(0, max(top["exports"].max(), top["deficit"].max()) / 1e3 * 1.15)
    ax.legend(loc="lower right")
    charts.publish(
        fig, "trade-top-partners-tdr", data=top, source=SRC,
        units=table_units(MILLION, "exports", "imports", "total", "deficit", tdr_pct="percent"),
        alt=(f"Horizontal bar chart of US exports and US deficit for the {len(top)} largest partners. The deficit is "
             + "; ".join(f"{r.partner} {r.tdr_pct:.0f}%" for r in top.itertuples()) + " of US exports."),
        caption=f"US exports to (dark bars), and deficit with (light hatched bars), the {len(top)} largest US "
                "goods-trade partners in the latest full year; the label is the deficit as a share of US exports to that partner.",
    )


def atp_balance(data: pd.DataFrame | None = None) -> None:
    """US balance in Advanced Technology Products per full year (table in million USD, drawn in billions)."""
    atp = trade.atp_balance() if data is None else data
    fig, ax = charts.figure("US trade balance in Advanced Technology Products",
                            "Exports minus imports, billion current US dollars, all partners, full years")
    b = atp["balance"] / 1e3
    ax.bar(atp["year"], b, color=np.where(b >= 0, SERIES["indigo"], SERIES["rose"]))
    ax.axhline(0, color=SERIES["grey"], linewidth=0.8)
    first_deficit = trade.atp_first_deficit_year()
    charts.publish(
        fig, "trade-atp-balance", data=atp, source=SRC + ", code 0007", units=table_units(MILLION, "exports", "imports", "balance"),
        alt=(f"Bar chart of the US ATP trade balance, {atp['year'].min()} to {atp['year'].max()}: surpluses until "
             f"{first_deficit - 1}, deficits every year from {first_deficit}, reaching {b.iloc[-1]:,.0f} billion "
             f"dollars in {atp['year'].max()}."),
        caption="US trade balance in Advanced Technology Products (all ten categories, all partners). "
                "Dark bars: surplus; light bars: deficit.",
    )


def ytd_trade(data: pd.DataFrame | None = None) -> None:
    """US goods trade with Mexico and China, January to July of the Wilson Center's years (table in million USD)."""
    ytd = trade.ytd_trade() if data is None else data
    fig, ax = charts.figure("US goods trade with Mexico and China, January to July",
                            "Exports plus imports, billion current US dollars")
    years = sorted(ytd["year"].unique())
    for i, iso in enumerate(["MEX", "CHN"]):
        d = ytd[ytd["iso3"] == iso].set_index("year").loc[years]
        bars = ax.bar(np.arange(len(years)) + (i - 0.5) * 0.38, d["total"] / 1e3, width=0.38,
                      color=charts.country_color(iso), label=_name(iso))
        ax.bar_label(bars, fmt="%.0f", fontsize=9)
    ax.set_xticks(range(len(years)), [f"Jan–Jul {y}" for y in years])
    ax.set_ylim(0, ytd["total"].max() / 1e3 * 1.25)
    ax.legend(loc="upper center", ncol=2)
    v = ytd.set_index(["year", "iso3"])["total"] / 1e3
    charts.publish(
        fig, "trade-ytd-mex-chn", data=ytd, source=SRC, units=table_units(MILLION, "exports", "imports", "total"),
        alt=(f"Grouped bar chart. January-July {years[0]}: Mexico {v[(years[0], 'MEX')]:,.0f} billion dollars, China "
             f"{v[(years[0], 'CHN')]:,.0f} billion. January-July {years[-1]}: Mexico {v[(years[-1], 'MEX')]:,.0f} "
             f"billion, China {v[(years[-1], 'CHN')]:,.0f} billion."),
        caption=f"US goods trade (exports plus imports) with Mexico and with China, January to July of "
                f"{years[0]} and {years[-1]}.",
    )


# ---------------------------------------------------------------------------------------------------
# Shares of US trade


def partner_shares(data: pd.DataFrame | None = None) -> None:
    """Mexico's, Canada's and China's shares of total US goods trade per full year (percent)."""
    sh = trade.partner_shares() if data is None else data
    s = sh.set_index("year")
    o_chn, o_can = trade.overtake_year("MEX", "CHN"), trade.overtake_year("MEX", "CAN")
    fig, ax = charts.figure("Share of total US goods trade",
                            "Exports plus imports with the partner, % of the US total, full years")
    ends = {}
    for iso in ("CAN", "MEX", "CHN"):
        ax.plot(s.index, s[iso], color=charts.country_color(iso))
        ends[_name(iso)] = (s[iso], charts.country_color(iso))
    charts.mark_years(ax, {o_chn["since"]: "MEX > CHN"}, ymax_frac=0.3)
    charts.mark_years(ax, {o_can["since"]: "MEX > CAN"}, ymax_frac=0.2)
    ax.set_ylim(0, None)
    fig.subplots_adjust(right=0.86)
    label_ends(ax, ends)
    last = int(s.index.max())
    mex_peak_year = int(s["MEX"].idxmax())
    mex_path = (f"Mexico's rises to {s.loc[last, 'MEX']:.1f}%" if mex_peak_year == last else
                f"Mexico's rises to {s['MEX'].max():.1f}% in {mex_peak_year} and is {s.loc[last, 'MEX']:.1f}% in {last}")
    charts.publish(
        fig, "trade-partner-shares", data=sh, source=SRC + ", codes 1220, 2010, 5700, 0015",
        finite=["CAN", "MEX", "CHN"], units=table_units("percent of US goods trade", "CAN", "MEX", "CHN"),
        alt=(f"Line chart of shares of US goods trade, {s.index.min()} to {last}. Canada's share declines to "
             f"{s.loc[last, 'CAN']:.1f}%; China's rises to {s['CHN'].max():.1f}% in {s['CHN'].idxmax()} then falls "
             f"to {s.loc[last, 'CHN']:.1f}%; {mex_path}, ahead of China every year since {o_chn['since']} and of "
             f"Canada since {o_can['since']}."),
        caption="Each partner's share of total US goods trade (exports plus imports, world total not seasonally "
                "adjusted). Dashed lines: the years since which Mexico's share has been above China's and above "
                "Canada's.",
    )


def share_trend_break(data: pd.DataFrame | None = None) -> None:
    """China's and Mexico's shares of US goods trade with segmented linear trends (break at the 2018 tariffs) and their
    95% bands (percent of US goods trade)."""
    data = trade.trend_break_fits(("CHN", "MEX")) if data is None else data
    fits = {iso: trade.share_trend_break(iso) for iso in ("CHN", "MEX")}
    fig, ax = charts.figure(f"Trend in shares of US goods trade, break at {fits['CHN']['break_year']}",
                            "% of US goods trade; line: segmented linear trend, band: 95% confidence interval")
    ends = {}
    for iso, f in data.groupby("iso3"):
        c = charts.country_color(iso)
        ax.plot(f["year"], f["share"], "o", color=c, markersize=3.5)
        ax.plot(f["year"], f["fit"], color=c, linewidth=1.5)
        ax.fill_between(f["year"], f["lo"], f["hi"], color=c, alpha=0.2, linewidth=0)
        ends[_name(iso)] = (f.set_index("year")["fit"], c)
    charts.mark_years(ax, {fits["CHN"]["break_year"]: "Break"}, ymax_frac=0.2)
    fig.subplots_adjust(right=0.86)
    label_ends(ax, ends)
    chn, mex = fits["CHN"], fits["MEX"]
    charts.publish(
        fig, "trade-share-trend-break", data=data, source=SRC, finite=["fit", "lo", "hi"],
        units=table_units("percent of US goods trade", "share", "fit", "lo", "hi"),
        alt=(f"Scatter of China's and Mexico's shares with fitted segmented trends. China's trend slope changes from "
             f"{chn['slope_before']:+.2f} to {chn['slope_after']:+.2f} points a year after {chn['break_year']}; Mexico's from "
             f"{mex['slope_before']:+.2f} to {mex['slope_after']:+.2f}."),
        caption="Shares of US goods trade (dots) with a segmented linear trend (line) and its 95% confidence band.",
    )


# ---------------------------------------------------------------------------------------------------
# Products, 2024


def sector_imports(data: pd.DataFrame | None = None) -> None:
    """Mexico's, Canada's and China's shares of US imports of the reports' sectors in 2024 (percent; the
    table also holds the values in million USD)."""
    sec = trade.sector_imports() if data is None else data
    labels = list(dict.fromkeys(sec["label"]))
    fig, ax = charts.figure(f"Where US imports of the reports' sectors came from, {HS10_YEAR}",
                            "Share of US imports for consumption of each sector, %", height=5.6)
    y = np.arange(len(labels))[::-1]
    isos = list(dict.fromkeys(sec["iso3"]))
    h = 0.8 / len(isos)
    for i, iso in enumerate(isos):
        s = sec[sec["iso3"] == iso].set_index("label").loc[labels, "share"]
        bars = ax.barh(y + (1 - i) * h, s, height=h, color=charts.country_color(iso), label=_name(iso))
        ax.bar_label(bars, fmt="%.0f%%", fontsize=8, padding=2)
    ax.set_yticks(list(y), [lab.replace(" (", "\n(") for lab in labels])
    ax.set_xlim(0, sec["share"].max() * 1.15)
    ax.grid(axis="y", visible=False)
    ax.legend(loc="best")  # where the bars leave room (the longest bars change with the data)
    s = sec.set_index(["sector", "iso3"])["share"]
    small = sec[sec["sector"].isin(["semi", "chem_pharma"])]
    charts.publish(
        fig, "trade-sector-shares", data=sec, source=HS10_SRC,
        units=table_units(MILLION, "value", "world", share="percent of US imports of the sector"),
        alt=(f"Grouped horizontal bar chart of the shares of Mexico, Canada and China in US imports of six sectors in "
             f"{HS10_YEAR}. Mexico supplies {s[('veh', 'MEX')]:.0f}% of vehicles and parts, {s[('med', 'MEX')]:.0f}% of "
             f"medical devices and {s[('elec', 'MEX')]:.0f}% of electrical machinery (China "
             f"{s[('elec', 'CHN')]:.0f}%); Canada supplies {s[('aero', 'CAN')]:.0f}% of aircraft and parts; none of "
             f"the three supplies more than {small['share'].max():.0f}% of semiconductors or of organic chemicals "
             f"and pharmaceuticals."),
        caption="Share of US imports for consumption of each sector supplied by Mexico, Canada and, for comparison, "
                f"China, {HS10_YEAR}. Sectors by HS code; the percentages are of US imports from all partners.",
    )


def top_products(data: pd.DataFrame | None = None) -> None:
    """The largest HS headings of US imports from Mexico and from Canada in 2024 (table in million USD,
    drawn in billions), labelled with the partner's share of US imports of the heading."""
    top = trade.top_products() if data is None else data
    fig, axes = charts.figure(f"Largest products the United States bought from Mexico and Canada, {HS10_YEAR}",
                              "Imports for consumption by HS heading, billion US dollars; label: % of US imports "
                              "of the heading", nrows=2, height=8)
    for ax, iso in zip(axes, ["MEX", "CAN"], strict=True):
        t = top[top["iso3"] == iso].iloc[::-1]
        bars = ax.barh(t["label"], t["value"] / 1e3, color=charts.country_color(iso))
        ax.bar_label(bars, labels=[f"{v:.0f}%" for v in t["share"]], fontsize=8, padding=2)
        ax.set_title(f"From {_name(iso)}", fontsize=10, loc="left")
        ax.set_xlim(0, top["value"].max() / 1e3 * 1.12)
        ax.tick_params(axis="y", labelsize=8.5)
        ax.grid(axis="y", visible=False)
    fig.subplots_adjust(top=0.84, hspace=0.32)
    first = top.set_index(["iso3", "rank"])
    charts.publish(
        fig, "trade-top-products", data=top, source=HS10_SRC,
        units=table_units(MILLION, "value", "world", share="percent of US imports of the heading"),
        alt=(f"Two horizontal bar charts of the largest HS headings of US imports in {HS10_YEAR}. From Mexico the largest is "
             f"{first.loc[('MEX', 1), 'label']} at {first.loc[('MEX', 1), 'value'] / 1e3:.1f} billion dollars, followed "
             f"by {trade.runners_up(top[top['iso3'] == 'MEX'])}; from Canada it is {first.loc[('CAN', 1), 'label']} "
             f"at {first.loc[('CAN', 1), 'value'] / 1e3:.1f} billion, followed by "
             f"{trade.runners_up(top[top['iso3'] == 'CAN'])}."),
        caption=f"The largest HS headings (4 digits) of US imports for consumption from Mexico and from Canada in {HS10_YEAR}; "
                "the label is the partner's share of US imports of that heading from all countries.",
    )


# ---------------------------------------------------------------------------------------------------
# Tables


def usmca_claims_table() -> None:
    """US imports from Mexico and Canada entered claiming USMCA preference, every year of the report (billion USD,
    %)."""
    cl = trade.usmca_claim_shares()
    charts.table(cl.assign(all=cl["all"] / 1e3, usmca=cl["usmca"] / 1e3).rename(columns={
        "year": "Year", "partner": "From", "all": "Imports (bn USD)", "usmca": "Claiming USMCA (bn USD)",
        "share": "Share claiming USMCA (%)"}),
        caption="US general imports entered claiming USMCA preference (USA Trade Online, first release, March 2025)")


def revisions_table() -> None:
    """One year's exports, imports and balance in two releases of country.xlsx (billion USD, %)."""
    rev = trade.revisions()
    year = int(rev["year"].iloc[0])
    bn = {c: rev[c] / 1e3 for c in ("old", "new", "revision")}
    charts.table(rev.drop(columns="year").assign(**bn).rename(columns={
        "iso3": "Partner", "flow": "Flow", "old": f"{_upper_first(census.release_name(trade.OLD))} (bn USD)",
        "new": f"{_upper_first(census.release_name())} (bn USD)",
        "revision": "Revision (bn USD)", "revision_pct": "Revision (%)"}),
        caption=f"{year} US goods trade in two releases", floatfmt=",.2f")


def electronics_table() -> None:
    """Partner shares of US imports in electronics-type End-Use groups, first and last year of the file (percent)."""
    el = trade.electronics_import_shares()
    charts.table(el.rename(columns={"group": "End-Use group", "year": "Year"} | {
        iso: f"{_name(iso)} (%)" for iso in ("MEX", "CHN", "CAN", "TWN", "VNM")}),
        caption="Share of US general imports by partner, electronics-type End-Use groups (Census End-Use file)")

"""Figures of the chapter "Autos" (:mod:`northam.analysis.autos`).

Every function takes the table it plots (default: the analysis function of the same name), draws it in
the house style and publishes it with :func:`northam.charts.publish`: the CSV is exactly the plotted
table. The three countries and the other auto producers keep their book colours; aggregates (Mexico +
Canada, Europe, the world) use :data:`northam.figures.common.SERIES` with their own line styles.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib import dates as mdates

from .. import charts
from ..analysis import autos
from ..prose import span
from ..sources import oica
from .common import SERIES, label_ends, year_axis

NA = autos.NA
LABEL = autos.LABEL
#: Non-country series: colour and line style.
AGGREGATE_STYLE = {"Europe": (SERIES["indigo"], "--"), "World": (SERIES["black"], ":"),
                   "USMCA": (SERIES["indigo"], "--")}
#: The named events marked on the annual charts (:data:`northam.analysis.autos.CRISIS_YEAR`, ``PANDEMIC_YEAR``).
EVENTS = {autos.CRISIS_YEAR: str(autos.CRISIS_YEAR), autos.PANDEMIC_YEAR: str(autos.PANDEMIC_YEAR)}
#: Dates of events on the monthly employment chart: NAFTA in force (1 January 1994, treaty date), the end of
#: the 2007-09 recession (June 2009, NBER) and the pandemic lockdowns (April 2020).
MONTHLY_EVENTS = {pd.Timestamp("1994-01-01"): "NAFTA", pd.Timestamp(f"{autos.CRISIS_YEAR}-06-01"): "",
                  pd.Timestamp(f"{autos.PANDEMIC_YEAR}-04-01"): ""}
#: The USMCA entered into force on 1 July 2020 (treaty date), drawn mid-year on annual axes.
USMCA_IN_FORCE = 2020.5


def oica_source(table: pd.DataFrame, columns: list[str]) -> str:
    """Source line of a production table (year, source, ``columns``): the years each OICA source gives a
    value in ``columns`` for, read from the table."""
    t = table[table[columns].notna().any(axis=1)]
    years = {key: t.loc[t["source"] == key, "year"] for key in (oica.KEY, oica.KEY_2024)}
    parts = []
    if len(years[oica.KEY]):
        parts.append(f"via the 'oica' R package ({span(years[oica.KEY])})")
    if len(years[oica.KEY_2024]):
        parts.append(f"via Wikipedia's OICA table ({span(years[oica.KEY_2024])}, US/Mexico/Canada only)")
    if not parts:
        raise ValueError("no OICA production value in the table")
    return "OICA production statistics " + " and ".join(parts)


def census_source(years, what: str = "") -> str:
    """Source line of a Census End-Use table covering ``years``."""
    return f"US Census Bureau, End-Use imports by country{what}, {span(years)}"


def _years_missing(table: pd.DataFrame, column: str) -> list[int]:
    """Years of ``table`` where ``column`` is missing (a value dropped by the OICA checks)."""
    return [int(y) for y in table.loc[table[column].isna(), "year"]]


def production(data: pd.DataFrame | None = None) -> None:
    """Stacked bars of US, Mexican and Canadian production (million vehicles); a year whose values fail the OICA
    checks is an empty bar (2023 with the mirror's file), a country's failing value a missing segment."""
    table = (autos.production() if data is None else data)[["year", *NA, "total", "source"]]
    p = table.set_index("year")
    fig, ax = charts.figure("Motor vehicle production in North America", "Million vehicles (cars and "
                            "commercial vehicles) per year")
    bottom = np.zeros(len(p))
    for iso in NA:
        vals = (p[iso] / 1e6).fillna(0).to_numpy()
        ax.bar(p.index, vals, bottom=bottom, color=charts.country_color(iso), label=LABEL[iso], width=0.75)
        bottom += vals
    for y, top in zip(p.index, bottom, strict=True):
        gone = [LABEL[c] for c in NA if pd.isna(p.loc[y, c])]
        if gone:
            text = "no valid data" if len(gone) == len(NA) else f"no {', '.join(gone)}"
            ax.text(y, top + 0.3, text, ha="center", va="bottom", fontsize=8, rotation=90, color="#555555")
    charts.mark_years(ax, EVENTS)
    ax.set_xticks(list(p.index)[::2])
    ax.set_ylim(0, float(bottom.max()) * 1.3)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.09), ncols=3, fontsize=8)  # under the years: clear of
    # the bars, the year marks and the axis
    k = p["total"] / 1e6
    first, last = int(k.dropna().index.min()), int(k.dropna().index.max())
    crisis, pandemic = autos.CRISIS_YEAR, autos.PANDEMIC_YEAR
    gap = ", ".join(str(y) for y in p.index[p[list(NA)].isna().all(axis=1)])
    part = [(int(y), LABEL[c]) for y in p.index for c in NA
            if pd.isna(p.loc[y, c]) and p.loc[y, list(NA)].notna().any()]
    part_txt = "; ".join(f"in {y} {c}'s value failed a plausibility check, so {c} is left out of that bar"
                         for y, c in part)
    charts.publish(
        fig, "autos-production", data=p.reset_index(), source=oica_source(table, list(NA)),
        units={"year": "year", **{c: "vehicles" for c in (*NA, "total")}},
        alt=(f"Stacked bar chart of vehicle production in the United States, Mexico and Canada, {first} to "
             f"{last}. The total is {k[first]:.1f} million in {first} and {k[crisis]:.1f} million in the "
             f"{crisis} crash, peaks at {k.max():.1f} million in {int(k.idxmax())}, is {k[pandemic]:.1f} million in "
             f"the pandemic year {pandemic} and {k[last]:.1f} million in {last}. The {gap} bar is empty (corrupt "
             "source rows)."),
        caption=f"Motor vehicle production by country. Dashed lines mark the {crisis} crash and the {pandemic} "
                f"pandemic year. {gap} is empty because every {gap} value in the open OICA file is corrupt"
                + (f"; {part_txt}." if part_txt else "."),
    )


def shares(data: pd.DataFrame | None = None) -> None:
    """Each country's share of the three-country total (percent), with Mexico's OLS trend and its 95% band."""
    d = autos.production_shares() if data is None else data
    fit = d.dropna(subset=["mex_trend_fitted"])
    missing = _years_missing(d, "share_MEX")
    fig, ax = charts.figure("Shares of North American vehicle production",
                            "Percent of the US + Mexico + Canada total; band: 95% CI of Mexico's linear trend")
    mex = charts.country_color("MEX")
    ax.fill_between(fit["year"], fit["mex_trend_lower"], fit["mex_trend_upper"], color=mex, alpha=0.2, lw=0)
    ax.plot(fit["year"], fit["mex_trend_fitted"], color=mex, linestyle=":", linewidth=1.2)
    for iso in NA:
        ax.plot(d["year"], d[f"share_{iso}"], color=charts.country_color(iso), marker="o", markersize=3)
    charts.mark_years(ax, EVENTS)
    ax.set_ylim(0, None)
    ax.set_xlim(d["year"].min() - 0.5, d["year"].max() + 0.5)
    year_axis(ax)
    label_ends(ax, {LABEL[iso]: (d.set_index("year")[f"share_{iso}"], charts.country_color(iso)) for iso in NA})
    first, last = int(fit["year"].min()), int(fit["year"].max())
    mid = fit.iloc[len(fit) // 2]
    ax.annotate(f"Mexico's trend {first}-{last} (95% band)", xy=(mid["year"], mid["mex_trend_upper"]),
                xytext=(first, fit["mex_trend_upper"].max() + 8), color=mex, fontsize=8,
                arrowprops={"arrowstyle": "-", "color": mex, "lw": 0.6})
    s = d.set_index("year")
    with_share = s["share_MEX"].dropna().index
    y0, y1 = int(with_share.min()), int(with_share.max())
    slope = (fit["mex_trend_fitted"].iloc[-1] - fit["mex_trend_fitted"].iloc[0]) / (last - first)
    charts.publish(
        fig, "autos-production-shares", data=d, units={"year": "year"},
        source=oica_source(d, ["share_USA", "share_MEX", "share_CAN"]),
        alt=(f"Line chart of each country's share of three-country vehicle production. Mexico goes from "
             f"{s.loc[y0, 'share_MEX']:.0f}% in {y0} to {s.loc[y1, 'share_MEX']:.0f}% in {y1}, Canada from "
             f"{s.loc[y0, 'share_CAN']:.0f}% to {s.loc[y1, 'share_CAN']:.0f}%, the United States between "
             f"{s['share_USA'].min():.0f}% and {s['share_USA'].max():.0f}%. Mexico's fitted trend moves "
             f"{slope:.2f} points a year."),
        caption=f"Share of each country in the three-country total ({', '.join(map(str, missing))} missing: "
                "see the production chart). The shaded band is the 95% confidence interval of an ordinary least "
                f"squares trend fitted to Mexico's share from {first} on.",
        gaps=f"no share in {', '.join(map(str, missing))}: the OICA rows of those years fail the checks.",
    )


def employment(data: pd.DataFrame | None = None) -> None:
    """Monthly US motor vehicle and parts employment (thousands) and its share of manufacturing jobs (%)."""
    m = autos.employment_monthly() if data is None else data
    fig, (a1, a2) = charts.figure("US jobs in motor vehicle and parts manufacturing",
                                  "Left: thousands of employees; right: percent of all manufacturing "
                                  "employees (monthly, seasonally adjusted)", ncols=2, height=3.8)
    a1.plot(m["date"], m["autos"], color=charts.country_color("USA"), linewidth=1)
    a2.plot(m["date"], m["autos_share"], color=charts.country_color("USA"), linewidth=1)
    for a in (a1, a2):
        charts.mark_years(a, {d: label or f"{d:%Y}" for d, label in MONTHLY_EVENTS.items()}, above=True)
        a.set_ylim(0, None)
        a.xaxis.set_major_locator(mdates.YearLocator(10))
        a.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    peak = m.loc[m["autos"].idxmax()]
    low = m.loc[m["autos"].idxmin()]
    charts.publish(
        fig, "autos-employment", data=m, finite=["autos", "autos_share"],
        units={"autos": "thousand employees", "manufacturing": "thousand employees", "autos_share": "percent"},
        source="U.S. Bureau of Labor Statistics, Current Employment Statistics, via FRED (CES3133600101, "
               "MANEMP)",
        alt=(f"Two line charts, monthly {m['date'].min():%Y} to {m['date'].max():%Y}. Motor vehicle and parts "
             f"employment peaks at {peak['autos']:,.0f} thousand in {peak['date']:%B %Y}, falls to "
             f"{low['autos']:,.0f} thousand in {low['date']:%B %Y} and stands at "
             f"{m['autos'].iloc[-1]:,.0f} thousand in {m['date'].iloc[-1]:%B %Y}. Its share of manufacturing "
             f"jobs moves from {m['autos_share'].iloc[0]:.1f}% to {m['autos_share'].iloc[-1]:.1f}%."),
        caption="US employment in motor vehicle, body, trailer and parts manufacturing (NAICS 3361-3363), "
                "and as a share of all manufacturing employment. Direct manufacturing jobs only.",
    )


def jobs_per_vehicle(data: pd.DataFrame | None = None) -> None:
    """US auto manufacturing jobs per 1,000 vehicles produced in the US, as an index (first year = 100)."""
    j = (autos.jobs_per_vehicle() if data is None else data).set_index("year")
    years = range(int(j.index.min()), int(j.index.max()) + 1)
    gaps = ", ".join(str(y) for y in sorted(set(years) - set(j.index)))
    base = int(j.index.min())
    turn = autos.jpv_turning_points(j)
    fig, ax = charts.figure("US auto manufacturing jobs per vehicle produced",
                            f"Index, {base} = 100 (jobs in vehicle and parts manufacturing per "
                            "vehicle made in the US)")
    ax.plot(list(years), j["index"].reindex(years), color=charts.country_color("USA"), marker="o", markersize=3)
    ax.axhline(100, color="#888888", linewidth=0.8)
    year_axis(ax)
    charts.mark_years(ax, EVENTS)
    charts.publish(
        fig, "autos-jobs-per-vehicle", data=j.reset_index(),
        units={"year": "year", "jobs": "thousand employees", "vehicles": "vehicles",
               "jobs_per_1000": "jobs per 1,000 vehicles", "index": f"index, {base} = 100"},
        source="BLS CES via FRED (CES3133600101, annual averages); OICA production (US)",
        alt=(f"Line chart of an index of US auto manufacturing jobs per vehicle produced, {base} = "
             f"100. It jumps to {turn['index_peak']:.0f} in {turn['index_peak_year']}, {turn['peak_why']}, falls "
             f"to {turn['index_min']:.0f} in {turn['index_min_year']}, climbs to {turn['index_high']:.0f} in "
             f"{turn['index_high_year']} and is {turn['index_last']:.0f} in {turn['last_year']}"
             + (f"; {gaps} has no valid production value." if gaps else ".")),
        caption="Annual average employment in US motor vehicle and parts manufacturing divided by US vehicle "
                "production, as an index. Parts plants also supply Mexican and Canadian assembly, so this is "
                "not a productivity measure in the strict sense.",
        **({"gaps": f"{gaps} has no valid US production value (OICA rows fail the checks)."} if gaps else {}),
    )


def _region_style(label: str) -> tuple[str, str, float]:
    """Colour, line style and width of an EV region: a country's colour, or an aggregate's style."""
    if label in AGGREGATE_STYLE:
        colour, ls = AGGREGATE_STYLE[label]
        return colour, ls, 1.6
    return charts.country_color(label), "-", 2.2 if label in NA else 1.6


def ev(data: pd.DataFrame | None = None) -> None:
    """Electric-car share of new cars (%) and EV car stock, three countries against China, Europe, world."""
    d = autos.ev_cars() if data is None else data
    names = {"USA": "United States", "CAN": "Canada", "MEX": "Mexico", "CHN": "China"}
    fig, (a1, a2) = charts.figure("Electric cars: sales share and stock", "Left: percent of new cars sold "
                                  "(BEV + PHEV); right: cars on the road, log scale", ncols=2, height=4.2)
    share_ends, stock_ends = {}, {}
    for lab, g in d.groupby("label"):
        colour, ls, lw = _region_style(lab)
        a1.plot(g["year"], g["sales_share"], color=colour, linestyle=ls, linewidth=lw)
        a2.plot(g["year"], g["stock"], color=colour, linestyle=ls, linewidth=lw)
        share_ends[names.get(lab, lab)] = (g.set_index("year")["sales_share"], colour)
        stock_ends[names.get(lab, lab)] = (g.set_index("year")["stock"], colour)
    a2.set_yscale("log")
    for a, ends in ((a1, share_ends), (a2, stock_ends)):
        year_axis(a)
        label_ends(a, ends, fontsize=8)
    fig.subplots_adjust(wspace=0.45)
    y0, y1 = int(d["year"].min()), int(d["year"].max())
    s24 = d[d["year"] == y1].set_index("label")["sales_share"]
    charts.publish(
        fig, "autos-ev", data=d, finite=["sales_share", "stock"],
        units={"year": "year", "sales_share": "percent of new cars", "sales": "vehicles", "stock": "vehicles"},
        source="IEA, Global EV Outlook 2025, Global EV Data Explorer (EVDataExplorer2025.xlsx)",
        alt=(f"Two line charts, {y0} to {y1}. In {y1} electric cars were {s24['CHN']:.0f}% of new cars in China, "
             f"{s24['Europe']:.0f}% in Europe, {s24['World']:.0f}% worldwide, {s24['CAN']:.0f}% in Canada, "
             f"{s24['USA']:.0f}% in the United States and {s24['MEX']:.1f}% in Mexico. {_stock_text(d, names)}"),
        caption="Battery-electric and plug-in hybrid cars: share of new car sales and number on the road. "
                "Historical IEA data (no projections). Dashed: Europe; dotted: the world.",
    )


def _stock_text(d: pd.DataFrame, names: dict) -> str:
    """What the EV stock panel shows, from the table ``d`` (label, year, stock): in how many regions the stock
    is higher in the last year than in the first, and the region (not the world) with the most cars on the road."""
    st = d.dropna(subset=["stock"]).sort_values("year").groupby("label")["stock"]
    first, last = st.first(), st.last()
    n, total = int((last > first).sum()), len(last)
    top = last.drop("World", errors="ignore").idxmax()
    y1 = int(d["year"].max())
    who = "Every region has" if n == total else f"{n} of the {total} regions have"
    return (f"{who} more electric cars on the road in {y1} than in its first year of data; "
            f"{names.get(top, top)} has the most, {last[top] / 1e6:.1f} million.")


def auto_imports(data: pd.DataFrame | None = None) -> None:
    """US auto imports (End-Use group 3, billion USD) from six partners, every year of the Census file."""
    d = (autos.auto_imports() if data is None else data)[["year", *autos.PARTNERS]].set_index("year")
    fig, ax = charts.figure("US imports of vehicles, parts and engines by partner",
                            "Billion current US dollars per year (Census End-Use group 3)")
    for iso in autos.PARTNERS:
        ax.plot(d.index, d[iso], color=charts.country_color(iso), marker="o", markersize=3,
                linewidth=2.2 if iso in NA else 1.4)
    charts.mark_years(ax, {USMCA_IN_FORCE: "USMCA"})
    ax.set_ylim(0, None)
    year_axis(ax)
    label_ends(ax, {charts.country_label(iso): (d[iso], charts.country_color(iso)) for iso in autos.PARTNERS})
    first, last = int(d.index.min()), int(d.index.max())
    leader = d.idxmax(axis=1).value_counts().idxmax()
    charts.publish(
        fig, "autos-imports-by-partner", data=d.reset_index(), finite=list(autos.PARTNERS),
        units={"year": "year", **{iso: "billion current US dollars" for iso in autos.PARTNERS}},
        source=census_source(d.index, " (group 3)"),
        alt=(f"Line chart of US imports of automotive vehicles, parts and engines, {first} to {last}. "
             f"{largest_partner_text(d)}, going from {d.loc[first, leader]:.0f} to {d.loc[last, leader]:.0f} "
             f"billion dollars. In {last} {_followers(d.loc[last])}."),
        caption="US general imports (Customs value) of End-Use group 3: passenger cars, trucks and buses, "
                "bodies and chassis, engines, tyres, and other parts. Current dollars.",
    )


def largest_partner_text(d: pd.DataFrame) -> str:
    """Which partner of ``d`` (year x partner, billion USD) is the largest, and in how many years: "Mexico is
    largest every year", or "Mexico is largest in 8 of the 10 years"."""
    top = d.idxmax(axis=1)
    leader = top.value_counts().idxmax()
    n, total = int((top == leader).sum()), len(top)
    when = "every year" if n == total else f"in {n} of the {total} years"
    return f"{charts.country_label(leader)} is largest {when}"


def _followers(row: pd.Series) -> str:
    """The three partners after the largest in one year's row (billion USD), in order, with their values."""
    order = row.sort_values(ascending=False)
    lead, nxt = order.index[0], order.iloc[1:4]
    parts = [f"{charts.country_label(iso)} ({v:.0f})" for iso, v in nxt.items()]
    return (f"{charts.country_label(lead)} ({order.iloc[0]:.0f} billion) leads, followed by "
            f"{', '.join(parts[:-1])} and {parts[-1]}")


def auto_share(data: pd.DataFrame | None = None) -> None:
    """Autos' share (%) of all US goods imports from Mexico, from Canada, from both, and from the world."""
    d = (autos.auto_share_of_imports() if data is None else data).set_index("year")
    fig, ax = charts.figure("How much of what the US buys from its neighbours is automotive",
                            "End-Use group 3 as a percent of all US goods imports from the partner")
    styles = {"MEX": ("Mexico", charts.country_color("MEX"), "-"), "CAN": ("Canada", charts.country_color("CAN"), "-"),
              "USMCA": ("Mexico + Canada", *AGGREGATE_STYLE["USMCA"]),
              "World": ("All partners", *AGGREGATE_STYLE["World"])}
    for col, (_, colour, ls) in styles.items():
        ax.plot(d.index, d[col], color=colour, linestyle=ls, marker="o", markersize=3)
    ax.set_ylim(0, None)
    year_axis(ax)
    label_ends(ax, {name: (d[col], colour) for col, (name, colour, _) in styles.items()})
    first, last = int(d.index.min()), int(d.index.max())
    charts.publish(
        fig, "autos-share-of-imports", data=d.reset_index(), source=census_source(d.index), finite=list(styles),
        units={"year": "year", **{c: "percent of all goods imports from the partner" for c in styles}},
        alt=(f"Line chart, {first} to {last}. Autos are {d.loc[first, 'MEX']:.0f}% of US imports from Mexico in "
             f"{first} and {d.loc[last, 'MEX']:.0f}% in {last}; from Canada {d.loc[first, 'CAN']:.0f}% and "
             f"{d.loc[last, 'CAN']:.0f}%; from all partners {d.loc[last, 'World']:.0f}% in {last}."),
        caption="Share of automotive goods (End-Use group 3) in US imports from each partner. Imports only: "
                "US exports by End-Use and partner are not in the mirror.",
    )


def rules_of_origin() -> None:
    """The NAFTA and USMCA automotive rules of origin side by side (a table)."""
    charts.table(autos.rules_of_origin(), caption="Automotive rules of origin, NAFTA and USMCA")


def production_around_2023() -> None:
    """Three-country production around the report's year (million vehicles), a table
    (:func:`northam.analysis.autos.production_around_2023`)."""
    charts.table(autos.production_around_2023(), floatfmt=",.2f",
                 caption="Three-country production (million vehicles)")

"""Figures of the chapter "Labor mobility" (:mod:`northam.analysis.labor`).

Every function takes the table it plots (default: the analysis function named in its docstring), draws it
in the house style and publishes it with :func:`northam.charts.publish`: the CSV is exactly the plotted
table. The three countries keep their book colours; visa classes, asylum-seekers' origins, periods and
age groups use :data:`northam.figures.common.SERIES`, with distinct line styles where lines share a panel.
"""

from __future__ import annotations

import calendar

import pandas as pd

from .. import charts
from ..analysis import labor
from ..countries import MEMBERS
from ..prose import and_list, country, direction
from ..sources import owid
from .common import SERIES, label_ends, year_axis

#: The State Department's title of the workbook (its edition: "FYs97-24"), not the years the chart shows.
NIV_SOURCE = "US Department of State, Nonimmigrant Visa Issuances by Visa Class and Nationality, FY1997-2024"
#: Visa class -> (short label, colour, line style).
VISA_STYLE = {"TN": ("TN", SERIES["indigo"], "-"), "TD": ("TD", SERIES["cyan"], "--"),
              "H2A": ("H-2A", SERIES["teal"], "-"), "H2B": ("H-2B", SERIES["olive"], "-."),
              "H1B": ("H-1B", SERIES["wine"], ":")}
#: Colours of the largest asylum-seekers' origins (in order of size) and of the rest.
ORIGIN_COLOURS = [SERIES[c] for c in ("indigo", "teal", "sand", "wine", "cyan", "black")]
AGE_COLOURS = {"0-14": SERIES["sand"], "15-64": SERIES["indigo"], "65+": SERIES["wine"]}
MEX = charts.country_color("MEX")
BASE = labor.BASE_YEAR


def _in_sentence(iso: str) -> str:
    """A country's label as it reads in a sentence (:func:`northam.prose.country`)."""
    return country(charts.country_label(iso))


def _title42(*axes, start=labor.TITLE42_FY[0], end=labor.TITLE42_FY[1]) -> None:
    """Shade the Title 42 expulsions period on each axis (fiscal years by default)."""
    for ax in axes:
        ax.axvspan(start, end, color="#eeeeee", zorder=0)


def visas(data: pd.DataFrame | None = None) -> None:
    """Visas issued to Mexicans by class (four work classes and TD, the visa of TN workers' families): index
    (:data:`BASE` = 100) and levels (log scale), by fiscal year. Table: :func:`northam.analysis.labor.visa_levels_and_index`."""
    d = labor.visa_levels_and_index() if data is None else data
    fig, (a1, a2) = charts.figure("US visas issued to Mexicans: work classes and TN dependants",
                                  f"Left: index, FY{BASE} = 100. Right: visas issued (log scale). Fiscal years",
                                  ncols=2, height=4.4)
    for c, (_, colour, ls) in VISA_STYLE.items():
        a1.plot(d.index, d[f"{c}_index"], color=colour, linestyle=ls)
        a2.plot(d.index, d[c], color=colour, linestyle=ls)
    a2.set_yscale("log")
    for ax, suffix in ((a1, "_index"), (a2, "")):
        year_axis(ax)
        label_ends(ax, {lab: (d[f"{c}{suffix}"], colour) for c, (lab, colour, _) in VISA_STYLE.items()})
    fig.subplots_adjust(wspace=0.3)
    last = int(d.index.max())
    peak = int(d["TN"].idxmax())
    charts.publish(
        fig, "labor-visas-index", data=d, source=NIV_SOURCE, finite=list(d.columns),
        units={**{f"{c}_index": f"index, FY{BASE} = 100" for c in VISA_STYLE}, **{c: "visas issued" for c in VISA_STYLE}},
        alt=(f"Two line charts of visas issued to Mexicans by class, FY{int(d.index.min())} to FY{last}. TN visas "
             f"{direction(d.loc[peak, 'TN_index'], 100, 'rose', 'fell', 'stayed')} to {d.loc[peak, 'TN_index']:,.0f} on the "
             f"FY{BASE} = 100 index in FY{peak}"
             + (f" and fell back to {d.loc[last, 'TN_index']:,.0f} by FY{last}" if last != peak else "")
             + f"; H-2A {direction(d['H2A_index'].iloc[-1], 100, 'rose', 'fell', 'stayed')} to "
             f"{d['H2A_index'].iloc[-1]:,.0f}; H-1B ended at {d['H1B_index'].iloc[-1]:,.0f}."),
        caption=f"Visas issued to Mexican nationals by class, as an index (FY{BASE} = 100) and in levels. TN: USMCA "
                "professionals; TD: their spouses and children (not a work visa); H-2A: farm work; H-2B: non-farm "
                "seasonal work; H-1B: specialty occupations.")


def h2_visas(data: pd.DataFrame | None = None) -> None:
    """H-2A and H-2B visas issued to Mexicans (thousands) and Mexico's share of all H-2A visas (percent).
    Table: :func:`northam.analysis.labor.h2_mexico`."""
    h2 = labor.h2_mexico() if data is None else data
    fig, (a1, a2) = charts.figure("H-2A and H-2B visas issued to Mexican nationals",
                                  "Left: thousand visas. Right: Mexico's share of all H-2A visas, percent. Fiscal years",
                                  ncols=2, height=4.4, gridspec_kw={"width_ratios": [1.6, 1]})
    a1.bar(h2.index - 0.2, h2["H2A"] / 1e3, width=0.4, color=VISA_STYLE["H2A"][1], label="H-2A (farm)")
    a1.bar(h2.index + 0.2, h2["H2B"] / 1e3, width=0.4, color=VISA_STYLE["H2B"][1], label="H-2B (non-farm)")
    a1.legend(loc="upper left")
    a2.plot(h2.index, h2["mex_share_h2a_pct"], color=MEX, marker="o", markersize=3)
    a2.set_ylim(0, 100)
    year_axis(a1)
    year_axis(a2, nbins=5)
    charts.publish(
        fig, "labor-h2-visas", data=h2, source=NIV_SOURCE, finite=["mex_share_h2a_pct"],
        units={"H2A": "visas issued", "H2B": "visas issued", "H2A_world": "visas issued", "H2B_world": "visas issued",
               "mex_share_h2a_pct": "percent", "mex_share_h2b_pct": "percent"},
        alt=(f"Bar chart of H-2A and H-2B visas to Mexicans, FY{int(h2.index.min())}-FY{int(h2.index.max())}: "
             f"H-2A {direction(h2['H2A'].iloc[-1], h2['H2A'].iloc[0], 'rise', 'fall', 'go')} from "
             f"{h2['H2A'].iloc[0]:,.0f} to {h2['H2A'].iloc[-1]:,.0f}, H-2B from "
             f"{h2['H2B'].iloc[0]:,.0f} to {h2['H2B'].iloc[-1]:,.0f}; line of Mexico's share of all H-2A visas, "
             f"between {h2['mex_share_h2a_pct'].min():.0f} and {h2['mex_share_h2a_pct'].max():.0f} percent."),
        caption="H-2A and H-2B visas issued to Mexicans, and Mexico's share of all H-2A visas issued worldwide.")


def border_patrol(data: pd.DataFrame | None = None) -> None:
    """Encounters of Mexicans at the southwest border per fiscal year (thousands) and their share of all
    encounters (percent). Table: :func:`northam.analysis.labor.encounters_mexicans`."""
    enc = labor.encounters_mexicans() if data is None else data
    fig, (a1, a2) = charts.figure("Border Patrol encounters of Mexicans at the southwest border",
                                  "Top: thousand encounters per fiscal year. Bottom: Mexicans' share of all, percent",
                                  nrows=2, height=6, sharex=True, gridspec_kw={"height_ratios": [2, 1]})
    a1.plot(enc.index, enc["mexico"] / 1e3, color=MEX)
    a1.plot(enc.index, enc["cbp_mexico"] / 1e3, color=SERIES["black"], ls="--", marker="o", ms=3)
    a2.plot(enc.index, enc["mex_share_pct"], color=MEX)
    _title42(a1, a2)
    a1.text(labor.TITLE42_FY[0], 0.95, " Title 42", transform=a1.get_xaxis_transform(), fontsize=8.5, va="top")
    a1.set_ylim(0, None)
    a2.set_ylim(0, 100)
    year_axis(a2)
    label_ends(a1, {"Border Patrol": (enc["mexico"] / 1e3, MEX),
                    "All CBP, incl.\nports of entry": (enc["cbp_mexico"] / 1e3, SERIES["black"])}, gap=0.12)
    first, last = int(enc.index.min()), int(enc.index.max())
    low = int(enc["mexico"].idxmin())
    t42 = enc.loc[enc.index.isin(labor.title42_fiscal_years()), "mexico"]
    cbp_first = int(enc["cbp_mexico"].first_valid_index())
    charts.publish(
        fig, "labor-usbp-mexicans", data=enc, finite=["mexico", "mex_share_pct"],
        units={"mexico": "encounters", "all_sw": "encounters", "cbp_mexico": "encounters", "mex_share_pct": "percent"},
        source="DHS OHSS, KHSM CBP Encounters (USBP) workbook; CBP, Southwest Land Border Encounters FY22-FY25",
        alt=(f"Line charts, FY{first}-FY{last}: encounters of Mexicans fall from {enc['mexico'].iloc[0]:,.0f} to a "
             f"low of {enc.loc[low, 'mexico']:,.0f} in FY{low}, "
             f"{direction(t42.max(), enc.loc[low, 'mexico'], 'rise again', 'stay low', 'stay low')} during Title 42 "
             f"({t42.max():,.0f} in FY{int(t42.idxmax())}) and stand at {enc['mexico'].iloc[-1]:,.0f} in FY{last}; "
             f"Mexicans' share of all southwest encounters "
             f"{direction(enc['mex_share_pct'].iloc[-1], enc['mex_share_pct'].iloc[0], 'rises', 'falls', 'goes')} from "
             f"{enc['mex_share_pct'].iloc[0]:.0f} to {enc['mex_share_pct'].iloc[-1]:.0f} percent."),
        caption="Border Patrol encounters of Mexican nationals at the southwest land border by fiscal year; shaded: "
                f"Title 42 period. The dashed line (FY{cbp_first} on) also counts encounters at ports of entry.")


def asylum(data: pd.DataFrame | None = None) -> None:
    """Asylum applications in Mexico by origin (thousands, stacked) and refugees plus asylum-seekers hosted
    by each country (millions). Table: :func:`northam.analysis.labor.asylum_and_hosted`."""
    d = labor.asylum_and_hosted() if data is None else data
    apps = d.filter(like="apps_mex_").dropna(how="all")
    hosted = d.filter(like="hosted_").dropna(how="all")
    fig, (a1, a2) = charts.figure("Asylum in Mexico and refugees hosted in North America",
                                  "Left: applications lodged in Mexico, thousands, by origin. Right: refugees plus "
                                  "asylum-seekers hosted at year end, millions", ncols=2, height=4.4)
    bottom = 0
    for col, colour in zip(apps.columns, ORIGIN_COLOURS, strict=True):
        a1.bar(apps.index, apps[col] / 1e3, bottom=bottom, color=colour, width=0.8,
               label=col.removeprefix("apps_mex_"))
        bottom = bottom + apps[col] / 1e3
    a1.legend(fontsize=8, loc="upper left")
    for iso in MEMBERS:
        a2.plot(hosted.index, hosted[f"hosted_{iso}"] / 1e6, color=charts.country_color(iso))
    for ax in (a1, a2):
        year_axis(ax)
    label_ends(a2, {charts.country_label(iso): (hosted[f"hosted_{iso}"] / 1e6, charts.country_color(iso))
                    for iso in MEMBERS})
    total = apps.sum(axis=1)
    end = hosted.iloc[-1].sort_values(ascending=False)  # hosted at the end of the last year, largest first
    big, second = end.index[0].removeprefix("hosted_"), end.index[1].removeprefix("hosted_")
    charts.publish(
        fig, "labor-asylum", data=d, source="UNHCR Refugee Population Statistics ('refugees' R package): "
                                            "asylum_applications, population",
        units={c: "applications" if c.startswith("apps") else "persons" for c in d.columns},
        alt=(f"Stacked bars of asylum applications in Mexico by origin, {int(apps.index[0])}-{int(apps.index[-1])}, "
             f"from {total.iloc[0]:,.0f} to a peak of {total.max():,.0f} in {int(total.idxmax())} and "
             f"{total.iloc[-1]:,.0f} in {int(apps.index[-1])}; lines of refugees and asylum-seekers hosted, "
             f"{hosted.index[0]}-{hosted.index[-1]}, with {_in_sentence(big)} at {end.iloc[0] / 1e6:.1f} "
             f"million in {hosted.index[-1]}, {end.iloc[0] / end.iloc[1]:.0f} times as many as "
             f"{_in_sentence(second)}."),
        caption="Asylum applications lodged in Mexico by country of origin (UNHCR, from COMAR), and refugees plus "
                "asylum-seekers hosted by each country at the end of each year.")


def segob_states(data: pd.DataFrame | None = None) -> None:
    """Events of foreigners presented to Mexico's migration authority by state (thousands), per year of the
    SEGOB files. Table: :func:`northam.analysis.labor.segob_by_state`."""
    seg = labor.segob_by_state() if data is None else data
    periods = labor.segob_periods()
    partial = [p for y, p in periods.items() if p != str(y)]
    coverage = and_list(list(periods.values()))
    fig, ax = charts.figure("Foreigners presented to Mexico's migration authority, by state",
                            "Events (one person can count more than once), thousands"
                            + "".join(f"; {p} only" for p in partial))
    (seg.iloc[::-1] / 1e3).plot.barh(ax=ax, color=[SERIES["indigo"], SERIES["cyan"], SERIES["grey"]], width=0.8)
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    ax.set_ylabel("")
    ax.legend(loc="lower right")
    charts.publish(
        fig, "labor-segob-states", data=seg.rename_axis("state"), units={c: "events" for c in seg.columns},
        source=f"SEGOB, Unidad de Política Migratoria, Boletín estadístico, Cuadro 3.1 ({', '.join(map(str, periods))})",
        alt=(f"Horizontal bar chart of events by state for {coverage}; {seg.index[0]} leads with "
             f"{seg.iloc[0, 0]:,.0f} in {seg.columns[0]}, {seg.iloc[0, 0] / seg.iloc[1, 0]:.1f} times "
             f"{seg.index[1]}, the next state."),
        caption="Events of foreigners presented to the National Migration Institute, by state."
                + "".join(f" The bar for {p} covers those months only and is not comparable with full years."
                          for p in partial))


def mexican_born(data: pd.DataFrame | None = None) -> None:
    """Mexican-born people in the US (millions): UN DESA's migrant stock and the reports' ACS figures.
    Table: :func:`northam.analysis.labor.mexican_born_table`."""
    d = labor.mexican_born_table() if data is None else data
    stock, acs = d["undesa_million"].dropna(), d["reported_acs_million"].dropna()
    fig, ax = charts.figure("Mexican-born people living in the United States", "Million persons, mid-year")
    ax.plot(stock.index, stock, color=MEX, marker="o", label="UN DESA migrant stock")
    ax.scatter(acs.index, acs, color=SERIES["black"], marker="D", zorder=3, label="Reported (ACS, Wilson Center)")
    ax.set_ylim(0, None)
    ax.legend(loc="lower right")
    year_axis(ax)
    charts.publish(
        fig, "labor-mexican-born-us", data=d, units={c: "million persons" for c in d.columns},
        source="UN DESA, International Migrant Stock 2019 (origin-destination); reported values from the Wilson Center",
        alt=(f"Line chart: Mexican-born residents of the US rise from {stock.iloc[0]:.1f} million in "
             f"{int(stock.index[0])} to {stock.max():.1f} million in {int(stock.idxmax())} and ease to "
             f"{stock.iloc[-1]:.1f} million in {int(stock.index[-1])}; the report's ACS points are "
             + " and ".join(f"{v:.1f} million in {int(y)}" for y, v in acs.items())
             + "".join(f"; in {int(y)} the ACS point is {direction(v, stock[y], 'above', 'below', 'equal to')} UN "
                       f"DESA's {stock[y]:.1f} million" for y, v in acs.items() if y in stock.index)
             + "."),
        caption="Mexican-born migrant stock in the US (UN DESA) and the ACS-based figures quoted by the Wilson Center.")


def _demography_figure(age: pd.DataFrame, shares: pd.DataFrame, year: int, *, phone: bool):
    """Desktop: the median-age lines beside upright age-structure bars. Phone: the lines over horizontal bars,
    each country's name over its bar and the key over the panel, so both panels take the canvas's width."""
    first, second = ("Top", "Bottom") if phone else ("Left", "Right")
    fig, (a1, a2) = charts.figure("Median age and age structure", f"{first}: median age, years, "
                                  f"{age.index.min()}-{age.index.max()}. {second}: share of the population by "
                                  f"age, {year}, percent",
                                  nrows=2 if phone else 1, ncols=1 if phone else 2, height=7 if phone else 4.4,
                                  phone=phone, gridspec_kw={"height_ratios" if phone else "width_ratios": [1.6, 1]})
    for iso in MEMBERS:
        a1.plot(age.index, age[iso], color=charts.country_color(iso))
    label_ends(a1, {charts.country_label(iso): (age[iso], charts.country_color(iso)) for iso in MEMBERS})
    named = shares.rename(index=charts.country_label)
    colours = list(AGE_COLOURS.values())
    if phone:
        bars = named.iloc[::-1]
        bars.plot.barh(ax=a2, stacked=True, color=colours, width=0.45, legend=False)
        for y, country in enumerate(bars.index):  # the name over its bar: no column of names narrows the panels
            a2.annotate(country, (0, y + 0.45 / 2), xytext=(0, 2), textcoords="offset points", ha="left",
                        va="bottom", fontsize=9, color="#333333")
        a2.set_yticks([])
        a2.set_ylabel("")
        a2.set_xlim(0, 100)
        a2.grid(axis="x")
        a2.grid(axis="y", visible=False)
        a2.legend(*a2.get_legend_handles_labels(), loc="lower left", bbox_to_anchor=(0, 1), ncol=3, fontsize=8,
                  borderaxespad=0.2)
        fig.subplots_adjust(top=0.9, hspace=0.3)
    else:
        named.rename(index=lambda country: country.replace(" ", "\n")).plot.bar(ax=a2, stacked=True,
                                                                                 color=colours, rot=0)
        a2.set_ylim(0, 118)
        a2.set_xlabel("")
        a2.legend(loc="upper center", ncol=3, fontsize=8, handlelength=1.2, columnspacing=1)
        fig.subplots_adjust(wspace=0.5)  # room for the line labels and the bars' axis between the panels
    return fig


def demography(data: pd.DataFrame | None = None) -> None:
    """Median age 1950-2021 (years) and age structure in 2021 (percent) of the three countries.
    Table: :func:`northam.analysis.labor.demography_table` (long: measure, iso3, year, value)."""
    d = labor.demography_table() if data is None else data
    age = d[d["measure"] == "median age (years)"].pivot(index="year", columns="iso3", values="value")
    shares = d[d["measure"] != "median age (years)"].pivot(index="iso3", columns="measure", values="value")
    shares = shares.rename(columns=lambda m: m.removeprefix("share of population aged ").removesuffix(" (%)"))
    shares = shares.loc[list(MEMBERS), list(AGE_COLOURS)]
    year = int(d.loc[d["measure"] != "median age (years)", "year"].max())  # of the age structure
    span = f"{age.index.min()}-{age.index.max()}"
    wa, old = shares["15-64"], shares["65+"]
    others = [iso for iso in MEMBERS if iso != "MEX"]
    charts.publish(
        _demography_figure(age, shares, year, phone=False), "labor-demography", data=d,
        phone=_demography_figure(age, shares, year, phone=True),
        source="UN World Population Prospects 2022 via Our World in Data",
        alt=(f"Line chart of median age {span}: Mexico "
             f"{direction(age['MEX'].iloc[-1], age['MEX'].iloc[0], 'rises', 'falls', 'goes')} from "
             f"{age['MEX'].iloc[0]:.1f} to {age['MEX'].iloc[-1]:.1f} years, the US to {age['USA'].iloc[-1]:.1f}, "
             f"Canada to {age['CAN'].iloc[-1]:.1f}; stacked bars of age shares in {year}, with 15-64-year-olds "
             f"{wa.min():.0f}-{wa.max():.0f} percent in all three and 65-and-over {old['MEX']:.0f} percent in "
             f"Mexico against " + " and ".join(f"{old[iso]:.0f} in {_in_sentence(iso)}" for iso in others)
             + "."),
        caption=f"Median age of the three countries, and the share of their populations aged 0-14, 15-64 and 65+ "
                f"in {year}.")


def age_table() -> None:
    """The age structure (the year of :data:`northam.sources.owid.AGE_GROUPS_YEAR`) as a small table (percent
    of the population)."""
    charts.table(labor.age_structure().rename(index=charts.country_label).rename_axis("country").reset_index(),
                 caption=f"Population by age group, {owid.AGE_GROUPS_YEAR} (percent of total)")


def _seasonality_figure(d: pd.DataFrame, prof: pd.DataFrame):
    """The monthly series beside the seasonal profile (on the phone, one over the other: :func:`charts.publish`
    stacks them)."""
    fig, (a1, a2) = charts.figure("Monthly encounters of Mexicans: trend and season", "Left: thousand "
                                  "encounters per month, observed and trend with 95% interval. "
                                  "Right: seasonal effect by month, percent vs trend",
                                  ncols=2, height=4.4, gridspec_kw={"width_ratios": [1.6, 1]})
    a1.plot(d.index, d["observed"] / 1e3, color=SERIES["black"], lw=0.8, label="Observed")
    cbp = d.index[d["source"] == labor.MONTHLY_SOURCES["cbp"]]
    if len(cbp):  # the months appended from CBP's file: right of a dotted line
        a1.axvline(cbp.min() - pd.Timedelta(days=15), color="#555555", lw=0.8, ls=":")
    a1.fill_between(d.index, d["uc_low"] / 1e3, d["uc_high"] / 1e3, color=MEX, alpha=0.3, lw=0)
    a1.plot(d.index, d["uc_trend"] / 1e3, color=MEX, lw=1.6, label="Trend (95% interval)")
    _title42(a1, start=labor.title42_dates()[0], end=labor.title42_dates()[1])
    a1.legend(loc="upper right")
    for span, colour, ls in zip(prof.columns, [SERIES["wine"], SERIES["indigo"]], ["--", "-"], strict=True):
        a2.plot(prof.index, prof[span], color=colour, ls=ls, marker="o", ms=3, label=span)
    a2.axhline(0, color="#888888", lw=0.8)
    a2.set_xticks(range(1, 13), list("JFMAMJJASOND"))
    a2.legend(fontsize=8, loc="lower left")
    return fig


def seasonality(data: pd.DataFrame | None = None) -> None:
    """Monthly encounters of Mexicans with the structural trend and its 95% interval, and the seasonal
    profile in two spans of fiscal years. Table: :func:`northam.analysis.labor.encounters_seasonality`."""
    t = labor.encounters_seasonality() if data is None else data
    d = t[t["panel"] == "monthly"].set_index("date")
    prof = t[t["panel"] == "seasonal profile"].pivot(index="month", columns="span", values="seasonal_pct")
    by_file = {src: d.index[d["source"] == src] for src in labor.MONTHLY_SOURCES.values()}
    months = {src: f"{ix.min():%b %Y}-{ix.max():%b %Y}" for src, ix in by_file.items() if len(ix)}
    dhs_name, cbp_name = labor.MONTHLY_SOURCES["dhs"], labor.MONTHLY_SOURCES["cbp"]
    source = f"DHS OHSS, KHSM CBP Encounters (USBP) workbook, monthly ({months[dhs_name]})"
    spliced = ""
    if cbp_name in months:
        source += f"; CBP, Southwest Land Border Encounters, U.S. Border Patrol rows ({months[cbp_name]})"
        spliced = (f" Months after {by_file[dhs_name].max():%B %Y} (right of the dotted line) come from CBP's file, "
                   f"which matches the DHS count to within DHS's rounding on the months both hold; column "
                   f"'source' names each month's file.")
    peaks = [calendar.month_name[int(prof.iloc[:, k].idxmax())] for k in (0, 1)]
    peak_months = (f"{peaks[0]} seasonal peak" if peaks[0] == peaks[1]
                   else f"seasonal peak ({peaks[0]} in {prof.columns[0]}, {peaks[1]} in {prof.columns[1]})")
    charts.publish(
        _seasonality_figure(d, prof), "labor-encounters-stl", data=t,
        source=source,
        units={"observed": "encounters per month", "stl_trend": "encounters per month", "stl_seasonal": "log points",
               "uc_trend": "encounters per month", "uc_low": "encounters per month", "uc_high": "encounters per month",
               "uc_slope_pct": "percent per year", "month": "calendar month", "seasonal_pct": "percent vs trend"},
        alt=(f"First panel: monthly encounters of Mexicans with a smoothed trend and band, ending at "
             f"{d['uc_trend'].iloc[-1]:,.0f} a month in {d.index.max():%B %Y}. Second panel: the {peak_months} "
             f"{direction(prof.iloc[:, 1].max(), prof.iloc[:, 0].max(), 'grows', 'shrinks', 'stays')} from "
             f"{prof.iloc[:, 0].max():.0f}% above trend in {prof.columns[0]} to {prof.iloc[:, 1].max():.0f}% in "
             f"{prof.columns[1]}."),
        caption="First panel: monthly Border Patrol encounters of Mexicans (black), the model's trend and 95% "
                "interval; shaded: Title 42. Second panel: STL seasonal factors averaged over two spans of "
                f"{labor.SEASONAL_SPAN_YEARS} fiscal years ({prof.columns[0]} and {prof.columns[1]})." + spliced)

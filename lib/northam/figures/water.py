"""Figures of the chapter "Water and energy" (:mod:`northam.analysis.water`).

Every function takes the table it plots (default: the analysis function named in its docstring), draws it
in the house style and publishes it with :func:`northam.charts.publish`: the CSV is exactly the plotted
table. The three countries keep their book colours; the world, sectors, fuels, regions and publications
use :data:`northam.figures.common.SERIES` (or a sequential yellow-to-dark-red scale for drought
categories), with distinct line styles where lines share a panel.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd

from .. import charts
from ..analysis import water
from ..countries import name
from ..prose import country
from ..sources import aquastat, conagua
from .common import SERIES, label_ends, year_axis

MEMBERS = water.MEMBERS
#: Drought Monitor categories, light to dark (readable in grayscale and with colour-vision deficiencies).
DROUGHT_COLORS = {"D0": "#FFF3B0", "D1": "#FCC45C", "D2": "#F28C28", "D3": "#D7301F", "D4": "#7F0000"}
#: Fuels: no country colour, and every fuel at least ``charts.CVD_MIN_DISTANCE`` from every other fuel and from the
#: three country lines of the last panel for a reader with deuteranopia.
FUEL_COLORS = {"Coal": SERIES["black"], "Oil": SERIES["dark olive"], "Gas": SERIES["indigo"],
               "Nuclear": SERIES["pink"], "Hydro": SERIES["pale cyan"], "Wind and solar": SERIES["gold"],
               "Other renewables": SERIES["dark cyan"]}
SECTOR_COLORS = {"agriculture": SERIES["teal"], "industry": SERIES["indigo"], "municipal": SERIES["sand"]}
WORLD = (SERIES["black"], "--")
#: Inches per region of the surface-water bars on a phone, where each region's name takes two lines.
PHONE_INCH_PER_REGION = 0.36


def _country_or_world(iso3: str) -> tuple[str, str]:
    """Colour and line style: a country's book colour (solid), or the world's (black, dashed)."""
    return WORLD if iso3 == "WLD" else (charts.country_color(iso3), "-")


def stress(data: pd.DataFrame | None = None) -> None:
    """Water stress (SDG 6.4.2, percent of available freshwater) of the three countries and the world.
    Table: :func:`northam.analysis.water.water_stress`."""
    d = water.water_stress() if data is None else data
    fig, ax = charts.figure("Water stress in North America",
                            "Freshwater withdrawals, % of available freshwater (SDG 6.4.2), with the world")
    for iso in d.columns:
        colour, ls = _country_or_world(iso)
        ax.plot(d.index, d[iso], color=colour, linestyle=ls)
    ax.set_ylim(0, None)
    year_axis(ax)
    label_ends(ax, {name(iso): (d[iso], _country_or_world(iso)[0]) for iso in d.columns})
    first, last = int(d.index.min()), int(d.index.max())
    mex = d["MEX"].dropna()
    step = water.stress_jump(series=mex)  # Mexico's largest year-on-year step
    before, jump = step["from_year"], step["to_year"]
    charts.publish(
        fig, "water-stress", data=d.rename_axis("year").reset_index(), finite=list(d.columns),
        source="FAO AQUASTAT / UN SDG 6.4.2 via Our World in Data", units={"year": "year"},
        alt=(f"Line chart of water stress, {first}-{last}: Mexico rises from {mex.iloc[0]:.0f}% to "
             f"{mex.iloc[-1]:.0f}% with a jump from {mex.loc[before]:.0f}% in {before} to {mex.loc[jump]:.0f}% in "
             f"{jump}; in {last} the US is at {d.loc[last, 'USA']:.0f}%, Canada at {d.loc[last, 'CAN']:.0f}% and "
             f"the world at {d.loc[last, 'WLD']:.0f}%."),
        caption=f"Water stress (SDG 6.4.2) in the three countries and the world (dashed). Mexico's jump between "
                f"{before} and {jump} comes with a revision of AQUASTAT's data, not a sudden change in use.")


def withdrawals(data: pd.DataFrame | None = None) -> None:
    """Withdrawals by sector (percent of total) and internal renewable freshwater per person (m3 a year).
    Table: :func:`northam.analysis.water.withdrawals_table`."""
    d = water.withdrawals_table() if data is None else data
    sec = d[d["table"] == "withdrawals_pct"]
    ren = d[d["table"] == "renewable_m3_per_person"].set_index("year")
    fig, (a1, a2) = charts.figure("How water is used, and how much there is per person",
                                  "Left: withdrawals by sector, % of total (latest AQUASTAT year). Right: internal "
                                  "renewable freshwater, m³ per person per year (log scale)",
                                  ncols=2, height=4.4)
    left = np.zeros(len(sec))
    for s in aquastat.SECTORS:
        a1.barh(sec["country"], sec[s], left=left, color=SECTOR_COLORS[s], label=s.capitalize())
        left += sec[s].to_numpy()
    a1.invert_yaxis()
    a1.set_xlim(0, 100)
    a1.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=3, fontsize=8.5)
    a1.grid(axis="x")
    a1.grid(axis="y", visible=False)
    for iso in MEMBERS:
        a2.plot(ren.index, ren[iso], color=charts.country_color(iso), marker="o", markersize=3)
    a2.set_yscale("log")
    year_axis(a2)
    label_ends(a2, {name(iso): (ren[iso], charts.country_color(iso)) for iso in MEMBERS})
    fig.subplots_adjust(wspace=0.35, bottom=0.2)  # room for the legend above the source line
    mex = ren["MEX"].dropna()
    charts.publish(
        fig, "water-withdrawals", data=d, source="FAO AQUASTAT (vars 4254-4256, 4158) via Open Numbers",
        units={s: "percent of total withdrawal" for s in aquastat.SECTORS} | {c: "m3 per person per year" for c in MEMBERS},
        alt=(f"First: stacked bars of withdrawals by sector in {sec['period'].iloc[0]}: agriculture takes "
             + ", ".join(f"{a:.0f}% in {country(c)}" for c, a in zip(sec["country"], sec["agriculture"], strict=True))
             + f". Second: lines of renewable water per person, falling in Mexico from {mex.iloc[0]:,.0f} to "
               f"{mex.iloc[-1]:,.0f} m3."),
        caption=f"Withdrawals by sector, latest AQUASTAT year, and internal renewable freshwater per person by "
                f"AQUASTAT period (5-yearly to {ren['period'].iloc[-2]}, then {ren['period'].iloc[-1]}). The fall "
                "per person is population growth over a fixed resource.")


def drought(data: pd.DataFrame | None = None) -> None:
    """Share of municipalities in each drought category (percent) in each border state, every Monitor date.
    Table: :func:`northam.analysis.water.border_drought`."""
    d = water.border_drought() if data is None else data
    first, last = d["date"].min().year, d["date"].max().year

    def draw(phone: bool):
        """Six panels (the border states): 2 rows of 3 on the desktop canvas, 3 rows of 2 on the phone's (titles need
        the width)."""
        fig, axes = charts.figure(f"Drought in Mexico's border states, {first}-{last}",
                                  "Share of municipalities in each Drought Monitor category, %",
                                  nrows=3 if phone else 2, ncols=2 if phone else 3, height=7.6 if phone else 5.6,
                                  sharex=True, sharey=True, phone=phone)
        for ax, (code, state) in zip(axes.flat, conagua.BORDER_STATES.items(), strict=True):
            s = d[d["cve_ent"] == code].sort_values("date")
            ax.stackplot(s["date"], *[s[c] for c in conagua.CATEGORIES], colors=list(DROUGHT_COLORS.values()),
                         labels=list(conagua.CATEGORIES), linewidth=0)
            ax.set_title(f"{state}\n({int(s['municipalities'].iloc[0])} municipalities)", fontsize=9, pad=4)
            ax.set_ylim(0, 100)
            ax.xaxis.set_major_locator(mdates.YearLocator(6))
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        fig.subplots_adjust(top=0.84 if phone else 0.8, hspace=0.5 if phone else 0.35)
        handles, labels = axes.flat[0].get_legend_handles_labels()  # one key for the six panels
        fig.legend(handles, labels, loc="upper left", ncols=5, fontsize=8, bbox_to_anchor=(0.01, 0.92 if phone else 0.9))
        return fig

    fig = draw(phone=False)
    pooled = water.border_drought_monthly()
    peak = pooled.loc[pooled["severe"].idxmax()]
    charts.publish(
        fig, "water-drought-border", data=d, finite=list(conagua.CATEGORIES), phone=draw(phone=True),
        units={"municipalities": "municipalities"},
        source="SMN/CONAGUA, Monitor de Sequía de México, MunicipiosSequia.xlsx",
        alt=(f"Stacked area charts, one for each of the {len(conagua.BORDER_STATES)} border states, of the share of "
             f"municipalities in drought categories D0 to D4 from {first} to {last}. Droughts come in waves; the worst, in {peak['month']:%B %Y}, put "
             f"{peak['severe']:.0f}% of border municipalities in severe drought or worse."),
        caption="Share of municipalities in each category of the Drought Monitor: D0 abnormally dry, D1 moderate, "
                "D2 severe, D3 extreme, D4 exceptional drought. White: no drought.")


def drought_trend(data: pd.DataFrame | None = None) -> None:
    """Border-state municipalities in severe drought or worse (percent, monthly) with the fitted linear trend
    and its 95% interval. Table: :func:`northam.analysis.water.drought_trend_band`."""
    d = water.drought_trend_band() if data is None else data
    fig, ax = charts.figure("Severe drought on the border: is there a trend?",
                            "% of border-state municipalities in severe drought or worse (D2-D4), monthly")
    ax.plot(d["month"], d["severe"], color=DROUGHT_COLORS["D3"], lw=0.9, label="Observed, monthly")
    ax.fill_between(d["month"], d["lower"], d["upper"], color=SERIES["indigo"], alpha=0.25, lw=0)
    ax.plot(d["month"], d["trend"], color=SERIES["indigo"], lw=2, label="Linear trend, net of the season "
                                                                          "(95% interval)")
    ax.set_ylim(0, 100)
    ax.legend(loc="upper left", bbox_to_anchor=(0, -0.08), ncols=2)  # under the plot: the spikes fill its top
    per_decade = (d["trend"].iloc[-1] - d["trend"].iloc[0]) / ((d["month"].iloc[-1] - d["month"].iloc[0]).days
                                                               / 3652.5)
    charts.publish(
        fig, "water-drought-trend", data=d, finite=["severe", "trend", "lower", "upper"],
        source="SMN/CONAGUA, Monitor de Sequía de México; OLS with calendar-month dummies and Newey-West "
               f"standard errors ({water.DROUGHT_HAC_LAGS} lags)",
        units={"severe": "percent of municipalities", "trend": "percent of municipalities",
               "lower": "percent of municipalities", "upper": "percent of municipalities"},
        alt=(f"Line chart of the monthly share of border-state municipalities in severe drought or worse, "
             f"{d['month'].min():%B %Y} to {d['month'].max():%B %Y}, swinging between {d['severe'].min():.0f}% "
             f"and {d['severe'].max():.0f}%, with a fitted trend of {per_decade:+.1f} points per decade whose "
             f"band widens towards both ends."),
        caption="Monthly share of the border states' municipalities in drought categories D2-D4 (semi-monthly "
                "maps averaged), and a linear trend fitted with a dummy for each calendar month; the band is "
                "the 95% interval of the trend line, with standard errors robust to autocorrelation.")


def _publication(year: int, through: int) -> str:
    """A publication's label: its year, and the years its table was printed under again."""
    return str(year) if through == year else f"{year}\n(also {year + 1}-{through})"


def surface_water(data: pd.DataFrame | None = None) -> None:
    """Available surface water by region (km3 a year) and basins without availability (count), in the first and
    last publications that cover every basin. Table: :func:`northam.analysis.water.surface_water_table`."""
    d = water.surface_water_table() if data is None else data
    avail = d.dropna(subset=["rha"]).pivot(index="rha", columns="year", values="available_km3")
    status = d[d["rha"].isna()].set_index("year")
    col = "no availability (incl. garbled deficits)"
    first, last = int(status.index.min()), int(status.index.max())
    labels = {yr: _publication(int(yr), int(status.loc[yr, "repeated_through"])) for yr in status.index}
    order = avail[last].sort_values().index
    y = np.arange(len(order))

    def draw(phone: bool):
        """Desktop: the two panels side by side. Phone: one under the other, the regions' panel tall enough that
        each region's two-line name stays beside its own pair of bars."""
        panels = ("Top", "Bottom") if phone else ("Left", "Right")
        subtitle = (f"{panels[0]}: available volume, km³/yr, by hydrological-administrative region. "
                    f"{panels[1]}: basins with no availability, count")
        if phone:
            region, counts = PHONE_INCH_PER_REGION * len(order), 2.4  # inches of the two panels
            above, gap, below = 1.0, 1.1, 1.3  # header; x ticks and legend of the regions; publication labels
            height = above + region + gap + counts + below
            fig, (a1, a2) = charts.figure("Surface water: where it is available, and where it is not", subtitle,
                                          nrows=2, height=height, phone=True,
                                          gridspec_kw={"height_ratios": [region, counts]})
            fig.subplots_adjust(top=1 - above / height, bottom=below / height,
                                hspace=gap / ((region + counts) / 2))
        else:
            fig, (a1, a2) = charts.figure("Surface water: where it is available, and where it is not", subtitle,
                                          ncols=2, height=5, gridspec_kw={"width_ratios": [2, 1]})
        for k, (yr, colour) in enumerate(zip([first, last], [SERIES["cyan"], SERIES["indigo"]], strict=True)):
            a1.barh(y + (k - 0.5) * 0.4, avail.loc[order, yr], height=0.4, color=colour,
                    label=labels[yr].replace("\n", " "))
        a1.set_yticks(y, order, fontsize=8)
        a1.grid(axis="x")
        a1.grid(axis="y", visible=False)
        a1.legend(loc="lower right")
        x = np.arange(len(status))
        other = "no availability, other basins"
        a2.bar(x, status[water.LIKE_FOR_LIKE], color=SERIES["wine"],
               label="No availability, basins\ndetermined in both")
        a2.bar(x, status[other], bottom=status[water.LIKE_FOR_LIKE], color=SERIES["pink"],
               label=f"No availability, basins\nfirst determined in {last}")
        a2.bar(x, status["not determined"], bottom=status[col], color=SERIES["grey"], label="Not determined")
        a2.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), fontsize=8.5, ncols=1)
        a2.set_xticks(x, [labels[yr] for yr in status.index])
        a2.tick_params(axis="x", labelsize=8.5)
        return fig

    fig = draw(phone=False)
    top = avail[last].idxmax()
    ch = water.basin_change()
    newly = water.newly_noavail_text(ch).replace(" of those", f" of the {ch['newly_determined']}")
    charts.publish(
        fig, "water-surface-availability", data=d, phone=draw(phone=True),
        units={"available_km3": "km3 per year", "repeated_through": "year",
               **{c: "basins" for c in status.columns if c not in ("rha", "repeated_through", "available_km3")}},
        source="CONAGUA, surface-water availability by basin (DOF), compiled by the proyectoCONAGUA team",
        alt=(f"First: horizontal bars of available surface water by region in the {first} and {last} "
             f"publications; {top} holds {avail.loc[top, last] / avail[last].sum() * 100:.0f}% of the {last} "
             f"total. Second: bars of basins with no availability, {int(status.loc[first, col])} in {first} and "
             f"{int(status.loc[last, col])} in {last}, with basins not determined stacked on top. The whole rise "
             f"comes from basins first determined in {last} ({newly}); among the {ch['both_determined']} basins determined in both "
             f"publications, those without availability went from {ch['like_first']} to {ch['like_last']}."),
        caption=f"Available surface water by hydrological-administrative region (sum of positive basin balances) "
                f"and the number of basins with zero or negative availability, in the two distinct publications "
                f"that cover every basin: {first} (the file repeats its table for "
                f"{ch['first'] + 1}-{ch['first_through']}) and {last}. In {first}, {ch['undetermined_region_n']} of "
                f"the {ch['undetermined_region_total']} basins of {ch['undetermined_region']} "
                f"({ch['undetermined_region_pct']:.0f}%) were not determined. The {last} publication determined "
                f"{ch['newly_determined']} of the {ch['undetermined_first']} basins not determined in {first}, "
                f"{water.newly_noavail_text(ch).replace(' of those', ' of them')} without availability, and revised "
                f"availability in the south "
                f"sharply downward.")


def runoff(data: pd.DataFrame | None = None, top: int = 8) -> None:
    """Mean natural runoff of the ``top`` largest hydrological regions (km3 a year), by publication year, one
    small panel each. Table: :func:`northam.analysis.water.runoff_by_region` (hm3; plotted and published in
    km3)."""
    r = (water.runoff_by_region() if data is None else data) / 1e3
    regions = r.shape[1]
    largest = list(r.iloc[-1].sort_values(ascending=False).index[:top])
    r = r[largest]
    first, last = int(r.index.min()), int(r.index.max())
    fig, axes = charts.figure(f"Mean natural runoff by hydrological region, {first}-{last}",
                              f"km³ per year, the {len(largest)} largest of {regions} regions (CONAGUA estimates by "
                              "publication year); each panel has its own scale", nrows=2, ncols=(top + 1) // 2,
                              height=4.8, sharex=True)
    for ax, reg in zip(axes.flat, largest, strict=False):
        ax.plot(r.index, r[reg], color=SERIES["indigo"], lw=1.8)
        ax.set_ylim(0, r[reg].max() * 1.25)
        ax.set_title(reg, fontsize=8.5, pad=3)  # the whole name: publish wraps it to the panel
        ax.tick_params(labelsize=8)
        year_axis(ax, nbins=3)
    fig.subplots_adjust(top=0.80, hspace=0.45, wspace=0.35)
    total = water.runoff_totals()["runoff"].iloc[-1] / 1e3 if data is None else r.iloc[-1].sum()
    charts.publish(
        fig, "water-runoff-regions", data=r.reset_index(), finite=largest, units={c: "km3 per year" for c in largest},
        source="CONAGUA (SINA), mean natural surface runoff by hydrological region",
        alt=(f"{len(largest)} small line charts of mean natural runoff for the {len(largest)} largest hydrological "
             "regions, "
             f"{first}-{last}, led by {largest[0]} ({r[largest[0]].iloc[-1]:,.0f} km3); the lines step when "
             f"CONAGUA revises its estimates and are otherwise flat. National total in {last}: {total:,.0f} km3."),
        caption="Mean natural surface runoff as CONAGUA estimated it in each year's statistics: long-run averages, "
                "so changes are revisions, not wet or dry years.")


def electricity(data: pd.DataFrame | None = None) -> None:
    """Electricity generation by source in each country (percent, stacked) and the clean shares (renewables,
    renewables + nuclear). Table: :func:`northam.analysis.water.electricity_table`."""
    d = water.electricity_table() if data is None else data
    fig, axes = charts.figure("Electricity generation by source, and the clean share",
                              "% of generation. Last panel: renewables (solid) and renewables + nuclear (dashed)",
                              nrows=2, ncols=2, height=6.6, sharex=True, sharey=True)  # all four 0-100 %
    for ax, iso in zip(axes.flat[:3], MEMBERS, strict=True):
        s = d[d["iso3"] == iso].set_index("year")
        ax.stackplot(s.index, *[s[c] for c in FUEL_COLORS], colors=list(FUEL_COLORS.values()),
                     labels=list(FUEL_COLORS), linewidth=0)
        ax.set_title(name(iso), fontsize=10, pad=4)
        ax.set_ylim(0, 100)
    # one legend on the figure, over the panels: on a phone its extra rows push the panels down, not over titles
    handles, labels = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper left", ncols=4, fontsize=8, bbox_to_anchor=(0.01, 0.9), frameon=False)
    ax = axes.flat[3]
    for iso in MEMBERS:
        c = d[d["iso3"] == iso].set_index("year")
        ax.plot(c.index, c["renewables"], color=charts.country_color(iso))
        ax.plot(c.index, c["clean"], color=charts.country_color(iso), linestyle="--", linewidth=1.4)
    ax.set_ylim(0, 100)
    ax.set_title("Clean shares", fontsize=10, pad=4)
    label_ends(ax, {name(iso): (d[d["iso3"] == iso].set_index("year")["clean"], charts.country_color(iso))
                    for iso in MEMBERS}, fontsize=8)
    fig.subplots_adjust(top=0.80, hspace=0.3)
    last = int(d["year"].max())
    at = d[d["year"] == last].set_index("iso3")
    charts.publish(
        fig, "water-electricity-mix", data=d, finite=[*FUEL_COLORS, "renewables", "clean"],
        units={c: "percent of generation" for c in [*FUEL_COLORS, "renewables", "nuclear", "fossil", "clean"]},
        source="Our World in Data, share of electricity by source (Ember, Energy Institute)",
        alt=(f"Three stacked area charts of electricity by source, {int(d['year'].min())}-{last}, and a line chart "
             f"of clean shares. In {last} renewables plus nuclear are {at.loc['CAN', 'clean']:.0f}% in Canada, "
             f"{at.loc['USA', 'clean']:.0f}% in the US and {at.loc['MEX', 'clean']:.0f}% in Mexico, where gas "
             f"dominates."),
        caption="Share of electricity generation by source, and two clean shares: renewables (solid) and "
                "renewables plus nuclear (dashed).")


#: Mexico's oil series: column -> (label, colour, line style, width).
OIL_STYLE = {"ei_total": ("EI 2024: all oil incl. NGLs", SERIES["indigo"], "-", 2.2),
             "bp_total": ("BP 2021: all oil incl. NGLs", SERIES["cyan"], ":", 2.0),
             "ei_crude": ("EI 2024: crude + condensate", SERIES["wine"], "-", 2.2),
             "bp_crude": ("BP 2021: crude + condensate", SERIES["rose"], ":", 2.0)}


def oil(data: pd.DataFrame | None = None) -> None:
    """Mexico's oil production (thousand barrels a day) in three publications, annual and monthly.
    Table: :func:`northam.analysis.water.oil_table`."""
    d = water.oil_table() if data is None else data
    a = d[d["series"] == "annual"].set_index("year")
    pm = d[d["series"] == "monthly"]
    fig, ax = charts.figure("Mexico's oil production: three publications, one story",
                            "Thousand barrels per day; annual (EI 2024, BP 2021) and monthly (PEMEX via SENER)")
    for col, (label, colour, ls, lw) in OIL_STYLE.items():
        ax.plot(a.index + 0.5, a[col], color=colour, linestyle=ls, linewidth=lw, label=label)  # mid-year
    t = pm["date"].dt.year + (pm["date"].dt.month - 0.5) / 12
    ax.plot(t, pm["pemex_monthly"], color=SERIES["teal"], linewidth=1.0, label="PEMEX monthly (SENER)")
    peak = int(a["ei_crude"].idxmax())
    charts.mark_years(ax, {peak + 0.5: f"{peak} peak"})
    ax.set_ylim(0, float(a[list(OIL_STYLE)].max().max()) * 1.15)  # headroom for the peak's label
    ax.legend(loc="upper left", bbox_to_anchor=(0, -0.08), ncols=2, fontsize=8)  # under the plot, off the lines
    crude = a["ei_crude"].dropna()
    charts.publish(
        fig, "water-mexico-oil", data=d,
        units={c: "thousand barrels per day" for c in [*OIL_STYLE, "pemex", "pemex_monthly"]},
        source="Energy Institute Statistical Review 2024; BP Statistical Review 2021 (OWID input); PEMEX via SENER SIE",
        alt=(f"Line chart of Mexico's oil production. Crude and condensate peak at {crude.max():,.0f} thousand "
             f"barrels a day in {peak} and fall to {crude.iloc[-1]:,.0f} in {int(crude.index[-1])}; the BP 2021 "
             f"line lies on the EI line, and PEMEX's monthly line runs from {pm['pemex_monthly'].iloc[0]:,.0f} in "
             f"{pm['date'].iloc[0]:%B %Y} to {pm['pemex_monthly'].iloc[-1]:,.0f} in {pm['date'].iloc[-1]:%B %Y}."),
        caption="Mexico's oil production: all oil including natural gas liquids and crude plus condensate (EI 2024 "
                "and the BP 2021 edition, dotted), and PEMEX's monthly crude production. The dashed line marks the "
                "peak year.")


def gas(data: pd.DataFrame | None = None) -> None:
    """US pipeline gas exports to Mexico (billion cubic feet a day): EIA monthly and the EI 2023 average.
    Table: :func:`northam.analysis.water.gas_table`."""
    d = water.gas_table() if data is None else data
    eia = d[d["source"] == "EIA N9132MX2"]
    ei = d[d["source"] != "EIA N9132MX2"].iloc[0]
    ei_year = int(ei["date"].year)
    gcv = water.ei_us_to_mexico_2023()["gcv_mj_per_m3"]
    fig, ax = charts.figure("US natural gas exports to Mexico by pipeline",
                            f"Billion cubic feet per day: EIA monthly (line) and Energy Institute {ei_year} annual "
                            "(dot)")
    t = eia["date"].dt.year + (eia["date"].dt.month - 0.5) / 12
    ax.plot(t, eia["bcf_per_day"], color=SERIES["indigo"], linewidth=1.2, label="EIA, monthly")
    ax.plot([ei_year + 0.5], [ei["bcf_per_day"]], "o", color=SERIES["wine"], markersize=7,
            label=f"Energy Institute, {ei_year} average")
    ax.set_ylim(0, None)
    ax.legend(loc="upper left")
    annual = water.gas_exports_annual()
    # "small": under a fifth of the last full year's mean; the last year of that early stretch
    small_until = int(annual.index[(annual >= annual.iloc[-1] / 5).cumsum() == 0].max())
    charts.publish(
        fig, "water-gas-exports-mexico", data=d, finite=["bcf_per_day"],
        units={"mmcf": "million cubic feet per month", "bcf_per_day": "billion cubic feet per day"},
        source="EIA, Natural Gas Exports by Country (N9132MX2); Energy Institute Statistical Review 2024, gas trade "
               "by pipeline",
        alt=(f"Line chart of monthly US pipeline gas exports to Mexico, {eia['date'].min():%Y} to "
             f"{eia['date'].max():%B %Y}: under a fifth of the latest level until {small_until}, then rising to about "
             f"{eia.loc[eia['date'].dt.year == eia['date'].dt.year.max() - 1, 'bcf_per_day'].mean():.1f} bcf a day, "
             f"with a dot at {ei['bcf_per_day']:.1f} for the {ei_year} annual average from the Energy Institute."),
        caption=f"US natural gas exports to Mexico by pipeline: EIA monthly volumes (line) and the Energy "
                f"Institute's {ei_year} annual flow (dot). The two are not the same measure: EIA counts physical "
                f"cubic feet, while the Energy Institute's cubic metres are standardized to {gcv:g} MJ each (gross "
                f"calorific value), an energy equivalent, so the dot is not a point on the EIA line. The EIA file "
                f"ends in {eia['date'].max():%B %Y}.")

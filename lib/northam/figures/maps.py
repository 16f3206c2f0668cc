"""Figures of the chapter "Shared prosperity on the map" (:mod:`northam.analysis.maps`), and the map-drawing
helpers (:func:`choropleth`, :func:`label_regions`) that the security chapter's state map also uses.

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
from ..analysis import maps
from ..sources import mcv
from .common import SERIES, label_ends

#: Sequential palette whose lightness rises monotonically, so classes stay distinct in grayscale.
CMAP = "viridis"
SHDI_BINS = [0.68, 0.72, 0.76, 0.80, 0.84, 0.88, 0.90, 0.92, 0.94, 0.96]
FIT, BARS, DARK = SERIES["wine"], SERIES["indigo"], "#333333"  # non-country series (shared palette)
MEMBERS = ("USA", "MEX", "CAN")
MCV_SOURCE = "México, ¿cómo vamos?, IPS estatal 2023 (edition 2015–2023)"


# --------------------------------------------------------------------------------------------------
# Map helpers


def _bins(values, step: float) -> list[float]:
    """Class edges in equal steps of ``step`` covering ``values``."""
    lo = np.floor(np.nanmin(values) / step) * step
    hi = np.ceil(np.nanmax(values) / step) * step
    return list(np.round(np.arange(lo, hi + step / 2, step), 6))


def choropleth(ax, gdf, column, *, bins=None, step: float = 2.5, label: str = "", cmap: str = CMAP,
               cbar_box=(0.05, 0.08, 0.42, 0.045), edge: str = "white", linewidth: float = 0.3,
               title: str | None = None, every_tick: bool = False):
    """Draw a classed choropleth of ``gdf[column]`` on ``ax`` with a horizontal colour bar inside the axes.

    Classes: ``bins`` (edges) or equal steps of ``step`` covering the data. Returns the norm used.
    """
    import matplotlib as mpl
    import matplotlib.pyplot as plt

    bins = bins or _bins(gdf[column], step)
    cm = plt.get_cmap(cmap, len(bins) - 1)
    norm = mpl.colors.BoundaryNorm(bins, cm.N)
    gdf.plot(ax=ax, column=column, cmap=cm, norm=norm, edgecolor=edge, linewidth=linewidth)
    ax.set_axis_off()
    ax.set_aspect("equal")
    cax = ax.inset_axes(list(cbar_box))
    cb = ax.figure.colorbar(mpl.cm.ScalarMappable(norm=norm, cmap=cm), cax=cax, orientation="horizontal")
    cb.set_label(label, fontsize=9)
    ticks = bins if (every_tick or len(bins) <= 7) else bins[::2]
    cb.set_ticks(ticks, labels=[f"{t:g}" for t in ticks])
    cb.ax.tick_params(labelsize=7.5 if every_tick else 8)
    if title:
        # y given: no automatic title shift, so titles of equal-sized panels stay level
        ax.set_title(title, fontsize=10, pad=4, loc="center", fontweight="normal", y=1.0)
    return norm


def _halo():
    """A white outline that keeps text legible on any map colour."""
    import matplotlib.patheffects as pe

    return [pe.withStroke(linewidth=2.5, foreground="white")]


def label_regions(ax, gdf, names, text_col: str = "abbr", fontsize: float = 8) -> None:
    """Write short labels at representative points of the named regions (white halo for legibility)."""
    sub = gdf[gdf[text_col].isin(names)]
    for _, row in sub.iterrows():
        p = row.geometry.representative_point()
        ax.annotate(row[text_col], (p.x, p.y), ha="center", va="center", fontsize=fontsize, color="black",
                    path_effects=_halo())


# --------------------------------------------------------------------------------------------------
# Mexico: Social Progress Index


def spi_map(data: pd.DataFrame | None = None) -> None:
    """Map of the Social Progress Index 2023 by Mexican state, score 0-100 (table: :func:`maps.spi_table`)."""
    t = maps.spi_table() if data is None else data
    layer = maps.on_map(t, on="code", data_on="cve_ent", iso3="MEX", what="IPS 2023 to Mexican states")
    fig, ax = charts.figure("Social Progress Index by Mexican state, 2023",
                            "Score 0–100, edition 2015–2023 of México, ¿cómo vamos?", figsize=(6.4, 4.8))
    choropleth(ax, layer, "spi", step=2.5, label="Social Progress Index 2023 (0–100)",
               cbar_box=(0.04, 0.1, 0.4, 0.05))
    label_regions(ax, layer, ["CDMX", "AGS", "BCS", "GRO", "OAX", "CHPS"])
    top, bottom = t.loc[t["spi"].idxmax()], t.loc[t["spi"].idxmin()]
    charts.publish(
        fig, "maps-spi-2023", data=t, source=MCV_SOURCE + "; boundaries INEGI via MCV",
        alt=(f"Map of Mexico's 32 states shaded by the 2023 Social Progress Index. Scores run from "
             f"{bottom['spi']:.1f} in {bottom['name']} to {top['spi']:.1f} in {top['name']}; the southern states "
             "Guerrero, Oaxaca and Chiapas are darkest, the centre-north and the Baja peninsula lightest."),
        caption="Social Progress Index 2023 by state. Labelled: the three highest and three lowest states.")


def spi_components(data: pd.DataFrame | None = None) -> None:
    """Four maps of the index's components the reports map, each on its own scale, score 0-100 (table:
    :func:`maps.spi_table`)."""
    t = maps.spi_table() if data is None else data
    layer = maps.on_map(t, on="code", data_on="cve_ent", iso3="MEX", what="IPS 2023 to Mexican states")
    fig, axes = charts.figure("Four components of the Social Progress Index, 2023",
                              "Score 0–100 by Mexican state; each panel on its own scale", nrows=2, ncols=2,
                              figsize=(7.5, 6.2))
    for ax, cid in zip(axes.flat, maps.SPI_COMPONENTS, strict=True):
        choropleth(ax, layer, maps.SPI_COLUMNS[cid], step=5, title=mcv.NAMES_EN[cid],
                   cbar_box=(0.03, 0.1, 0.38, 0.05))
    fig.subplots_adjust(hspace=0.2, wspace=0.02, top=0.84)
    ranks = t.set_index("abbr")["nutrition_basic_medical_care"].rank(ascending=False)
    charts.publish(
        fig, "maps-spi-components", data=t, source=MCV_SOURCE,
        alt=("Four maps of Mexico's states for 2023: nutrition and basic medical care, access to basic knowledge, "
             "access to information and communications, and health and wellness. Baja California Sur ranks "
             f"{ranks['BCS']:.0f} and Baja California {ranks['BC']:.0f} of 32 on nutrition and basic medical "
             "care; the south trails on basic knowledge and on information and communications."),
        caption="The four components of the 2023 index shown in the reports' map series.")


def spi_editions(data: pd.DataFrame | None = None) -> None:
    """Revision of each state's 2023 index by the 2025 edition, points (table: :func:`maps.edition_difference`)."""
    ed = maps.edition_difference() if data is None else data
    fig, ax = charts.figure("Two editions, one year: the 2023 index revised",
                            "2025 edition minus 2015–2023 edition, points (score 0–100), by state", figsize=(6.4, 6.4))
    ax.barh(ed["abbr"], ed["difference"], color=BARS)
    ax.axvline(0, color="#444444", lw=0.8)
    ax.tick_params(axis="y", labelsize=7.5)
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    d = ed["difference"]
    charts.publish(
        fig, "maps-spi-editions", data=ed, source="México, ¿cómo vamos?, IPS estatal editions 2015–2023 and 2025",
        alt=(f"Horizontal bar chart of the revision of each state's 2023 index. Every bar is negative, from "
             f"{d.max():.1f} to {d.min():.1f} points, averaging {d.mean():.1f}."),
        caption="How much the 2025 edition changed each state's 2023 Social Progress Index.")


# --------------------------------------------------------------------------------------------------
# Three countries: Subnational HDI


def shdi_map(data: pd.DataFrame | None = None) -> None:
    """Map of the subnational HDI 2022 of the 96 states, provinces and territories, index 0-1, one scale;
    Canada's merged GDL region hatched (table: :func:`maps.shdi_table`)."""
    t = maps.shdi_table() if data is None else data
    layer = maps.on_map(t[["region_id", "iso3", "shdi", "merged"]], what="SHDI 2022 to admin-1 regions")
    fig, ax = charts.figure("Human development by state and province, 2022",
                            "Subnational Human Development Index, index 0–1, one scale for the three countries",
                            figsize=(6.4, 6.2))
    ax.set_position([0.0, 0.0, 1.0, 0.86])
    choropleth(ax, layer, "shdi", bins=SHDI_BINS, label="Subnational HDI, 2022 (index 0–1)", edge="white",
               linewidth=0.25, cbar_box=(0.02, 0.1, 0.46, 0.035), every_tick=True)
    layer[layer["merged"]].plot(ax=ax, facecolor="none", edgecolor="#222222", hatch="////", linewidth=0.4)
    layer.dissolve("iso3").boundary.plot(ax=ax, color="#222222", linewidth=0.6)
    k = maps.key_numbers()
    charts.publish(
        fig, "maps-shdi-2022", data=t,
        source="Global Data Lab, SHDI v8.0; boundaries Census (us-atlas), Natural Earth, INEGI via MCV",
        note="Hatched: Prince Edward Island, Yukon, Northwest Territories and Nunavut form one GDL region with "
             "one value.",
        alt=(f"Map of the 96 states, provinces and territories of North America shaded by their 2022 human "
             f"development index. Every Mexican state is darker than every US state: the highest, "
             f"{k['maps_shdi_mx_max_name']}, scores {k['maps_shdi_mx_max']:.3f}, below the lowest US state, "
             f"{k['maps_shdi_us_min_name']}, at {k['maps_shdi_us_min']:.3f}. Canada and the US north-east are "
             "lightest."),
        caption="Subnational HDI 2022. Canada's hatched units share one value (see note). Palette readable in "
                "grayscale.")


def convergence(data: pd.DataFrame | None = None) -> None:
    """Highest minus lowest state per country, and the US median state minus Mexico's, SHDI index points,
    1990-2022 (table: :func:`maps.convergence`)."""
    conv = maps.convergence() if data is None else data
    fig, (a1, a2) = charts.figure("Gaps in human development, 1990–2022", "Subnational HDI, index points "
                                  "(0–1 scale)", ncols=2, figsize=(8.2, 4.2))
    by_year = conv.set_index("year")
    for iso in MEMBERS:
        a1.plot(conv["year"], conv[f"range_{iso}"], color=charts.country_color(iso))
    a1.set_ylim(0, None)
    label_ends(a1, {charts.country_label(iso): (by_year[f"range_{iso}"], charts.country_color(iso)) for iso in MEMBERS})
    a1.set_title("Highest minus lowest state", fontsize=10, pad=4)
    a2.plot(conv["year"], conv["gap_median_USA_MEX"], color=SERIES["black"])
    a2.set_ylim(0, None)
    a2.set_title("US median state minus Mexico's", fontsize=10, pad=4)
    fig.subplots_adjust(top=0.78, wspace=0.6)
    first, last = conv.iloc[0], conv.iloc[-1]
    charts.publish(
        fig, "maps-convergence", data=conv, source="Global Data Lab, SHDI v8.0",
        finite=[*(f"range_{m}" for m in MEMBERS), "gap_median_USA_MEX"],
        alt=(f"Two line charts, 1990 to 2022. Left: the spread within Mexico stays near {last['range_MEX']:.2f}, "
             f"above the US ({last['range_USA']:.2f}) and Canada ({last['range_CAN']:.2f}). Right: the gap "
             f"between the US and Mexican median states narrows from {first['gap_median_USA_MEX']:.3f} to "
             f"{last['gap_median_USA_MEX']:.3f}."),
        caption="Within-country spread of the subnational HDI and the gap between the median US and Mexican "
                "states.")


def components(data: pd.DataFrame | None = None) -> None:
    """Health, education and income sub-indices by country: median region (line) and lowest to highest
    region (band), index 0-1, 1990-2019 (table: :func:`maps.component_spread`)."""
    comp = maps.component_spread() if data is None else data
    fig, axes = charts.figure("Components of human development by region, 1990–2019",
                              "SHDI sub-indices, index 0–1: median region (line) and lowest to highest (band)",
                              ncols=3, sharey=True, figsize=(7.5, 3.8))
    for ax, name in zip(axes, ["health", "education", "income"], strict=True):
        for iso in MEMBERS:
            d = comp[(comp["component"] == name) & (comp["iso3"] == iso)]
            ax.fill_between(d["year"], d["min"], d["max"], color=charts.country_color(iso), alpha=0.2, lw=0)
            ax.plot(d["year"], d["median"], color=charts.country_color(iso), lw=1.8)
        ax.set_title(name.capitalize(), fontsize=10, pad=4)
    income = comp[comp["component"] == "income"]
    label_ends(axes[-1], {charts.country_label(iso): (income[income["iso3"] == iso].set_index("year")["median"],
                                                      charts.country_color(iso)) for iso in MEMBERS})
    fig.subplots_adjust(top=0.78)
    k = maps.key_numbers()
    charts.publish(
        fig, "maps-components", data=comp, source="Global Data Lab, SHDI v5.0 (Open Numbers DDF)",
        finite=["min", "median", "max"],
        alt=(f"Three panels of lines and bands, 1990 to 2019. In 2019 the US median region leads Mexico's by "
             f"{k['maps_comp_health_gap_2019']:.2f} on health, {k['maps_comp_education_gap_2019']:.2f} on "
             f"education and {k['maps_comp_income_gap_2019']:.2f} on income; the Mexican bands are the widest."),
        caption="Health, education and income sub-indices by country: median region and range across regions.")


# --------------------------------------------------------------------------------------------------
# GDP per person against social progress


def _label_outliers(ax, d: pd.DataFrame) -> None:
    """Name the outlier states next to their dots; of two close dots the left one is labelled on its left."""
    prev = None
    for _, r in d[d["outlier"]].sort_values("gva_pc").iterrows():
        near = prev is not None and abs(np.log(r["gva_pc"] / prev["gva_pc"])) < 0.3 and abs(r["spi"] - prev["spi"]) < 2
        if near:
            ax.texts[-1].set(ha="right", position=(-6, -3))
        ax.annotate(r["name"], (r["gva_pc"], r["spi"]), xytext=(5, -4 if near else -10), textcoords="offset points",
                    fontsize=8.5, ha="left", path_effects=_halo())
        prev = r


def gdp_spi(data: pd.DataFrame | None = None) -> None:
    """Scatter of the Social Progress Index (0-100) against GVA per person (thousand 2013 pesos, log axis),
    with the OLS fit, its 95% band and the outliers named (table: :func:`maps.gdp_spi_table`)."""
    fit = maps.fit_gdp_spi(maps.gdp_spi_table() if data is None else data)
    d, band = fit["data"], fit["band"]
    fig, ax = charts.figure(f"Income and social progress by Mexican state, {fit['year']}",
                            "Social Progress Index (0–100) against gross value added per person", figsize=(7.0, 4.8))
    ax.fill_between(band["gva_pc"], band["ci_low"], band["ci_high"], color=FIT, alpha=0.18, lw=0,
                    label="95% confidence band of the fit")
    ax.plot(band["gva_pc"], band["fit"], color=FIT, lw=1.8, label="OLS fit on log GVA per person")
    ax.scatter(d["gva_pc"], d["spi"], s=22, color=DARK, zorder=3, label="State")
    ax.set_xscale("log")
    ax.set_xticks([50, 100, 200, 400], ["50", "100", "200", "400"])
    ax.minorticks_off()
    ax.set_xlabel("Gross value added per person, thousand pesos (2013 prices), log scale")
    ax.set_ylabel("Social Progress Index (0–100)")
    _label_outliers(ax, d)
    ax.legend(loc="upper left", fontsize=8.5)
    outliers = ", ".join(d.loc[d["outlier"], "name"])
    charts.publish(
        fig, "maps-gdp-spi", data=d, units={"gva_pc": "thousand MXN per person (2013 prices)", "spi": "score 0-100"},
        source="INEGI, PIB por entidad federativa (base 2013); CONAPO population; México, ¿cómo vamos?, IPS",
        alt=(f"Scatter plot of the 32 states with a rising fitted line: each doubling of value added per person "
             f"goes with {fit['slope']:.1f} more index points (95% interval {fit['slope_ci'][0]:.1f} to "
             f"{fit['slope_ci'][1]:.1f}; R² {fit['r2']:.2f}). Labelled outliers below the line: {outliers}."),
        caption="Each dot is a state. Band: 95% confidence interval of the fitted mean. Labelled: outliers (large "
                "residual or influence).")

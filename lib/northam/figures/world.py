"""Figures and tables of the chapter "The region in the world economy" (:mod:`northam.analysis.world`).

Every figure function takes the table it plots (default: the analysis function named in its docstring),
draws it in the house style and publishes it with :func:`northam.charts.publish`; the CSV is that table.
The three members keep their book colours; the world is black (dashed) and Mexico's FDI wine-red (dashed),
from the shared non-country palette (:data:`northam.figures.common.SERIES`), so every pair of lines stays
apart for colour-blind readers. Lines carry direct labels at their ends (:func:`~northam.figures.common.label_ends`).
"""

from __future__ import annotations

import pandas as pd

from .. import charts
from ..analysis import world
from ..countries import MEMBERS
from ..prose import country, direction, years_text
from .common import SERIES, label_ends

BLACK, WINE = SERIES["black"], SERIES["wine"]  # non-country series: the world; Mexico's FDI
NAME = {m: charts.country_label(m) for m in MEMBERS}


def _member_lines(ax, data: pd.DataFrame, x: str = "year", columns=None, *, label: bool = True, **kw) -> None:
    """One line per member (columns named by ISO3 unless ``columns`` maps ISO3 -> column), each in its
    country colour, with a direct label at its last point."""
    columns = columns or {m: m for m in MEMBERS}
    for iso, col in columns.items():
        d = data[[x, col]].dropna()
        ax.plot(d[x], d[col], color=charts.country_color(iso), **kw)
    if label:
        label_ends(ax, _ends(data, columns, x))


def _ends(data: pd.DataFrame, columns: dict, x: str = "year") -> dict:
    """``label_ends`` input for the members' columns: country name -> (values indexed by x, colour)."""
    return {NAME[iso]: (data.set_index(x)[col], charts.country_color(iso)) for iso, col in columns.items()}


# --------------------------------------------------------------------------------------------------
# Figures


def gdp_share(data: pd.DataFrame | None = None) -> None:
    """Members' shares of world GDP (stacked, percent) and their ranks among economies (rule A), per year
    (table: :func:`world.gdp_share_ranks`)."""
    t = world.gdp_share_ranks() if data is None else data
    fig, (ax, ax2) = charts.figure("North America's share of world GDP", "Percent of world GDP (current US "
                                   "dollars); lower panel: rank among economies, 1 = largest", nrows=2,
                                   sharex=True, height=6.2, height_ratios=[2, 1])
    order = ["USA", "CAN", "MEX"]
    ax.stackplot(t["year"], [t[f"{i}_pct"] for i in order], labels=[NAME[i] for i in order],
                 colors=[charts.country_color(i) for i in order], alpha=0.85)
    ax.legend(loc="upper right")
    # headroom: the key sits above the stacked areas at either width (on a phone it spans most of the years)
    ax.set_ylim(0, float(t[[f"{i}_pct" for i in order]].sum(axis=1).max()) * 1.35)
    _member_lines(ax2, t, columns={m: f"{m}_rank" for m in MEMBERS}, linewidth=1.6)
    ax2.invert_yaxis()
    ranks = t[[f"{m}_rank" for m in MEMBERS]]
    ax2.set_yticks([1, *range(5, int(ranks.max().max()) + 1, 5)])  # the first rank, then every fifth
    ax2.set_ylabel("Rank")
    first, last = t.iloc[0], t.iloc[-1]
    charts.publish(
        fig, "world-gdp-share", data=t, finite=[f"{m}_{k}" for m in MEMBERS for k in ("pct", "rank")],
        units={**{f"{m}_rank": "rank among economies" for m in MEMBERS}, "world_tn": "trillion current USD",
               **{f"{m}_pct": "percent of world GDP" for m in MEMBERS}, "north_america": "percent of world GDP"},
        source="World Bank, WDI NY.GDP.MKTP.CD (worldbank_gdp_current_usd.csv); aggregates dropped with the WDI "
               "metadata",
        alt=(f"Stacked area chart of the US, Canadian and Mexican shares of world GDP from {int(first['year'])} "
             f"to {int(last['year'])}. The combined share "
             f"{direction(last['north_america'], first['north_america'], 'rises', 'falls', 'ends level')} from "
             f"{first['north_america']:.0f}% to "
             f"{last['north_america']:.1f}%. A lower panel shows the US ranked {int(last['USA_rank'])}, Canada "
             f"{int(last['CAN_rank'])} and Mexico {int(last['MEX_rank'])} in the last year."),
        caption="Share of world GDP (current dollars) of the three members, stacked, and their rank among "
                "economies.")


def fdi_inflows(data: pd.DataFrame | None = None) -> None:
    """FDI inflows to the members, every year of the file, billion current USD (table: :func:`world.fdi_unctad`)."""
    fdi = world.fdi_unctad() if data is None else data
    span = f"{int(fdi['year'].min())}–{int(fdi['year'].max())}"
    fig, ax = charts.figure("FDI inflows to the three members", f"Billion current US dollars, {span}")
    ax.axhline(0, color="#888888", linewidth=0.8)
    charts.mark_years(ax, {world.NAFTA: "NAFTA", world.USMCA: "USMCA"})  # the treaties' entry into force
    ax.set_ylim(min(0, fdi[list(MEMBERS)].min().min()) - 10, fdi[list(MEMBERS)].max().max() * 1.08)
    _member_lines(ax, fdi)
    peak, last = fdi.loc[fdi["USA"].idxmax()], fdi.iloc[-1]
    charts.publish(
        fig, "world-fdi-inflows", data=fdi, finite=list(MEMBERS),
        source="UNCTAD, World Investment Report 2024, annex table 1 (FDI inflows by economy)",
        alt=(f"Line chart of FDI inflows {span}. US inflows are far larger, peaking at {peak['USA']:.0f} billion "
             f"dollars in {int(peak['year'])} and {last['USA']:.0f} billion in {int(last['year'])}; Canada received "
             f"{last['CAN']:.0f} billion and Mexico {last['MEX']:.0f} billion in {int(last['year'])}."),
        caption="FDI inflows to the United States, Mexico and Canada (UNCTAD).")


def hightech_exports(data: pd.DataFrame | None = None) -> None:
    """High-technology exports of the members: billion current USD and percent of manufactured exports
    (long table: :func:`world.hightech`)."""
    ht = world.hightech() if data is None else data
    wide = ht.pivot(index="year", columns="iso3").reset_index()
    fig, (ax, ax2) = charts.figure("High-technology exports", "Left: billion current US dollars; right: percent "
                                   "of manufactured exports", ncols=2, height=4.2)
    for a, col in [(ax, "value_bn"), (ax2, "share_pct")]:
        _member_lines(a, pd.DataFrame({"year": wide["year"], **{m: wide[(col, m)] for m in MEMBERS}}))
        a.set_ylim(0, None)
    fig.subplots_adjust(wspace=0.45)
    last_year = int(ht.dropna()["year"].max())
    last = ht[ht["year"] == last_year].set_index("iso3")
    order = [country(NAME[m]) for m in last["value_bn"].sort_values(ascending=False).index]
    charts.publish(
        fig, "world-hightech-exports", data=ht, units={"value_bn": "billion current USD",
                                                       "share_pct": "percent of manufactured exports"},
        source="World Bank, WDI TX.VAL.TECH.CD and TX.VAL.TECH.MF.ZS",
        alt=(f"Two line charts, {int(ht['year'].min())}-{int(ht['year'].max())}. First: high-tech exports in billion "
             f"dollars; in {last_year} {order[0]} exports the most, then {order[1]}, then {order[2]}. Second: the share "
             f"of manufactured exports, in {last_year} {last.loc['USA', 'share_pct']:.0f}% for the US, "
             f"{last.loc['MEX', 'share_pct']:.0f}% for Mexico and {last.loc['CAN', 'share_pct']:.0f}% for Canada."),
        caption="High-technology exports of the three members: value and share of manufactured exports.")


def lpi_2023(data: pd.DataFrame | None = None) -> None:
    """LPI 2023 scores (1-5) of the members per component, with the best score (table:
    :func:`world.lpi_components`)."""
    lpi = world.lpi_components() if data is None else data
    fig, ax = charts.figure("Logistics Performance Index 2023", "Score from 1 (low) to 5 (high); black mark: "
                            "best score")
    y = range(len(lpi))
    for k, iso in enumerate(MEMBERS):
        ax.barh([i + (k - 1) * 0.26 for i in y], lpi[iso], height=0.26, color=charts.country_color(iso),
                label=NAME[iso])
    ax.scatter(lpi["best"], list(y), marker="|", s=300, color=BLACK, label="Best score", zorder=3)
    ax.set_yticks(list(y), lpi["component"])
    ax.invert_yaxis()
    ax.set_xlim(1, 5)
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.4, -0.08), ncol=4, fontsize=8)
    overall = lpi.set_index("component").loc["Overall LPI"]
    weak = world.lpi_mexico_weakest(lpi)
    trails = bool((lpi["MEX"] < lpi[["USA", "CAN"]].min(axis=1)).all())
    charts.publish(
        fig, "world-lpi-2023", data=lpi, source="World Bank, Logistics Performance Index 2023 (scores and "
                                               "grouped ranks)",
        units={f"{m}_rank": "grouped rank" for m in MEMBERS},
        alt=(f"Horizontal bar chart of LPI 2023 scores. Overall: Canada {overall['CAN']:.1f}, US "
             f"{overall['USA']:.1f}, Mexico {overall['MEX']:.1f}, best {overall['best']:.1f}. In every component "
             f"Canada is within {weak['world_lpi_can_max_gap']:.1f} points of the best score and the US within "
             f"{weak['world_lpi_usa_max_gap']:.1f}. Mexico scores "
             f"{'below both in every component' if trails else 'lowest of the three in some components'}; it is "
             f"furthest below the best score in {weak['world_lpi_mex_gap_component']} "
             f"({weak['world_lpi_mex_gap']:.1f} points) and has its lowest rank in "
             f"{weak['world_lpi_mex_worst_rank_component']} ({weak['world_lpi_mex_worst_rank']})."),
        caption="LPI 2023 overall score and components for the three members, with the best score in each.")


def hdi(data: pd.DataFrame | None = None) -> None:
    """Human Development Index of the members, every year of the file, index 0-1 (table: :func:`world.hdi`)."""
    h = world.hdi() if data is None else data
    span = f"{int(h['year'].min())}–{int(h['year'].max())}"
    fig, ax = charts.figure("Human Development Index", f"Index from 0 to 1, {span}")
    _member_lines(ax, h)
    rich = h[["USA", "CAN"]]
    m = h.set_index("year")["MEX"].dropna()
    dips = years_text(world.below_earlier_high(m))
    charts.publish(
        fig, "world-hdi", data=h, finite=list(MEMBERS),
        source="UNDP, Human Development Report 2023/2024, composite indices time series",
        alt=(f"Line chart of the HDI {span}. Canada and the US stay between {rich.min().min():.2f} and "
             f"{rich.max().max():.2f}; Mexico {direction(m.iloc[-1], m.iloc[0], 'rises', 'falls', 'ends level')} "
             f"from {m.iloc[0]:.2f} to {m.iloc[-1]:.2f}"
             + (f", dipping below an earlier high in {dips}." if dips else ", without a setback.")),
        caption="Human Development Index of the three members.")


def openness_remittances(data: pd.DataFrame | None = None) -> None:
    """Trade as a percent of GDP (members and world) and Mexico's remittances against its FDI inflows,
    billion current USD (table: :func:`world.openness_remittances`)."""
    t = world.openness_remittances() if data is None else data
    fig, (ax, ax2) = charts.figure("Trade openness, and Mexico's remittances against FDI", "Left: trade, percent "
                                   "of GDP; right: Mexico, billion current US dollars", ncols=2,
                                   height=4.2)
    ax.plot(t["year"], t["WLD"], color=BLACK, linestyle="--", linewidth=1.6)
    _member_lines(ax, t, label=False)
    y = t.set_index("year")
    label_ends(ax, {**_ends(t, {m: m for m in MEMBERS}), "World": (y["WLD"], BLACK)})
    ax2.plot(t["year"], t["remittances"], color=charts.country_color("MEX"))
    ax2.plot(t["year"], t["fdi"], color=WINE, linestyle="--", linewidth=1.8)
    label_ends(ax2, {"Remittances\nreceived": (y["remittances"], charts.country_color("MEX")),
                     "FDI net\ninflows (BoP)": (y["fdi"], WINE)}, gap=0.12)
    fig.subplots_adjust(wspace=0.5)
    k = world.key_numbers()
    charts.publish(
        fig, "world-openness-remittances", data=t, finite=[*MEMBERS, "WLD", "fdi"],
        units={**{c: "percent of GDP" for c in (*MEMBERS, "WLD")},
               "remittances": "billion current USD", "fdi": "billion current USD"},
        source="World Bank, WDI NE.TRD.GNFS.ZS, BX.TRF.PWKR.CD.DT and BX.KLT.DINV.CD.WD",
        alt=(f"Two line charts. First: Mexico's trade {k['world_open_mex_change']} from {k['world_open_mex_base']:.0f}% "
             f"of GDP in {k['world_open_base_year']} to {k['world_open_mex_last']:.0f}% in {k['world_open_last_year']}, "
             f"Canada's is {k['world_open_can_last']:.0f}%, the world's {k['world_open_wld_last']:.0f}% and the US's "
             f"{k['world_open_usa_last']:.0f}%. Second: Mexico's remittances are "
             f"{k['world_remit_mex_last']:.0f} billion dollars in {k['world_remit_last_year']}, "
             f"{k['world_remit_vs_fdi_last']} its FDI ({k['world_fdi_wdi_mex_last']:.0f} billion); they exceed FDI "
             f"in {k['world_remit_over_fdi_years']} years since {k['world_remit_base_year']}."),
        caption="Trade as a share of GDP (first panel; dashed: the world) and Mexico's remittances received "
                "against its FDI inflows (second panel; dashed: FDI).")


def exchange_rates(data: pd.DataFrame | None = None) -> None:
    """Pesos and Canadian dollars per US dollar: FRED daily rates (line) and World Bank annual averages
    (dots) (long table: :func:`world.fx_chart_data`)."""
    fx = world.fx_chart_data() if data is None else data
    fig, (ax, ax2) = charts.figure("Pesos and Canadian dollars per US dollar", "Local currency per US dollar; "
                                   "line: daily (FRED), dots: annual average (World Bank)", ncols=2,
                                   height=4.2)
    for a, iso in [(ax, "MEX"), (ax2, "CAN")]:
        d = fx[(fx["iso3"] == iso) & (fx["series"] == "FRED daily")]
        y = fx[(fx["iso3"] == iso) & (fx["series"] != "FRED daily")]
        a.plot(d["date"], d["rate"], color=charts.country_color(iso), linewidth=0.6)
        a.plot(y["date"], y["rate"], "o", color=BLACK, markersize=2.5)
        a.set_title(NAME[iso], fontsize=10, pad=4)
    fig.subplots_adjust(top=0.82)
    k = world.key_numbers()
    can = fx.loc[fx["iso3"] == "CAN", "rate"]
    charts.publish(
        fig, "world-exchange-rates", data=fx, finite=["rate"], units={"rate": "local currency per US dollar"},
        source="World Bank, WDI PA.NUS.FCRF; FRED DEXMXUS, DEXCAUS",
        alt=(f"Two line charts of exchange rates. The peso goes from {k['world_fx_mxn_before_crisis']:.1f} per dollar "
             f"in {k['world_fx_before_crisis_year']} to {k['world_fx_mxn_after_crisis']:.1f} in "
             f"{k['world_fx_after_crisis_year']} after the {k['world_fx_crisis']} crisis, peaks at "
             f"{k['world_fx_mxn_daily_max']:.1f} on {k['world_fx_mxn_daily_max_date']} and averages "
             f"{k['world_fx_mxn_last']:.1f} in {k['world_fx_last_year']}. The Canadian dollar stays between "
             f"{can.min():.2f} and {can.max():.2f} per US dollar."),
        caption="Exchange rates against the US dollar: daily noon rates in New York and World Bank annual "
                "averages.")


def dots_legs(data: pd.DataFrame | None = None) -> None:
    """Share of each member's exports going to the other two (percent) and the three legs of regional
    trade as each side records them, billion current USD (long table: :func:`world.dots_chart_data`)."""
    dots = world.dots_chart_data() if data is None else data
    share, legs = dots[dots["panel"] == "share"], dots[dots["panel"] == "leg"]
    wide = share.pivot(index="year", columns="reporter", values="share_pct").reset_index()

    def draw(phone: bool):
        """Four panels: 2 x 2 on the desktop canvas, one under another on the phone's (each keeps its width)."""
        fig, axes = charts.figure("North American trade as each member records it", "First panel: exports to the "
                                  "other two members, % of exports; the others: goods trade on each leg, billion "
                                  "US dollars", nrows=4 if phone else 2, ncols=1 if phone else 2,
                                  height=11.5 if phone else 6.6, phone=phone)
        first, *rest = axes.flat
        first.set_ylim(0, 100)
        _member_lines(first, wide)
        first.set_title("Exports to the other two, %", fontsize=10, pad=4)
        for a, leg in zip(rest, ["USA-MEX", "USA-CAN", "MEX-CAN"], strict=True):
            for rep in leg.split("-"):
                d = legs[(legs["leg"] == leg) & (legs["reporter"] == rep)]
                a.plot(d["year"], d["total"], color=charts.country_color(rep), label=f"as {NAME[rep]} records it")
            a.set_title(leg.replace("-", "–"), fontsize=10, pad=4)
            lo, hi = a.get_ylim()
            a.set_ylim(lo, hi + 0.4 * (hi - lo))  # headroom: the legend sits above the lines, not across them
            a.legend(loc="upper left", fontsize=8)
        fig.subplots_adjust(top=0.885 if phone else 0.86, hspace=0.55 if phone else 0.42, wspace=0.45)
        return fig

    fig = draw(phone=False)
    k = world.key_numbers()
    last = k["world_dots_last_year"]
    spans = {p: f"{int(d['year'].min())}–{int(d['year'].max())}" for p, d in (("share", share), ("leg", legs))}
    charts.publish(
        fig, "world-dots-legs", data=dots, finite=["total"], phone=draw(phone=True),
        units={"share_pct": "percent of exports",
               **{c: "billion current USD" for c in ("to_partners", "total", "exports", "imports")}},
        source="IMF, Direction of Trade Statistics, reporter workbooks for Mexico, Canada and the United States "
               f"(to {last})",
        alt=(f"Four line charts. Mexico sends {k['world_intra_mex_share_last']:.0f}% of its exports to the US and "
             f"Canada in {last}, Canada {k['world_intra_can_share_last']:.0f}%, the US "
             f"{k['world_intra_usa_share_last']:.0f}%. On the Mexico-Canada leg, Canada records "
             f"{k['world_mirror_total_can_side']:.1f} billion dollars of trade in {last} and Mexico "
             f"{k['world_mirror_total_mex_side']:.1f} billion."),
        caption=f"Share of each member's exports going to the other two ({spans['share']}), and the three legs of "
                f"regional goods trade as each side's customs records them ({spans['leg']}).")


# --------------------------------------------------------------------------------------------------
# Tables


def _rank_table(t: pd.DataFrame, value: str, caption: str) -> None:
    """Show a members' rank table (columns iso3, value, rank_economies, rank_eu_unit; optional source)."""
    shown = pd.DataFrame({**({"Source": t["source"]} if "source" in t else {}),
                          "Country": t["iso3"].map(NAME), value: t["value"],
                          "Rank, rule A (economies only)": t["rank_economies"],
                          "Rank, rule B (EU as one unit)": t["rank_eu_unit"]})
    charts.table(shown, caption=caption)


def fdi_ranks(year: int = world.FDI_YEAR) -> None:
    """Table: members' FDI inflows in ``year`` (billion USD), UNCTAD and World Bank, ranks under both rules."""
    _rank_table(world.fdi_rank_table(year), "FDI inflows, billion USD",
                f"FDI inflows {year} and rank under rule A (economies only) and rule B (EU as one unit)")


def hightech_ranks(year: int = world.HT_YEAR) -> None:
    """Table: members' high-technology exports in ``year`` (billion USD) and ranks under both rules."""
    _rank_table(world.hightech_rank_table(year).rename_axis("iso3").reset_index(), "High-tech exports, billion USD",
                f"High-technology exports {year} and rank under rules A and B")


def lpi_ranks() -> None:
    """Table: LPI 2023 grouped ranks of the members per component, and the best performer."""
    lpi = world.lpi_components()
    shown = pd.DataFrame({"Component": lpi["component"], **{NAME[m]: lpi[f"{m}_rank"] for m in MEMBERS},
                          "Economy with the best score": lpi["best_economy"]})
    charts.table(shown, caption="LPI 2023 grouped ranks (as published; ties share a rank) and the economy with "
                                "the best score")


def resource_rents() -> None:
    """Table: total natural-resource rents, percent of GDP, latest year (a different measure from mining
    value added)."""
    r = world.resource_rents()
    shown = pd.DataFrame({"Country": r["iso3"].map(NAME), "Year": r["year"],
                          "Natural-resource rents, % of GDP (not mining value added)": r["value"]})
    charts.table(shown, caption="A different measure: total natural-resource rents, percent of GDP (World Bank)")

"""Figures of the chapter "Agribusiness" (:mod:`northam.analysis.agri`).

Every figure function takes the table it plots (default: the analysis function of the same name), draws
it in the house style and publishes it with :func:`northam.charts.publish`: the CSV is exactly that table.
Countries keep their book colours; food groups, HS chapters and other non-country series use the
colour-blind-safe non-country colours of :data:`northam.figures.common.SERIES` (one grey at most per
chart), and lines carry direct labels at their ends (:func:`northam.figures.common.label_ends`). The two
tables of the chapter are shown by the ``*_table`` helpers at the end.
"""

from __future__ import annotations

import calendar

import matplotlib.dates as mdates
import pandas as pd

from .. import charts
from ..analysis import agri
from ..prose import span
from .common import SERIES, label_ends
from .trade import table_units

DEFLATOR_SOURCE = "deflated with the BEA GDP implicit price deflator (FRED GDPDEF)"
CURRENT, CONSTANT = "million current USD", f"million constant {agri.PRICE_YEAR} USD"
#: One colour per food group, the same in both partners' panels (Paul Tol's muted set; one pale grey).
GROUP_COLORS = {
    "Fruit": "#CC6677", "Vegetables": "#117733", "Beverages": "#88CCEE", "Grains": "#DDCC77",
    "Vegetable oils": "#332288", "Meats": "#882255", "Sweeteners and candy": "#AA4499",
    "Fish and shellfish": "#44AA99", agri.OTHER: "#999933", "Live animals": "#661100", "Cocoa": "#6699CC",
    "Dairy": "#EECC66", "Nuts": "#997700", "Coffee, tea, spices": "#994455", "All other groups": "#DDDDDD",
}
#: HS chapters of the seasonal chart: colour and line style (non-country series).
SEASONAL_STYLE = {"07": ("Vegetables (HS 07)", SERIES["indigo"], "-"), "08": ("Fruit and nuts (HS 08)", SERIES["rose"], "--")}


def ers_source(years) -> str:
    """Source line of a table from the ERS food imports file covering ``years``."""
    return f"USDA ERS, U.S. Food Imports (food.csv, {span(years)})"


def hs_source(years) -> str:
    """Source line of a table from the Census HS2 file covering ``years`` (or dates)."""
    years = [getattr(y, "year", y) for y in years]
    return f"US Census Bureau, international trade API (HS2 imports, {span(years)})"


def _legend_on_top(fig, ncol: int, y: float = 0.9) -> None:
    """One legend for the whole figure, between the subtitle and the panels (no panel is covered)."""
    handles, labels = [], []
    for ax in fig.axes:
        for h, lab in zip(*ax.get_legend_handles_labels(), strict=True):
            if lab not in labels:
                handles.append(h)
                labels.append(lab)
    fig.legend(handles, labels, loc="upper left", bbox_to_anchor=(0.01, y), ncol=ncol, fontsize=8.5, frameon=False)


# --------------------------------------------------------------------------------------------------
# Fresh produce, food groups, origins, beer (ERS)


def fresh_produce_shares(data: pd.DataFrame | None = None) -> None:
    """Shares of US fresh fruit and fresh vegetable import value by origin, every year of the ERS file (percent)."""
    shares = agri.fresh_produce_shares() if data is None else data
    first, last = int(shares["year"].min()), int(shares["year"].max())
    fig, axes = charts.figure("Where US fresh fruit and vegetable imports come from",
                              f"Percent of US import value, {first}-{last}", ncols=2, sharey=True, height=5)
    for ax, product in zip(axes, ["Fresh fruit", "Fresh vegetables"], strict=True):
        s = shares[shares["product"] == product].set_index("year")
        ax.stackplot(s.index, s["MEX"], s["CAN"], s["ROW"], labels=["Mexico", "Canada", "Rest of the world"],
                     colors=[charts.country_color(c) for c in ("MEX", "CAN", "ROW")])
        ax.set_title(product, fontsize=10, loc="left")
        ax.set_ylim(0, 100)
    fig.subplots_adjust(top=0.72)
    _legend_on_top(fig, ncol=3)
    f = shares.set_index(["product", "year"])
    veg = f.loc["Fresh vegetables", "MEX"]
    charts.publish(
        fig, "agri-fresh-shares", data=shares, source=ers_source(shares["year"]), finite=["MEX", "CAN", "ROW"],
        units=table_units("percent of US import value", "MEX", "CAN", "ROW", world=CURRENT),
        alt=(f"Two stacked area charts of the origin of US fresh fruit and fresh vegetable imports, {first} to "
             f"{last}. Mexico's share of fresh fruit goes from {f.loc[('Fresh fruit', first), 'MEX']:.0f}% to "
             f"{f.loc[('Fresh fruit', last), 'MEX']:.0f}%; its share of fresh vegetables stays between "
             f"{veg.min():.0f}% and {veg.max():.0f}% ({f.loc[('Fresh vegetables', last), 'MEX']:.0f}% in {last}) "
             f"with Canada at {f.loc[('Fresh vegetables', last), 'CAN']:.0f}%."),
        caption="Shares of US fresh fruit and fresh vegetable import value supplied by Mexico, Canada and all other "
                "countries.")


def food_imports_by_origin(data: pd.DataFrame | None = None) -> None:
    """US food imports from Mexico and from Canada, every year of the ERS file, in constant ``PRICE_YEAR``
    dollars (solid) and in current dollars (dashed); the table also holds the rest of the world and shares."""
    origin = agri.food_imports_by_origin() if data is None else data
    fig, ax = charts.figure("US food imports from Mexico and Canada, in constant dollars",
                            f"Billion US dollars: solid, constant {agri.PRICE_YEAR} dollars (GDP deflator); dashed, current dollars")
    ends = {}
    for iso in ("MEX", "CAN"):
        o = origin[origin["origin"] == iso].set_index("year")
        colour = charts.country_color(iso)
        ax.plot(o.index, o["real"] / 1e3, color=colour)
        ax.plot(o.index, o["nominal"] / 1e3, color=colour, ls="--", lw=1.2)
        ends[charts.country_label(iso)] = (o["real"] / 1e3, colour)
    ax.set_ylim(0, None)
    fig.subplots_adjust(right=0.86)
    label_ends(ax, ends)
    o = origin.set_index(["origin", "year"])
    first, last = int(origin["year"].min()), int(origin["year"].max())

    def grow(iso: str) -> str:
        return "shrink" if o.loc[(iso, last), "real"] < o.loc[(iso, first), "real"] else "grow"

    vs = agri.overtake_words(*(o.loc[(iso, y), "real"] for iso in ("MEX", "CAN") for y in (first, last)),
                             present=True)
    charts.publish(
        fig, "agri-food-origin", data=origin, source=f"{ers_source(origin['year'])}; {DEFLATOR_SOURCE}",
        finite=["real", "nominal"], units=table_units(CURRENT, "nominal", real=CONSTANT, share="percent of US food imports"),
        alt=(f"Line chart of US food imports from Mexico and from Canada, {first} to {last}, in constant {agri.PRICE_YEAR} dollars "
             f"with current dollars dashed. In constant dollars imports from Mexico {grow('MEX')} from "
             f"{o.loc[('MEX', first), 'real'] / 1e3:.1f} to {o.loc[('MEX', last), 'real'] / 1e3:.1f} billion and "
             f"{vs} those from Canada, which {grow('CAN')} from {o.loc[('CAN', first), 'real'] / 1e3:.1f} to "
             f"{o.loc[('CAN', last), 'real'] / 1e3:.1f} billion."),
        caption=f"US food imports (sum of the ERS food groups) from Mexico and from Canada in constant {agri.PRICE_YEAR} dollars "
                "(solid; current values deflated with the BEA GDP implicit price deflator) and in current dollars "
                "(dashed).")


def _food_groups_figure(stacks: dict[str, pd.DataFrame], *, phone: bool):
    """The partners' stacks side by side with the key in one column on their right (desktop), or one over the
    other under the key (phone). The key lists the groups from the top of the stacks down."""
    years = next(iter(stacks.values())).index
    fig, axes = charts.figure("US food imports from Mexico and from Canada, by food group",
                              f"Billion constant {agri.PRICE_YEAR} US dollars (GDP deflator), {years.min()}-{years.max()}",
                              nrows=2 if phone else 1, ncols=1 if phone else 2, sharey=True,
                              height=8 if phone else 4.8, phone=phone)
    for ax, (iso, w) in zip(axes, stacks.items(), strict=True):
        ax.stackplot(w.index, w.T.to_numpy(), labels=list(w.columns), colors=[GROUP_COLORS[g] for g in w.columns])
        ax.set_title(charts.country_label(iso), fontsize=10, loc="left", pad=4)
    handles, labels = axes[0].get_legend_handles_labels()
    key = {"handles": handles[::-1], "labels": labels[::-1], "fontsize": 8.5, "frameon": False}  # top first
    if phone:
        height = fig.get_size_inches()[1]
        fig.legend(loc="upper left", bbox_to_anchor=(0.01, 1 - 0.5 / height), ncols=1, **key)
        fig.subplots_adjust(top=1 - 3.0 / height, bottom=0.06, hspace=0.3)
    else:
        axes[-1].legend(loc="upper left", bbox_to_anchor=(1.04, 1.0), borderaxespad=0, **key)
        fig.subplots_adjust(top=0.84, right=0.76, wspace=0.12)
    return fig


def food_groups(data: pd.DataFrame | None = None) -> None:
    """US food imports from Mexico and from Canada by food group, every year of the ERS file, in constant
    ``PRICE_YEAR`` dollars: the groups among the six largest of the last year for either partner, in the same order and colours for both, the rest
    summed (:func:`northam.analysis.agri.food_group_stacks`; the table is every group, tidy)."""
    data = agri.food_groups() if data is None else data
    stacks = {iso: w / 1e3 for iso, w in agri.food_group_stacks(data).items()}  # billion
    first, last = int(data["year"].min()), int(data["year"].max())
    t = data[data["iso3"].isin(["MEX", "CAN"])].groupby(["iso3", "year"])["real"].sum() / 1e3

    def leaders(iso: str) -> str:
        top = stacks[iso].drop(columns=agri.OTHER_GROUPS).iloc[-1].nlargest(3).index.str.lower()
        return f"{top[0]}, {top[1]} and {top[2]}"

    order = list(stacks["MEX"].columns)
    charts.publish(
        _food_groups_figure(stacks, phone=False), "agri-food-groups", data=data,
        phone=_food_groups_figure(stacks, phone=True), source=f"{ers_source(data['year'])}; {DEFLATOR_SOURCE}",
        units=table_units(CURRENT, "value", real=CONSTANT),
        alt=(f"Two stacked area charts of US food imports by food group from Mexico and from Canada, {first} to "
             f"{last}, in constant {agri.PRICE_YEAR} dollars, the same groups stacked in the same order in both, from "
             f"{order[0].lower()} at the bottom to {order[-2].lower()} and all other groups at the top. Imports from "
             f"Mexico go from {t[('MEX', first)]:.1f} to {t[('MEX', last)]:.1f} billion dollars and are led in {last} "
             f"by {leaders('MEX')}; imports from Canada go from {t[('CAN', first)]:.1f} to {t[('CAN', last)]:.1f} "
             f"billion, led by {leaders('CAN')}."),
        caption=f"US food imports from Mexico and from Canada by ERS food group, constant {agri.PRICE_YEAR} dollars (deflated with "
                f"the BEA GDP implicit price deflator). Both panels stack the groups among the six largest of {last} "
                f"for either partner in the same order and colours, the key listing them from the top of the stack "
                f"down; the other groups are summed.")


def beer_imports(data: pd.DataFrame | None = None) -> None:
    """US malt beer imports by origin (million current USD, stacked; upper panel) and Mexico's share of
    them (percent; lower panel)."""
    beer = agri.beer_imports().reset_index() if data is None else data
    b = beer.set_index("year")
    first, last = int(b.index.min()), int(b.index.max())
    fig, (ax, ax2) = charts.figure("US beer imports by origin", f"Malt beer, billion current US dollars, {first}-{last}; "
                                   "lower panel: Mexico's share, %", nrows=2, sharex=True, height=5.8,
                                   height_ratios=[2, 1])
    cols = {"Mexico": charts.country_color("MEX"), "Netherlands": SERIES["indigo"],
            "Canada": charts.country_color("CAN"), "Other": charts.country_color("ROW")}
    ax.stackplot(b.index, (b[list(cols)] / 1e3).T.to_numpy(), labels=list(cols), colors=list(cols.values()))
    ax.legend(loc="upper left", fontsize=8, ncol=2)
    ax2.plot(b.index, b["mex_share"], color=charts.country_color("MEX"))
    ax2.set_ylim(0, 100)
    ax2.set_ylabel("Mexico, %", fontsize=9)
    charts.publish(
        fig, "agri-beer", data=beer, source=ers_source(b.index), finite=["mex_share"],
        units=table_units(CURRENT, "Mexico", "Netherlands", "Canada", "Other", "World", mex_share="percent"),
        alt=(f"Stacked area chart of US malt beer imports by origin, {first} to {last}, with Mexico's share in a lower "
             f"panel. Mexico's share goes from {b.loc[first, 'mex_share']:.0f}% to {b.loc[last, 'mex_share']:.0f}%; "
             f"total imports reach {b.loc[last, 'World'] / 1e3:.1f} billion dollars in {last}."),
        caption="US malt beer imports by origin (upper panel, current dollars) and Mexico's share of them (lower "
                "panel).")


# --------------------------------------------------------------------------------------------------
# HS chapters (Census)


def hs_top_chapters(data: pd.DataFrame | None = None) -> None:
    """The six largest HS food and farm chapters of US imports from Mexico and from Canada in the HS file's last
    year (million current USD, drawn in billions)."""
    top = agri.hs_top_chapters() if data is None else data
    year = int(top["year"].iloc[0])
    fig, axes = charts.figure(f"Largest food and farm chapters of US imports, {year}",
                              "HS chapters 01-24, billion current US dollars", nrows=2, height=6.5)
    for ax, iso in zip(axes, ["MEX", "CAN"], strict=True):
        t = top[top["iso3"] == iso].iloc[::-1]
        ax.barh(t["label"], t["value"] / 1e3, color=charts.country_color(iso))
        ax.set_title(f"From {charts.country_label(iso)}", fontsize=10, loc="left")
        ax.tick_params(axis="y", labelsize=8)
        ax.grid(axis="y", visible=False)
        ax.set_xlim(0, top["value"].max() / 1e3 * 1.05)
    fig.subplots_adjust(top=0.84, hspace=0.45)
    first = top.set_index(["iso3", "rank"])
    charts.publish(
        fig, "agri-hs-top", data=top, source=hs_source(agri.hs_years()), units=table_units(CURRENT, "value", share="percent of HS 01-24"),
        alt=(f"Two horizontal bar charts of the six largest HS food and farm chapters of US imports in {year}. From "
             f"Mexico the largest is {first.loc[('MEX', 1), 'label']} ({first.loc[('MEX', 1), 'share']:.0f}% of "
             f"chapters 01-24); from Canada it is {first.loc[('CAN', 1), 'label']} "
             f"({first.loc[('CAN', 1), 'share']:.0f}%)."),
        caption=f"The six largest HS chapters (01-24) of US imports from Mexico and from Canada in {year}.")


def hs_seasonal(data: pd.DataFrame | None = None) -> None:
    """Monthly US imports from Mexico of HS 07 (vegetables) and HS 08 (fruit and nuts), every month of the file,
    with the winter months shaded (million current USD)."""
    season = agri.hs_seasonal(("07", "08")).reset_index() if data is None else data
    s = season.set_index("date")
    span = f"{s.index.min().year}-{s.index.max().year}"
    fig, ax = charts.figure("Monthly US imports of vegetables and fruit from Mexico",
                            f"HS 07 (vegetables) and HS 08 (fruit and nuts), million current US dollars, {span}")
    for chapter, (label, colour, ls) in SEASONAL_STYLE.items():
        ax.plot(s.index, s[chapter], color=colour, ls=ls, label=label)
    winter = f"{calendar.month_name[agri.WINTER[0]]} to {calendar.month_name[agri.WINTER[-1]]}"
    for k, (start, end) in enumerate(agri.winter_spans(s.index)):
        ax.axvspan(start, end, color="#EEEEEE", zorder=0, lw=0,
                   label=winter if k == 0 else "_nolegend_")  # one key entry for the shading
    ax.set_ylim(0, None)
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    ax.legend(loc="lower center", ncol=3, fontsize=8.5)
    ratio = agri.winter_share_estimate("07")["ratio"]
    prof = s.groupby(s.index.month)[["07", "08"]].mean()
    month = calendar.month_name.__getitem__
    charts.publish(
        fig, "agri-hs-seasonal", data=season, source=hs_source(s.index), finite=["07", "08"],
        units=table_units(CURRENT, "07", "08"),
        alt=(f"Line chart of monthly US imports of vegetables and of fruit from Mexico, {span.replace('-', ' to ')}, with winter months "
             f"shaded. On average vegetable imports are highest in {month(prof['07'].idxmax())} and lowest in "
             f"{month(prof['07'].idxmin())}; winter months bring about {ratio:.1f} times the imports of other "
             "months."),
        caption="Monthly US imports from Mexico of HS chapter 07 (vegetables, solid) and 08 (fruit and nuts, dashed). "
                f"Shaded: {winter}.")


# --------------------------------------------------------------------------------------------------
# Farm output and farm jobs


def crop_index(data: pd.DataFrame | None = None) -> None:
    """Production of three FAO crop groups in the three countries, indexed to the report's base year = 100."""
    crops = agri.crop_index() if data is None else data
    base, last = agri.BASE_YEAR, int(crops["year"].max())
    fig, axes = charts.figure("Crop production in the three countries", f"Production in tonnes, index {base} = 100",
                              ncols=3, sharey=True, height=5)
    for ax, crop in zip(axes, agri.CROPS, strict=True):
        for iso in ("USA", "MEX", "CAN"):
            c = crops[(crops["crop"] == crop) & (crops["iso3"] == iso)]
            ax.plot(c["year"], c["index"], color=charts.country_color(iso), label=charts.country_label(iso), lw=1.2)
        ax.axhline(100, color=SERIES["grey"], lw=0.8, ls="--")
        ax.set_title(crop, fontsize=10, loc="left")
    fig.subplots_adjust(top=0.72)
    _legend_on_top(fig, ncol=3)
    c = crops[crops["year"] == last].set_index(["crop", "iso3"])["index"]
    charts.publish(
        fig, "agri-crops", data=crops, source="FAOSTAT QCL crop groups, via the agData R package", finite=["index"],
        units=table_units("t", "value", index=f"index, {base} = 100"),
        alt=(f"Three line charts of cereal, fruit and vegetable production in the United States, Mexico and Canada, "
             f"{int(crops['year'].min())} to {last}, indexed to {base}. By {last} Mexico's fruit index is "
             f"{c[('Fruit', 'MEX')]:.0f} and its vegetable index {c[('Vegetables', 'MEX')]:.0f}, while the US fruit "
             f"index is {c[('Fruit', 'USA')]:.0f}."),
        caption=f"Production of FAO crop groups (cereals, fruit, vegetables), each country indexed to its {base} level.")


def ag_employment(data: pd.DataFrame | None = None) -> None:
    """US employment in agriculture and related industries, monthly and 12-month average (thousands)."""
    emp = agri.ag_employment() if data is None else data
    fig, ax = charts.figure("US employment in agriculture and related industries",
                            "Million persons, monthly, not seasonally adjusted, and 12-month average")
    ax.plot(emp["date"], emp["value"] / 1e3, color=SERIES["grey"], lw=0.7, label="Monthly")
    ax.plot(emp["date"], emp["avg12"] / 1e3, color=charts.country_color("USA"), lw=1.6, label="12-month average")
    ax.set_ylim(0, None)
    # years, not full dates: a tick each decade (the phone rendition keeps every other one)
    ax.xaxis.set_major_locator(mdates.YearLocator(10))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.legend(loc="upper right", fontsize=8)
    last = emp.iloc[-1]
    start = int(emp["date"].dt.year.min())
    first = emp[emp["date"].dt.year == start]["value"].mean() / 1e3
    charts.publish(
        fig, "agri-employment", data=emp, source="BLS Current Population Survey via FRED (series LNU02034560)",
        finite=["value"],
        units={"value": "thousand persons", "avg12": "thousand persons"},
        alt=(f"Line chart of monthly US employment in agriculture and related industries since {start} with its "
             f"12-month average. The average {'falls' if last['avg12'] / 1e3 < first else 'rises'} from about "
             f"{first:.1f} million in {start} to about {last['avg12'] / 1e3:.2f} million in {last['date']:%B %Y}; "
             f"the monthly series swings with the seasons and has a break in {agri.CPS_BREAK_YEAR}, when the "
             "survey's industry classification changed."),
        caption="US employment in agriculture and related industries (household survey), monthly and 12-month "
                f"average. The break in {agri.CPS_BREAK_YEAR} reflects a change of industry classification.")


# --------------------------------------------------------------------------------------------------
# Tables


def enduse_table() -> None:
    """US imports of foods, feeds and beverages (End-Use 0) from Mexico, Canada and the world (billion USD)."""
    totals = agri.enduse_food_imports()
    charts.table((totals[["MEX", "CAN", "MEX+CAN", "WORLD"]] / 1e3).assign(share_na=totals["share_na"])
                 .reset_index().rename(columns={"year": "Year", "share_na": "Mexico+Canada, % of world"}),
                 caption="US imports of foods, feeds and beverages (End-Use 0), billion current US dollars")


def produce_share_table() -> None:
    """Mexico's share of US fresh fruit and vegetable imports in selected years (percent)."""
    charts.table(agri.produce_share_years().rename(columns={"year": "Year"}),
                 caption="Mexico's share of US fresh produce imports, selected years (%)")

"""Chapter "Agribusiness": food and farm trade inside North America.

Questions and their sources (import values in million US dollars; :func:`food_imports_by_origin` and
:func:`food_group_stacks` also give them in **constant 2024 dollars**, deflated with the BEA GDP implicit
price deflator, as the report does; the ERS file's "imported food prices" are world unit values in
dollars per tonne, whose changes mix price and product-mix effects, so they are not used to deflate):

- :func:`fresh_produce_shares` - Mexico's and Canada's shares of US fresh fruit and fresh vegetable
  import value, every year of the ERS file (USDA ERS, U.S. Food Imports).
- :func:`food_groups`, :func:`food_imports_by_origin` - US food imports from Mexico, Canada and the rest
  of the world, by food group (USDA ERS; million current and constant 2024 USD).
- :func:`gdp_deflator` - the annual BEA GDP implicit price deflator (FRED GDPDEF, mean of the quarters).
- :func:`beer_imports` - US malt beer imports by origin (USDA ERS; million current USD).
- :func:`hs_top_chapters`, :func:`hs_seasonal` - US imports by HS chapter 01-24 and partner, monthly
  (Census trade API; million current USD).
- :func:`enduse_food_imports` - US imports of foods, feeds and beverages (End-Use codes 0xxxx) from
  Mexico, Canada and the world (Census End-Use; million current USD).
- :func:`crop_index` - FAO crop-group production (cereals, fruit, vegetables) in the three
  countries, indexed to the report's base year 2013 = 100 (FAOSTAT QCL via agData).
- :func:`ag_employment` - US employment in agriculture and related industries, monthly since 1948,
  with its 12-month average (BLS CPS via FRED; thousands of persons, not seasonally adjusted).
- :func:`winter_share_estimate`, :func:`share_trend` - statsmodels estimates: how concentrated in the
  US winter the vegetable imports from Mexico are (monthly), and the trend of Mexico's share of US fresh
  vegetable imports (annual).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import numerics
from ..cache import memo
from ..claims import Claim
from ..prose import and_list, change, direction
from ..sources import census, census_hs, fao, usda_ers
from ..sources.fred import fred_series

CHAPTER = "agri"
FRED_EMP = "fred_LNU02034560_employment_agriculture_related_industries.csv"
#: BEA GDP implicit price deflator, quarterly, 2017 = 100 (FRED series GDPDEF).
FRED_DEFLATOR = "fred_GDPDEF_gdp_implicit_price_deflator_quarterly_1947-2024q4.csv"
#: Prices of this year are the "constant dollars" of the chapter (as in the report).
PRICE_YEAR = 2024
FRUIT, VEG, BEER = "Fresh or chilled fruit", "Fresh vegetables", "Malt beer"
#: ERS food-group lines: label -> commodity line (OTHER = the four lines of ERS category "Other").
OTHER = "Prepared foods, fats, other"
GROUPS = {
    "Live animals": "Total live animals",
    "Meats": "Total red meats, fresh and frozen",
    "Fish and shellfish": "Total fish and shellfish",
    "Vegetables": "Total vegetables and preparations",
    "Dairy": "Total dairy products",
    "Fruit": "Total fruit and preparations",
    "Nuts": "Total nuts",
    "Coffee, tea, spices": "Total coffee, tea, and spices",
    "Grains": "Total grains and products",
    "Vegetable oils": "Total vegetable oils",
    "Sweeteners and candy": "Total sweeteners and candy",
    "Cocoa": "Total cocoa and products",
    "Beverages": "Total beverages",
}
#: Lines of an ERS category that its "Total ..." line leaves out but ERS's own group totals (category "Food
#: dollars") count: poultry and prepared meats are meats, eggs are live-animal products, oilseeds go with oils.
OUTSIDE_TOTAL = {
    "Live animals": ("Bird eggs",),
    "Meats": ("Fowl and other meats", "Prepared meats"),
    "Vegetable oils": ("Oilseeds",),
}
#: ERS's group totals for all origins (category "Food dollars", given for the world only), by group label: the
#: check that the groups built from the commodity lines count every line once.
FOOD_DOLLARS = {
    "Live animals": "Live meat animals", "Meats": "Meats", "Fish and shellfish": "Fish and shellfish",
    "Vegetables": "Vegetables", "Dairy": "Dairy", "Fruit": "Fruits", "Nuts": "Nuts",
    "Coffee, tea, spices": "Coffee, tea, and spices", "Grains": "Grains", "Vegetable oils": "Vegetable oils",
    "Sweeteners and candy": "Sugar and candy", "Cocoa": "Cocoa and chocolate", "Beverages": "Beverages",
    OTHER: "Other edible products",
}
#: ERS's total of US food imports from all origins (category "Food dollars").
FOOD_DOLLARS_TOTAL = "U.S. imports"
#: ERS partner spellings -> the chapter's codes (WORLD: all origins).
PARTNERS = {"MEX": "MEXICO", "CAN": "CANADA", "WORLD": "WORLD"}
CROPS = {"Cereals": "Cereals, primary", "Fruit": "Fruit Primary", "Vegetables": "Vegetables Primary"}
FAO_AREAS = {"USA": "USA", "MEX": "Mexico", "CAN": "Canada"}
#: Base year of the crop index: the start of the report's crop comparison ("from 2013 to 2023").
BASE_YEAR = 2013
#: End year of the report's crop comparison.
REPORT_CROP_END = 2023
#: The report's year for beer imports ("6.88 billion dollars of beer in 2022").
BEER_REPORT_YEAR = 2022
#: The report's year for food trade within North America ("about 143 billion dollars in 2023").
FOOD_TRADE_REPORT_YEAR = 2023
#: The break in the farm employment series from the household survey's change of industry classification
#: (SOURCES.yml: "break in 2000 from the CPS industry-classification change"), a documented event.
CPS_BREAK_YEAR = 2000
#: US (meteorological) winter months.
WINTER = (12, 1, 2)


def _verb(new: float, old: float, up: str = "rose", down: str = "fell") -> str:
    """``up`` or ``down`` for the change from ``old`` to ``new`` (a tie reads ``up``)."""
    return direction(new, old, up, down, level=up)


def overtake_words(a_first: float, a_last: float, b_first: float, b_last: float, present: bool = False) -> str:
    """How a series ``a`` moved against ``b`` between the first and last year: "overtook", "stayed above",
    "stayed below" or "fell behind" (present tense with ``present``: "pass", "stay above", ...)."""
    if a_first < b_first:
        past, now = ("overtook", "pass") if a_last > b_last else ("stayed below", "stay below")
    else:
        past, now = ("stayed above", "stay above") if a_last > b_last else ("fell behind", "fall behind")
    return now if present else past


# --------------------------------------------------------------------------------------------------
# Prices: the GDP deflator


def gdp_deflator() -> pd.DataFrame:
    """Annual BEA GDP implicit price deflator (index 2017 = 100): the mean of the year's four quarters.

    Columns: year, deflator, to_constant (multiply current dollars of ``year`` by it to get constant
    :data:`PRICE_YEAR` dollars = deflator[PRICE_YEAR] / deflator[year]). Only complete years. Source: BEA
    NIPA via FRED, series GDPDEF (quarterly, seasonally adjusted).
    """
    q = fred_series(FRED_DEFLATOR)
    q = q.assign(year=q["date"].dt.year)
    annual = q.groupby("year")["value"].agg(["mean", "size"])
    annual = annual[annual["size"] == 4]["mean"]
    out = pd.DataFrame({"year": annual.index.astype(int), "deflator": annual.to_numpy()})
    return out.assign(to_constant=annual.loc[PRICE_YEAR] / out["deflator"])


def to_constant_dollars(values: pd.Series, years) -> pd.Series:
    """Current-dollar ``values`` of the given ``years`` in constant :data:`PRICE_YEAR` dollars (GDP deflator)."""
    factor = gdp_deflator().set_index("year")["to_constant"]
    years = pd.Index(years)
    missing = sorted(set(years) - set(factor.index))
    if missing:
        raise KeyError(f"{FRED_DEFLATOR}: no annual GDP deflator for {missing}")
    return values * factor.reindex(years).to_numpy()


# --------------------------------------------------------------------------------------------------
# USDA ERS: fresh produce, food groups, beer


def fresh_produce_shares() -> pd.DataFrame:
    """Shares of US fresh fruit and fresh vegetable import value by origin, every year of the ERS file.

    Columns: year, product ("Fresh fruit" / "Fresh vegetables"), MEX, CAN, ROW (percent of the
    world import value; ROW = all other origins), world (million current USD).
    Source: USDA ERS, U.S. Food Imports, lines "Fresh or chilled fruit" and "Fresh vegetables".
    """
    frames = []
    for label, line in (("Fresh fruit", FRUIT), ("Fresh vegetables", VEG)):
        v = usda_ers.commodity_values(line)
        out = pd.DataFrame({"year": v.index, "product": label,
                            "MEX": 100 * v["MEXICO"] / v["WORLD"], "CAN": 100 * v["CANADA"] / v["WORLD"]})
        out["ROW"] = 100 - out["MEX"] - out["CAN"]
        out["world"] = v["WORLD"].to_numpy()
        frames.append(out.reset_index(drop=True))
    return pd.concat(frames, ignore_index=True)


def produce_share_years(years=None, step: int = 6) -> pd.DataFrame:
    """Mexico's share (%) of US fresh fruit and fresh vegetable import value in selected years: ``years``, or
    every ``step``-th year back from the file's last one (the first year too when the steps reach it).

    Columns: year, Fresh fruit, Fresh vegetables. Source: :func:`fresh_produce_shares`.
    """
    s = fresh_produce_shares()
    if years is None:
        years = range(int(s["year"].max()), int(s["year"].min()) - 1, -step)
    out = s[s["year"].isin(years)].pivot(index="year", columns="product", values="MEX")
    return out.rename_axis(None, axis=1).reset_index()


@memo(maxsize=1)
def food_groups() -> pd.DataFrame:
    """US food imports from Mexico, from Canada and from the world by food group, 1999-2023.

    Tidy: year, iso3 ("MEX", "CAN", "WORLD"), group, value (million current USD), real (million constant
    2024 USD, GDP deflator), complete (False where ERS does not list the origin on one of the group's lines).
    Groups are ERS's 13 categories: each "Total ..." line with the lines of its category that the total leaves
    out (:data:`OUTSIDE_TOTAL`), and :data:`OTHER` (sauces and prepared foods, essential oils, animal fats, other
    edible products). For the world they equal ERS's own group totals (checked, every year).

    ERS lists on each line only its main origins; an origin not listed there counts as zero, so its group is a
    lower bound (``complete`` False): Mexico is never listed on the fish total, so its fish group is the sum of
    the fish lines that list it. Source: USDA ERS, U.S. Food Imports.
    """
    df = usda_ers.food_imports()
    df = df[df["unit"] == "million USD"]
    who = {v: k for k, v in PARTNERS.items()}
    lines = df[df["partner"].isin(who) & (df["category"] != "Food dollars")]
    wide = lines.pivot(index=["category", "commodity", "year"], columns="partner", values="value").rename(columns=who)
    years = wide.index.get_level_values("year").unique().sort_values()

    def line(name: str) -> pd.DataFrame:
        return wide.xs(name, level="commodity").droplevel("category").reindex(years)

    frames = []
    for group, (total, parts, outside) in _group_lines(wide).items():
        value = pd.DataFrame(0.0, index=years, columns=list(PARTNERS))
        complete = pd.DataFrame(True, index=years, columns=list(PARTNERS))
        if total is not None:  # the total line; where it does not list an origin, its parts that do
            t = line(total)
            from_parts = sum(line(p).fillna(0.0) for p in parts)
            value += t.fillna(from_parts)
            complete &= t.notna()
        for name in outside:
            v = line(name)
            value += v.fillna(0.0)
            complete &= v.notna()
        frames.append(value.stack().rename("value").to_frame().join(complete.stack().rename("complete"))
                      .rename_axis(["year", "iso3"]).reset_index().assign(group=group))
    out = pd.concat(frames, ignore_index=True)
    _check_against_food_dollars(out, df)
    out["real"] = to_constant_dollars(out["value"], out["year"])
    return out[["year", "iso3", "group", "value", "real", "complete"]].sort_values(
        ["iso3", "group", "year"], ignore_index=True)


def _group_lines(wide: pd.DataFrame) -> dict[str, tuple[str | None, list[str], list[str]]]:
    """Group label -> (its ERS total line, the total's parts, the lines summed beside the total) for
    :func:`food_groups`. The parts are the other lines of the total's category; they stand in for the total
    where it does not list an origin, so they must add up to it for the world (checked, every year, to the
    rounding of the lines)."""
    category = dict(zip(wide.index.get_level_values("commodity"), wide.index.get_level_values("category"), strict=True))
    out = {OTHER: (None, [], [c for c, cat in category.items() if cat == "Other"])}
    for group, total in GROUPS.items():
        outside = list(OUTSIDE_TOTAL.get(group, ()))
        missing = [c for c in (total, *outside) if c not in category]
        if missing or not out[OTHER][2]:
            raise KeyError(f"ERS food imports: lines not found: {missing or 'category Other'}")
        parts = [c for c, cat in category.items() if cat == category[total] and c not in (total, *outside)]
        world = wide["WORLD"]
        summed = sum(world.xs(p, level="commodity").droplevel("category").fillna(0.0) for p in parts)
        gap = (summed - world.xs(total, level="commodity").droplevel("category")).abs()
        out[group] = (total, parts if (gap <= 0.1 * len(parts)).all() else [], outside)
    return out


def _check_against_food_dollars(groups: pd.DataFrame, ers: pd.DataFrame) -> None:
    """Refuse groups whose world values differ from ERS's own group totals ("Food dollars") by more than the
    rounding of the lines summed (0.1 million each), in any year."""
    fd = ers[(ers["category"] == "Food dollars") & (ers["partner"] == "WORLD")]
    fd = fd.drop_duplicates(["commodity", "year"]).set_index(["commodity", "year"])["value"]
    world = groups[groups["iso3"] == "WORLD"]
    label = {v: k for k, v in FOOD_DOLLARS.items()}
    ours = world.assign(line=world["group"].map(FOOD_DOLLARS)).set_index(["line", "year"])["value"]
    theirs = fd[fd.index.get_level_values("commodity").isin(label)]
    gap = (ours - theirs.rename_axis(["line", "year"])).abs()
    total = world.groupby("year")["value"].sum() - fd.xs(FOOD_DOLLARS_TOTAL, level="commodity")
    if gap.isna().any() or (gap > 0.35).any() or (total.abs() > 1.5).any():
        worst = gap.sort_values(ascending=False).head(3).round(1).to_dict()
        raise ValueError(f"ERS food imports: food groups differ from ERS's group totals ('Food dollars'): {worst}; "
                         f"largest gap of the all-groups total {total.abs().max():.1f} million")


#: The rest of a partner's food groups, summed, on top of the stacks of :func:`food_group_stacks`.
OTHER_GROUPS = "All other groups"


def food_group_stacks(data: pd.DataFrame | None = None, partners=("MEX", "CAN"), top: int = 6,
                      column: str = "real") -> dict[str, pd.DataFrame]:
    """Year x group tables of the ``partners`` with the same columns in the same order, from the bottom of a
    stack up: the groups among the ``top`` largest of the last year for any partner, the largest of the partners
    together first, then :data:`OTHER_GROUPS` (every other group, summed). Million constant 2024 USD
    (``column="value"``: current). ``data``: the tidy table of :func:`food_groups` (read when not given)."""
    data = food_groups() if data is None else data
    d = data[data["iso3"].isin(partners)]
    last = d[d["year"] == d["year"].max()].pivot_table(index="group", columns="iso3", values=column, aggfunc="sum")
    last = last.fillna(0.0)
    shown = set().union(*(last[iso].nlargest(top).index for iso in partners))
    order = last.loc[sorted(shown)].sum(axis=1).sort_values(ascending=False, kind="stable").index.tolist()
    stacks = {}
    for iso in partners:
        w = d[d["iso3"] == iso].pivot_table(index="year", columns="group", values=column, aggfunc="sum").fillna(0.0)
        stack = w.reindex(columns=order, fill_value=0.0)
        stack[OTHER_GROUPS] = w.drop(columns=order, errors="ignore").sum(axis=1)
        stacks[iso] = stack.rename_axis(None, axis=1)
    return stacks


def food_totals() -> pd.DataFrame:
    """Year x partner total of the ERS food groups (million current USD): MEX, CAN, WORLD."""
    return food_groups().pivot_table(index="year", columns="iso3", values="value", aggfunc="sum")


def food_imports_by_origin() -> pd.DataFrame:
    """US food imports by origin, 1999-2023, in current and constant 2024 dollars.

    Tidy: year, origin ("MEX", "CAN", "ROW" = all other origins), nominal (million current USD), real
    (million constant 2024 USD, BEA GDP implicit price deflator), share (% of US food imports). Food =
    the sum of the ERS food groups (:func:`food_groups`). Source: USDA ERS, U.S. Food Imports; FRED GDPDEF.
    """
    t = food_totals()
    t["ROW"] = t["WORLD"] - t["MEX"] - t["CAN"]
    long = t[["MEX", "CAN", "ROW"]].rename_axis(None, axis=1).reset_index().melt(
        id_vars="year", var_name="origin", value_name="nominal")
    long["real"] = to_constant_dollars(long["nominal"], long["year"])
    long["share"] = 100 * long["nominal"] / long["year"].map(t["WORLD"])
    return long.sort_values(["origin", "year"], ignore_index=True)


def beer_imports() -> pd.DataFrame:
    """US malt beer imports by origin, 1999-2023 (million current USD) and Mexico's share (percent).

    Columns: Mexico, Netherlands, Canada, Other (all other origins), World, mex_share.
    Source: USDA ERS, U.S. Food Imports, line "Malt beer".
    """
    v = usda_ers.commodity_values(BEER)
    out = pd.DataFrame({"Mexico": v["MEXICO"], "Netherlands": v["NETHERLANDS"], "Canada": v["CANADA"]})
    out["Other"] = v["WORLD"] - out.sum(axis=1)
    out["World"] = v["WORLD"]
    out["mex_share"] = 100 * out["Mexico"] / out["World"]
    return out.rename_axis("year")


# --------------------------------------------------------------------------------------------------
# Census: HS chapters monthly, End-Use


def hs_annual(year: int) -> pd.DataFrame:
    """US imports of HS chapters 01-24 in ``year`` from Mexico, Canada and the world (million USD).

    Columns: hs2, description, MEX, CAN, WORLD.
    """
    df = census_hs.hs2_imports()
    df = df[(df["year"] == year) & df["hs2"].isin(census_hs.AG_CHAPTERS)]
    codes = {census_hs.CODE["MEX"]: "MEX", census_hs.CODE["CAN"]: "CAN", census_hs.CODE["WORLD"]: "WORLD"}
    df = df[df["cty_code"].isin(codes)].assign(who=lambda d: d["cty_code"].map(codes))
    wide = df.pivot_table(index="hs2", columns="who", values="value", aggfunc="sum", fill_value=0.0)
    desc = df.drop_duplicates("hs2").set_index("hs2")["description"]
    out = wide.reindex(census_hs.AG_CHAPTERS, fill_value=0.0)
    out.insert(0, "description", desc.reindex(out.index).fillna(""))
    return out.reset_index().rename_axis(None, axis=1)[["hs2", "description", "MEX", "CAN", "WORLD"]]


#: Short names of HS chapters 01-24 for chart labels (Census descriptions are long and abbreviated).
HS_NAMES = {
    "01": "Live animals", "02": "Meat", "03": "Fish and seafood", "04": "Dairy, eggs, honey",
    "05": "Other animal products", "06": "Plants and flowers", "07": "Vegetables", "08": "Fruit and nuts",
    "09": "Coffee, tea, spices", "10": "Cereals", "11": "Milling products, malt", "12": "Oilseeds",
    "13": "Gums and resins", "14": "Plaiting materials", "15": "Fats and oils", "16": "Prepared meat and fish",
    "17": "Sugar and confectionery", "18": "Cocoa", "19": "Cereal and bakery products",
    "20": "Processed fruit and vegetables", "21": "Misc. food preparations", "22": "Beverages and spirits",
    "23": "Animal feed, residues", "24": "Tobacco",
}


def _short(hs2: str, desc: str) -> str:
    """A short name of an HS chapter for chart labels (:data:`HS_NAMES`, else the Census description)."""
    return HS_NAMES.get(hs2) or str(desc).split(";")[0].strip().capitalize()


def hs_years() -> list[int]:
    """Years of the Census HS2 file (monthly rows), in order."""
    return sorted(int(y) for y in census_hs.hs2_imports()["year"].unique())


def hs_top_chapters(year: int | None = None, n: int = 6) -> pd.DataFrame:
    """The ``n`` largest HS chapters (01-24) of US imports from Mexico and from Canada in ``year`` (default: the
    HS file's last year).

    Tidy: year, iso3, rank, hs2, label, value (million USD), share (percent of that partner's HS 01-24).
    """
    year = hs_years()[-1] if year is None else year
    a = hs_annual(year)
    rows = []
    for iso in ("MEX", "CAN"):
        top = a.sort_values(iso, ascending=False).head(n)
        total = a[iso].sum()
        for rank, (_, r) in enumerate(top.iterrows(), start=1):
            rows.append({"year": year, "iso3": iso, "rank": rank, "hs2": r["hs2"],
                         "label": f"{r['hs2']} {_short(r['hs2'], r['description'])}", "value": r[iso],
                         "share": 100 * r[iso] / total})
    return pd.DataFrame(rows)


def hs_seasonal(chapters=("07", "08")) -> pd.DataFrame:
    """Monthly US imports from Mexico of HS chapters (default 07 vegetables, 08 fruit), every month of the file.

    Index: date (month start); columns: the chapters (million USD; months without a row are 0).
    """
    return census_hs.chapter_matrix(census_hs.CODE["MEX"], chapters=list(chapters))


def hs_ag_totals() -> pd.DataFrame:
    """US imports of HS 01-24 by year from Mexico, Canada, both, and the world (million USD)."""
    years = hs_years()
    out = pd.concat({int(y): hs_annual(y)[["MEX", "CAN", "WORLD"]].sum() for y in years}, axis=1).T
    out["MEX+CAN"] = out["MEX"] + out["CAN"]
    return out.rename_axis("year")


def enduse_food_imports() -> pd.DataFrame:
    """US imports of foods, feeds and beverages (End-Use codes starting with 0), 2016-2025.

    Year x (MEX, CAN, WORLD, MEX+CAN, share_na) in million current USD; share_na = percent of world.
    Source: Census End-Use imports by country.
    """
    e = census.enduse_imports()
    e = e[e["end_use"].str.startswith("0")]
    codes = {census.CODE["MEX"]: "MEX", census.CODE["CAN"]: "CAN", 0: "WORLD"}
    e = e[e["cty_code"].isin(codes)].assign(who=lambda d: d["cty_code"].map(codes))
    w = e.pivot_table(index="year", columns="who", values="value", aggfunc="sum")[["MEX", "CAN", "WORLD"]]
    w["MEX+CAN"] = w["MEX"] + w["CAN"]
    w["share_na"] = 100 * w["MEX+CAN"] / w["WORLD"]
    return w.rename_axis(None, axis=1)


def monthly_profile(chapters=("07", "08")) -> pd.DataFrame:
    """Average monthly US imports from Mexico of HS ``chapters`` by calendar month (million USD; index 1-12)."""
    s = hs_seasonal(chapters)
    return s.groupby(s.index.month).mean().rename_axis("month")


def winter_spans(index: pd.DatetimeIndex, months=WINTER) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """(start, end) of each winter month in a monthly DatetimeIndex, for shading charts."""
    return [(d, d + pd.offsets.MonthBegin(1)) for d in index[index.month.isin(months)]]


# --------------------------------------------------------------------------------------------------
# FAO production, FRED employment


def crop_production() -> pd.DataFrame:
    """Production (tonnes) of FAO crop groups in the three countries, 1961-latest.

    Tidy: year, iso3, crop ("Cereals", "Fruit", "Vegetables"), value (t).
    """
    f = fao.crop_groups()
    f = f[(f["measurement"] == "Production") & f["item"].isin(CROPS.values()) & f["area"].isin(FAO_AREAS.values())]
    crop = {v: k for k, v in CROPS.items()}
    out = pd.DataFrame({"year": f["year"], "iso3": f["iso3"], "crop": f["item"].map(crop), "value": f["value"]})
    return out.sort_values(["crop", "iso3", "year"], ignore_index=True)


def crop_index(base: int = BASE_YEAR) -> pd.DataFrame:
    """Crop-group production indexed to ``base`` = 100 per country: tidy year, iso3, crop, value, index."""
    p = crop_production()
    b = p[p["year"] == base].set_index(["iso3", "crop"])["value"]
    idx = p.join(b.rename("base"), on=["iso3", "crop"])
    return idx.assign(index=100 * idx["value"] / idx["base"]).drop(columns="base")


def ag_employment() -> pd.DataFrame:
    """US employment in agriculture and related industries (thousands, NSA), monthly, with its
    trailing 12-month average (NaN for the first 11 months). Columns: date, value, avg12."""
    s = fred_series(FRED_EMP)[["date", "value"]]
    return s.assign(avg12=s["value"].rolling(12).mean())


# --------------------------------------------------------------------------------------------------
# statsmodels estimates


def _implied_winter_share(ratio: float, k: int) -> float:
    """Share (%) of a year's imports in ``k`` winter months when each brings ``ratio`` times another month."""
    return 100 * k * ratio / (k * ratio + (12 - k))


@memo(maxsize=4)  # the page, its key numbers and the chart read the same fits
def winter_share_estimate(chapter: str = "07", months=WINTER) -> dict:
    """How concentrated in the US winter are imports of an HS chapter from Mexico (2023-2024 monthly)?

    OLS of log monthly imports on a winter-month dummy and a year dummy. ``ratio`` = exp(coef): imports
    in a winter month relative to another month of the same year, with its 95% confidence interval.
    ``share`` = 3*ratio / (3*ratio + 9): the implied share of the year's imports arriving in the three
    winter months (25% if imports were flat), with the interval transformed the same way (monotone).
    ``observed`` = the share actually observed, per year (percent). n = 24 months: a rough estimate.
    """
    from statsmodels.regression.linear_model import OLS  # not statsmodels.api: a second to import
    from statsmodels.tools.tools import add_constant

    s = hs_seasonal((chapter,))[chapter]
    x = pd.get_dummies(s.index.year.astype(str), prefix="year", drop_first=True, dtype=float)
    x.insert(0, "winter", s.index.month.isin(months).astype(float))
    x.index = s.index
    fit = OLS(np.log(s.to_numpy()), add_constant(x)).fit()
    lo, hi = fit.conf_int().loc["winter"]
    k = len(months)
    ratio = float(np.exp(fit.params["winter"]))
    observed = s.groupby(s.index.year).apply(lambda x: 100 * x[x.index.month.isin(months)].sum() / x.sum())
    return numerics.require_finite({
        "ratio": ratio, "ratio_lo": float(np.exp(lo)), "ratio_hi": float(np.exp(hi)),
        "share": _implied_winter_share(ratio, k), "share_lo": _implied_winter_share(np.exp(lo), k),
        "share_hi": _implied_winter_share(np.exp(hi), k),
        "flat_share": 100 * k / 12, "observed": {int(y): float(v) for y, v in observed.items()},
        "n": int(fit.nobs),
    }, what=f"{CHAPTER}: winter share of HS {chapter} imports from Mexico")


def share_trend(product: str = "Fresh vegetables", iso3: str = "MEX") -> dict:
    """Linear trend of a partner's share of US fresh fruit or vegetable imports, every year of the ERS file.

    OLS of the annual share (percent) on the year, with Newey-West (HAC, 2 lags) standard errors
    because annual shares are autocorrelated. Returns slope (percentage points per year), its 95%
    interval, the fitted change over the period, and the first/last observed shares.
    """
    from statsmodels.regression.linear_model import OLS  # not statsmodels.api: a second to import
    from statsmodels.tools.tools import add_constant

    s = fresh_produce_shares()
    s = s[s["product"] == product]
    x = add_constant(s["year"].astype(float).to_numpy())
    fit = OLS(s[iso3].to_numpy(), x).fit(cov_type="HAC", cov_kwds={"maxlags": 2})
    lo, hi = fit.conf_int()[1]
    span = int(s["year"].max() - s["year"].min())
    out = {"slope": float(fit.params[1]), "slope_lo": float(lo), "slope_hi": float(hi),
           "change": float(fit.params[1]) * span, "change_lo": float(lo) * span, "change_hi": float(hi) * span,
           "first": float(s[iso3].iloc[0]), "last": float(s[iso3].iloc[-1]),
           "first_year": int(s["year"].min()), "last_year": int(s["year"].max())}
    return numerics.require_finite(out, what=f"{CHAPTER}: share trend, {product}, {iso3}")


# --------------------------------------------------------------------------------------------------
# Numbers for the prose (glued), one group per section: percent, billion USD, years, million persons


def _produce_numbers() -> dict:
    """Mexico's and Canada's shares (%) of US fresh fruit and vegetable imports and the world totals
    (billion current USD), in the first and last years of the ERS file (``ers_first_year``, ``ers_last_year``),
    with the direction of Mexico's fruit share and which of its two shares moved more (percentage points)."""
    shares = fresh_produce_shares()
    sh = shares.set_index(["product", "year"])
    first, last = int(shares["year"].min()), int(shares["year"].max())
    n = {"ers_first_year": first, "ers_last_year": last}
    for key, product in (("fruit", "Fresh fruit"), ("veg", "Fresh vegetables")):
        n.update({f"{key}_mex_last": sh.loc[(product, last), "MEX"], f"{key}_can_last": sh.loc[(product, last), "CAN"],
                  f"{key}_mex_first": sh.loc[(product, first), "MEX"],
                  f"{key}_world_last_bn": sh.loc[(product, last), "world"] / 1e3})
    n["fruit_mex_change"] = change(n["fruit_mex_last"], n["fruit_mex_first"], digits=1)
    moved = {key: n[f"{key}_mex_last"] - n[f"{key}_mex_first"] for key in ("fruit", "veg")}
    more = max(moved, key=lambda key: abs(moved[key]))
    less = "veg" if more == "fruit" else "fruit"
    n.update({"produce_moved_more": {"fruit": "fruit", "veg": "vegetables"}[more],
              "produce_moved_more_pts": moved[more], "produce_moved_less_pts": moved[less]})
    return n


def _food_numbers() -> dict:
    """US food imports from Mexico, Canada and the rest of the world (billion current and constant
    ``PRICE_YEAR`` USD) in the first and last years of the ERS file, their growth (%, with a verb) and shares
    (%), Mexico against Canada ("overtook", ...), the largest food groups of each in the last year, and the
    deflator's factors for those years (ERS; FRED GDPDEF)."""
    o = food_imports_by_origin().set_index(["origin", "year"])
    years = o.index.get_level_values("year")
    first, last = int(years.min()), int(years.max())
    d = gdp_deflator().set_index("year")
    n = {"price_year": PRICE_YEAR, "deflator_first_to_price": d.loc[first, "to_constant"],
         "deflator_last_to_price": d.loc[last, "to_constant"]}
    for iso in ("MEX", "CAN", "ROW"):
        low = iso.lower()
        for name, y in (("first", first), ("last", last)):
            n[f"food_{low}_{name}_bn"] = o.loc[(iso, y), "nominal"] / 1e3
            n[f"food_{low}_{name}_real_bn"] = o.loc[(iso, y), "real"] / 1e3
        growth = 100 * (o.loc[(iso, last), "real"] / o.loc[(iso, first), "real"] - 1)
        n[f"food_{low}_real_growth_pct"] = growth
        n[f"food_{low}_real_growth_abs_pct"] = abs(growth)
        n[f"food_{low}_real_verb"] = _verb(growth, 0, "grew", "shrank")
        n[f"food_{low}_share_last"] = o.loc[(iso, last), "share"]
    n["food_mex_vs_can"] = overtake_words(o.loc[("MEX", first), "real"], o.loc[("MEX", last), "real"],
                                          o.loc[("CAN", first), "real"], o.loc[("CAN", last), "real"])
    nominal = o.loc[("MEX", last), "nominal"] / o.loc[("MEX", first), "nominal"]
    real = o.loc[("MEX", last), "real"] / o.loc[("MEX", first), "real"]
    n["food_current_growth_looks"] = "larger" if nominal > real else "smaller"
    g = food_groups()
    partial = {}
    for iso in ("MEX", "CAN"):  # the groups with a line that does not list the origin: lower bounds
        names = sorted(g[(g["iso3"] == iso) & (g["year"] == last) & ~g["complete"]]["group"].str.lower())
        partial[iso] = and_list(names) if names else ""
        top = g[(g["iso3"] == iso) & (g["year"] == last)].nlargest(3, "real")["group"].str.lower()
        n[f"food_{iso.lower()}_top_groups"] = and_list(top)
    n["food_mex_partial_clause"] = (
        "Mexico is listed on every line" if not partial["MEX"]
        else f"Mexico's {partial['MEX']} are therefore lower bounds"
        + (" (its fish from the fish lines that list it, since the fish total does not)"
           if "fish and shellfish" in partial["MEX"] else ""))
    n["food_can_partial_clause"] = (f"so are Canada's {partial['CAN']}" if partial["CAN"]
                                    else "Canada is listed on every line")
    return n


def _beer_numbers() -> dict:
    """US malt beer imports (billion current USD) in the report's year (:data:`BEER_REPORT_YEAR`) and in the ERS
    file's last year, and Mexico's share (%) in its first and last years, with its direction (ERS)."""
    beer = beer_imports()
    first, last = int(beer.index.min()), int(beer.index.max())
    y = BEER_REPORT_YEAR
    return {"beer_report_year": y,
            "beer_world_2022_bn": beer.loc[y, "World"] / 1e3, "beer_mex_2022_bn": beer.loc[y, "Mexico"] / 1e3,
            "beer_world_last_bn": beer.loc[last, "World"] / 1e3, "beer_mex_last_bn": beer.loc[last, "Mexico"] / 1e3,
            "beer_mex_share_first": beer.loc[first, "mex_share"], "beer_mex_share_last": beer.loc[last, "mex_share"],
            "beer_mex_share_verb": _verb(beer.loc[last, "mex_share"], beer.loc[first, "mex_share"], "climbed")}


def _hs_numbers() -> dict:
    """US imports of HS 01-24 (billion current USD, % of world) in the HS file's last year and in the report's
    year (:data:`FOOD_TRADE_REPORT_YEAR`), the largest chapters, the file's years and months, and End-Use food
    imports (Census)."""
    hs, eu = hs_ag_totals(), enduse_food_imports()
    years = hs_years()
    last = years[-1]
    top = hs_top_chapters(last).set_index(["iso3", "rank"])
    rep = FOOD_TRADE_REPORT_YEAR
    return {
        "hs_first_year": years[0], "hs_last_year": last, "hs_n_months": len(hs_seasonal(("07",))),
        "food_trade_report_year": rep,
        "hs_mexcan_2023_bn": hs.loc[rep, "MEX+CAN"] / 1e3, "hs_mex_last_bn": hs.loc[last, "MEX"] / 1e3,
        "hs_can_last_bn": hs.loc[last, "CAN"] / 1e3, "hs_world_last_bn": hs.loc[last, "WORLD"] / 1e3,
        "hs_mexcan_share_last": 100 * hs.loc[last, "MEX+CAN"] / hs.loc[last, "WORLD"],
        "hs_top_mex_label": top.loc[("MEX", 1), "label"], "hs_top_can_label": top.loc[("CAN", 1), "label"],
        "hs_top_mex_share": top.loc[("MEX", 1), "share"], "hs_top_can_share": top.loc[("CAN", 1), "share"],
        "enduse_mexcan_2023_bn": eu.loc[rep, "MEX+CAN"] / 1e3, "enduse_share_na_last": eu["share_na"].iloc[-1],
        "enduse_share_na_report": eu.loc[rep, "share_na"],
        "enduse_first_year": int(eu.index.min()), "enduse_last_year": int(eu.index.max()),
    }


def _seasonality_numbers() -> dict:
    """Winter concentration of vegetable and fruit imports from Mexico (ratio, %; the winter months by name), the
    shares observed in the HS file's first and last years, the months of highest average imports, and the
    trends of Mexico's fresh produce shares (percentage points a year, with verbs), with 95% intervals."""
    import calendar

    wv, wf = winter_share_estimate("07"), winter_share_estimate("08")
    tr, trf = share_trend("Fresh vegetables", "MEX"), share_trend("Fresh fruit", "MEX")
    y0, y1 = min(wv["observed"]), max(wv["observed"])
    prof = monthly_profile(("07", "08"))
    n = {f"winter_veg_{k}": wv[k] for k in ("ratio", "ratio_lo", "ratio_hi", "share", "share_lo", "share_hi")}
    n.update({f"winter_fruit_{k}": wf[k] for k in ("share", "share_lo", "share_hi")})
    n.update({"winter_flat_share": wv["flat_share"], "winter_veg_obs_first": wv["observed"][y0],
              "winter_veg_obs_last": wv["observed"][y1],
              "winter_months": f"{calendar.month_name[WINTER[0]]} to {calendar.month_name[WINTER[-1]]}",
              "winter_months_short": f"{calendar.month_name[WINTER[0]]}–{calendar.month_name[WINTER[-1]]}",
              "veg_peak_month": calendar.month_name[int(prof["07"].idxmax())],
              "fruit_peak_month": calendar.month_name[int(prof["08"].idxmax())],
              "peak_months_clause": _peak_months_clause(prof),
              "winter_fruit_vs_veg": ("lower" if wf["share"] < wv["share"] else "higher") + " than that of vegetables",
              "winter_fruit_clearly": "clearly" if wf["share_lo"] > wf["flat_share"] else "not clearly"})
    n.update({"veg_trend_slope": tr["slope"], "veg_trend_lo": tr["slope_lo"], "veg_trend_hi": tr["slope_hi"],
              "veg_trend_change": tr["change"], "veg_trend_change_lo": tr["change_lo"],
              "veg_trend_change_hi": tr["change_hi"], "fruit_trend_slope": trf["slope"],
              "fruit_trend_lo": trf["slope_lo"], "fruit_trend_hi": trf["slope_hi"],
              "veg_trend_verb": _verb(tr["slope"], 0, "grew", "fell"),
              "fruit_trend_clause": _verb(trf["slope"], 0, "grew", "fell") + (
                  (" faster" if abs(trf["slope"]) > abs(tr["slope"]) else " more slowly")
                  if (trf["slope"] < 0) == (tr["slope"] < 0) else "")})
    return n


def _peak_months_clause(prof: pd.DataFrame) -> str:
    """The months of highest average imports of HS 07 and 08 (``prof``: month x chapter, :func:`monthly_profile`),
    as a clause: "Vegetable and fruit imports are both highest on average in March", or each with its month."""
    import calendar

    veg, fruit = (calendar.month_name[int(prof[c].idxmax())] for c in ("07", "08"))
    if veg == fruit:
        return f"Vegetable and fruit imports are both highest on average in {veg}"
    return f"Vegetable imports are highest on average in {veg}, fruit and nut imports in {fruit}"


def _farm_numbers() -> dict:
    """Crop indices (``BASE_YEAR`` = 100, FAO) in the end year of the report's comparison (with a verb each) and
    in the file's last year (``crop_last_year``); US farm employment (million persons, FRED/BLS): the latest
    month, the range of the last twelve months and the average of the series' first year."""
    crops = crop_index().set_index(["crop", "iso3", "year"])
    emp = ag_employment()
    last, last12 = emp.iloc[-1], emp.iloc[-12:]
    start = int(emp["date"].dt.year.min())
    crop_last = int(crops.index.get_level_values("year").max())
    end = REPORT_CROP_END
    n = {f"crop_{crop.lower()}_{iso.lower()}_{label}": crops.loc[(crop, iso, year), "index"]
         for crop in CROPS for iso in FAO_AREAS for label, year in (("2023", end), ("last", crop_last))}
    n |= {f"crop_{crop.lower()}_{iso.lower()}_2023_verb": _verb(crops.loc[(crop, iso, end), "index"], 100)
          for crop in CROPS for iso in FAO_AREAS}
    years = crops.index.get_level_values("year")
    return {**n, "crop_last_year": crop_last, "crop_first_year": int(years.min()), "base_year": BASE_YEAR,
            "crop_report_end": end, "cps_break_year": CPS_BREAK_YEAR,
            "emp_first_year": start,
            "emp_last_month": last["date"].strftime("%B %Y"), "emp_last_m": last["value"] / 1e3,
            "emp_last_avg12_m": last["avg12"] / 1e3, "emp_last12_min_m": last12["value"].min() / 1e3,
            "emp_last12_max_m": last12["value"].max() / 1e3,
            "emp_first_avg_m": emp[emp["date"].dt.year == start]["value"].mean() / 1e3}


def key_numbers() -> dict:
    """Numbers quoted in the chapter's prose (glued), all prefixed ``agri_``."""
    n = {}
    for part in (_produce_numbers(), _food_numbers(), _beer_numbers(), _hs_numbers(), _seasonality_numbers(),
                 _farm_numbers()):
        n.update(part)
    out = {f"agri_{k}": v for k, v in n.items()}
    return {k: (float(v) if isinstance(v, (np.floating, float)) else v) for k, v in out.items()}


def claims() -> list[Claim]:
    """The reports' figures on agribusiness next to the open data."""
    return [*_claims_fresh_produce(), *_claims_beer(), *_claims_food_trade_farm_jobs(),
            *_claims_gateway_agriculture(), *_claims_farm_trade_jobs(), *_claims_trade_wars()]


def _claims_fresh_produce() -> list[Claim]:
    """NAP2025 Goal 3, agribusiness interdependence: Mexico's and Canada's shares of US fresh produce imports."""
    sh = fresh_produce_shares().set_index(["product", "year"])
    ers = "USDA ERS U.S. Food Imports"
    sec = "Goal 3, The interdependence of the agribusiness markets in North America"
    return [
        Claim(CHAPTER, "Mexico supplied 51% of US fresh fruit imports (2023, value)", "NAP2025", sec, 51,
              sh.loc[("Fresh fruit", 2023), "MEX"], "percent",
              basis=f"Mexico / world, line 'Fresh or chilled fruit', 2023, {ers}"),
        Claim(CHAPTER, "Canada supplied 2% of US fresh fruit imports (2023, value)", "NAP2025", sec, 2,
              sh.loc[("Fresh fruit", 2023), "CAN"], "percent",
              basis=f"Canada / world, line 'Fresh or chilled fruit', 2023, {ers}: "
                    f"{sh.loc[('Fresh fruit', 2023), 'CAN']:.3f}%, which rounds to 1%; the report's 2% is just within "
                    "half a point plus the 1% allowance for revisions that the ledger gives every figure"),
        Claim(CHAPTER, "Mexico supplied 69% of US fresh vegetable imports (2023, value)", "NAP2025", sec, 69,
              sh.loc[("Fresh vegetables", 2023), "MEX"], "percent",
              basis=f"Mexico / world, line 'Fresh vegetables', 2023, {ers}"),
        Claim(CHAPTER, "Canada supplied 20% of US fresh vegetable imports (2023, value)", "NAP2025", sec, 20,
              sh.loc[("Fresh vegetables", 2023), "CAN"], "percent",
              basis=f"Canada / world, line 'Fresh vegetables', 2023, {ers}"),
    ]


def _claims_beer() -> list[Claim]:
    """NAP2025 Goal 3, success story: US beer imports and those from Mexico, 2022."""
    beer = beer_imports()
    ers = "USDA ERS U.S. Food Imports"
    return [
        Claim(CHAPTER, "The US imported 6.88 billion dollars of beer in 2022", "NAP2025",
              "Goal 3, Success story: regional integration of the beer industry", 6.88,
              beer.loc[BEER_REPORT_YEAR, "World"] / 1e3, "billion USD",
              reason="Product scope: ERS's 'Malt beer' line (HS 2203) is slightly narrower than the total the "
                     "report quotes, probably a Census or Comtrade HS 2203 figure.",
              basis=f"World, line 'Malt beer', {BEER_REPORT_YEAR}, {ers}"),
        Claim(CHAPTER, "US beer imports from Mexico were 5.41 billion dollars in 2022", "NAP2025",
              "Goal 3, Success story: regional integration of the beer industry", 5.41,
              beer.loc[BEER_REPORT_YEAR, "Mexico"] / 1e3, "billion USD",
              basis=f"Mexico, line 'Malt beer', {BEER_REPORT_YEAR}, {ers}"),
    ]


def _claims_food_trade_farm_jobs() -> list[Claim]:
    """NAP2025: regional food trade (gateway section) and farm employment now (Goal 3)."""
    hs = hs_ag_totals()
    last = ag_employment().iloc[-1]
    jobs = "Goal 3, Impact of agricultural trade on U.S. employment and economy"
    gate = "North America in data, numbers and facts: trade is a gateway to the future"
    return [
        Claim(CHAPTER, "Food trade within North America was about 143 billion dollars in 2023", "NAP2025",
              gate, 143, hs.loc[FOOD_TRADE_REPORT_YEAR, "MEX+CAN"] / 1e3, "billion USD", measure="other",
              reason="The data hold only one side: US imports of HS chapters 01-24 from Mexico and Canada. US "
                     "farm exports to them and Mexico-Canada trade, which the report's total includes, are not "
                     "in the mirror.",
              basis=f"US general imports, HS 01-24, from Mexico + Canada, {FOOD_TRADE_REPORT_YEAR}, Census trade API "
                    "(HS2 file)"),
        Claim(CHAPTER, "2.31 million people were employed in agriculture and related sectors (January 2025)",
              "NAP2025", jobs, 2.31, last["value"] / 1e3, "million persons", measure="other",
              reason=f"Other month: the series in the mirror ends in {last['date']:%B %Y}, so the latest month is "
                     "shown; the level is not seasonally adjusted and swings by several hundred thousand within "
                     "a year.",
              basis=f"FRED LNU02034560 (BLS CPS), {last['date']:%B %Y}, not seasonally adjusted"),
    ]


def _claims_gateway_agriculture() -> list[Claim]:
    """NAP2025 North America in data, trade is a gateway: export destinations, output, crops."""
    gate = "North America in data, numbers and facts: trade is a gateway to the future"
    gats = "US agricultural exports by destination, 2024 (USDA FAS GATS or ERS FATUS)"
    return [
        Claim(CHAPTER, "In 2024 Mexico became the first destination of US agricultural exports", "NAP2025", gate, 1,
              None, "rank", needed=gats),
        Claim(CHAPTER, "Canada is the second destination of US agricultural exports (2024)", "NAP2025", gate, 2,
              None, "rank", needed=gats),
        Claim(CHAPTER, "China fell to third place among destinations of US agricultural exports (2024)", "NAP2025",
              gate, 3, None, "rank", needed=gats),
        Claim(CHAPTER, "The United States and Canada account for 10% of global agricultural output", "NAP2025",
              gate, 10, None, "%", needed="FAOSTAT gross production value of agriculture by country (the mirror "
                                          "holds crop-group quantities only)"),
        Claim(CHAPTER, "The United States and Canada represent 12% of global agricultural trade", "NAP2025", gate,
              12, None, "%", needed="FAOSTAT or WTO agricultural trade by country"),
        Claim(CHAPTER, "Corn production in North America rose 9% from 2013 to 2023", "NAP2025", gate, 9, None,
              "percent", kind="growth",
              needed="FAOSTAT QCL per-crop production (maize); the mirror holds only crop-group aggregates"),
        Claim(CHAPTER, "Wheat production in North America fell 11.2% from 2013 to 2023", "NAP2025", gate, -11.2,
              None, "percent", kind="growth", needed="FAOSTAT QCL per-crop production (wheat)"),
        Claim(CHAPTER, "Rice production in North America fell 2.4% from 2013 to 2023", "NAP2025", gate, -2.4, None,
              "percent", kind="growth", needed="FAOSTAT QCL per-crop production (rice)"),
    ]


def _claims_farm_trade_jobs() -> list[Claim]:
    """NAP2025 Goal 3, agricultural trade and US employment: jobs and multipliers."""
    jobs = "Goal 3, Impact of agricultural trade on U.S. employment and economy"
    return [
        Claim(CHAPTER, "Crop support services gained 27,500 jobs between 2012 and 2022", "NAP2025", jobs, 27500,
              None, "jobs", kind="count", needed="BLS QCEW employment in NAICS 1151 (support activities for crop "
                                                 "production), 2012 and 2022"),
        Claim(CHAPTER, "That is a 12% increase over the decade", "NAP2025", jobs, 12, None, "%", kind="growth",
              needed="BLS QCEW employment in NAICS 1151, 2012 and 2022"),
        Claim(CHAPTER, "US agricultural exports supported more than 1 million full-time jobs in 2022", "NAP2025",
              jobs, 1, None, "million jobs", comparison="more than",
              needed="ERS Agricultural Trade Multipliers (employment effects of exports)"),
        Claim(CHAPTER, "Each dollar of US farm exports generated 2.09 dollars of economic activity", "NAP2025",
              jobs, 2.09, None, "USD per USD", kind="ratio",
              needed="ERS agricultural trade multipliers (input-output model)"),
    ]


def _claims_trade_wars() -> list[Claim]:
    """NAP2025 Goal 3, tariffs and trade wars: compensation paid to US farmers."""
    wars = "Goal 3, Tariffs and trade wars, a losing game for U.S. farmers"
    return [
        Claim(CHAPTER, "Subsidies equal to 92% of the tariffs collected compensated farmers' losses", "NAP2025",
              wars, 92, None, "%", needed="USDA Market Facilitation Program payments and US Customs duties on "
                                          "Chinese goods, 2018-2019"),
        Claim(CHAPTER, "Only 8% of tariff revenue represented actual net income", "NAP2025", wars, 8, None, "%",
              report_inputs={"all revenue": (100, 1e-9), "paid back as subsidies": 92}, arithmetic="difference",
              needed="USDA Market Facilitation Program payments and US Customs duties on Chinese goods"),
        Claim(CHAPTER, "28 billion dollars of compensation payments to farmers in 2018-2019", "NAP2025", wars, 28,
              None, "billion USD", needed="USDA Market Facilitation Program payments, 2018-2019"),
    ]

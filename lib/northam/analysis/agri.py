"""Chapter "Agribusiness": food and farm trade inside North America.

Questions and their sources (all import values are **nominal** US dollars: the data mirror holds no
US price index or deflator, and the ERS file's "imported food prices" are world unit values in
dollars per tonne, whose changes mix price and product-mix effects, so they are not used to deflate):

- :func:`fresh_produce_shares` - Mexico's and Canada's shares of US fresh fruit and fresh vegetable
  import value, 1999-2023 (USDA ERS, U.S. Food Imports).
- :func:`food_groups` - US food imports from Mexico and from Canada by food group, 1999-2023
  (USDA ERS; million current USD).
- :func:`beer_imports` - US malt beer imports by origin, 1999-2023 (USDA ERS; million current USD).
- :func:`hs_top_chapters`, :func:`hs_seasonal` - US imports by HS chapter 01-24 and partner, monthly
  2023-2024 (Census trade API; million current USD).
- :func:`enduse_food_imports` - US imports of foods, feeds and beverages (End-Use codes 0xxxx) from
  Mexico, Canada and the world, 2016-2025 (Census End-Use; million current USD).
- :func:`crop_index` - FAO crop-group production (cereals, fruit, vegetables) in the three
  countries, 1961-2024, indexed to 2013 = 100 (FAOSTAT QCL via agData).
- :func:`ag_employment` - US employment in agriculture and related industries, monthly since 1948,
  with its 12-month average (BLS CPS via FRED; thousands of persons, not seasonally adjusted).
- :func:`winter_share_estimate`, :func:`share_trend` - statsmodels estimates: how concentrated in the
  US winter the vegetable imports from Mexico are (2023-2024 monthly), and the trend of Mexico's share
  of US fresh vegetable imports (1999-2023 annual).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import numerics
from ..claims import Claim
from ..sources import census, census_hs, fao, usda_ers
from ..sources.fred import fred_series

CHAPTER = "agri"
FRED_EMP = "fred_LNU02034560_employment_agriculture_related_industries.csv"
FRUIT, VEG, BEER = "Fresh or chilled fruit", "Fresh vegetables", "Malt beer"
#: ERS food-group lines: label -> commodity line ("Other" = the four lines of category "Other").
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
PARTNERS = {"MEX": "MEXICO", "CAN": "CANADA"}
CROPS = {"Cereals": "Cereals, primary", "Fruit": "Fruit Primary", "Vegetables": "Vegetables Primary"}
FAO_AREAS = {"USA": "USA", "MEX": "Mexico", "CAN": "Canada"}
BASE_YEAR = 2013
#: US (meteorological) winter months.
WINTER = (12, 1, 2)
ERS_SOURCE = "USDA ERS, U.S. Food Imports (food.csv, 1999-2023)"
#: One colour per food group, the same in both partners' panels.
GROUP_COLORS = {
    "Fruit": "#E69F00", "Vegetables": "#009E73", "Beverages": "#56B4E9", "Grains": "#F0E442",
    "Vegetable oils": "#0072B2", "Meats": "#D55E00", "Sweeteners and candy": "#CC79A7",
    "Fish and shellfish": "#4E79A7", "Live animals": "#8C564B", "Other": "#B07AA1", "Cocoa": "#7F3C00",
    "Dairy": "#FFF2AE", "Nuts": "#A6761D", "Coffee, tea, spices": "#666666", "All other groups": "#CCCCCC",
}


def registry_keys() -> list[str]:
    return [usda_ers.KEY, census_hs.KEY, fao.KEY, FRED_EMP, census.ENDUSE_IMPORTS]


# --------------------------------------------------------------------------------------------------
# USDA ERS: fresh produce, food groups, beer


def fresh_produce_shares() -> pd.DataFrame:
    """Shares of US fresh fruit and fresh vegetable import value by origin, 1999-2023.

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


def food_groups() -> pd.DataFrame:
    """US food imports from Mexico and from Canada by food group, 1999-2023 (million current USD).

    Tidy: year, iso3, group, value. Groups are ERS's 13 "Total ..." lines plus "Other" (sauces and
    prepared foods, essential oils, animal fats, other edible products). Nominal dollars: no deflator
    is available in the data mirror (see module docstring).
    """
    df = usda_ers.food_imports()
    df = df[(df["unit"] == "million USD") & df["partner"].isin(PARTNERS.values())]
    label = {v: k for k, v in GROUPS.items()}
    df = df.assign(group=df["commodity"].map(label))
    df.loc[df["category"] == "Other", "group"] = "Other"
    df = df[df["group"].notna()]
    out = df.groupby(["year", "iso3", "group"], as_index=False)["value"].sum()
    return out.sort_values(["iso3", "group", "year"], ignore_index=True)


def food_groups_wide(iso3: str, top: int = 6) -> pd.DataFrame:
    """Year x group table for one partner: the ``top`` largest groups of the last year, the rest summed
    as "All other groups" (million current USD)."""
    df = food_groups()
    w = df[df["iso3"] == iso3].pivot(index="year", columns="group", values="value").fillna(0.0)
    order = w.iloc[-1].sort_values(ascending=False).index
    keep = list(order[:top])
    out = w[keep].copy()
    out["All other groups"] = w[list(order[top:])].sum(axis=1)
    return out.rename_axis(None, axis=1)


def food_totals() -> pd.DataFrame:
    """Year x partner total of the ERS food groups (million current USD), MEX and CAN."""
    return food_groups().pivot_table(index="year", columns="iso3", values="value", aggfunc="sum")


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
    "13": "Gums and resins", "14": "Plaiting materials", "15": "Fats and oils", "16": "Meat and fish preparations",
    "17": "Sugar and confectionery", "18": "Cocoa", "19": "Bakery and cereal preparations",
    "20": "Fruit and vegetable preparations", "21": "Misc. food preparations", "22": "Beverages and spirits",
    "23": "Animal feed, residues", "24": "Tobacco",
}


def _short(hs2: str, desc: str) -> str:
    return HS_NAMES.get(hs2) or str(desc).split(";")[0].strip().capitalize()


def hs_top_chapters(year: int = 2024, n: int = 6) -> pd.DataFrame:
    """The ``n`` largest HS chapters (01-24) of US imports from Mexico and from Canada in ``year``.

    Tidy: iso3, rank, hs2, label, value (million USD), share (percent of that partner's HS 01-24).
    """
    a = hs_annual(year)
    rows = []
    for iso in ("MEX", "CAN"):
        top = a.sort_values(iso, ascending=False).head(n)
        total = a[iso].sum()
        for rank, (_, r) in enumerate(top.iterrows(), start=1):
            rows.append({"iso3": iso, "rank": rank, "hs2": r["hs2"],
                         "label": f"{r['hs2']} {_short(r['hs2'], r['description'])}", "value": r[iso],
                         "share": 100 * r[iso] / total})
    return pd.DataFrame(rows)


def hs_seasonal(chapters=("07", "08")) -> pd.DataFrame:
    """Monthly US imports from Mexico of HS chapters (default 07 vegetables, 08 fruit), 2023-2024.

    Index: date (month start); columns: the chapters (million USD; months without a row are 0).
    """
    return census_hs.chapter_matrix(census_hs.CODE["MEX"], chapters=list(chapters))


def hs_ag_totals() -> pd.DataFrame:
    """US imports of HS 01-24 by year from Mexico, Canada, both, and the world (million USD)."""
    out = pd.concat({y: hs_annual(y)[["MEX", "CAN", "WORLD"]].sum() for y in (2023, 2024)}, axis=1).T
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


def winter_share_estimate(chapter: str = "07", months=WINTER) -> dict:
    """How concentrated in the US winter are imports of an HS chapter from Mexico (2023-2024 monthly)?

    OLS of log monthly imports on a winter-month dummy and a year dummy. ``ratio`` = exp(coef): imports
    in a winter month relative to another month of the same year, with its 95% confidence interval.
    ``share`` = 3*ratio / (3*ratio + 9): the implied share of the year's imports arriving in the three
    winter months (25% if imports were flat), with the interval transformed the same way (monotone).
    ``observed`` = the share actually observed, per year (percent). n = 24 months: a rough estimate.
    """
    import statsmodels.api as sm

    s = hs_seasonal((chapter,))[chapter]
    x = pd.get_dummies(s.index.year.astype(str), prefix="year", drop_first=True, dtype=float)
    x.insert(0, "winter", s.index.month.isin(months).astype(float))
    x.index = s.index
    fit = sm.OLS(np.log(s.to_numpy()), sm.add_constant(x)).fit()
    lo, hi = fit.conf_int().loc["winter"]
    k = len(months)

    def share(r):
        return 100 * k * r / (k * r + (12 - k))

    ratio = float(np.exp(fit.params["winter"]))
    observed = s.groupby(s.index.year).apply(lambda x: 100 * x[x.index.month.isin(months)].sum() / x.sum())
    return numerics.require_finite({
        "ratio": ratio, "ratio_lo": float(np.exp(lo)), "ratio_hi": float(np.exp(hi)),
        "share": share(ratio), "share_lo": share(np.exp(lo)), "share_hi": share(np.exp(hi)),
        "flat_share": 100 * k / 12, "observed": {int(y): float(v) for y, v in observed.items()},
        "n": int(fit.nobs),
    }, what=f"{CHAPTER}: winter share of HS {chapter} imports from Mexico")


def share_trend(product: str = "Fresh vegetables", iso3: str = "MEX") -> dict:
    """Linear trend of a partner's share of US fresh fruit or vegetable imports, 1999-2023.

    OLS of the annual share (percent) on the year, with Newey-West (HAC, 2 lags) standard errors
    because annual shares are autocorrelated. Returns slope (percentage points per year), its 95%
    interval, the fitted change over the period, and the first/last observed shares.
    """
    import statsmodels.api as sm

    s = fresh_produce_shares()
    s = s[s["product"] == product]
    x = sm.add_constant(s["year"].astype(float).to_numpy())
    fit = sm.OLS(s[iso3].to_numpy(), x).fit(cov_type="HAC", cov_kwds={"maxlags": 2})
    lo, hi = fit.conf_int()[1]
    span = int(s["year"].max() - s["year"].min())
    out = {"slope": float(fit.params[1]), "slope_lo": float(lo), "slope_hi": float(hi),
           "change": float(fit.params[1]) * span, "change_lo": float(lo) * span, "change_hi": float(hi) * span,
           "first": float(s[iso3].iloc[0]), "last": float(s[iso3].iloc[-1]),
           "first_year": int(s["year"].min()), "last_year": int(s["year"].max())}
    return numerics.require_finite(out, what=f"{CHAPTER}: share trend, {product}, {iso3}")


# --------------------------------------------------------------------------------------------------
# Numbers for the prose, and the reports' claims


def key_numbers() -> dict:
    """Numbers quoted in the chapter's prose (glued), all prefixed ``agri_``."""
    sh = fresh_produce_shares().set_index(["product", "year"])
    beer = beer_imports()
    totals = food_totals()
    hs = hs_ag_totals()
    eu = enduse_food_imports()
    emp = ag_employment()
    crops = crop_index().set_index(["crop", "iso3", "year"])
    last_crop_year = int(crop_production()["year"].max())
    wv, wf = winter_share_estimate("07"), winter_share_estimate("08")
    tr = share_trend("Fresh vegetables", "MEX")
    trf = share_trend("Fresh fruit", "MEX")
    top = hs_top_chapters(2024).set_index(["iso3", "rank"])
    last = emp.iloc[-1]
    y24 = emp[emp["date"].dt.year == 2024]
    n = {
        "fruit_mex_2023": sh.loc[("Fresh fruit", 2023), "MEX"],
        "fruit_can_2023": sh.loc[("Fresh fruit", 2023), "CAN"],
        "veg_mex_2023": sh.loc[("Fresh vegetables", 2023), "MEX"],
        "veg_can_2023": sh.loc[("Fresh vegetables", 2023), "CAN"],
        "fruit_mex_1999": sh.loc[("Fresh fruit", 1999), "MEX"],
        "veg_mex_1999": sh.loc[("Fresh vegetables", 1999), "MEX"],
        "fruit_world_2023_bn": sh.loc[("Fresh fruit", 2023), "world"] / 1e3,
        "veg_world_2023_bn": sh.loc[("Fresh vegetables", 2023), "world"] / 1e3,
        "food_mex_1999_bn": totals.loc[1999, "MEX"] / 1e3,
        "food_mex_2023_bn": totals.loc[2023, "MEX"] / 1e3,
        "food_can_1999_bn": totals.loc[1999, "CAN"] / 1e3,
        "food_can_2023_bn": totals.loc[2023, "CAN"] / 1e3,
        "beer_world_2022_bn": beer.loc[2022, "World"] / 1e3,
        "beer_mex_2022_bn": beer.loc[2022, "Mexico"] / 1e3,
        "beer_world_2023_bn": beer.loc[2023, "World"] / 1e3,
        "beer_mex_2023_bn": beer.loc[2023, "Mexico"] / 1e3,
        "beer_mex_share_1999": beer.loc[1999, "mex_share"],
        "beer_mex_share_2023": beer.loc[2023, "mex_share"],
        "hs_mexcan_2023_bn": hs.loc[2023, "MEX+CAN"] / 1e3,
        "hs_mex_2024_bn": hs.loc[2024, "MEX"] / 1e3,
        "hs_can_2024_bn": hs.loc[2024, "CAN"] / 1e3,
        "hs_world_2024_bn": hs.loc[2024, "WORLD"] / 1e3,
        "hs_mexcan_share_2024": 100 * hs.loc[2024, "MEX+CAN"] / hs.loc[2024, "WORLD"],
        "hs_top_mex_label": top.loc[("MEX", 1), "label"],
        "hs_top_can_label": top.loc[("CAN", 1), "label"],
        "hs_top_mex_share": top.loc[("MEX", 1), "share"],
        "hs_top_can_share": top.loc[("CAN", 1), "share"],
        "enduse_mexcan_2023_bn": eu.loc[2023, "MEX+CAN"] / 1e3,
        "enduse_share_na_last": eu["share_na"].iloc[-1],
        "enduse_last_year": int(eu.index.max()),
        "winter_veg_ratio": wv["ratio"], "winter_veg_ratio_lo": wv["ratio_lo"], "winter_veg_ratio_hi": wv["ratio_hi"],
        "winter_veg_share": wv["share"], "winter_veg_share_lo": wv["share_lo"], "winter_veg_share_hi": wv["share_hi"],
        "winter_veg_obs_2023": wv["observed"][2023], "winter_veg_obs_2024": wv["observed"][2024],
        "winter_fruit_share": wf["share"], "winter_fruit_share_lo": wf["share_lo"],
        "winter_fruit_share_hi": wf["share_hi"],
        "winter_flat_share": wv["flat_share"],
        "veg_trend_slope": tr["slope"], "veg_trend_lo": tr["slope_lo"], "veg_trend_hi": tr["slope_hi"],
        "veg_trend_change": tr["change"], "veg_trend_change_lo": tr["change_lo"],
        "veg_trend_change_hi": tr["change_hi"],
        "fruit_trend_slope": trf["slope"], "fruit_trend_lo": trf["slope_lo"], "fruit_trend_hi": trf["slope_hi"],
        "crop_last_year": last_crop_year,
        "emp_last_month": last["date"].strftime("%B %Y"),
        "emp_last_m": last["value"] / 1e3,
        "emp_last_avg12_m": last["avg12"] / 1e3,
        "emp_2024_min_m": y24["value"].min() / 1e3,
        "emp_2024_max_m": y24["value"].max() / 1e3,
        "emp_1948_avg_m": emp[emp["date"].dt.year == 1948]["value"].mean() / 1e3,
    }
    for crop in CROPS:
        for iso in FAO_AREAS:
            n[f"crop_{crop.lower()}_{iso.lower()}_2023"] = crops.loc[(crop, iso, 2023), "index"]
    out = {f"agri_{k}": v for k, v in n.items()}
    return {k: (float(v) if isinstance(v, (np.floating, float)) else v) for k, v in out.items()}


def claims() -> list[Claim]:
    """The reports' figures on agribusiness next to the open data."""
    sh = fresh_produce_shares().set_index(["product", "year"])
    beer = beer_imports()
    hs = hs_ag_totals()
    last = ag_employment().iloc[-1]
    ers = "USDA ERS U.S. Food Imports"
    sec = "Goal 3, The interdependence of the agribusiness markets in North America"
    jobs = "Goal 3, Impact of agricultural trade on U.S. employment and economy"
    gate = "North America in data, numbers and facts: trade is a gateway to the future"
    wars = "Goal 3, Tariffs and trade wars, a losing game for U.S. farmers"
    gats = "US agricultural exports by destination, 2024 (USDA FAS GATS or ERS FATUS)"
    return [
        Claim(CHAPTER, "Mexico supplied 51% of US fresh fruit imports (2023, value)", "NAP2025", sec, 51,
              sh.loc[("Fresh fruit", 2023), "MEX"], "percent",
              basis=f"Mexico / world, line 'Fresh or chilled fruit', 2023, {ers}"),
        Claim(CHAPTER, "Canada supplied 2% of US fresh fruit imports (2023, value)", "NAP2025", sec, 2,
              sh.loc[("Fresh fruit", 2023), "CAN"], "percent",
              basis=f"Canada / world, line 'Fresh or chilled fruit', 2023, {ers}: "
                    f"{sh.loc[('Fresh fruit', 2023), 'CAN']:.2f}%, which the report's whole percent rounds up"),
        Claim(CHAPTER, "Mexico supplied 69% of US fresh vegetable imports (2023, value)", "NAP2025", sec, 69,
              sh.loc[("Fresh vegetables", 2023), "MEX"], "percent",
              basis=f"Mexico / world, line 'Fresh vegetables', 2023, {ers}"),
        Claim(CHAPTER, "Canada supplied 20% of US fresh vegetable imports (2023, value)", "NAP2025", sec, 20,
              sh.loc[("Fresh vegetables", 2023), "CAN"], "percent",
              basis=f"Canada / world, line 'Fresh vegetables', 2023, {ers}"),
        Claim(CHAPTER, "The US imported 6.88 billion dollars of beer in 2022", "NAP2025",
              "Goal 3, Success story: regional integration of the beer industry", 6.88,
              beer.loc[2022, "World"] / 1e3, "billion USD",
              reason="Product scope: ERS's 'Malt beer' line (HS 2203) is slightly narrower than the total the "
                     "report quotes, probably a Census or Comtrade HS 2203 figure.",
              basis=f"World, line 'Malt beer', 2022, {ers}"),
        Claim(CHAPTER, "US beer imports from Mexico were 5.41 billion dollars in 2022", "NAP2025",
              "Goal 3, Success story: regional integration of the beer industry", 5.41,
              beer.loc[2022, "Mexico"] / 1e3, "billion USD", basis=f"Mexico, line 'Malt beer', 2022, {ers}"),
        Claim(CHAPTER, "Food trade within North America was about 143 billion dollars in 2023", "NAP2025",
              gate, 143, hs.loc[2023, "MEX+CAN"] / 1e3, "billion USD", measure="other",
              reason="The data hold only one side: US imports of HS chapters 01-24 from Mexico and Canada. US "
                     "farm exports to them and Mexico-Canada trade, which the report's total includes, are not "
                     "in the mirror.",
              basis="US general imports, HS 01-24, from Mexico + Canada, 2023, Census trade API (HS2 file)"),
        Claim(CHAPTER, "2.31 million people were employed in agriculture and related sectors (January 2025)",
              "NAP2025", jobs, 2.31, last["value"] / 1e3, "million persons", measure="other",
              reason=f"Other month: the series in the mirror ends in {last['date']:%B %Y}, so the latest month is "
                     "shown; the level is not seasonally adjusted and swings by several hundred thousand within "
                     "a year.",
              basis=f"FRED LNU02034560 (BLS CPS), {last['date']:%B %Y}, not seasonally adjusted"),
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
        Claim(CHAPTER, "Subsidies equal to 92% of the tariffs collected compensated farmers' losses", "NAP2025",
              wars, 92, None, "%", needed="USDA Market Facilitation Program payments and US Customs duties on "
                                          "Chinese goods, 2018-2019"),
        Claim(CHAPTER, "Only 8% of tariff revenue represented actual net income", "NAP2025", wars, 8, None, "%",
              report_inputs={"all revenue": (100, 1e-9), "paid back as subsidies": 92}, arithmetic="difference",
              needed="USDA Market Facilitation Program payments and US Customs duties on Chinese goods"),
        Claim(CHAPTER, "28 billion dollars of compensation payments to farmers in 2018-2019", "NAP2025", wars, 28,
              None, "billion USD", needed="USDA Market Facilitation Program payments, 2018-2019"),
    ]

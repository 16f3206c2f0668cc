"""Chapter "The region in the world economy": GDP, investment, technology, logistics, development, trade.

Sources (recorded by the build when the page runs): World Bank WDI files and country metadata, World Bank
LPI 2023, UNCTAD WIR 2024 annex table 1, UNDP HDR 2023/2024, FRED daily exchange rates, IMF DOTS reporter
workbooks for Mexico, Canada and the United States.

Ranking rule (stated on the page, both shown):

- **Rule A, economies only** (the book's rule): aggregates (world, regions, income groups, the EU, the
  euro area, UNCTAD's regional rows, discontinued units) are dropped; only individual economies ranked.
- **Rule B, the EU as one more unit**: as A, plus the European Union counted as a single unit next to the
  economies (its member states stay in the list as well). This is the rule that reproduces the reports'
  FDI and high-tech ranks.

Ranks are descending (1 = largest) with ties sharing the lowest rank (``method="min"``).
"""

from __future__ import annotations

import pandas as pd

from ..cache import memo
from ..claims import Claim
from ..countries import MEMBERS
from ..prose import and_list, direction, number_word, ordinal, years_text
from ..sources import fred_fx, imf_dots, unctad, undp, worldbank

CHAPTER = "world"

GDP = "worldbank_gdp_current_usd.csv"
FDI_WDI = "wdi_fdi_net_inflows_usd.csv"
HT_USD = "wdi_hightech_exports_usd.csv"
HT_PCT = "wdi_hightech_exports_pct_manuf.csv"
LPI_WDI = "wdi_lpi_overall.csv"
TRADE_GDP = "wdi_API_NE.TRD.GNFS.ZS_trade_pct_gdp.csv"
REMIT = "wdi_remittances_received_usd.csv"
FX = "wdi_official_exchange_rate_lcu_per_usd.csv"
RENTS = "wdi_natural_resource_rents_pct_gdp.csv"
EU_CODE = "EUU"
NAFTA = 1994  # entry into force, 1 January 1994
USMCA = 2020.5  # entry into force, 1 July 2020 (mid-year on a chart's year axis)
BEFORE_NAFTA = NAFTA - 1  # the base year of "since NAFTA" comparisons: the last year before it
PESO_CRISIS = (1994, 1995)  # the December 1994 devaluation and the 1995 recession (a named historical event)
HT_YEAR = 2023  # the year of the report's high-technology export ranks
FDI_YEAR = 2023  # the year of the report's FDI figures and ranks (NAP2025 quotes UNCTAD's WIR 2024 for 2023)
INTRA_FIRST = 2012  # first year of the Wilson booklet's chart "Intraregional exports by country, 2012-2022"
LEGS_FIRST = 1990  # first year drawn for the three legs: a display window from before NAFTA (files start in 1960)
CHART_FROM = 1970  # first year drawn for openness and remittances: a display window (WDI files start in 1960)
LPI_WDI_YEAR = 2022  # the WDI file stores the LPI 2023 edition's overall score under the year 2022
REPORT_TOP_N = 15  # NAP2025: the three countries "rank among the world's 15 largest economies"

RULES = {
    "economies": "Rule A: individual economies only (all aggregates dropped, the EU included)",
    "eu_unit": "Rule B: economies plus the European Union counted as one unit (member states also kept)",
}
DOTS_NAMES = {"USA": "United States", "MEX": "Mexico", "CAN": "Canada"}
@memo(maxsize=32)
def _wdi(key: str) -> pd.DataFrame:
    """Memoised :func:`worldbank.wdi` (each caller gets its own copy)."""
    return worldbank.wdi(key)


@memo(maxsize=1)
def _fdi() -> pd.DataFrame:
    return unctad.fdi_inflows()


@memo(maxsize=1)
def _hdi() -> pd.DataFrame:
    return undp.hdi()


# --------------------------------------------------------------------------------------------------
# The ranking helper


def rank(table: pd.DataFrame, rule: str = "economies") -> pd.DataFrame:
    """Rank units of one year by ``value`` (1 = largest) under a stated rule.

    ``table`` needs columns ``id``, ``value``, ``is_economy`` (bool) and ``is_eu`` (bool). Rule
    "economies" ranks only rows with ``is_economy``; rule "eu_unit" also ranks the row(s) with ``is_eu``.
    Every other row (regions, income groups, the world, ...) is dropped and never gets a rank. Missing
    values are dropped. Returns the ranked rows sorted by rank, with an int ``rank`` column.
    """
    if rule not in RULES:
        raise ValueError(f"unknown ranking rule {rule!r}; known: {list(RULES)}")
    keep = table["is_economy"].astype(bool)
    if rule == "eu_unit":
        keep = keep | table["is_eu"].astype(bool)
    out = table[keep & table["value"].notna()].copy()
    if out["id"].duplicated().any():
        raise ValueError(f"rank(): unit(s) listed twice: {out.loc[out['id'].duplicated(), 'id'].tolist()}")
    out["rank"] = out["value"].rank(ascending=False, method="min").astype(int)
    return out.sort_values(["rank", "id"], ignore_index=True)


def member_ranks(table: pd.DataFrame, ids=MEMBERS) -> pd.DataFrame:
    """Ranks of ``ids`` under both rules: index id, columns value, rank_economies, rank_eu_unit."""
    out = table.set_index("id").loc[list(ids), ["value"]].copy()
    for rule in RULES:
        r = rank(table, rule).set_index("id")["rank"]
        out[f"rank_{rule}"] = r.reindex(out.index)
    return out


def _wdi_year(key: str, year: int) -> pd.DataFrame:
    """One year of WDI file ``key`` as a ranking table (id, name, value, is_economy, is_eu); units of the file."""
    df = _wdi(key)
    df = df[df["year"] == year]
    return pd.DataFrame({"id": df["code"], "name": df["name"], "value": df["value"],
                         "is_economy": df["is_economy"], "is_eu": df["code"] == EU_CODE})


def _unctad_year(year: int) -> pd.DataFrame:
    """One year of UNCTAD FDI inflows (million USD) as a ranking table (id, name, value, is_economy, is_eu)."""
    df = _fdi()
    df = df[df["year"] == year]
    ids = df["iso3"].astype(object).where(df["iso3"].notna(), df["economy"])
    return pd.DataFrame({"id": ids, "name": df["economy"], "value": df["value"],
                         "is_economy": df["kind"] == "economy", "is_eu": df["economy"] == "European Union"})


def _wide(df: pd.DataFrame, codes=MEMBERS, scale: float = 1.0) -> pd.DataFrame:
    """A WDI table as year x code (``codes`` in order), values divided by ``scale``."""
    w = df[df["code"].isin(codes)].pivot(index="year", columns="code", values="value") / scale
    return w.reindex(columns=list(codes)).rename_axis(None, axis=1)


# --------------------------------------------------------------------------------------------------
# 1. Share of world GDP


def gdp_share() -> pd.DataFrame:
    """GDP of the three members as a percentage of world GDP (WDI code WLD), per year.

    Columns: year, USA, MEX, CAN (percent of world GDP, current USD), north_america (sum), world_tn
    (world GDP, trillion current USD). Source: ``worldbank_gdp_current_usd.csv``.
    """
    df = _wdi(GDP)
    w = _wide(df, (*MEMBERS, "WLD"))
    out = w[list(MEMBERS)].div(w["WLD"], axis=0) * 100
    out["north_america"] = out[list(MEMBERS)].sum(axis=1, min_count=3)
    out["world_tn"] = w["WLD"] / 1e12
    return out.dropna().reset_index()


def gdp_ranks() -> pd.DataFrame:
    """Rank of each member among world economies by GDP (current USD), rule A, per year.

    Columns: year, USA, MEX, CAN (rank, 1 = largest). Source: ``worldbank_gdp_current_usd.csv``; the
    aggregates are dropped with the WDI country metadata.
    """
    df = worldbank.economies(_wdi(GDP))
    df = df.assign(rank=df.groupby("year")["value"].rank(ascending=False, method="min"))
    w = df[df["code"].isin(MEMBERS)].pivot(index="year", columns="code", values="rank")
    return w.reindex(columns=list(MEMBERS)).rename_axis(None, axis=1).dropna().astype(int).reset_index()


def gdp_share_ranks() -> pd.DataFrame:
    """The GDP chart's table: :func:`gdp_share` and :func:`gdp_ranks` side by side, per year.

    Columns: year; USA_pct, MEX_pct, CAN_pct (percent of world GDP, current USD), north_america (sum,
    percent), world_tn (trillion current USD); USA_rank, MEX_rank, CAN_rank (rule A, 1 = largest).
    Source: ``worldbank_gdp_current_usd.csv``.
    """
    return gdp_share().merge(gdp_ranks(), on="year", suffixes=("_pct", "_rank"), validate="1:1")


def gdp_rank_table(year: int) -> pd.DataFrame:
    """Members' GDP (billion USD) and ranks under both rules in ``year``."""
    return member_ranks(_wdi_year(GDP, year)).assign(value=lambda d: d["value"] / 1e9)


# --------------------------------------------------------------------------------------------------
# 2. FDI inflows


def fdi_unctad() -> pd.DataFrame:
    """FDI inflows to the three members, every year of the file, billion current USD (UNCTAD WIR 2024 annex
    table 1).

    Columns: year, USA, MEX, CAN.
    """
    df = _fdi()
    df = df[df["iso3"].isin(MEMBERS)]
    w = df.pivot(index="year", columns="iso3", values="value") / 1e3
    return w.reindex(columns=list(MEMBERS)).rename_axis(None, axis=1).reset_index()


def fdi_rank_table(year: int = FDI_YEAR) -> pd.DataFrame:
    """Members' FDI inflows and ranks under both rules, UNCTAD and World Bank (BoP) side by side.

    Columns: source, iso3, value (billion USD), rank_economies, rank_eu_unit.
    """
    frames = []
    for label, table, scale in [("UNCTAD WIR 2024", _unctad_year(year), 1e3),
                                ("World Bank WDI (BoP)", _wdi_year(FDI_WDI, year), 1e9)]:
        r = member_ranks(table).assign(value=lambda d, s=scale: d["value"] / s)
        frames.append(r.rename_axis("iso3").reset_index().assign(source=label))
    out = pd.concat(frames, ignore_index=True)
    return out[["source", "iso3", "value", "rank_economies", "rank_eu_unit"]]


def fdi_eu_value(year: int = FDI_YEAR) -> float:
    """The European Union's FDI inflows in ``year`` (UNCTAD row), billion USD."""
    t = _unctad_year(year)
    return float(t.loc[t["is_eu"], "value"].iloc[0] / 1e3)


# --------------------------------------------------------------------------------------------------
# 3. High-technology exports


def hightech() -> pd.DataFrame:
    """High-technology exports of the members: value (billion current USD) and share of manufactured
    exports (percent), 2007 to the latest year. Long table: year, iso3, value_bn, share_pct.
    Sources: ``wdi_hightech_exports_usd.csv``, ``wdi_hightech_exports_pct_manuf.csv``.
    """
    v = _wide(_wdi(HT_USD), scale=1e9).stack().rename("value_bn")
    s = _wide(_wdi(HT_PCT)).stack().rename("share_pct")
    out = pd.concat([v, s], axis=1).rename_axis(["year", "iso3"]).reset_index()
    return out.sort_values(["iso3", "year"], ignore_index=True)


def hightech_rank_table(year: int = HT_YEAR) -> pd.DataFrame:
    """Members' high-tech exports (billion USD) and ranks under both rules in ``year``."""
    return member_ranks(_wdi_year(HT_USD, year)).assign(value=lambda d: d["value"] / 1e9)


# --------------------------------------------------------------------------------------------------
# 4. Logistics Performance Index 2023


def lpi_components() -> pd.DataFrame:
    """LPI 2023 scores of the members and the best performer, per component.

    Columns: component, USA, MEX, CAN (score 1-5), best (top score), best_economy (economies with the
    top score, joined), USA_rank, MEX_rank, CAN_rank (published grouped ranks).
    Source: ``worldbank_lpi_2023_scores_ranks.csv``.
    """
    df = worldbank.lpi_2023()
    comps = list(worldbank.LPI_COMPONENTS.values())
    score = df.pivot(index="component", columns="iso3", values="value").reindex(comps)
    ranks = df.pivot(index="component", columns="iso3", values="rank").reindex(comps)
    best = df.loc[df.groupby("component")["value"].transform("max") == df["value"]]
    best = best.groupby("component")["economy"].agg(", ".join)
    out = score[list(MEMBERS)].copy()
    out["best"] = score.max(axis=1)
    out["best_economy"] = best.reindex(comps)
    for m in MEMBERS:
        out[f"{m}_rank"] = ranks[m].astype(int)
    return out.rename_axis(None, axis=1).reset_index()


def lpi_wdi_ranks() -> pd.Series:
    """Ranks of the members by the WDI LPI overall score (edition 2023, stored as :data:`LPI_WDI_YEAR`), rule A,
    ties min."""
    t = _wdi_year(LPI_WDI, LPI_WDI_YEAR)
    return rank(t).set_index("id")["rank"].reindex(list(MEMBERS))


# --------------------------------------------------------------------------------------------------
# 5. Human Development Index


def hdi() -> pd.DataFrame:
    """HDI of the members, every year of the file (index 0-1). Columns: year, USA, MEX, CAN. Source: UNDP HDR
    2023/24."""
    df = _hdi()
    w = df[df["iso3"].isin(MEMBERS)].pivot(index="year", columns="iso3", values="value")
    return w.reindex(columns=list(MEMBERS)).rename_axis(None, axis=1).reset_index()


def hdi_rank_table(year: int | None = None) -> pd.DataFrame:
    """Members' HDI in ``year`` (default: the file's last year), the official rank of that year and the rank
    recomputed over non-aggregate rows. The loader reads the official ranks of one year (column
    ``hdi_rank_<year>``); another year raises a KeyError."""
    df = _hdi()
    year = int(df["year"].max()) if year is None else year
    df = df[df["year"] == year]
    table = pd.DataFrame({"id": df["code"], "value": df["value"], "is_economy": df["is_economy"],
                          "is_eu": False})
    out = member_ranks(table)[["value", "rank_economies"]].rename(columns={"rank_economies": "rank_recomputed"})
    official = df.set_index("code")[f"hdi_rank_{year}"]
    out["rank_official"] = official.reindex(out.index).astype(int)
    out["countries_ranked"] = int(rank(table).shape[0])
    out["year"] = year
    return out.rename_axis("iso3").reset_index()


def below_earlier_high(series: pd.Series) -> list[int]:
    """Index values (years) at which ``series`` is below its highest earlier value (a setback not yet made up)."""
    s = series.dropna()
    return [int(y) for y in s.index[s < s.cummax().shift(1)]]


def hdi_dip_years(iso3: str = "MEX") -> list[int]:
    """Years in which a member's HDI was below its highest earlier value (:func:`below_earlier_high`)."""
    return below_earlier_high(hdi().set_index("year")[iso3])


# --------------------------------------------------------------------------------------------------
# 6. Trade openness, remittances and FDI


def openness() -> pd.DataFrame:
    """Trade (exports + imports of goods and services) as a percent of GDP, members and world, 1970 on.

    Columns: year, USA, MEX, CAN, WLD. Source: ``wdi_API_NE.TRD.GNFS.ZS_trade_pct_gdp.csv``.
    """
    w = _wide(_wdi(TRADE_GDP), (*MEMBERS, "WLD"))
    return w[w.index >= CHART_FROM].reset_index()


def mexico_remittances_fdi() -> pd.DataFrame:
    """Mexico's personal remittances received and FDI net inflows (BoP), billion current USD, 1970 on.

    Columns: year, remittances, fdi. Sources: ``wdi_remittances_received_usd.csv``,
    ``wdi_fdi_net_inflows_usd.csv`` (World Bank WDI, IMF balance of payments basis).
    """
    r = _wide(_wdi(REMIT), ("MEX",), 1e9)["MEX"].rename("remittances")
    f = _wide(_wdi(FDI_WDI), ("MEX",), 1e9)["MEX"].rename("fdi")
    out = pd.concat([r, f], axis=1).sort_index()
    return out[out.index >= CHART_FROM].rename_axis("year").reset_index()


def openness_remittances() -> pd.DataFrame:
    """The openness chart's table: :func:`openness` and :func:`mexico_remittances_fdi` by year (outer join).

    Columns: year; USA, MEX, CAN, WLD (trade, percent of GDP); remittances, fdi (Mexico, billion current
    USD). Sources: WDI NE.TRD.GNFS.ZS, BX.TRF.PWKR.CD.DT and BX.KLT.DINV.CD.WD.
    """
    return openness().merge(mexico_remittances_fdi(), on="year", how="outer", validate="1:1")


# --------------------------------------------------------------------------------------------------
# 7. Exchange rates


def fx_annual() -> pd.DataFrame:
    """Official exchange rate, local currency per US dollar, annual average (World Bank PA.NUS.FCRF).

    Columns: year, MEX (pesos per USD), CAN (Canadian dollars per USD). Mexico's values before the 1993
    redenomination are in new pesos as published by the World Bank.
    """
    return _wide(_wdi(FX), ("MEX", "CAN")).reset_index()


def fx_daily() -> pd.DataFrame:
    """Daily noon buying rates in New York (FRED DEXMXUS, DEXCAUS). Columns: date, MEX, CAN."""
    d = pd.concat([fred_fx.daily("MEX"), fred_fx.daily("CAN")])
    return d.pivot(index="date", columns="iso3", values="value")[["MEX", "CAN"]].rename_axis(None, axis=1).reset_index()


def fx_chart_data() -> pd.DataFrame:
    """Daily (FRED) and annual (World Bank) rates in one long table for the chart.

    Columns: iso3, series ("FRED daily" / "World Bank annual average"), date (daily date, or 1 July for
    annual values), rate (local currency per USD).
    """
    daily = fx_daily().melt(id_vars="date", var_name="iso3", value_name="rate").dropna()
    daily["series"] = "FRED daily"
    annual = fx_annual().melt(id_vars="year", var_name="iso3", value_name="rate").dropna()
    annual["date"] = pd.to_datetime(annual["year"].astype(str) + "-07-01")
    annual["series"] = "World Bank annual average"
    out = pd.concat([daily, annual.drop(columns="year")], ignore_index=True)
    return out[["iso3", "series", "date", "rate"]]


def peso_depreciations(n: int = 3, start: int = NAFTA) -> pd.DataFrame:
    """The ``n`` years from ``start`` in which the peso lost most of its dollar value (World Bank annual
    averages), with Mexico's share of world GDP in current dollars that year and its change.

    Columns: year, fx (pesos per USD), fx_prev (the year before), value_lost_pct (100 * (1 - fx_prev / fx):
    the share of its dollar value the peso lost), mex_share (% of world GDP), share_change (percentage
    points against the year before). Only years with a GDP share. Sources: WDI PA.NUS.FCRF and
    :func:`gdp_share`.
    """
    fx = fx_annual().set_index("year")["MEX"]
    share = gdp_share().set_index("year")["MEX"]
    t = pd.DataFrame({"fx": fx, "fx_prev": fx.shift(1), "mex_share": share, "share_change": share.diff()})
    t["value_lost_pct"] = 100 * (1 - t["fx_prev"] / t["fx"])
    t = t[(t.index >= start)].dropna()
    t = t.sort_values("value_lost_pct", ascending=False).head(n).sort_index()
    return t.rename_axis("year").reset_index()[["year", "fx", "fx_prev", "value_lost_pct", "mex_share",
                                                "share_change"]]


def fx_check_year() -> int:
    """The last calendar year FRED's daily rates cover in full (the series ends on a weekday, so a year counts
    as full if its last rate is from 28 December on) and the World Bank's annual averages cover too."""
    last = fx_daily()["date"].max()
    year = last.year if (last.month, last.day) >= (12, 28) else last.year - 1
    return int(min(year, fx_annual().dropna()["year"].max()))


def fx_check(year: int) -> pd.DataFrame:
    """Mean of the daily FRED rates in ``year`` next to the World Bank annual average."""
    d = fx_daily()
    daily = d[d["date"].dt.year == year][["MEX", "CAN"]].mean()
    annual = fx_annual().set_index("year").loc[year]
    return pd.DataFrame({"fred_daily_mean": daily, "worldbank_annual": annual})


# --------------------------------------------------------------------------------------------------
# 8. The region from each member's side (IMF DOTS reporter workbooks)


@memo(maxsize=3)
def _dots(reporter: str) -> pd.DataFrame:
    return imf_dots.trade(reporter)


def _dots_pair(reporter: str, partner: str, flow: str) -> pd.Series:
    """One reporter's ``flow`` with one partner (IMF name) by year, million USD (IMF DOTS)."""
    df = _dots(reporter)
    s = df[(df["partner"] == partner) & (df["flow"] == flow)].set_index("year")["value"]
    return s.sort_index()


def intraregional_exports(first: int = INTRA_FIRST) -> pd.DataFrame:
    """Each member's goods exports to the other two, as the member records them (IMF DOTS).

    Long table: reporter, year, to_partners (billion USD, exports to the other two members),
    total (billion USD, exports to the world), share_pct (to_partners / total * 100). Years ``first`` to the
    workbooks' last.
    """
    rows = []
    for rep in MEMBERS:
        others = [DOTS_NAMES[m] for m in MEMBERS if m != rep]
        to = sum(_dots_pair(rep, p, "exports") for p in others)
        world = _dots_pair(rep, imf_dots.WORLD, "exports")
        part = pd.DataFrame({"reporter": rep, "to_partners": to / 1e3, "total": world / 1e3})
        rows.append(part.rename_axis("year").reset_index())
    out = pd.concat(rows, ignore_index=True)
    out["share_pct"] = out["to_partners"] / out["total"] * 100
    return out[out["year"] >= first].reset_index(drop=True)


LEGS = [("USA", "MEX"), ("USA", "CAN"), ("MEX", "CAN")]


def legs_by_reporter(first: int = LEGS_FIRST) -> pd.DataFrame:
    """The three legs of intra-North American goods trade, each as recorded by each side (IMF DOTS).

    Long table: leg ("USA-MEX", ...), reporter, year, exports, imports, total (billion current USD;
    exports FOB, imports CIF, as the reporter records them). Years ``first`` to the workbooks' last.
    """
    rows = []
    for a, b in LEGS:
        for rep, partner in [(a, b), (b, a)]:
            ex = _dots_pair(rep, DOTS_NAMES[partner], "exports") / 1e3
            im = _dots_pair(rep, DOTS_NAMES[partner], "imports") / 1e3
            part = pd.DataFrame({"leg": f"{a}-{b}", "reporter": rep, "exports": ex, "imports": im})
            rows.append(part.rename_axis("year").reset_index())
    out = pd.concat(rows, ignore_index=True)
    out["total"] = out["exports"] + out["imports"]
    return out[out["year"] >= first].reset_index(drop=True)


def dots_chart_data(first_share: int = INTRA_FIRST, first_leg: int = LEGS_FIRST) -> pd.DataFrame:
    """The IMF DOTS chart's data in one long table: panel "share" (:func:`intraregional_exports`) and
    panel "leg" (:func:`legs_by_reporter`)."""
    return pd.concat([intraregional_exports(first_share).assign(panel="share"),
                      legs_by_reporter(first_leg).assign(panel="leg")], ignore_index=True)


def mirror_gap(year: int | None = None) -> dict:
    """Mexico-Canada mirror flows in ``year`` (billion USD; default: the last year all three workbooks cover):
    what each side records for the same goods."""
    year = dots_common_last_year() if year is None else year
    legs = legs_by_reporter().set_index(["leg", "reporter", "year"])
    mx = legs.loc[("MEX-CAN", "MEX", year)]
    ca = legs.loc[("MEX-CAN", "CAN", year)]
    return {
        "mex_exports_to_can": float(mx["exports"]), "can_imports_from_mex": float(ca["imports"]),
        "can_exports_to_mex": float(ca["exports"]), "mex_imports_from_can": float(mx["imports"]),
        "total_mex_side": float(mx["total"]), "total_can_side": float(ca["total"]),
    }


def dots_last_year() -> dict:
    """Last year with data per reporter workbook."""
    return {r: int(_dots(r).dropna(subset=["value"])["year"].max()) for r in imf_dots.FILES}


def dots_common_last_year() -> int:
    """The last year all three reporter workbooks cover."""
    return min(dots_last_year().values())


def dots_first_year() -> int:
    """The first year all three reporter workbooks cover."""
    return max(int(_dots(r).dropna(subset=["value"])["year"].min()) for r in imf_dots.FILES)


# --------------------------------------------------------------------------------------------------
# Natural-resource rents (a different measure from the report's mining share of GDP)


def resource_rents() -> pd.DataFrame:
    """Total natural-resource rents, percent of GDP, members, latest year of the file (WDI NY.GDP.TOTL.RT.ZS).

    Columns: iso3, year, value. This is NOT mining's share of GDP (value added): rents are estimated
    resource revenue minus extraction cost, for oil, gas, coal, minerals and forests.
    """
    df = _wdi(RENTS)
    df = df[df["code"].isin(MEMBERS)]
    last = int(df["year"].max())
    out = df[df["year"] == last].set_index("code").reindex(list(MEMBERS))
    return pd.DataFrame({"iso3": list(MEMBERS), "year": last, "value": out["value"].to_numpy()})


# --------------------------------------------------------------------------------------------------
# Numbers for the prose and claims


def key_numbers() -> dict:
    """Numbers the chapter's prose quotes (glued, all prefixed ``world_``), computed from the data."""
    return dict(_key_numbers())


@memo(maxsize=1)
def _key_numbers() -> dict:
    """All key numbers, one section of the page after another (memoised: figures read them too)."""
    n: dict = {}
    for part in (_gdp_numbers, _fdi_numbers, _hightech_numbers, _lpi_numbers, _hdi_numbers, _openness_numbers,
                 _fx_numbers, _dots_numbers, _rents_numbers):
        n.update(part())
    # every rank also as it reads in a sentence ("sixth", "11th")
    n.update({f"{k}_ord": ordinal(v) for k, v in list(n.items())
              if "_rank_" in k and isinstance(v, int) and not k.endswith("_ord")})
    return n


def _gdp_numbers() -> dict:
    """Share of world GDP (percent, current USD), world GDP (trillion USD) and rule-A ranks; WDI GDP file."""
    share = gdp_share().set_index("year")
    ranks = gdp_ranks().set_index("year")
    first, last = int(share.index.min()), int(share.index.max())
    peak_year = int(share["north_america"].idxmax())
    lowest = int(ranks.loc[last].max())
    top_n = number_word(REPORT_TOP_N)
    n = {
        "world_gdp_first_year": first,
        "world_gdp_last_year": last,
        "world_gdp_share_last": share.loc[last, "north_america"],
        "world_gdp_share_first": share.loc[first, "north_america"],
        "world_gdp_share_peak": share.loc[peak_year, "north_america"],
        "world_gdp_share_peak_year": peak_year,
        "world_gdp_world_tn_last": share.loc[last, "world_tn"],
    }
    for m in ("USA", "CAN", "MEX"):
        n[f"world_gdp_{m.lower()}_share_last"] = share.loc[last, m]
    for m in ("USA", "CAN", "MEX"):
        n[f"world_gdp_rank_{m.lower()}"] = int(ranks.loc[last, m])
    n["world_gdp_top_n_text"] = (f"all three are among the {top_n} largest, as the report says" if lowest <= REPORT_TOP_N
                                 else f"so not all three are among the {top_n} largest, as the report has them")
    return n


def _fdi_numbers() -> dict:
    """FDI inflows in the report's year :data:`FDI_YEAR` (keys ``_2023``; billion current USD): UNCTAD values
    and ranks under rules A and B, the EU's inflows, the US peak, the World Bank (BoP) values and rule-A
    ranks, and the smallest and largest gap between the two sources for the members; the UNCTAD file's years."""
    fdi = fdi_unctad().set_index("year")
    ranks = fdi_rank_table(FDI_YEAR).set_index(["source", "iso3"])
    un, wb = ranks.loc["UNCTAD WIR 2024"], ranks.loc["World Bank WDI (BoP)"]
    gap = (un["value"] - wb["value"]).abs()
    n = {f"world_fdi_{m.lower()}_2023": fdi.loc[FDI_YEAR, m] for m in ("USA", "CAN", "MEX")}
    n.update({"world_fdi_year": FDI_YEAR, "world_fdi_usa_peak_year": int(fdi["USA"].idxmax()),
              "world_fdi_usa_peak": fdi["USA"].max(),
              "world_fdi_first_year": int(fdi.index.min()), "world_fdi_last_year": int(fdi.index.max()),
              "world_fdi_source_gap_min": float(gap.min()), "world_fdi_source_gap_max": float(gap.max()),
              "world_fdi_eu_2023": fdi_eu_value(FDI_YEAR)})
    for m in MEMBERS:
        low = m.lower()
        n[f"world_fdi_rank_a_{low}"] = int(un.loc[m, "rank_economies"])
        n[f"world_fdi_rank_b_{low}"] = int(un.loc[m, "rank_eu_unit"])
        n[f"world_fdi_wdi_{low}_2023"] = float(wb.loc[m, "value"])
        n[f"world_fdi_wdi_rank_a_{low}"] = int(wb.loc[m, "rank_economies"])
    return n


def _hightech_numbers() -> dict:
    """High-tech exports in the report's year (:data:`HT_YEAR`, billion current USD) with ranks under rules
    A and B, and the values and the share of manufactured exports (percent) in the latest year all three
    members report both; WDI TX.VAL.TECH.CD and TX.VAL.TECH.MF.ZS."""
    ht = hightech()
    both = ht.dropna(subset=["value_bn", "share_pct"]).groupby("year")["iso3"].nunique()
    last = int(both.index[both == len(MEMBERS)].max())
    by = ht.set_index(["iso3", "year"])
    ranks = hightech_rank_table(HT_YEAR)
    n = {"world_ht_year": HT_YEAR, "world_ht_last_year": last}
    for m in MEMBERS:
        low, r = m.lower(), ranks.loc[m]
        n[f"world_ht_rank_a_{low}"] = int(r["rank_economies"])
        n[f"world_ht_rank_b_{low}"] = int(r["rank_eu_unit"])
        n[f"world_ht_{low}_report_year_bn"] = float(r["value"])
        n[f"world_ht_{low}_last_bn"] = float(by.loc[(m, last), "value_bn"])
        n[f"world_ht_{low}_share_last"] = float(by.loc[(m, last), "share_pct"])
    return n


def _lpi_numbers() -> dict:
    """LPI 2023 scores (1-5) and published grouped ranks, the best economy, infrastructure scores, and
    the ranks of the rounded WDI overall scores (World Bank LPI 2023 and WDI LP.LPI.OVRL.XQ)."""
    lpi = lpi_components().set_index("component")
    overall, infra = lpi.loc["Overall LPI"], lpi.loc["Infrastructure"]
    wdi_ranks = lpi_wdi_ranks()
    n = {}
    for m in MEMBERS:
        low = m.lower()
        n[f"world_lpi_{low}_score"] = float(overall[m])
        n[f"world_lpi_{low}_rank"] = int(overall[f"{m}_rank"])
        n[f"world_lpi_{low}_rank_wdi"] = int(wdi_ranks[m])
    n.update({
        "world_lpi_best": float(overall["best"]),
        "world_lpi_best_economy": str(overall["best_economy"]),
        "world_lpi_infra_can": float(infra["CAN"]),
        "world_lpi_infra_usa": float(infra["USA"]),
        "world_lpi_infra_mex": float(infra["MEX"]),
        "world_lpi_infra_rank_mex": int(infra["MEX_rank"]),
        "world_lpi_mex_gap_best": float(overall["best"] - overall["MEX"]),
        "world_lpi_economies": int(worldbank.lpi_2023()["iso3"].nunique()),
        "world_lpi_components_words": number_word(len(lpi) - 1),  # the rows besides the overall score
    })
    n.update(lpi_mexico_weakest(lpi.reset_index()))
    return n


def lpi_mexico_weakest(lpi: pd.DataFrame) -> dict:
    """Where Mexico's LPI 2023 is weakest, from :func:`lpi_components`, by two measures: the component with
    the largest gap between its score and the best score (``world_lpi_mex_gap_component``, ``..._gap``,
    score points on the published one-decimal scores), and the component with its lowest published rank
    (``world_lpi_mex_worst_rank_component``, ``..._worst_rank``); component names in lower case, tied ones joined. Also the largest gap of Canada and of the
    US to the best score over all components (``world_lpi_{can,usa}_max_gap``). Components only: the
    overall score is left out."""
    comp = lpi[lpi["component"] != "Overall LPI"].set_index("component")
    gap = (comp["best"] - comp["MEX"]).round(6)  # one-decimal scores: round away float noise before the max

    def names(at_max: pd.Series) -> str:  # every component at the maximum (ties), in lower case
        return and_list(c.lower() for c in at_max.index[at_max == at_max.max()])

    return {"world_lpi_mex_gap_component": names(gap), "world_lpi_mex_gap": float(gap.max()),
            "world_lpi_mex_worst_rank_component": names(comp["MEX_rank"]),
            "world_lpi_mex_worst_rank": int(comp["MEX_rank"].max()),
            **{f"world_lpi_{m.lower()}_max_gap": float((comp["best"] - comp[m]).round(6).max()) for m in ("CAN", "USA")}}


def _hdi_numbers() -> dict:
    """HDI in the file's first and last years (index 0-1), official and recomputed ranks, countries ranked,
    Mexico's gap to the United States (index points) at both ends and its direction, and the years of Mexico's
    setback (:func:`hdi_dip_years`); UNDP HDR 2023/24."""
    h = hdi().set_index("year").dropna()
    first, last = int(h.index.min()), int(h.index.max())
    ranks = hdi_rank_table(last).set_index("iso3")
    gap = h["USA"] - h["MEX"]
    n = {"world_hdi_first_year": first, "world_hdi_last_year": last}
    for m in MEMBERS:
        low = m.lower()
        n[f"world_hdi_{low}_last"] = float(h.loc[last, m])
        n[f"world_hdi_{low}_first"] = float(h.loc[first, m])
        n[f"world_hdi_{low}_rank"] = int(ranks.loc[m, "rank_official"])
        n[f"world_hdi_{low}_rank_recomputed"] = int(ranks.loc[m, "rank_recomputed"])
    n["world_hdi_countries_ranked"] = int(ranks["countries_ranked"].iloc[0])
    n.update({"world_hdi_mex_gap_first": float(gap.loc[first]), "world_hdi_mex_gap_last": float(gap.loc[last]),
              "world_hdi_mex_gap_change": direction(round(gap.loc[last], 6), round(gap.loc[first], 6), "widened",
                                                    "narrowed", "stayed the same"),
              "world_hdi_mex_dip_years": years_text(hdi_dip_years("MEX"))})
    return n


def _openness_numbers() -> dict:
    """Trade openness (percent of GDP) and Mexico's remittances against FDI (billion current USD; WDI)."""
    op = openness().set_index("year")
    last = int(op.dropna(subset=["MEX"]).index.max())
    rf = mexico_remittances_fdi().set_index("year")
    rf_last = int(rf.dropna().index.max())
    over = rf[(rf["remittances"] > rf["fdi"]) & (rf.index >= NAFTA)]
    mex, base = float(op.loc[last, "MEX"]), float(op.loc[BEFORE_NAFTA, "MEX"])
    remit, fdi = float(rf.loc[rf_last, "remittances"]), float(rf.loc[rf_last, "fdi"])
    n = {f"world_open_{m.lower()}_last": float(op.loc[last, m]) for m in MEMBERS}
    n.update({
        "world_open_last_year": last,
        "world_open_base_year": BEFORE_NAFTA,
        "world_open_mex_base": base,
        "world_open_mex_change": direction(mex, base),
        "world_open_mex_vs_can": direction(mex, n["world_open_can_last"], "above", "below", "level with"),
        "world_open_mex_vs_wld": direction(mex, float(op.loc[last, "WLD"]), "above", "below", "level with"),
        "world_open_wld_last": float(op.loc[last, "WLD"]),
        "world_remit_last_year": rf_last,
        "world_remit_mex_last": remit,
        "world_fdi_wdi_mex_last": fdi,
        "world_remit_vs_fdi_last": direction(remit, fdi, "more than", "less than", "as much as"),
        "world_remit_fdi_ratio_last": remit / fdi,
        "world_remit_base_year": NAFTA,
        "world_remit_mex_base": float(rf.loc[NAFTA, "remittances"]),
        "world_remit_over_fdi_years": int(len(over)),
        "world_remit_over_fdi_since": int(over.index.min()) if len(over) else 0,
    })
    return n


def _fx_numbers() -> dict:
    """Exchange rates, local currency per USD: World Bank annual averages (the last year, and the years before
    and after the peso crisis :data:`PESO_CRISIS`), FRED daily extremes, and the check of the two sources
    against each other in the last year both cover in full (:func:`fx_check_year`)."""
    fx = fx_annual().set_index("year")
    last = int(fx.dropna().index.max())
    daily = fx_daily().set_index("date")
    check_year = fx_check_year()
    check = fx_check(check_year)
    before, after = PESO_CRISIS[0] - 1, PESO_CRISIS[1] + 1
    return {
        "world_fx_last_year": last,
        "world_fx_mxn_last": float(fx.loc[last, "MEX"]),
        "world_fx_cad_last": float(fx.loc[last, "CAN"]),
        "world_fx_crisis": f"{PESO_CRISIS[0]}–{str(PESO_CRISIS[1])[-2:]}",
        "world_fx_before_crisis_year": before,
        "world_fx_after_crisis_year": after,
        "world_fx_mxn_before_crisis": float(fx.loc[before, "MEX"]),
        "world_fx_mxn_after_crisis": float(fx.loc[after, "MEX"]),
        "world_fx_check_year": check_year,
        "world_fx_daily_last": str(daily.index.max().date()),
        "world_fx_mxn_daily_max": float(daily["MEX"].max()),
        "world_fx_mxn_daily_max_date": str(daily["MEX"].idxmax().date()),
        "world_fx_check_mxn_fred": float(check.loc["MEX", "fred_daily_mean"]),
        "world_fx_check_mxn_wb": float(check.loc["MEX", "worldbank_annual"]),
        **_depreciation_numbers(),
    }


def _depreciation_numbers() -> dict:
    """The three years since NAFTA in which the peso lost most of its dollar value (:func:`peso_depreciations`),
    numbered 1-3 in calendar order: the year, the value lost (%) and the change in Mexico's share of world GDP
    (percentage points; ``_fall`` = minus the change)."""
    dep = peso_depreciations(3)
    n = {"world_fx_dep_since": NAFTA}
    for i, r in enumerate(dep.itertuples(), start=1):
        n.update({f"world_fx_dep_year_{i}": int(r.year), f"world_fx_dep_lost_pct_{i}": float(r.value_lost_pct),
                  f"world_fx_dep_share_fall_{i}": float(-r.share_change)})
    return n


def _dots_numbers() -> dict:
    """IMF DOTS: shares of exports going to the other two members (percent) in :data:`INTRA_FIRST` (the first
    year of the Wilson booklet's chart, ``_first``) and the last year all three workbooks cover (``_last``), and
    the Mexico-Canada mirror flows of that last year as each side records them (billion current USD); the
    workbooks' first year and the first year of the legs chart."""
    intra = intraregional_exports().set_index(["reporter", "year"])
    last = dots_common_last_year()
    gap = mirror_gap(last)
    n = {}
    for m in MEMBERS:
        for year, name in ((INTRA_FIRST, "first"), (last, "last")):
            n[f"world_intra_{m.lower()}_share_{name}"] = float(intra.loc[(m, year), "share_pct"])
    n.update({"world_dots_first_year": dots_first_year(), "world_dots_last_year": last,
              "world_intra_first_year": INTRA_FIRST, "world_legs_first_year": LEGS_FIRST})
    n["world_intra_mex_to_partners_last"] = float(intra.loc[("MEX", last), "to_partners"])
    for k in ("mex_exports_to_can", "can_imports_from_mex", "can_exports_to_mex", "mex_imports_from_can",
              "total_mex_side", "total_can_side"):
        n[f"world_mirror_{k}"] = gap[k]
    n["world_mirror_ratio"] = gap["can_imports_from_mex"] / gap["mex_exports_to_can"]
    return n


def _rents_numbers() -> dict:
    """Total natural-resource rents, percent of GDP, latest year (WDI NY.GDP.TOTL.RT.ZS)."""
    rents = resource_rents().set_index("iso3")
    n = {f"world_rents_{m.lower()}": float(rents.loc[m, "value"]) for m in MEMBERS}
    n["world_rents_year"] = int(rents["year"].iloc[0])
    return n


_SE_NEEDED = "Secretaría de Economía FDI statistics by country of origin, sector and state (not in the mirror)"


def claims() -> list[Claim]:
    """Report figures on the region's place in the world, next to the open data."""
    k = key_numbers()
    return [*_claims_gdp_share(k), *_claims_fdi_inflows(k), *_claims_innovation_infrastructure(k),
            *hdi_claims(CHAPTER), *_claims_global_stage(k), *_claims_supply_chain_investment(),
            *_claims_nearshoring_fdi(), *_claims_critical_materials(k)]


def _claims_gdp_share(k: dict) -> list[Claim]:
    """NAP2025 and WILSON2023: the three economies' share of world GDP and their GDP ranks."""
    nap = "NAP2025"
    sec = "North America in data, numbers and facts"
    return [
        Claim(CHAPTER, "The three economies make up about 29% of world GDP (2024, IMF)", nap, sec, 29,
              k["world_gdp_share_last"], "percent of world GDP", measure="other",
              id="nap2025-share-of-world-gdp",
              quote="In 2024, the share of the three North American economies accounts for 29% of the global GDP "
                    "(IMF); repeated in the World Cup essay",
              reason=f"Other year and source: the World Bank file ends in {k['world_gdp_last_year']} (current USD, "
                     f"{k['world_gdp_share_last']:.1f}%); the report cites the IMF for 2024.",
              basis=f"USA+MEX+CAN GDP / world GDP (WLD), {k['world_gdp_last_year']}, worldbank_gdp_current_usd.csv"),
        Claim(CHAPTER, "The three countries rank among the world's 15 largest economies", nap, sec, 15,
              float(max(k[f"world_gdp_rank_{m}"] for m in ("usa", "can", "mex"))), "rank", comparison="at most",
              basis=f"Largest of the three GDP ranks (current USD, economies only), {k['world_gdp_last_year']}: "
                    f"US {k['world_gdp_rank_usa']}, Canada {k['world_gdp_rank_can']}, Mexico "
                    f"{k['world_gdp_rank_mex']}"),
        Claim(CHAPTER, "Combined, the three countries account for almost a third of global GDP", "WILSON2023",
              "USMCA and North America", 100 / 3, k["world_gdp_share_last"], "percent of world GDP",
              comparison="nearly", rounding=1, quote="almost a third of global GDP",
              reason=f"{k['world_gdp_share_last']:.1f}% in {k['world_gdp_last_year']} (World Bank, current USD); "
                     "'almost a third' would need about 31.7% or more (within 5% of a third).",
              basis=f"USA+MEX+CAN GDP / world GDP, {k['world_gdp_last_year']}, worldbank_gdp_current_usd.csv"),
    ]


def _claims_fdi_inflows(k: dict) -> list[Claim]:
    """NAP2025 North America in data, investment: FDI inflows and ranks, 2023 (UNCTAD)."""
    nap = "NAP2025"
    sec = "North America in data, numbers and facts"
    out = []
    for iso, name, value, rank_ in [("usa", "United States", 311, 1), ("can", "Canada", 50, 7),
                                    ("mex", "Mexico", 36, 11)]:
        out.append(Claim(CHAPTER, f"FDI inflows to {name} in 2023: about {value} billion dollars (UNCTAD)", nap,
                         f"{sec}: investment", value, k[f"world_fdi_{iso}_2023"], "billion USD",
                         basis=f"UNCTAD WIR 2024 annex table 1, {FDI_YEAR}"))
        out.append(Claim(CHAPTER, f"{name} ranks {rank_} among recipients of FDI in 2023", nap,
                         f"{sec}: investment", rank_, k[f"world_fdi_rank_b_{iso}"], "rank",
                         reason="Ranked under the report's rule (the EU as one unit); another rank would come "
                                "from revisions of other economies' FDI.",
                         basis=f"UNCTAD WIR 2024, {FDI_YEAR}, rule B (the EU counted as one unit, as the report does); "
                               f"among economies only (rule A) the rank is {k[f'world_fdi_rank_a_{iso}']}"))
    return out


def _claims_innovation_infrastructure(k: dict) -> list[Claim]:
    """NAP2025 North America in data, innovation and infrastructure: high-tech export and LPI ranks."""
    nap = "NAP2025"
    sec = "North America in data, numbers and facts"
    out = []
    for iso, name, rank_ in [("usa", "United States", 5), ("mex", "Mexico", 15), ("can", "Canada", 22)]:
        out.append(Claim(CHAPTER, f"{name} ranks {rank_} among high-technology exporters in 2023", nap,
                         f"{sec}: innovation", rank_, k[f"world_ht_rank_b_{iso}"], "rank",
                         reason=f"Same rule as the report (the EU as one unit): the current WDI vintage gives "
                                f"{k[f'world_ht_rank_b_{iso}']}; the report's vintage was earlier, and revisions "
                                "of other countries' exports move ranks.",
                         basis=f"WDI TX.VAL.TECH.CD, {HT_YEAR}, rule B (the EU as one unit); economies only (rule A): "
                               f"{k[f'world_ht_rank_a_{iso}']}"))
    for iso, name, rank_ in [("can", "Canada", 7), ("usa", "United States", 17), ("mex", "Mexico", 66)]:
        out.append(Claim(CHAPTER, f"{name} ranks {rank_} in the Logistics Performance Index (2023)", nap,
                         f"{sec}: infrastructure", rank_, k[f"world_lpi_{iso}_rank"], "rank",
                         reason="The LPI publishes grouped ranks.",
                         basis="LPI 2023 grouped rank as published (worldbank_lpi_2023_scores_ranks.csv)"))
    out.append(Claim(CHAPTER, "In LPI infrastructure quality, North America shifted from 10th to 52nd place "
                     "(2018-2023)", nap, f"{sec}: infrastructure", 52, None, "rank",
                     needed="LPI 2018 infrastructure scores, and the report's rule for ranking 'North America' "
                            f"as one (the LPI ranks countries: in 2023 Mexico's infrastructure rank is "
                            f"{k['world_lpi_infra_rank_mex']})"))
    return out


def _claims_global_stage(k: dict) -> list[Claim]:
    """NAP2025 North America in data, the USMCA region on the global stage: Mexico and Canada as partners."""
    nap = "NAP2025"
    sec = "North America in data, numbers and facts"
    can = _canada_partners(k["world_dots_last_year"])
    lat = canada_latin_america_exports(k["world_dots_last_year"])
    dots_year = k["world_dots_last_year"]
    dots_reason = (f"Other period: the mirror's IMF DOTS extracts end in {dots_year}; the value is for {dots_year} "
                   "as Canada records it, the report's is recent (2024).")
    return [
        Claim(CHAPTER, "The US and Canada take 86% of Mexico's exports", nap,
              f"{sec}: the USMCA region on the global stage", 86, k["world_intra_mex_share_last"],
              "percent of exports", measure="other",
              reason=f"Other period: the mirror's Mexican-side data end in {dots_year}; the report's figure is "
                     "recent (2024).",
              basis=f"Mexico's exports to US + Canada / to the world, {dots_year}, IMF DOTS (Mexican records)"),
        mexico_canada_claim(CHAPTER),
        Claim(CHAPTER, "Mexico is Canada's third-largest trading partner, after the United States and China", nap,
              f"{sec}: the USMCA region on the global stage", 3, can["rank_mex"], "rank", measure="other",
              reason=dots_reason, basis=f"Rank of Mexico among Canada's partner countries (those the loader gives "
                                        f"an ISO code) by exports + imports, {dots_year}, IMF DOTS (Canadian "
                                        "records)"),
        *[Claim(CHAPTER, f"Canada exported nearly {times} times more to the US than to {name}", nap,
                f"{sec}: the USMCA region on the global stage", times, can[f"ratio_{key}"], "times", kind="ratio",
                comparison="nearly", measure="other", reason=dots_reason,
                basis=f"Canada's exports to the US / to {name}, {dots_year}, IMF DOTS (Canadian records)")
          for key, name, times in [("chn", "China", 19), ("deu", "Germany", 95), ("jpn", "Japan", 37)]],
        Claim(CHAPTER, "Mexico is Canada's most significant export market in Latin America", nap,
              f"{sec}: the USMCA region on the global stage", 1, lat["rank_mex"], "rank", measure="other",
              reason=dots_reason + (f" Mexico ranked first in every year from {lat['first_since']} to {dots_year}."
                                    if lat["first_since"] else ""),
              basis=f"Rank of Mexico among Canada's export markets in Latin America and the Caribbean (World Bank "
                    f"region of the WDI country metadata), {dots_year}, IMF DOTS (Canadian records): Mexico "
                    f"{lat['mex_bn']:.2f} bn USD, then {lat['second']} {lat['second_bn']:.2f} bn; Mexico took "
                    f"{lat['mex_share_wh']:.0f}% of Canada's exports to the IMF's Western Hemisphere group"),
    ]


def _claims_supply_chain_investment() -> list[Claim]:
    """NAP2025 North America in data, supply chain resilience and investment: incentives, Mexico's FDI mix."""
    nap = "NAP2025"
    sec = "North America in data, numbers and facts"
    return [
        Claim(CHAPTER, "US incentives of about 126 billion dollars (CHIPS Act and IRA)", nap,
              f"{sec}: supply chain resilience", 126, None, "billion USD",
              needed="Federal budget and tax-expenditure records of the CHIPS Act and IRA incentives"),
        Claim(CHAPTER, "Canada's Critical Minerals Strategy (2022): initial budget of 4 billion dollars", nap,
              f"{sec}: supply chain resilience", 4, None, "billion USD",
              needed="Government of Canada budget 2022 allocations"),
        Claim(CHAPTER, "Almost half of Mexico's 2024 FDI came from its North American partners", nap,
              f"{sec}: investment", 50, None, "%", comparison="nearly", needed=_SE_NEEDED),
        *[Claim(CHAPTER, f"{name}: {share}% of Mexico's FDI", nap, f"{sec}: investment", share, None, "%",
                needed=_SE_NEEDED)
          for name, share in [("Manufacturing", 54), ("Financial services", 16), ("Temporary accommodation", 7),
                              ("Transportation", 7)]],
    ]


def _claims_nearshoring_fdi() -> list[Claim]:
    """WILSON2023 Nearshoring: Mexico's FDI in 2022-2023 and its destination by sector and state."""
    return [
        Claim(CHAPTER, "Mexico received 35.3 billion dollars of FDI in 2022", "WILSON2023", "Nearshoring", 35.3,
              float(fdi_unctad().set_index("year").loc[2022, "MEX"]), "billion USD",
              reason="Different compilation: the report cites Mexico's Secretaría de Economía (preliminary); "
                     "UNCTAD's figure is revised.",
              basis="UNCTAD WIR 2024 annex table 1, Mexico, 2022"),
        Claim(CHAPTER, "More than 36% of it went to advanced manufacturing (autos, electronics, aerospace)",
              "WILSON2023", "Nearshoring", 36, None, "%", comparison="more than", needed=_SE_NEEDED),
        Claim(CHAPTER, "Mexico attracted an additional 29 billion dollars of FDI in the first half of 2023",
              "WILSON2023", "Nearshoring", 29, None, "billion USD",
              needed="Quarterly FDI (Secretaría de Economía or Banxico balance of payments); UNCTAD is annual"),
        Claim(CHAPTER, "Roughly 90% of it was reinvested profits", "WILSON2023", "Nearshoring", 90, None, "%",
              needed=_SE_NEEDED),
        Claim(CHAPTER, "Industrial parks in the north and Bajío have occupancy rates nearing 100%", "WILSON2023",
              "Nearshoring", 100, None, "%", comparison="nearly",
              needed="AMPIP industrial park occupancy statistics; not open data"),
        Claim(CHAPTER, "The top five states receive more than half of Mexico's FDI", "WILSON2023", "Nearshoring",
              50, None, "%", comparison="more than", needed=_SE_NEEDED),
        Claim(CHAPTER, "15 states claim 83.5% of Mexico's FDI", "WILSON2023", "Nearshoring", 83.5, None, "%",
              needed=_SE_NEEDED),
    ]


def _claims_critical_materials(k: dict) -> list[Claim]:
    """NAP2025 North America in data, critical materials: mining as a share of GDP (no data)."""
    nap = "NAP2025"
    sec = "North America in data, numbers and facts"
    year = k["world_rents_year"]
    out = []
    for iso, name, value, agency in [("can", "Canada", 5, "Statistics Canada"),
                                     ("usa", "the United States", 1.3, "BEA"), ("mex", "Mexico", 3.4, "INEGI")]:
        out.append(Claim(CHAPTER, f"Mining was {value}% of GDP in {name} in 2024", nap, f"{sec}: critical "
                         "materials", value, k[f"world_rents_{iso}"], "percent of GDP", measure="other",
                         reason=f"Other measure and year: total natural-resource rents ({year}; oil, gas, coal, "
                                "minerals and forests, revenue minus extraction cost), not mining's value added "
                                f"in the national accounts ({agency}), which no file in the mirror holds.",
                         basis=f"Total natural-resource rents, percent of GDP, {year}, WDI NY.GDP.TOTL.RT.ZS"))
    return out


def hdi_claims(chapter: str) -> list[Claim]:
    """The report's HDI ranks, stated once for every chapter that quotes them (this one and the maps
    chapter)."""
    t = hdi_rank_table().set_index("iso3")
    n, year = int(t["countries_ranked"].iloc[0]), int(t["year"].iloc[0])
    return [Claim(chapter, f"{name} ranks {rank_} in the Human Development Index", "NAP2025",
                  "North America in data, numbers and facts: trade openness leads to prosperity", rank_,
                  float(t.loc[iso, "rank_official"]), f"rank of {n}", id=f"nap2025-hdi-rank-{iso.lower()}",
                  quote="Canada ranks eighteenth, the United States is twentieth, while Mexico is seventy-seventh "
                        "out of 193 countries (2023-2024)",
                  basis=f"hdi_rank_{year}, UNDP HDR 2023/24 composite file (HDI {year})")
            for iso, name, rank_ in [("CAN", "Canada", 18), ("USA", "United States", 20), ("MEX", "Mexico", 77)]]


def mexico_canada_claim(chapter: str) -> Claim:
    """The report's Mexico-Canada trade for 2024, stated once for every chapter that quotes it (this one and the
    trade chapter): the mirror's IMF DOTS data end years earlier (:func:`dots_common_last_year`), so it is another
    period."""
    year = dots_common_last_year()
    gap = mirror_gap(year)
    return Claim(chapter, "Mexico-Canada trade totaled 29 billion dollars in 2024", "NAP2025",
                 "North America in data, numbers and facts: the USMCA region on the global stage", 29,
                 gap["total_can_side"], "billion USD", measure="other", id="nap2025-mexico-canada-trade-2024",
                 quote="Trade between Mexico and Canada totaled USD 29 billion in 2024.",
                 reason=f"Other period: no Mexican- or Canadian-side data after {year} in the mirror (IMF DOTS). The "
                        f"value is {year} as Canada records it; Mexico's records give {gap['total_mex_side']:.1f} "
                        "billion for the same year. 2024 needs INEGI or Statistics Canada customs data.",
                 basis=f"Canada's exports to + imports from Mexico, {year}, IMF DOTS")


def _canada_partners(year: int) -> dict:
    """Canada's partners in ``year`` (IMF DOTS, Canadian records): Mexico's rank by exports + imports among
    countries, and Canada's exports to the US divided by its exports to China, Germany and Japan."""
    d = _dots("CAN")
    d = d[(d["year"] == year) & d["partner_iso3"].notna() & (d["partner"] != "World")]
    total = d.groupby("partner_iso3")["value"].sum().sort_values(ascending=False)
    ex = d[d["flow"] == "exports"].set_index("partner_iso3")["value"]
    return {"rank_mex": float(list(total.index).index("MEX") + 1),
            **{f"ratio_{k.lower()}": float(ex["USA"] / ex[k]) for k in ("CHN", "DEU", "JPN")}}


#: The World Bank region (WDI country metadata) taken as "Latin America" for Canada's export markets.
LATIN_AMERICA = "Latin America & Caribbean"
#: The IMF DOTS partner group of the same countries (emerging and developing Western Hemisphere).
DOTS_WESTERN_HEMISPHERE = "Western Hemisphere"


def canada_latin_america_ranks() -> pd.DataFrame:
    """Canada's exports to each Latin American and Caribbean partner by year (IMF DOTS, Canadian records,
    million USD), with each partner's rank that year (1 = largest; ties share the lowest rank).

    Latin America and the Caribbean: the World Bank region of the WDI country metadata, applied to the partners
    the DOTS loader gives an ISO code (IMF spellings it cannot map, e.g. "Dominican Rep.", are left out).
    Columns: year, partner_iso3, partner, value, rank.
    """
    meta = worldbank.metadata()
    lac = set(meta.loc[meta["region"] == LATIN_AMERICA, "code"])
    d = _dots("CAN")
    d = d[(d["flow"] == "exports") & d["partner_iso3"].isin(lac)].dropna(subset=["value"])
    d = d[["year", "partner_iso3", "partner", "value"]].copy()
    d["rank"] = d.groupby("year")["value"].rank(ascending=False, method="min").astype(int)
    return d.sort_values(["year", "rank"]).reset_index(drop=True)


def canada_latin_america_exports(year: int) -> dict:
    """Mexico among Canada's export markets in Latin America in ``year`` (IMF DOTS, Canadian records): its
    rank, the runner-up, the first year of Mexico's unbroken run at rank 1 up to ``year``, and Mexico's share
    of Canada's exports to the IMF's Western Hemisphere group (percent)."""
    r = canada_latin_america_ranks()
    now = r[r["year"] == year].set_index("partner_iso3")
    mex_rank = r[r["partner_iso3"] == "MEX"].set_index("year")["rank"]
    first = year
    while first - 1 in mex_rank.index and mex_rank.loc[first - 1] == 1:
        first -= 1
    second = now[now["rank"] == 2].iloc[0]
    wh = _dots_pair("CAN", DOTS_WESTERN_HEMISPHERE, "exports").loc[year]
    return {"rank_mex": float(now.loc["MEX", "rank"]), "mex_bn": float(now.loc["MEX", "value"]) / 1e3,
            "second": str(second["partner"]), "second_bn": float(second["value"]) / 1e3,
            "first_since": int(first) if mex_rank.loc[year] == 1 else None,
            "mex_share_wh": float(now.loc["MEX", "value"] / wh * 100)}


#: The five partners the NAP2025 report sets against the US in Mexico's imports (IMF DOTS names).
MEXICO_IMPORT_RIVALS = ("United Kingdom", "Japan", "Germany", "Korea, Rep. of", "India")


def mexico_imports_us_vs_rivals(year: int) -> dict:
    """Mexico's imports (CIF, Mexican records, IMF DOTS) from the US and from the five partners of
    :data:`MEXICO_IMPORT_RIVALS` combined in ``year``, billion USD, and their ratio."""
    us = _dots_pair("MEX", DOTS_NAMES["USA"], "imports").loc[year] / 1e3
    rivals = sum(_dots_pair("MEX", p, "imports").loc[year] for p in MEXICO_IMPORT_RIVALS) / 1e3
    return {"us_bn": float(us), "rivals_bn": float(rivals), "ratio": float(us / rivals)}

"""Chapter "The region in the world economy": GDP, investment, technology, logistics, development, trade.

Sources (registry keys in :func:`registry_keys`): World Bank WDI files and country metadata, World Bank
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


def registry_keys() -> list[str]:
    return [GDP, FDI_WDI, HT_USD, HT_PCT, LPI_WDI, TRADE_GDP, REMIT, FX, RENTS, worldbank.METADATA,
            worldbank.LPI_2023, unctad.KEY, undp.KEY, *fred_fx.registry_keys(), *imf_dots.registry_keys()]


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
    df = _wdi(key)
    df = df[df["year"] == year]
    return pd.DataFrame({"id": df["code"], "name": df["name"], "value": df["value"],
                         "is_economy": df["is_economy"], "is_eu": df["code"] == EU_CODE})


def _unctad_year(year: int) -> pd.DataFrame:
    df = _fdi()
    df = df[df["year"] == year]
    ids = df["iso3"].astype(object).where(df["iso3"].notna(), df["economy"])
    return pd.DataFrame({"id": ids, "name": df["economy"], "value": df["value"],
                         "is_economy": df["kind"] == "economy", "is_eu": df["economy"] == "European Union"})


def _wide(df: pd.DataFrame, codes=MEMBERS, scale: float = 1.0) -> pd.DataFrame:
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


def gdp_rank_table(year: int) -> pd.DataFrame:
    """Members' GDP (billion USD) and ranks under both rules in ``year``."""
    return member_ranks(_wdi_year(GDP, year)).assign(value=lambda d: d["value"] / 1e9)


# --------------------------------------------------------------------------------------------------
# 2. FDI inflows


def fdi_unctad() -> pd.DataFrame:
    """FDI inflows to the three members, 1990-2023, billion current USD (UNCTAD WIR 2024 annex table 1).

    Columns: year, USA, MEX, CAN.
    """
    df = _fdi()
    df = df[df["iso3"].isin(MEMBERS)]
    w = df.pivot(index="year", columns="iso3", values="value") / 1e3
    return w.reindex(columns=list(MEMBERS)).rename_axis(None, axis=1).reset_index()


def fdi_rank_table(year: int = 2023) -> pd.DataFrame:
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


def fdi_eu_value(year: int = 2023) -> float:
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


def hightech_rank_table(year: int = 2023) -> pd.DataFrame:
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
    """Ranks of the members by the WDI LPI overall score (edition 2023, stored as 2022), rule A, ties min."""
    t = _wdi_year(LPI_WDI, 2022)
    return rank(t).set_index("id")["rank"].reindex(list(MEMBERS))


# --------------------------------------------------------------------------------------------------
# 5. Human Development Index


def hdi() -> pd.DataFrame:
    """HDI of the members, 1990-2022 (index 0-1). Columns: year, USA, MEX, CAN. Source: UNDP HDR 2023/24."""
    df = _hdi()
    w = df[df["iso3"].isin(MEMBERS)].pivot(index="year", columns="iso3", values="value")
    return w.reindex(columns=list(MEMBERS)).rename_axis(None, axis=1).reset_index()


def hdi_rank_table(year: int = 2022) -> pd.DataFrame:
    """Members' HDI in ``year``, the official rank column and the rank recomputed over non-aggregate rows."""
    df = _hdi()
    df = df[df["year"] == year]
    table = pd.DataFrame({"id": df["code"], "value": df["value"], "is_economy": df["is_economy"],
                          "is_eu": False})
    out = member_ranks(table)[["value", "rank_economies"]].rename(columns={"rank_economies": "rank_recomputed"})
    official = df.set_index("code")["hdi_rank_2022"]
    out["rank_official"] = official.reindex(out.index).astype(int)
    out["countries_ranked"] = int(rank(table).shape[0])
    return out.rename_axis("iso3").reset_index()


# --------------------------------------------------------------------------------------------------
# 6. Trade openness, remittances and FDI


def openness() -> pd.DataFrame:
    """Trade (exports + imports of goods and services) as a percent of GDP, members and world, 1970 on.

    Columns: year, USA, MEX, CAN, WLD. Source: ``wdi_API_NE.TRD.GNFS.ZS_trade_pct_gdp.csv``.
    """
    w = _wide(_wdi(TRADE_GDP), (*MEMBERS, "WLD"))
    return w[w.index >= 1970].reset_index()


def mexico_remittances_fdi() -> pd.DataFrame:
    """Mexico's personal remittances received and FDI net inflows (BoP), billion current USD, 1970 on.

    Columns: year, remittances, fdi. Sources: ``wdi_remittances_received_usd.csv``,
    ``wdi_fdi_net_inflows_usd.csv`` (World Bank WDI, IMF balance of payments basis).
    """
    r = _wide(_wdi(REMIT), ("MEX",), 1e9)["MEX"].rename("remittances")
    f = _wide(_wdi(FDI_WDI), ("MEX",), 1e9)["MEX"].rename("fdi")
    out = pd.concat([r, f], axis=1).sort_index()
    return out[out.index >= 1970].rename_axis("year").reset_index()


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
    annual values), x (decimal year), rate (local currency per USD).
    """
    daily = fx_daily().melt(id_vars="date", var_name="iso3", value_name="rate").dropna()
    daily["series"] = "FRED daily"
    annual = fx_annual().melt(id_vars="year", var_name="iso3", value_name="rate").dropna()
    annual["date"] = pd.to_datetime(annual["year"].astype(str) + "-07-01")
    annual["series"] = "World Bank annual average"
    out = pd.concat([daily, annual.drop(columns="year")], ignore_index=True)
    out["x"] = out["date"].dt.year + (out["date"].dt.dayofyear - 1) / 365.25
    return out[["iso3", "series", "date", "x", "rate"]]


def fx_check(year: int) -> pd.DataFrame:
    """Mean of the daily FRED rates in ``year`` next to the World Bank annual average."""
    d = fx_daily()
    daily = d[d["date"].dt.year == year][["MEX", "CAN"]].mean()
    annual = fx_annual().set_index("year").loc[year]
    return pd.DataFrame({"fred_daily_mean": daily, "worldbank_annual": annual})


# --------------------------------------------------------------------------------------------------
# 8. The region from each member's side (IMF DOTS, 1960-2020)


@memo(maxsize=3)
def _dots(reporter: str) -> pd.DataFrame:
    return imf_dots.trade(reporter)


def _dots_pair(reporter: str, partner: str, flow: str) -> pd.Series:
    df = _dots(reporter)
    s = df[(df["partner"] == partner) & (df["flow"] == flow)].set_index("year")["value"]
    return s.sort_index()


def intraregional_exports(first: int = 2012) -> pd.DataFrame:
    """Each member's goods exports to the other two, as the member records them (IMF DOTS).

    Long table: reporter, year, to_partners (billion USD, exports to the other two members),
    total (billion USD, exports to the world), share_pct (to_partners / total * 100). Years ``first``-2020.
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


def legs_by_reporter(first: int = 1990) -> pd.DataFrame:
    """The three legs of intra-North American goods trade, each as recorded by each side (IMF DOTS).

    Long table: leg ("USA-MEX", ...), reporter, year, exports, imports, total (billion current USD;
    exports FOB, imports CIF, as the reporter records them). Years ``first``-2020.
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


def dots_chart_data(first_share: int = 2012, first_leg: int = 1990) -> pd.DataFrame:
    """The IMF DOTS chart's data in one long table: panel "share" (:func:`intraregional_exports`) and
    panel "leg" (:func:`legs_by_reporter`)."""
    return pd.concat([intraregional_exports(first_share).assign(panel="share"),
                      legs_by_reporter(first_leg).assign(panel="leg")], ignore_index=True)


def mirror_gap(year: int = 2020) -> dict:
    """Mexico-Canada mirror flows in ``year`` (billion USD): what each side records for the same goods."""
    legs = legs_by_reporter().set_index(["leg", "reporter", "year"])
    mx = legs.loc[("MEX-CAN", "MEX", year)]
    ca = legs.loc[("MEX-CAN", "CAN", year)]
    return {
        "mex_exports_to_can": float(mx["exports"]), "can_imports_from_mex": float(ca["imports"]),
        "can_exports_to_mex": float(ca["exports"]), "mex_imports_from_can": float(mx["imports"]),
        "total_mex_side": float(mx["total"]), "total_can_side": float(ca["total"]),
    }


def dots_last_year() -> dict:
    """Last year with data per reporter workbook (all end in 2020)."""
    return {r: int(_dots(r).dropna(subset=["value"])["year"].max()) for r in imf_dots.FILES}


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
    share = gdp_share().set_index("year")
    last = int(share.index.max())
    peak_year = int(share["north_america"].idxmax())
    gr = gdp_ranks().set_index("year")
    fdi = fdi_unctad().set_index("year")
    fr = fdi_rank_table(2023).set_index(["source", "iso3"])
    un = fr.loc["UNCTAD WIR 2024"]
    wb = fr.loc["World Bank WDI (BoP)"]
    ht = hightech().set_index(["iso3", "year"])
    ht_last = int(hightech()["year"].max())
    htr = hightech_rank_table(2023)
    lpi = lpi_components().set_index("component")
    overall = lpi.loc["Overall LPI"]
    lpi_w = lpi_wdi_ranks()
    h = hdi().set_index("year")
    hr = hdi_rank_table().set_index("iso3")
    op = openness().set_index("year")
    op_last = int(op.dropna(subset=["MEX"]).index.max())
    rf = mexico_remittances_fdi().set_index("year")
    rf_last = int(rf.dropna().index.max())
    over = rf[rf["remittances"] > rf["fdi"]]
    fx = fx_annual().set_index("year")
    fx_last = int(fx.dropna().index.max())
    fxd = fx_daily().set_index("date")
    fxc = fx_check(2022)
    intra = intraregional_exports().set_index(["reporter", "year"])
    gap = mirror_gap(2020)
    rents = resource_rents().set_index("iso3")
    n = {
        "world_gdp_last_year": last,
        "world_gdp_share_last": share.loc[last, "north_america"],
        "world_gdp_share_1960": share.loc[1960, "north_america"],
        "world_gdp_share_peak": share.loc[peak_year, "north_america"],
        "world_gdp_share_peak_year": peak_year,
        "world_gdp_usa_share_last": share.loc[last, "USA"],
        "world_gdp_can_share_last": share.loc[last, "CAN"],
        "world_gdp_mex_share_last": share.loc[last, "MEX"],
        "world_gdp_world_tn_last": share.loc[last, "world_tn"],
        "world_gdp_rank_usa": int(gr.loc[last, "USA"]),
        "world_gdp_rank_can": int(gr.loc[last, "CAN"]),
        "world_gdp_rank_mex": int(gr.loc[last, "MEX"]),
        "world_fdi_usa_2023": fdi.loc[2023, "USA"],
        "world_fdi_can_2023": fdi.loc[2023, "CAN"],
        "world_fdi_mex_2023": fdi.loc[2023, "MEX"],
        "world_fdi_usa_peak_year": int(fdi["USA"].idxmax()),
        "world_fdi_usa_peak": fdi["USA"].max(),
        "world_fdi_eu_2023": fdi_eu_value(2023),
    }
    for m in MEMBERS:
        low = m.lower()
        n[f"world_fdi_rank_a_{low}"] = int(un.loc[m, "rank_economies"])
        n[f"world_fdi_rank_b_{low}"] = int(un.loc[m, "rank_eu_unit"])
        n[f"world_fdi_wdi_{low}_2023"] = float(wb.loc[m, "value"])
        n[f"world_fdi_wdi_rank_a_{low}"] = int(wb.loc[m, "rank_economies"])
        r = htr.loc[m]
        n[f"world_ht_rank_a_{low}"] = int(r["rank_economies"])
        n[f"world_ht_rank_b_{low}"] = int(r["rank_eu_unit"])
        n[f"world_ht_{low}_2023_bn"] = float(r["value"])
        n[f"world_ht_{low}_share_last"] = float(ht.loc[(m, ht_last), "share_pct"])
        n[f"world_lpi_{low}_score"] = float(overall[m])
        n[f"world_lpi_{low}_rank"] = int(overall[f"{m}_rank"])
        n[f"world_lpi_{low}_rank_wdi"] = int(lpi_w[m])
        n[f"world_hdi_{low}_2022"] = float(h.loc[2022, m])
        n[f"world_hdi_{low}_1990"] = float(h.loc[1990, m])
        n[f"world_hdi_{low}_rank"] = int(hr.loc[m, "rank_official"])
        n[f"world_hdi_{low}_rank_recomputed"] = int(hr.loc[m, "rank_recomputed"])
        n[f"world_open_{low}_last"] = float(op.loc[op_last, m])
        n[f"world_intra_{low}_share_2012"] = float(intra.loc[(m, 2012), "share_pct"])
        n[f"world_intra_{low}_share_2020"] = float(intra.loc[(m, 2020), "share_pct"])
        n[f"world_rents_{low}"] = float(rents.loc[m, "value"])
    n.update({
        "world_ht_last_year": ht_last,
        "world_lpi_best": float(overall["best"]),
        "world_lpi_best_economy": str(overall["best_economy"]),
        "world_lpi_infra_can": float(lpi.loc["Infrastructure", "CAN"]),
        "world_lpi_infra_usa": float(lpi.loc["Infrastructure", "USA"]),
        "world_lpi_infra_mex": float(lpi.loc["Infrastructure", "MEX"]),
        "world_lpi_infra_rank_mex": int(lpi.loc["Infrastructure", "MEX_rank"]),
        "world_lpi_mex_gap_best": float(overall["best"] - overall["MEX"]),
        "world_hdi_countries_ranked": int(hr["countries_ranked"].iloc[0]),
        "world_open_last_year": op_last,
        "world_open_mex_1993": float(op.loc[1993, "MEX"]),
        "world_open_wld_last": float(op.loc[op_last, "WLD"]),
        "world_remit_last_year": rf_last,
        "world_remit_mex_last": float(rf.loc[rf_last, "remittances"]),
        "world_fdi_wdi_mex_last": float(rf.loc[rf_last, "fdi"]),
        "world_remit_mex_2000": float(rf.loc[2000, "remittances"]),
        "world_remit_over_fdi_years": int(len(over[over.index >= 2000])),
        "world_remit_over_fdi_since": int(over.index[over.index >= 2000].min()) if len(over) else 0,
        "world_fx_last_year": fx_last,
        "world_fx_mxn_last": float(fx.loc[fx_last, "MEX"]),
        "world_fx_cad_last": float(fx.loc[fx_last, "CAN"]),
        "world_fx_mxn_1993": float(fx.loc[1993, "MEX"]),
        "world_fx_mxn_1996": float(fx.loc[1996, "MEX"]),
        "world_fx_mxn_2020": float(fx.loc[2020, "MEX"]),
        "world_fx_daily_last": str(fxd.index.max().date()),
        "world_fx_mxn_daily_max": float(fxd["MEX"].max()),
        "world_fx_mxn_daily_max_date": str(fxd["MEX"].idxmax().date()),
        "world_fx_check_mxn_fred": float(fxc.loc["MEX", "fred_daily_mean"]),
        "world_fx_check_mxn_wb": float(fxc.loc["MEX", "worldbank_annual"]),
        "world_dots_last_year": max(dots_last_year().values()),
        "world_intra_mex_to_partners_2020": float(intra.loc[("MEX", 2020), "to_partners"]),
        "world_mirror_mex_exports_to_can": gap["mex_exports_to_can"],
        "world_mirror_can_imports_from_mex": gap["can_imports_from_mex"],
        "world_mirror_can_exports_to_mex": gap["can_exports_to_mex"],
        "world_mirror_mex_imports_from_can": gap["mex_imports_from_can"],
        "world_mirror_total_mex_side": gap["total_mex_side"],
        "world_mirror_total_can_side": gap["total_can_side"],
        "world_mirror_ratio": gap["can_imports_from_mex"] / gap["mex_exports_to_can"],
        "world_rents_year": int(resource_rents()["year"].iloc[0]),
    })
    return n


def claims() -> list[Claim]:
    """Report figures on the region's place in the world, next to the open data."""
    k = key_numbers()
    ruleb = "with the EU counted as one unit (rule B) the data give"
    nap = "NAP2025"
    sec = "North America in data, numbers and facts"
    out = [
        Claim(CHAPTER, "The three economies make up about 29% of world GDP (2024, IMF)", nap, sec, 29,
              k["world_gdp_share_last"], "percent of world GDP",
              reason=f"Different year and source: the data value is for {k['world_gdp_last_year']} (World Bank, "
                     "current USD); the report cites the IMF for 2024.",
              basis=f"USA+MEX+CAN GDP / world GDP (WLD), {k['world_gdp_last_year']}, worldbank_gdp_current_usd.csv"),
    ]
    for iso, name, value, rank_ in [("usa", "United States", 311, 1), ("can", "Canada", 50, 7),
                                    ("mex", "Mexico", 36, 11)]:
        out.append(Claim(CHAPTER, f"FDI inflows to {name} in 2023: about {value} billion dollars (UNCTAD)", nap,
                         f"{sec}: investment", value, k[f"world_fdi_{iso}_2023"], "billion USD",
                         reason="Rounded in the report.",
                         basis="UNCTAD WIR 2024 annex table 1, 2023"))
        out.append(Claim(CHAPTER, f"{name} ranks {rank_} among recipients of FDI in 2023", nap,
                         f"{sec}: investment", rank_, k[f"world_fdi_rank_a_{iso}"], "rank",
                         reason=f"Ranking rule: among individual economies only (rule A); {ruleb} "
                                f"{k[f'world_fdi_rank_b_{iso}']}.",
                         basis=f"UNCTAD WIR 2024, 2023, rule A (economies only); rule B gives "
                               f"{k[f'world_fdi_rank_b_{iso}']}"))
    for iso, name, rank_ in [("usa", "United States", 5), ("mex", "Mexico", 15), ("can", "Canada", 22)]:
        out.append(Claim(CHAPTER, f"{name} ranks {rank_} among high-technology exporters in 2023", nap,
                         f"{sec}: innovation", rank_, k[f"world_ht_rank_a_{iso}"], "rank",
                         reason=f"Rule A (economies only) in the current WDI vintage; {ruleb} "
                                f"{k[f'world_ht_rank_b_{iso}']}; the rest is data revision.",
                         basis="WDI TX.VAL.TECH.CD, 2023, aggregates dropped with the WDI metadata"))
    for iso, name, rank_ in [("can", "Canada", 7), ("usa", "United States", 17), ("mex", "Mexico", 66)]:
        out.append(Claim(CHAPTER, f"{name} ranks {rank_} in the Logistics Performance Index (2023)", nap,
                         f"{sec}: infrastructure", rank_, k[f"world_lpi_{iso}_rank"], "rank",
                         reason="", basis="LPI 2023 grouped rank as published (worldbank_lpi_2023_scores_ranks.csv)"))
    for iso, name, rank_ in [("can", "Canada", 18), ("usa", "United States", 20), ("mex", "Mexico", 77)]:
        out.append(Claim(CHAPTER, f"{name} ranks {rank_} in the Human Development Index", nap,
                         f"{sec}: trade openness and prosperity", rank_, k[f"world_hdi_{iso}_rank"], "rank",
                         basis="UNDP HDR 2023/24, hdi_rank_2022 (HDI 2022)"))
    out += [
        Claim(CHAPTER, "The US and Canada take 86% of Mexico's exports (2024)", nap, "The USMCA region on the "
              "global stage", 86, k["world_intra_mex_share_2020"], "percent of exports",
              reason=f"Different year: the mirror's Mexican-side data end in {k['world_dots_last_year']}; "
                     "the report's figure is for 2024.",
              basis=f"Mexico's exports to US + Canada / to the world, {k['world_dots_last_year']}, IMF DOTS "
                    "(Mexican records)"),
        Claim(CHAPTER, "Mexico-Canada trade totalled about 29 billion dollars in 2024", nap,
              "The USMCA region on the global stage", 29, k["world_mirror_total_can_side"], "billion USD",
              reason=f"Different year: no Mexican- or Canadian-side data after {k['world_dots_last_year']} in "
                     f"the mirror. The value is {k['world_dots_last_year']} as Canada records it; Mexico's "
                     f"records give {k['world_mirror_total_mex_side']:.1f} billion for the same year.",
              basis=f"Canada's exports to + imports from Mexico, {k['world_dots_last_year']}, IMF DOTS"),
        Claim(CHAPTER, "Mexico received 35.3 billion dollars of FDI in 2022", "WILSON2023", "Nearshoring", 35.3,
              float(fdi_unctad().set_index("year").loc[2022, "MEX"]), "billion USD",
              reason="Different compilation: the report cites Mexico's Secretaría de Economía (preliminary); "
                     "UNCTAD's figure is revised.",
              basis="UNCTAD WIR 2024 annex table 1, Mexico, 2022"),
    ]
    rents_note = (f"Natural-resource rents ({k['world_rents_year']}, a different measure, shown on the page): "
                  f"Canada {k['world_rents_can']:.1f}%, US {k['world_rents_usa']:.1f}%, "
                  f"Mexico {k['world_rents_mex']:.1f}% of GDP.")
    for name, value, agency in [("Canada", 5, "Statistics Canada"), ("the United States", 1.3, "BEA via FRED"),
                                ("Mexico", 3.4, "INEGI")]:
        out.append(Claim(CHAPTER, f"Mining was {value}% of GDP in {name} in 2024", nap, f"{sec}: critical "
                         "materials", value, None, "percent of GDP",
                         needed=f"Mining value added as a share of GDP from national accounts ({agency}); "
                                f"not in the mirror. {rents_note}"))
    return out

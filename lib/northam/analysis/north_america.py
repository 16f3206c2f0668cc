"""Chapter "North America in data": the US legs of intra-North American goods trade.

All values in million current US dollars (Census basis) unless a function says otherwise.
Source: Census ``country.xlsx``, latest vintage (see :mod:`northam.sources.census`).
"""

from __future__ import annotations

import pandas as pd

from ..claims import Claim
from ..sources import census

CHAPTER = "north-america"
PARTNERS = {"MEX": census.CODE["MEX"], "CAN": census.CODE["CAN"], "CHN": census.CODE["CHN"]}


def registry_keys() -> list[str]:
    return [census.COUNTRY_XLSX[census.LATEST]]


def usmca_legs() -> pd.DataFrame:
    """US goods trade (exports + imports) with Mexico and with Canada and their sum, per full year.

    Columns: year, MEX, CAN, usmca (million USD). The sum is the US legs of intra-USMCA trade; the
    Mexico-Canada leg is not in Census data.
    """
    wide = census.partner_trade({"MEX": PARTNERS["MEX"], "CAN": PARTNERS["CAN"]})
    out = pd.DataFrame({"MEX": wide[("MEX", "total")], "CAN": wide[("CAN", "total")]})
    out["usmca"] = out["MEX"] + out["CAN"]
    return out.reset_index().rename_axis(None, axis=1)


def partner_ranks(top: int = 10) -> pd.DataFrame:
    """Rank of every partner country by total goods trade with the US, per full year.

    Only countries are ranked (Census codes >= 1000; regions and groupings such as the EU are
    excluded). Columns: year, iso3, partner, total (million USD), rank (1 = largest).
    """
    df = census.full_years()
    df = df[df["cty_code"] >= 1000]
    tot = df.groupby(["year", "cty_code", "partner"], as_index=False)["value"].sum()
    tot = tot.rename(columns={"value": "total"})
    tot["rank"] = tot.groupby("year")["total"].rank(ascending=False, method="min").astype(int)
    iso = df.drop_duplicates("cty_code").set_index("cty_code")["iso3"]
    tot["iso3"] = tot["cty_code"].map(iso)
    return tot.sort_values(["year", "rank"], ignore_index=True)[["year", "iso3", "partner", "total", "rank"]]


def rank_history(iso3s=("MEX", "CAN", "CHN")) -> pd.DataFrame:
    """Year x country table of ranks among US goods-trade partners."""
    r = partner_ranks()
    return r[r["iso3"].isin(iso3s)].pivot(index="year", columns="iso3", values="rank")


def top_partners(year: int, n: int = 10) -> pd.DataFrame:
    """The ``n`` largest US goods-trade partners in ``year`` with exports, imports and total."""
    df = census.full_years()
    df = df[(df["cty_code"] >= 1000) & (df["year"] == year)]
    wide = df.pivot_table(index=["iso3", "partner"], columns="flow", values="value", aggfunc="sum")
    wide["total"] = wide["exports"] + wide["imports"]
    wide = wide.sort_values("total", ascending=False).head(n).reset_index()
    wide.insert(0, "rank", range(1, len(wide) + 1))
    return wide.rename_axis(None, axis=1)


def key_numbers() -> dict:
    """Numbers the chapter's prose quotes (glued), computed from the data."""
    legs = usmca_legs().set_index("year")
    last = int(legs.index.max())
    ranks = rank_history()
    first_mex_top = ranks.index[ranks["MEX"] == 1].min()
    return {
        "latest_year": last,
        "usmca_latest_bn": legs.loc[last, "usmca"] / 1e3,
        "usmca_2004_bn": legs.loc[2004, "usmca"] / 1e3,
        "usmca_1993_bn": legs.loc[1993, "usmca"] / 1e3,
        "usmca_growth_since_1993": legs.loc[last, "usmca"] / legs.loc[1993, "usmca"],
        "mex_latest_bn": legs.loc[last, "MEX"] / 1e3,
        "can_latest_bn": legs.loc[last, "CAN"] / 1e3,
        "mex_rank_latest": int(ranks.loc[last, "MEX"]),
        "can_rank_latest": int(ranks.loc[last, "CAN"]),
        "chn_rank_latest": int(ranks.loc[last, "CHN"]),
        "mex_first_top_year": int(first_mex_top) if pd.notna(first_mex_top) else None,
        "partial_year": int(census.published_months().index.max()),
        "partial_year_months": int(census.published_months().iloc[-1]),
    }


def claims() -> list[Claim]:
    """Report figures on intra-North American trade, next to the Census data."""
    legs = usmca_legs().set_index("year")
    return [
        Claim(CHAPTER, "Trilateral goods trade 20 years ago (2004): about 712 billion dollars", "NAP2025",
              "Trade", 712, legs.loc[2004, "usmca"] / 1e3, "billion USD",
              basis="US-Mexico + US-Canada goods trade, 2004, Census country.xlsx (latest vintage)"),
        Claim(CHAPTER, "North America traded over 1.6 trillion dollars within the region in 2024", "NAP2025",
              "Trade", 1600, legs.loc[2024, "usmca"] / 1e3, "billion USD",
              comparison="at least",
              basis="US-Mexico + US-Canada goods trade, 2024, Census country.xlsx (latest vintage); "
                    "only the US legs (no Mexico-Canada leg in Census data)"),
        Claim(CHAPTER, "Trade within North America exceeded 1.5 trillion dollars in 2022 (goods and services)",
              "WILSON2023", "USMCA and North America", 1500, legs.loc[2022, "usmca"] / 1e3, "billion USD",
              reason="Different measure: the report includes services; the data value is US goods "
                     "trade with Mexico and Canada only.",
              basis="US-Mexico + US-Canada goods trade, 2022, Census country.xlsx (latest vintage)"),
    ]

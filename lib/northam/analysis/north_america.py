"""Chapter "North America in data": the US legs of intra-North American goods trade.

All values in million current US dollars (Census basis) unless a function says otherwise.
Source: Census ``country.xlsx``, latest vintage (see :mod:`northam.sources.census`).
"""

from __future__ import annotations

import pandas as pd

from ..claims import Claim
from ..prose import count, ordinal
from ..sources import census

CHAPTER = "north-america"
PARTNERS = {"MEX": census.CODE["MEX"], "CAN": census.CODE["CAN"], "CHN": census.CODE["CHN"]}
NAFTA = 1994  # entry into force, 1 January 1994
USMCA = 2020.5  # entry into force, 1 July 2020 (mid-year on a chart's year axis)
BASE_YEAR = NAFTA - 1  # the growth base: the last year before NAFTA
REPORT_PAST_YEAR = 2004  # NAP2025's trade "20 years ago" (712 billion dollars), shown next to the data


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


def mexico_ahead_of_canada(legs: pd.DataFrame | None = None) -> dict:
    """Years in which US goods trade with Mexico exceeded trade with Canada (Census, full years).

    Returns ``first`` (the first such year) and ``since`` (the start of the run of years that lasts to the
    latest year; None if Canada is ahead in the latest year).
    """
    legs = (usmca_legs() if legs is None else legs).set_index("year")
    ahead = legs["MEX"] > legs["CAN"]
    behind = ahead.index[~ahead]
    since = ahead.index[ahead.index > behind.max()].min() if len(behind) else ahead.index.min()
    return {"first": int(ahead.index[ahead].min()) if ahead.any() else None,
            "since": int(since) if ahead.iloc[-1] else None}


def top_rank_years(ranks: pd.DataFrame | None = None) -> dict[str, list[int]]:
    """For each country of :func:`rank_history`, the years in which it was the first US goods-trade partner."""
    ranks = rank_history() if ranks is None else ranks
    return {iso: [int(y) for y in ranks.index[ranks[iso] == 1]] for iso in ranks.columns}


def top_since(ranks: pd.Series) -> int | None:
    """The first year of the run of years at rank 1 that lasts to the latest year (None if not first then)."""
    not_top = ranks.index[ranks != 1]
    if ranks.iloc[-1] != 1:
        return None
    return int(ranks.index[ranks.index > not_top.max()].min()) if len(not_top) else int(ranks.index.min())


def china_relation(mex: int, can: int, chn: int) -> str:
    """Where China's rank falls against Mexico's and Canada's: "ahead of" (both rank above it), "behind" or
    "either side of"."""
    if chn > max(mex, can):
        return "ahead of"
    return "behind" if chn < min(mex, can) else "either side of"


def key_numbers() -> dict:
    """Numbers the chapter's prose quotes (glued), computed from the data (billion current USD, ranks)."""
    legs = usmca_legs().set_index("year")
    last = int(legs.index.max())
    ranks = rank_history()
    first_mex_top = ranks.index[ranks["MEX"] == 1].min()
    ahead = mexico_ahead_of_canada()
    now = ranks.loc[last]
    return {
        "mex_above_can_first": ahead["first"],
        "mex_above_can_since": ahead["since"],
        "mex_top_since": top_since(ranks["MEX"]),
        "mex_top_since_text": (f"has held it since {top_since(ranks['MEX'])}" if top_since(ranks["MEX"])
                               else f"did not hold it in {last}"),
        "first_year": int(legs.index.min()),
        "latest_year": last,
        "usmca_latest_bn": legs.loc[last, "usmca"] / 1e3,
        "usmca_past_year": REPORT_PAST_YEAR,
        "usmca_2004_bn": legs.loc[REPORT_PAST_YEAR, "usmca"] / 1e3,
        "usmca_base_year": BASE_YEAR,
        "usmca_1993_bn": legs.loc[BASE_YEAR, "usmca"] / 1e3,
        "usmca_growth_since_1993": legs.loc[last, "usmca"] / legs.loc[BASE_YEAR, "usmca"],
        "chn_relation": china_relation(int(now["MEX"]), int(now["CAN"]), int(now["CHN"])),
        "mex_latest_bn": legs.loc[last, "MEX"] / 1e3,
        "can_latest_bn": legs.loc[last, "CAN"] / 1e3,
        "mex_rank_latest": int(ranks.loc[last, "MEX"]),
        "can_rank_latest": int(ranks.loc[last, "CAN"]),
        "chn_rank_latest": int(ranks.loc[last, "CHN"]),
        **{f"{iso.lower()}_rank_latest_ord": ordinal(ranks.loc[last, iso]) for iso in ("MEX", "CAN", "CHN")},
        "mex_first_top_year": int(first_mex_top) if pd.notna(first_mex_top) else None,
        "partial_year": int(census.published_months().index.max()),
        "partial_year_months": int(census.published_months().iloc[-1]),
        "partial_year_months_text": count(census.published_months().iloc[-1], "published month"),
    }


_BROOKINGS = "Jobs supported by goods exports (Brookings input-output estimates); not in the mirror"


def claims() -> list[Claim]:
    """Report figures on intra-North American trade and the jobs it supports, next to the Census data."""
    return [*trade_total_claims(CHAPTER), *_claims_trade_growth(), *_claims_partner_ranks(),
            *_claims_wilson_growth_jobs(), *_claims_sector_jobs(), *_claims_export_jobs()]


def _claims_trade_growth() -> list[Claim]:
    """WILSON2023 USMCA and North America, impressive trade growth: 2022 intra-regional trade."""
    legs = usmca_legs().set_index("year")
    wil = "USMCA and North America"
    return [
        Claim(CHAPTER, "Trade within North America exceeded 1.5 trillion dollars in 2022 (goods and services)",
              "WILSON2023", f"{wil}: impressive trade growth", 1500, legs.loc[2022, "usmca"] / 1e3, "billion USD",
              comparison="exceeded", rounding=100, quote="the total value of trade within North America exceeded "
              "$1.5 trillion",
              basis="US-Mexico + US-Canada goods trade, 2022, Census country.xlsx (latest vintage): goods alone, "
                    "without services and without the Mexico-Canada leg, already exceed the bound"),
        Claim(CHAPTER, "That is nearly 3 million dollars per minute in goods and services", "WILSON2023",
              f"{wil}: impressive trade growth", 3, legs.loc[2022, "usmca"] / (365 * 24 * 60), "million USD per minute",
              comparison="nearly", report_inputs={"2022 trade, million USD": (1.5e6, 1e5)}, arithmetic="per_minute",
              quote="equivalent to nearly $3 million per minute in goods and services", measure="other",
              reason="The data value counts US goods trade with Mexico and Canada only; services and the "
                     "Mexico-Canada leg would add to it. The report's own 1.5 trillion gives about 2.9 million a "
                     "minute, consistent with 'nearly 3'.",
              basis="US-Mexico + US-Canada goods trade, 2022, per minute of the year"),
    ]


def _claims_partner_ranks() -> list[Claim]:
    """NAP2025 and WILSON2023: Mexico and Canada as the top US trading partners."""
    ranks = rank_history()
    nad = "North America in data, numbers and facts"
    wil = "USMCA and North America"
    return [
        Claim(CHAPTER, "Mexico and Canada are the United States' top two trading partners (2024)", "NAP2025",
              f"{nad}: the USMCA region on the global stage", 2, float(ranks.loc[2024, ["MEX", "CAN"]].max()),
              "rank", quote="Mexico and Canada are the United States' top two trading partners",
              basis=f"Lower of the two ranks among US goods-trade partners, 2024 (Mexico "
                    f"{ranks.loc[2024, 'MEX']}, Canada {ranks.loc[2024, 'CAN']}); countries only, Census"),
        Claim(CHAPTER, "Mexico took over as the US' top trade partner in 2023", "WILSON2023", wil, 1,
              float(ranks.loc[2023, "MEX"]), "rank", quote="Mexico took over as the US' top trade partner in 2023",
              basis="Rank of Mexico among US goods-trade partners, full year 2023 (the report had January-August)"),
        Claim(CHAPTER, "Canada in the number two slot (2023)", "WILSON2023", wil, 2, float(ranks.loc[2023, "CAN"]),
              "rank", quote="with Canada in the number two slot",
              basis="Rank of Canada among US goods-trade partners, full year 2023"),
    ]


def _claims_wilson_growth_jobs() -> list[Claim]:
    """WILSON2023 USMCA and North America: July trade growth, jobs and investment."""
    july = _july_trade((2020, 2023))
    wil = "USMCA and North America"
    return [
        Claim(CHAPTER, "Trade grew well over 30% from July 2020 to July 2023", "WILSON2023", wil, 30,
              100 * (july[2023] / july[2020] - 1), "%", kind="growth", comparison="over",
              quote="Trade grew well over 30% from July 2020 to July 2023",
              basis="US goods trade (exports + imports) with Mexico and Canada, month of July 2023 against July "
                    "2020, Census country.xlsx"),
        Claim(CHAPTER, "Intra-regional trade supports an estimated 9.5-13 million jobs", "WILSON2023", wil, 13, None,
              "million jobs", quote="supports an estimated 9.5-13 million jobs across North America",
              needed=_BROOKINGS),
        Claim(CHAPTER, "US industrial policy could generate 3.5 trillion dollars of investment over the next decade",
              "WILSON2023", wil, 3.5, None, "trillion USD", quote="could generate $3.5 trillion in investment",
              needed="A projection (Jake Sullivan, April 2023): no data can check it before the decade ends"),
    ]


def _claims_sector_jobs() -> list[Claim]:
    """NAP2025 North America in data, jobs: employment in trade-related sectors."""
    nad = "North America in data, numbers and facts"
    jobs_needed = ("Employment by sector for the three countries (INEGI ENOE, BLS CES, Statistics Canada LFS); "
                   "the mirror holds only US manufacturing employment")
    return [
        Claim(CHAPTER, "56.2 million jobs in trade-related sectors across the region", "NAP2025",
              f"{nad}: jobs", 56.2, None, "million jobs", report_inputs={"Mexico": 14.9, "United States": 34,
                                                                         "Canada": 7.3}, arithmetic="sum",
              quote="there are currently 56.2 million jobs across the region", needed=jobs_needed),
        Claim(CHAPTER, "Mexico: 14.9 million jobs in these sectors (2024, INEGI)", "NAP2025", f"{nad}: jobs", 14.9,
              None, "million jobs", needed=jobs_needed),
        Claim(CHAPTER, "These are 25% of Mexico's employment (2024)", "NAP2025", f"{nad}: jobs", 25, None, "%",
              needed="INEGI ENOE employment by sector and in total, 2024"),
        Claim(CHAPTER, "United States: 34 million jobs in these sectors (2023, BLS)", "NAP2025", f"{nad}: jobs", 34,
              None, "million jobs", needed=jobs_needed),
        Claim(CHAPTER, "Canada: 7.3 million jobs in these sectors (Statistics Canada)", "NAP2025", f"{nad}: jobs",
              7.3, None, "million jobs", needed=jobs_needed),
    ]


def _claims_export_jobs() -> list[Claim]:
    """NAP2025 North America in data, jobs: jobs that depend on goods exports (Brookings)."""
    nad = "North America in data, numbers and facts"
    return [
        Claim(CHAPTER, "More than 10 million jobs in North America depend directly on goods exports (Brookings)",
              "NAP2025", f"{nad}: jobs", 10, None, "million jobs", comparison="more than",
              report_inputs={"Mexico": 5.5, "Canada": 1.6, "United States": 3.2}, arithmetic="sum",
              needed=_BROOKINGS),
        Claim(CHAPTER, "About 5.5 million jobs in Mexico are linked to goods exports within North America",
              "NAP2025", f"{nad}: jobs", 5.5, None, "million jobs", needed=_BROOKINGS),
        Claim(CHAPTER, "They are more than 9% of Mexico's economically active population", "NAP2025",
              f"{nad}: jobs", 9, None, "%", comparison="more than",
              needed=f"{_BROOKINGS}; and INEGI ENOE economically active population"),
        Claim(CHAPTER, "Around 1.6 million jobs in Canada depend on goods trade with its North American partners",
              "NAP2025", f"{nad}: jobs", 1.6, None, "million jobs", needed=_BROOKINGS),
        Claim(CHAPTER, "Nearly 3.2 million such jobs in the United States", "NAP2025", f"{nad}: jobs", 3.2, None,
              "million jobs", comparison="nearly", needed=_BROOKINGS),
    ]


def trade_total_claims(chapter: str) -> list[Claim]:
    """The report's two totals of intra-North American trade (2004 and 2024), stated once for every chapter
    that quotes them (this one and the trade chapter)."""
    legs = usmca_legs().set_index("year")
    sec = "North America in data, numbers and facts"
    basis = ("US-Mexico + US-Canada goods trade, {y}, Census country.xlsx (latest vintage); the US legs only "
             "(no Mexico-Canada leg in Census data)")
    return [
        Claim(chapter, "Trilateral goods trade 20 years ago (2004): 712 billion dollars", "NAP2025", sec, 712,
              legs.loc[2004, "usmca"] / 1e3, "billion USD", id="nap2025-trilateral-trade-2004",
              quote="trilateral trade in goods increased from 712 billion dollars", basis=basis.format(y=2004)),
        Claim(chapter, "North America traded over 1.6 trillion dollars within the region in 2024", "NAP2025", sec,
              1600, legs.loc[2024, "usmca"] / 1e3, "billion USD", comparison="over", rounding=100,
              id="nap2025-intra-trade-2024", quote="In 2024, North America traded over $1.6 trillion USD within "
              "the region", basis=basis.format(y=2024) + "; the US legs alone already pass the bound"),
    ]


def _july_trade(years) -> pd.Series:
    """US goods trade (exports + imports) with Mexico and Canada in the month of July of ``years`` (million
    USD, Census country.xlsx latest vintage)."""
    m = census.monthly()
    m = m[m["cty_code"].isin([PARTNERS["MEX"], PARTNERS["CAN"]]) & (m["month"] == 7) & m["year"].isin(years)]
    if not m["published"].all():
        raise census.PartialYearError("July not published for every year asked")
    return m.groupby("year")["value"].sum()

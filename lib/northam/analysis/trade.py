"""Chapter "Trade": US goods trade with Mexico and Canada, deficits in context, and the reports' figures.

Units: million current US dollars (goods, Census basis: general imports at Customs value, total exports
F.A.S., not seasonally adjusted) unless a function says otherwise; shares in percent.

Sources (one per chart):

- Census ``country.xlsx``, release of early 2026 (:mod:`northam.sources.census`, latest vintage): the
  long annual and monthly series, full years only (the partial last year is never used as a year).
- Census ``country.xlsx``, release of late 2024: only for the revisions table.
- Census international-trade API compilation, 2013-2024 (:mod:`northam.sources.census_api`): the
  report's 2024 deficit-ratio basis.
- Census End-Use imports 2016-2025: a proxy (End-Use, not NAICS) for the electronics import shares.
- USA Trade Online, imports claiming USMCA preference 2022-2024 (:mod:`northam.sources.usatrade`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import numerics
from ..cache import memo
from ..claims import Claim
from ..sources import census, census_api, usatrade

CHAPTER = "trade"
CODES = {"MEX": census.CODE["MEX"], "CAN": census.CODE["CAN"], "CHN": census.CODE["CHN"],
         "WLD": census.CODE["WORLD"], "ATP": census.CODE["ATP"]}
NAFTA, USMCA = 1994, 2020.5  # entry into force: 1 January 1994, 1 July 2020
OLD = "2024-08"  # older country.xlsx vintage, for revisions only
#: End-Use codes used as a proxy for the report's NAICS 334/335 import-share charts.
ELECTRONICS_ENDUSE = {
    "Computers and accessories (21300, 21301)": ["21300", "21301"],
    "Semiconductors (21320)": ["21320"],
    "Telecommunications equipment (21400)": ["21400"],
    "Electric apparatus and generators (20005, 20000)": ["20005", "20000"],
}


def registry_keys() -> list[str]:
    return [census.COUNTRY_XLSX[census.LATEST], census.COUNTRY_XLSX[OLD], census_api.KEY,
            census.ENDUSE_IMPORTS, usatrade.KEY]


@memo(maxsize=2)
def _full(vintage: str = census.LATEST) -> pd.DataFrame:
    return census.full_years(vintage)


@memo(maxsize=4)
def _wide(vintage: str = census.LATEST) -> pd.DataFrame:
    return census.partner_trade(CODES, vintage)


def _series(label: str, flow: str, vintage: str = census.LATEST) -> pd.Series:
    return _wide(vintage)[(label, flow)].copy()


# ---------------------------------------------------------------------------------------------------
# 1. Exports, imports and balance with Mexico and Canada


def usmca_flows(start: int = 1985) -> pd.DataFrame:
    """US exports to, imports from and balance with Mexico and Canada, per full year (million USD).

    Tidy: year, iso3, flow (exports | imports | balance), value. Balance = exports - imports.
    Source: Census country.xlsx (latest vintage).
    """
    rows = []
    for iso in ("MEX", "CAN"):
        for flow in ("exports", "imports", "balance"):
            s = _series(iso, flow)
            rows.append(pd.DataFrame({"year": s.index.astype(int), "iso3": iso, "flow": flow,
                                      "value": s.to_numpy()}))
    out = pd.concat(rows, ignore_index=True)
    return out[out["year"] >= start].reset_index(drop=True)


def usmca_legs() -> pd.Series:
    """US-Mexico plus US-Canada goods trade (exports + imports) per full year, million USD."""
    return (_series("MEX", "total") + _series("CAN", "total")).rename("usmca")


# ---------------------------------------------------------------------------------------------------
# 2. Balances with China and Mexico


def balances_china_mexico(start: int = 1990) -> pd.DataFrame:
    """US goods balance with China and with Mexico per full year (million USD; negative = deficit).

    Columns: year, CHN, MEX. Source: Census country.xlsx (latest vintage).
    """
    out = pd.DataFrame({"CHN": _series("CHN", "balance"), "MEX": _series("MEX", "balance")})
    out = out[out.index >= start]
    return out.rename_axis("year").reset_index()


# ---------------------------------------------------------------------------------------------------
# 3. Top partners: exports, deficit and the trade deficit ratio


def _tdr(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["total"] = df["exports"] + df["imports"]
    df["deficit"] = df["imports"] - df["exports"]
    df["tdr_pct"] = 100 * df["deficit"] / df["exports"]
    return df


def top_partners_tdr(year: int | None = None, n: int = 5) -> pd.DataFrame:
    """The ``n`` largest US goods-trade partner countries in ``year`` (default: the latest full year)
    with exports, imports, deficit (imports - exports) in million USD and the trade deficit ratio
    ``tdr_pct`` = deficit / US exports to the partner x 100 (the report's definition).

    Source: Census country.xlsx (latest vintage); countries only (codes >= 1000).
    """
    year = census.latest_full_year() if year is None else year
    df = _full()
    df = df[(df["cty_code"] >= 1000) & (df["year"] == year)]
    w = df.pivot_table(index=["iso3", "partner"], columns="flow", values="value", aggfunc="sum").reset_index()
    w = _tdr(w.rename_axis(None, axis=1)).sort_values("total", ascending=False).head(n)
    return w.assign(year=year).reset_index(drop=True)


def tdr_api(year: int = 2024, iso3s=("CAN", "MEX", "CHN")) -> pd.DataFrame:
    """Trade deficit ratio from the Census API compilation (the report's 2024 basis), million USD / %."""
    w = census_api.wide(year)
    w = w[w["iso3"].isin(iso3s)]
    return _tdr(w).set_index("iso3").loc[list(iso3s)].reset_index()


# ---------------------------------------------------------------------------------------------------
# 4. Advanced Technology Products


def atp_balance() -> pd.DataFrame:
    """US trade in Advanced Technology Products (Census code 0007, all partners and categories) per
    full year: exports, imports, balance (million USD). Source: Census country.xlsx (latest vintage)."""
    out = pd.DataFrame({f: _series("ATP", f) for f in ("exports", "imports", "balance")}).dropna()
    return out.rename_axis("year").reset_index()


def atp_first_deficit_year() -> int:
    """First year of the ATP series since which the balance has been negative every year."""
    b = atp_balance().set_index("year")["balance"]
    positive = b.index[b >= 0]
    return int(b.index[b.index > positive.max()].min()) if len(positive) else int(b.index.min())


# ---------------------------------------------------------------------------------------------------
# 5. January-July: Mexico versus China


def ytd_trade(iso3s=("MEX", "CHN"), years=(2018, 2023), through_month: int = 7,
              vintage: str = census.LATEST) -> pd.DataFrame:
    """US goods trade (exports + imports) January..``through_month`` per partner and year (million USD).

    Refuses a year whose months up to ``through_month`` are not all published. Source: Census
    country.xlsx (given vintage). Columns: year, iso3, exports, imports, total.
    """
    df = census.monthly(vintage)
    codes = {CODES[i]: i for i in iso3s}
    df = df[df["cty_code"].isin(codes) & df["year"].isin(years) & (df["month"] <= through_month)]
    if not df["published"].all():
        bad = sorted(df.loc[~df["published"], "year"].unique())
        raise census.PartialYearError(f"{census.COUNTRY_XLSX[vintage]}: months 1-{through_month} not all "
                                      f"published for {bad}")
    w = df.assign(iso3=df["cty_code"].map(codes)).pivot_table(
        index=["year", "iso3"], columns="flow", values="value", aggfunc="sum").reset_index()
    w["total"] = w["exports"] + w["imports"]
    return w.rename_axis(None, axis=1)


def ytd_share_of_world(iso3s=("MEX", "CAN"), year: int = 2023, through_month: int = 7) -> float:
    """Share (%) of ``iso3s`` together in US goods trade with the world, January..``through_month``."""
    part = ytd_trade(iso3s, (year,), through_month)["total"].sum()
    world = ytd_trade(("WLD",), (year,), through_month)["total"].sum()
    return 100 * part / world


# ---------------------------------------------------------------------------------------------------
# 6. Partner shares of total US goods trade


def partner_shares(iso3s=("MEX", "CAN", "CHN")) -> pd.DataFrame:
    """Each partner's share (%) of total US goods trade (exports + imports with the world, not
    seasonally adjusted, code 0015), per full year from 1987 (the first year of the world row).
    Columns: year and one per partner. Source: Census country.xlsx (latest vintage)."""
    world = _series("WLD", "total")
    out = pd.DataFrame({i: 100 * _series(i, "total") / world for i in iso3s}).dropna()
    return out.rename_axis("year").reset_index()


def overtake_year(leader: str = "MEX", other: str = "CHN") -> dict:
    """When ``leader``'s share of US trade passed ``other``'s: the first year it moved ahead after being
    behind the year before (``first``), and the first year since which it has stayed ahead in every full
    year (``since``). None when it never happened."""
    s = partner_shares((leader, other)).set_index("year")
    ahead = s[leader] > s[other]
    passed = ahead & ~ahead.shift(1, fill_value=True)
    first = int(passed.idxmax()) if passed.any() else None
    behind = ahead.index[~ahead]
    since = int(ahead.index[ahead.index > behind.max()].min()) if ahead.iloc[-1] else None
    return {"first": first, "since": since}


@memo(maxsize=8)
def share_trend_break(iso3: str, break_year: int = 2018, start: int = 2000) -> dict:
    """Segmented linear trend of a partner's share of US goods trade with a break at ``break_year``.

    OLS: share = a + b*(t - break) + c*post + d*post*(t - break), post = t > break, on full years from
    ``start``. Reports the slope before (b) and after (b + d) in percentage points per year, each with a
    95% confidence interval from Newey-West (HAC, 2 lags) standard errors, and the fitted line with its
    95% band (columns year, share, fit, lo, hi).
    """
    import statsmodels.api as sm

    s = partner_shares((iso3,)).set_index("year")[iso3]
    s = s[s.index >= start]
    t = s.index.to_numpy(dtype=float) - break_year
    post = (t > 0).astype(float)
    X = pd.DataFrame({"const": 1.0, "t": t, "post": post, "post_t": post * t}, index=s.index)
    res = sm.OLS(s.to_numpy(), X).fit(cov_type="HAC", cov_kwds={"maxlags": 2})
    after = np.array([0.0, 1.0, 0.0, 1.0])
    ct = res.t_test(after)
    ci_after = ct.conf_int(alpha=0.05)[0]
    ci = res.conf_int(alpha=0.05)
    pred = res.get_prediction(X).summary_frame(alpha=0.05)
    fit = pd.DataFrame({"year": s.index.astype(int), "share": s.to_numpy(), "fit": pred["mean"].to_numpy(),
                        "lo": pred["mean_ci_lower"].to_numpy(), "hi": pred["mean_ci_upper"].to_numpy()})
    return numerics.require_finite({
        "iso3": iso3, "break_year": break_year, "start": int(s.index.min()), "end": int(s.index.max()),
        "slope_before": float(res.params["t"]), "slope_before_lo": float(ci.loc["t", 0]),
        "slope_before_hi": float(ci.loc["t", 1]),
        "slope_after": float(ct.effect[0]), "slope_after_lo": float(ci_after[0]),
        "slope_after_hi": float(ci_after[1]),
        "change_p": float(res.pvalues["post_t"]), "fit": fit,
    }, what=f"{CHAPTER}: share trend break, {iso3}")


def trend_break_fits(iso3s=("CHN", "MEX"), break_year: int = 2018) -> pd.DataFrame:
    """Observed shares and fitted segmented trends with 95% bands (see :func:`share_trend_break`), tidy:
    iso3, year, share, fit, lo, hi (percent of US goods trade)."""
    return pd.concat([share_trend_break(i, break_year)["fit"].assign(iso3=i) for i in iso3s], ignore_index=True)


# ---------------------------------------------------------------------------------------------------
# Revisions, electronics proxy, USMCA claims


def revisions(year: int = 2023, iso3s=("MEX", "CAN", "CHN")) -> pd.DataFrame:
    """The same year's values in the late-2024 and the early-2026 releases of country.xlsx (million USD).

    Columns: iso3, flow, old, new, revision (new - old), revision_pct.
    """
    rows = []
    for iso in iso3s:
        for flow in ("exports", "imports", "balance"):
            old, new = _series(iso, flow, OLD).loc[year], _series(iso, flow).loc[year]
            rows.append({"iso3": iso, "flow": flow, "old": old, "new": new})
    out = pd.DataFrame(rows)
    out["revision"] = out["new"] - out["old"]
    out["revision_pct"] = 100 * out["revision"] / out["old"].abs()
    return out


def electronics_import_shares(years=(2016, 2025), iso3s=("MEX", "CHN", "CAN", "TWN", "VNM")) -> pd.DataFrame:
    """Partner shares (%) of US general imports in electronics-type End-Use groups (a proxy for the
    report's NAICS 334/335 charts: End-Use codes are product groups, not industries).

    Columns: group, year, one column per partner. Source: Census End-Use imports by country.
    """
    df = census.enduse_imports()
    df = df[df["year"].isin(years)]
    rows = []
    for group, codes in ELECTRONICS_ENDUSE.items():
        sub = df[df["end_use"].isin(codes)]
        world = sub[sub["cty_code"] == 0].groupby("year")["value"].sum()
        part = sub[sub["iso3"].isin(iso3s)].groupby(["year", "iso3"])["value"].sum().unstack()
        share = (100 * part.div(world, axis=0)).reindex(columns=list(iso3s))
        for y in years:
            rows.append({"group": group, "year": int(y), **share.loc[y].to_dict()})
    return pd.DataFrame(rows)


def usmca_claim_shares() -> pd.DataFrame:
    """Share (%) of US imports from Canada / Mexico entered claiming USMCA preference, 2022-2024."""
    return usatrade.usmca_claim_shares()


# ---------------------------------------------------------------------------------------------------
# Numbers for the prose, and the reports' figures


def key_numbers() -> dict:
    """Numbers the chapter's prose quotes (glued; keys prefixed ``trade_``), computed from the data."""
    last = census.latest_full_year()
    flows = usmca_flows().set_index(["year", "iso3", "flow"])["value"]
    bal = balances_china_mexico().set_index("year")
    chn_min = bal["CHN"].idxmin()
    top = top_partners_tdr(last)
    tdr = top.set_index("iso3")["tdr_pct"]
    atp = atp_balance().set_index("year")["balance"]
    ytd = ytd_trade().set_index(["year", "iso3"])["total"]
    sh = partner_shares().set_index("year")
    o_chn, o_can = overtake_year("MEX", "CHN"), overtake_year("MEX", "CAN")
    tb = {i: share_trend_break(i) for i in ("CHN", "MEX")}
    rev = revisions().set_index(["iso3", "flow"])
    claims_share = usmca_claim_shares().set_index(["year", "partner"])["share"]
    elec = electronics_import_shares().set_index(["group", "year"])
    comp = "Computers and accessories (21300, 21301)"
    n = {
        "latest_year": last,
        "partial_year": int(census.published_months().index.max()),
        "partial_year_months": int(census.published_months().iloc[-1]),
        "mex_exports_bn": flows[(last, "MEX", "exports")] / 1e3,
        "mex_imports_bn": flows[(last, "MEX", "imports")] / 1e3,
        "mex_balance_bn": flows[(last, "MEX", "balance")] / 1e3,
        "can_exports_bn": flows[(last, "CAN", "exports")] / 1e3,
        "can_imports_bn": flows[(last, "CAN", "imports")] / 1e3,
        "can_balance_bn": flows[(last, "CAN", "balance")] / 1e3,
        "mex_exports_1993_bn": flows[(1993, "MEX", "exports")] / 1e3,
        "mex_balance_1993_bn": flows[(1993, "MEX", "balance")] / 1e3,
        "mex_last_surplus_year": int(bal.index[bal["MEX"] > 0].max()),
        "chn_deficit_latest_bn": -bal.loc[last, "CHN"] / 1e3,
        "mex_deficit_latest_bn": -bal.loc[last, "MEX"] / 1e3,
        "chn_deficit_peak_bn": -bal["CHN"].min() / 1e3,
        "chn_deficit_peak_year": int(chn_min),
        "top_n": len(top),
        "tdr_mex_latest": tdr.get("MEX", np.nan),
        "tdr_can_latest": tdr.get("CAN", np.nan),
        "tdr_chn_latest": tdr.get("CHN", np.nan),
        "atp_first_year": int(atp.index.min()),
        "atp_first_deficit_year": atp_first_deficit_year(),
        "atp_balance_latest_bn": atp.loc[last] / 1e3,
        "atp_balance_2024_bn": atp.loc[2024] / 1e3,
        "ytd_mex_2018_bn": ytd[(2018, "MEX")] / 1e3,
        "ytd_mex_2023_bn": ytd[(2023, "MEX")] / 1e3,
        "ytd_chn_2018_bn": ytd[(2018, "CHN")] / 1e3,
        "ytd_chn_2023_bn": ytd[(2023, "CHN")] / 1e3,
        "ytd_mex_change_pct": 100 * (ytd[(2023, "MEX")] / ytd[(2018, "MEX")] - 1),
        "ytd_chn_change_pct": 100 * (ytd[(2023, "CHN")] / ytd[(2018, "CHN")] - 1),
        "share_first_year": int(sh.index.min()),
        "share_mex_latest": sh.loc[last, "MEX"],
        "share_can_latest": sh.loc[last, "CAN"],
        "share_chn_latest": sh.loc[last, "CHN"],
        "share_chn_peak": sh["CHN"].max(),
        "share_chn_peak_year": int(sh["CHN"].idxmax()),
        "mex_over_chn_first": o_chn["first"],
        "mex_over_chn_since": o_chn["since"],
        "mex_over_can_first": o_can["first"],
        "mex_over_can_since": o_can["since"],
        "rev_year": 2023,
        "rev_max_abs_bn": rev["revision"].abs().max() / 1e3,
        "rev_max_abs_pct": rev.loc[rev.index.get_level_values("flow") != "balance", "revision_pct"].abs().max(),
        "usmca_claim_can_2024": claims_share[(2024, "Canada")],
        "usmca_claim_mex_2024": claims_share[(2024, "Mexico")],
        "usmca_claim_both_2024": claims_share[(2024, "Canada+Mexico")],
        "elec_comp_mex_2016": elec.loc[(comp, 2016), "MEX"],
        "elec_comp_mex_2025": elec.loc[(comp, 2025), "MEX"],
        "elec_comp_chn_2016": elec.loc[(comp, 2016), "CHN"],
        "elec_comp_chn_2025": elec.loc[(comp, 2025), "CHN"],
    }
    for iso, r in tb.items():
        low = iso.lower()
        n.update({
            "break_year": r["break_year"], "trend_start": r["start"], "trend_end": r["end"],
            f"{low}_slope_before": r["slope_before"], f"{low}_slope_before_lo": r["slope_before_lo"],
            f"{low}_slope_before_hi": r["slope_before_hi"], f"{low}_slope_after": r["slope_after"],
            f"{low}_slope_after_lo": r["slope_after_lo"], f"{low}_slope_after_hi": r["slope_after_hi"],
        })
    return {f"trade_{k}": v for k, v in n.items()}


def claims() -> list[Claim]:
    """Report figures on goods trade, next to the value the Census files give."""
    api = tdr_api(2024).set_index("iso3")
    legs = usmca_legs()
    atp = atp_balance().set_index("year")["balance"]
    ytd = ytd_trade().set_index(["year", "iso3"])["total"]
    ytd_both = ytd_share_of_world(("MEX", "CAN"), 2023, 7)
    mc22 = _series("MEX", "total").loc[2022] + _series("CAN", "total").loc[2022]
    ch22 = _series("CHN", "total").loc[2022]
    api_src = "Census API compilation (census_api_us_goods_trade_by_country_2013-2024.xlsx)"
    cx = "Census country.xlsx, early-2026 release"
    atp_sec = "Goal 3, Building the world's most advanced technological region"
    nap, wil = "Goal 3, Global trade: North America, the world's technological frontier", "Nearshoring"
    return [
        Claim(CHAPTER, "US trade deficit with Canada was 18% of US exports to Canada in 2024", "NAP2025",
              nap, 18, api.loc["CAN", "tdr_pct"], "%",
              reason="The report rounds to whole percent; the ratio itself is the same definition.",
              basis=f"(imports - exports) / exports, Canada, 2024, {api_src}"),
        Claim(CHAPTER, "US trade deficit with Mexico was 51% of US exports to Mexico in 2024", "NAP2025",
              nap, 51, api.loc["MEX", "tdr_pct"], "%",
              basis=f"(imports - exports) / exports, Mexico, 2024, {api_src}"),
        Claim(CHAPTER, "US trade deficit with China was more than twice US exports to China in 2024", "NAP2025",
              nap, 200, api.loc["CHN", "tdr_pct"], "%",
              comparison="at least",
              basis=f"(imports - exports) / exports, China, 2024, {api_src}; the report states a lower bound"),
        Claim(CHAPTER, "Canada and the United States traded 762 billion dollars in 2024", "NAP2025",
              "Mexico, United States, and Canada", 762, api.loc["CAN", "total"] / 1e3, "billion USD",
              basis=f"US exports to + imports from Canada, goods, 2024, {api_src}"),
        Claim(CHAPTER, "Trilateral goods trade rose from 712 billion dollars twenty years ago", "NAP2025",
              "Mexico, United States, and Canada", 712, legs.loc[2004] / 1e3, "billion USD",
              basis=f"US-Mexico + US-Canada goods trade, 2004 (no Mexico-Canada leg), {cx}"),
        Claim(CHAPTER, "North America traded over 1.6 trillion dollars within the region in 2024", "NAP2025",
              "Mexico, United States, and Canada", 1600, legs.loc[2024] / 1e3, "billion USD",
              comparison="at least",
              basis=f"US-Mexico + US-Canada goods trade, 2024, {cx}; only the US legs (no Mexico-Canada leg)"),
        Claim(CHAPTER, "Mexico imported 251 billion dollars from the United States in 2024", "NAP2025",
              "Mexico, United States, and Canada", 251, api.loc["MEX", "exports"] / 1e3, "billion USD",
              reason="Different reporter: the report's figure is presumably Mexican-recorded imports "
                     "(INEGI/Banxico); the data value is US-recorded exports to Mexico (Census).",
              basis=f"US exports to Mexico, 2024, {api_src}"),
        Claim(CHAPTER, "US balance in advanced technology products was -298.9 billion dollars in 2024",
              "NAP2025", atp_sec, -298.9,
              atp.loc[2024] / 1e3, "billion USD",
              reason="Census revision between the report's release and the early-2026 file.",
              basis=f"ATP (code 0007) exports - imports, 2024, {cx}"),
        Claim(CHAPTER, "The US became a net importer of advanced technology products in 2002", "NAP2025",
              atp_sec, 2002, atp_first_deficit_year(),
              "year", basis=f"first year since which the ATP (code 0007) balance is negative every year, {cx}"),
        Claim(CHAPTER, "US-Mexico trade, January-July 2023: 461.9 billion dollars", "WILSON2023", wil, 461.9,
              ytd[(2023, "MEX")] / 1e3, "billion USD", reason="Census revisions since the 2023 release.",
              basis=f"US exports + imports with Mexico, Jan-Jul 2023, {cx}"),
        Claim(CHAPTER, "US-Mexico trade, January-July 2018: 351.5 billion dollars", "WILSON2023", wil, 351.5,
              ytd[(2018, "MEX")] / 1e3, "billion USD", reason="Census revisions since the 2018 release.",
              basis=f"US exports + imports with Mexico, Jan-Jul 2018, {cx}"),
        Claim(CHAPTER, "US-China trade, January-July 2023: 322.3 billion dollars", "WILSON2023", wil, 322.3,
              ytd[(2023, "CHN")] / 1e3, "billion USD",
              basis=f"US exports + imports with China, Jan-Jul 2023, {cx}"),
        Claim(CHAPTER, "US-China trade, January-July 2018: 371.1 billion dollars", "WILSON2023", wil, 371.1,
              ytd[(2018, "CHN")] / 1e3, "billion USD",
              basis=f"US exports + imports with China, Jan-Jul 2018, {cx}"),
        Claim(CHAPTER, "US-Mexico trade Jan-Jul grew 24% from 2018 to 2023", "WILSON2023", wil, 24,
              100 * (ytd[(2023, "MEX")] / ytd[(2018, "MEX")] - 1), "%",
              reason="Growth rates amplify small revisions of both years; the report's own figures give 31%, "
                     "not 24%.",
              basis=f"change in Jan-Jul US-Mexico trade, 2018 to 2023, {cx}"),
        Claim(CHAPTER, "US-China trade Jan-Jul fell 13% from 2018 to 2023", "WILSON2023", wil, -13,
              100 * (ytd[(2023, "CHN")] / ytd[(2018, "CHN")] - 1), "%",
              reason="Percent changes amplify small revisions; the data give a slightly smaller fall.",
              basis=f"change in Jan-Jul US-China trade, 2018 to 2023, {cx}"),
        Claim(CHAPTER, "Mexico and Canada together: 31% of US goods trade as of July 2023", "WILSON2023",
              "USMCA and North America", 31, ytd_both, "%",
              reason="The report rounds; the data value is for January-July 2023.",
              basis=f"(Mexico + Canada) / world, exports + imports, Jan-Jul 2023, {cx}"),
        Claim(CHAPTER, "US goods trade with Mexico and Canada in 2022 was 44% higher than with China",
              "WILSON2023", "USMCA and North America", 44, 100 * (mc22 / ch22 - 1), "%",
              reason="The sentence is ambiguous and no reading matches: Mexico and Canada together exceed China "
                     f"by far more; Mexico alone by {100 * (_series('MEX', 'total').loc[2022] / ch22 - 1):.0f}%, "
                     f"Canada alone by {100 * (_series('CAN', 'total').loc[2022] / ch22 - 1):.0f}%.",
              basis=f"(US-Mexico + US-Canada) / US-China goods trade - 1, 2022, {cx}"),
        Claim(CHAPTER, "ATP: 'Information & Communications' is 77.4% of the ATP deficit (-231.5 bn)", "NAP2025",
              atp_sec, 77.4, None, "%",
              needed="Census ATP trade by category (ATP 1-10) and partner (FT-900 Exhibit 16 / USA Trade Online "
                     "ATP codes); the mirror holds only the ATP total (code 0007)."),
        Claim(CHAPTER, "Mexico accounts for 16% of the US ATP deficit", "NAP2025",
              atp_sec, 16, None, "%",
              needed="Census ATP trade by partner country (not in the mirror)."),
        Claim(CHAPTER, "94% of US aerospace product imports come from Canada", "NAP2025",
              "The strategic importance of USMCA in the aerospace industry", 94, None, "%",
              needed="Census ATP 8 (aerospace) imports by partner."),
        Claim(CHAPTER, "Mexico-Canada trade totaled 29 billion dollars in 2024", "NAP2025",
              "Mexico, United States, and Canada", 29, None, "billion USD",
              needed="Mexican (INEGI) or Canadian (Statistics Canada) customs data for 2024; the IMF DOTS "
                     "extracts in the mirror end in 2020."),
        Claim(CHAPTER, "Regional trade in medical devices rose from 12 to 20 billion dollars, 2013-2023",
              "NAP2025", "Trade is a gateway to the future", 20, None, "billion USD",
              needed="HS-level trade of all three countries in medical devices (e.g. UN Comtrade HS 9018-9022); "
                     "the End-Use file covers US imports only, from 2016."),
        Claim(CHAPTER, "Regional trade in electrical and electronic goods reached 182 billion dollars in 2023",
              "NAP2025", "Trade is a gateway to the future", 182, None, "billion USD",
              needed="HS 85 trade among the three countries (UN Comtrade or national customs)."),
    ]

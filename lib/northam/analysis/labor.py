"""Chapter "Labor mobility": visas, the border, asylum and demography between Mexico, the US and Canada.

Units are stated per function. Fiscal years (FY) are US fiscal years, October to September.
Sources: US State Department NIV detail tables (:mod:`northam.sources.statedept`), DHS OHSS and CBP
encounter files (:mod:`northam.sources.dhs`), UNHCR (:mod:`northam.sources.unhcr`), SEGOB/UPM
(:mod:`northam.sources.segob`), UN DESA migrant stock (:mod:`northam.sources.undesa`) and UN WPP 2022
via Our World in Data (:mod:`northam.sources.owid`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import numerics
from ..cache import memo
from ..claims import Claim
from ..countries import MEMBERS
from ..sources import dhs, owid, segob, statedept, undesa, unhcr

CHAPTER = "labor"
VISA_CLASSES = ["TN", "TD", "H2A", "H2B", "H1B"]
VISA_LABELS = {"TN": "TN (USMCA professionals)", "TD": "TD (TN dependants)", "H2A": "H-2A (farm)",
               "H2B": "H-2B (non-farm seasonal)", "H1B": "H-1B (specialty)"}
BASE_YEAR = 2010
#: Title 42 public-health expulsions: 20 March 2020 to 11 May 2023 (as decimal calendar years).
TITLE42_DATES = ("2020-03-20", "2023-05-11")
#: Title 42 expressed in fiscal years for annual charts: FY2020 starts Oct 2019, so March 2020 is FY2020.45.
TITLE42_FY = (2020 + 5.6 / 12, 2023 + 7.4 / 12)
ASYLUM_FIRST_YEAR = 2013
ASYLUM_LAST_YEAR = 2024  # the package's 2025 rows may be mid-year figures: not compared with full years


# Each source table is read once per session (the loaders' Parquet cache makes the first read quick too).
_applications = memo(unhcr.asylum_applications)
_population = memo(unhcr.population)
_segob = memo(segob.by_state)
_stock = memo(undesa.migrant_stock)


def registry_keys() -> list[str]:
    return [*statedept.registry_keys(), *dhs.registry_keys(), *unhcr.registry_keys(), *segob.registry_keys(),
            *undesa.registry_keys(), *owid.labor_registry_keys()]


# --------------------------------------------------------------------------------------------------
# 1-2. Visas


def visas_mexico(first: int = BASE_YEAR) -> pd.DataFrame:
    """Nonimmigrant visas issued to Mexican nationals by class, per fiscal year (visas issued).

    Columns: TN, TD, H2A, H2B, H1B; index: fiscal year from ``first``. Source: State Dept NIV detail table.
    """
    return statedept.by_nationality("Mexico").loc[first:, VISA_CLASSES]


def visa_index(base: int = BASE_YEAR) -> pd.DataFrame:
    """Visas issued to Mexicans by class as an index, ``base`` fiscal year = 100."""
    lv = visas_mexico(base)
    return lv / lv.loc[base] * 100


def h2_mexico(first: int = BASE_YEAR) -> pd.DataFrame:
    """H-2A and H-2B visas issued to Mexicans, worldwide H-2A, and Mexico's share of H-2A (percent)."""
    mex = statedept.by_nationality("Mexico").loc[first:]
    world = statedept.by_nationality(statedept.GRAND_TOTAL).loc[first:]
    out = pd.DataFrame({"H2A": mex["H2A"], "H2B": mex["H2B"], "H2A_world": world["H2A"],
                        "H2B_world": world["H2B"]})
    out["mex_share_h2a_pct"] = out["H2A"] / out["H2A_world"] * 100
    out["mex_share_h2b_pct"] = out["H2B"] / out["H2B_world"] * 100
    return out.rename_axis("fiscal_year")


# --------------------------------------------------------------------------------------------------
# 3. Border Patrol encounters


def encounters_mexicans(first: int = 2000) -> pd.DataFrame:
    """Border Patrol encounters at the southwest land border, per full fiscal year (encounters).

    Columns: mexico (Mexican nationals), all_sw (all nationalities), mex_share_pct, and cbp_mexico
    (CBP, Border Patrol plus ports of entry, Mexicans, FY2022 onward: a wider series; NaN before).
    Full fiscal years only (the partial last year of the DHS file is left out).
    """
    last = dhs.latest_full_fiscal_year()
    a = dhs.usbp_annual(allow_partial=True)
    a = a[(a["region"] == dhs.SOUTHWEST) & (a["year"] >= first) & (a["year"] <= last)]
    out = pd.DataFrame({
        "mexico": a[a["iso3"] == "MEX"].groupby("year")["value"].sum(),
        "all_sw": a.groupby("year")["value"].sum(),
    })
    out["mex_share_pct"] = out["mexico"] / out["all_sw"] * 100
    c = dhs.cbp_annual(allow_partial=True)
    c = c[(c["citizenship"] == "Mexico") & ~c["partial_year"]].groupby("year")["value"].sum()
    out["cbp_mexico"] = c.reindex(out.index)
    return out.rename_axis("fiscal_year")


def cbp_by_component(year: int) -> dict:
    """CBP SW encounters of Mexicans in a full fiscal year by component (encounters)."""
    c = dhs.cbp_annual(allow_partial=True)
    c = c[(c["citizenship"] == "Mexico") & (c["year"] == year)]
    if c["partial_year"].any():
        raise dhs.PartialYearError(f"{dhs.CBP_KEY}: FY{year} is year-to-date, not a full fiscal year")
    return c.set_index("component")["value"].to_dict()


def monthly_mexicans() -> pd.Series:
    """Monthly Border Patrol encounters of Mexicans at the southwest border (encounters), all months."""
    m = dhs.usbp_monthly()
    m = m[(m["iso3"] == "MEX") & (m["region"] == dhs.SOUTHWEST)]
    return m.groupby("date")["value"].sum().asfreq("MS")


#: Optimiser settings of the structural trend model. Nelder-Mead with tight tolerances stops at the same
#: point (to ~1e-3 encounters a month at the last month) whichever BLAS kernel evaluates the likelihood;
#: the default L-BFGS stopped up to 0.4 encounters apart between OpenBLAS kernels (enough to move the
#: published lower bound between 19,114 and 19,115) and on one kernel reported no convergence.
#: Check with ``benchmarks/kernel_check.py`` under each ``OPENBLAS_CORETYPE``.
UC_FIT = {"method": "nm", "maxiter": 20000, "xtol": 1e-10, "ftol": 1e-12}


def fit_trend_model(y: pd.Series):
    """Structural time-series fit of a monthly log series (statsmodels ``UnobservedComponents``).

    Local linear trend + stochastic seasonal with three harmonics, exact diffuse initialisation (the
    approximate one starts the trend states at variance 1e6, and the smoothed level variance of the
    first years then comes from cancelling numbers of that size: negative on some CPUs), maximum
    likelihood with :data:`UC_FIT`. Raises :class:`northam.numerics.ConvergenceError` if the optimiser
    did not converge. ``y`` in log units; the result's states are in the same units.
    """
    from statsmodels.tsa.statespace.structural import UnobservedComponents

    model = UnobservedComponents(y, level="local linear trend", freq_seasonal=[{"period": 12, "harmonics": 3}],
                                 use_exact_diffuse=True)
    res = model.fit(disp=False, **UC_FIT)
    return numerics.require_converged(res, chapter=CHAPTER, series="log monthly encounters of Mexicans (UC)")


@memo(maxsize=1)
def decompose_encounters() -> pd.DataFrame:
    """Seasonal-trend decomposition of log monthly encounters of Mexicans (Border Patrol, SW border).

    STL (period 12, robust) splits log encounters into trend, seasonal and remainder. For the
    uncertainty of the trend, a structural time-series model (:func:`fit_trend_model`) is fitted to the
    same series; its smoothed level and 95% interval are returned in encounters per month (exp of the
    log level). The smoothed level variance (log points squared) is floored at zero where round-off
    makes it slightly negative (:func:`northam.numerics.floor_variance`; a clearly negative one raises),
    so the band has no NaN holes. Columns: observed, stl_trend, stl_seasonal (log points), uc_trend,
    uc_low, uc_high, uc_slope_pct (trend growth, percent per year).
    """
    from statsmodels.tsa.seasonal import STL

    s = monthly_mexicans()
    y = np.log(s)
    stl = STL(y, period=12, robust=True).fit()
    uc = fit_trend_model(y)
    what = f"{CHAPTER}: UC smoothed level variance, encounters of Mexicans"
    level, sd = uc.smoothed_state[0], np.sqrt(numerics.floor_variance(uc.smoothed_state_cov[0, 0], what=what))
    slope = uc.smoothed_state[1]
    out = pd.DataFrame({
        "observed": s, "stl_trend": np.exp(stl.trend), "stl_seasonal": stl.seasonal,
        "uc_trend": np.exp(level), "uc_low": np.exp(level - 1.96 * sd), "uc_high": np.exp(level + 1.96 * sd),
        "uc_slope_pct": (np.exp(slope * 12) - 1) * 100,
    }, index=s.index)
    numerics.require_finite(out.drop(columns="observed").to_numpy(), what=f"{CHAPTER}: encounters decomposition")
    return out


def seasonal_profile(periods=((2000, 2009), (2015, 2024))) -> pd.DataFrame:
    """Average STL seasonal factor by calendar month for two spans of fiscal years (percent vs trend)."""
    d = decompose_encounters()
    fy = d.index.year + (d.index.month >= 10)
    out = {}
    for a, b in periods:
        sub = d.loc[(fy >= a) & (fy <= b), "stl_seasonal"]
        out[f"FY{a}-FY{b}"] = (np.exp(sub.groupby(sub.index.month).mean()) - 1) * 100
    return pd.DataFrame(out).rename_axis("month")


# --------------------------------------------------------------------------------------------------
# 4. Asylum and refugees


def asylum_mexico_by_origin(top: int = 5) -> pd.DataFrame:
    """Asylum applications lodged in Mexico by origin, 2013-2024 (applications); top origins + Other.

    The top origins are the largest over the whole period. Source: UNHCR (COMAR data).
    """
    a = _applications()
    a = a[(a["iso3"] == "MEX") & a["year"].between(ASYLUM_FIRST_YEAR, ASYLUM_LAST_YEAR)]
    a = a.assign(origin=a["origin"].str.replace(r" \(.*\)$", "", regex=True))
    tot = a.groupby("origin")["value"].sum().sort_values(ascending=False)
    keep = list(tot.index[:top])
    a = a.assign(group=a["origin"].where(a["origin"].isin(keep), "Other"))
    wide = a.pivot_table(index="year", columns="group", values="value", aggfunc="sum").fillna(0.0)
    return wide[[*keep, "Other"]].rename_axis(None, axis=1)


def asylum_total(coa: str = "MEX") -> pd.Series:
    """Asylum applications lodged in a country, all origins, per year (applications)."""
    a = _applications()
    return a[a["iso3"] == coa].groupby("year")["value"].sum()


def refugees_hosted(first: int = 2000) -> pd.DataFrame:
    """Refugees plus asylum-seekers hosted at end-year by the US, Mexico and Canada (persons).

    Wide: year x (iso3). Source: UNHCR population statistics. Stops at ``ASYLUM_LAST_YEAR``.
    """
    p = _population()
    p = p[p["iso3"].isin(MEMBERS) & p["year"].between(first, ASYLUM_LAST_YEAR)]
    return p.pivot_table(index="year", columns="iso3", values="value", aggfunc="sum")[list(MEMBERS)]


# --------------------------------------------------------------------------------------------------
# 5. SEGOB


def segob_by_state(top: int = 8) -> pd.DataFrame:
    """Events of foreigners presented to the INM by state: the ``top`` states + Other, per year (events).

    Columns: year labels ("2019", "2020", "2021 (Jan-Jul)"); index: state. Top states by 2019-2021 total.
    """
    s = _segob()
    tot = s.groupby("state")["value"].sum().sort_values(ascending=False)
    keep = list(tot.index[:top])
    s = s.assign(group=s["state"].where(s["state"].isin(keep), "Other states"))
    label = {y: (f"{y} (Jan–{_month_abbr(int(m))})" if m < 12 else str(y))
             for y, m in s.groupby("year")["months"].max().items()}
    s = s.assign(period=s["year"].map(label))
    wide = s.pivot_table(index="group", columns="period", values="value", aggfunc="sum")
    return wide.loc[[*keep, "Other states"], [label[y] for y in sorted(label)]].rename_axis(None, axis=1)


def _month_abbr(m: int) -> str:
    return ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]


# --------------------------------------------------------------------------------------------------
# 6-7. Migrant stock and demography


def mexican_born_in_us() -> pd.Series:
    """Mexican-born people living in the US, 1990-2019 (persons; UN DESA migrant stock, mid-year)."""
    u = _stock()
    return u[(u["iso3"] == "USA") & (u["origin_iso3"] == "MEX")].set_index("year")["value"].sort_index()


def median_age() -> pd.DataFrame:
    """Median age of the US, Mexico and Canada, 1950-2021 (years). Wide: year x iso3."""
    m = owid.median_age()
    m = m[m["iso3"].isin(MEMBERS)]
    return m.pivot(index="year", columns="iso3", values="value")[list(MEMBERS)]


def age_structure() -> pd.DataFrame:
    """Shares of the population aged 0-14, 15-64 and 65+ in 2021 (percent), US, Mexico, Canada."""
    g = owid.population_by_age_group()
    g = g[g["iso3"].isin(MEMBERS)].pivot(index="iso3", columns="age_group", values="value")
    tot = g.sum(axis=1)
    out = pd.DataFrame({
        "0-14": (g["0-4 years"] + g["5-14 years"]) / tot * 100,
        "15-64": (g["15-24 years"] + g["25-64 years"]) / tot * 100,
        "65+": g["65+"] / tot * 100,
    })
    return out.loc[list(MEMBERS)]


def demography_table() -> pd.DataFrame:
    """Long table behind the demography chart: measure, iso3, year, value (years or percent)."""
    age = median_age().stack().rename("value").reset_index().assign(measure="median age (years)")
    sh = age_structure().stack().rename("value").reset_index().rename(columns={"level_1": "age_group"})
    sh = sh.assign(year=owid.AGE_GROUPS_YEAR, measure="share of population aged " + sh["age_group"] + " (%)")
    return pd.concat([age, sh.drop(columns="age_group")], ignore_index=True)[["measure", "iso3", "year", "value"]]


def title42_dates() -> tuple[pd.Timestamp, pd.Timestamp]:
    """Start and end of Title 42 expulsions as timestamps (for monthly charts)."""
    return tuple(pd.Timestamp(x) for x in TITLE42_DATES)


# --------------------------------------------------------------------------------------------------
# Numbers for the prose and the claims


def key_numbers() -> dict:
    """Numbers the chapter's prose quotes (glued), computed from the data. Keys are prefixed ``labor_``."""
    v = visas_mexico()
    idx = visa_index()
    h2 = h2_mexico()
    last_fy = int(v.index.max())
    enc = encounters_mexicans()
    enc_last = int(enc.index.max())
    enc_min_year = int(enc.loc[2010:, "mexico"].idxmin())
    dec = decompose_encounters()
    last_month = dec.index.max()
    prof = seasonal_profile()
    early, late = prof.columns
    asy = asylum_total("MEX")
    by_origin = asylum_mexico_by_origin()
    hosted = refugees_hosted()
    seg = _segob().groupby("year")["value"].sum()
    seg_state = segob_by_state(top=1)
    stock = mexican_born_in_us()
    age = median_age()
    shares = age_structure()
    cbp_last = cbp_by_component(enc_last)
    peak_fy = int(enc["mexico"].idxmax())
    n = {
        "labor_visa_last_fy": last_fy,
        "labor_h2a_2010": v.loc[2010, "H2A"],
        "labor_h2a_last": v.loc[last_fy, "H2A"],
        "labor_h2a_ratio": v.loc[last_fy, "H2A"] / v.loc[2010, "H2A"],
        "labor_h2b_2010": v.loc[2010, "H2B"],
        "labor_h2b_last": v.loc[last_fy, "H2B"],
        "labor_h2a_share_2010": h2.loc[2010, "mex_share_h2a_pct"],
        "labor_h2a_share_last": h2.loc[last_fy, "mex_share_h2a_pct"],
        "labor_tn_2023": v.loc[2023, "TN"],
        "labor_tn_last": v.loc[last_fy, "TN"],
        "labor_td_last": v.loc[last_fy, "TD"],
        "labor_tntd_last": v.loc[last_fy, "TN"] + v.loc[last_fy, "TD"],
        "labor_tn_index_2023": idx.loc[2023, "TN"],
        "labor_h1b_index_last": idx.loc[last_fy, "H1B"],
        "labor_enc_last_fy": enc_last,
        "labor_enc_first_fy": int(enc.index.min()),
        "labor_enc_2000": enc.loc[2000, "mexico"],
        "labor_enc_peak_fy": peak_fy,
        "labor_enc_min_fy": enc_min_year,
        "labor_enc_min": enc.loc[enc_min_year, "mexico"],
        "labor_enc_2022": enc.loc[2022, "mexico"],
        "labor_enc_last": enc.loc[enc_last, "mexico"],
        "labor_enc_share_2000": enc.loc[2000, "mex_share_pct"],
        "labor_enc_share_last": enc.loc[enc_last, "mex_share_pct"],
        "labor_enc_share_min": enc["mex_share_pct"].min(),
        "labor_enc_share_min_fy": int(enc["mex_share_pct"].idxmin()),
        "labor_cbp_mex_last": enc.loc[enc_last, "cbp_mexico"],
        "labor_cbp_ofo_last": cbp_last.get("Office of Field Operations", float("nan")),
        "labor_stl_last_month": last_month.strftime("%B %Y"),
        "labor_stl_trend_last": dec["uc_trend"].iloc[-1],
        "labor_stl_trend_low": dec["uc_low"].iloc[-1],
        "labor_stl_trend_high": dec["uc_high"].iloc[-1],
        "labor_stl_slope_last": dec["uc_slope_pct"].iloc[-1],
        "labor_stl_peak_early": prof[early].max(),
        "labor_stl_trough_early": -prof[early].min(),
        "labor_stl_peak_late": prof[late].max(),
        "labor_stl_trough_late": -prof[late].min(),
        "labor_stl_early_label": early,
        "labor_stl_late_label": late,
        "labor_asylum_2013": asy.loc[2013],
        "labor_asylum_2019": asy.loc[2019],
        "labor_asylum_2021": asy.loc[2021],
        "labor_asylum_2023": asy.loc[2023],
        "labor_asylum_last_year": ASYLUM_LAST_YEAR,
        "labor_asylum_last": asy.loc[ASYLUM_LAST_YEAR],
        "labor_asylum_top_origin": str(by_origin.columns[0]),
        "labor_asylum_top_origin_total": by_origin.iloc[:, 0].sum(),
        "labor_hosted_mex_last": hosted.loc[ASYLUM_LAST_YEAR, "MEX"],
        "labor_hosted_mex_2013": hosted.loc[2013, "MEX"],
        "labor_hosted_usa_last": hosted.loc[ASYLUM_LAST_YEAR, "USA"],
        "labor_hosted_can_last": hosted.loc[ASYLUM_LAST_YEAR, "CAN"],
        "labor_segob_2019": seg.loc[2019],
        "labor_segob_2020": seg.loc[2020],
        "labor_segob_2021_partial": seg.loc[2021],
        "labor_segob_top_state": str(seg_state.index[0]),
        "labor_segob_top_state_share_2019": seg_state.iloc[0, 0] / seg.loc[2019] * 100,
        "labor_stock_1990_m": stock.loc[1990] / 1e6,
        "labor_stock_2010_m": stock.loc[2010] / 1e6,
        "labor_stock_2019_m": stock.loc[2019] / 1e6,
        "labor_stock_peak_year": int(stock.idxmax()),
        "labor_median_mex_1950": age.loc[1950, "MEX"],
        "labor_median_mex_2021": age.loc[2021, "MEX"],
        "labor_median_usa_2021": age.loc[2021, "USA"],
        "labor_median_can_2021": age.loc[2021, "CAN"],
        "labor_wa_mex": shares.loc["MEX", "15-64"],
        "labor_wa_usa": shares.loc["USA", "15-64"],
        "labor_wa_can": shares.loc["CAN", "15-64"],
        "labor_old_mex": shares.loc["MEX", "65+"],
        "labor_old_usa": shares.loc["USA", "65+"],
        "labor_old_can": shares.loc["CAN", "65+"],
    }
    return {k: (float(x) if isinstance(x, (np.floating, np.integer)) and not isinstance(x, bool) else x)
            for k, x in n.items()}


def claims() -> list[Claim]:
    """Report figures on labor mobility, next to the open data."""
    v = visas_mexico()
    asy = asylum_total("MEX")
    stock = mexican_born_in_us()
    age = median_age()
    origin_2123 = asylum_mexico_by_origin(top=10).loc[2021:2023].sum()
    return [
        Claim(CHAPTER, "TN (USMCA) work visas issued to Mexicans in 2024: about 27,317", "NAP2025",
              "Labor mobility and talent attraction", 27317, v.loc[2024, "TN"], "visas issued",
              reason=f"The FY2024 sheet of the State Department's annual detail table gives {v.loc[2024, 'TN']:,.0f} "
                     f"TN visas, far below FY2023 ({v.loc[2023, 'TN']:,.0f}); the report's figure probably comes "
                     "from another State table (e.g. monthly issuance statistics). TN alone is the fair comparison.",
              basis="TN visas issued to Mexican nationals, FY2024, NIV detail table"),
        Claim(CHAPTER, "Same figure compared with TN plus TD (dependants' visas)", "NAP2025",
              "Labor mobility and talent attraction", 27317, v.loc[2024, "TN"] + v.loc[2024, "TD"],
              "visas issued",
              basis="TN + TD visas issued to Mexicans, FY2024, NIV detail table. TD visas go to spouses and "
                    "children of TN workers, so this near-match is likely a coincidence, not the report's measure"),
        Claim(CHAPTER, "COMAR received about 130,000 asylum applications in 2021", "WILSON2023", "Migration",
              130000, asy.loc[2021], "applications",
              basis="Asylum applications lodged in Mexico, all origins, 2021, UNHCR (from COMAR)"),
        *[Claim(CHAPTER, f"{label} have been among the largest groups of asylum seekers in Mexico since 2021: "
                f"about {rep:,}", "WILSON2023", "Migration", rep, origin_2123[name], "applications",
                reason="The report counts COMAR applications from January 2021 to August 2023; the data value "
                       "sums UNHCR's full years 2021-2023, so it includes September-December 2023.",
                basis=f"Asylum applications lodged in Mexico by nationals of {name}, 2021-2023, UNHCR")
          for label, name, rep in [("Haitians", "Haiti", 103000), ("Hondurans", "Honduras", 94000),
                                   ("Cubans", "Cuba", 37000)]],
        Claim(CHAPTER, "Mexico's median age is 29 years", "NAP2025", "Labor mobility and talent attraction", 29,
              age.loc[2021, "MEX"], "years", basis="Median age, Mexico, 2021, UN WPP 2022 via OWID"),
        Claim(CHAPTER, "About 11.7 million Mexican immigrants lived in the US in 2010", "WILSON2023", "Migration",
              11.7, stock.loc[2010] / 1e6, "million persons",
              reason="Different source: the report uses the American Community Survey (MPI tabulation); UN DESA "
                     "adjusts census and survey counts to mid-year estimates.",
              basis="Mexican-born migrant stock in the US, mid-2010, UN DESA 2019 revision"),
        Claim(CHAPTER, "About 10.7 million Mexican immigrants lived in the US in 2021", "WILSON2023", "Migration",
              10.7, None, "million persons",
              needed="ACS 2021 foreign-born by country of birth (table B05006) or a UN DESA revision with "
                     "2020 or later; the mirror's UN DESA file ends in 2019 "
                     f"({stock.loc[2019] / 1e6:.1f} million then)"),
    ]


def report_acs_points() -> pd.Series:
    """The reports' ACS-based figures for Mexican-born residents of the US (million), from :func:`claims`."""
    pts = {2010: None, 2021: None}
    for c in claims():
        if "Mexican immigrants lived in the US" in c.claim:
            pts[2010 if "2010" in c.claim else 2021] = c.reported
    return pd.Series(pts, name="reported_acs_million")

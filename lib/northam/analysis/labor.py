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
from ..numbers import number
from ..prose import and_list, direction, years_text
from ..sources import dhs, owid, segob, statedept, undesa, unhcr

CHAPTER = "labor"
VISA_CLASSES = ["TN", "TD", "H2A", "H2B", "H1B"]
VISA_LABELS = {"TN": "TN (USMCA professionals)", "TD": "TD (TN dependants)", "H2A": "H-2A (farm)",
               "H2B": "H-2B (non-farm seasonal)", "H1B": "H-1B (specialty)"}
#: Base of the visa index: the reports chart nonimmigrant visas to Mexicans as an index with 2010 = 100.
BASE_YEAR = 2010
#: Title 42 public-health expulsions: 20 March 2020 to 11 May 2023 (as decimal calendar years).
TITLE42_DATES = ("2020-03-20", "2023-05-11")
#: Title 42 expressed in fiscal years for annual charts: FY2020 starts Oct 2019, so March 2020 is FY2020.45.
TITLE42_FY = (2020 + 5.6 / 12, 2023 + 7.4 / 12)
ASYLUM_FIRST_YEAR = 2013  # the first year of the Wilson Center's chart of asylum applications to COMAR (2013-2023)
#: The years the Wilson Center compares asylum applications in ("130,000 in 2021, nearly twice as many as in 2019").
ASYLUM_REPORT_YEARS = (2019, 2021)
#: The span of the Wilson Center's Figure 3 (apprehensions by Mexican authorities), against which the years the
#: SEGOB files hold are set.
SEGOB_REPORT_YEARS = (2014, 2023)
#: Mexican states on the southern border and their neighbour, to place the state with the most events.
SOUTHERN_BORDER = {"Chiapas": "Guatemalan", "Tabasco": "Guatemalan", "Campeche": "Guatemalan",
                   "Quintana Roo": "Belizean"}
#: Length in fiscal years of each of the two spans whose seasonal profiles are compared (a decade).
SEASONAL_SPAN_YEARS = 10
ASYLUM_LAST_YEAR = 2024  # the package's 2025 rows may be mid-year figures: not compared with full years


# Each source table is read once per session (the loaders' Parquet cache makes the first read quick too).
_applications = memo(unhcr.asylum_applications)
_population = memo(unhcr.population)
_segob = memo(segob.monthly)
_stock = memo(undesa.migrant_stock)


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


def visa_levels_and_index(base: int = BASE_YEAR) -> pd.DataFrame:
    """Visas issued to Mexicans by class from ``base`` on: ``<class>_index`` (``base`` = 100) and ``<class>``
    (visas issued) columns, indexed by fiscal year. Source: State Dept NIV detail table."""
    return visa_index(base).add_suffix("_index").join(visas_mexico(base)).rename_axis("fiscal_year")


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


def encounters_mexicans(first: int | None = None) -> pd.DataFrame:
    """Border Patrol encounters at the southwest land border, per full fiscal year (encounters).

    Columns: mexico (Mexican nationals), all_sw (all nationalities), mex_share_pct, and cbp_mexico
    (CBP, Border Patrol plus ports of entry, Mexicans, FY2022 onward: a wider series; NaN before).
    Full fiscal years only (the partial last year of the DHS file is left out), from ``first`` (default: the
    file's first year).
    """
    last = dhs.latest_full_fiscal_year()
    a = dhs.usbp_annual(allow_partial=True)
    first = int(a["year"].min()) if first is None else first
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


#: The two files behind the monthly series, as the chart's table names them.
MONTHLY_SOURCES = {"dhs": "DHS OHSS", "cbp": "CBP"}
#: CBP's name for the Border Patrol rows of its southwest-border file.
CBP_USBP = "U.S. Border Patrol"
#: DHS OHSS rounds its counts to the nearest 10, so a month counted by both files can differ by up to 5
#: encounters; a larger gap on any month of the overlap means the two series are not the same count.
SPLICE_TOLERANCE = 5
#: The overlap must cover at least a year before the files are spliced.
SPLICE_MIN_OVERLAP = 12


class SpliceError(ValueError):
    """The DHS and CBP monthly Border Patrol series do not agree where both report a month."""


def dhs_monthly_mexicans() -> pd.Series:
    """Monthly Border Patrol encounters of Mexicans at the southwest border, DHS OHSS workbook (encounters,
    rounded to tens by DHS), every month the workbook holds."""
    m = dhs.usbp_monthly()
    m = m[(m["iso3"] == "MEX") & (m["region"] == dhs.SOUTHWEST)]
    return m.groupby("date")["value"].sum().asfreq("MS")


def cbp_usbp_monthly_mexicans() -> pd.Series:
    """Monthly Border Patrol encounters of Mexicans at the southwest border from CBP's file (encounters; the
    file's U.S. Border Patrol rows, all demographics and titles of authority), FY2022 on."""
    c = dhs.cbp_monthly()
    c = c[(c["citizenship"] == "Mexico") & (c["component"] == CBP_USBP)]
    return c.groupby("date")["value"].sum().asfreq("MS")


@memo(maxsize=1)
def monthly_mexicans_by_source() -> pd.DataFrame:
    """Monthly Border Patrol encounters of Mexicans at the southwest border (``value``, encounters) with the
    file each month comes from (``source``: :data:`MONTHLY_SOURCES`).

    The DHS OHSS workbook gives every month up to its release; CBP's file counts the same encounters from
    FY2022 and runs later, so its months after the DHS series ends are appended. Before that, every month
    both files hold is compared: a month differing by more than :data:`SPLICE_TOLERANCE` encounters (DHS's
    rounding), an overlap shorter than :data:`SPLICE_MIN_OVERLAP` months, or a gap in the result raises
    :class:`SpliceError`.
    """
    d, c = dhs_monthly_mexicans(), cbp_usbp_monthly_mexicans()
    both = d.dropna().index.intersection(c.dropna().index)
    if len(both) < SPLICE_MIN_OVERLAP:
        raise SpliceError(f"{CHAPTER}: the DHS and CBP monthly series share {len(both)} months; at least "
                          f"{SPLICE_MIN_OVERLAP} are needed to check them before splicing")
    gap = (d[both] - c[both]).abs()
    if gap.max() > SPLICE_TOLERANCE:
        worst = gap.idxmax()
        raise SpliceError(f"{CHAPTER}: DHS ({d[worst]:,.0f}) and CBP ({c[worst]:,.0f}) Border Patrol encounters "
                          f"of Mexicans differ by {gap[worst]:,.0f} in {worst:%B %Y}, more than DHS's rounding "
                          f"({SPLICE_TOLERANCE}): not the same series, not spliced")
    later = c[c.index > d.index.max()]
    out = pd.concat([pd.DataFrame({"value": d, "source": MONTHLY_SOURCES["dhs"]}),
                     pd.DataFrame({"value": later, "source": MONTHLY_SOURCES["cbp"]})]).asfreq("MS")
    if out["value"].isna().any():
        raise SpliceError(f"{CHAPTER}: monthly encounters of Mexicans have gaps: "
                          f"{[f'{t:%Y-%m}' for t in out.index[out['value'].isna()][:5]]}")
    return out.rename_axis("date")


def splice_check() -> dict:
    """The overlap of the DHS and CBP monthly series: first and last shared month, months shared, and the
    largest absolute difference on a month (encounters)."""
    d, c = dhs_monthly_mexicans(), cbp_usbp_monthly_mexicans()
    both = d.dropna().index.intersection(c.dropna().index)
    return {"first": both.min(), "last": both.max(), "months": len(both),
            "max_abs_diff": float((d[both] - c[both]).abs().max())}


def monthly_mexicans() -> pd.Series:
    """Monthly Border Patrol encounters of Mexicans at the southwest border (encounters), all months: the DHS
    series with CBP's later months appended (:func:`monthly_mexicans_by_source`)."""
    return monthly_mexicans_by_source()["value"].rename(None)


#: Optimiser settings of the structural trend model. Nelder-Mead with tight tolerances stops at the same
#: point (to ~1e-3 encounters a month at the last month) whichever BLAS kernel evaluates the likelihood;
#: the default L-BFGS stopped up to 0.4 encounters apart between OpenBLAS kernels (enough to move the
#: published lower bound between 19,114 and 19,115) and on one kernel reported no convergence.
#: Check with ``benchmarks/kernel_check.py`` under each ``OPENBLAS_CORETYPE``.
UC_FIT = {"method": "nm", "maxiter": 20000, "xtol": 1e-10, "ftol": 1e-12}
#: Decimals of the published slope of the structural trend (percent a year). It crosses zero, so four significant
#: digits would keep kernel noise near zero; a tenth of a point is far finer than the slope's own uncertainty.
SLOPE_DECIMALS = 1


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
    log level). The series is :func:`monthly_mexicans_by_source` (``source`` names each month's file). The
    smoothed level variance (log points squared) is floored at zero where round-off
    makes it slightly negative (:func:`northam.numerics.floor_variance`; a clearly negative one raises),
    so the band has no NaN holes. Columns: observed, stl_trend, stl_seasonal (log points), uc_trend,
    uc_low, uc_high, uc_slope_pct (the model's smoothed slope of the trend, percent per year), source.
    """
    from statsmodels.tsa.seasonal import STL

    src = monthly_mexicans_by_source()
    s = src["value"]
    y = np.log(s)
    stl = STL(y, period=12, robust=True).fit()
    uc = fit_trend_model(y)
    what = f"{CHAPTER}: UC smoothed level variance, encounters of Mexicans"
    level, sd = uc.smoothed_state[0], np.sqrt(numerics.floor_variance(uc.smoothed_state_cov[0, 0], what=what))
    slope = uc.smoothed_state[1]
    out = pd.DataFrame({
        "observed": s, "stl_trend": np.exp(stl.trend), "stl_seasonal": stl.seasonal,
        "uc_trend": np.exp(level), "uc_low": np.exp(level - 1.96 * sd), "uc_high": np.exp(level + 1.96 * sd),
        "uc_slope_pct": (np.exp(slope * 12) - 1) * 100, "source": src["source"],
    }, index=s.index)
    numerics.require_finite(out.drop(columns=["observed", "source"]).to_numpy(dtype=float),
                            what=f"{CHAPTER}: encounters decomposition")
    # STL is a fixed computation: ten digits agree under every kernel. The structural model is fitted by maximum
    # likelihood, and the optimiser stops a little apart under different kernels (its level and band differed by
    # up to 8e-8 relative between Haswell, SandyBridge and Prescott): four digits, far more than its 95% band
    # (about +/-15%) can claim. The slope passes through zero, where significant digits are too fine for it: its
    # kernel noise is absolute (under 1e-4 points a year), so it is rounded to a tenth of a percentage point (+ 0.0
    # turns a rounded -0.0 into 0.0).
    out = numerics.fit_digits(out, ["stl_trend", "stl_seasonal"])
    out = numerics.fit_digits(out, ["uc_trend", "uc_low", "uc_high"], digits=4)
    return out.assign(uc_slope_pct=out["uc_slope_pct"].round(SLOPE_DECIMALS) + 0.0)


def full_fiscal_years(index: pd.DatetimeIndex) -> list[int]:
    """Fiscal years with all twelve months in a monthly ``index``."""
    fy = pd.Series(index.year + (index.month >= 10), index=index)
    n = fy.groupby(fy).size()
    return [int(y) for y in n.index[n == 12]]


def seasonal_spans(index: pd.DatetimeIndex, years: int = SEASONAL_SPAN_YEARS) -> tuple[tuple[int, int], tuple[int, int]]:
    """The first and the last ``years`` full fiscal years of a monthly ``index`` (two spans, each (first,
    last) fiscal year)."""
    full = full_fiscal_years(index)
    return (full[0], full[0] + years - 1), (full[-1] - years + 1, full[-1])


def seasonal_profile(periods=None) -> pd.DataFrame:
    """Average STL seasonal factor by calendar month for two spans of fiscal years (percent vs trend).
    ``periods``: (first, last) fiscal-year pairs; default :func:`seasonal_spans` of the monthly series."""
    d = decompose_encounters()
    fy = d.index.year + (d.index.month >= 10)
    periods = seasonal_spans(d.index) if periods is None else periods
    out = {}
    for a, b in periods:
        sub = d.loc[(fy >= a) & (fy <= b), "stl_seasonal"]
        out[f"FY{a}-FY{b}"] = (np.exp(sub.groupby(sub.index.month).mean()) - 1) * 100
    return pd.DataFrame(out).rename_axis("month")


def encounters_seasonality() -> pd.DataFrame:
    """The two panels of the seasonality chart in one long table: the monthly decomposition
    (:func:`decompose_encounters`, encounters per month; ``panel`` = "monthly", ``date`` set) and the
    seasonal profile (:func:`seasonal_profile`, percent vs trend by calendar ``month`` and ``span``)."""
    d = decompose_encounters().rename_axis("date").reset_index().assign(panel="monthly")
    prof = seasonal_profile().reset_index().melt(id_vars="month", var_name="span", value_name="seasonal_pct")
    return pd.concat([d, prof.assign(panel="seasonal profile")], ignore_index=True)


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


def asylum_and_hosted(first_hosted: int = BASE_YEAR) -> pd.DataFrame:
    """Asylum applications lodged in Mexico by origin (``apps_mex_<origin>``, applications) and refugees
    plus asylum-seekers hosted by each country (``hosted_<iso3>``, persons, from ``first_hosted``: by default
    the base year of the chapter's visa charts), by year. Source: UNHCR."""
    org = asylum_mexico_by_origin().add_prefix("apps_mex_")
    return org.join(refugees_hosted(first_hosted).add_prefix("hosted_"), how="outer").rename_axis("year")


# --------------------------------------------------------------------------------------------------
# 5. SEGOB


def segob_annual() -> pd.DataFrame:
    """Events of foreigners presented to the INM by state and year (events): state, year, value, months
    (months with data), partial (True when fewer than 12: 2021). Source: SEGOB/UPM, monthly by state."""
    df = _segob()
    out = df.groupby(["state", "year"], as_index=False).agg(value=("value", "sum"), months=("month", "nunique"))
    out["partial"] = out["months"] < 12
    return out


def segob_per_day_latest() -> dict:
    """Events of foreigners presented to the INM per day in the last year of the SEGOB files, over the months
    that year has data: year, months (1..n), events, days, per_day."""
    df = _segob()
    year = int(df["year"].max())
    months = sorted(int(m) for m in df.loc[df["year"] == year, "month"].unique())
    events = float(df.loc[df["year"] == year, "value"].sum())
    days = sum(pd.Period(f"{year}-{m:02d}").days_in_month for m in months)
    return {"year": year, "months": months, "events": events, "days": days, "per_day": events / days}


def segob_by_state(top: int = 8) -> pd.DataFrame:
    """Events of foreigners presented to the INM by state: the ``top`` states + Other, per year (events).

    Columns: year labels ("2019", "2020", "2021 (Jan-Jul)"); index: state. Top states by 2019-2021 total.
    """
    s = segob_annual()
    tot = s.groupby("state")["value"].sum().sort_values(ascending=False)
    keep = list(tot.index[:top])
    s = s.assign(group=s["state"].where(s["state"].isin(keep), "Other states"))
    label = {y: (f"{y} (Jan–{_month_abbr(int(m))})" if m < 12 else str(y))
             for y, m in s.groupby("year")["months"].max().items()}
    s = s.assign(period=s["year"].map(label))
    wide = s.pivot_table(index="group", columns="period", values="value", aggfunc="sum")
    return wide.loc[[*keep, "Other states"], [label[y] for y in sorted(label)]].rename_axis(None, axis=1)


def _month_name(m: int) -> str:
    """Full name of calendar month ``m`` (1-12)."""
    import calendar

    return calendar.month_name[int(m)]


def _month_abbr(m: int) -> str:
    return ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]


# --------------------------------------------------------------------------------------------------
# 6-7. Migrant stock and demography


def mexican_born_table() -> pd.DataFrame:
    """Mexican-born people living in the US, million persons, by year: UN DESA's migrant stock
    (``undesa_million``) and the reports' ACS-based figures (``reported_acs_million``)."""
    stock = (mexican_born_in_us() / 1e6).rename("undesa_million").to_frame()
    return stock.join(report_acs_points(), how="outer").rename_axis("year")


def mexican_born_in_us() -> pd.Series:
    """Mexican-born people living in the US, 1990-2019 (persons; UN DESA migrant stock, mid-year)."""
    u = _stock()
    return u[(u["iso3"] == "USA") & (u["origin_iso3"] == "MEX")].set_index("year")["value"].sort_index()


def immigrant_stock(iso3: str) -> pd.Series:
    """International migrants living in ``iso3`` (USA, MEX or CAN), 1990-2019, persons: UN DESA's mid-year
    migrant stock summed over every country of origin the file lists (the cleaned matrix has no column of
    unknown origin, so the sum can fall short of UN DESA's published total)."""
    u = _stock()
    u = u[(u["iso3"] == iso3) & (u["origin"] != u["destination"])]
    return u.groupby("year")["value"].sum(min_count=1).sort_index()


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


def _visa_numbers() -> dict:
    """Visas issued to Mexicans (visas issued, :data:`BASE_YEAR` = 100 index, Mexico's share of H-2A in percent),
    the fiscal years the NIV detail table covers, and the words for the changes since the base year."""
    v, idx, h2 = visas_mexico(), visa_index(), h2_mexico()
    base, last = BASE_YEAR, int(v.index.max())
    tn_peak = int(v["TN"].idxmax())
    return {
        "base_fy": base, "niv_first_fy": int(statedept.niv()["year"].min()), "visa_last_fy": last,
        "h2a_base": v.loc[base, "H2A"], "h2a_last": v.loc[last, "H2A"],
        "h2a_ratio": v.loc[last, "H2A"] / v.loc[base, "H2A"],
        "h2a_change": direction(v.loc[last, "H2A"], v.loc[base, "H2A"]),
        "h2b_base": v.loc[base, "H2B"], "h2b_last": v.loc[last, "H2B"],
        "h2a_share_base": h2.loc[base, "mex_share_h2a_pct"], "h2a_share_last": h2.loc[last, "mex_share_h2a_pct"],
        "tn_peak_fy": tn_peak, "tn_peak": v.loc[tn_peak, "TN"], "tn_index_peak": idx.loc[tn_peak, "TN"],
        "tn_last": v.loc[last, "TN"], "td_last": v.loc[last, "TD"],
        "tntd_last": v.loc[last, "TN"] + v.loc[last, "TD"],
        "tn_fall_from_peak_pct": (1 - v.loc[last, "TN"] / v.loc[tn_peak, "TN"]) * 100,
        "h1b_index_last": idx.loc[last, "H1B"],
        "h1b_vs_base": direction(idx.loc[last, "H1B"], 100, up="above", down="below", level="at"),
    }


def title42_fiscal_years() -> list[int]:
    """The fiscal years Title 42 was in force in (whole or part)."""
    return list(range(int(TITLE42_FY[0]), int(TITLE42_FY[1]) + 1))


def _encounter_numbers() -> dict:
    """Border Patrol (and CBP) encounters of Mexicans at the southwest border per fiscal year (encounters)
    and Mexicans' share of all encounters there (percent); the low, and the high under Title 42. Source:
    DHS OHSS, CBP."""
    enc = encounters_mexicans()
    first, last = int(enc.index.min()), int(enc.index.max())
    low = int(enc["mexico"].idxmin())
    t42 = enc.loc[enc.index.isin(title42_fiscal_years()), "mexico"]
    return {
        "enc_last_fy": last, "enc_first_fy": first, "enc_first": enc.loc[first, "mexico"],
        "enc_peak_fy": int(enc["mexico"].idxmax()), "enc_min_fy": low, "enc_min": enc.loc[low, "mexico"],
        "enc_t42_peak_fy": int(t42.idxmax()), "enc_t42_peak": t42.max(), "enc_last": enc.loc[last, "mexico"],
        "enc_share_first": enc.loc[first, "mex_share_pct"], "enc_share_last": enc.loc[last, "mex_share_pct"],
        "enc_share_change": direction(enc.loc[last, "mex_share_pct"], enc.loc[first, "mex_share_pct"]),
        "enc_share_min": enc["mex_share_pct"].min(), "enc_share_min_fy": int(enc["mex_share_pct"].idxmin()),
        "cbp_first_fy": int(enc["cbp_mexico"].first_valid_index()),
        "cbp_mex_last": enc.loc[last, "cbp_mexico"],
        "cbp_ofo_last": cbp_by_component(last).get("Office of Field Operations", float("nan")),
    }


def _stl_numbers() -> dict:
    """Monthly encounters of Mexicans: the splice of the DHS and CBP files (months, encounters), the model's
    trend at the last month and twelve months before (encounters a month; change in percent), the seasonal
    peak and trough (calendar month; percent above or below trend) in two spans of fiscal years, and the
    months either side of the end of Title 42 (encounters)."""
    dec = decompose_encounters()
    prof = seasonal_profile()
    early, late = prof.columns
    last = dec.index.max()
    before = last - pd.DateOffset(years=1)
    cbp = dec.loc[dec["source"] == MONTHLY_SOURCES["cbp"], "observed"]
    if cbp.empty:
        raise ValueError(f"{CHAPTER}: no CBP month follows the DHS series; the page describes a splice")
    low = cbp.idxmin()
    chk = splice_check()
    dhs_last = dec.loc[dec["source"] == MONTHLY_SOURCES["dhs"], "observed"].iloc[-1]
    amplitude = {span: prof[span].max() - prof[span].min() for span in (early, late)}
    t42_end = title42_dates()[1].to_period("M").to_timestamp()
    t42_before, t42_after = t42_end - pd.DateOffset(months=1), t42_end + pd.DateOffset(months=1)
    obs = dec["observed"]
    return {
        "stl_last_month": last.strftime("%B %Y"),
        "stl_trend_last": dec["uc_trend"].iloc[-1], "stl_trend_low": dec["uc_low"].iloc[-1],
        "stl_trend_high": dec["uc_high"].iloc[-1],
        "stl_year_before_month": before.strftime("%B %Y"), "stl_trend_year_before": dec.loc[before, "uc_trend"],
        "stl_trend_change_12m_pct": (dec["uc_trend"].iloc[-1] / dec.loc[before, "uc_trend"] - 1) * 100,
        "monthly_dhs_last_month": dec.index[dec["source"] == MONTHLY_SOURCES["dhs"]].max().strftime("%B %Y"),
        "monthly_dhs_last": dhs_last,
        "monthly_cbp_first_month": cbp.index[0].strftime("%B %Y"), "monthly_cbp_first": cbp.iloc[0],
        "monthly_splice_change": direction(cbp.iloc[0], dhs_last),
        "monthly_cbp_low_month": low.strftime("%B %Y"), "monthly_cbp_low": cbp[low],
        "monthly_cbp_last": cbp.iloc[-1], "monthly_cbp_months": len(cbp),
        "splice_first_month": chk["first"].strftime("%B %Y"), "splice_last_month": chk["last"].strftime("%B %Y"),
        "splice_months": chk["months"], "splice_max_diff": chk["max_abs_diff"],
        "stl_peak_month_early": _month_name(prof[early].idxmax()),
        "stl_trough_month_early": _month_name(prof[early].idxmin()),
        "stl_peak_month_late": _month_name(prof[late].idxmax()),
        "stl_trough_month_late": _month_name(prof[late].idxmin()),
        "stl_peak_early": prof[early].max(), "stl_trough_early": -prof[early].min(),
        "stl_peak_late": prof[late].max(), "stl_trough_late": -prof[late].min(),
        "stl_early_label": early, "stl_late_label": late,
        # peak-to-trough range of the seasonal profile, later span against the earlier one
        "stl_season_change": direction(amplitude[late], amplitude[early], up="grown", down="flattened",
                                       level="kept its size"),
        "t42_end_month": t42_end.strftime("%B %Y"),
        "t42_before_month": t42_before.strftime("%B %Y"), "t42_before": obs[t42_before],
        "t42_after_month": t42_after.strftime("%B %Y"), "t42_after": obs[t42_after],
        "t42_change_noun": direction(obs[t42_after], obs[t42_before], up="rise", down="fall", level="pause"),
    }


def _asylum_numbers() -> dict:
    """Asylum applications lodged in Mexico (applications) and refugees plus asylum-seekers hosted at
    year end (persons), :data:`ASYLUM_FIRST_YEAR` to :data:`ASYLUM_LAST_YEAR`; the years of the package left
    out. Source: UNHCR (COMAR data for Mexico)."""
    asy, by_origin, hosted = asylum_total("MEX"), asylum_mexico_by_origin(), refugees_hosted()
    first, last = ASYLUM_FIRST_YEAR, ASYLUM_LAST_YEAR
    span = asy.loc[first:last]
    peak = int(span.idxmax())
    return {
        "asylum_first_year": first, "asylum_first": asy.loc[first],
        **{f"asylum_{y}": asy.loc[y] for y in ASYLUM_REPORT_YEARS},
        "asylum_peak_year": peak, "asylum_peak": asy.loc[peak],
        "asylum_last_year": last, "asylum_last": asy.loc[last],
        "asylum_last_change": direction(asy.loc[last], asy.loc[peak], level="stayed"),
        "asylum_after_peak": ("" if last == peak else f", then {direction(asy.loc[last], asy.loc[peak])} to "
                              f"{number(asy.loc[last])} in {last}"),
        "asylum_dropped_years": years_text(y for y in _applications()["year"].unique() if y > last),
        "asylum_top_origin": str(by_origin.columns[0]), "asylum_top_origin_total": by_origin.iloc[:, 0].sum(),
        "hosted_mex_last": hosted.loc[last, "MEX"], "hosted_mex_first": hosted.loc[first, "MEX"],
        "hosted_usa_last": hosted.loc[last, "USA"], "hosted_can_last": hosted.loc[last, "CAN"],
    }


def segob_periods() -> dict[int, str]:
    """Each year of the SEGOB files and how it reads in prose: "2019", or "January–July 2021" for a year
    held in part."""
    months = segob_annual().groupby("year")["months"].max()
    return {int(y): (str(y) if m == 12 else f"January–{_month_name(int(m))} {y}") for y, m in months.items()}


def _segob_numbers() -> dict:
    """Events of foreigners presented to Mexico's migration authority per year (events), the years the files
    hold (and those of the Wilson Center's Figure 3 they miss), and the top state's share of the first year's
    total (percent). Source: SEGOB/UPM."""
    seg = segob_annual().groupby("year")["value"].sum()
    periods = segob_periods()
    top = segob_by_state(top=1)
    first = int(seg.index.min())
    name = str(top.index[0])
    where = SOUTHERN_BORDER.get(name)
    lo, hi = SEGOB_REPORT_YEARS
    return {"segob_first": seg.loc[first], "segob_first_year": first,
            "segob_coverage": and_list(list(periods.values())),
            "segob_events_by_year": and_list([f"{seg.loc[y]:,.0f} in {p}" for y, p in periods.items()]),
            "segob_missing_years": years_text(y for y in range(lo, hi + 1) if y not in periods),
            "segob_top_state": name,
            "segob_top_state_placed": f"{name}, on the {where} border," if where else name,
            "segob_top_state_share_first": top.iloc[0, 0] / seg.loc[first] * 100}


def _population_numbers() -> dict:
    """Mexican-born people in the US (million, UN DESA: first year, peak, last year), median age (years, first
    and last year of the file) and age shares (percent) in the year of the age groups (UN WPP 2022 via OWID)."""
    stock, age, shares = mexican_born_in_us(), median_age(), age_structure()
    s_first, s_peak, s_last = int(stock.index.min()), int(stock.idxmax()), int(stock.index.max())
    a_first, a_last = int(age.index.min()), int(age.index.max())
    wa = shares["15-64"]
    return {
        "stock_first_year": s_first, "stock_first_m": stock.loc[s_first] / 1e6,
        "stock_peak_year": s_peak, "stock_peak_m": stock.loc[s_peak] / 1e6,
        "stock_last_year": s_last, "stock_last_m": stock.loc[s_last] / 1e6,
        "median_first_year": a_first, "median_last_year": a_last,
        "median_mex_first": age.loc[a_first, "MEX"],
        "median_mex_change": direction(age.loc[a_last, "MEX"], age.loc[a_first, "MEX"]),
        **{f"median_{iso.lower()}_last": age.loc[a_last, iso] for iso in ("MEX", "USA", "CAN")},
        "age_groups_year": int(owid.AGE_GROUPS_YEAR),
        **{f"wa_{iso.lower()}": wa[iso] for iso in ("MEX", "USA", "CAN")},
        "wa_spread": wa.max() - wa.min(),
        **{f"young_{iso.lower()}": shares.loc[iso, "0-14"] for iso in ("MEX", "USA", "CAN")},
        **{f"old_{iso.lower()}": shares.loc[iso, "65+"] for iso in ("MEX", "USA", "CAN")},
    }


def key_numbers() -> dict:
    """Numbers the chapter's prose quotes (glued), computed from the data. Keys are prefixed ``labor_``;
    units in each part's docstring."""
    n = {**_visa_numbers(), **_encounter_numbers(), **_stl_numbers(), **_asylum_numbers(), **_segob_numbers(),
         **_population_numbers()}
    return {f"labor_{k}": (float(x) if isinstance(x, (np.floating, np.integer)) and not isinstance(x, bool) else x)
            for k, x in n.items()}


def claims() -> list[Claim]:
    """Report figures on labor mobility, migration and asylum, next to the open data."""
    return [*_claims_nap_work_visas(), *_claims_nap_students_talent(), *_claims_emigration_return(),
            *_claims_mexicans_in_us(), *_claims_transit_migration(), *_claims_immigration_asylum(),
            *_claims_asylum_origins_comar()]


def _claims_nap_work_visas() -> list[Claim]:
    """NAP2025 North America in data, labor mobility: TN, SAWP and H-2B work visas."""
    v = visas_mexico()
    tn_peak = int(v["TN"].idxmax())
    goal5 = "North America in data, numbers and facts: labor mobility and talent attraction"
    return [
        Claim(CHAPTER, "TN (USMCA) work visas issued to Mexicans in 2024: about 27,317", "NAP2025", goal5, 27317,
              v.loc[2024, "TN"], "visas issued",
              quote="The number of temporary work visas (Trade NAFTA/USMCA) for the United States issued to "
                    "Mexicans was approximately 27,317 in 2024",
              reason=f"The FY2024 sheet of the State Department's annual detail table gives {v.loc[2024, 'TN']:,.0f} "
                     f"TN visas, far below FY{tn_peak} ({v.loc[tn_peak, 'TN']:,.0f}); the report's figure probably comes "
                     "from another State table (e.g. monthly issuance statistics). TN and TD (the visa of TN "
                     f"workers' spouses and children) together give {v.loc[2024, 'TN'] + v.loc[2024, 'TD']:,.0f}, "
                     "close to the report's figure, but TD visas are not work visas: a likely coincidence, not "
                     "the report's measure.",
              basis="TN visas issued to Mexican nationals, FY2024, NIV detail table"),
        Claim(CHAPTER, "Canada's Seasonal Agricultural Worker Program has a limit of 30,000 visas a year for Mexico",
              "NAP2025", goal5, 30000, None, "visas", kind="count",
              needed="Employment and Social Development Canada SAWP statistics (the programme has no published "
                     "cap; work permits issued to Mexicans under SAWP would show the scale)"),
        Claim(CHAPTER, "The US grants 66,000 H-2B visas per fiscal year", "NAP2025", goal5, 66000, None, "visas",
              kind="count", needed="The statutory cap (INA 214(g)) and USCIS cap counts; issuances by the State "
                                   "Department (in the mirror) are not the cap"),
        Claim(CHAPTER, "An additional 64,716 H-2B visas were added for 2025", "NAP2025", goal5, 64716, None,
              "visas", kind="count", needed="DHS temporary final rule for FY2025 supplemental H-2B visas"),
    ]


def _claims_nap_students_talent() -> list[Claim]:
    """NAP2025 labor mobility and talent attraction: students, OECD talent ranks, median age."""
    age = median_age()
    last = int(age.index.max())  # the report states no year for its median age: the file's latest is used
    goal5 = "North America in data, numbers and facts: labor mobility and talent attraction"
    unesco = "UNESCO UIS outbound internationally mobile students by host country"
    oecd = "OECD Indicators of Talent Attractiveness 2023 (rankings by category); not in the mirror"
    return [
        *[Claim(CHAPTER, f"{who} ranks {r} among destinations of Mexican students (2022, UNESCO)", "NAP2025",
                goal5, r, None, "rank", needed=unesco)
          for who, r in [("Canada", 1), ("The United States", 2), ("Spain", 3)]],
        Claim(CHAPTER, "The United States is the first destination of Canadian students (2022)", "NAP2025", goal5,
              1, None, "rank", needed="Canadian Bureau for International Education / UNESCO UIS outbound students"),
        Claim(CHAPTER, "Mexico is not among the ten first destinations of Canadian students", "NAP2025", goal5, 10,
              None, "rank", comparison="over", needed=unesco),
        Claim(CHAPTER, "Mexico was the 11th destination of US exchange students in 2022", "NAP2025", goal5, 11,
              None, "rank", needed="IIE Open Doors, US study abroad by destination"),
        Claim(CHAPTER, "Mexico fell one position in 2023 (12th)", "NAP2025", goal5, 12, None, "rank",
              needed="IIE Open Doors, US study abroad by destination"),
        *[Claim(CHAPTER, f"OECD talent attractiveness, {cat}: {who} ranks {r}", "NAP2025", goal5, r, None, "rank",
                needed=oecd)
          for cat, who, r in [("international entrepreneurs", "Canada", 3),
                              ("international entrepreneurs", "the United States", 8),
                              ("international entrepreneurs", "Mexico", 36),
                              ("potential startup founders", "Canada", 1),
                              ("potential startup founders", "the United States", 2),
                              ("university students", "the United States", 1),
                              ("university students", "Canada", 6),
                              ("university students", "Mexico", 35)]],
        Claim(CHAPTER, "Mexico's median age is 29 years", "NAP2025",
              "Goal 5, Unlocking North America's potential", 29, age.loc[last, "MEX"], "years",
              basis=f"Median age, Mexico, {last}, UN WPP 2022 via OWID"),
    ]


def _claims_emigration_return() -> list[Claim]:
    """WILSON2023 Migration: Mexican emigration and return migration (H-2 rank, repatriation)."""
    last = int(statedept.niv()["year"].max())
    h2_rank = _h2_rank("Mexico", last)
    mig = "Migration"
    return [
        Claim(CHAPTER, "No other nationality receives as many H-2 visas as Mexico", "WILSON2023",
              f"{mig}: Mexican emigration and return migration", 1, h2_rank, "rank",
              basis=f"Rank of Mexico by H-2A + H-2B visas issued, FY{last} (the table's latest year), among "
                    "nationalities (NIV detail table)"),
        Claim(CHAPTER, "US authorities have repatriated about 210,000 Mexican migrants a year since 2014",
              "WILSON2023", f"{mig}: Mexican emigration and return migration", 210000, None, "persons a year",
              kind="count", needed="SEGOB/UPM statistics of repatriated Mexicans (eventos de repatriación); the "
                                   "mirror's SEGOB files count foreigners presented to the INM"),
        Claim(CHAPTER, "Repatriations go through 12 established ports along the border", "WILSON2023",
              f"{mig}: Mexican emigration and return migration", 12, None, "ports", kind="count",
              needed="SEGOB/INM list of repatriation points (Programa de Repatriación)"),
    ]


def _claims_mexicans_in_us() -> list[Claim]:
    """WILSON2023 Migration: Mexican immigrants in the United States (stock, status, DACA)."""
    stock = mexican_born_in_us()
    us_all = immigrant_stock("USA")
    last = int(stock.index.max())
    mig = "Migration"
    return [
        Claim(CHAPTER, "About 11.7 million Mexican immigrants lived in the US in 2010", "WILSON2023", mig,
              11.7, stock.loc[2010] / 1e6, "million persons",
              reason="Different compiler: the report uses the American Community Survey (MPI tabulation); UN "
                     "DESA adjusts census and survey counts to mid-year estimates.",
              basis="Mexican-born migrant stock in the US, mid-2010, UN DESA 2019 revision"),
        Claim(CHAPTER, "About 10.7 million Mexican immigrants lived in the US in 2021", "WILSON2023", mig,
              10.7, stock.loc[last] / 1e6, "million persons", measure="other",
              reason=f"Other period and compiler: the mirror's UN DESA file ends in {last} (mid-year); the "
                     "report's 2021 figure is from the American Community Survey, which no file in the mirror "
                     "holds.",
              basis=f"Mexican-born migrant stock in the US, mid-{last}, UN DESA 2019 revision"),
        Claim(CHAPTER, "45.3 million immigrants lived in the United States (2021)", "WILSON2023", mig, 45.3,
              us_all.loc[last] / 1e6, "million persons", measure="other",
              reason=f"Other period and compiler: UN DESA's mid-{last} migrant stock (the mirror's file ends in "
                     f"{last}), summed over the origins the file lists; the report's 2021 figure is the American "
                     "Community Survey's foreign-born population.",
              basis=f"International migrants living in the US, mid-{last}, all listed origins, UN DESA 2019 "
                    "revision"),
        Claim(CHAPTER, "Mexicans stopped being the top country of new migration flows in 2013", "WILSON2023", mig,
              2013, None, "year", needed="ACS recent arrivals by country of birth"),
        Claim(CHAPTER, "About 5.2 million Mexican immigrants live in the US without legal status", "WILSON2023",
              mig, 5.2, None, "million persons", needed="MPI/DHS estimates of the unauthorized population"),
        Claim(CHAPTER, "About 468,000 Mexicans are DACA beneficiaries", "WILSON2023", mig, 468000, None, "persons",
              kind="count", needed="USCIS DACA recipients by country of birth"),
    ]


def _claims_transit_migration() -> list[Claim]:
    """WILSON2023 Migration: transit migration (INM detention, apprehensions, troops)."""
    mig = "Migration"
    inm = "INM/SEGOB operational figures (detention centres, capacity, daily apprehensions); not open data"
    seg = segob_per_day_latest()
    month_name = pd.Timestamp(year=seg["year"], month=seg["months"][-1], day=1).strftime("%B")
    return [
        Claim(CHAPTER, "INM has 50 detention centres with capacity for about 6,000 migrants", "WILSON2023",
              f"{mig}: transit migration", 6000, None, "places", kind="count", needed=inm),
        Claim(CHAPTER, "A fire killed 39 migrants in the Ciudad Juárez detention centre", "WILSON2023",
              f"{mig}: transit migration", 39, None, "deaths", kind="count", needed=inm),
        Claim(CHAPTER, "INM closed 33 centres and operates 17", "WILSON2023", f"{mig}: transit migration", 17, None,
              "centres", kind="count", report_inputs={"centres": 50, "closed": 33}, arithmetic="difference",
              needed=inm),
        Claim(CHAPTER, "The 17 centres hold nearly 4,800 migrants", "WILSON2023", f"{mig}: transit migration",
              4800, None, "places", kind="count", comparison="nearly", needed=inm),
        Claim(CHAPTER, "INM apprehends about 1,500 migrants a day in 2023", "WILSON2023",
              f"{mig}: transit migration", 1500, seg["per_day"], "per day", measure="other",
              reason=f"Other period: the mirror's SEGOB/UPM files end in {month_name} {seg['year']}; the value is "
                     f"the daily average of events of foreigners presented to the INM from January to "
                     f"{month_name} {seg['year']} (events count a person each time), not 2023.",
              basis=f"SEGOB/UPM events presented to the INM, January-{month_name} {seg['year']}: "
                    f"{seg['events']:,.0f} events / {seg['days']} days"),
        Claim(CHAPTER, "The National Guard inspects at 90 interior checkpoints", "WILSON2023",
              f"{mig}: transit migration", 90, None, "checkpoints", kind="count", needed=inm),
        Claim(CHAPTER, "About 34,000 National Guard and military troops deployed (September 2023)", "WILSON2023",
              f"{mig}: transit migration", 34000, None, "troops", kind="count",
              needed="SSPC security report (Informe de Seguridad); not open data"),
        Claim(CHAPTER, "Since 2022, Guatemalans, Hondurans and Salvadorans are less than half of INM apprehensions",
              "WILSON2023", f"{mig}: transit migration", 50, None, "%", comparison="under",
              needed="SEGOB/UPM foreigners presented to the INM by nationality, 2022-2023 (the mirror's files "
                     "cover 2019-2021)"),
    ]


def _claims_immigration_asylum() -> list[Claim]:
    """WILSON2023 Migration: immigration and refugee protection (immigrants, asylum totals)."""
    asy = asylum_total("MEX")
    mx_all = immigrant_stock("MEX")
    mx_last = int(mx_all.index.max())
    mig = "Migration"
    return [
        Claim(CHAPTER, "About 1.2 million immigrants lived in Mexico in 2020", "WILSON2023",
              f"{mig}: immigration and refugee protection", 1.2, mx_all.loc[mx_last] / 1e6, "million persons",
              measure="other",
              reason=f"Other period and compiler: UN DESA's mid-{mx_last} migrant stock (the mirror's file ends in "
                     f"{mx_last}), summed over the origins the file lists; the report's figure is INEGI's 2020 "
                     "census count of people born abroad, which no file in the mirror holds.",
              basis=f"International migrants living in Mexico, mid-{mx_last}, all listed origins, UN DESA 2019 "
                    "revision"),
        Claim(CHAPTER, "Immigrants are 1 percent of Mexico's population (2020)", "WILSON2023",
              f"{mig}: immigration and refugee protection", 1, 100 * mx_all.loc[mx_last] / _conapo(mx_last), "%",
              measure="other",
              reason=f"Other period and compiler: UN DESA's mid-{mx_last} migrant stock over CONAPO's estimate "
                     f"of Mexico's population in {mx_last}; the report's share comes from INEGI's 2020 census, "
                     f"which no file in the mirror holds. The report's own 1.2 million over CONAPO's 2020 "
                     f"population gives {100 * 1.2e6 / _conapo(2020):.2f}%: its two figures agree with each "
                     "other, which checks the report's arithmetic, not the data.",
              basis=f"International migrants living in Mexico, mid-{mx_last}, UN DESA 2019 revision / Mexico's "
                    f"population in {mx_last}, CONAPO 2023 estimates"),
        Claim(CHAPTER, "The immigrant population of Mexico grew by 20 percent since 2015", "WILSON2023",
              f"{mig}: immigration and refugee protection", 20, 100 * (mx_all.loc[mx_last] / mx_all.loc[2015] - 1),
              "%", kind="growth", measure="other",
              reason=f"Other period and compiler: UN DESA's migrant stock grew this much from mid-2015 to "
                     f"mid-{mx_last} (four years, its last); the report compares INEGI's 2015 Intercensal Survey "
                     "with the 2020 census (five years), which no file in the mirror holds.",
              basis=f"International migrants living in Mexico, mid-{mx_last} / mid-2015 - 1, UN DESA 2019 "
                    "revision"),
        Claim(CHAPTER, "COMAR received about 130,000 asylum applications in 2021", "WILSON2023",
              f"{mig}: immigration and refugee protection", 130000, asy.loc[2021], "applications",
              rounding=10000, basis="Asylum applications lodged in Mexico, all origins, 2021, UNHCR (from COMAR)"),
        Claim(CHAPTER, "Nearly twice as many as in 2019", "WILSON2023", f"{mig}: immigration and refugee protection",
              2, asy.loc[2021] / asy.loc[2019], "times", kind="ratio", comparison="nearly", rounding=0.25,
              basis="Asylum applications lodged in Mexico, 2021 / 2019, UNHCR"),
        Claim(CHAPTER, "Mexico ranked third in asylum applications in 2021, after the United States and Germany",
              "WILSON2023", f"{mig}: immigration and refugee protection", 3, None, "rank",
              needed="UNHCR asylum applications for every country of asylum; the mirror's extract holds only "
                     "flows involving North America"),
        Claim(CHAPTER, "COMAR predicted about 150,000 applications in 2023", "WILSON2023",
              f"{mig}: immigration and refugee protection", 150000, asy.loc[2023], "applications", rounding=10000,
              reason="A forecast made in September 2023; the year ended lower.",
              basis="Asylum applications lodged in Mexico, 2023, UNHCR (from COMAR)"),
    ]


def _claims_asylum_origins_comar() -> list[Claim]:
    """WILSON2023 Migration: refugee protection by origin, and COMAR's budget and caseload."""
    from . import world

    by_origin = asylum_mexico_by_origin(top=10)
    fx = world.fx_daily().set_index("date")["MEX"]
    fx23 = float(fx[fx.index.year == 2023].mean())
    mig = "Migration"
    comar = "COMAR administrative data (resolutions by outcome and nationality); UNHCR's files hold applications only"
    return [
        *[Claim(CHAPTER, f"{label} have been among the largest groups of asylum seekers in Mexico since 2021: "
                f"about {rep:,}", "WILSON2023", f"{mig}: immigration and refugee protection", rep,
                by_origin.loc[2021:2023, name].sum(), "applications", measure="other",
                reason=f"Other period: the report counts January 2021 to (about) August 2023; UNHCR's data are "
                       f"full years. 2021-2022 give {by_origin.loc[2021:2022, name].sum():,.0f} and 2021-2023 "
                       f"{by_origin.loc[2021:2023, name].sum():,.0f}: the report's figure lies "
                       f"{'between them' if by_origin.loc[2021:2022, name].sum() <= rep <= by_origin.loc[2021:2023, name].sum() else 'outside that range'}.",
                basis=f"Asylum applications lodged in Mexico by nationals of {name}, 2021-2023, UNHCR")
          for label, name, rep in [("Haitians", "Haiti", 103000), ("Hondurans", "Honduras", 94000),
                                   ("Cubans", "Cuba", 37000)]],
        *[Claim(CHAPTER, f"{who} asylum seekers receive protection at a rate of {r}%", "WILSON2023",
                f"{mig}: immigration and refugee protection", r, None, "%", needed=comar)
          for who, r in [("Haitian", 25), ("Venezuelan", 92)]],
        Claim(CHAPTER, "COMAR's 2023 budget of 166.4 million pesos is about 9.8 million dollars", "WILSON2023",
              f"{mig}: immigration and refugee protection", 9.8, 166.4 / fx23, "million USD",
              reason=f"Exchange rate: at the 2023 average of {fx23:.2f} pesos per dollar (FRED DEXMXUS) the budget "
                     f"is {166.4 / fx23:.1f} million dollars; the report's conversion implies "
                     f"{166.4 / 9.8:.2f}, a rate seen only in the peso's strongest weeks of 2023 "
                     f"(strongest daily rate {fx[fx.index.year == 2023].min():.2f}).",
              basis="166.4 million pesos (the report's figure) / mean 2023 daily rate, FRED DEXMXUS"),
        Claim(CHAPTER, "Only about 30 percent of COMAR's 2023 budget came from the federal government",
              "WILSON2023", f"{mig}: immigration and refugee protection", 30, None, "%",
              needed="COMAR budget by funding source (federal budget vs UNHCR support)"),
        Claim(CHAPTER, "COMAR resolved about 38,000 cases (29 percent) of the 130,000 submitted in 2021",
              "WILSON2023", f"{mig}: immigration and refugee protection", 29, None, "%",
              report_inputs={"resolved": (38000, 1000), "submitted": (130000, 10000)}, arithmetic="share",
              needed=comar),
        Claim(CHAPTER, "and 18,000 cases (18 percent) of 100,000 in August 2023", "WILSON2023",
              f"{mig}: immigration and refugee protection", 18, None, "%",
              report_inputs={"resolved": (18000, 1000), "submitted": (100000, 10000)}, arithmetic="share",
              needed=comar),
    ]


def _conapo(year: int) -> float:
    """Mexico's population in ``year`` (persons), CONAPO 2023 estimates."""
    from ..sources import inegi_conapo

    p = inegi_conapo.population()
    return float(p.loc[(p["cve_ent"] == "00") & (p["year"] == year), "value"].iloc[0])


def _h2_rank(nationality: str, fiscal_year: int) -> float:
    """Rank of a nationality by H-2A + H-2B visas issued in ``fiscal_year`` among all nationalities (State
    Department NIV detail table, aggregate rows excluded)."""
    n = statedept.niv()
    n = n[n["visa_class"].isin(["H2A", "H2B"]) & ~n["aggregate"] & (n["year"] == fiscal_year)]
    total = n.groupby("nationality")["value"].sum().sort_values(ascending=False)
    return float(total.rank(ascending=False, method="min")[nationality])


def report_acs_points() -> pd.Series:
    """The reports' ACS-based figures for Mexican-born residents of the US (million), from the chapter's claims
    (:func:`_claims_mexicans_in_us`, the section that quotes them)."""
    pts = {2010: None, 2021: None}
    for c in _claims_mexicans_in_us():
        if "Mexican immigrants lived in the US" in c.claim:
            pts[2010 if "2010" in c.claim else 2021] = c.reported
    return pd.Series(pts, name="reported_acs_million")

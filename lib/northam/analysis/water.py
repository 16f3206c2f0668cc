"""Chapter "Water and energy": water stress, withdrawals, drought, surface water, electricity, oil and gas.

Sources (recorded by the build when the page runs): FAO AQUASTAT / UN SDG 6.4.2 via OWID and Open Numbers;
CONAGUA basin availability and runoff tables; SMN/CONAGUA Drought Monitor by municipality; OWID (Ember,
Energy Institute) electricity shares; Energy Institute Statistical Review 2024; BP Statistical Review
2021 (OWID input); PEMEX crude production (SENER SIE); EIA natural gas exports by country.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .. import numerics
from ..cache import memo
from ..claims import Claim
from ..prose import number_word
from ..sources import aquastat, conagua, energy

CHAPTER = "water"
MEMBERS = ("USA", "MEX", "CAN")
#: The year of the North American Project's water-stress figures ("In 2021, Mexico had a water stress level ...").
STRESS_REPORT_YEAR = 2021
#: The Wilson Center's year for US pipeline gas to Mexico ("just over 2 billion cubic feet per day in 2015"); the
#: page also quotes the year before, whose mean is the report's level.
GAS_REPORT_YEAR = 2015
#: Newey-West lags of the drought trend (monthly data: a year of persistence), a modelling choice.
DROUGHT_HAC_LAGS = 12


#: Cache a result for the session (the notebook asks for the same tables several times); callers get
#: a copy, so they can never change the cached table (:func:`northam.cache.memo`).
_memo = memo(maxsize=8)


# --------------------------------------------------------------------------------------------------
# Water stress and withdrawals


@_memo
def _elec_shares() -> pd.DataFrame:
    """Memoised electricity shares by source of the three members (:func:`energy.elec_shares`)."""
    return energy.elec_shares(MEMBERS)


@_memo
def water_stress() -> pd.DataFrame:
    """SDG 6.4.2 water stress (percent of available freshwater), year x [USA, MEX, CAN, WLD], 2000-latest."""
    df = aquastat.water_stress()
    df = df[df["iso3"].isin(MEMBERS) | (df["entity"] == "World")]
    df = df.assign(key=df["iso3"].where(df["iso3"].notna(), "WLD"))
    wide = df.pivot(index="year", columns="key", values="value")
    return wide[[*MEMBERS, "WLD"]].rename_axis(None, axis=1)


def stress_jump(iso3: str = "MEX", series: pd.Series | None = None) -> dict:
    """The largest year-on-year change in a country's water stress: from_year, to_year and the two values
    (percent of available freshwater). For Mexico, the step of AQUASTAT's revised inputs. ``series``: the
    country's stress by year, when the caller has it (a figure drawing a given table)."""
    s = (water_stress()[iso3] if series is None else series).dropna()
    to_year = int(s.diff().abs().idxmax())
    from_year = int(s.index[s.index.get_loc(to_year) - 1])
    return {"from_year": from_year, "to_year": to_year, "from": s.loc[from_year], "to": s.loc[to_year]}


def _ddf(name: str) -> pd.DataFrame:
    with warnings.catch_warnings():  # Brunei's impossible municipal shares are dropped (see the loader)
        warnings.simplefilter("ignore", aquastat.DroppedRowsWarning)
        return aquastat.ddf(name)


@_memo
def withdrawals_by_sector(year: int | None = None) -> pd.DataFrame:
    """Withdrawals by sector (percent of total) for the three countries in the latest AQUASTAT year.

    Columns: iso3, country, period, agriculture, industry, municipal. Source: AQUASTAT vars 4254-4256.
    """
    df = pd.concat([_ddf(s) for s in aquastat.SECTORS], ignore_index=True)
    df = df[df["iso3"].isin(MEMBERS)]
    year = year or int(df["year"].max())
    df = df[df["year"] == year]
    wide = df.pivot(index=["iso3", "period"], columns="indicator", values="value").reset_index()
    wide = wide.set_index("iso3").loc[list(MEMBERS)].reset_index().rename_axis(None, axis=1)
    wide.insert(1, "country", wide["iso3"].map({"USA": "United States", "MEX": "Mexico", "CAN": "Canada"}))
    return wide[["iso3", "country", "period", *aquastat.SECTORS]]


@_memo
def renewable_per_capita() -> pd.DataFrame:
    """Total internal renewable freshwater per person (m3/year), AQUASTAT period x [USA, MEX, CAN].

    Index: the period's last year (5-yearly to 2017, then 2018); column ``period`` gives the label.
    """
    df = _ddf("renewable_per_capita")
    df = df[df["iso3"].isin(MEMBERS)]
    wide = df.pivot(index="year", columns="iso3", values="value")[list(MEMBERS)].rename_axis(None, axis=1)
    return wide.assign(period=df.drop_duplicates("year").set_index("year")["period"])


# --------------------------------------------------------------------------------------------------
# Drought in the border states


@memo(maxsize=1)
def _drought_long() -> pd.DataFrame:
    d = conagua.drought_monitor()
    return d[d["cve_ent"].isin(conagua.BORDER_STATES)]


def state_drought_shares(df: pd.DataFrame, states: dict[int, str] | None = None) -> pd.DataFrame:
    """Share of municipalities in each drought category, by state and Monitor date (percent).

    ``df`` is the long table of :func:`northam.sources.conagua.drought_monitor` (needs date, cve_ent,
    cve_mun, category). Each municipality counts once (equal weights, not by area or population). Returns
    one row per state and date with columns date, cve_ent, state, municipalities, none, D0..D4 (percent,
    summing to 100), drought (D1-D4) and severe (D2-D4). ``states`` maps INEGI codes to display names
    (default: all states, named as in the file).
    """
    if states is not None:
        df = df[df["cve_ent"].isin(states)]
    counts = (df.groupby(["date", "cve_ent", "category"])["cve_mun"].nunique()
              .unstack("category").reindex(columns=list(conagua.ALL_CATEGORIES)).fillna(0.0))
    total = counts.sum(axis=1)
    shares = counts.div(total, axis=0) * 100
    shares["drought"] = shares[["D1", "D2", "D3", "D4"]].sum(axis=1)
    shares["severe"] = shares[["D2", "D3", "D4"]].sum(axis=1)
    shares["municipalities"] = total.astype(int)
    out = shares.reset_index().rename_axis(None, axis=1)
    names = states or df.drop_duplicates("cve_ent").set_index("cve_ent")["state"].to_dict()
    out.insert(2, "state", out["cve_ent"].map(names))
    return out


def pooled_drought_shares(df: pd.DataFrame, states: dict[int, str]) -> pd.DataFrame:
    """As :func:`state_drought_shares` but pooling the municipalities of all ``states`` (percent)."""
    pooled = df[df["cve_ent"].isin(states)].assign(cve_ent=0, state="pooled")
    return state_drought_shares(pooled).drop(columns=["cve_ent"])


@_memo
def border_drought() -> pd.DataFrame:
    """Share of municipalities in each drought category (percent) in the six border states, by date."""
    return state_drought_shares(_drought_long(), conagua.BORDER_STATES)


@_memo
def border_drought_monthly() -> pd.DataFrame:
    """All border-state municipalities pooled: percent in drought (D1-D4) and severe or worse (D2-D4),
    averaged to calendar months (the Monitor is monthly to 2013, then twice a month)."""
    pooled = pooled_drought_shares(_drought_long(), conagua.BORDER_STATES)
    month = pooled["date"].dt.to_period("M").dt.to_timestamp()
    out = pooled.groupby(month)[["drought", "severe", "D0"]].mean()
    return out.rename_axis("month").reset_index()


def _drought_design() -> pd.DataFrame:
    """The monthly pooled shares (percent) with time ``t`` (years since the first month) and the calendar
    month ``moy``: the data of the trend model."""
    df = border_drought_monthly()
    return df.assign(t=(df["month"] - df["month"].min()).dt.days / 365.25, moy=df["month"].dt.month)


@_memo
def drought_trend() -> dict:
    """Linear trend of the pooled border-state share in severe-or-worse drought (D2-D4), every month of the Monitor.

    OLS of the monthly share (percentage points) on time (years) with calendar-month dummies for
    seasonality; Newey-West (HAC, :data:`DROUGHT_HAC_LAGS` lags) standard errors because drought persists for months.
    Returns the slope per decade with its 95% interval, the p-value, the number of months and the span.
    """
    import statsmodels.formula.api as smf

    df = _drought_design()
    fit = smf.ols("severe ~ t + C(moy)", data=df).fit(cov_type="HAC", cov_kwds={"maxlags": DROUGHT_HAC_LAGS})
    lo, hi = fit.conf_int().loc["t"]
    season = [fit.params.get(f"C(moy)[T.{m}]", 0.0) for m in range(1, 13)]
    return numerics.require_finite({
        "slope_per_decade": fit.params["t"] * 10, "ci_low": lo * 10, "ci_high": hi * 10,
        "p_value": fit.pvalues["t"], "n_months": int(fit.nobs), "first": df["month"].min(),
        "last": df["month"].max(), "r2": fit.rsquared,
        "season_peak_month": int(np.argmax(season)) + 1, "season_low_month": int(np.argmin(season)) + 1,
        "fit": fit,
    }, what=f"{CHAPTER}: drought trend, border states")


def drought_trend_band(alpha: float = 0.05) -> pd.DataFrame:
    """The severe-or-worse share by month with the fitted trend of :func:`drought_trend` (percent).

    Columns: month, severe (observed pooled share), trend (the fitted line at the average calendar
    month: intercept + mean seasonal effect + slope x time), lower, upper (its 1 - alpha interval from
    the Newey-West covariance).
    """
    from scipy import stats

    fit = drought_trend()["fit"]
    df = _drought_design()
    names = list(fit.params.index)
    x = np.zeros((len(df), len(names)))
    x[:, names.index("Intercept")] = 1.0
    x[:, names.index("t")] = df["t"].to_numpy()
    for n in names:
        if n.startswith("C(moy)"):
            x[:, names.index(n)] = 1 / 12  # each calendar month one twelfth of the time
    mean = x @ fit.params.to_numpy()
    se = np.sqrt(np.einsum("ij,jk,ik->i", x, fit.cov_params().to_numpy(), x))
    z = stats.norm.ppf(1 - alpha / 2)
    out = pd.DataFrame({"month": df["month"], "severe": df["severe"], "trend": mean, "lower": mean - z * se,
                        "upper": mean + z * se})
    numerics.require_finite(out.drop(columns="month"), what=f"{CHAPTER}: drought trend band")
    return numerics.fit_digits(out.reset_index(drop=True), ["trend", "lower", "upper"])


# --------------------------------------------------------------------------------------------------
# Surface water (CONAGUA)


#: Statuses counted as "no availability": zero or negative balances, and the garbled deficit cells.
NO_AVAILABILITY = ("no availability", "deficit (garbled cell)")
#: The like-for-like column of :func:`basin_status_counts`.
LIKE_FOR_LIKE = "no availability, basins determined in every publication"


@_memo
def basins_full_years() -> pd.DataFrame:
    """Basin table restricted to the distinct publications that cover every basin (as many basins as the
    largest publication: 2016 and 2020; the loader has already folded the years that only repeat a table,
    so 2017-2019, copies of 2016, are not here)."""
    b = conagua.basins()
    size = b.groupby("year")["clv"].nunique()
    return b[b["year"].isin(size[size == size.max()].index)]


@_memo
def availability_by_region() -> pd.DataFrame:
    """Available surface water (sum of positive basin availability, hm3/yr) by RHA and publication (the
    publications of :func:`basins_full_years`)."""
    b = basins_full_years()
    pos = b[b["value"] > 0]
    return pos.pivot_table(index="rha", columns="year", values="value", aggfunc="sum").fillna(0.0)


@_memo
def basin_status_counts() -> pd.DataFrame:
    """Number of basins by availability status, one row per publication of :func:`basins_full_years` (index:
    its first year; ``repeated_through``: the last year the same table was printed under).

    Besides the statuses: "no availability (incl. garbled deficits)"; :data:`LIKE_FOR_LIKE`, the same count
    among the basins determined in every publication (the like-for-like count); "no availability, other
    basins", the rest (basins not determined in some publication); and "total".
    """
    b = basins_full_years()
    out = b.groupby(["year", "status"]).size().unstack("status", fill_value=0)
    out = out.reindex(columns=["available", *NO_AVAILABILITY, "not determined"], fill_value=0)
    col = "no availability (incl. garbled deficits)"
    out[col] = out[list(NO_AVAILABILITY)].sum(axis=1)
    undetermined = b.loc[b["status"] == "not determined", "clv"].unique()
    same = b[~b["clv"].isin(undetermined) & b["status"].isin(NO_AVAILABILITY)]
    out[LIKE_FOR_LIKE] = same.groupby("year").size().reindex(out.index, fill_value=0)
    out["no availability, other basins"] = out[col] - out[LIKE_FOR_LIKE]
    out["total"] = out[["available", *NO_AVAILABILITY, "not determined"]].sum(axis=1)
    out["repeated_through"] = b.groupby("year")["repeated_through"].first()
    return out.rename_axis(None, axis=1)


def basin_change() -> dict:
    """How the basins without availability changed between the first and the last publication of
    :func:`basins_full_years` (counts of basins, and percent where named so).

    Keys: first, last (publication years), first_through (last year the first table was printed under),
    total (basins), noavail_first, noavail_last (all basins), both_determined (basins determined in both),
    like_first, like_last (no availability among those), newly_determined (not determined in the first,
    determined in the last), newly_noavail (of which no availability), undetermined_first,
    undetermined_last, and the region with most undetermined basins in the first: undetermined_region, its
    undetermined basins (undetermined_region_n), all its basins (undetermined_region_total),
    undetermined_region_pct (percent of its basins) and undetermined_region_share (percent of all
    undetermined basins).
    """
    b = basins_full_years()
    first, last = int(b["year"].min()), int(b["year"].max())
    st = b.pivot(index="clv", columns="year", values="status")[[first, last]]
    nd_first, nd_last = st[first] == "not determined", st[last] == "not determined"
    none_first, none_last = st[first].isin(NO_AVAILABILITY), st[last].isin(NO_AVAILABILITY)
    both = ~nd_first & ~nd_last
    newly = nd_first & ~nd_last
    b0 = b[b["year"] == first]
    undetermined = b0.loc[b0["status"] == "not determined", "rha"].value_counts()
    region = str(undetermined.sort_index().idxmax())  # a tie goes to the first region by name, on any machine
    region_total = int((b0["rha"] == region).sum())
    return {
        "first": first, "last": last, "first_through": int(b0["repeated_through"].iloc[0]), "total": len(st),
        "noavail_first": int(none_first.sum()), "noavail_last": int(none_last.sum()),
        "both_determined": int(both.sum()), "like_first": int((both & none_first).sum()),
        "like_last": int((both & none_last).sum()), "newly_determined": int(newly.sum()),
        "newly_noavail": int((newly & none_last).sum()), "undetermined_first": int(nd_first.sum()),
        "undetermined_last": int(nd_last.sum()), "undetermined_region": region,
        "undetermined_region_n": int(undetermined.max()), "undetermined_region_total": region_total,
        "undetermined_region_pct": undetermined.max() / region_total * 100,
        "undetermined_region_share": undetermined.max() / undetermined.sum() * 100,
    }


@_memo
def runoff_by_region() -> pd.DataFrame:
    """Mean natural surface runoff (hm3/yr), year x hydrological region, 2006-2019."""
    r = conagua.runoff()
    return r.pivot(index="year", columns="region", values="value")


@_memo
def runoff_totals() -> pd.DataFrame:
    """National total runoff (hm3/yr) and number of basins covered, by year."""
    r = conagua.runoff()
    return r.groupby("year").agg(runoff=("value", "sum"), basins=("basins", "sum"))


# --------------------------------------------------------------------------------------------------
# Electricity


@_memo
def electricity_mix() -> pd.DataFrame:
    """Share of electricity generation by fuel (percent), long: iso3, year, fuel, value (1985-2023).

    Source: OWID (Ember, Energy Institute) via :func:`northam.sources.energy.elec_shares`, whose loader
    has checked that a year's shares sum to 100, or fall short of it by at most
    :data:`~northam.sources.energy.MAX_UNSPLIT` points where bioenergy and other renewables are blank
    (before 2000 they are not split). Here a blank share is no generation (0), and that gap, EI's unsplit
    'geothermal, biomass and other', is counted as 'other renewables'.
    """
    e = _elec_shares()
    wide = e.pivot(index=["iso3", "year"], columns="fuel", values="value")
    gap = 100 - wide.sum(axis=1, min_count=1)
    unsplit = (gap > 1) & wide[["bioenergy", "other renewables"]].isna().any(axis=1)
    wide = wide.fillna(0.0)
    wide.loc[unsplit, "other renewables"] += gap[unsplit]
    long = wide.stack().rename("value").reset_index()
    meta = e.drop(columns="value")
    return meta.merge(long, on=["iso3", "year", "fuel"], how="left")[e.columns]


@_memo
def clean_shares() -> pd.DataFrame:
    """Renewables and renewables + nuclear, percent of generation, by country and year.

    Columns: iso3, year, renewables, clean (renewables + nuclear), fossil.
    """
    w = electricity_mix().pivot_table(index=["iso3", "year"], columns="fuel", values="value")
    out = pd.DataFrame({
        "renewables": w[list(energy.RENEWABLES)].sum(axis=1),
        "nuclear": w["nuclear"],
        "fossil": w[list(energy.FOSSIL)].sum(axis=1),
    })
    out["clean"] = out["renewables"] + out["nuclear"]
    return out.reset_index()


# --------------------------------------------------------------------------------------------------
# Oil


@_memo
def mexico_oil_annual() -> pd.DataFrame:
    """Mexico's oil production, thousand b/d, by year, from three publications.

    Columns: ei_total (EI 2024, crude + condensate + NGLs, 1965-2023), ei_crude (EI 2024 crude +
    condensate, 2000-2023), bp_total / bp_crude (BP 2021 edition, to 2020), pemex (PEMEX's monthly crude
    production averaged over the year weighted by the days in each month, full years 2010-2022: a yearly
    barrels-a-day figure is the year's barrels over its days).
    """
    ei_t = energy.ei("oil_total").query("iso3 == 'MEX'").set_index("year")["value"]
    ei_c = energy.ei("crude_cond").query("iso3 == 'MEX'").set_index("year")["value"]
    bp = energy.bp2021().query("iso3 == 'MEX'").pivot(index="year", columns="series", values="value")
    pm = pemex_monthly()
    year, days = pm["date"].dt.year, pm["date"].dt.days_in_month
    counts = pm.groupby(year)["value"].count()
    pemex = ((pm["value"] * days).groupby(year).sum() / days.groupby(year).sum())[counts == 12]
    out = pd.DataFrame({"ei_total": ei_t, "ei_crude": ei_c, "bp_total": bp["Oil Production - Barrels"],
                        "bp_crude": bp["Oil Production - Crude Conds"], "pemex": pemex})
    return out.rename_axis("year")


@_memo
def pemex_monthly() -> pd.DataFrame:
    """PEMEX national crude production, monthly (thousand b/d): date, value."""
    p = energy.pemex_crude()
    return p[p["level"] == "total"][["date", "value"]].reset_index(drop=True)


def oil_comparison() -> pd.DataFrame:
    """Years where the sources overlap: EI 2024 vs BP 2021 (crude + condensate) and PEMEX vs EI crude.

    Columns: year, ei_crude, bp_crude, pemex, bp_vs_ei_pct, pemex_vs_ei_pct (percent differences).
    """
    a = mexico_oil_annual()
    out = a[["ei_crude", "bp_crude", "pemex"]].dropna(how="all", subset=["bp_crude", "pemex"]).copy()
    out["bp_vs_ei_pct"] = (out["bp_crude"] / out["ei_crude"] - 1) * 100
    out["pemex_vs_ei_pct"] = (out["pemex"] / out["ei_crude"] - 1) * 100
    return out.reset_index()


# --------------------------------------------------------------------------------------------------
# Gas


@_memo
def gas_exports_to_mexico() -> pd.DataFrame:
    """US pipeline natural gas exports to Mexico (EIA N9132MX2), monthly: date, mmcf (million cubic feet in
    the month) and bcf_per_day (billion cubic feet a day: mmcf / days in the month / 1000)."""
    g = energy.eia_gas_exports()
    out = g[["date", "value"]].rename(columns={"value": "mmcf"})
    return out.assign(bcf_per_day=out["mmcf"] / out["date"].dt.days_in_month / 1000)


def gas_exports_annual() -> pd.Series:
    """Annual mean of the monthly EIA pipeline exports to Mexico, bcf/d (full years only)."""
    g = gas_exports_to_mexico()
    yr = g["date"].dt.year
    counts = g.groupby(yr)["bcf_per_day"].count()
    days = g["date"].dt.days_in_month
    annual = (g["mmcf"].groupby(yr).sum() / days.groupby(yr).sum() / 1000)[counts == 12]
    return annual.rename("bcf_per_day")


@_memo
def ei_us_to_mexico_2023() -> dict:
    """EI 2024 pipeline trade matrix: US -> Mexico in 2023 (``year``), in bcm and bcf/d (days of the year).

    The EI's cubic metres are standardized to a gross calorific value of ``gcv_mj_per_m3`` (the sheet's note),
    so they, and the cubic feet converted from them at :data:`~northam.sources.energy.BCF_PER_BCM`, are an
    energy measure in reference-gas volumes, not the physical volumes that EIA reports.
    """
    p = energy.ei_pipeline_trade()
    row = p[(p["iso3"] == "MEX") & (p["exporter"] == "US")].iloc[0]
    bcm, year = float(row["value"]), int(row["year"])
    days = 366 if pd.Timestamp(year, 12, 31).is_leap_year else 365
    return {"bcm": bcm, "bcf_per_day": bcm * energy.BCF_PER_BCM / days, "year": year,
            "gcv_mj_per_m3": float(row["gcv_mj_per_m3"])}


@_memo
def mexico_gas_reserves() -> pd.Series:
    """Mexico's proved natural gas reserves at the end of each year, 1980-2020, in trillion cubic feet (EI 2024
    Statistical Review, gas proved reserves history, trillion cubic metres x :data:`~northam.sources.energy.
    BCF_PER_BCM`). The EI has not updated its reserves tables since the 2021 edition: the series ends in 2020."""
    g = energy.ei("gas_reserves")
    tcm = g[g["iso3"] == "MEX"].set_index("year")["value"].sort_index()
    return (tcm * energy.BCF_PER_BCM).rename("tcf")


# --------------------------------------------------------------------------------------------------
# Numbers and claims


def _water_numbers() -> dict:
    """Water stress (percent of available freshwater), withdrawals by sector (percent of total) and
    renewable freshwater per person (m3 a year). Source: FAO AQUASTAT (OWID, Open Numbers)."""
    s, sec, ren = water_stress(), withdrawals_by_sector().set_index("iso3"), renewable_per_capita()
    last = int(s.index.max())
    jump = stress_jump()
    first_ren, last_ren = int(ren.index.min()), int(ren.index.max())
    return {
        "stress_last_year": last, "stress_first_year": int(s.index.min()),
        **{f"stress_{c.lower()}_2021": s.loc[STRESS_REPORT_YEAR, c] for c in ("MEX", "USA", "CAN", "WLD")},
        "stress_mex_jump_from_year": jump["from_year"], "stress_mex_jump_to_year": jump["to_year"],
        "stress_mex_jump_from": jump["from"], "stress_mex_jump_to": jump["to"],
        "stress_mex_first": s["MEX"].iloc[0],
        **{f"stress_{c.lower()}_last": s.loc[last, c] for c in ("MEX", "USA", "CAN", "WLD")},
        "sector_period": str(sec.loc["MEX", "period"]),
        # the latest of AQUASTAT's 5-yearly periods (the one before its latest single year), e.g. "2013-2017"
        "renew_last_5y_period": str(ren.loc[ren["period"].str.contains("-"), "period"].iloc[-1]),
        "sector_mex_agri": sec.loc["MEX", "agriculture"], "sector_mex_muni": sec.loc["MEX", "municipal"],
        "sector_mex_ind": sec.loc["MEX", "industry"], "sector_usa_agri": sec.loc["USA", "agriculture"],
        "sector_usa_ind": sec.loc["USA", "industry"], "sector_can_ind": sec.loc["CAN", "industry"],
        "sector_can_agri": sec.loc["CAN", "agriculture"],
        "renew_first_year": first_ren, "renew_last_year": last_ren,
        "renew_mex_first": ren.loc[first_ren, "MEX"], "renew_mex_last": ren.loc[last_ren, "MEX"],
        "renew_usa_last": ren.loc[last_ren, "USA"], "renew_can_last": ren.loc[last_ren, "CAN"],
    }


def _drought_numbers() -> dict:
    """Border-state municipalities in severe drought or worse (percent), its trend (percentage points per
    decade, 95% interval, p-value) and seasonal peak and low, the first year with more than one Monitor date a
    month and the months without one. Source: SMN/CONAGUA Drought Monitor."""
    tr, mon = drought_trend(), border_drought_monthly()
    n_years = tr["last"].year - tr["first"].year + 1
    peak = mon.loc[mon["severe"].idxmax()]
    dates = pd.Series(_drought_long()["date"].unique())
    dates_a_year = dates.dt.year.value_counts()
    months = dates.dt.to_period("M")
    missing = pd.period_range(months.min(), months.max(), freq="M").difference(months.unique())
    return {
        "drought_missing_months": " or ".join(m.strftime("%B %Y") for m in missing) or "none",
        "drought_twice_monthly_from": int(dates_a_year[dates_a_year > 12].index.min()),  # the Monitor's pace
        "drought_peak_month": peak["month"].strftime("%B %Y"), "drought_peak_severe": peak["severe"],
        "drought_mean_severe": mon["severe"].mean(), "drought_last_month": mon["month"].max().strftime("%B %Y"),
        "drought_first_year": tr["first"].year, "drought_last_year": tr["last"].year,
        "drought_n_states": len(conagua.BORDER_STATES), "drought_n_years": n_years,
        "drought_hac_lags": DROUGHT_HAC_LAGS,
        "drought_trend_decade": tr["slope_per_decade"], "drought_trend_lo": tr["ci_low"],
        "drought_trend_hi": tr["ci_high"], "drought_trend_p": tr["p_value"], "drought_trend_n": tr["n_months"],
        # month names only: the year 2000 is any year
        "drought_season_peak": pd.Timestamp(2000, tr["season_peak_month"], 1).strftime("%B"),
        "drought_season_low": pd.Timestamp(2000, tr["season_low_month"], 1).strftime("%B"),
    }


def _surface_numbers() -> dict:
    """Basins by availability status (counts), available surface water (km3 a year, and the top region's
    share in percent) and mean natural runoff (km3 a year). Source: CONAGUA."""
    avail, run, ch = availability_by_region(), runoff_totals(), basin_change()
    last = ch["last"]
    return {
        "basins_first_year": ch["first"], "basins_first_through": ch["first_through"], "basins_last_year": last,
        "basins_total": ch["total"], "basins_noavail_first": ch["noavail_first"],
        "basins_noavail_last": ch["noavail_last"], "basins_both_determined": ch["both_determined"],
        "basins_like_first": ch["like_first"], "basins_like_last": ch["like_last"],
        "basins_newly_determined": ch["newly_determined"], "basins_newly_noavail": ch["newly_noavail"],
        "basins_newly_noavail_text": newly_noavail_text(ch),
        "basins_undetermined_first": ch["undetermined_first"], "basins_undetermined_last": ch["undetermined_last"],
        "basins_undetermined_top_region": ch["undetermined_region"],
        "basins_undetermined_top_n": ch["undetermined_region_n"],
        "basins_undetermined_top_total": ch["undetermined_region_total"],
        "basins_undetermined_top_pct": ch["undetermined_region_pct"],
        "basins_undetermined_top_share": ch["undetermined_region_share"],
        "avail_total_last_km3": avail[last].sum() / 1e3, "avail_top_region": str(avail[last].idxmax()),
        "avail_top_share": avail[last].max() / avail[last].sum() * 100,
        "runoff_last_year": int(run.index.max()), "runoff_last_km3": run["runoff"].iloc[-1] / 1e3,
        "runoff_first_year": int(run.index.min()),
    }


def _electricity_numbers() -> dict:
    """Renewable, clean (renewables + nuclear) and fossil shares of generation in the latest year (percent).
    Source: OWID (Ember, Energy Institute)."""
    cs = clean_shares().set_index(["iso3", "year"])
    last = int(cs.index.get_level_values("year").max())
    e = _elec_shares()
    split = e[(e["fuel"] == "bioenergy") & e["value"].notna()].groupby("iso3")["year"].min()
    return {
        "elec_split_from": int(split.max()),  # bioenergy has its own share in every country from this year
        "elec_first_year": int(cs.index.get_level_values("year").min()), "elec_last_year": last,
        **{f"elec_{i.lower()}_renew": cs.loc[(i, last), "renewables"] for i in MEMBERS},
        **{f"elec_{i.lower()}_clean": cs.loc[(i, last), "clean"] for i in MEMBERS},
        "elec_mex_fossil": cs.loc[("MEX", last), "fossil"],
    }


def _oil_numbers() -> dict:
    """Mexico's oil production (thousand barrels a day) and the gaps between publications (percent).
    Sources: EI 2024, BP 2021, PEMEX via SENER."""
    oil, comp, pm = mexico_oil_annual(), oil_comparison(), pemex_monthly()
    both, pem = comp.dropna(subset=["bp_crude"]), comp.dropna(subset=["pemex"])
    return {
        "oil_peak_year": int(oil["ei_crude"].idxmax()), "oil_peak_kbd": oil["ei_crude"].max(),
        "oil_total_peak_year": int(oil["ei_total"].idxmax()), "oil_total_peak_kbd": oil["ei_total"].max(),
        "oil_last_year": int(oil["ei_crude"].dropna().index.max()),
        "oil_last_kbd": oil["ei_crude"].dropna().iloc[-1], "oil_total_last_kbd": oil["ei_total"].dropna().iloc[-1],
        "oil_bp_max_abs_diff_pct": both["bp_vs_ei_pct"].abs().max(),
        # the same gap in barrels a day (the columns are thousand barrels a day): a rounding difference
        "oil_bp_max_abs_diff_bpd": (both["bp_crude"] - both["ei_crude"]).abs().max() * 1e3,
        "oil_pemex_max_abs_diff_pct": pem["pemex_vs_ei_pct"].abs().max(),
        "oil_pemex_max_abs_diff_bpd": (pem["pemex"] - pem["ei_crude"]).abs().max() * 1e3,
        "oil_pemex_first_full_year": int(pem["year"].min()), "oil_pemex_last_full_year": int(pem["year"].max()),
        "oil_pemex_first_month": pm["date"].min().strftime("%B %Y"),
        "oil_pemex_last_month": pm["date"].max().strftime("%B %Y"), "oil_pemex_last_kbd": pm["value"].iloc[-1],
        "oil_pemex_first_kbd": pm["value"].iloc[0],
    }


def _gas_numbers() -> dict:
    """US pipeline gas exports to Mexico: annual and monthly (billion cubic feet a day, EIA) and the EI
    2023 flow (billion cubic metres, and bcf a day)."""
    gas, gas_y, ei_gas = gas_exports_to_mexico(), gas_exports_annual(), ei_us_to_mexico_2023()
    return {
        "gas_report_year": GAS_REPORT_YEAR, "gas_year_before": GAS_REPORT_YEAR - 1,
        "gas_2014": gas_y.loc[GAS_REPORT_YEAR - 1], "gas_2015": gas_y.loc[GAS_REPORT_YEAR],
        "gas_last_full_year": int(gas_y.index.max()),
        "gas_last_full": gas_y.iloc[-1], "gas_max_month": gas.loc[gas["bcf_per_day"].idxmax(), "date"].strftime("%B %Y"),
        "gas_max_bcfd": gas["bcf_per_day"].max(), "gas_last_month": gas["date"].max().strftime("%B %Y"),
        "gas_ei_2023_bcm": ei_gas["bcm"], "gas_ei_2023_bcfd": ei_gas["bcf_per_day"], "gas_ei_year": ei_gas["year"],
        "gas_ei_gcv": ei_gas["gcv_mj_per_m3"], "gas_bcf_per_bcm": energy.BCF_PER_BCM,
        "gas_first_year": int(gas["date"].dt.year.min()),
    }


def newly_noavail_text(ch: dict) -> str:
    """How many of the newly determined basins (:func:`basin_change`) had no availability, as prose: "all 25",
    "none", or "20 of those"."""
    n, m = ch["newly_determined"], ch["newly_noavail"]
    return f"all {m}" if m == n else "none" if m == 0 else f"{m} of those"


def key_numbers() -> dict:
    """Numbers quoted in the chapter's prose (glued), every key prefixed ``water_``; units in each part's
    docstring."""
    n = {**_water_numbers(), **_drought_numbers(), **_surface_numbers(), **_electricity_numbers(),
         **_oil_numbers(), **_gas_numbers()}
    n["drought_n_states_words"] = number_word(n["drought_n_states"])  # a small count reads as a word
    return {f"water_{k}": (v.item() if hasattr(v, "item") else v) for k, v in n.items()}


_REDAGUA = "Red del Agua UNAM / CONAGUA statistics (Estadísticas del Agua en México); not in the mirror"


def claims() -> list[Claim]:
    """The reports' figures on water and energy, next to the open data."""
    pop = _conapo_national()
    return [*_claims_nap_water_stress(), *_claims_nap_clean_electricity(), *_claims_water_insecurity(),
            *_claims_water_supply(), *_claims_consumption_and_treaty(pop), *_claims_aquifers_and_basins(),
            *_claims_climate_stressors(pop), *_claims_energy_oil(), *_claims_energy_gas(),
            *_claims_energy_electricity()]


def _claims_nap_water_stress() -> list[Claim]:
    """NAP2025 North America in data, water and energy: SDG 6.4.2 water stress, 2021."""
    s = water_stress()
    stress_basis = "SDG 6.4.2 water stress, 2021, OWID copy of the UN SDG / FAO AQUASTAT series"
    nap = "North America in data, numbers and facts: water and energy"
    return [
        Claim(CHAPTER, "Water stress in Mexico in 2021: close to 45%", "NAP2025", nap, 45, s.loc[2021, "MEX"],
              "percent", basis=stress_basis),
        Claim(CHAPTER, "Water stress in the United States in 2021: 28%", "NAP2025", nap, 28, s.loc[2021, "USA"],
              "percent", basis=stress_basis),
        Claim(CHAPTER, "Water stress in Canada in 2021: 3.7%", "NAP2025", nap, 3.7, s.loc[2021, "CAN"], "percent",
              basis=stress_basis),
    ]


def _claims_nap_clean_electricity() -> list[Claim]:
    """NAP2025 North America in data, water and energy: clean electricity shares."""
    cs = clean_shares().set_index(["iso3", "year"])
    last = int(cs.index.get_level_values("year").max())
    nap = "North America in data, numbers and facts: water and energy"
    return [
        Claim(CHAPTER, "Clean electricity in Mexico: 24.3% (excluding natural gas, SENER)", "NAP2025", nap, 24.3,
              cs.loc[("MEX", last), "clean"], "percent of generation", measure="other",
              reason="Other definition: SENER's legal 'clean energy' also counts efficient cogeneration and uses "
                     "its own generation totals; the data value is renewables + nuclear (Ember via OWID).",
              basis=f"OWID share of electricity, renewables + nuclear, Mexico {last}"),
        Claim(CHAPTER, "Clean electricity in the United States: 21.4% (EIA)", "NAP2025", nap, 21.4,
              cs.loc[("USA", last), "renewables"], "percent of generation", measure="other",
              reason="Other coverage: the report's figure is EIA's renewables share of utility-scale generation; "
                     "Ember/OWID include small-scale solar (and with nuclear the US clean share is about twice "
                     "as high).",
              basis=f"OWID share of electricity, renewables (hydro, wind, solar, bioenergy, other), USA {last}"),
        Claim(CHAPTER, "Clean electricity in Canada: almost 80%", "NAP2025", nap, 80,
              cs.loc[("CAN", last), "clean"], "percent of generation", comparison="almost",
              basis=f"OWID share of electricity, renewables + nuclear, Canada {last}"),
    ]


def _claims_water_insecurity() -> list[Claim]:
    """WILSON2023 Water: water insecurity in Mexico (regional split of water and people)."""
    wat = "Water: water insecurity in Mexico"
    return [
        Claim(CHAPTER, "Central, North and Northeast Mexico have roughly 33% of the nation's renewable water",
              "WILSON2023", wat, 33, None, "%", needed=_REDAGUA),
        Claim(CHAPTER, "The Southeast has the remaining 67%", "WILSON2023", wat, 67, None, "%", needed=_REDAGUA,
              report_inputs={"whole": (100, 1e-9), "north and centre": 33}, arithmetic="difference"),
        Claim(CHAPTER, "The south is 22% of Mexico's territory", "WILSON2023", wat, 22, None, "%",
              needed="INEGI state areas and the report's definition of 'the south'"),
        Claim(CHAPTER, "The south has 23% of Mexico's population", "WILSON2023", wat, 23, None, "%",
              needed="The report's definition of 'the south' (which states), to sum CONAPO state populations"),
    ]


def _claims_water_supply() -> list[Claim]:
    """WILSON2023 Water: supply (per-person supply, access, border aquifers)."""
    jmp = "WHO/UNICEF JMP household water and sanitation estimates for Mexico; not in the mirror"
    return [
        Claim(CHAPTER, "Per-person water supply was 240 litres a day in 2020", "WILSON2023", "Water: supply", 240,
              None, "litres per person per day", needed="CONAGUA/SINA drinking-water supply per inhabitant, "
                                                         "1996-2020"),
        Claim(CHAPTER, "Per-person water supply was 348.3 litres a day in 1996", "WILSON2023", "Water: supply",
              348.3, None, "litres per person per day",
              needed="CONAGUA/SINA drinking-water supply per inhabitant, 1996-2020"),
        Claim(CHAPTER, "A 31.1% decrease from 1996 to 2020", "WILSON2023", "Water: supply", -31.1, None, "%",
              kind="growth", report_inputs={"2020": 240, "1996": 348.3}, arithmetic="growth",
              needed="CONAGUA/SINA drinking-water supply per inhabitant, 1996-2020"),
        Claim(CHAPTER, "Only 58% of Mexico's population has daily access to water", "WILSON2023", "Water: supply",
              58, None, "%", needed=jmp),
        Claim(CHAPTER, "6 million people have no access to potable drinking water", "WILSON2023", "Water: supply",
              6, None, "million people", needed=jmp),
        Claim(CHAPTER, "11 million people lack access to basic sanitation", "WILSON2023", "Water: supply", 11,
              None, "million people", needed=jmp),
        Claim(CHAPTER, "72 hydro-geological units span the border", "WILSON2023", "Water: supply", 72, None,
              "units", kind="count", needed="The Texas A&M / MDPI transboundary aquifer inventory (2021)"),
        Claim(CHAPTER, "60% of them are within the US, 40% within Mexico", "WILSON2023", "Water: supply", 60, None,
              "%", needed="The Texas A&M / MDPI transboundary aquifer inventory (2021)"),
        Claim(CHAPTER, "Only 50-55% of them are of good to regular quality", "WILSON2023", "Water: supply", 55,
              None, "%", needed="The Texas A&M / MDPI transboundary aquifer inventory (2021)"),
    ]


def _claims_consumption_and_treaty(pop: pd.Series) -> list[Claim]:
    """WILSON2023 Water: consumption by agriculture, the 1944 treaty, and demand projections."""
    sec = withdrawals_by_sector().set_index("iso3")
    return [
        Claim(CHAPTER, "About three-quarters of Mexico's water goes to agriculture", "WILSON2023",
              "Water: consumption", 75, sec.loc["MEX", "agriculture"], "percent of withdrawals",
              basis=f"AQUASTAT agricultural withdrawal share, {sec.loc['MEX', 'period']}"),
        Claim(CHAPTER, "Water insecurity on both sides of the 2,000-mile US-Mexico border", "WILSON2023",
              "Water", 2000, None, "miles", needed="IBWC boundary length (a physical constant, not in the mirror)"),
        Claim(CHAPTER, "Mexico must deliver at least 350,000 acre-feet a year from the Rio Grande (five-year "
              "cycle average)", "WILSON2023", "Water: the 1944 Water Treaty", 350000, None, "acre-feet a year",
              comparison="at least", needed="The 1944 Treaty text (Art. 4) and IBWC delivery accounts"),
        Claim(CHAPTER, "The US must provide Mexico 1,500,000 acre-feet a year from the Colorado River",
              "WILSON2023", "Water: the 1944 Water Treaty", 1500000, None, "acre-feet a year",
              needed="The 1944 Treaty text (Art. 10) and IBWC delivery accounts"),
        Claim(CHAPTER, "Roughly 50% of the water carried does not reach its intended recipient", "WILSON2023",
              "Water: consumption", 50, None, "%", needed="CONAGUA irrigation-district conduction efficiency"),
        Claim(CHAPTER, "Mexico's population is projected to increase by 25% by 2050", "WILSON2023",
              "Water: consumption", 25, 100 * (pop[2050] / pop[2019] - 1), "%", kind="growth",
              reason="CONAPO's 2023 projections give a smaller increase; the report's source (CONAGUA's 2020-2024 "
                     "water programme, written in 2019) used older projections.",
              basis="CONAPO 2023 projections, national population 2050 / 2019 - 1 (2019: the year the report's "
                    "source was written)"),
        Claim(CHAPTER, "Food production will need to increase by 70% (by 2050)", "WILSON2023",
              "Water: consumption", 70, None, "%", kind="growth", needed="A projection (CONAGUA); no data"),
        Claim(CHAPTER, "requiring a 55% increase in water demand", "WILSON2023", "Water: consumption", 55, None, "%",
              kind="growth", needed="A projection (CONAGUA); no data"),
    ]


def _claims_aquifers_and_basins() -> list[Claim]:
    """WILSON2023 Water: consumption, aquifers, surface basins and border sanitation."""
    status = basin_status_counts()
    run = runoff_totals()
    return [
        Claim(CHAPTER, "Mexico has 653 groundwater aquifers", "WILSON2023", "Water: consumption", 653, None,
              "aquifers", kind="count",
              needed="CONAGUA's aquifer availability determinations (DOF), by aquifer and year"),
        Claim(CHAPTER, "653 aquifers, of which at least 157 overexploited", "WILSON2023", "Water: consumption", 157,
              None, "aquifers", kind="count", comparison="at least",
              needed="CONAGUA's aquifer availability determinations (DOF), by aquifer and year"),
        Claim(CHAPTER, "Aquifers account for 20% of Mexico's renewable water", "WILSON2023", "Water: consumption",
              20, None, "%", needed=_REDAGUA),
        Claim(CHAPTER, "The remaining 80% comes from surface basins", "WILSON2023", "Water: consumption", 80, None,
              "%", report_inputs={"whole": (100, 1e-9), "aquifers": 20}, arithmetic="difference",
              needed=_REDAGUA),
        Claim(CHAPTER, "Mexico has 757 surface-water basins", "WILSON2023", "Water: consumption", 757,
              float(status["total"].iloc[-1]), "basins", kind="count",
              basis=f"Basins in CONAGUA's availability table, {int(status.index[-1])} (also "
                    f"{int(run['basins'].iloc[-1])} in the runoff-by-region table)"),
        Claim(CHAPTER, "8 of the basins are shared with the US", "WILSON2023", "Water: consumption", 8, None,
              "basins", kind="count", needed="IBWC/CONAGUA list of transboundary basins"),
        Claim(CHAPTER, "60% of surface basins have a long history of contamination", "WILSON2023",
              "Water: consumption", 60, None, "%", needed="CONAGUA water-quality monitoring network by basin"),
        Claim(CHAPTER, "474 million dollars of sanitation improvements in San Diego and Tijuana (2022)",
              "WILSON2023", "Water: consumption", 474, None, "million USD",
              needed="IBWC/EPA project budgets (Minute 328); not a data series"),
        Claim(CHAPTER, "They will reduce transboundary wastewater flows by up to 90%", "WILSON2023",
              "Water: consumption", 90, None, "%", comparison="at most", needed="A projection (EPA); no data"),
    ]


def _claims_climate_stressors(pop: pd.Series) -> list[Claim]:
    """WILSON2023 Water: stressors exacerbated by climate change (cities, border, losses)."""
    stressors = "Water: stressors exacerbated by climate change"
    return [
        Claim(CHAPTER, "By 2030, 86.2 million Mexicans will live in large metropolitan zones", "WILSON2023",
              stressors, 86.2, None, "million people",
              needed="CONAPO projections of metropolitan-zone population (the mirror holds states only)"),
        Claim(CHAPTER, "That is approximately 62.7% of the national population", "WILSON2023", stressors, 62.7,
              100 * 86.2e6 / pop[2030], "%",
              basis="The report's 86.2 million / CONAPO 2023 projection of Mexico's population in 2030: the two "
                    "figures are consistent with current projections"),
        Claim(CHAPTER, "By 2050, 70-80% of the population in metropolitan zones", "WILSON2023", stressors, 75,
              None, "%", rounding=10, needed="A projection (Red del Agua UNAM); no data"),
        Claim(CHAPTER, "The Mexican border population totals about 11 million", "WILSON2023", stressors, 11, None,
              "million people", needed="Population of the border municipalities (INEGI census by municipality); "
                                       "the mirror holds states only"),
        Claim(CHAPTER, "The border population has more than quadrupled", "WILSON2023", stressors, 4, None, "times",
              kind="ratio", comparison="more than", needed="Border-municipality population over time (INEGI)"),
        Claim(CHAPTER, "19 million Americans live on the US side of the border", "WILSON2023", stressors, 19, None,
              "million people", needed="Census population of US border counties"),
        Claim(CHAPTER, "Leaking pipes lose 40% of the water meant for drinking", "WILSON2023", stressors, 40, None,
              "%", needed=_REDAGUA),
        Claim(CHAPTER, "Only 50% of the water collected by sewage systems is treated", "WILSON2023", stressors, 50,
              None, "%", needed="CONAGUA wastewater treatment inventory"),
        Claim(CHAPTER, "50% of the nation's territory has lost its vegetation cover", "WILSON2023", stressors, 50,
              None, "%", needed="INEGI land use and vegetation series"),
        Claim(CHAPTER, "About 4.5 million people in the five northern border states live under drought",
              "WILSON2023", stressors, 4.5, None, "million people",
              needed="Municipal population joined to the Drought Monitor for 2023 (the mirror's Monitor ends in "
                     "October 2021 and holds no population)"),
    ]


def _claims_energy_oil() -> list[Claim]:
    """WILSON2023 Energy: trilemma rank and hydrocarbons, oil."""
    oil = mexico_oil_annual()
    crude_last = int(oil["ei_crude"].dropna().index.max())
    energy_sec = "Energy"
    return [
        Claim(CHAPTER, "Mexico stood at position 46 in the 2022 energy trilemma rankings", "WILSON2023", energy_sec,
              46, None, "rank", needed="World Energy Council Trilemma Index 2022; not in the mirror"),
        Claim(CHAPTER, "Mexico's oil production peaked at 3.4 million b/d in 2004", "WILSON2023", energy_sec,
              3.4, oil.loc[2004, "ei_crude"] / 1e3, "million barrels per day",
              basis=f"EI 2024 crude + condensate, 2004 (series peak: {int(oil['ei_crude'].idxmax())})"),
        Claim(CHAPTER, "Production stabilized at around 1.6 million b/d", "WILSON2023", energy_sec, 1.6,
              oil.loc[2022, "pemex"] / 1e3, "million barrels per day",
              reason="PEMEX's own crude (with its partners) averaged more in 2022; the report's round figure "
                     "probably excludes condensate or refers to PEMEX's own share of output.",
              basis="PEMEX crude production, 2022 average of the monthly figures weighted by days (SENER SIE)"),
        Claim(CHAPTER, "The promise to raise production to 2.5 million b/d will not be fulfilled", "WILSON2023",
              f"{energy_sec}: hydrocarbons, oil", 2.5, oil.loc[crude_last, "ei_crude"] / 1e3,
              "million barrels per day", comparison="under",
              basis=f"EI 2024 crude + condensate, {crude_last}: still below the promised level"),
        Claim(CHAPTER, "Private companies now produce over 5% of Mexico's crude oil", "WILSON2023",
              f"{energy_sec}: hydrocarbons, oil", 5, None, "%", comparison="over",
              needed="CNH production by operator (Sistema de Información de Hidrocarburos)"),
        Claim(CHAPTER, "In 2019 Mexico became a net oil importer for the first time (EIA)", "WILSON2023",
              energy_sec, 2019, None, "year", needed="EIA petroleum trade balance of Mexico (crude and products, by "
                                                     "value or volume)"),
    ]


def _claims_energy_gas() -> list[Claim]:
    """WILSON2023 Energy: natural gas (US pipeline exports, reserves, methane)."""
    gas_y = gas_exports_annual()
    gas_last = gas_exports_to_mexico()["date"].max()
    ei_gas = ei_us_to_mexico_2023()
    res = mexico_gas_reserves()
    res_last = int(res.index.max())
    near_12 = int((res.loc[:2017] - 12).abs().loc[2000:].idxmin())  # the year since 2000 closest to 12 tcf
    energy_sec = "Energy"
    return [
        Claim(CHAPTER, "US pipeline gas to Mexico: just over 2 billion cubic feet a day in 2015", "WILSON2023",
              f"{energy_sec}: natural gas", 2, gas_y.loc[2015], "bcf per day",
              reason=f"The 2015 annual mean is higher; the level of about 2 bcf/d is the 2014 mean "
                     f"({gas_y.loc[2014]:.2f}). The report may mean early 2015.",
              basis="EIA N9132MX2, mean of monthly volumes 2015 / days"),
        Claim(CHAPTER, "US gas to Mexico: over 6.8 billion cubic feet a day by August 2023", "WILSON2023",
              f"{energy_sec}: natural gas", 6.8, ei_gas["bcf_per_day"], "bcf per day", comparison="over",
              measure="other",
              reason=f"Other period and measure: the report quotes a single month (August 2023); the EIA file "
                     f"ends in {gas_last:%B %Y}, so the data value is the {ei_gas['year']} annual average from the "
                     f"Energy Institute's pipeline trade table, and summer months run above the average. The EI's "
                     f"cubic metres are standardized to {ei_gas['gcv_mj_per_m3']:g} MJ each (gross calorific "
                     "value), an energy measure, while the EIA's and the report's cubic feet are physical volumes: "
                     "the two are not the same measure.",
              basis=f"EI 2024, Gas trade - pipeline, US to Mexico {ei_gas['year']}, bcm (standardized at "
                    f"{ei_gas['gcv_mj_per_m3']:g} MJ/m3) x {energy.BCF_PER_BCM} / days in the year"),
        Claim(CHAPTER, "Proven natural gas reserves fell from 12 tcf in 2017", "WILSON2023",
              f"{energy_sec}: natural gas", 12, res.loc[2017], "trillion cubic feet",
              reason=f"The Statistical Review puts Mexico's proved gas reserves at {res.loc[2017]:.1f} tcf at the "
                     f"end of 2017; they were last near 12 tcf in {near_12} ({res.loc[near_12]:.1f}). The series "
                     "is compiled from official sources, Cedigaz and OPEC; Mexico's own 1P count (CNH), which the "
                     "report may use, is not in the mirror.",
              basis="Proved gas reserves at end 2017, EI Statistical Review 2024 (gas proved reserves history, "
                    f"trillion cubic metres x {energy.BCF_PER_BCM}); the same values as BP 2021"),
        Claim(CHAPTER, "to 6.4 tcf in 2021", "WILSON2023", f"{energy_sec}: natural gas", 6.4, res.loc[res_last],
              "trillion cubic feet", measure="other",
              reason=f"Other period: the reserves series ends in {res_last} (the EI has not updated its reserves "
                     "tables since" + (f"; Mexico's {res_last} value repeats {res_last - 1}'s"
                                       if res.loc[res_last] == res.loc[res_last - 1] else "")
                     + f"). The value is at end {res_last}.",
              basis=f"Proved gas reserves at end {res_last}, EI Statistical Review 2024 (trillion cubic metres x "
                    f"{energy.BCF_PER_BCM})"),
        Claim(CHAPTER, "Mexico has close to 550 tcf of technically recoverable shale gas", "WILSON2023",
              f"{energy_sec}: natural gas", 550, None, "trillion cubic feet",
              needed="EIA/ARI world shale resource assessment (2015); not in the mirror"),
        Claim(CHAPTER, "In 2016 Mexico committed to cutting oil and gas methane emissions 40% to 45% by 2025",
              "WILSON2023", f"{energy_sec}: natural gas", 45, None, "%",
              needed="Methane emissions of Mexico's oil and gas sector by year (INECC inventory or the IEA Methane "
                     "Tracker); not in the mirror"),
    ]


def _claims_energy_electricity() -> list[Claim]:
    """WILSON2023 Energy: electricity auctions and nearshoring clean-energy potential."""
    energy_sec = "Energy"
    return [
        Claim(CHAPTER, "Three auction rounds in 2016-17 doubled Mexico's renewable capacity", "WILSON2023",
              f"{energy_sec}: electricity", 2, None, "times", kind="ratio",
              needed="Installed renewable capacity by year (SENER PRODESEN or IRENA); the mirror holds generation "
                     "shares, not capacity"),
        Claim(CHAPTER, "The rounds produced close to 9 billion dollars in promised investment", "WILSON2023",
              f"{energy_sec}: electricity", 9, None, "billion USD", needed="CENACE auction results"),
        Claim(CHAPTER, "Mexico could gain as much as 28,590 GW of clean energy", "WILSON2023", "Nearshoring: energy",
              28590, None, "GW", needed="ITA's renewable potential estimate; the unit is doubtful (28,590 GW "
                                        "would be far above Mexico's total installed capacity)"),
    ]


def _conapo_national() -> pd.Series:
    """Mexico's population by year (persons), CONAPO 2023 estimates and projections, 1950-2070."""
    from ..sources import inegi_conapo

    p = inegi_conapo.population()
    return p[p["cve_ent"] == "00"].set_index("year")["value"]


# --------------------------------------------------------------------------------------------------
# Tables behind the figures (:mod:`northam.figures.water` draws each; its CSV is the table)

#: Fuels of the OWID file grouped for the electricity chart.
FUEL_GROUPS = {"coal": "Coal", "gas": "Gas", "oil": "Oil", "nuclear": "Nuclear", "hydro": "Hydro",
               "wind": "Wind and solar", "solar": "Wind and solar", "bioenergy": "Other renewables",
               "other renewables": "Other renewables"}


def withdrawals_table() -> pd.DataFrame:
    """Withdrawals by sector (``table`` = "withdrawals_pct": percent of total, latest AQUASTAT year, one row
    per country) and internal renewable freshwater per person (``table`` = "renewable_m3_per_person": m3 per
    person per year, one row per AQUASTAT period, a column per country)."""
    ren = renewable_per_capita().rename_axis("year").reset_index()
    return pd.concat([withdrawals_by_sector().assign(table="withdrawals_pct"),
                      ren.assign(table="renewable_m3_per_person")], ignore_index=True)


def surface_water_table() -> pd.DataFrame:
    """Available surface water by hydrological-administrative region and publication (``available_km3``, km3
    a year, one row per region and publication) and basins by availability status (counts, one row per
    publication, as :func:`basin_status_counts`), for the publications covering every basin. ``year`` is a
    publication's first year; ``repeated_through`` the last year its table was printed under. Source:
    CONAGUA basin table."""
    avail = (availability_by_region() / 1e3).reset_index().melt(id_vars="rha", var_name="year",
                                                                  value_name="available_km3")
    status = basin_status_counts().rename_axis("year").reset_index()
    return pd.concat([avail, status], ignore_index=True)


def electricity_table() -> pd.DataFrame:
    """Share of generation by fuel group (percent; columns as :data:`FUEL_GROUPS`' values) and the clean
    shares of :func:`clean_shares` (renewables, nuclear, fossil, clean), by country and year."""
    mix = electricity_mix().assign(group=lambda d: d["fuel"].map(FUEL_GROUPS))
    groups = list(dict.fromkeys(FUEL_GROUPS.values()))
    g = mix.groupby(["iso3", "year", "group"])["value"].sum().unstack("group")[groups]
    return g.reset_index().rename_axis(None, axis=1).merge(clean_shares(), on=["iso3", "year"])


def oil_table() -> pd.DataFrame:
    """Mexico's oil production, thousand barrels a day: the annual series of :func:`mexico_oil_annual`
    (``series`` = "annual", by year) and PEMEX's monthly crude (``series`` = "monthly", ``pemex_monthly``
    by date)."""
    annual = mexico_oil_annual().reset_index().assign(series="annual")
    monthly = pemex_monthly().rename(columns={"value": "pemex_monthly"}).assign(series="monthly")
    return pd.concat([annual, monthly], ignore_index=True)


def gas_table() -> pd.DataFrame:
    """US pipeline gas exports to Mexico, billion cubic feet a day: EIA's monthly volumes and the Energy
    Institute's 2023 annual average (one row, dated mid-year; cubic feet of gas standardized at the EI's gross
    calorific value, not physical volume); ``source`` names each."""
    ei = ei_us_to_mexico_2023()
    dot = pd.DataFrame({"date": [pd.Timestamp(ei["year"], 7, 1)], "bcf_per_day": [ei["bcf_per_day"]],
                        "source": [f"EI 2024 pipeline trade, {ei['year']} annual"]})
    return pd.concat([gas_exports_to_mexico().assign(source="EIA N9132MX2"), dot], ignore_index=True)


def trend_table() -> pd.DataFrame:
    """The drought trend model's result as a small table (percentage points per decade)."""
    tr = drought_trend()
    return pd.DataFrame({
        "estimate": ["Trend, points per decade", "95% interval, low", "95% interval, high", "p-value",
                     "Months", "R²"],
        "value": [tr["slope_per_decade"], tr["ci_low"], tr["ci_high"], tr["p_value"], float(tr["n_months"]),
                  tr["r2"]],
    })


def oil_comparison_table(since: int = 2010) -> pd.DataFrame:
    """Gaps between publications for Mexico's crude + condensate, in percent of the EI 2024 value."""
    c = oil_comparison()
    c = c[c["year"] >= since]
    return pd.DataFrame({
        "year": c["year"].astype(str),
        "EI 2024, thousand b/d": c["ei_crude"].astype(float),
        "BP 2021 vs EI 2024, %": c["bp_vs_ei_pct"].astype(float),
        "PEMEX vs EI 2024, %": c["pemex_vs_ei_pct"].astype(float),
    })

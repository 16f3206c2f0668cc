"""Chapter "Autos": North American vehicle production, US auto jobs, electric cars and the auto trade.

Sources (recorded by the build when the page runs):

* OICA production by country and type (``oica`` R package CSV; a corrupt year and a few other rows are
  dropped by :mod:`northam.sources.oica`), plus a later year's OICA totals for the US, Mexico and Canada
  from a Wikipedia table. Units: vehicles.
* BLS Current Employment Statistics via FRED: motor vehicles and parts (CES3133600101) and all
  manufacturing (MANEMP). Units: thousands of employees, seasonally adjusted.
* IEA Global EV Outlook 2025 data explorer. Units: percent of new cars; vehicles.
* US Census End-Use imports by country (group 3, automotive vehicles, parts and engines). Units:
  million current US dollars (general imports, Customs value).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import numerics
from ..cache import memo
from ..claims import Claim
from ..prose import and_list, change, direction
from ..sources import census, iea, oica
from ..sources.fred import fred_series

CHAPTER = "autos"
NA = ("USA", "MEX", "CAN")
AUTOS_JOBS = "fred_CES3133600101_motor_vehicles_parts_employment.csv"
MANUF_JOBS = "fred_MANEMP_manufacturing_employment.csv"
PARTNERS = {"MEX": census.CODE["MEX"], "CAN": census.CODE["CAN"], "JPN": census.CODE["JPN"],
            "KOR": census.CODE["KOR"], "DEU": census.CODE["DEU"], "CHN": census.CODE["CHN"]}
WORLD_CODE = 0  # End-Use file: world total
EV_REGIONS = {"USA": "USA", "Canada": "CAN", "Mexico": "MEX", "China": "CHN", "Europe": "Europe",
              "World": "World"}
#: Year of the data set next to the report's "22% of USMCA trade" (USTR): the report states no year and was
#: published in 2025 with data up to January 2025, so the latest full year it can describe is 2024.
USMCA_CLAIM_YEAR = 2024
#: Named events the chapter marks and quotes as context (not data extremes): the 2008-09 financial crisis
#: (the US recession ended in June 2009, NBER) and the pandemic year, which is also the report's comparison
#: year ("21% above the pandemic year 2020").
CRISIS_YEAR = 2009
PANDEMIC_YEAR = 2020
#: The report's year for North American production ("exceeded 16 million units in 2023").
REPORT_PROD_YEAR = 2023
#: The year of the report's count of US auto jobs (USTR, 2024).
USTR_JOBS_YEAR = 2024
#: Mexico's share trend starts the year after the crisis, so the crash itself does not drive the line.
TREND_START = CRISIS_YEAR + 1
LABEL = {"USA": "United States", "MEX": "Mexico", "CAN": "Canada"}


# --------------------------------------------------------------------------------------------------
# Production


@memo(maxsize=1)  # most tables and numbers of the chapter start from it
def production() -> pd.DataFrame:
    """Motor vehicle production (cars + commercial vehicles) of the US, Mexico and Canada per year.

    One row per year from the R package file's first year to the Wikipedia table's year (years whose values
    all fail the checks, 2023 in the mirror's file, are kept as empty rows). Columns: year, USA, MEX, CAN,
    total (vehicles; NaN when a country's value is missing or was dropped as implausible), share_USA,
    share_MEX, share_CAN (percent of the three-country total), source. A country-year counts only if both its passenger-car
    and commercial-vehicle values passed the plausibility checks.
    """
    df = oica.production()
    df = df[df["iso3"].isin(NA)]
    wide = df.pivot_table(index="year", columns=["iso3", "type"], values="value", aggfunc="sum")
    t24 = oica.production_2024()
    year24 = int(t24["year"].max())
    years = range(int(df["year"].min()), year24 + 1)
    out = pd.DataFrame(index=pd.Index(years, name="year"))
    for iso in NA:
        both = wide[iso].reindex(columns=list(oica.TYPES))
        out[iso] = both.sum(axis=1, min_count=2)  # NaN unless both types are present
    y24 = t24.set_index("iso3")["value"]
    for iso in NA:
        out.loc[year24, iso] = y24[iso]
    out["total"] = out[list(NA)].sum(axis=1, min_count=3)
    for iso in NA:
        out[f"share_{iso}"] = 100 * out[iso] / out["total"]
    out["source"] = [oica.KEY_2024 if y == year24 else oica.KEY for y in out.index]
    return out.reset_index()


def dropped_rows() -> pd.DataFrame:
    """Rows of the OICA file dropped by the plausibility checks (country, year, type, value, check, message)."""
    return oica.dropped()


def dropped_summary() -> dict:
    """What the checks drop, for the chapter's one-line note: whole years, and North American rows."""
    bad = dropped_rows()
    raw = oica.production(strict=False)
    kept_years = set(raw["year"])
    whole = sorted(int(y) for y in set(bad["year"]) if y not in kept_years)
    na_names = {"USA", "Mexico", "Canada"}
    na_rows = bad[bad["country"].isin(na_names) & ~bad["year"].isin(whole)]
    return {
        "whole_years": whole,
        "n_rows": int(len(bad)),
        "n_other": int((~bad["year"].isin(whole)).sum()),
        "na_rows": [f"{r.country} {r.year} {oica.TYPES[r.type]} ({r.value:,.0f})" for r in na_rows.itertuples()],
    }


def dropped_outside_whole_years() -> pd.DataFrame:
    """Dropped OICA rows outside the wholly dropped years: country, year, type, value (vehicles), check."""
    bad = dropped_rows()
    whole = dropped_summary()["whole_years"]
    bad = bad[~bad["year"].isin(whole)]
    return bad[["country", "year", "type", "value", "check"]].reset_index(drop=True)


def oica_coverage() -> dict:
    """Years the production sources cover: ``file_first``/``file_last`` (every year in the raw ``oica`` R
    package file, corrupt ones included), ``table_year`` (the Wikipedia OICA table), and the first and last
    year with a North American value from each (``oica_first``/``oica_last``: the R package file after the
    checks)."""
    raw = oica.read_raw().dropna(subset=["year"])
    p = production()
    from_file = p.loc[(p["source"] == oica.KEY) & p[list(NA)].notna().any(axis=1), "year"]
    return {"file_first": int(raw["year"].min()), "file_last": int(raw["year"].max()),
            "oica_first": int(from_file.min()), "oica_last": int(from_file.max()),
            "table_year": int(p.loc[p["source"] == oica.KEY_2024, "year"].max())}


def production_years() -> dict:
    """Years of :func:`production` with a three-country total: ``first`` and ``last``, and around the report's
    year (:data:`REPORT_PROD_YEAR`) ``before`` (the last year before it) and ``report`` (the report's year,
    whether or not the data have it)."""
    total = production().set_index("year")["total"].dropna()
    have = total.index
    return {"first": int(have.min()), "last": int(have.max()),
            "before": int(have[have < REPORT_PROD_YEAR].max()), "report": REPORT_PROD_YEAR}


def report_year_table_years() -> list[int]:
    """Rows of :func:`production_around_2023`: the pandemic year (the report's base), the last year with data
    before the report's year, the report's year and the latest year with data."""
    y = production_years()
    return sorted({PANDEMIC_YEAR, y["before"], y["report"], y["last"]})


def production_around_2023() -> pd.DataFrame:
    """Three-country production around the report's year (million vehicles), with a status column: the
    years of :func:`report_year_table_years` (2020, 2022, 2023 and 2024 with the mirror's files).

    The report's year is empty when its open OICA values are corrupt (see :func:`dropped_rows`).
    """
    p = production().set_index("year").loc[report_year_table_years()]
    out = pd.DataFrame({"year": p.index.astype(str)})
    for iso in NA:
        out[LABEL[iso]] = (p[iso] / 1e6).to_numpy()
    out["Total"] = (p["total"] / 1e6).to_numpy()
    via = {oica.KEY: "OICA, via the oica R package", oica.KEY_2024: "OICA, via Wikipedia's table"}
    out["Status"] = ["not rebuildable from the open data found" if pd.isna(v) else via[s]
                     for v, s in zip(p["total"], p["source"], strict=True)]
    return out


def _linear_trend(p: pd.DataFrame, alpha: float):
    """OLS of Mexico's share (percent) on the year: the fitted model and its (1 - alpha) band of the mean."""
    from statsmodels.regression.linear_model import OLS  # not statsmodels.api: a second to import
    from statsmodels.tools.tools import add_constant

    X = add_constant(p["year"].astype(float))
    model = OLS(p["share_MEX"].astype(float), X).fit()
    pred = model.get_prediction(X).summary_frame(alpha)
    fit = pd.DataFrame({"year": p["year"].to_numpy(), "share": p["share_MEX"].to_numpy(),
                        "fitted": pred["mean"].to_numpy(), "lower": pred["mean_ci_lower"].to_numpy(),
                        "upper": pred["mean_ci_upper"].to_numpy()})
    return model, numerics.fit_digits(fit, ["fitted", "lower", "upper"])


def _best_level_shift(p: pd.DataFrame) -> dict:
    """Is the rise steady? The one-step model (a level shift in Mexico's share, percent) whose break year
    leaves the smallest residual sum of squares, with the means and ranges before and after it."""
    from statsmodels.regression.linear_model import OLS  # not statsmodels.api: a second to import
    from statsmodels.tools.tools import add_constant

    best = None
    for brk in range(int(p["year"].min()) + 3, int(p["year"].max()) - 1):
        Xs = add_constant((p["year"] >= brk).astype(float).rename("after"))
        m = OLS(p["share_MEX"].astype(float), Xs).fit()
        if best is None or m.ssr < best[1].ssr:
            best = (brk, m)
    brk, step = best
    before = p.loc[p["year"] < brk, "share_MEX"]
    after = p.loc[p["year"] >= brk, "share_MEX"]
    return {"step_year": int(brk), "step_r2": float(step.rsquared), "aic_step": float(step.aic),
            "mean_before": float(before.mean()), "mean_after": float(after.mean()),
            "range_before": float(before.max() - before.min()), "range_after": float(after.max() - after.min())}


@memo(maxsize=4)  # the key numbers and the chart's table read the same fit
def mexico_share_trend(start: int = TREND_START, alpha: float = 0.05) -> dict:
    """OLS trend of Mexico's share of three-country production on the year, from ``start`` on.

    Returns slope (percentage points per year) with its (1 - alpha) confidence interval, R-squared,
    the years used, the largest residual (pp and year), the best one-step alternative
    (:func:`_best_level_shift`) and a frame ``fit`` (year, share, fitted, lower, upper: confidence
    band of the mean) for charting. Years without a three-country total (2021: Canada's passenger cars
    dropped; 2023: corrupt) are left out, not filled. Source: OICA production (:func:`production`).
    """
    p = production().dropna(subset=["share_MEX"])
    p = p[p["year"] >= start]
    model, fit = _linear_trend(p, alpha)
    lo, hi = model.conf_int(alpha).loc["year"]
    worst = model.resid.abs().idxmax()
    return numerics.require_finite({
        **_best_level_shift(p), "aic_linear": float(model.aic),
        "slope": float(model.params["year"]), "slope_lo": float(lo), "slope_hi": float(hi),
        "r2": float(model.rsquared), "n": int(model.nobs), "first": int(p["year"].min()),
        "last": int(p["year"].max()), "max_resid": float(model.resid[worst]),
        "max_resid_year": int(p.loc[worst, "year"]), "fit": fit,
    }, what=f"{CHAPTER}: trend of Mexico's production share")


def production_shares() -> pd.DataFrame:
    """Each country's share of three-country production (percent) per year, with Mexico's linear trend.

    Columns: year, share_USA, share_MEX, share_CAN (NaN in years without a three-country total),
    mex_trend_fitted, mex_trend_lower, mex_trend_upper (OLS trend of :func:`mexico_share_trend` and its
    95% band, on the years it was fitted to; NaN elsewhere), source (the OICA file of the year, as in
    :func:`production`).
    """
    p = production()[["year", "share_USA", "share_MEX", "share_CAN", "source"]]
    fit = mexico_share_trend()["fit"][["year", "fitted", "lower", "upper"]]
    fit = fit.rename(columns={c: f"mex_trend_{c}" for c in ("fitted", "lower", "upper")})
    out = p.merge(fit, on="year", how="left")
    return out[[c for c in out.columns if c != "source"] + ["source"]]


# --------------------------------------------------------------------------------------------------
# Employment


def employment_monthly() -> pd.DataFrame:
    """US employment, monthly from 1990: date, autos and manufacturing (thousands, SA), autos_share (%).

    ``autos`` is BLS CES motor vehicles and parts (NAICS 3361-3363); ``manufacturing`` all manufacturing.
    """
    a = fred_series(AUTOS_JOBS).set_index("date")["value"].rename("autos")
    m = fred_series(MANUF_JOBS).set_index("date")["value"].rename("manufacturing")
    out = pd.concat([a, m], axis=1, join="inner")
    out["autos_share"] = 100 * out["autos"] / out["manufacturing"]
    return out.reset_index()


def employment_annual() -> pd.DataFrame:
    """Annual averages of :func:`employment_monthly` for years with all twelve months (thousands; %)."""
    m = employment_monthly()
    m["year"] = m["date"].dt.year
    g = m.groupby("year")
    out = g[["autos", "manufacturing"]].mean()
    out = out[g.size() == 12]
    out["autos_share"] = 100 * out["autos"] / out["manufacturing"]
    return out.reset_index()


def jobs_per_vehicle() -> pd.DataFrame:
    """US motor vehicle and parts jobs per 1,000 vehicles produced in the US, and as an index.

    Columns: year, jobs (annual average, thousands), vehicles (US production), jobs_per_1000 (jobs per
    1,000 vehicles), index (the table's first year = 100). Years without a valid US production value are
    left out.
    """
    e = employment_annual().set_index("year")["autos"]
    p = production().set_index("year")["USA"].dropna()
    out = pd.DataFrame({"jobs": e.reindex(p.index), "vehicles": p}).dropna()
    out["jobs_per_1000"] = out["jobs"] * 1000 / (out["vehicles"] / 1000)
    out["index"] = 100 * out["jobs_per_1000"] / out["jobs_per_1000"].iloc[0]
    return out.reset_index()


# --------------------------------------------------------------------------------------------------
# Electric cars


def ev_cars() -> pd.DataFrame:
    """Electric cars (BEV + PHEV), every historical year of the IEA file: label, region, year, sales_share (% of new cars), sales and
    stock (BEV + PHEV, vehicles).

    Regions: the US, Canada, Mexico, China, Europe and the World (IEA GEVO 2025, historical rows, cars).
    Fuel-cell cars are excluded (IEA's "EV" is BEV + PHEV); ``sales_share`` is IEA's own "EV sales share".
    """
    d = iea.gevo()
    d = d[(d["category"] == "Historical") & (d["mode"] == "Cars") & d["region"].isin(list(EV_REGIONS))]
    share = d[(d["parameter"] == "EV sales share") & (d["powertrain"] == "EV")]
    share = share.set_index(["region", "year"])["value"].rename("sales_share")
    ev = d[d["powertrain"].isin(["BEV", "PHEV"]) & d["parameter"].isin(["EV sales", "EV stock"])]
    vol = ev.pivot_table(index=["region", "year"], columns="parameter", values="value", aggfunc="sum")
    vol = vol.rename(columns={"EV sales": "sales", "EV stock": "stock"})
    out = pd.concat([share, vol], axis=1).reset_index().rename_axis(None, axis=1)
    out.insert(0, "label", out["region"].map(EV_REGIONS))
    return out.sort_values(["label", "year"], ignore_index=True)[["label", "region", "year", "sales_share", "sales",
                                                                   "stock"]]


# --------------------------------------------------------------------------------------------------
# Auto trade


def _enduse_by_partner() -> pd.DataFrame:
    e = census.enduse_imports()
    e = e[e["cty_code"].isin([*PARTNERS.values(), WORLD_CODE])].copy()
    e["auto"] = e["end_use"].str.startswith("3")
    label = {v: k for k, v in PARTNERS.items()} | {WORLD_CODE: "World"}
    e["label"] = e["cty_code"].map(label)
    return e.pivot_table(index="year", columns=["label", "auto"], values="value", aggfunc="sum")


def auto_imports() -> pd.DataFrame:
    """US imports of automotive vehicles, parts and engines (End-Use group 3) by partner, billion USD.

    Columns: year, MEX, CAN, JPN, KOR, DEU, CHN, World. Census general imports, Customs value.
    """
    w = _enduse_by_partner()
    out = pd.DataFrame({lab: w[(lab, True)] / 1e3 for lab in [*PARTNERS, "World"]})
    return out.reset_index().rename_axis(None, axis=1)


def auto_share_of_imports() -> pd.DataFrame:
    """Autos (End-Use group 3) as a percent of all US goods imports from a partner, per year.

    Columns: year, MEX, CAN, USMCA (Mexico and Canada together), World.
    """
    w = _enduse_by_partner()
    auto = {lab: w[(lab, True)] for lab in ["MEX", "CAN", "World"]}
    total = {lab: w[(lab, True)] + w[(lab, False)] for lab in ["MEX", "CAN", "World"]}
    out = pd.DataFrame({lab: 100 * auto[lab] / total[lab] for lab in auto})
    out["USMCA"] = 100 * (auto["MEX"] + auto["CAN"]) / (total["MEX"] + total["CAN"])
    return out[["MEX", "CAN", "USMCA", "World"]].reset_index().rename_axis(None, axis=1)


# --------------------------------------------------------------------------------------------------
# Rules of origin (treaty parameters, the one kind of typed constant allowed)

RULES_OF_ORIGIN = [
    {"Requirement": "Regional value content, passenger cars and light trucks (net cost)",
     "NAFTA (1994)": "62.5%", "USMCA (2020)": "75% (phased in 2020-2023)",
     "Where": "NAFTA Art. 403(5); USMCA Ch. 4, Appendix to Annex 4-B, Art. 3"},
    {"Requirement": "Regional value content, core parts (engines, transmissions, ...)",
     "NAFTA (1994)": "62.5% (engines, transmissions); 60% other parts", "USMCA (2020)": "75%",
     "Where": "NAFTA Art. 403(5)-(6); USMCA Appendix to Annex 4-B, Art. 3"},
    {"Requirement": "Labour value content (share made at high wages)",
     "NAFTA (1994)": "none", "USMCA (2020)": "40% cars, 45% light trucks",
     "Where": "USMCA Appendix to Annex 4-B, Art. 7"},
    {"Requirement": "High-wage threshold for labour value content",
     "NAFTA (1994)": "none", "USMCA (2020)": "average base wage of at least US$16 per hour",
     "Where": "USMCA Appendix to Annex 4-B, Art. 7"},
    {"Requirement": "Steel and aluminium bought by the vehicle maker",
     "NAFTA (1994)": "none", "USMCA (2020)": "at least 70% originating in North America",
     "Where": "USMCA Appendix to Annex 4-B, Art. 6"},
]


def rules_of_origin() -> pd.DataFrame:
    """NAFTA and USMCA automotive rules of origin side by side (treaty parameters, cited per row)."""
    return pd.DataFrame(RULES_OF_ORIGIN)


# --------------------------------------------------------------------------------------------------
# Numbers for the prose, and the reports' claims


def _dropped_numbers() -> dict:
    """What the OICA plausibility checks drop (years, row counts, North American rows) and their thresholds
    (percent)."""
    drop = dropped_summary()
    return {
        "dropped_years": ", ".join(str(y) for y in drop["whole_years"]),
        "dropped_n_rows": drop["n_rows"],
        "dropped_n_other": drop["n_other"],
        "dropped_na_rows": "; ".join(drop["na_rows"]) or "none",
        "check_max_fall_pct": 100 * oica.MAX_FALL, "check_floor_pct": 100 * oica.FLOOR_SHARE,
    }


def _coverage_numbers() -> dict:
    """Years the production data cover (see :func:`oica_coverage`), the first and last years with a
    three-country total (``prod_first_year``, ``prod_last_year``) and the report's year."""
    c = oica_coverage()
    y = production_years()
    return {"oica_file_first": c["file_first"], "oica_file_last": c["file_last"],
            "oica_table_year": c["table_year"], "prod_first_year": y["first"], "prod_last_year": y["last"],
            "report_prod_year": REPORT_PROD_YEAR}


def _report_year_numbers() -> dict:
    """The report's production year in the data: whether it can be rebuilt (``report_prod_status``, a clause) and
    the other years of the table set next to it (``report_table_years``, "2020, 2022 and 2024")."""
    p = production().set_index("year")
    y = REPORT_PROD_YEAR
    dropped = dropped_summary()["whole_years"]
    if pd.notna(p["total"].get(y)):
        status = f"is in the data: {p.loc[y, 'total'] / 1e6:.1f} million vehicles"
    elif y in dropped:
        status = f"cannot be rebuilt: every {y} value in the open OICA file is corrupt"
    else:
        status = f"cannot be rebuilt: the open data have no {y} value for all three countries"
    others = [str(t) for t in report_year_table_years() if t != y]
    return {"report_prod_status": status,
            "report_table_years": and_list(others)}


def _production_numbers() -> dict:
    """Three-country and national production (million vehicles) in the first and last years with a total
    and in the crisis and pandemic years; growth since the pandemic year (percent, with ``more``/``fewer``) and
    shares (percent of the three-country total) with their direction. Source: OICA (:func:`production`)."""
    p = production().set_index("year")
    y = production_years()
    first, last = y["first"], y["last"]
    years = {"first": first, "crisis": CRISIS_YEAR, "pandemic": PANDEMIC_YEAR, "last": last}
    k = {"crisis_year": CRISIS_YEAR, "pandemic_year": PANDEMIC_YEAR}
    k |= {f"total_{name}_m": p.loc[yr, "total"] / 1e6 for name, yr in years.items()}
    k |= {f"{iso.lower()}_{name}_m": p.loc[years[name], iso] / 1e6 for iso in NA for name in ("pandemic", "last")}
    growth = 100 * (p.loc[last, "total"] / p.loc[PANDEMIC_YEAR, "total"] - 1)
    k |= {"growth_last_vs_pandemic_pct": growth, "growth_last_vs_pandemic_abs_pct": abs(growth),
          "growth_last_vs_pandemic_word": "fewer" if growth < 0 else "more"}
    for iso in ("MEX", "CAN"):
        a, b = p.loc[first, f"share_{iso}"], p.loc[last, f"share_{iso}"]
        k |= {f"{iso.lower()}_share_first": a, f"{iso.lower()}_share_last": b,
              f"{iso.lower()}_share_dir": direction(b, a)}
    return k


def _trend_numbers() -> dict:
    """Mexico's share trend (percentage points a year, R-squared) and its level-shift alternative."""
    t = mexico_share_trend()
    return {
        "trend_slope": t["slope"], "trend_lo": t["slope_lo"], "trend_hi": t["slope_hi"], "trend_r2": t["r2"],
        "trend_first": t["first"], "trend_last": t["last"], "trend_n": t["n"],
        "trend_max_resid": abs(t["max_resid"]), "trend_max_resid_year": t["max_resid_year"],
        "trend_step_year": t["step_year"], "trend_step_r2": t["step_r2"],
        "trend_mean_before": t["mean_before"], "trend_mean_after": t["mean_after"],
        "trend_step_better": "better" if t["aic_step"] < t["aic_linear"] else "worse",
        "trend_steady_clause": ("But the change was not steady" if t["aic_step"] < t["aic_linear"]
                                else "The change was closer to steady than to a single jump"),
    }


def _jobs_numbers() -> dict:
    """US motor vehicle and parts jobs (thousands, BLS CES via FRED), their share of manufacturing jobs
    (percent) with the changes behind it, and jobs per 1,000 vehicles made in the US (and its index, first
    year = 100)."""
    ea = employment_annual().set_index("year")
    em = employment_monthly().set_index("date")
    j = jobs_per_vehicle().set_index("year")
    last = int(ea.index.max())
    first = int(ea.index.min())
    peak = int(ea["autos"].idxmax())
    trough = ea.loc[ea.index > peak, "autos"]  # the low point since the peak
    change = {c: 100 * (ea.loc[last, c] / ea.loc[first, c] - 1) for c in ("autos", "manufacturing")}
    return {
        "jobs_first_month": em.index.min().strftime("%B %Y"), "jobs_last_month": em.index.max().strftime("%B %Y"),
        "jobs_last_value_k": float(em["autos"].iloc[-1]),
        "jobs_peak_year": peak, "jobs_peak_k": ea.loc[peak, "autos"],
        "jobs_trough_year": int(trough.idxmin()), "jobs_trough_k": trough.min(),
        "jobs_last_year": last, "jobs_last_year_k": ea.loc[last, "autos"],
        "ustr_jobs_year": USTR_JOBS_YEAR, "jobs_ustr_year_k": ea.loc[USTR_JOBS_YEAR, "autos"],
        "jobs_first_year": first,
        "jobs_share_first": ea.loc[first, "autos_share"], "jobs_share_last": ea.loc[last, "autos_share"],
        "jobs_share_dir": direction(ea.loc[last, "autos_share"], ea.loc[first, "autos_share"]),
        "jobs_autos_change_pct": abs(change["autos"]), "jobs_autos_dir": direction(change["autos"], 0),
        "jobs_manuf_change_pct": abs(change["manufacturing"]),
        "jobs_manuf_dir": direction(change["manufacturing"], 0),
        "jpv_base": j["jobs_per_1000"].iloc[0], "jpv_base_year": int(j.index.min()),
        "jpv_last": j["jobs_per_1000"].iloc[-1],
        **{f"jpv_{key}": v for key, v in jpv_turning_points(j).items()},
    }


def _why_index_moved(j: pd.DataFrame, start: int, end: int) -> str:
    """Why the jobs-per-vehicle index (``j`` indexed by year) moved from ``start`` to ``end``, in the words of
    its two parts: which moved faster, output (vehicles) or payrolls (jobs), and in which direction."""
    jobs = j.loc[end, "jobs"] / j.loc[start, "jobs"]
    cars = j.loc[end, "vehicles"] / j.loc[start, "vehicles"]
    up = j.loc[end, "index"] > j.loc[start, "index"]
    if up:  # jobs per vehicle rose: output fell faster than payrolls, or payrolls grew faster than output
        return "when output fell faster than payrolls" if cars < 1 else "when payrolls grew faster than output"
    return "as output recovered faster than hiring" if cars > 1 and jobs >= 1 else (
        "as output grew while payrolls shrank" if cars > 1 else "as payrolls fell faster than output")


def jpv_turning_points(j: pd.DataFrame) -> dict:
    """The jobs-per-vehicle index (``j`` indexed by year, columns jobs, vehicles, index) at its turns: its low
    (``index_min``), its highest value before the low (``index_peak``, with ``peak_why`` saying which part
    moved it from the year before and ``drop_why`` what took it down to the low), its highest since the low
    (``index_high``), its latest value, and which way it has moved since that high ("has eased since" or
    "has held since"; the high being the latest year gives "is at that high in ..."). The US production peak
    up to the high (``output_peak_year``) and whether employment held up from it to the high explain the
    rebound in the prose."""
    idx = j["index"]
    low = int(idx.idxmin())
    before = idx.loc[idx.index < low]
    peak = int(before.idxmax()) if len(before) else low
    prev = int(idx.index[idx.index < peak].max()) if (idx.index < peak).any() else peak
    high = int(idx.loc[idx.index > low].idxmax())
    last = int(idx.index.max())
    if high == last:
        since = f"is at that high in {last}, the latest year"
    else:
        since = "has eased since" if idx.loc[last] < idx.loc[high] else "has held since"
    out_peak = int(j.loc[:high, "vehicles"].idxmax())
    return {
        "index_peak": idx.loc[peak], "index_peak_year": peak, "peak_why": _why_index_moved(j, prev, peak),
        "drop_why": _why_index_moved(j, peak, low),
        "index_min": idx.min(), "index_min_year": low,
        "index_high": idx.loc[high], "index_high_year": high, "since_high": since,
        "last_year": last, "index_last": idx.loc[last],
        "output_peak_year": out_peak,
        "jobs_held": "held up" if j.loc[high, "jobs"] >= j.loc[out_peak, "jobs"] else "fell less",
    }


def _ev_numbers() -> dict:
    """Electric cars in the IEA file's last historical year (``ev_last_year``): share of new cars (percent) by
    region, and cars on the road (IEA GEVO 2025)."""
    ev = ev_cars()
    last = int(ev.dropna(subset=["sales_share"])["year"].max())
    ev = ev.set_index(["label", "year"])
    k = {f"ev_share_last_{lab.lower()}": ev.loc[(lab, last), "sales_share"]
         for lab in ["USA", "CAN", "MEX", "CHN", "Europe", "World"]}
    return k | {"ev_last_year": last, "ev_stock_last_usa_m": ev.loc[("USA", last), "stock"] / 1e6,
                "ev_stock_last_can_k": ev.loc[("CAN", last), "stock"] / 1e3,
                "ev_stock_last_mex_k": ev.loc[("MEX", last), "stock"] / 1e3}


def _trade_numbers() -> dict:
    """US auto imports by partner (billion current USD) and autos' share of imports from a partner (percent),
    Census End-Use group 3."""
    imp = auto_imports().set_index("year")
    sh = auto_share_of_imports().set_index("year")
    last = int(imp.index.max())
    first = int(imp.index.min())
    return {
        "trade_first_year": first, "trade_last_year": last,
        "imp_mex_last_bn": imp.loc[last, "MEX"], "imp_can_last_bn": imp.loc[last, "CAN"],
        "imp_jpn_last_bn": imp.loc[last, "JPN"], "imp_mex_first_bn": imp.loc[first, "MEX"],
        "imp_mex_change": change(imp.loc[last, "MEX"], imp.loc[first, "MEX"], digits=0),
        "imp_world_last_bn": imp.loc[last, "World"],
        "imp_usmca_share_of_world_last": 100 * (imp.loc[last, "MEX"] + imp.loc[last, "CAN"]) / imp.loc[last, "World"],
        "share_mex_last": sh.loc[last, "MEX"], "share_can_last": sh.loc[last, "CAN"],
        "share_can_first": sh.loc[first, "CAN"], "share_mex_first": sh.loc[first, "MEX"],
        "usmca_claim_year": USMCA_CLAIM_YEAR,
        "share_usmca_claim_year": sh.loc[USMCA_CLAIM_YEAR, "USMCA"], "share_usmca_last": sh.loc[last, "USMCA"],
        "share_usmca_change": change(sh.loc[last, "USMCA"], sh.loc[USMCA_CLAIM_YEAR, "USMCA"]),
    }


def key_numbers() -> dict:
    """Numbers the chapter's prose quotes (glued; keys prefixed ``autos_``; units in each part's docstring)."""
    k = {**_dropped_numbers(), **_coverage_numbers(), **_report_year_numbers(), **_production_numbers(),
         **_trend_numbers(), **_jobs_numbers(), **_ev_numbers(), **_trade_numbers()}
    return {f"autos_{key}": (float(v) if isinstance(v, (np.floating, float)) else v) for key, v in k.items()}


def claims() -> list[Claim]:
    """The reports' auto figures next to the open data (and the USMCA's rules next to the treaty text)."""
    return [*_claims_production(), *_claims_trade_and_jobs(), *_claims_rules_of_origin()]


def _claims_production() -> list[Claim]:
    """NAP2025 Goal 4, rise of the auto industry: North American vehicle production, 2023 (the report's year).
    When the data lack that year, the latest year with a three-country total stands in (another year)."""
    p = production().set_index("year")
    y = production_years()
    sec = "Goal 4, Driving North America forward. The rise of the auto industry"
    rep = y["report"]
    have = pd.notna(p["total"].get(rep))
    year = rep if have else y["last"]
    other = {} if have else {
        "measure": "other",
        "reason": f"Other year: every {rep} value in the open OICA file is corrupt and dropped, so the value is "
                  f"{year}'s ({y['before']}: {p.loc[y['before'], 'total'] / 1e6:.2f} million)."
                  if rep in dropped_summary()["whole_years"] else
                  f"Other year: the open data have no {rep} total, so the value is {year}'s."}
    growth_other = {} if have else {
        "measure": "other",
        "reason": f"Other year: {rep} production is not in the open data, so the value is {year} over "
                  f"{PANDEMIC_YEAR}."}
    return [
        Claim(CHAPTER, "North American motor vehicle production exceeded 16 million units in 2023", "NAP2025",
              sec, 16, unit="million vehicles", comparison="exceeded",
              quote="In 2023, the production of motor vehicles in North America exceeded 16 million units (also "
                    "'reached over 16 million' in the auto section)",
              value=p.loc[year, "total"] / 1e6, **other,
              basis=f"US + Mexico + Canada motor vehicle production, {year} (OICA)"),
        Claim(CHAPTER, "2023 production was 21% above the pandemic year 2020", "NAP2025", sec, 21,
              100 * (p.loc[year, "total"] / p.loc[PANDEMIC_YEAR, "total"] - 1), "percent", kind="growth",
              **growth_other,
              basis=f"US + Mexico + Canada motor vehicle production, {year} / {PANDEMIC_YEAR} - 1 (OICA)"),
    ]


def _claims_trade_and_jobs() -> list[Claim]:
    """NAP2025 Goal 4, rise of the auto industry: autos in USMCA trade, and auto jobs."""
    sh = auto_share_of_imports().set_index("year")
    last = int(sh.index.max())
    y = USMCA_CLAIM_YEAR
    ea = employment_annual().set_index("year")
    sec = "Goal 4, Driving North America forward. The rise of the auto industry"
    return [
        Claim(CHAPTER, "Autos are about 22% of USMCA trade (USTR)", "NAP2025", sec, 22,
              float(sh.loc[y, "USMCA"]), "percent", measure="other",
              quote="The auto industry is the largest component of total North American trade (22% of the USMCA "
                    "trade, USTR); stated three times",
              reason="Imports side only: the data value is End-Use group 3 as a share of all US goods imports "
                     f"from Mexico and Canada in {y}; the report's share covers trade in both directions "
                     f"(USTR, definition not given). In {last}, the latest year, the share was "
                     f"{sh.loc[last, 'USMCA']:.1f}%.",
              basis=f"Census End-Use imports by country, {y}, group 3 / all end uses, Mexico + Canada. {y}, not "
                    f"the latest year ({last}): the report gives no year; it was published in 2025 with data "
                    f"up to January 2025, so its USTR share can be for {y} at the latest"),
        Claim(CHAPTER, "The US auto industry employs 9.7 million people directly (USTR, 2024)", "NAP2025", sec, 9.7,
              float(ea.loc[USTR_JOBS_YEAR, "autos"] / 1e3), "million jobs", measure="other",
              reason="Other measure: the report's figure counts dealers, suppliers and related jobs; the BLS "
                     "series counts only jobs in motor vehicle, body, trailer and parts manufacturing.",
              basis=f"BLS CES3133600101, {USTR_JOBS_YEAR} annual average of monthly SA employment"),
        Claim(CHAPTER, "It supports an additional 11 million US jobs through its supply chain (USTR, 2024)",
              "NAP2025", sec, 11, None, "million jobs",
              needed="An input-output estimate of indirect employment (BEA/BLS); not in the mirror"),
        Claim(CHAPTER, "Mexico's auto industry has 1 million direct jobs (AMIA, 2024)", "NAP2025", sec, 1.0, None,
              "million jobs",
              needed="INEGI employment by industry (EMIM/IMSS series for NAICS 3361-3363) in the mirror."),
        Claim(CHAPTER, "The Mexican auto industry influences 20 million jobs across sectors (AMIA, 2024)", "NAP2025",
              sec, 20, None, "million jobs", needed="AMIA's estimate (input-output); no open data"),
        Claim(CHAPTER, "Canada's auto industry accounts for 462,000 direct and indirect jobs (StatCan, 2023)",
              "NAP2025", sec, 462, None, "thousand jobs",
              needed="Statistics Canada employment by industry (and input-output multipliers for indirect jobs)."),
        Claim(CHAPTER, "A car's components may cross the borders as many as eight times", "NAP2025", sec, 8, None,
              "crossings", kind="count", needed="Firm-level supply-chain tracing (CRS cites industry accounts); no "
                                                "open data"),
    ]


def _claims_rules_of_origin() -> list[Claim]:
    """NAP2025 Goal 4, from NAFTA to the USMCA: rules of origin against the treaty text."""
    roo = rules_of_origin().set_index("Requirement")
    sec = "Goal 4, Driving North America forward. The rise of the auto industry"
    rules = f"{sec}: from NAFTA to the USMCA"
    treaty = "the treaty parameter as this chapter's rules-of-origin table gives it (cited per row there)"
    return [
        Claim(CHAPTER, "USMCA: 75% of a vehicle's components must be sourced from North America", "NAP2025", rules,
              75, _treaty_number(roo.loc[roo.index.str.startswith("Regional value content, passenger"),
                                         "USMCA (2020)"].iloc[0]), "%", basis=treaty),
        Claim(CHAPTER, "NAFTA required 62.5%", "NAP2025", rules, 62.5,
              _treaty_number(roo.loc[roo.index.str.startswith("Regional value content, passenger"),
                                     "NAFTA (1994)"].iloc[0]), "%", basis=treaty),
        Claim(CHAPTER, "70% of the steel and aluminum used in vehicles must originate in North America", "NAP2025",
              rules, 70, _treaty_number(roo.loc[roo.index.str.startswith("Steel and aluminium"),
                                                "USMCA (2020)"].iloc[0]), "%", basis=treaty),
        *[Claim(CHAPTER, f"{'40%' if i == 0 else '45%'} of auto content must be made by workers earning at least 16 "
                f"dollars an hour ({'lower' if i == 0 else 'upper'} end of '40% to 45%')", "NAP2025", rules, rep,
                _treaty_number(roo.loc[roo.index.str.startswith("Labour value content"), "USMCA (2020)"].iloc[0],
                               i), "%", basis=treaty + " (40% for cars, 45% for light trucks)")
          for i, rep in enumerate((40, 45))],
        Claim(CHAPTER, "The high-wage threshold is 16 dollars per hour", "NAP2025", rules, 16,
              _treaty_number(roo.loc[roo.index.str.startswith("High-wage threshold"), "USMCA (2020)"].iloc[0]),
              "USD per hour", basis=treaty),
    ]


def _treaty_number(text: str, index: int = 0) -> float:
    """The ``index``-th number in a cell of :func:`rules_of_origin` ("75% (phased in 2020-2023)" -> 75)."""
    import re

    numbers = re.findall(r"\d+(?:\.\d+)?", str(text).replace("US$", ""))
    if len(numbers) <= index:
        raise ValueError(f"no number {index} in treaty cell {text!r}")
    return float(numbers[index])

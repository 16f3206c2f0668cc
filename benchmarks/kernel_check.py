"""Print every statistical fit's published values as JSON, for a diff across BLAS kernels (not a test).

The chapters glue numbers computed from statistical fits (OLS/HAC trends, a structural time-series
model, STL). Those numbers must not depend on the CPU's BLAS kernel. Run this script once per kernel,
prefixing the one command with the variable, and diff the outputs; they must be identical:

    NORTHAM_DATA_MIRROR=../shared/data python benchmarks/kernel_check.py > default.json
    OPENBLAS_CORETYPE=Haswell NORTHAM_DATA_MIRROR=../shared/data python benchmarks/kernel_check.py > haswell.json
    diff default.json haswell.json        # likewise SandyBridge, Prescott

Each value is formatted as the chapter prints it: the format spec of its ``{glue:text}`` role in
notebooks/ (e.g. ``.2f``), or ``.3f`` for a number no page prints. ``--detail`` adds two more decimals
to each number (to see how far a value is from flipping its last published digit; those extra digits
may differ between kernels). Checks that are not glued (band without NaN, optimiser converged) are
listed under "checks". Fits are grouped by chapter and function. The tables of fitted values the figures
publish (every digit) are compared through their hash, under "fit tables".
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

DEFAULT_SPEC = ".3f"
GLUE = re.compile(r"\{glue:text\}`([A-Za-z0-9_]+):?([^`]*)`")


def published_specs() -> dict[str, str]:
    """Format spec of each glued name, read from the chapter sources (notebooks/*.md and *.ipynb)."""
    specs: dict[str, str] = {}
    for path in sorted((ROOT / "notebooks").glob("*")):
        if path.suffix in (".md", ".ipynb"):
            for name, spec in GLUE.findall(path.read_text(encoding="utf-8").replace('\\"', '"')):
                specs.setdefault(name, spec)
    return specs


def _fmt(value, spec: str, extra: int):
    """``value`` as printed with ``spec`` (plus ``extra`` decimals); non-numbers unchanged."""
    if isinstance(value, (bool, str)) or value is None:
        return value
    if not spec or spec[-1] not in "fe%":
        spec = DEFAULT_SPEC if isinstance(value, float) and not float(value).is_integer() else spec
    m = re.fullmatch(r"(.*\.)(\d+)([fe%])", spec)
    if m and extra:
        spec = f"{m[1]}{int(m[2]) + extra}{m[3]}"
    return format(value, spec)


def labor_uc() -> dict:
    """labor: UnobservedComponents trend of log monthly encounters of Mexicans (last month, 95% band)."""
    from northam.analysis import labor

    d = labor.decompose_encounters()
    return {"labor_stl_trend_last": d["uc_trend"].iloc[-1], "labor_stl_trend_low": d["uc_low"].iloc[-1],
            "labor_stl_trend_high": d["uc_high"].iloc[-1], "labor_stl_slope_last": d["uc_slope_pct"].iloc[-1]}


def labor_stl() -> dict:
    """labor: STL seasonal profile, spring peak and December trough in two spans of fiscal years."""
    from northam.analysis import labor

    prof = labor.seasonal_profile()
    early, late = prof.columns
    return {"labor_stl_peak_early": prof[early].max(), "labor_stl_trough_early": -prof[early].min(),
            "labor_stl_peak_late": prof[late].max(), "labor_stl_trough_late": -prof[late].min()}


def trade_break() -> dict:
    """trade: segmented OLS trend (HAC) of the CHN and MEX shares of US goods trade, break 2018."""
    from northam.analysis import trade

    out = {}
    for iso in ("CHN", "MEX"):
        r = trade.share_trend_break(iso)
        for k in ("slope_before", "slope_before_lo", "slope_before_hi", "slope_after", "slope_after_lo",
                  "slope_after_hi", "change_p"):
            out[f"trade_{iso.lower()}_{k}"] = r[k]
    return out


def agri_winter() -> dict:
    """agri: OLS of log monthly imports on a winter dummy (HS 07 vegetables, HS 08 fruit)."""
    from northam.analysis import agri

    out = {}
    for chapter, name in (("07", "veg"), ("08", "fruit")):
        r = agri.winter_share_estimate(chapter)
        out.update({f"agri_winter_{name}_{k}": r[k]
                    for k in ("ratio", "ratio_lo", "ratio_hi", "share", "share_lo", "share_hi")})
    return out


def agri_trend() -> dict:
    """agri: OLS trend (HAC) of Mexico's share of US fresh vegetable and fruit imports."""
    from northam.analysis import agri

    out = {}
    for product, name in (("Fresh vegetables", "veg"), ("Fresh fruit", "fruit")):
        r = agri.share_trend(product, "MEX")
        out.update({f"agri_{name}_trend_slope": r["slope"], f"agri_{name}_trend_lo": r["slope_lo"],
                    f"agri_{name}_trend_hi": r["slope_hi"], f"agri_{name}_trend_change": r["change"],
                    f"agri_{name}_trend_change_lo": r["change_lo"], f"agri_{name}_trend_change_hi": r["change_hi"]})
    return out


def water_drought() -> dict:
    """water: OLS trend (HAC, 12 lags) of the border states' share in severe drought, month dummies."""
    from northam.analysis import water

    r = water.drought_trend()
    return {"water_drought_trend_decade": r["slope_per_decade"], "water_drought_trend_lo": r["ci_low"],
            "water_drought_trend_hi": r["ci_high"], "water_drought_trend_p": r["p_value"],
            "water_drought_trend_n": r["n_months"], "water_drought_trend_r2": r["r2"],
            "water_drought_season_peak_month": r["season_peak_month"],
            "water_drought_season_low_month": r["season_low_month"]}


def autos_trend() -> dict:
    """autos: OLS trend of Mexico's share of production, and the best one-step (level shift) model."""
    from northam.analysis import autos

    t = autos.mexico_share_trend()
    return {"autos_trend_slope": t["slope"], "autos_trend_lo": t["slope_lo"], "autos_trend_hi": t["slope_hi"],
            "autos_trend_r2": t["r2"], "autos_trend_n": t["n"], "autos_trend_max_resid": abs(t["max_resid"]),
            "autos_trend_max_resid_year": t["max_resid_year"], "autos_trend_step_year": t["step_year"],
            "autos_trend_step_r2": t["step_r2"], "autos_trend_mean_before": t["mean_before"],
            "autos_trend_mean_after": t["mean_after"],
            "autos_trend_step_better": "better" if t["aic_step"] < t["aic_linear"] else "worse"}


def maps_gdp() -> dict:
    """maps: OLS of the Social Progress Index on log GVA per person, 32 states; outliers."""
    from northam.analysis import maps

    g = maps.gdp_vs_spi()
    return {"maps_gdp_slope": g["slope"], "maps_gdp_slope_lo": g["slope_ci"][0],
            "maps_gdp_slope_hi": g["slope_ci"][1], "maps_gdp_r2": g["r2"],
            "maps_gdp_outliers": ", ".join(g["data"].loc[g["data"]["outlier"], "name"])}


FITS: dict[str, Callable[[], dict]] = {
    "labor.decompose_encounters (UnobservedComponents)": labor_uc,
    "labor.seasonal_profile (STL)": labor_stl,
    "trade.share_trend_break (OLS, HAC)": trade_break,
    "agri.winter_share_estimate (OLS)": agri_winter,
    "agri.share_trend (OLS, HAC)": agri_trend,
    "water.drought_trend (OLS, HAC)": water_drought,
    "autos.mexico_share_trend (OLS, step search)": autos_trend,
    "maps.gdp_vs_spi (OLS, influence)": maps_gdp,
}


def checks() -> dict:
    """Properties that are not glued but must hold on every kernel: no NaN in the labor band, converged."""
    from northam.analysis import labor

    d = labor.decompose_encounters()
    band = d[["uc_trend", "uc_low", "uc_high"]].to_numpy()
    res = labor.fit_trend_model(np.log(labor.monthly_mexicans()))
    return {"labor_uc_band_nan_cells": int(np.isnan(band).sum()), "labor_uc_band_months": int(len(d)),
            "labor_uc_converged": bool(res.mle_retvals["converged"]),
            "labor_uc_min_level_variance_positive": bool(res.smoothed_state_cov[0, 0].min() > 0)}


def fit_tables() -> dict:
    """sha256 of each table of fitted values a figure publishes, written as its CSV is (every digit kept): the
    CSVs and the charts drawn from them must be the same bytes under every kernel, not only the glued numbers
    (:func:`northam.numerics.fit_digits` rounds them)."""
    import hashlib

    from northam import downloads
    from northam.analysis import autos, labor, maps, trade, water

    tables = {"autos production shares and trend": autos.production_shares(),
              "labor encounters decomposition": labor.decompose_encounters(),
              "maps GDP vs SPI, states": maps.gdp_vs_spi()["data"], "maps GDP vs SPI, band": maps.gdp_vs_spi()["band"],
              "trade share trends": trade.trend_break_fits(), "water drought trend": water.drought_trend_band()}
    return {name: hashlib.sha256(downloads.full_precision(t).to_csv().encode()).hexdigest()[:16]
            for name, t in tables.items()}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--detail", action="store_true", help="two more decimals than published")
    args = ap.parse_args(argv)
    specs, extra = published_specs(), 2 if args.detail else 0
    out = {name: {k: _fmt(v, specs.get(k, ""), extra) for k, v in fn().items()} for name, fn in FITS.items()}
    out["checks"] = checks()
    out["fit tables (sha256 of the CSV text)"] = fit_tables()
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()

"""Chapter "Autos": North American vehicle production, US auto jobs, electric cars and the auto trade.

Sources (registry keys in :func:`registry_keys`):

* OICA production by country and type, 2006-2023 (``oica`` R package CSV; 2023 and a few other rows
  are corrupt and dropped by :mod:`northam.sources.oica`), plus OICA 2024 totals for the US, Mexico
  and Canada from a Wikipedia table. Units: vehicles.
* BLS Current Employment Statistics via FRED: motor vehicles and parts (CES3133600101) and all
  manufacturing (MANEMP). Units: thousands of employees, seasonally adjusted.
* IEA Global EV Outlook 2025 data explorer. Units: percent of new cars; vehicles.
* US Census End-Use imports by country (group 3, automotive vehicles, parts and engines). Units:
  million current US dollars (general imports, Customs value).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib import dates as mdates
from matplotlib.ticker import MaxNLocator

from .. import numerics
from ..claims import Claim
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
INDEX_BASE = 2006
LABEL = {"USA": "United States", "MEX": "Mexico", "CAN": "Canada"}


def registry_keys() -> list[str]:
    return [*oica.registry_keys(), AUTOS_JOBS, MANUF_JOBS, iea.KEY, census.ENDUSE_IMPORTS]


# --------------------------------------------------------------------------------------------------
# Production


def production() -> pd.DataFrame:
    """Motor vehicle production (cars + commercial vehicles) of the US, Mexico and Canada per year.

    One row per year 2006-2024 (2023 included as an empty row: the OICA file's 2023 values are corrupt
    and no clean 2023 file was found). Columns: year, USA, MEX, CAN, total (vehicles; NaN when a
    country's value is missing or was dropped as implausible), share_USA, share_MEX, share_CAN
    (percent of the three-country total), source. A country-year counts only if both its passenger-car
    and commercial-vehicle values passed the plausibility checks.
    """
    df = oica.production()
    df = df[df["iso3"].isin(NA)]
    wide = df.pivot_table(index="year", columns=["iso3", "type"], values="value", aggfunc="sum")
    years = range(int(df["year"].min()), 2025)
    out = pd.DataFrame(index=pd.Index(years, name="year"))
    for iso in NA:
        both = wide[iso].reindex(columns=list(oica.TYPES))
        out[iso] = both.sum(axis=1, min_count=2)  # NaN unless both types are present
    y24 = oica.production_2024().set_index("iso3")["value"]
    for iso in NA:
        out.loc[2024, iso] = y24[iso]
    out["total"] = out[list(NA)].sum(axis=1, min_count=3)
    for iso in NA:
        out[f"share_{iso}"] = 100 * out[iso] / out["total"]
    out["source"] = [oica.KEY_2024 if y == 2024 else oica.KEY for y in out.index]
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


def production_around_2023() -> pd.DataFrame:
    """Three-country production in 2020, 2022, 2023 and 2024 (million vehicles), with a status column.

    2023 is empty: the open OICA values are corrupt (see :func:`dropped_rows`).
    """
    p = production().set_index("year").loc[[2020, 2022, 2023, 2024]]
    out = pd.DataFrame({"year": p.index.astype(str)})
    for iso in NA:
        out[LABEL[iso]] = (p[iso] / 1e6).to_numpy()
    out["Total"] = (p["total"] / 1e6).to_numpy()
    via = {oica.KEY: "OICA, via the oica R package", oica.KEY_2024: "OICA, via Wikipedia's table"}
    out["Status"] = ["not rebuildable from the open data found" if pd.isna(v) else via[s]
                     for v, s in zip(p["total"], p["source"], strict=True)]
    return out


def mexico_share_trend(start: int = 2010, alpha: float = 0.05) -> dict:
    """OLS trend of Mexico's share of three-country production on the year, from ``start`` on.

    Returns slope (percentage points per year) with its (1 - alpha) confidence interval, R-squared,
    the years used, the largest residual (pp and year) and a frame ``fit`` (year, share, fitted,
    lower, upper: confidence band of the mean) for charting. Years without a three-country total
    (2021: Canada's passenger cars dropped; 2023: corrupt) are left out, not filled.
    """
    import statsmodels.api as sm

    p = production().dropna(subset=["share_MEX"])
    p = p[p["year"] >= start]
    X = sm.add_constant(p["year"].astype(float))
    model = sm.OLS(p["share_MEX"].astype(float), X).fit()
    lo, hi = model.conf_int(alpha).loc["year"]
    pred = model.get_prediction(X).summary_frame(alpha)
    fit = pd.DataFrame({"year": p["year"].to_numpy(), "share": p["share_MEX"].to_numpy(),
                        "fitted": pred["mean"].to_numpy(), "lower": pred["mean_ci_lower"].to_numpy(),
                        "upper": pred["mean_ci_upper"].to_numpy()})
    resid = model.resid
    worst = resid.abs().idxmax()
    # Is the rise steady? Compare with a one-step model (a level shift at the best break year).
    best = None
    for brk in range(int(p["year"].min()) + 3, int(p["year"].max()) - 1):
        Xs = sm.add_constant((p["year"] >= brk).astype(float).rename("after"))
        m = sm.OLS(p["share_MEX"].astype(float), Xs).fit()
        if best is None or m.ssr < best[1].ssr:
            best = (brk, m)
    brk, step = best
    before = p.loc[p["year"] < brk, "share_MEX"]
    after = p.loc[p["year"] >= brk, "share_MEX"]
    return numerics.require_finite({
        "step_year": int(brk), "step_r2": float(step.rsquared), "aic_linear": float(model.aic),
        "aic_step": float(step.aic), "mean_before": float(before.mean()), "mean_after": float(after.mean()),
        "range_before": float(before.max() - before.min()), "range_after": float(after.max() - after.min()),
        "slope": float(model.params["year"]), "slope_lo": float(lo), "slope_hi": float(hi),
        "r2": float(model.rsquared), "n": int(model.nobs), "first": int(p["year"].min()),
        "last": int(p["year"].max()), "max_resid": float(resid[worst]),
        "max_resid_year": int(p.loc[worst, "year"]), "fit": fit,
    }, what=f"{CHAPTER}: trend of Mexico's production share")


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
    1,000 vehicles), index (2006 = 100). Years without a valid US production value are left out.
    """
    e = employment_annual().set_index("year")["autos"]
    p = production().set_index("year")["USA"].dropna()
    out = pd.DataFrame({"jobs": e.reindex(p.index), "vehicles": p}).dropna()
    out["jobs_per_1000"] = out["jobs"] * 1000 / (out["vehicles"] / 1000)
    out["index"] = 100 * out["jobs_per_1000"] / out.loc[INDEX_BASE, "jobs_per_1000"]
    return out.reset_index()


# --------------------------------------------------------------------------------------------------
# Electric cars


def ev_cars() -> pd.DataFrame:
    """Electric cars (BEV + PHEV) 2010-2024: region label, year, sales_share (% of new cars), stock (vehicles).

    Regions: the US, Canada, Mexico, China, Europe and the World (IEA GEVO 2025, historical rows).
    """
    d = iea.ev_cars(regions=tuple(EV_REGIONS))
    d["label"] = d["region"].map(EV_REGIONS)
    return d[["label", "region", "year", "sales_share", "sales", "stock"]].reset_index(drop=True)


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


def key_numbers() -> dict:
    """Numbers the chapter's prose quotes (glued; keys prefixed ``autos_``)."""
    p = production().set_index("year")
    t = mexico_share_trend()
    ea = employment_annual().set_index("year")
    em = employment_monthly().set_index("date")
    j = jobs_per_vehicle().set_index("year")
    ev = ev_cars().set_index(["label", "year"])
    imp = auto_imports().set_index("year")
    sh = auto_share_of_imports().set_index("year")
    drop = dropped_summary()
    last_emp = int(ea.index.max())
    last_trade = int(imp.index.max())
    peak_year = int(ea["autos"].idxmax())
    trough = ea.loc[2005:2015, "autos"]
    k = {
        "dropped_years": ", ".join(str(y) for y in drop["whole_years"]),
        "dropped_n_rows": drop["n_rows"],
        "dropped_n_other": drop["n_other"],
        "dropped_na_rows": "; ".join(drop["na_rows"]) or "none",
        "check_max_fall_pct": 100 * oica.MAX_FALL, "check_floor_pct": 100 * oica.FLOOR_SHARE,
        "total_2020_m": p.loc[2020, "total"] / 1e6,
        "total_2022_m": p.loc[2022, "total"] / 1e6,
        "total_2024_m": p.loc[2024, "total"] / 1e6,
        "total_2006_m": p.loc[2006, "total"] / 1e6,
        "total_2009_m": p.loc[2009, "total"] / 1e6,
        "growth_2024_vs_2020_pct": 100 * (p.loc[2024, "total"] / p.loc[2020, "total"] - 1),
        "growth_2022_vs_2020_pct": 100 * (p.loc[2022, "total"] / p.loc[2020, "total"] - 1),
        "usa_2020_m": p.loc[2020, "USA"] / 1e6, "mex_2020_m": p.loc[2020, "MEX"] / 1e6,
        "can_2020_m": p.loc[2020, "CAN"] / 1e6,
        "usa_2024_m": p.loc[2024, "USA"] / 1e6, "mex_2024_m": p.loc[2024, "MEX"] / 1e6,
        "can_2024_m": p.loc[2024, "CAN"] / 1e6,
        "mex_share_2006": p.loc[2006, "share_MEX"], "mex_share_2024": p.loc[2024, "share_MEX"],
        "can_share_2006": p.loc[2006, "share_CAN"], "can_share_2024": p.loc[2024, "share_CAN"],
        "usa_share_2024": p.loc[2024, "share_USA"],
        "trend_slope": t["slope"], "trend_lo": t["slope_lo"], "trend_hi": t["slope_hi"], "trend_r2": t["r2"],
        "trend_first": t["first"], "trend_last": t["last"], "trend_n": t["n"],
        "trend_max_resid": abs(t["max_resid"]), "trend_max_resid_year": t["max_resid_year"],
        "trend_step_year": t["step_year"], "trend_step_r2": t["step_r2"],
        "trend_mean_before": t["mean_before"], "trend_mean_after": t["mean_after"],
        "trend_step_better": "better" if t["aic_step"] < t["aic_linear"] else "worse",
        "jobs_first_month": em.index.min().strftime("%B %Y"),
        "jobs_last_month": em.index.max().strftime("%B %Y"),
        "jobs_last_value_k": float(em["autos"].iloc[-1]),
        "jobs_peak_year": peak_year, "jobs_peak_k": ea.loc[peak_year, "autos"],
        "jobs_trough_year": int(trough.idxmin()), "jobs_trough_k": trough.min(),
        "jobs_last_year": last_emp, "jobs_last_year_k": ea.loc[last_emp, "autos"],
        "jobs_2024_k": ea.loc[2024, "autos"],
        "jobs_share_1990": ea.loc[1990, "autos_share"], "jobs_share_last": ea.loc[last_emp, "autos_share"],
        "jpv_2006": j.loc[INDEX_BASE, "jobs_per_1000"], "jpv_2024": j.loc[2024, "jobs_per_1000"],
        "jpv_index_2024": j.loc[2024, "index"], "jpv_index_2009": j.loc[2009, "index"],
        "jpv_index_2020": j.loc[2020, "index"],
        "jpv_index_min": j["index"].min(), "jpv_index_min_year": int(j["index"].idxmin()),
        "trade_last_year": last_trade,
        "imp_mex_last_bn": imp.loc[last_trade, "MEX"], "imp_can_last_bn": imp.loc[last_trade, "CAN"],
        "imp_jpn_last_bn": imp.loc[last_trade, "JPN"], "imp_mex_2016_bn": imp.loc[2016, "MEX"],
        "imp_world_last_bn": imp.loc[last_trade, "World"],
        "imp_usmca_share_of_world_last": 100 * (imp.loc[last_trade, "MEX"] + imp.loc[last_trade, "CAN"])
        / imp.loc[last_trade, "World"],
        "share_mex_last": sh.loc[last_trade, "MEX"], "share_can_last": sh.loc[last_trade, "CAN"],
        "share_can_2016": sh.loc[2016, "CAN"], "share_mex_2016": sh.loc[2016, "MEX"],
        "share_usmca_2024": sh.loc[2024, "USMCA"], "share_usmca_last": sh.loc[last_trade, "USMCA"],
    }
    for lab in ["USA", "CAN", "MEX", "CHN", "Europe", "World"]:
        k[f"ev_share_2024_{lab.lower()}"] = ev.loc[(lab, 2024), "sales_share"]
    k["ev_stock_2024_usa_m"] = ev.loc[("USA", 2024), "stock"] / 1e6
    k["ev_stock_2024_can_k"] = ev.loc[("CAN", 2024), "stock"] / 1e3
    k["ev_stock_2024_mex_k"] = ev.loc[("MEX", 2024), "stock"] / 1e3
    return {f"autos_{key}": (float(v) if isinstance(v, (np.floating, float)) else v) for key, v in k.items()}


def claims() -> list[Claim]:
    """The reports' auto figures next to the open data."""
    p = production().set_index("year")
    sh = auto_share_of_imports().set_index("year")
    ea = employment_annual().set_index("year")
    return [
        Claim(CHAPTER, "North American motor vehicle production exceeded 16 million units in 2023", "NAP2025",
              "The success of the auto industry", 16, None, "million vehicles",
              needed="A clean OICA 2023 production table for the US, Mexico and Canada: every 2023 value in the "
                     "open OICA file is corrupt and dropped; 2022 and 2024 are shown next to it.",
              basis=f"2022: {p.loc[2022, 'total'] / 1e6:.2f} m; 2024: {p.loc[2024, 'total'] / 1e6:.2f} m (OICA)"),
        Claim(CHAPTER, "2023 production was 21% above the pandemic year 2020", "NAP2025",
              "The success of the auto industry", 21, None, "percent",
              needed="OICA 2023 production (see above); the 2020 base is in the data.",
              basis="2020 three-country total from the OICA file"),
        Claim(CHAPTER, "Autos are about 22% of USMCA trade (USTR)", "NAP2025",
              "The success of the auto industry", 22, float(sh.loc[2024, "USMCA"]), "percent",
              reason="Imports side only: the data value is End-Use group 3 as a share of all US goods imports "
                     "from Mexico and Canada in 2024; the report's share covers trade in both directions "
                     "(USTR, definition not given).",
              basis="Census End-Use imports by country, 2024, group 3 / all end uses, Mexico + Canada"),
        Claim(CHAPTER, "The US auto industry employs 9.7 million people directly (USTR, 2024)", "NAP2025",
              "The success of the auto industry", 9.7, float(ea.loc[2024, "autos"] / 1e3), "million jobs",
              reason="Different measure: the report's figure counts dealers, suppliers and related jobs; "
                     "the BLS series counts only jobs in motor vehicle, body, trailer and parts "
                     "manufacturing.",
              basis="BLS CES3133600101, 2024 annual average of monthly SA employment"),
        Claim(CHAPTER, "Mexico's auto industry has 1 million direct jobs (AMIA, 2024)", "NAP2025",
              "The success of the auto industry", 1.0, None, "million jobs",
              needed="INEGI employment by industry (EMIM/IMSS series for NAICS 3361-3363) in the mirror."),
        Claim(CHAPTER, "Canada's auto industry accounts for 462,000 direct and indirect jobs (StatCan, 2023)",
              "NAP2025", "The success of the auto industry", 462, None, "thousand jobs",
              needed="Statistics Canada employment by industry (and input-output multipliers for indirect jobs)."),
    ]


# --------------------------------------------------------------------------------------------------
# Charts (house style; each publishes the exact frame it plots)

OICA_SOURCE = ("OICA production statistics via the 'oica' R package (2006-2022) and via Wikipedia's "
               "OICA table (2024, US/Mexico/Canada only)")


def chart_production() -> None:
    """Stacked bars of US, Mexican and Canadian production; 2023 (and Canada 2021) left empty."""
    from .. import charts

    p = production().set_index("year")
    fig, ax = charts.figure("Motor vehicle production in North America", "Million vehicles (cars and "
                            "commercial vehicles) per year")
    bottom = np.zeros(len(p))
    for iso in NA:
        vals = (p[iso] / 1e6).fillna(0).to_numpy()
        ax.bar(p.index, vals, bottom=bottom, color=charts.country_color(iso), label=LABEL[iso], width=0.75)
        bottom += vals
    heights = dict(zip(p.index, bottom, strict=True))
    for y in p.index[p["total"].isna()]:
        gone = [LABEL[c] for c in NA if pd.isna(p.loc[y, c])]
        label = "no valid data" if len(gone) == len(NA) else f"no {', '.join(gone)}"
        ax.text(y, heights[y] + 0.3, label, ha="center", va="bottom", fontsize=7, rotation=90, color="#555555")
    charts.mark_years(ax, {2009: "2009", 2020: "2020"})
    ax.set_xticks(list(p.index)[::2])
    ax.set_ylim(0, float(bottom.max()) * 1.3)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0.9), ncols=3, fontsize=8, frameon=True,
              facecolor="white", edgecolor="none", framealpha=1)
    k = p["total"] / 1e6
    gap = ", ".join(str(y) for y in p.index[p[list(NA)].isna().all(axis=1)])
    part = [(int(y), LABEL[c]) for y in p.index for c in NA if pd.isna(p.loc[y, c]) and p.loc[y, list(NA)].notna().any()]
    part_txt = "; ".join(f"in {y} {c}'s value failed a plausibility check, so {c} is left out of that bar"
                         for y, c in part)
    charts.publish(
        fig, "autos-production", data=p.reset_index()[["year", *NA, "total", "source"]].assign(unit="vehicles"),
        source=OICA_SOURCE,
        alt=(f"Stacked bar chart of vehicle production in the United States, Mexico and Canada, 2006 to 2024. "
             f"The total falls from {k[2006]:.1f} million in 2006 to {k[2009]:.1f} million in 2009, peaks at "
             f"{k.max():.1f} million in {int(k.idxmax())}, drops to {k[2020]:.1f} million in 2020 and reaches "
             f"{k[2024]:.1f} million in 2024. The {gap} bar is empty (corrupt source rows)."),
        caption="Motor vehicle production by country. Dashed lines mark the 2009 crash and the 2020 pandemic "
                f"year. {gap} is empty because every {gap} value in the open OICA file is corrupt"
                + (f"; {part_txt}." if part_txt else "."),
    )


def chart_shares() -> None:
    """Each country's share of the three-country total, with the OLS trend of Mexico's share and its CI."""
    from .. import charts

    p = production().set_index("year")
    t = mexico_share_trend()
    fit = t["fit"]
    missing = [int(y) for y in p.index[p["total"].isna()]]
    fig, ax = charts.figure("Shares of North American vehicle production",
                            "Percent of the US + Mexico + Canada total; band: 95% CI of Mexico's linear trend")
    for iso in NA:
        ax.plot(p.index, p[f"share_{iso}"], color=charts.country_color(iso), label=LABEL[iso], marker="o",
                markersize=3)
    ax.plot(fit["year"], fit["fitted"], color=charts.country_color("MEX"), linestyle=":", linewidth=1)
    ax.fill_between(fit["year"], fit["lower"], fit["upper"], color=charts.country_color("MEX"), alpha=0.2,
                    label=f"Mexico trend {t['first']}-{t['last']}")
    charts.mark_years(ax, {2009: "2009", 2020: "2020"})
    ax.set_ylim(0, None)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="center left", fontsize=8)
    data = p.reset_index()[["year", "share_USA", "share_MEX", "share_CAN"]].merge(
        fit[["year", "fitted", "lower", "upper"]].add_prefix("mex_trend_").rename(
            columns={"mex_trend_year": "year"}), on="year", how="left")
    charts.publish(
        fig, "autos-production-shares", data=data.assign(unit="percent"), source=OICA_SOURCE,
        alt=(f"Line chart of each country's share of three-country vehicle production. Mexico rises from "
             f"{p.loc[2006, 'share_MEX']:.0f}% in 2006 to {p.loc[2024, 'share_MEX']:.0f}% in 2024, Canada falls "
             f"from {p.loc[2006, 'share_CAN']:.0f}% to {p.loc[2024, 'share_CAN']:.0f}%, the United States stays "
             f"near {p['share_USA'].mean():.0f}%. Mexico's fitted trend rises {t['slope']:.2f} points a year."),
        caption=f"Share of each country in the three-country total ({', '.join(map(str, missing))} missing: "
                "see the production chart). The shaded band is the 95% confidence interval of an ordinary least squares trend "
                f"fitted to Mexico's share from {t['first']} on.",
        gaps=f"no share in {', '.join(map(str, missing))}: the OICA rows of those years fail the checks.",
    )


def chart_employment() -> None:
    """Monthly US motor vehicle and parts employment, and its share of manufacturing employment."""
    from .. import charts

    m = employment_monthly()
    fig, (a1, a2) = charts.figure("US jobs in motor vehicle and parts manufacturing",
                                  "Left: thousands of employees; right: percent of all manufacturing "
                                  "employees (monthly, seasonally adjusted)", ncols=2, figsize=(9, 3.8))
    a1.plot(m["date"], m["autos"], color=charts.country_color("USA"), linewidth=1)
    a2.plot(m["date"], m["autos_share"], color=charts.country_color("USA"), linewidth=1)
    for a in (a1, a2):
        charts.mark_years(a, {pd.Timestamp("1994-01-01"): "NAFTA", pd.Timestamp("2009-06-01"): "2009",
                              pd.Timestamp("2020-04-01"): "2020"})
    a1.set_ylim(0, None)
    a2.set_ylim(0, None)
    for a in (a1, a2):
        a.xaxis.set_major_locator(mdates.YearLocator(10))
        a.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    peak = m.loc[m["autos"].idxmax()]
    charts.publish(
        fig, "autos-employment", data=m.assign(unit="thousands; percent"),
        source="U.S. Bureau of Labor Statistics, Current Employment Statistics, via FRED (CES3133600101, "
               "MANEMP)",
        alt=(f"Two line charts, monthly {m['date'].min():%Y} to {m['date'].max():%Y}. Motor vehicle and parts "
             f"employment peaks at {peak['autos']:,.0f} thousand in {peak['date']:%B %Y}, falls to "
             f"{m['autos'].min():,.0f} thousand in {m.loc[m['autos'].idxmin(), 'date']:%B %Y} and stands at "
             f"{m['autos'].iloc[-1]:,.0f} thousand in {m['date'].iloc[-1]:%B %Y}. Its share of manufacturing "
             f"jobs moves from {m['autos_share'].iloc[0]:.1f}% to {m['autos_share'].iloc[-1]:.1f}%."),
        caption="US employment in motor vehicle, body, trailer and parts manufacturing (NAICS 3361-3363), "
                "and as a share of all manufacturing employment. Direct manufacturing jobs only.",
    )


def chart_ev() -> None:
    """Electric-car sales share of new cars, and EV car stock, for the three countries, China, Europe, world."""
    from .. import charts

    d = ev_cars()
    colors = {"Europe": "#56B4E9", "World": charts.country_color("WLD")}
    names = {"USA": "United States", "CAN": "Canada", "MEX": "Mexico", "CHN": "China"}
    fig, (a1, a2) = charts.figure("Electric cars: sales share and stock", "Left: percent of new cars sold "
                                  "(BEV + PHEV); right: cars on the road, log scale", ncols=2, figsize=(9, 3.8))
    for lab, g in d.groupby("label"):
        c = colors.get(lab) or charts.country_color(lab)
        lw = 2 if lab in NA else 1.2
        a1.plot(g["year"], g["sales_share"], color=c, linewidth=lw, label=names.get(lab, lab))
        a2.plot(g["year"], g["stock"], color=c, linewidth=lw)
    a2.set_yscale("log")
    for a in (a1, a2):
        a.xaxis.set_major_locator(MaxNLocator(integer=True))
    a1.legend(fontsize=7.5, loc="upper left")
    s24 = d[d["year"] == 2024].set_index("label")["sales_share"]
    charts.publish(
        fig, "autos-ev", data=d.assign(unit="percent of new cars; vehicles"),
        source="IEA, Global EV Outlook 2025, Global EV Data Explorer (EVDataExplorer2025.xlsx)",
        alt=(f"Two line charts, 2010 to 2024. In 2024 electric cars were {s24['CHN']:.0f}% of new cars in China, "
             f"{s24['Europe']:.0f}% in Europe, {s24['World']:.0f}% worldwide, {s24['CAN']:.0f}% in Canada, "
             f"{s24['USA']:.0f}% in the United States and {s24['MEX']:.1f}% in Mexico. EV stock rises in every "
             "region, fastest in China."),
        caption="Battery-electric and plug-in hybrid cars: share of new car sales and number on the road. "
                "Historical IEA data (no projections).",
    )


def chart_auto_imports() -> None:
    """US auto imports (End-Use group 3) from six partners, 2016 to the latest year."""
    from .. import charts

    d = auto_imports().set_index("year")
    fig, ax = charts.figure("US imports of vehicles, parts and engines by partner",
                            "Billion current US dollars per year (Census End-Use group 3)")
    for iso in PARTNERS:
        ax.plot(d.index, d[iso], color=charts.country_color(iso), label=charts.country_label(iso), marker="o",
                markersize=3, linewidth=2.2 if iso in NA else 1.2)
    charts.mark_years(ax, {2020.5: "USMCA"})
    ax.set_ylim(0, None)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(0, 0.92), ncols=2)
    last = int(d.index.max())
    charts.publish(
        fig, "autos-imports-by-partner", data=d.reset_index().assign(unit="billion USD"),
        source="US Census Bureau, End-Use imports by country (group 3), 2016-2025",
        alt=(f"Line chart of US imports of automotive vehicles, parts and engines, 2016 to {last}. Mexico is "
             f"largest throughout, rising from {d.loc[2016, 'MEX']:.0f} to {d.loc[last, 'MEX']:.0f} billion "
             f"dollars; Canada ({d.loc[last, 'CAN']:.0f}), Japan ({d.loc[last, 'JPN']:.0f}) and Korea "
             f"({d.loc[last, 'KOR']:.0f}) follow in {last}."),
        caption="US general imports (Customs value) of End-Use group 3: passenger cars, trucks and buses, "
                "bodies and chassis, engines, tyres, and other parts. Current dollars.",
    )


def chart_auto_share() -> None:
    """Autos' share of all US goods imports from Mexico, from Canada, and from the world."""
    from .. import charts

    d = auto_share_of_imports().set_index("year")
    fig, ax = charts.figure("How much of what the US buys from its neighbours is automotive",
                            "End-Use group 3 as a percent of all US goods imports from the partner")
    for lab, c, name in [("MEX", charts.country_color("MEX"), "Mexico"), ("CAN", charts.country_color("CAN"),
                         "Canada"), ("USMCA", charts.country_color("NAM"), "Mexico + Canada"),
                         ("World", charts.country_color("WLD"), "All partners")]:
        ax.plot(d.index, d[lab], color=c, label=name, marker="o", markersize=3,
                linestyle="--" if lab == "USMCA" else "-")
    ax.set_ylim(0, None)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=8, loc="lower left", ncols=2)
    last = int(d.index.max())
    charts.publish(
        fig, "autos-share-of-imports", data=d.reset_index().assign(unit="percent"),
        source="US Census Bureau, End-Use imports by country, 2016-2025",
        alt=(f"Line chart, 2016 to {last}. Autos are {d.loc[2016, 'MEX']:.0f}% of US imports from Mexico in 2016 "
             f"and {d.loc[last, 'MEX']:.0f}% in {last}; from Canada {d.loc[2016, 'CAN']:.0f}% and "
             f"{d.loc[last, 'CAN']:.0f}%; from all partners {d.loc[last, 'World']:.0f}% in {last}."),
        caption="Share of automotive goods (End-Use group 3) in US imports from each partner. Imports only: "
                "US exports by End-Use and partner are not in the mirror.",
    )


def chart_jobs_per_vehicle() -> None:
    """US auto manufacturing jobs per 1,000 vehicles produced in the US, as an index."""
    from .. import charts

    j = jobs_per_vehicle().set_index("year")
    gaps = sorted(set(range(int(j.index.min()), int(j.index.max()) + 1)) - set(j.index))
    fig, ax = charts.figure("US auto manufacturing jobs per vehicle produced",
                            f"Index, {INDEX_BASE} = 100 (jobs in vehicle and parts manufacturing per "
                            "vehicle made in the US)")
    full = j["index"].reindex(range(int(j.index.min()), int(j.index.max()) + 1))  # a gap stays a gap
    ax.plot(full.index, full, color=charts.country_color("USA"), marker="o", markersize=3)
    ax.axhline(100, color="#888888", linewidth=0.8)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    charts.mark_years(ax, {2009: "2009", 2020: "2020"})
    charts.publish(
        fig, "autos-jobs-per-vehicle", data=j.reset_index().assign(unit="thousand jobs; vehicles; index"),
        source="BLS CES via FRED (CES3133600101, annual averages); OICA production (US)",
        alt=(f"Line chart of an index of US auto manufacturing jobs per vehicle produced, {INDEX_BASE} = 100. "
             f"It jumps to {j.loc[2009, 'index']:.0f} in 2009, when output fell faster than jobs, and is "
             f"{j.loc[2024, 'index']:.0f} in 2024; {', '.join(map(str, gaps))} has no valid production value."),
        caption="Annual average employment in US motor vehicle and parts manufacturing divided by US vehicle "
                "production, as an index. Parts plants also supply Mexican and Canadian assembly, so this is "
                "not a productivity measure in the strict sense.",
        gaps=f"{', '.join(map(str, gaps))} has no valid US production value (OICA rows fail the checks).",
    )

"""Chapter "Security": violence in Mexico, drugs and guns across the border.

Questions and their functions (units and sources in each docstring):

- :func:`homicide_rates` — intentional homicides per 100,000 people, Mexico against the US, Canada, Latin
  America and the Caribbean, the Americas and the world, 1990 to the latest year (UNODC via Our World in
  Data), with Mexico's police-recorded series (SESNSP) beside it.
- :func:`homicide_by_state` / :func:`homicide_layer` — victims of intentional homicide per 100,000 people
  by Mexican state, latest full year (SESNSP victims, CONAPO population), on the book's admin-1 layer.
- :func:`femicides` and :func:`femicides_monthly` — femicide victims and women killed per day, nationally.
- :func:`firearm_share` — victims of intentional homicide by the means used, and the firearm share.
- :func:`fentanyl_seizures` — fentanyl seized by CBP by fiscal year, southwest border against the rest.
- :func:`overdose_deaths` and :func:`synthetic_opioid_rolling` — US overdose deaths by drug type
  (CDC/NCHS provisional counts), with the periods CDC flags as underreported marked ``incomplete``.
- :func:`journalists_killed` and :func:`defenders_killed` — Mexico against the rest of the Americas
  (CPJ; Global Witness).

Definitions used throughout:

- **Intentional homicide (SESNSP)** = victims of *homicidio doloso* plus victims of *feminicidio*: a
  femicide is an intentional homicide of a woman for gender reasons, recorded separately since 2015, and
  UNODC's and INEGI's homicide counts include it. Victims, not investigation files (*carpetas*).
- **Women killed** = female victims of homicidio doloso plus femicide victims; per day = divided by the
  days the period covers (366 in leap years; the months held for a partial year).
- **The Americas** (journalists, defenders) = OWID's regions North America (with Central America and the
  Caribbean) and South America, read from the OWID homicide file.
- Years the files hold only in part (SESNSP 2025, CBP FY2026, CPJ 2022) are flagged ``partial`` and kept
  out of comparisons of full years.
- **Incomplete overdose counts**: periods CDC footnotes "Underreported due to incomplete data" (from the 12
  months ending January 2025 in the monthly file) are flagged ``incomplete``/``underreported``; the
  calendar years whose 12 months ending December carry the flag are provisional and incomplete.
"""

from __future__ import annotations

import calendar

import numpy as np
import pandas as pd

from .. import maps as geo
from ..cache import memo
from ..claims import Claim
from ..prose import and_list, direction, span, years_text
from ..sources import cbp_drugs, cdc_vsrr, cpj, global_witness, mcv, owid, sesnsp

CHAPTER = "security"
REPORT = "WILSON2023"
SECTION = "Security"
FIRST_YEAR = 1990  # the first year of UNODC's series in the OWID file
#: Homicide series of the chart: column label -> OWID entity (the UN aggregates start in 2000).
HOMICIDE_SERIES = {
    "Mexico": "Mexico",
    "United States": "United States",
    "Canada": "Canada",
    "Latin America and the Caribbean": "Latin America and the Caribbean (UN)",
    "Americas": "Americas (UN)",
    "World": "World",
}
SESNSP_COLUMN = "Mexico, SESNSP victims"
AMERICAS = ("North America", "South America")  # OWID world regions
#: The journalists chart and its totals start with the century (CPJ's export goes back to 1992): a window chosen
#: for the chart, which the page's prose quotes from the data (``security_j_years``).
JOURNALISTS_FIRST_YEAR = 2000
OVERDOSE_FIRST_YEAR = 2015  # the first year of CDC's yearly VSRR file
#: The report states no year for its WHO averages of the Americas (19) and the world (6); it sets them against
#: Mexico's rate "in 2022". They are drawn and compared at that year, the report's own.
WHO_COMPARISON_YEAR = 2022
#: The latest year the report's figures describe (overdoses, homicide rates, firearms: "in 2022"); later
#: years are what the data show after the report.
REPORT_LAST_YEAR = 2022
#: The report's period for women killed: "since 2018, an average of 10 women are killed every day", to its latest year.
WOMEN_PERIOD = (2018, REPORT_LAST_YEAR)
#: The report's comparison of femicides: "increased by 137% between 2015 and 2021".
FEMICIDE_GROWTH_YEARS = (2015, 2021)
#: Mexico's homicide rate is "far above" a comparator's when it is at least half as high again (else "above").
FAR_ABOVE = 1.5
#: How the homicide comparators read in a sentence.
COMPARATOR_NAMES = {"Latin America and the Caribbean": "Latin America and the Caribbean",
                    "Americas": "the Americas as a whole", "United States": "the United States", "World": "the world",
                    "Canada": "Canada"}

#: The report's figures (quotes from Mexico's Next President, Security section): the only typed numbers.
REPORTED = {
    "overdose_2022": 110000,  # "nearly 110,000 people died of a preventable drug overdose in 2022"
    "synthetic_share_2022": 2 / 3 * 100,  # "two-thirds of those"
    "synthetic_2022": 75000,  # "(over 75,000) involved a synthetic opioid"
    "homicide_mex_2021": 28,  # "from 28 per 100,000"
    "homicide_mex_2022": 25,  # "to 25 per 100,000"
    "homicide_americas": 19,  # "the average of 19 for the Americas"
    "homicide_world": 6,  # "the global rate of 6"
    "firearm_share_2022": 67.6,  # "67.6% of homicides ... with a firearm"
    "guns_per_year": 200000,  # "200,000 illegally enter Mexico every year from the US"
    "atf_traced_us_pct": 70,  # "70% of firearms recovered in Mexico between 2014 and 2018 ... traced"
    "mexico_traced_us_pct": 90,  # "closer to 90%"
    "women_per_day": 10,  # "since 2018, an average of 10 women are killed every day"
    "femicide_growth_pct": 137,  # "increased by 137% between 2015 and 2021"
    "missing_2022": 100000,  # "As of May 2022, more than 100,000 people are missing"
    "journalists_2022": 13,  # "13 killed for their work in 2022"
    "journalists_2023": 8,  # "8 murdered so far in 2023"
    "defenders_2021": 54,  # "54 activists killed in 2021"
    "encade_pct": 57,  # "57% of Mexicans believe criminal groups can influence federal elections"
    "politicians_2021": 91,  # "murder of 91 politicians in the 2021 midterm elections"
    "aspiring_2021": 22,  # "of which 22 were aspiring candidates"
    "registered_2021": 14,  # "another 14 of whom had officially registered their campaigns"
    "politicians_2018": 152,  # "2018 midterm elections that left 152 politicians"
    "candidates_2018": 48,  # "(48 aspiring or registered candidates)"
    "inai_cut_pct": 24,  # "24% reduction in its budget from 2018 to 2023"
    "databases": 12570,  # "12,570 government databases"
    "databases_abandoned_pct": 71,  # "71% are currently abandoned"
    "cyberattacks_bn": 85,  # "more than 85 billion attempted cyberattacks"
    "cybercrime_loss_bn": 4,  # "losses of between $3 to $5 billion" (midpoint; rounding 2 in the claim)
    "sedena_emails_m": 4,  # "4 million emails"
    "sembrando_vida": 500000,  # "approximately half a million beneficiaries"
}


# Each source table is read once per session (every caller gets its own copy).
_homicide = memo(owid.homicide_rate)
_regions = memo(owid.world_regions)
_annual = memo(sesnsp.victims_annual)
_monthly = memo(sesnsp.victims_monthly)
_seizures = memo(cbp_drugs.seizures)
_overdose = memo(cdc_vsrr.overdose_annual)
_synthetic = memo(cdc_vsrr.synthetic_monthly)
_cpj = memo(cpj.killed)
_defenders = memo(global_witness.defenders_killed)
_catalogue = memo(mcv.catalogue)


def _plain(x):
    return float(x) if isinstance(x, (np.floating, np.integer)) and not isinstance(x, bool) else x


# --------------------------------------------------------------------------------------------------
# 1. Homicide rates: Mexico, its neighbours, the region and the world


def _intentional(df: pd.DataFrame) -> pd.DataFrame:
    """SESNSP rows of intentional homicide (all sexes) and femicide (women): the chapter's definition."""
    return df[((df["subtype"] == sesnsp.HOMICIDE) & (df["sex"] == "all"))
              | ((df["subtype"] == sesnsp.FEMICIDE) & (df["sex"] == "female"))]


def sesnsp_national_rate() -> pd.Series:
    """Victims of intentional homicide (incl. femicide) per 100,000 people, Mexico, full years (SESNSP)."""
    a = _intentional(_annual())
    a = a[(a["cve_ent"] == sesnsp.NATIONAL_CODE) & ~a["partial"]]
    return a.groupby("year")["rate_per_100k"].sum().rename(SESNSP_COLUMN)


def homicide_rates(first: int = FIRST_YEAR) -> pd.DataFrame:
    """Intentional homicides per 100,000 people by year (UNODC via OWID), wide: year x series.

    Columns: the labels of :data:`HOMICIDE_SERIES` (NaN where UNODC has no figure: the UN aggregates
    start in 2000, the US lacks 2003-2005) and ``Mexico, SESNSP victims`` (police-recorded victims of
    intentional homicide and femicide, 2015 on).
    """
    h = _homicide()
    h = h[h["country"].isin(HOMICIDE_SERIES.values()) & (h["year"] >= first)]
    wide = h.pivot(index="year", columns="country", values="value")
    police = sesnsp_national_rate()
    wide = wide.reindex(range(first, max(int(h["year"].max()), int(police.index.max())) + 1))
    wide = wide[list(HOMICIDE_SERIES.values())].set_axis(list(HOMICIDE_SERIES), axis=1)
    wide[SESNSP_COLUMN] = police
    return wide.rename_axis("year").rename_axis(None, axis=1)


def homicide_comparison(rates: pd.DataFrame, year: int) -> str:
    """Mexico's homicide rate in ``year`` against each comparator of :data:`COMPARATOR_NAMES`, largest first, as
    prose: "above Latin America and the Caribbean (19.7) and far above the Americas as a whole (14.4), ...". The
    word is "below", "above" or "far above" (:data:`FAR_ABOVE`); comparators sharing a word share it."""
    mex = rates.loc[year, "Mexico"]
    others = rates.loc[year, list(COMPARATOR_NAMES)].sort_values(ascending=False)
    groups: list[tuple[str, list[str]]] = []
    for col, v in others.items():
        word = "below" if mex < v else "far above" if mex >= FAR_ABOVE * v else "above"
        item = f"{COMPARATOR_NAMES[col]} ({v:.1f})"
        if groups and groups[-1][0] == word:
            groups[-1][1].append(item)
        else:
            groups.append((word, [item]))
    return and_list(f"{word} {and_list(items)}" for word, items in groups)


def sesnsp_against_unodc(rates: pd.DataFrame) -> tuple[str, int]:
    """How prosecutors' victims (SESNSP) stand against UNODC's rate for Mexico over the years both cover, as
    prose ("below the official rate in every year both cover"), and the last of those years."""
    both = rates[["Mexico", SESNSP_COLUMN]].dropna()
    gap = both[SESNSP_COLUMN] - both["Mexico"]
    if (gap < 0).all():
        text = "below the official rate in every year both cover"
    elif (gap > 0).all():
        text = "above the official rate in every year both cover"
    else:
        text = "close to the official rate, above it in some years and below it in others"
    return text, int(both.index.max())


def report_homicide_points() -> pd.DataFrame:
    """The report's homicide rates as chart points: series, year, reported (per 100,000).

    Mexico's 2021 and 2022 rates are placed at their years; the Americas (19) and world (6) averages,
    which come from WHO estimates for an unstated year, are placed at :data:`WHO_COMPARISON_YEAR`, the year
    the report compares them with (the claims compare them with UNODC's rates of the same year).
    """
    return pd.DataFrame({
        "series": ["Mexico", "Mexico", "Americas", "World"],
        "year": [2021, 2022, WHO_COMPARISON_YEAR, WHO_COMPARISON_YEAR],
        "reported": [REPORTED["homicide_mex_2021"], REPORTED["homicide_mex_2022"],
                     REPORTED["homicide_americas"], REPORTED["homicide_world"]],
        "report_source": ["INEGI", "INEGI", "WHO GHO", "WHO GHO"],
    })


# --------------------------------------------------------------------------------------------------
# 2. Homicide by state


def latest_full_year() -> int:
    """The last year the SESNSP files hold in full."""
    a = _annual()
    return int(a.loc[~a["partial"], "year"].max())


def homicide_by_state(year: int | None = None) -> pd.DataFrame:
    """Victims of intentional homicide (incl. femicide) by state in a full year (default: the latest).

    Columns: cve_ent, abbr, state, year, victims, rate_per_100k (per 100,000 people, CONAPO mid-year
    population as joined in the file), firearm_victims, firearm_share_pct, rank (1 = highest rate).
    """
    year = latest_full_year() if year is None else year
    a = _intentional(_annual())
    a = a[(a["year"] == year) & (a["cve_ent"] != sesnsp.NATIONAL_CODE)]
    if a.empty or a["partial"].any():
        raise KeyError(f"{sesnsp.ANNUAL_KEY}: {year} is not a full year of the file")
    g = a.groupby(["cve_ent", "state"])
    out = pd.DataFrame({"victims": g["value"].sum(), "rate_per_100k": g["rate_per_100k"].sum(),
                        "firearm_victims": a[a["modality"] == sesnsp.FIREARM].groupby(["cve_ent", "state"])
                        ["value"].sum()}).reset_index()
    out["firearm_share_pct"] = out["firearm_victims"] / out["victims"] * 100
    out["rank"] = out["rate_per_100k"].rank(ascending=False, method="min").astype(int)
    out = out.merge(_catalogue()[["cve_ent", "abbr"]], on="cve_ent", how="left", validate="1:1")
    out.insert(3, "year", year)
    cols = ["cve_ent", "abbr", "state", "year", "victims", "rate_per_100k", "firearm_victims",
            "firearm_share_pct", "rank"]
    return out[cols].sort_values("rank", ignore_index=True)


def homicide_layer(table: pd.DataFrame | None = None):
    """Mexico's 32 states of the book's admin-1 layer with a :func:`homicide_by_state` table joined on
    CVE_ENT, one to one (:func:`northam.maps.join` names any state without data or data without a state)."""
    table = homicide_by_state() if table is None else table
    layer = geo.admin1()
    mx = layer[layer["iso3"] == "MEX"]
    return geo.join(mx, table.drop(columns="state"), on="code", data_on="cve_ent",
                    what="SESNSP homicide victims to Mexican states")


# --------------------------------------------------------------------------------------------------
# 3. Femicides and women killed


def _days(year: int, months: int) -> int:
    return sum(calendar.monthrange(year, m)[1] for m in range(1, months + 1))


def femicides() -> pd.DataFrame:
    """Women killed in Mexico by year, national (victims; per day).

    Columns (index year): femicides, other_women (female victims of homicidio doloso), women_killed,
    days, women_per_day, femicides_per_day, other_per_day, months, partial (2025: January-June).
    """
    a = _annual()
    a = a[a["cve_ent"] == sesnsp.NATIONAL_CODE]
    fem = a[(a["subtype"] == sesnsp.FEMICIDE) & (a["sex"] == "female")].groupby("year")["value"].sum()
    oth = a[(a["subtype"] == sesnsp.HOMICIDE) & (a["sex"] == "female")].groupby("year")["value"].sum()
    months = a.groupby("year")["months"].max()
    out = pd.DataFrame({"femicides": fem, "other_women": oth})
    out["women_killed"] = out["femicides"] + out["other_women"]
    out["days"] = [_days(int(y), int(months[y])) for y in out.index]
    out["women_per_day"] = out["women_killed"] / out["days"]
    out["femicides_per_day"] = out["femicides"] / out["days"]
    out["other_per_day"] = out["other_women"] / out["days"]
    out["months"] = months
    out["partial"] = out["months"] < 12
    return out.rename_axis("year")


def femicides_monthly() -> pd.DataFrame:
    """Femicide victims per month, all states summed (victims), with a trailing 12-month average.

    Columns (index date): femicides, avg_12m (mean of the 12 months ending that month; from the 12th month).
    """
    m = _monthly()
    m = m[(m["subtype"] == sesnsp.FEMICIDE)]
    s = m.groupby("date")["value"].sum().asfreq("MS")
    return pd.DataFrame({"femicides": s, "avg_12m": s.rolling(12).mean()}).rename_axis("date")


# --------------------------------------------------------------------------------------------------
# 4. Firearms


def firearm_share(full_years_only: bool = True) -> pd.DataFrame:
    """Victims of intentional homicide (incl. femicide) by means, national, per year (victims; percent).

    Columns (index year): one per means in English (firearm, knife or blade, other means, not specified),
    total, firearm_share_pct, and homicide_only_firearm_pct (homicidio doloso alone, without femicides).
    """
    a = _intentional(_annual())
    a = a[a["cve_ent"] == sesnsp.NATIONAL_CODE]
    if full_years_only:
        a = a[~a["partial"]]
    wide = a.pivot_table(index="year", columns="modality", values="value", aggfunc="sum")
    wide = wide[list(sesnsp.MODALITIES)].rename(columns=sesnsp.MODALITIES)
    wide["total"] = wide.sum(axis=1)
    wide["firearm_share_pct"] = wide["firearm"] / wide["total"] * 100
    h = a[a["subtype"] == sesnsp.HOMICIDE]
    hw = h.pivot_table(index="year", columns="modality", values="value", aggfunc="sum")
    wide["homicide_only_firearm_pct"] = hw[sesnsp.FIREARM] / hw.sum(axis=1) * 100
    return wide.rename_axis("year").rename_axis(None, axis=1)


# --------------------------------------------------------------------------------------------------
# 5. Fentanyl seized by CBP


def fentanyl_seizures() -> pd.DataFrame:
    """Fentanyl seized by CBP per fiscal year (pounds), southwest border against the rest.

    Columns (index fiscal_year): southwest, rest (northern border + coastal/interior), total,
    southwest_share_pct, events (seizure events, all regions), months, partial (FY2026: October-December).
    """
    s = _seizures()
    f = s[s["drug"] == cbp_drugs.FENTANYL]
    sw = f["region"] == cbp_drugs.SOUTHWEST
    g = f.groupby("fiscal_year")
    out = pd.DataFrame({
        "southwest": f[sw].groupby("fiscal_year")["value"].sum(),
        "rest": f[~sw].groupby("fiscal_year")["value"].sum(),
    })
    out["total"] = out["southwest"] + out["rest"]
    out["southwest_share_pct"] = out["southwest"] / out["total"] * 100
    out["events"] = g["events"].sum()
    out["months"] = s.groupby("fiscal_year")["date"].nunique()
    out["partial"] = s.groupby("fiscal_year")["partial_year"].any()
    return out.rename_axis("fiscal_year")


# --------------------------------------------------------------------------------------------------
# 6. US overdose deaths


def overdose_deaths(first: int = OVERDOSE_FIRST_YEAR) -> pd.DataFrame:
    """US drug-overdose deaths by calendar year and drug (provisional reported counts, deaths).

    Columns (index year): one per drug label of :data:`northam.sources.cdc_vsrr.DRUGS`,
    synthetic_share_pct (synthetic-opioid deaths as a percent of all overdose deaths) and incomplete
    (:func:`incomplete_years`: CDC flags the year's count as underreported due to incomplete data).
    """
    o = _overdose()
    o = o[(o["state"] == cdc_vsrr.US) & (o["year"] >= first)]
    wide = o.pivot(index="year", columns="drug", values="value")[list(cdc_vsrr.DRUGS.values())]
    total, synth = cdc_vsrr.DRUGS["total_overdose_deaths"], cdc_vsrr.DRUGS["synthetic_opioid_deaths"]
    wide["synthetic_share_pct"] = wide[synth] / wide[total] * 100
    wide["incomplete"] = incomplete_years().reindex(wide.index, fill_value=True).astype(bool)
    return wide.rename_axis("year").rename_axis(None, axis=1)


def incomplete_years() -> pd.Series:
    """Calendar years whose US count CDC flags "Underreported due to incomplete data" (bool, index year).

    The yearly file carries no footnotes, so the flag is read from the monthly file's row for the 12 months
    ending December of each year (US, synthetic opioids; CDC footnotes a period for all drugs alike). A
    year the monthly file does not reach to December is treated as incomplete by the callers.
    """
    roll = synthetic_opioid_rolling()
    dec = roll[roll.index.month == 12]
    return pd.Series(dec["underreported"].to_numpy(dtype=bool), index=dec.index.year.astype("int64"),
                     name="incomplete").rename_axis("year")


def synthetic_opioid_rolling() -> pd.DataFrame:
    """US synthetic-opioid deaths in the 12 months ending each month (deaths), reported and predicted.

    Columns (index date): reported, predicted, underreported (CDC footnote: incomplete data).
    """
    m = _synthetic()
    m = m[m["state"] == cdc_vsrr.US].set_index("date").sort_index()
    return pd.DataFrame({"reported": m["value"], "predicted": m["predicted"],
                         "underreported": m["underreported"]}).rename_axis("date")


def report_overdose_points() -> pd.DataFrame:
    """The report's 2022 overdose figures as chart points: measure, year, reported (deaths)."""
    return pd.DataFrame({
        "measure": [cdc_vsrr.DRUGS["total_overdose_deaths"], cdc_vsrr.DRUGS["synthetic_opioid_deaths"]],
        "year": [2022, 2022], "reported": [REPORTED["overdose_2022"], REPORTED["synthetic_2022"]],
    })


# --------------------------------------------------------------------------------------------------
# 7. Journalists and defenders


def _americas(iso3: pd.Series) -> pd.Series:
    return iso3.map(_regions()).isin(AMERICAS)


def journalists_killed(first: int = JOURNALISTS_FIRST_YEAR) -> pd.DataFrame:
    """Journalists and media workers killed per year (persons, CPJ): Mexico, the rest of the Americas, world.

    Columns (index year): mexico, rest_of_americas, world, mexico_confirmed (motive confirmed),
    partial (2022: January to early August).
    """
    c = _cpj()
    c = c[c["year"] >= first]
    mex = c["iso3"] == "MEX"
    years = range(first, int(c["year"].max()) + 1)
    out = pd.DataFrame({
        "mexico": c[mex].groupby("year")["value"].sum(),
        "rest_of_americas": c[~mex & _americas(c["iso3"])].groupby("year")["value"].sum(),
        "world": c.groupby("year")["value"].sum(),
        "mexico_confirmed": c[mex & (c["status"] == "Confirmed")].groupby("year")["value"].sum(),
    }).reindex(years).fillna(0.0)
    out["partial"] = c.groupby("year")["partial_year"].any().reindex(years).fillna(False).astype(bool)
    return out.rename_axis("year")


def cpj_partial_to() -> str:
    """How far into its last year the CPJ export reaches, from its date: "early August" (days 1-10), "mid ..."
    (11-20) or "late ..."."""
    day = cpj.EXPORT_DATE.day
    return f"{'early' if day <= 10 else 'mid' if day <= 20 else 'late'} {cpj.EXPORT_DATE:%B}"


def journalists_rank(year: int) -> pd.Series:
    """Journalists and media workers killed in ``year`` by country (persons, CPJ), largest first."""
    c = _cpj()
    return c[c["year"] == year].groupby("country")["value"].sum().sort_values(ascending=False, kind="stable")


def defenders_killed() -> pd.DataFrame:
    """Land and environmental defenders killed per year (persons, Global Witness), 2012-2021.

    Columns (index year): mexico, rest_of_americas, world, mexico_rank (Mexico's place among countries).
    """
    d = _defenders()
    mex = d["iso3"] == "MEX"
    out = pd.DataFrame({
        "mexico": d[mex].groupby("year")["value"].sum(),
        "rest_of_americas": d[~mex & _americas(d["iso3"])].groupby("year")["value"].sum(),
        "world": d.groupby("year")["value"].sum(),
    }).fillna(0.0)
    by_country = d.groupby(["year", "iso3"])["value"].sum()
    ranks = by_country.groupby(level="year").rank(ascending=False, method="min")
    out["mexico_rank"] = ranks.xs("MEX", level="iso3").reindex(out.index)
    return out.rename_axis("year")


# --------------------------------------------------------------------------------------------------
# Numbers for the prose and the claims


def key_numbers() -> dict:
    """Numbers the chapter's prose quotes (glued), computed from the data. Keys are prefixed ``security_``."""
    h = homicide_rates()
    n = {"security_report_year": REPORT_LAST_YEAR, **_homicide_numbers(h), **_state_numbers(h),
         **_sesnsp_coverage(), **_femicide_numbers(), **_firearm_numbers(), **_fentanyl_numbers(),
         **_overdose_numbers(), **_journalist_numbers(), **_defender_numbers()}
    return {k: _plain(v) for k, v in n.items()}


def _homicide_numbers(h: pd.DataFrame) -> dict:
    """Homicide rates (UNODC via OWID, per 100,000): Mexico over time and against the region and world; the
    years the country and regional series cover; prosecutors' victims (SESNSP) against UNODC's rate."""
    last_h = int(h["Mexico"].last_valid_index())
    mex = h["Mexico"]
    peak_year = int(mex.idxmax())
    countries, regions = ["Mexico", "United States", "Canada"], ["Latin America and the Caribbean", "Americas", "World"]
    usa = h["United States"].loc[h["United States"].first_valid_index():h["United States"].last_valid_index()]
    sesnsp_text, common = sesnsp_against_unodc(h)
    return {
        "security_homicide_countries_years": span([y for c in countries for y in h[c].dropna().index]),
        "security_homicide_regions_years": span([y for c in regions for y in h[c].dropna().index]),
        "security_homicide_usa_gap_years": years_text(usa.index[usa.isna()]),
        "security_homicide_comparison": homicide_comparison(h, last_h),
        "security_sesnsp_vs_unodc": sesnsp_text, "security_sesnsp_common_year": common,
        "security_sesnsp_common": h.loc[common, SESNSP_COLUMN], "security_homicide_mex_common": mex.loc[common],
        "security_homicide_last_year": last_h,
        "security_homicide_first_year": int(mex.first_valid_index()),
        "security_homicide_mex_first": mex.loc[mex.first_valid_index()],
        "security_homicide_mex_min_year": int(mex.idxmin()),
        "security_homicide_mex_min": mex.min(),
        "security_homicide_mex_peak_year": peak_year,
        "security_homicide_mex_peak": mex.max(),
        "security_homicide_mex_peak_to_min": mex.max() / mex.min(),
        "security_homicide_mex_2021": mex.loc[2021],
        "security_homicide_mex_2022": mex.loc[2022],
        "security_homicide_mex_last": mex.loc[last_h],
        "security_homicide_usa_last": h.loc[last_h, "United States"],
        "security_homicide_can_last": h.loc[last_h, "Canada"],
        "security_homicide_lac_last": h.loc[last_h, "Latin America and the Caribbean"],
        "security_homicide_americas_last": h.loc[last_h, "Americas"],
        "security_homicide_world_last": h.loc[last_h, "World"],
        "security_homicide_who_year": WHO_COMPARISON_YEAR,
        "security_homicide_americas_who_year": h.loc[WHO_COMPARISON_YEAR, "Americas"],
        "security_homicide_lac_who_year": h.loc[WHO_COMPARISON_YEAR, "Latin America and the Caribbean"],
        "security_homicide_world_who_year": h.loc[WHO_COMPARISON_YEAR, "World"],
        "security_homicide_mex_to_usa": mex.loc[last_h] / h.loc[last_h, "United States"],
        "security_homicide_mex_to_world": mex.loc[last_h] / h.loc[last_h, "World"],
    }


def _state_numbers(h: pd.DataFrame) -> dict:
    """Homicide rates by Mexican state (SESNSP, per 100,000): highest, lowest, ratio."""
    st = homicide_by_state()
    top, bottom = st.iloc[0], st.iloc[-1]
    return {
        "security_state_year": int(top["year"]),
        "security_state_top_name": str(top["state"]), "security_state_top_rate": top["rate_per_100k"],
        "security_state_bottom_name": str(bottom["state"]), "security_state_bottom_rate": bottom["rate_per_100k"],
        "security_state_second_name": str(st.iloc[1]["state"]), "security_state_third_name": str(st.iloc[2]["state"]),
        "security_state_low_names": f"{st['state'].iloc[-2]}, {st['state'].iloc[-3]} and {st['state'].iloc[-4]}",
        "security_state_ratio": top["rate_per_100k"] / bottom["rate_per_100k"],
        "security_state_national_rate": h.loc[int(top["year"]), SESNSP_COLUMN],
        "security_state_victims": st["victims"].sum(),
    }


def _sesnsp_coverage() -> dict:
    """The months the SESNSP monthly file covers and the years of the yearly file held only in part."""
    m, a = _monthly(), _annual()
    return {"security_sesnsp_first_month": m["date"].min().strftime("%B %Y"),
            "security_sesnsp_last_month": m["date"].max().strftime("%B %Y"),
            "security_sesnsp_partial_years": years_text(a.loc[a["partial"], "year"].unique())}


def _femicide_numbers() -> dict:
    """Femicides and women killed (SESNSP): yearly counts, per-day means, 12-month averages."""
    fem = femicides()
    full = fem[~fem["partial"]]
    last_fem = int(full.index.max())
    fm = femicides_monthly()
    after = full.loc[REPORT_LAST_YEAR + 1:, "femicides"]  # full years after the report's latest year
    first_after = int(after.index.min())
    (g0, g1), (w0, w1) = FEMICIDE_GROWTH_YEARS, WOMEN_PERIOD
    women = fem.loc[w0:w1, "women_per_day"]
    return {
        "security_fem_report_year": REPORT_LAST_YEAR,
        "security_fem_report": fem.loc[REPORT_LAST_YEAR, "femicides"],
        "security_fem_after_year": first_after,
        "security_fem_after": after.loc[first_after],
        "security_fem_after_change": direction(after.loc[first_after], fem.loc[REPORT_LAST_YEAR, "femicides"], tol=0.01),
        "security_fem_last_change": direction(fem.loc[last_fem, "femicides"], fem.loc[last_fem - 1, "femicides"], tol=0.01),
        "security_fem_growth_first_year": g0, "security_fem_growth_last_year": g1,
        "security_fem_growth_first": fem.loc[g0, "femicides"],
        "security_fem_growth_last": fem.loc[g1, "femicides"],
        "security_fem_growth_pct": (fem.loc[g1, "femicides"] / fem.loc[g0, "femicides"] - 1) * 100,
        "security_fem_growth_change": direction(fem.loc[g1, "femicides"], fem.loc[g0, "femicides"]),
        "security_fem_peak_year": int(full["femicides"].idxmax()),
        "security_fem_peak": full["femicides"].max(),
        "security_fem_last_year": last_fem,
        "security_fem_last": fem.loc[last_fem, "femicides"],
        "security_women_period": span(range(w0, w1 + 1)),
        "security_women_per_day_report": women.mean(),
        "security_women_per_day_last": fem.loc[last_fem, "women_per_day"],
        "security_women_per_day_vs_report": direction(fem.loc[last_fem, "women_per_day"], women.mean(), up="above",
                                                      down="below", level="equal to"),
        "security_fem_per_day_report": fem.loc[w0:w1, "femicides_per_day"].mean(),
        "security_fem_share_report": fem.loc[w0:w1, "femicides"].sum() / fem.loc[w0:w1, "women_killed"].sum() * 100,
        "security_fem_monthly_last": fm.index.max().strftime("%B %Y"),
        "security_fem_avg12_last": fm["avg_12m"].iloc[-1],
        "security_fem_avg12_peak": fm["avg_12m"].max(),
        "security_fem_avg12_peak_month": fm["avg_12m"].idxmax().strftime("%B %Y"),
    }


def _firearm_numbers() -> dict:
    """Homicide victims and the share killed with a firearm (SESNSP), percent and counts."""
    fa = firearm_share()
    rep = REPORT_LAST_YEAR
    share = fa["firearm_share_pct"]
    return {
        "security_firearm_first_year": int(fa.index.min()),
        "security_firearm_share_first": share.iloc[0],
        "security_firearm_share_report": share.loc[rep],
        "security_firearm_share_last": share.iloc[-1],
        "security_firearm_share_change": direction(share.iloc[-1], share.iloc[0]),
        "security_firearm_last_year": int(fa.index.max()),
        "security_firearm_homicide_only_report": fa.loc[rep, "homicide_only_firearm_pct"],
        "security_homicide_victims_report": fa.loc[rep, "total"],
        "security_homicide_victims_last": fa["total"].iloc[-1],
        "security_homicide_victims_peak_year": int(fa["total"].idxmax()),
        "security_homicide_victims_peak": fa["total"].max(),
    }


def _fentanyl_numbers() -> dict:
    """CBP fentanyl seizures by fiscal year (pounds): first, peak, last full and partial year."""
    fy = fentanyl_seizures()
    fy_full = fy[~fy["partial"]]
    fy_peak = int(fy_full["total"].idxmax())
    fy_last_full = int(fy_full.index.max())
    fy_partial = fy[fy["partial"]]
    return {
        "security_fent_last_month": _seizures()["date"].max().strftime("%B %Y"),
        "security_fent_first_fy": int(fy.index.min()),
        "security_fent_first": fy["total"].iloc[0],
        "security_fent_peak_fy": fy_peak,
        "security_fent_peak": fy.loc[fy_peak, "total"],
        "security_fent_last_full_fy": fy_last_full,
        "security_fent_last_full": fy.loc[fy_last_full, "total"],
        "security_fent_sw_peak": fy.loc[fy_peak, "southwest"],
        "security_fent_sw_share_all": fy_full["southwest"].sum() / fy_full["total"].sum() * 100,
        "security_fent_partial_fy": int(fy_partial.index.max()) if len(fy_partial) else "",
        "security_fent_partial": fy_partial["total"].iloc[-1] if len(fy_partial) else float("nan"),
        "security_fent_partial_months": int(fy_partial["months"].iloc[-1]) if len(fy_partial) else 0,
    }


def _overdose_numbers() -> dict:
    """US overdose deaths (CDC VSRR): yearly totals, synthetic opioids, rolling 12-month counts."""
    od = overdose_deaths()
    total, synth = cdc_vsrr.DRUGS["total_overdose_deaths"], cdc_vsrr.DRUGS["synthetic_opioid_deaths"]
    psycho = cdc_vsrr.DRUGS["psychostimulant_deaths"]
    od_last = int(od.index.max())
    od_peak = int(od[total].idxmax())
    od_complete = int(od.index[~od["incomplete"]].max())
    od_incomplete = od.index[od["incomplete"]]
    roll = synthetic_opioid_rolling()
    roll_peak = roll["reported"].idxmax()
    under = roll.index[roll["underreported"]]
    return {
        "security_od_first_year": int(od.index.min()),
        "security_od_first": od[total].iloc[0],
        "security_od_peak_year": od_peak,
        "security_od_peak": od.loc[od_peak, total],
        "security_od_report": od.loc[REPORT_LAST_YEAR, total],
        "security_od_synth_report": od.loc[REPORT_LAST_YEAR, synth],
        "security_od_synth_share_report": od.loc[REPORT_LAST_YEAR, "synthetic_share_pct"],
        "security_od_synth_peak": od.loc[od_peak, synth],
        "security_od_synth_share_peak": od.loc[od_peak, "synthetic_share_pct"],
        "security_od_synth_first": od[synth].iloc[0],
        "security_od_synth_share_first": od["synthetic_share_pct"].iloc[0],
        "security_od_psycho_report": od.loc[REPORT_LAST_YEAR, psycho],
        "security_od_last_year": od_last,
        "security_od_last": od.loc[od_last, total],
        "security_od_synth_last": od.loc[od_last, synth],
        "security_od_fall_pct": (1 - od.loc[od_last, total] / od.loc[od_peak, total]) * 100,
        "security_od_last_incomplete": "provisional and incomplete" if od.loc[od_last, "incomplete"] else "provisional",
        "security_od_incomplete_clause": (
            f"CDC flags the overdose counts for {years_text(od_incomplete)} as incomplete; they will be revised up "
            "as death records arrive" if len(od_incomplete) else "CDC flags no year of the overdose counts as "
            "incomplete, but provisional counts can still be revised"),
        "security_od_complete_year": od_complete,
        "security_od_complete": od.loc[od_complete, total],
        "security_od_complete_fall_pct": (1 - od.loc[od_complete, total] / od.loc[od_peak, total]) * 100,
        "security_roll_peak_month": roll_peak.strftime("%B %Y"),
        "security_roll_peak": roll.loc[roll_peak, "reported"],
        "security_roll_last_month": roll.index.max().strftime("%B %Y"),
        "security_roll_last": roll["reported"].iloc[-1],
        "security_roll_last_pred": roll["predicted"].iloc[-1],
        "security_roll_last_incomplete": ("provisional and incomplete" if roll["underreported"].iloc[-1]
                                          else "provisional"),
        "security_roll_under_first_month": under.min().strftime("%B %Y") if len(under) else "",
        "security_roll_pred_report": roll.loc[pd.Timestamp(year=REPORT_LAST_YEAR, month=12, day=1), "predicted"],
        # the monthly file (an earlier extract) for the 12 months ending December of the yearly file's last year
        "security_roll_dec_last": roll.loc[pd.Timestamp(f"{od_last}-12-01"), "reported"],
    }


def _journalist_numbers() -> dict:
    """Journalists killed (CPJ): Mexico against the rest of the Americas, 2022 ranks."""
    j = journalists_killed()
    partial = int(j.index[j["partial"]].max())  # the export's year, January to early August
    jr = journalists_rank(partial)
    jfull = j[~j["partial"]]
    years_j = span(jfull.index)
    return {
        "security_j_export_month": cpj.EXPORT_DATE.strftime("%B %Y"),
        "security_j_partial_to": cpj_partial_to(),
        "security_j_years": years_j,
        "security_j_partial_year": partial,
        "security_j_mex_total": jfull["mexico"].sum(),
        "security_j_rest_total": jfull["rest_of_americas"].sum(),
        "security_j_mex_share_americas": (jfull["mexico"].sum()
                                          / (jfull["mexico"].sum() + jfull["rest_of_americas"].sum()) * 100),
        "security_j_mex_partial": j.loc[partial, "mexico"],
        "security_j_top_partial": str(jr.index[0]),
        "security_j_top_partial_n": jr.iloc[0],
        "security_j_mex_rank_partial": int((jr > jr.get("Mexico", 0)).sum() + 1),
    }


def _defender_numbers() -> dict:
    """Land and environmental defenders killed (Global Witness): Mexico, the Americas, the world."""
    d = defenders_killed()
    first, last = int(d.index.min()), int(d.index.max())
    return {
        "security_d_years": span(d.index),
        "security_d_first_year": first, "security_d_last_year": last,
        "security_d_mex_first": d.loc[first, "mexico"],
        "security_d_mex_last": d.loc[last, "mexico"],
        "security_d_mex_change": direction(d.loc[last, "mexico"], d.loc[first, "mexico"]),
        "security_d_world_last": d.loc[last, "world"],
        "security_d_mex_rank_last": int(d.loc[last, "mexico_rank"]),
        "security_d_mex_total": d["mexico"].sum(),
        "security_d_rest_total": d["rest_of_americas"].sum(),
        "security_d_americas_share_world": (d["mexico"].sum() + d["rest_of_americas"].sum()) / d["world"].sum() * 100,
    }


def _none(claim: str, key: str, unit: str, needed: str, **kw) -> Claim:
    """A Security-section claim with the reported figure and no data value (``needed`` says why)."""
    return Claim(CHAPTER, claim, REPORT, SECTION, REPORTED[key], None, unit, needed=needed, **kw)


def claims() -> list[Claim]:
    """Every quantifiable figure of the report's Security section, next to the open data.

    Figures from another source than the data (WHO estimates, INEGI death records, RSF's full-year count,
    gender-motivated killings) are set beside the nearest open measure as ``measure="other"``: shown with
    the reason, not scored.
    """
    return [*_claims_overdoses(), *_claims_homicide_rates(), *_claims_firearms(), *_claims_gender_violence(),
            *_claims_journalists_politics(), *_claims_defenders_governance_cyber()]


def _claims_overdoses() -> list[Claim]:
    """Security: US drug overdose deaths and synthetic opioids, 2022."""
    r = REPORTED
    od = overdose_deaths()
    roll = synthetic_opioid_rolling()
    total, synth = cdc_vsrr.DRUGS["total_overdose_deaths"], cdc_vsrr.DRUGS["synthetic_opioid_deaths"]
    pred_2022 = roll.loc[pd.Timestamp("2022-12-01"), "predicted"]
    reported_2022 = od.loc[2022, synth]
    return [
        Claim(CHAPTER, "Nearly 110,000 people died of a drug overdose in the US in 2022 (preliminary data)",
              REPORT, SECTION, r["overdose_2022"], od.loc[2022, total], "deaths", comparison="nearly",
              kind="count", rounding=1000, quote="nearly 110,000 people died of a preventable drug overdose",
              basis="CDC/NCHS VSRR provisional reported count, 12 months ending December 2022, United States"),
        Claim(CHAPTER, "Two-thirds of those deaths involved a synthetic opioid", REPORT, SECTION,
              r["synthetic_share_2022"], od.loc[2022, "synthetic_share_pct"], "percent of overdose deaths",
              kind="share", rounding=5, quote="two-thirds of those",
              basis="Synthetic opioids other than methadone (T40.4) / all overdose deaths, 2022, VSRR reported "
                    "counts; 'two-thirds' read as a round share (rounding 5 points)",
              reason="The provisional counts give a share outside a round two-thirds."),
        Claim(CHAPTER, "Over 75,000 overdose deaths in 2022 involved a synthetic opioid", REPORT, SECTION,
              r["synthetic_2022"], pred_2022, "deaths", comparison="over", kind="count",
              rounding=1000, quote="(over 75,000) involved a synthetic opioid",
              basis=f"CDC/NCHS VSRR predicted count (reported count adjusted for reporting delays), synthetic "
                    f"opioids (T40.4), 12 months ending December 2022, United States: {pred_2022:,.0f} (mid-2026 "
                    f"extract). The reported count, {reported_2022:,.0f}, is below 75,000: the report's figure "
                    f"matches the predicted count, not the reported one",
              reason=f"CDC's predicted count for 2022 is {pred_2022:,.0f}; the reported provisional count is "
                     f"{reported_2022:,.0f}."),
    ]


def _claims_homicide_rates() -> list[Claim]:
    """Security: homicide rates of Mexico, the Americas and the world."""
    r = REPORTED
    h = homicide_rates()
    who = WHO_COMPARISON_YEAR  # the report states no year for the WHO figures; it compares them with 2022
    return [
        Claim(CHAPTER, "Mexico's homicide rate was 28 per 100,000 in 2021", REPORT, SECTION,
              r["homicide_mex_2021"], h.loc[2021, "Mexico"], "per 100,000 people", kind="amount",
              quote="going from 28 per 100,000",
              basis="UNODC intentional homicide rate, Mexico, 2021 (OWID); the report cites INEGI's death records, "
                    "the basis of UNODC's series for Mexico"),
        Claim(CHAPTER, "Mexico's homicide rate fell to 25 per 100,000 in 2022", REPORT, SECTION,
              r["homicide_mex_2022"], h.loc[2022, "Mexico"], "per 100,000 people", kind="amount",
              quote="to 25 per 100,000",
              reason="The report quotes INEGI's preliminary 2022 rate (death records over CONAPO population); "
                     f"UNODC's series, with later records and UN population estimates, gives "
                     f"{h.loc[2022, 'Mexico']:.1f}. Police-recorded victims (SESNSP) give "
                     f"{h.loc[2022, SESNSP_COLUMN]:.1f}.",
              basis="UNODC intentional homicide rate, Mexico, 2022 (OWID)"),
        Claim(CHAPTER, "The average homicide rate of the Americas is 19 per 100,000 (WHO)", REPORT, SECTION,
              r["homicide_americas"], h.loc[who, "Americas"], "per 100,000 people", kind="amount",
              measure="other", quote="the average of 19 for the Americas",
              reason="Another source: the report's 19 is a WHO Global Health Observatory estimate for the WHO "
                     "region of the Americas (year not stated; the report sets it against Mexico's rate in "
                     f"{who}), not in the open files used here. The nearest open measure is UNODC's rate for "
                     f"the UN region Americas (with the US and Canada), {h.loc[who, 'Americas']:.1f} in {who}; "
                     f"for Latin America and the Caribbean alone it is "
                     f"{h.loc[who, 'Latin America and the Caribbean']:.1f}.",
              basis=f"UNODC, Americas (UN), {who} (OWID)"),
        Claim(CHAPTER, "The global homicide rate is 6 per 100,000 (WHO)", REPORT, SECTION, r["homicide_world"],
              h.loc[who, "World"], "per 100,000 people", kind="amount", measure="other",
              quote="the global rate of 6",
              reason=f"Another source: a WHO GHO estimate (year not stated; set against Mexico's rate in {who}). "
                     f"UNODC's world rate is {h.loc[who, 'World']:.1f} in {who}.",
              basis=f"UNODC, World, {who} (OWID)"),
    ]


def _claims_firearms() -> list[Claim]:
    """Security: firearm homicides in Mexico and guns smuggled from the US."""
    r = REPORTED
    fa = firearm_share()
    return [
        Claim(CHAPTER, "In 2022, 67.6% of homicides in Mexico were committed with a firearm (INEGI)", REPORT,
              SECTION, r["firearm_share_2022"], fa.loc[2022, "firearm_share_pct"], "percent of homicides",
              kind="share", measure="other", quote="an estimated 67.6% of homicides ... with a firearm",
              reason="Another source: the report's share is INEGI's, from death certificates; the open data "
                     "count victims in prosecutors' cases (SESNSP), intentional homicide plus femicide "
                     f"(homicidio doloso alone: {fa.loc[2022, 'homicide_only_firearm_pct']:.1f}%).",
              basis="SESNSP victims killed with a firearm / all victims, 2022, national"),
        _none("About 200,000 firearms enter Mexico illegally from the US every year (Foreign Ministry)",
             "guns_per_year", "firearms per year", kind="count",
             needed="No open count of smuggled guns exists; the figure is the Mexican government's estimate. ATF's "
                    "trace data (PDF reports only) count guns recovered and traced, not guns smuggled."),
        _none("70% of firearms recovered in Mexico in 2014-2018 and traced came from the US (ATF)",
             "atf_traced_us_pct", "percent of traced firearms", kind="share",
             needed="ATF Firearms Trace Data for Mexico by year and source country, published only as PDF "
                    "reports, not as a data file."),
        _none("The Mexican government puts the US share of traced guns closer to 90%", "mexico_traced_us_pct",
             "percent of traced firearms", kind="share",
             needed="The Mexican government's own tracing records, not published as data."),
    ]


def _claims_gender_violence() -> list[Claim]:
    """Security: women killed, femicides, and missing persons."""
    r = REPORTED
    fem = femicides()
    (w0, w1), (g0, g1) = WOMEN_PERIOD, FEMICIDE_GROWTH_YEARS
    per_day = fem.loc[w0:w1, "women_per_day"].mean()
    fem_per_day = fem.loc[w0:w1, "femicides_per_day"].mean()
    return [
        Claim(CHAPTER, "Since 2018, an average of 10 women are killed every day because of their gender", REPORT,
              SECTION, r["women_per_day"], per_day, "women per day", kind="amount", measure="other",
              quote="since 2018, an average of 10 women are killed every day because of their gender",
              reason=f"The report's 10 matches all women killed ({per_day:.1f} a day in {w0}-{w1}: femicide "
                     f"victims plus other female victims of intentional homicide), not killings classified as "
                     f"femicide, which were {fem_per_day:.1f} a day.",
              basis="SESNSP victims, national: (femicide + female homicidio doloso victims) / days, mean of "
                    f"{w0}-{w1}"),
        Claim(CHAPTER, "Femicides increased by 137% between 2015 and 2021 (official figures)", REPORT, SECTION,
              r["femicide_growth_pct"], (fem.loc[g1, "femicides"] / fem.loc[g0, "femicides"] - 1) * 100,
              "percent", kind="growth", quote="this crime increased by 137% between 2015 and 2021",
              basis=f"SESNSP femicide victims, national, {g1} against {g0} (current vintage)"),
        _none("More than 100,000 people were missing or disappeared in Mexico as of May 2022", "missing_2022",
             "persons", kind="count", comparison="more than",
             needed="The national registry of missing and disappeared persons (RNPDNO), published as a web query, "
                    "not as a downloadable file in the mirror."),
    ]


def _claims_journalists_politics() -> list[Claim]:
    """Security: journalists killed and political violence around elections."""
    r = REPORTED
    j = journalists_killed()
    etellekt = "Etellekt's list of victims of political violence (a consultancy report, not open data)."
    return [
        Claim(CHAPTER, "13 journalists were killed for their work in Mexico in 2022 (RSF)", REPORT, SECTION,
              r["journalists_2022"], j.loc[2022, "mexico"], "journalists", kind="count", measure="other",
              quote="13 killed for their work in 2022",
              reason="Another source and a partial year: the CPJ export ends in early August 2022 and counts "
                     "journalists and media workers whatever the motive; RSF counts the whole year and only "
                     "deaths linked to journalism.",
              basis="CPJ export (motive confirmed or not), Mexico, January to early August 2022"),
        _none("8 journalists murdered in Mexico so far in 2023", "journalists_2023", "journalists", kind="count",
             needed="A CPJ or RSF export covering 2023; the mirror's CPJ export ends in August 2022."),
        _none("57% of Mexicans believe criminal groups can influence federal elections (ENCADE)", "encade_pct",
             "percent of adults", kind="share", needed="ENCADE survey tabulations or microdata (not in the mirror)."),
        _none("91 politicians murdered in the 2021 midterm elections (Etellekt)", "politicians_2021", "politicians",
             kind="count", needed=etellekt),
        _none("22 of them were aspiring candidates", "aspiring_2021", "candidates", kind="count", needed=etellekt),
        _none("14 of them had registered their campaigns", "registered_2021", "candidates", kind="count",
             needed=etellekt),
        _none("152 politicians killed in the 2018 electoral process", "politicians_2018", "politicians",
             kind="count", needed=etellekt),
        _none("48 of them aspiring or registered candidates", "candidates_2018", "candidates", kind="count",
             needed=etellekt),
    ]


def _claims_defenders_governance_cyber() -> list[Claim]:
    """Security: defenders killed, transparency, cyberattacks and social programmes."""
    r = REPORTED
    d = defenders_killed()
    return [
        Claim(CHAPTER, "54 land and environmental defenders were killed in Mexico in 2021 (Global Witness)",
              REPORT, SECTION, r["defenders_2021"], d.loc[2021, "mexico"], "persons", kind="count",
              quote="54 activists killed in 2021",
              basis=f"Global Witness database, Mexico, 2021 (Mexico ranked {int(d.loc[2021, 'mexico_rank'])} "
                    f"of all countries that year)"),
        _none("INAI's budget was cut by 24% from 2018 to 2023", "inai_cut_pct", "percent", kind="growth",
             needed="Mexico's federal budget (PEF) by agency, 2018 and 2023 (not in the mirror)."),
        _none("There are 12,570 government databases that should be public", "databases", "databases",
             kind="count", needed="The MCCI audit of datos.gob.mx (not in the mirror)."),
        _none("71% of them are abandoned (not updated in 24 months)", "databases_abandoned_pct",
             "percent of databases", kind="share", needed="The MCCI audit of datos.gob.mx (not in the mirror)."),
        _none("More than 85 billion attempted cyberattacks on Mexico in 2022 (IDC)", "cyberattacks_bn",
             "billion attempts", kind="count", comparison="more than",
             needed="Vendor telemetry (IDC); no open data set."),
        _none("Cybercrime costs Mexico $3-5 billion a year (AmCham Mexico)", "cybercrime_loss_bn",
             "billion US dollars per year", kind="amount", rounding=2,
             needed="No open estimate of cybercrime losses by country (the reported value is the range's "
                    "midpoint)."),
        _none("Guacamaya leaked 4 million SEDENA emails", "sedena_emails_m", "million emails", kind="count",
             needed="Not a statistic of any open data set (an account of a leak)."),
        _none("Sembrando Vida pays about half a million beneficiaries", "sembrando_vida", "beneficiaries",
             kind="count", needed="Bienestar's beneficiary register (padrón), not in the mirror."),
    ]

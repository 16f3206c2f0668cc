"""US drug-overdose deaths: CDC/NCHS Vital Statistics Rapid Release (VSRR) **provisional** counts.

VSRR counts deaths in the 12 months ending each month, by jurisdiction, from death records received so
far. They are provisional: final counts (CDC WONDER) differ, and the most recent months are incomplete.
Both files are extracts of data.cdc.gov dataset xkb8-kh2a made by other projects (values unchanged):

- ``cdc_vsrr_overdose_deaths_state_year_by_drug.csv``: the *reported* count for the 12 months ending in
  December (a calendar-year provisional total), 2015-2025 (Aug-2026 vintage), for the US, the states, DC,
  New York City (``YC``) and Puerto Rico, four indicators: all drug overdose deaths, opioids (T40.0-T40.4,
  T40.6), psychostimulants with abuse potential (T43.6) and synthetic opioids other than methadone (T40.4,
  mainly fentanyl). A death can involve several drugs, so the indicators overlap and do not add up. Blank
  (``NA``) = not shown by CDC (low data quality or fewer than 10).
- ``cdc_vsrr_synthetic_opioid_t404_12mo_ending_monthly.csv``: synthetic opioids (T40.4) only, 12 months
  ending each month from January 2015 to January 2026 (June-2026 vintage), reported (``data_value``) and
  *predicted* (``predicted_value``: adjusted for reporting delays) counts. Months footnoted
  "Underreported due to incomplete data" are flagged ``underreported``.

Refused (naming the file and the value): a year or month outside the stated coverage (:data:`YEARS`,
:data:`MONTHLY_COVERAGE`), a negative count, an unknown month name or indicator, and, in the annual file,
synthetic-opioid deaths above all-opioid deaths or any indicator above all overdose deaths.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..schemas import SchemaError, require_columns, tidy_schema, validate

ANNUAL_KEY = "cdc_vsrr_overdose_deaths_state_year_by_drug.csv"
MONTHLY_KEY = "cdc_vsrr_synthetic_opioid_t404_12mo_ending_monthly.csv"
#: Stated coverage (SOURCES.yml).
YEARS = (2015, 2025)
MONTHLY_COVERAGE = (pd.Timestamp("2015-01-01"), pd.Timestamp("2026-01-01"))
US = "US"
#: Annual file's columns -> the book's drug labels.
DRUGS = {
    "total_overdose_deaths": "all drug overdoses",
    "all_opioids_deaths": "opioids",
    "psychostimulant_deaths": "psychostimulants (mainly methamphetamine)",
    "synthetic_opioid_deaths": "synthetic opioids (mainly fentanyl)",
}
SYNTHETIC_INDICATOR = "Synthetic opioids, excl. methadone (T40.4)"
PERIOD = "12 month-ending"
MONTH_NAMES = {m: i + 1 for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"])}
UNIT = "deaths (provisional, reported)"

_STATE = {"state": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{2}$")), "state_name": pa.Column(str)}
ANNUAL_RAW_SCHEMA = pa.DataFrameSchema(
    {
        "year": pa.Column(int, pa.Check.in_range(*YEARS)),
        **{c: pa.Column(float, pa.Check.ge(0), nullable=True) for c in DRUGS},
    },
    checks=[
        pa.Check(lambda d: ~(d["synthetic_opioid_deaths"] > d["all_opioids_deaths"]),
                 error="synthetic opioid deaths above all opioid deaths"),
        *[pa.Check(lambda d, c=c: ~(d[c] > d["total_overdose_deaths"]), error=f"{c} above all overdose deaths")
          for c in ["all_opioids_deaths", "psychostimulant_deaths", "synthetic_opioid_deaths"]],
    ],
    strict=False, name="cdc_vsrr_annual_raw",
)
ANNUAL_SCHEMA = tidy_schema(
    {**_STATE, "drug": pa.Column(str, pa.Check.isin(list(DRUGS.values())))},
    nullable_value=True, name="cdc_vsrr_annual",
).update_column("value", checks=[pa.Check.ge(0)])
MONTHLY_SCHEMA = tidy_schema(
    {
        "date": pa.Column("datetime64[ns]", pa.Check.in_range(*MONTHLY_COVERAGE),
                          description="12-month period ending in a month within the stated coverage"),
        **_STATE,
        "indicator": pa.Column(str, pa.Check.isin([SYNTHETIC_INDICATOR])),
        "period": pa.Column(str, pa.Check.isin([PERIOD])),
        "predicted": pa.Column(float, pa.Check.ge(0), nullable=True),
        "percent_complete": pa.Column(float, pa.Check.in_range(0, 100), nullable=True),
        "underreported": pa.Column(bool),
    },
    time="date", nullable_value=True, name="cdc_vsrr_synthetic_monthly",
).update_column("value", checks=[pa.Check.ge(0)])


def _numbers(raw: pd.DataFrame, columns, key: str) -> pd.DataFrame:
    """Numeric columns; blank / NA stays missing, any other text is refused naming the value."""
    out = raw.copy()
    for col in columns:
        text = raw[col].astype(object).where(raw[col].notna(), None)
        num = pd.to_numeric(raw[col], errors="coerce")
        bad = num.isna() & pd.Series([t is not None and str(t).strip() not in ("", "NA") for t in text],
                                     index=raw.index)
        if bad.any():
            raise SchemaError(f"{key}: column {col!r}: value {raw.loc[bad, col].iloc[0]!r} is not a number")
        out[col] = num.astype(float)
    return out


def parse_annual(raw: pd.DataFrame, key: str = ANNUAL_KEY) -> pd.DataFrame:
    require_columns(raw, ["state_code", "state_name", "year", *DRUGS], key)
    raw = _numbers(raw, ["year", *DRUGS], key)
    if raw["year"].isna().any():
        raise SchemaError(f"{key}: column 'year': a row has no year")
    raw["year"] = raw["year"].astype("int64")
    validate(raw, ANNUAL_RAW_SCHEMA, key)
    long = raw.melt(id_vars=["state_code", "state_name", "year"], value_vars=list(DRUGS), var_name="col",
                    value_name="deaths")
    out = pd.DataFrame({
        "iso3": "USA", "year": long["year"].astype("int64"), "value": long["deaths"].astype(float),
        "unit": UNIT, "source": key, "state": long["state_code"].astype(str).str.strip(),
        "state_name": long["state_name"].astype(str).str.strip(), "drug": long["col"].map(DRUGS),
    })
    return validate(out, ANNUAL_SCHEMA, key)


def overdose_annual() -> pd.DataFrame:
    """Provisional overdose deaths by jurisdiction, calendar year and drug, 2015-2025 (deaths).

    Columns: iso3 ("USA"), year, value (NaN where CDC shows no value), unit, source, state (two-letter
    code; "US" = the nation), state_name, drug.
    """
    return parse_annual(pd.read_csv(registry.fetch(ANNUAL_KEY), dtype=str, keep_default_na=False))


def parse_monthly(raw: pd.DataFrame, key: str = MONTHLY_KEY) -> pd.DataFrame:
    cols = ["state", "year", "month", "period", "indicator", "percent_complete", "state_name", "footnote",
            "data_value", "predicted_value"]
    require_columns(raw, cols, key)
    raw = _numbers(raw, ["year", "data_value", "predicted_value", "percent_complete"], key)
    month = raw["month"].astype(str).str.strip()
    unknown = sorted(set(month) - set(MONTH_NAMES))
    if unknown:
        raise SchemaError(f"{key}: column 'month': unknown month name(s) {unknown[:5]}")
    if raw["year"].isna().any():
        raise SchemaError(f"{key}: column 'year': a row has no year")
    date = pd.to_datetime(pd.DataFrame({"year": raw["year"].astype(int), "month": month.map(MONTH_NAMES),
                                        "day": 1}))
    foot = raw["footnote"].astype(object).where(raw["footnote"].notna(), "").astype(str)
    out = pd.DataFrame({
        "iso3": "USA", "date": date.astype("datetime64[ns]"), "value": raw["data_value"], "unit": UNIT,
        "source": key, "state": raw["state"].astype(str).str.strip(),
        "state_name": raw["state_name"].astype(str).str.strip(),
        "indicator": raw["indicator"].astype(str).str.strip(), "period": raw["period"].astype(str).str.strip(),
        "predicted": raw["predicted_value"], "percent_complete": raw["percent_complete"],
        "underreported": foot.str.contains("Underreported", regex=False),
    })
    return validate(out, MONTHLY_SCHEMA, key)


def synthetic_monthly() -> pd.DataFrame:
    """Synthetic-opioid (T40.4) deaths in the 12 months ending each month, Jan 2015 - Jan 2026 (deaths).

    Columns: iso3, date (last month of the 12-month period, as its first day), value (reported), unit,
    source, state, state_name, indicator, period, predicted, percent_complete, underreported.
    """
    return parse_monthly(pd.read_csv(registry.fetch(MONTHLY_KEY), dtype=str, keep_default_na=False,
                                     na_values=[""]))


def registry_keys() -> list[str]:
    return [ANNUAL_KEY, MONTHLY_KEY]

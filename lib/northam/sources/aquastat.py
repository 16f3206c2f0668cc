"""FAO AQUASTAT water indicators: the OWID copy of SDG 6.4.2 (annual) and the Open Numbers DDF files.

Units: percent for water stress (withdrawals as a share of available freshwater, after environmental
flow requirements) and for the sector shares of withdrawals; cubic metres per inhabitant per year for
the per-person series.

Quirk handled here: the DDF files are not annual. AQUASTAT reports 5-yearly *periods* (1958-1962, ...,
2013-2017), each stored under the period's last year, plus a single latest year (2018). Every row gets
a ``period`` label ("2013-2017" or "2018"); a year that is neither a period end nor the latest single
year is refused (:class:`AquastatPeriodError`), since it would be read as a year it is not.
Shares outside 0-100 % (Brunei's municipal share, 2007-2018, is above 150 %) are dropped with a
:class:`DroppedRowsWarning` naming the rows.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..countries import to_iso3
from ..schemas import is_number, require_columns, tidy_schema, validate

OWID_STRESS = "owid_sdg642_water_stress.csv"
OWID_STRESS_COLUMN = ("Level of water stress: freshwater withdrawal as a proportion of available freshwater "
                      "resources (%) - No breakdown")

#: AQUASTAT DDF files: short name -> (registry key, value column, unit).
DDF = {
    "agriculture": ("aquastat_agricultural_water_withdrawal_as_pct_of_total_water_withdrawal.csv",
                    "agricultural_water_withdrawal_as_pct_of_total_water_withdrawal", "percent of total withdrawal"),
    "industry": ("aquastat_industrial_water_withdrawal_as_pct_of_total_water_withdrawal.csv",
                 "industrial_water_withdrawal_as_pct_of_total_water_withdrawal", "percent of total withdrawal"),
    "municipal": ("aquastat_municipal_water_withdrawal_as_pct_of_total_withdrawal.csv",
                  "municipal_water_withdrawal_as_pct_of_total_withdrawal", "percent of total withdrawal"),
    "stress": ("aquastat_sdg_6_4_2_water_stress.csv", "sdg_6_4_2_water_stress",
               "percent of available freshwater"),
    "renewable_per_capita": ("aquastat_total_internal_renewable_water_resources_per_capita.csv",
                             "total_internal_renewable_water_resources_per_capita", "m3 per person per year"),
    "withdrawal_per_capita": ("aquastat_total_water_withdrawal_per_capita.csv",
                              "total_water_withdrawal_per_capita", "m3 per person per year"),
}
ENTITIES = "aquastat_entities_area.csv"
#: The one year the DDF files hold outside the 5-yearly period grid.
LATEST_SINGLE_YEAR = 2018
SECTORS = ("agriculture", "industry", "municipal")


class DroppedRowsWarning(UserWarning):
    """Rows with impossible values were dropped (the message names file, column, area and year)."""


class AquastatPeriodError(ValueError):
    """A DDF row sits on a year that is not an AQUASTAT period end (nor the latest single year)."""


OWID_SCHEMA = tidy_schema({"entity": pa.Column(str)}, name="owid_water_stress")
#: The OWID download as published (rows labelled "Entity Year"): one row per entity and year, each with a
#: stress value that is a number and not negative (never missing, never text).
OWID_RAW_SCHEMA = pa.DataFrameSchema(
    {OWID_STRESS_COLUMN: pa.Column(checks=[is_number("a percentage"), pa.Check(
        lambda v: not pd.to_numeric(v, errors="coerce") < 0, element_wise=True, error="should not be negative")])},
    unique=["Entity", "Year"], name="owid_water_stress_download")
DDF_SCHEMA = tidy_schema({"period": pa.Column(str), "indicator": pa.Column(str)}, name="aquastat_ddf")


def period_label(year: int) -> str | None:
    """AQUASTAT period for a DDF year: '2013-2017' for 2017, '2018' for 2018, None if off the grid."""
    if year == LATEST_SINGLE_YEAR:
        return str(year)
    if year % 5 == 2:
        return f"{year - 4}-{year}"
    return None


def _owid_iso3(entity: str, code) -> str | None:
    code = "" if pd.isna(code) else str(code)
    if len(code) == 3 and code.isalpha():
        return code
    return None if entity == "World" else to_iso3(entity)


def parse_owid_stress(raw: pd.DataFrame, key: str = OWID_STRESS) -> pd.DataFrame:
    """Tidy the OWID SDG 6.4.2 download (percent; aggregates such as 'World' get iso3 None)."""
    require_columns(raw, ["Entity", "Code", "Year", OWID_STRESS_COLUMN], key)
    raw = validate(raw.set_axis(raw["Entity"].astype(str) + " " + raw["Year"].astype(str)), OWID_RAW_SCHEMA,
                   key).reset_index(drop=True)
    value = pd.to_numeric(raw[OWID_STRESS_COLUMN])
    out = pd.DataFrame({
        "iso3": [_owid_iso3(e, c) for e, c in zip(raw["Entity"], raw["Code"], strict=True)],
        "year": raw["Year"].astype(int),
        "value": value.astype(float),
        "unit": "percent of available freshwater",
        "source": key,
        "entity": raw["Entity"].astype(str),
    })
    out["iso3"] = out["iso3"].astype(object).where(out["iso3"].notna(), None)
    return validate(out, OWID_SCHEMA, key)


def water_stress() -> pd.DataFrame:
    """SDG 6.4.2 water stress, annual 2000-2022, all countries and regions (percent).

    Columns: iso3 (None for aggregates), entity, year, value, unit, source. Source: OWID grapher copy of
    the UN SDG / FAO AQUASTAT series.
    """
    return parse_owid_stress(pd.read_csv(registry.fetch(OWID_STRESS)))


def parse_ddf(raw: pd.DataFrame, name: str) -> pd.DataFrame:
    """Tidy one AQUASTAT DDF datapoints table (``area``, ``year``, value column) with its period."""
    key, column, unit = DDF[name]
    require_columns(raw, ["area", "year", column], key)
    years = pd.to_numeric(raw["year"], errors="coerce")
    if years.isna().any():
        r = raw[years.isna()].iloc[0]
        raise AquastatPeriodError(f"{key}: column 'year' is not a year for area {r['area']!r}: {r['year']!r}")
    periods = years.astype(int).map(period_label)
    if periods.isna().any():
        r = raw[periods.isna()].iloc[0]
        raise AquastatPeriodError(
            f"{key}: area {r['area']!r}, year {int(r['year'])} is not an AQUASTAT period end (years ending in 2 "
            f"or 7) nor the latest single year {LATEST_SINGLE_YEAR}; refusing to read it as a year.")
    raw = validate(raw.set_axis(raw["area"].astype(str) + " " + raw["year"].astype(str)),
                   pa.DataFrameSchema({column: pa.Column(checks=is_number(f"a number ({unit})"))}, name="aquastat_ddf_file"),
                   key).set_axis(raw.index)
    value = pd.to_numeric(raw[column])
    if unit.startswith("percent of total"):
        out_of_range = (value < 0) | (value > 100)
        if out_of_range.any():
            rows = ", ".join(f"{a} {y} ({v:.1f})" for a, y, v in
                             zip(raw.loc[out_of_range, "area"], raw.loc[out_of_range, "year"],
                                 value[out_of_range], strict=True))
            warnings.warn(f"{key}: dropped {int(out_of_range.sum())} row(s) of column {column!r} that are not "
                          f"percentages (0-100): {rows}", DroppedRowsWarning, stacklevel=2)
            raw, value, years, periods = (x[~out_of_range] for x in (raw, value, years, periods))
    iso = {a: to_iso3(str(a).upper()) for a in raw["area"].unique()}
    out = pd.DataFrame({
        "iso3": raw["area"].map(iso),
        "year": years.astype(int),
        "period": periods.astype(str),
        "indicator": name,
        "value": value.astype(float),
        "unit": unit,
        "source": key,
    })
    out["iso3"] = out["iso3"].astype(object).where(out["iso3"].notna(), None)
    return validate(out, DDF_SCHEMA, key)


def ddf(name: str) -> pd.DataFrame:
    """One AQUASTAT indicator (see :data:`DDF`), tidy, with its 5-yearly period label."""
    if name not in DDF:
        raise KeyError(f"unknown AQUASTAT indicator {name!r}; known: {list(DDF)}")
    return parse_ddf(pd.read_csv(registry.fetch(DDF[name][0])), name)


def registry_keys() -> list[str]:
    return [OWID_STRESS, *(v[0] for v in DDF.values())]

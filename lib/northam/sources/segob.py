"""SEGOB / Unidad de Política Migratoria: events of foreigners presented to Mexico's migration authority.

Cuadro 3.1 of UPM's statistical bulletin, by Mexican state (entidad federativa) and month, re-keyed into
one workbook per year (2019, 2020 and January-July 2021 only). Units: events ("eventos"); one person
apprehended twice counts twice; no nationality breakdown.

Quirks handled: the 2021 file holds only seven months (the chapter's annual table,
:func:`northam.analysis.labor.segob_annual`, counts the months and flags the year ``partial``). The ``ano``
column must equal the file's year, there must be 32 states, counts must be non-negative numbers: otherwise
the file is refused (pandera), naming file, column, value and state. State names become the book's one name
per state (:data:`northam.countries.MX_STATES`, e.g. "Ciudad de México", never "Distrito Federal"); a name that
is no known spelling of a state is refused.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from .. import countries
from ..cache import cached
from ..schemas import SchemaError, is_number, require_columns, tidy_schema, validate
from . import read_workbook

FILES = {year: f"segob_upm_eventos_presentados_por_entidad_{year}.xlsx" for year in (2019, 2020, 2021)}
MONTHS = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]
UNIT = "events of foreigners presented"
MISSING_YEARS = [2014, 2015, 2016, 2017, 2018, 2022, 2023]  # in the reports' chart, not in the open files

SCHEMA = tidy_schema({"state": pa.Column(str), "month": pa.Column(int, pa.Check.in_range(1, 12))},
                     name="segob_presentados")


def _sheet_schema(year: int) -> pa.DataFrameSchema:
    """One year's sheet: every row of that year (``ano``) and the 32 states (``entidad``)."""
    return pa.DataFrameSchema({
        "ano": pa.Column(checks=pa.Check(lambda v: pd.to_numeric(v, errors="coerce") == year, element_wise=True,
                                         error=f"expected only {year}"), nullable=True),
        "entidad": pa.Column(checks=pa.Check(lambda s: s.nunique() == 32, error="expected 32 states")),
    }, name=f"segob_sheet_{year}")


#: The counts, one row per state and month (row label "state / month"): whole numbers of events, never negative.
COUNTS_SCHEMA = pa.DataFrameSchema({"events": pa.Column(checks=[
    is_number("a count of events"),
    pa.Check(lambda v: not pd.to_numeric(v, errors="coerce") < 0, element_wise=True, error="should not be negative"),
])}, name="segob_counts")


def parse(raw: pd.DataFrame, year: int, key: str) -> pd.DataFrame:
    """Tidy one year's sheet (entidad, ano, ene..dic; trailing months may be absent)."""
    require_columns(raw, ["entidad", "ano", "ene"], key)
    months = [m for m in MONTHS if m in raw.columns]
    if months != MONTHS[: len(months)]:
        raise SchemaError(f"{key}: month columns {months} are not consecutive from 'ene'")
    raw = validate(raw.dropna(subset=["entidad"]), _sheet_schema(year), key)
    long = raw.melt(id_vars=["entidad"], value_vars=months, var_name="mes", value_name="events")
    long.index = long["entidad"].astype(str).str.strip() + " / " + long["mes"]
    long = validate(long, COUNTS_SCHEMA, key)
    try:
        codes = countries.mx_state_codes(long["entidad"], what=f"{key} column 'entidad'")
    except KeyError as err:
        raise SchemaError(err.args[0]) from None
    return pd.DataFrame({
        "iso3": "MEX", "year": year, "month": long["mes"].map({m: i + 1 for i, m in enumerate(MONTHS)}).astype(int),
        "state": [countries.MX_STATES[c] for c in codes], "value": pd.to_numeric(long["events"]).astype(float),
        "unit": UNIT, "source": key,
    }).reset_index(drop=True)


@cached(*FILES.values())
def _monthly(*paths) -> pd.DataFrame:
    parts = []
    for (year, key), path in zip(FILES.items(), paths, strict=True):
        raw = read_workbook(path, sheet_name=0)
        parts.append(validate(parse(raw, year, key), SCHEMA, key))
    return pd.concat(parts, ignore_index=True)


def monthly() -> pd.DataFrame:
    """Events of foreigners presented to the INM, by state and month, 2019-2021 (2021: Jan-Jul)."""
    return _monthly()


def registry_keys() -> list[str]:
    return list(FILES.values())

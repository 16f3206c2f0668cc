"""SEGOB / Unidad de Política Migratoria: events of foreigners presented to Mexico's migration authority.

Cuadro 3.1 of UPM's statistical bulletin, by Mexican state (entidad federativa) and month, re-keyed into
one workbook per year (2019, 2020 and January-July 2021 only). Units: events ("eventos"); one person
apprehended twice counts twice; no nationality breakdown.

Quirks handled: the 2021 file holds only seven months; :func:`by_state` returns ``months`` per year and
flags ``partial``. The ``ano`` column must equal the file's year, there must be 32 states, counts must
be non-negative whole numbers: otherwise the file is refused naming file, column and state.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from ..cache import cached
from ..schemas import SchemaError, require_columns, tidy_schema, validate

FILES = {year: f"segob_upm_eventos_presentados_por_entidad_{year}.xlsx" for year in (2019, 2020, 2021)}
MONTHS = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]
UNIT = "events of foreigners presented"
MISSING_YEARS = [2014, 2015, 2016, 2017, 2018, 2022, 2023]  # in the reports' chart, not in the open files

SCHEMA = tidy_schema({"state": pa.Column(str), "month": pa.Column(int, pa.Check.in_range(1, 12))},
                     name="segob_presentados")


def parse(raw: pd.DataFrame, year: int, key: str) -> pd.DataFrame:
    """Tidy one year's sheet (entidad, ano, ene..dic; trailing months may be absent)."""
    require_columns(raw, ["entidad", "ano", "ene"], key)
    months = [m for m in MONTHS if m in raw.columns]
    if months != MONTHS[: len(months)]:
        raise SchemaError(f"{key}: month columns {months} are not consecutive from 'ene'")
    raw = raw.dropna(subset=["entidad"])
    years = set(pd.to_numeric(raw["ano"], errors="coerce").dropna().astype(int))
    if years != {year}:
        raise SchemaError(f"{key}: column 'ano' holds {sorted(years)}, expected only {year}")
    if raw["entidad"].nunique() != 32:
        raise SchemaError(f"{key}: column 'entidad': {raw['entidad'].nunique()} states, expected 32")
    long = raw.melt(id_vars=["entidad"], value_vars=months, var_name="mes", value_name="events")
    num = pd.to_numeric(long["events"], errors="coerce")
    bad = long[num.isna() | (num < 0)]
    if len(bad):
        r = bad.iloc[0]
        raise SchemaError(f"{key}: column {r['mes']!r}, state {r['entidad']!r}: bad count {r['events']!r}")
    return pd.DataFrame({
        "iso3": "MEX", "year": year, "month": long["mes"].map({m: i + 1 for i, m in enumerate(MONTHS)}).astype(int),
        "state": long["entidad"].astype(str).str.strip(), "value": num.astype(float), "unit": UNIT, "source": key,
    })


@cached(*FILES.values())
def _monthly(*paths) -> pd.DataFrame:
    parts = []
    for (year, key), path in zip(FILES.items(), paths, strict=True):
        raw = pd.read_excel(path, sheet_name=0)
        parts.append(validate(parse(raw, year, key), SCHEMA, key))
    return pd.concat(parts, ignore_index=True)


def monthly() -> pd.DataFrame:
    """Events of foreigners presented to the INM, by state and month, 2019-2021 (2021: Jan-Jul)."""
    return _monthly()


def by_state() -> pd.DataFrame:
    """Annual events by state: columns state, year, value, months, partial (True for 2021)."""
    df = monthly()
    out = df.groupby(["state", "year"], as_index=False).agg(value=("value", "sum"), months=("month", "nunique"))
    out["partial"] = out["months"] < 12
    return out


def registry_keys() -> list[str]:
    return list(FILES.values())

"""UNHCR Refugee Population Statistics (R package ``refugees``): asylum applications and population stocks.

Both files are R ``.rda`` objects, read with the PyPI package ``pyreadr`` (no hand-written parsing).
Units: persons (applications may count cases, see ``app_pc``: P persons, C cases); UNHCR rounds small
values. Only rows touching North America are kept: the country of asylum or the country of origin is
the United States, Mexico or Canada.

Quirks refused here (pandera): a row without a year, a negative count or a missing application count,
or a country of asylum code that is not ISO3.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from ..cache import cached
from ..countries import MEMBERS
from ..schemas import SchemaError, require_columns, tidy_schema, validate

APPLICATIONS_KEY = "unhcr_refugees_pkg_asylum_applications.rda"
POPULATION_KEY = "unhcr_refugees_pkg_population.rda"
NORTH_AMERICA = list(MEMBERS)

APP_SCHEMA = tidy_schema(
    {"origin_iso3": pa.Column(str, nullable=True), "origin": pa.Column(str), "app_pc": pa.Column(str),
     "procedure_type": pa.Column(str, nullable=True)},
    name="unhcr_asylum_applications",
)
POP_SCHEMA = tidy_schema(
    {"origin_iso3": pa.Column(str, nullable=True), "origin": pa.Column(str),
     "population_type": pa.Column(str, pa.Check.isin(["refugees", "asylum_seekers"]))},
    name="unhcr_population",
)


def _read_rda(key: str, obj: str, path=None) -> pd.DataFrame:
    import pyreadr

    from .. import registry

    result = pyreadr.read_r(str(path or registry.fetch(key)))
    if obj not in result:
        raise SchemaError(f"{key}: R object {obj!r} not found; objects present: {list(result)}")
    return result[obj]


def _rows_schema(value_cols: list[str], *, complete: bool) -> pa.DataFrameSchema:
    """Every row has a year; counts are never negative (and never missing when ``complete``)."""
    return pa.DataFrameSchema({"year": pa.Column(nullable=False),
                               **{c: pa.Column(checks=pa.Check.ge(0), nullable=not complete) for c in value_cols}},
                              name="unhcr_rows")


def _common(raw: pd.DataFrame, key: str, value_cols: list[str], *, complete: bool = False) -> pd.DataFrame:
    """Rows touching North America, validated: rows labelled "origin in asylum country, year" in errors."""
    require_columns(raw, ["year", "coo_name", "coo_iso", "coa_iso", *value_cols], key)
    validate(raw[["year"]], _rows_schema([], complete=complete), key)
    raw = raw[raw["coa_iso"].isin(NORTH_AMERICA) | raw["coo_iso"].isin(NORTH_AMERICA)].copy()
    labels = raw["coo_name"].astype(str) + " in " + raw["coa_iso"].astype(str) + ", " + raw["year"].astype(int).astype(str)
    validate(raw[["year", *value_cols]].set_axis(labels), _rows_schema(value_cols, complete=complete), key)
    return raw


def parse_applications(raw: pd.DataFrame, key: str = APPLICATIONS_KEY) -> pd.DataFrame:
    require_columns(raw, ["app_pc", "procedure_type"], key)
    raw = _common(raw, key, ["applied"], complete=True)
    out = pd.DataFrame({
        "iso3": raw["coa_iso"].astype(str), "year": raw["year"].astype(int),
        "origin_iso3": raw["coo_iso"].astype(str), "origin": raw["coo_name"].astype(str),
        "value": raw["applied"].astype(float), "unit": "asylum applications", "source": key,
        "app_pc": raw["app_pc"].astype(str), "procedure_type": raw["procedure_type"].astype(str),
    }).reset_index(drop=True)
    return out


@cached(APPLICATIONS_KEY)
def _applications(path) -> pd.DataFrame:
    raw = _read_rda(APPLICATIONS_KEY, "asylum_applications", path)
    return validate(parse_applications(raw), APP_SCHEMA, APPLICATIONS_KEY)


@cached(POPULATION_KEY)
def _population(path) -> pd.DataFrame:
    return validate(parse_population(_read_rda(POPULATION_KEY, "population", path)), POP_SCHEMA, POPULATION_KEY)


def asylum_applications() -> pd.DataFrame:
    """Asylum applications lodged, by country of asylum (``iso3``), origin and year (North America rows).

    Columns: iso3 (country of asylum), year, origin_iso3 (UNHCR's code; XXA stateless, UNK unknown),
    origin, value (applications), unit, source, app_pc, procedure_type.
    """
    return _applications()


def parse_population(raw: pd.DataFrame, key: str = POPULATION_KEY) -> pd.DataFrame:
    raw = _common(raw, key, ["refugees", "asylum_seekers"])
    long = raw.melt(id_vars=["year", "coo_name", "coo_iso", "coa_iso"], value_vars=["refugees", "asylum_seekers"],
                    var_name="population_type", value_name="persons")
    out = pd.DataFrame({
        "iso3": long["coa_iso"].astype(str), "year": long["year"].astype(int),
        "origin_iso3": long["coo_iso"].astype(str), "origin": long["coo_name"].astype(str),
        "value": long["persons"].fillna(0.0).astype(float), "unit": "persons", "source": key,
        "population_type": long["population_type"].astype(str),
    })
    return out


def population() -> pd.DataFrame:
    """End-year refugees and asylum-seekers by country of asylum (``iso3``), origin and year (persons)."""
    return _population()


def registry_keys() -> list[str]:
    return [APPLICATIONS_KEY, POPULATION_KEY]

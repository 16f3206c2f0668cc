"""Global Witness: land and environmental defenders killed, 2012-2021 (one row per victim).

``global_witness_land_env_defenders_killed_2012_2021.csv`` is Global Witness's data download of
22 September 2022, kept in a GitHub repository. Each row is one person killed, with the date, the
country (name and ISO 3166 numeric code), the continent and the local region; ``number_of_victims`` is 1
on every row of this file. Countries are identified by their numeric code (pycountry), never by name.

Refused (naming the file and the value): a date that is not a date, a year outside 2012-2021
(:data:`YEARS`), an unknown numeric country code, and a missing or negative number of victims.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pycountry

from .. import registry
from ..schemas import SchemaError, require_columns, tidy_schema, validate

KEY = "global_witness_land_env_defenders_killed_2012_2021.csv"
YEARS = (2012, 2021)
UNIT = "persons killed"

SCHEMA = tidy_schema(
    {
        "date": pa.Column("datetime64[ns]"),
        "country": pa.Column(str),
        "continent": pa.Column(str, nullable=True),
    },
    name="global_witness_defenders",
).update_column("value", checks=[pa.Check.ge(0)]).update_column("year", checks=[pa.Check.in_range(*YEARS)])


def _iso_numeric(code, key: str) -> str:
    hit = pycountry.countries.get(numeric=f"{int(code):03d}")
    if hit is None:
        raise SchemaError(f"{key}: column 'country_numeric': {int(code)} is not an ISO 3166 numeric country code")
    return hit.alpha_3


def parse(raw: pd.DataFrame, key: str = KEY) -> pd.DataFrame:
    require_columns(raw, ["date", "country", "country_numeric", "continent", "number_of_victims"], key)
    date = pd.to_datetime(raw["date"], format="%Y-%m-%d", errors="coerce")
    if date.isna().any():
        raise SchemaError(f"{key}: column 'date': value {raw.loc[date.isna(), 'date'].iloc[0]!r} is not a date "
                          f"(YYYY-MM-DD)")
    code = pd.to_numeric(raw["country_numeric"], errors="coerce")
    if code.isna().any():
        raise SchemaError(f"{key}: column 'country_numeric': value "
                          f"{raw.loc[code.isna(), 'country_numeric'].iloc[0]!r} is not a number")
    victims = pd.to_numeric(raw["number_of_victims"], errors="coerce")
    if victims.isna().any():
        raise SchemaError(f"{key}: column 'number_of_victims': value "
                          f"{raw.loc[victims.isna(), 'number_of_victims'].iloc[0]!r} is not a number")
    iso = {c: _iso_numeric(c, key) for c in code.unique()}
    out = pd.DataFrame({
        "iso3": code.map(iso).astype(object), "year": date.dt.year.astype("int64"),
        "value": victims.astype(float), "unit": UNIT, "source": key,
        "date": date.astype("datetime64[ns]"), "country": raw["country"].astype(str).str.strip(),
        "continent": raw["continent"].astype(object).where(raw["continent"].notna(), None),
    })
    return validate(out, SCHEMA, key)


def defenders_killed() -> pd.DataFrame:
    """Land and environmental defenders killed, one row per victim, 2012-2021 (persons).

    Columns: iso3, year, value (victims), unit, source, date, country, continent.
    """
    return parse(pd.read_csv(registry.fetch(KEY)))


def registry_keys() -> list[str]:
    return [KEY]

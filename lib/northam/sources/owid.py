"""Our World in Data republications: UN World Population Prospects 2022 (labor chapter) and UNODC homicide
rates (security chapter).

Other chapters may add functions for their own OWID files here; each function reads one file.

- ``owid_unwpp2022_median_age.csv``: median age of the total population, years, 1950-2021 (WPP 2022
  estimates). The repository copy renamed OWID's ``Entity`` column to ``Country`` and the value column
  to ``Median age``; both spellings are accepted, anything else is refused.
- ``owid_unwpp2022_population_by_age_group.csv``: persons by broad age group for one year. The file has
  no year column; its totals equal WPP 2022's 2021 estimates (checked in SOURCES.yml), so ``year`` is
  set to 2021 here. OWID aggregates (World, continents, income groups) have no ISO3 code (iso3 None).
- ``owid_homicide_rate_unodc.csv``: UNODC intentional homicides per 100,000 people, 1990-2023 for
  countries, 2000-2023 for the UN regional aggregates ("Americas (UN)", "Latin America and the Caribbean
  (UN)", ...) and the World. Aggregates carry OWID codes (``OWID_WRL``, ``UN_LAC``) or none: iso3 None.
  Years without a UNODC figure are absent (the United States has no rate for 2003-2005). The file's
  last column, OWID's world region of each country, is kept (:func:`world_regions`). A negative or
  non-numeric rate is refused.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..schemas import SchemaError, require_columns, tidy_schema, validate

MEDIAN_AGE_KEY = "owid_unwpp2022_median_age.csv"
AGE_GROUPS_KEY = "owid_unwpp2022_population_by_age_group.csv"
AGE_GROUPS_YEAR = 2021  # inferred: the file has no year column (see module docstring)
AGE_GROUPS = ["0-4 years", "5-14 years", "15-24 years", "25-64 years", "65+"]

MEDIAN_SCHEMA = tidy_schema({"country": pa.Column(str)}, name="owid_median_age")
AGE_SCHEMA = tidy_schema({"country": pa.Column(str), "age_group": pa.Column(str, pa.Check.isin(AGE_GROUPS))},
                         name="owid_population_by_age")


def _iso(code) -> str | None:
    code = "" if pd.isna(code) else str(code).strip()
    return code if len(code) == 3 and code.isalpha() and code.isupper() else None


def parse_median_age(raw: pd.DataFrame, key: str = MEDIAN_AGE_KEY) -> pd.DataFrame:
    raw = raw.rename(columns={"Entity": "Country"})
    value_col = next((c for c in raw.columns if str(c).lower().startswith("median age")), None)
    if value_col is None:
        raise SchemaError(f"{key}: no 'Median age' value column; columns present: {list(raw.columns)}")
    require_columns(raw, ["Country", "Code", "Year"], key)
    value = pd.to_numeric(raw[value_col], errors="coerce")
    bad = raw[value.isna() | (value <= 0) | (value > 80)]
    if len(bad):
        r = bad.iloc[0]
        raise SchemaError(f"{key}: column {value_col!r}: impossible median age {r[value_col]!r} for "
                          f"{r['Country']}, {r['Year']}")
    return pd.DataFrame({
        "iso3": raw["Code"].map(_iso).astype(object), "country": raw["Country"].astype(str),
        "year": raw["Year"].astype(int), "value": value.astype(float), "unit": "years", "source": key,
    })


def median_age() -> pd.DataFrame:
    """Median age by country and year, 1950-2021 (years; UN WPP 2022 via OWID)."""
    raw = pd.read_csv(registry.fetch(MEDIAN_AGE_KEY))
    df = parse_median_age(raw)
    df["iso3"] = df["iso3"].where(df["iso3"].notna(), None)
    return validate(df, MEDIAN_SCHEMA, MEDIAN_AGE_KEY)


def parse_age_groups(raw: pd.DataFrame, key: str = AGE_GROUPS_KEY) -> pd.DataFrame:
    from ..countries import to_iso3

    require_columns(raw, ["Country", "Total", *AGE_GROUPS], key)
    for col in ["Total", *AGE_GROUPS]:
        num = pd.to_numeric(raw[col], errors="coerce")
        if num.isna().any() or (num < 0).any():
            r = raw[num.isna() | (num < 0)].iloc[0]
            raise SchemaError(f"{key}: column {col!r}: bad value {r[col]!r} for {r['Country']}")
    parts = raw[AGE_GROUPS].astype(float).sum(axis=1)
    off = (parts - raw["Total"].astype(float)).abs() > 0.001 * raw["Total"].astype(float) + 10
    if off.any():
        r = raw[off].iloc[0]
        raise SchemaError(f"{key}: {r['Country']}: age groups sum to {parts[off].iloc[0]:,.0f}, not the Total "
                          f"{r['Total']:,.0f}")
    long = raw.melt(id_vars=["Country"], value_vars=AGE_GROUPS, var_name="age_group", value_name="persons")
    names = long["Country"].astype(str).str.strip()
    iso = {n: to_iso3(n) for n in names.unique()}
    return pd.DataFrame({
        "iso3": names.map(iso).astype(object), "country": names, "year": AGE_GROUPS_YEAR,
        "age_group": long["age_group"], "value": long["persons"].astype(float), "unit": "persons", "source": key,
    })


def population_by_age_group() -> pd.DataFrame:
    """Population by broad age group, 2021 (persons; UN WPP 2022 via OWID). Year inferred (no column)."""
    df = parse_age_groups(pd.read_csv(registry.fetch(AGE_GROUPS_KEY)))
    df["iso3"] = df["iso3"].where(df["iso3"].notna(), None)
    return validate(df, AGE_SCHEMA, AGE_GROUPS_KEY)


def labor_registry_keys() -> list[str]:
    return [MEDIAN_AGE_KEY, AGE_GROUPS_KEY]


# --------------------------------------------------------------------------------------------------
# UNODC homicide rates (security chapter)

HOMICIDE_KEY = "owid_homicide_rate_unodc.csv"
HOMICIDE_VALUE = "Homicide rate per 100,000 population"
HOMICIDE_REGION = "World region according to OWID"
HOMICIDE_SCHEMA = tidy_schema(
    {"country": pa.Column(str), "owid_region": pa.Column(str, nullable=True)}, name="owid_homicide_rate",
).update_column("value", checks=[pa.Check.ge(0)])


def parse_homicide(raw: pd.DataFrame, key: str = HOMICIDE_KEY) -> pd.DataFrame:
    require_columns(raw, ["Entity", "Code", "Year", HOMICIDE_VALUE, HOMICIDE_REGION], key)
    value = pd.to_numeric(raw[HOMICIDE_VALUE], errors="coerce")
    if value.isna().any():
        r = raw[value.isna()].iloc[0]
        raise SchemaError(f"{key}: column {HOMICIDE_VALUE!r}: value {r[HOMICIDE_VALUE]!r} for {r['Entity']}, "
                          f"{r['Year']} is not a number")
    region = raw[HOMICIDE_REGION]
    df = pd.DataFrame({
        "iso3": raw["Code"].map(_iso).astype(object), "country": raw["Entity"].astype(str).str.strip(),
        "year": raw["Year"].astype(int), "value": value.astype(float), "unit": "homicides per 100,000 people",
        "source": key, "owid_region": region.astype(object).where(region.notna(), None),
    })
    df["iso3"] = df["iso3"].where(df["iso3"].notna(), None)
    return validate(df, HOMICIDE_SCHEMA, key)


def homicide_rate() -> pd.DataFrame:
    """Intentional homicides per 100,000 people by country or UN region and year (UNODC via OWID)."""
    return parse_homicide(pd.read_csv(registry.fetch(HOMICIDE_KEY)))


def world_regions() -> pd.Series:
    """OWID's world region of every country of the homicide file (iso3 -> "North America", "South America",
    "Europe", ...). OWID's North America includes Central America and the Caribbean."""
    h = homicide_rate().dropna(subset=["iso3", "owid_region"])
    regions = h.groupby("iso3")["owid_region"].unique()
    two = regions[regions.map(len) > 1]
    if len(two):
        raise SchemaError(f"{HOMICIDE_KEY}: countries with more than one OWID region: {two.head(3).to_dict()}")
    return regions.map(lambda r: r[0]).rename("owid_region")


def security_registry_keys() -> list[str]:
    return [HOMICIDE_KEY]

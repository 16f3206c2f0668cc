"""OICA motor vehicle production by country: the ``oica`` R-package CSV and a one-year table (Wikipedia).

Units: vehicles produced (units). ``type`` is OICA's split: ``pv`` passenger cars, ``cv`` commercial
vehicles (in the United States most light trucks, SUVs and pick-ups are counted as ``cv``).

Quirks handled here (recorded in SOURCES.yml):

* The CSV was scraped from OICA's web pages and some values lost their thousands separators (every 2023
  value is a single to three-digit number; Canada's 2021 passenger cars are 288; Czech Republic 2021,
  Austria 2019, Germany 2017-2019 commercial vehicles ...). Such values are never patched: the declared
  plausibility checks in :data:`CHECKS` find them, and :func:`production` drops them with a message
  naming file, country, year and type (or refuses the whole table with ``strict=True``).
* Blank rows (no country) and missing values (``NA``) are dropped: missing is not zero.
* The one-year file is a Wikipedia table of OICA figures in which small producers are wrong (Iran and Turkey
  are swapped). :func:`production_2024` hands out only the United States, Mexico and Canada, for the year
  the file's title names (:func:`table_year`).
"""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..countries import to_iso3
from ..schemas import SchemaError, is_number, require_columns, tidy_schema, validate

KEY = "oica_production_by_country_type_2006_2023_jhelvy.csv"
KEY_2024 = "wikipedia_oica_motor_vehicle_production_2024_egil10.json"
UNIT = "vehicles"
TYPES = {"pv": "passenger cars", "cv": "commercial vehicles"}
RAW_COLUMNS = ["year", "country", "type", "n", "code_iso_alpha3"]

#: Declared plausibility checks (thresholds are part of the method, not data).
MAX_FALL = 0.80  # a year-on-year fall of more than 80% ...
REBOUND = 5.0  # ... that the next year does not confirm (next value missing or > 5x higher)
FLOOR_SHARE = 0.01  # a value below 1% of the same series' median (lost thousands separator)
FLOOR_MIN_MEDIAN = 10_000  # the floor check applies to series whose median is at least this
CORRUPT_YEAR_SHARE = 0.5  # a year in which more than half of the series fail is dropped whole

CHECKS = {
    "yoy_fall": f"fell by more than {MAX_FALL:.0%} from the previous year for the same country and type, "
                f"and the next year does not confirm the fall (missing, or more than {REBOUND:g} times higher)",
    "floor": f"below {FLOOR_SHARE:.0%} of the median of the same country and type over all years "
             f"(series with a median of at least {FLOOR_MIN_MEDIAN:,} vehicles)",
    "corrupt_year": f"more than {CORRUPT_YEAR_SHARE:.0%} of the country series fail a check in that year, "
                    "so the whole year is dropped",
}

SCHEMA = tidy_schema(
    {
        "country": pa.Column(str),
        "type": pa.Column(str, pa.Check.isin(list(TYPES))),
        "value": pa.Column(float, pa.Check.ge(0)),
    },
    name="oica_production",
)


class ImplausibleValueError(ValueError):
    """A source value fails a declared plausibility check."""


#: The CSV as published: a count of vehicles in ``n`` (never text such as "1,234") and a known ``type``.
RAW_SCHEMA = pa.DataFrameSchema({
    "n": pa.Column(checks=is_number("a number of vehicles"), nullable=True),
    "type": pa.Column(checks=pa.Check.isin(list(TYPES)), nullable=True),
}, name="oica_raw_csv")
#: One row per country, year and vehicle type.
UNIQUE_SCHEMA = pa.DataFrameSchema(unique=["country", "year", "type"], name="oica_one_row_per_series_year")


def read_raw(path=None) -> pd.DataFrame:
    """The CSV as published, columns checked (no cleaning); ``n`` as numbers."""
    path = path or registry.fetch(KEY)
    raw = pd.read_csv(path)
    require_columns(raw, RAW_COLUMNS, KEY)
    raw = validate(raw, RAW_SCHEMA, KEY)
    return raw.assign(n=pd.to_numeric(raw["n"]))


def _message(row) -> str:
    what = f"{row['country']} {int(row['year'])} {row['type']} ({TYPES[row['type']]}) = {row['value']:,.0f}"
    if row["check"] == "yoy_fall":
        nxt = "no next year" if pd.isna(row["next"]) else f"next year {row['next']:,.0f}"
        detail = f"fell {1 - row['value'] / row['prev']:.1%} from {row['prev']:,.0f} the year before ({nxt})"
    elif row["check"] == "floor":
        detail = f"is below {FLOOR_SHARE:.0%} of the series median {row['median']:,.0f}"
    else:
        detail = f"is in a year where {row['year_fail_share']:.0%} of the series fail the checks"
    return f"{KEY}: {what} {detail}: implausible (check {row['check']})"


def check_production(df: pd.DataFrame) -> pd.DataFrame:
    """Apply :data:`CHECKS` to a tidy production table (country, year, type, value).

    Returns one row per failing observation with columns country, year, type, value, check, message
    (empty when everything passes). Each observation is reported once, under the first check it fails
    (yoy_fall, then floor, then corrupt_year).
    """
    d = df.sort_values(["country", "type", "year"]).copy()
    g = d.groupby(["country", "type"], sort=False)["value"]
    # neighbours are the adjacent *years* (a missing year breaks the comparison)
    prev_year = d.groupby(["country", "type"], sort=False)["year"].shift(1)
    next_year = d.groupby(["country", "type"], sort=False)["year"].shift(-1)
    d["prev"] = g.shift(1).where(prev_year == d["year"] - 1)
    d["next"] = g.shift(-1).where(next_year == d["year"] + 1)
    d["median"] = g.transform("median")
    fall = (d["prev"] > 0) & (d["value"] < (1 - MAX_FALL) * d["prev"])
    unconfirmed = d["next"].isna() | (d["next"] > REBOUND * d["value"])
    d["yoy_fall"] = fall & unconfirmed
    d["floor"] = (d["median"] >= FLOOR_MIN_MEDIAN) & (d["value"] < FLOOR_SHARE * d["median"])
    failing = d["yoy_fall"] | d["floor"]
    # share of series failing in each year (among series reported that year)
    share = failing.groupby(d["year"]).mean()
    d["year_fail_share"] = d["year"].map(share)
    d["corrupt_year"] = d["year_fail_share"] > CORRUPT_YEAR_SHARE
    d["check"] = np.select([d["yoy_fall"], d["floor"], d["corrupt_year"]],
                           ["yoy_fall", "floor", "corrupt_year"], default="")
    bad = d[d["check"] != ""].copy()
    bad["message"] = [_message(r) for _, r in bad.iterrows()]
    cols = ["country", "year", "type", "value", "check", "message"]
    return bad[cols].sort_values(["year", "country", "type"], ignore_index=True)


def _tidy(raw: pd.DataFrame) -> pd.DataFrame:
    raw = raw.dropna(subset=["country", "year", "type"])  # blank rows at the end of the file
    raw = raw.dropna(subset=["n"])  # not reported: missing, not zero
    names = raw["country"].astype(str).str.strip()
    iso = {n: to_iso3(n) for n in names.unique()}
    out = pd.DataFrame(
        {
            "iso3": [iso[n] for n in names],
            "year": raw["year"].astype(int),
            "country": names,
            "type": raw["type"].astype(str),
            "value": raw["n"].astype(float),
            "unit": UNIT,
            "source": KEY,
        }
    )
    out["iso3"] = out["iso3"].astype(object).where(out["iso3"].notna(), None)
    return validate(out.reset_index(drop=True), UNIQUE_SCHEMA, KEY)


def production(*, strict: bool = False, path=None) -> pd.DataFrame:
    """Motor vehicle production by country, year (every year of the CSV) and type, tidy, plausible values only.

    Columns: iso3 (None for "Others"), year, country, type (pv/cv), value (vehicles), unit, source.
    Observations failing :data:`CHECKS` are dropped (see :func:`dropped`); with ``strict=True`` the
    loader refuses the table instead, raising :class:`ImplausibleValueError` listing every failure.
    """
    df = _tidy(read_raw(path))
    bad = check_production(df)
    if len(bad):
        if strict:
            lines = "\n  ".join(bad["message"])
            raise ImplausibleValueError(f"{len(bad)} implausible value(s) refused:\n  {lines}")
        drop = pd.MultiIndex.from_frame(bad[["country", "year", "type"]])
        keep = ~pd.MultiIndex.from_frame(df[["country", "year", "type"]]).isin(drop)
        df = df[keep].reset_index(drop=True)
    return validate(df, SCHEMA, KEY)


def dropped(path=None) -> pd.DataFrame:
    """The observations :func:`production` drops, with the check and a message for each."""
    return check_production(_tidy(read_raw(path)))


# --------------------------------------------------------------------------------------------------
# One year (Wikipedia table of OICA figures; 2024 in the mirror's file)

#: The only countries taken from the one-year Wikipedia table (small producers there are wrong: Iran/Turkey swapped).
USED_2024 = ("USA", "MEX", "CAN")

SCHEMA_2024 = tidy_schema({"country": pa.Column(str), "value": pa.Column(float, pa.Check.gt(0)),
                           "unit": pa.Column(str, pa.Check.isin([UNIT]))}, name="oica_production_2024")


def table_year(doc: dict) -> int:
    """The year of the Wikipedia table: the one year its ``title`` and ``description`` name ("Motor Vehicle
    Production by Country in 2024"). A file naming no year, or more than one, is refused."""
    text = " ".join(str(doc.get(k, "")) for k in ("title", "description"))
    years = {int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", text)}
    if len(years) != 1:
        raise SchemaError(f"{KEY_2024}: expected one year in the title and description, found "
                          f"{sorted(years) or 'none'} in {text!r}")
    return years.pop()


def production_2024(iso3s=USED_2024, *, path=None) -> pd.DataFrame:
    """Total motor vehicle production (cars + commercial vehicles) of the US, Mexico and Canada in the year of
    the Wikipedia table (:func:`table_year`; 2024 in the mirror's file).

    Columns: iso3, year, country, value (vehicles), unit, source. Asking for any other country is refused:
    the table is used only for the three (its small-producer rows have known errors).
    """
    other = sorted(set(iso3s) - set(USED_2024))
    if other:
        raise ValueError(f"{KEY_2024}: only {list(USED_2024)} are taken from this table (its rows for "
                         f"smaller producers have known errors, e.g. Iran and Turkey swapped); asked for {other}")
    path = path or registry.fetch(KEY_2024)
    doc = json.loads(path.read_text(encoding="utf-8"))
    if "data" not in doc or not isinstance(doc["data"], dict):
        raise SchemaError(f"{KEY_2024}: expected a 'data' object of country -> value; keys {list(doc)}")
    year = table_year(doc)
    rows = [{"iso3": to_iso3(country), "year": year, "country": country,
             "value": pd.to_numeric((item if isinstance(item, dict) else {}).get("value"), errors="coerce"),
             "unit": (item if isinstance(item, dict) else {}).get("unit", UNIT), "source": KEY_2024}
            for country, item in doc["data"].items() if to_iso3(country) in iso3s]
    out = pd.DataFrame(rows, columns=["iso3", "year", "country", "value", "unit", "source"])
    missing = sorted(set(iso3s) - set(out["iso3"]))
    if missing:
        raise SchemaError(f"{KEY_2024}: no entry for {missing}")
    out = out.astype({"year": int, "value": float}).set_index("country", drop=False).rename_axis(None)
    return validate(out, SCHEMA_2024, KEY_2024).reset_index(drop=True)


def registry_keys() -> list[str]:
    return [KEY, KEY_2024]

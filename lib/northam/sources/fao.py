"""FAOSTAT crops and livestock products (QCL): crop-group aggregates, 1961-2024.

File ``agdata_fao_qcl_crop_group_aggregates_1961-2024.csv.gz`` (the agData R package's
``agData_FAO_Crops2``): production (t), area harvested (ha) and yield (kg/ha) of FAO crop groups
("Cereals, primary", "Vegetables Primary", "Fruit Primary", ...) by country and FAO region.

Quirk handled here: the CSV is not quoted, and some item names contain a comma ("Cereals, primary",
"Roots and Tubers, Total"), so a plain CSV reader splits them. Each line is parsed as: first field
Area, second Year, last three Measurement, Unit and Value; whatever lies between is the Item (commas
kept). A line with fewer than six fields, a year that is not four digits, an unknown
measurement/unit pair is refused with :class:`~northam.schemas.SchemaError` naming the file, the line
number and the field; a non-numeric value is refused by a pandera check (:data:`RAW_SCHEMA`) naming the line.

Areas that are not countries (``World``, ``Northern America``, FAO groupings, former states such as
``USSR``) get ``iso3 = None``.
"""

from __future__ import annotations

import gzip
import io
import re

import pandas as pd
import pandera.pandas as pa

from ..cache import cached
from ..countries import to_iso3
from ..schemas import SchemaError, is_number, tidy_schema, validate

KEY = "agdata_fao_qcl_crop_group_aggregates_1961-2024.csv.gz"
HEADER = ["Area", "Year", "Item", "Measurement", "Unit", "Value"]
MEASURES = {("Production", "t"), ("Area Harvested", "ha"), ("Yield", "kg/ha")}
#: FAO regions and groupings (not countries). Names not listed and not found by pycountry are also None.
REGIONS = {"World", "Northern America", "Americas", "Central America", "South America", "Micronesia"}
_YEAR = re.compile(r"^\d{4}$")

#: The parsed lines (rows labelled "line <n> (<area>, <year>, <item>, <measurement>)"): the value must be a number.
RAW_SCHEMA = pa.DataFrameSchema({"Value": pa.Column(checks=[is_number("a number")])}, name="fao_crop_groups_lines")

SCHEMA = tidy_schema(
    {"area": pa.Column(str), "item": pa.Column(str), "measurement": pa.Column(str)},
    name="fao_crop_groups",
)


def parse_lines(lines, key: str = KEY) -> pd.DataFrame:
    """Parse the file's text lines (header first) into a raw table, keeping commas inside items."""
    it = iter(lines)
    header = next(it, "").rstrip("\r\n").split(",")
    if header != HEADER:
        raise SchemaError(f"{key}: header should be {HEADER}, found {header}. The layout changed: update the loader.")
    rows = []
    for n, line in enumerate(it, start=2):
        parts = line.rstrip("\r\n").split(",")
        if len(parts) == 1 and not parts[0]:
            continue
        if len(parts) < 6:
            raise SchemaError(f"{key}: line {n} has {len(parts)} fields, expected at least 6: {line.strip()!r}")
        area, year, *item, measure, unit, value = parts
        if not _YEAR.match(year):
            raise SchemaError(f"{key}: line {n}, column 'Year': {year!r} is not a year (area {area!r})")
        if (measure, unit) not in MEASURES:
            raise SchemaError(f"{key}: line {n}, columns 'Measurement'/'Unit': unknown pair {(measure, unit)}")
        rows.append((f"line {n} ({area}, {year}, {','.join(item)}, {measure})", area, int(year), ",".join(item),
                     measure, unit, value))
    raw = pd.DataFrame(rows, columns=["line", *HEADER]).set_index("line")
    raw = validate(raw, RAW_SCHEMA, key)
    return raw.assign(Value=pd.to_numeric(raw["Value"]).astype(float)).reset_index(drop=True)


def tidy(raw: pd.DataFrame, key: str = KEY) -> pd.DataFrame:
    areas = raw["Area"].astype(str)
    iso = {a: (None if a in REGIONS else to_iso3(a)) for a in areas.unique()}
    out = pd.DataFrame(
        {
            "iso3": areas.map(iso).astype(object),
            "year": raw["Year"].astype(int),
            "value": raw["Value"].astype(float),
            "unit": raw["Unit"].astype(str),
            "source": key,
            "area": areas,
            "item": raw["Item"].astype(str),
            "measurement": raw["Measurement"].astype(str),
        }
    )
    out["iso3"] = out["iso3"].where(out["iso3"].notna(), None)
    return validate(out, SCHEMA, key)


_MEMO: dict = {}


@cached(KEY)
def _load(path) -> pd.DataFrame:
    with gzip.open(path, "rb") as f:
        text = io.TextIOWrapper(f, encoding="utf-8")
        return tidy(parse_lines(text, KEY), KEY)


def crop_groups() -> pd.DataFrame:
    """FAO crop-group production, area and yield by area and year, 1961-2024 (tidy).

    Columns: iso3 (None for regions), year, value, unit ("t", "ha", "kg/ha"), source, area (FAO
    name, e.g. "USA", "Northern America"), item (e.g. "Cereals, primary"), measurement
    ("Production", "Area Harvested", "Yield"). Source: FAOSTAT QCL via the agData package. Parsed once
    per process.
    """
    from .. import registry

    token = registry.source(KEY).sha256
    if token not in _MEMO:
        _MEMO.clear()
        _MEMO[token] = _load()
    return _MEMO[token].copy(deep=False)  # callers may add columns without touching the memo


def registry_keys() -> list[str]:
    return [KEY]


__all__ = ["crop_groups", "parse_lines", "tidy", "KEY"]

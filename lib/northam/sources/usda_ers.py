"""USDA Economic Research Service, "U.S. Food Imports" data product (long CSV, 1999-2023).

One file, ``ers_us_food_imports_by_country_1999-2023.csv``: import value and volume by food group,
commodity line and leading source country, plus world import unit values and growth rates.
Units (column ``Unit of Measure``): ``Million $`` (customs import value, nominal; mapped here to
``"million USD"``), ``1,000 mt``, ``1,000 litpf`` (thousand litres, ERS's label), ``Dollars per mt``,
``Dollars per KL``, ``Dollars``, ``1,000`` (head of live animals) and ``percent`` (annual growth rates).

Quirks handled here (recorded in the data mirror's SOURCES.yml):

- **Encoding.** The file is Windows-1252 (e.g. ``COTE D’IVOIRE COAST`` with a curly apostrophe), so
  it is read with ``encoding="cp1252"``.
- **Pseudo-years.** Besides 1999-2023, the ``Year Number`` column holds ``"means10years"`` and
  ``"means"`` (ten-year and full-period mean growth rates). They are not years and are dropped
  (:data:`PSEUDO_YEARS`). Any *other* non-numeric year, a value that is not a number and a repeated
  observation are refused (pandera, :data:`RAW_SCHEMA`) with :class:`~northam.schemas.SchemaError` naming
  the file, the column, the value, the commodity, the country and the year.
- **Aggregates.** ``WORLD``, ``REST OF WORLD`` and ``WORLD (Quantity)`` are not countries: their
  ``iso3`` is None. ``WORLD (Quantity)`` carries the volume (1,000 mt or 1,000 litres), not dollars.
- **Leading countries vary by commodity.** Canada and Mexico are always listed; the other named
  countries are the commodity's leading suppliers, the remainder is in ``REST OF WORLD``.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from ..countries import to_iso3
from ..schemas import is_number, require_columns, tidy_schema, validate

KEY = "ers_us_food_imports_by_country_1999-2023.csv"
ENCODING = "cp1252"
RAW_COLUMNS = ["Commodity", "Country", "Unit of Measure", "Category", "Subcategory", "Row Number",
               "Year Number", "Value"]
#: Values of ``Year Number`` that are summary statistics, not years: dropped by the loader.
PSEUDO_YEARS = ("means10years", "means")
#: Partner rows that are aggregates, not countries.
AGGREGATES = ("WORLD", "REST OF WORLD", "WORLD (Quantity)")
UNITS = {"Million $": "million USD"}
#: ERS spellings that the shared country table does not know.

SCHEMA = tidy_schema(
    {
        "commodity": pa.Column(str),
        "partner": pa.Column(str),
        "category": pa.Column(str),
        "subcategory": pa.Column(str),
        "row": pa.Column(int),
    },
    name="ers_food_imports",
)


def _iso3(name: str) -> str | None:
    if name in AGGREGATES:
        return None
    return to_iso3(name.title()) or to_iso3(name)


_MEMO: dict = {}


#: The raw rows once the pseudo-years are dropped; rows are labelled "<commodity>, <country>, <year>, <unit>"
#: so that an error names the observation.
RAW_SCHEMA = pa.DataFrameSchema(
    {
        "Year Number": pa.Column(str, pa.Check.str_matches(
            r"^\s*\d{4}\s*$", error=f"should be a 4-digit year (the pseudo-years {PSEUDO_YEARS} are dropped)")),
        "Value": pa.Column(checks=[is_number("a number")], nullable=False),
    },
    unique=["Commodity", "Country", "Unit of Measure", "Category", "Subcategory", "Year Number"],
    report_duplicates="exclude_first", name="ers_food_imports_raw",
)


def tidy_food_imports(raw: pd.DataFrame, key: str = KEY) -> pd.DataFrame:
    """Tidy the raw ERS table (as read from the CSV): drop pseudo-years, refuse anything else odd
    (:data:`RAW_SCHEMA`)."""
    require_columns(raw, RAW_COLUMNS, key)
    raw = raw[~raw["Year Number"].astype(str).str.strip().isin(PSEUDO_YEARS)].copy()
    raw["Year Number"] = raw["Year Number"].astype(str)
    text = {c: raw[c].astype(str).str.strip() for c in ("Commodity", "Country", "Unit of Measure", "Category",
                                                         "Subcategory")}
    raw = raw.assign(**text)
    raw.index = raw["Commodity"] + ", " + raw["Country"] + ", " + raw["Year Number"] + ", " + raw["Unit of Measure"]
    raw = validate(raw, RAW_SCHEMA, key)
    text = {c: raw[c] for c in text}
    partners = text["Country"]
    iso = {p: _iso3(p) for p in partners.unique()}
    out = pd.DataFrame(
        {
            "iso3": partners.map(iso).astype(object),
            "year": raw["Year Number"].str.strip().astype(int),
            "value": pd.to_numeric(raw["Value"]).astype(float),
            "unit": text["Unit of Measure"].replace(UNITS),
            "source": key,
            "commodity": text["Commodity"],
            "partner": partners,
            "category": text["Category"],
            "subcategory": text["Subcategory"],
            "row": raw["Row Number"].astype(int),
        }
    )
    out["iso3"] = out["iso3"].where(out["iso3"].notna(), None)
    return validate(out.reset_index(drop=True), SCHEMA, key)


def food_imports() -> pd.DataFrame:
    """US food imports by commodity line and source, 1999-2023 (tidy; pseudo-years dropped).

    Columns: iso3 (None for WORLD / REST OF WORLD / WORLD (Quantity)), year, value, unit
    ("million USD" for import values; volumes, unit values and percent growth rates keep the file's
    unit), source, commodity, partner (ERS spelling), category, subcategory, row.
    Source: USDA ERS, U.S. Food Imports. Parsed once per process (and file version).
    """
    from .. import registry

    path = registry.fetch(KEY)
    token = (str(path), path.stat().st_mtime_ns)
    if token not in _MEMO:
        raw = pd.read_csv(path, encoding=ENCODING, dtype={"Year Number": str})
        _MEMO.clear()
        _MEMO[token] = tidy_food_imports(raw, KEY)
    return _MEMO[token].copy(deep=False)  # callers may add columns without touching the memo


def commodity_values(commodity: str, *, category: str | None = None) -> pd.DataFrame:
    """Year x partner table of one commodity line's import value (million USD, nominal)."""
    df = food_imports()
    sel = (df["commodity"] == commodity) & (df["unit"] == "million USD")
    if category is not None:
        sel &= df["category"] == category
    if not sel.any():
        raise KeyError(f"{KEY}: no 'Million $' rows for commodity {commodity!r}")
    return df[sel].pivot(index="year", columns="partner", values="value").rename_axis(None, axis=1)


def registry_keys() -> list[str]:
    return [KEY]


__all__ = ["food_imports", "tidy_food_imports", "commodity_values", "KEY", "PSEUDO_YEARS", "AGGREGATES"]

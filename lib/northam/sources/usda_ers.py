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
  (:data:`PSEUDO_YEARS`). Any *other* non-numeric year is refused with
  :class:`~northam.schemas.SchemaError` naming the file, the column, the commodity and the country.
- **Aggregates.** ``WORLD``, ``REST OF WORLD`` and ``WORLD (Quantity)`` are not countries: their
  ``iso3`` is None. ``WORLD (Quantity)`` carries the volume (1,000 mt or 1,000 litres), not dollars.
- **Leading countries vary by commodity.** Canada and Mexico are always listed; the other named
  countries are the commodity's leading suppliers, the remainder is in ``REST OF WORLD``.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from ..countries import to_iso3
from ..schemas import SchemaError, require_columns, tidy_schema, validate

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


def tidy_food_imports(raw: pd.DataFrame, key: str = KEY) -> pd.DataFrame:
    """Tidy the raw ERS table (as read from the CSV): drop pseudo-years, refuse anything else odd."""
    require_columns(raw, RAW_COLUMNS, key)
    year_text = raw["Year Number"].astype(str).str.strip()
    pseudo = year_text.isin(PSEUDO_YEARS)
    raw = raw[~pseudo]
    year_text = year_text[~pseudo]
    not_year = ~year_text.str.fullmatch(r"\d{4}")
    if not_year.any():
        row = raw[not_year].iloc[0]
        raise SchemaError(
            f"{key}: column 'Year Number' holds {year_text[not_year].iloc[0]!r}, which is not a year "
            f"(commodity {row['Commodity']!r}, country {row['Country']!r}); only 4-digit years and the "
            f"pseudo-years {PSEUDO_YEARS} (dropped) are expected"
        )
    values = pd.to_numeric(raw["Value"], errors="coerce")
    if values.isna().any():
        row = raw[values.isna()].iloc[0]
        raise SchemaError(
            f"{key}: column 'Value' is empty or not numeric for commodity {row['Commodity']!r}, "
            f"country {row['Country']!r}, year {row['Year Number']}"
        )
    partners = raw["Country"].astype(str).str.strip()
    iso = {p: _iso3(p) for p in partners.unique()}
    out = pd.DataFrame(
        {
            "iso3": partners.map(iso).astype(object),
            "year": year_text.astype(int),
            "value": values.astype(float),
            "unit": raw["Unit of Measure"].astype(str).str.strip().replace(UNITS),
            "source": key,
            "commodity": raw["Commodity"].astype(str).str.strip(),
            "partner": partners,
            "category": raw["Category"].astype(str).str.strip(),
            "subcategory": raw["Subcategory"].astype(str).str.strip(),
            "row": raw["Row Number"].astype(int),
        }
    )
    out["iso3"] = out["iso3"].where(out["iso3"].notna(), None)
    dup = out.duplicated(["commodity", "partner", "unit", "category", "subcategory", "year"], keep=False)
    if dup.any():
        r = out[dup].iloc[0]
        raise SchemaError(f"{key}: duplicated observation for {r['commodity']!r}, {r['partner']!r}, {r['year']}")
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

"""US general imports by HS 2-digit chapter and partner, monthly 2023-2024 (Census trade API, R file).

File ``census_api_us_imports_by_hs2_by_country_monthly_2023-2024.RData``: an R ``save()`` archive
(despite the ``.rds`` name upstream) holding one data.frame, ``full_imports``, pulled from the Census
international trade API (``timeseries/intltrade/imports/hs``, ``COMM_LVL=HS2``, variable
``GEN_VAL_MO``). Read with :mod:`pyreadr`. Units: current US dollars, general imports at customs
value; converted here to **million USD**.

Quirks handled here:

- Every column, including the value, is stored as text. The raw table is checked with pandera
  (:data:`RAW_SCHEMA`) before conversion: a non-numeric value, a malformed year, month or chapter, a level
  other than HS2 or a repeated (chapter, partner, month) is refused with :class:`~northam.schemas.SchemaError`
  naming the file, the column, the value, the chapter, the partner and the month.
- Partners include Census aggregates (``TOTAL FOR ALL COUNTRIES`` with code ``-``, groupings such as
  ``USMCA (NAFTA)`` with codes below 1000, and regions such as ``NORTH AMERICA`` with codes like
  ``1XXX``). They get ``iso3 = None`` and ``is_country = False`` and must not be ranked as countries.
- The API returns a partner-chapter row for a month only once the partner has imports in that
  chapter in the year to date, so an absent row means zero imports (later months have more rows).
  :func:`chapter_matrix` fills these gaps with zero.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from ..cache import cached
from ..countries import to_iso3
from ..schemas import SchemaError, is_number, require_columns, tidy_schema, validate

KEY = "census_api_us_imports_by_hs2_by_country_monthly_2023-2024.RData"
OBJECT = "full_imports"
RAW_COLUMNS = ["I_COMMODITY", "I_COMMODITY_SDESC", "CTY_CODE", "CTY_NAME", "GEN_VAL_MO", "YEAR", "MONTH",
               "COMM_LVL"]
UNIT = "million USD"
#: Census partner codes of the book's partners in this file (text codes).
CODE = {"MEX": "2010", "CAN": "1220", "WORLD": "-", "USMCA": "0020"}
#: HS chapters of food and agricultural products.
AG_CHAPTERS = [f"{i:02d}" for i in range(1, 25)]

SCHEMA = tidy_schema(
    {
        "month": pa.Column(int, pa.Check.in_range(1, 12)),
        "hs2": pa.Column(str, pa.Check.str_matches(r"^\d{2}$")),
        "description": pa.Column(str),
        "cty_code": pa.Column(str),
        "partner": pa.Column(str),
        "is_country": pa.Column(bool),
    },
    name="census_hs2_imports",
)


def _is_country(code: str) -> bool:
    return code.isdigit() and int(code) >= 1000


#: The raw ``full_imports`` data.frame (all text); rows are labelled "HS <chapter>, <partner>, <year>-<month>"
#: so that an error names the cell.
RAW_SCHEMA = pa.DataFrameSchema(
    {
        "COMM_LVL": pa.Column(str, pa.Check.isin(["HS2"], error="should only hold 'HS2'")),
        "GEN_VAL_MO": pa.Column(checks=[is_number("a dollar amount")], nullable=False),
        "YEAR": pa.Column(str, pa.Check.str_matches(r"^\s*\d{4}\s*$", error="should be a 4-digit year")),
        "MONTH": pa.Column(str, pa.Check.str_matches(r"^\s*\d{1,2}\s*$", error="should be a month number")),
        "I_COMMODITY": pa.Column(str, pa.Check.str_matches(r"^\s*\d{2}\s*$", error="should be a 2-digit HS chapter")),
    },
    unique=["I_COMMODITY", "CTY_CODE", "YEAR", "MONTH"], report_duplicates="exclude_first", name="census_hs2_raw",
)


def tidy_hs2(raw: pd.DataFrame, key: str = KEY) -> pd.DataFrame:
    """Tidy the raw ``full_imports`` data.frame; refuse malformed rows (:data:`RAW_SCHEMA`)."""
    require_columns(raw, RAW_COLUMNS, key)
    raw = raw[RAW_COLUMNS].astype(str)
    raw.index = ("HS " + raw["I_COMMODITY"] + ", " + raw["CTY_NAME"] + ", " + raw["YEAR"] + "-" + raw["MONTH"])
    raw = validate(raw, RAW_SCHEMA, key)
    codes = raw["CTY_CODE"].str.strip()
    names = raw["CTY_NAME"].str.strip()
    country = codes.map(_is_country).astype(bool)
    lookup = {n: to_iso3(n.title()) or to_iso3(n) for n in names[country].unique()}
    out = pd.DataFrame(
        {
            "iso3": [lookup.get(n) if c else None for n, c in zip(names, country, strict=True)],
            "year": raw["YEAR"].astype(int).to_numpy(),
            "month": raw["MONTH"].astype(int).to_numpy(),
            "hs2": raw["I_COMMODITY"].str.strip().to_numpy(),
            "description": raw["I_COMMODITY_SDESC"].str.strip().to_numpy(),
            "cty_code": codes.to_numpy(),
            "partner": names.to_numpy(),
            "is_country": country.to_numpy(),
            "value": (pd.to_numeric(raw["GEN_VAL_MO"].str.strip()) / 1e6).astype(float).to_numpy(),
            "unit": UNIT,
            "source": key,
        }
    )
    out["iso3"] = out["iso3"].astype(object).where(out["iso3"].notna(), None)
    return validate(out, SCHEMA, key)


_MEMO: dict = {}


@cached(KEY)
def _load(path) -> pd.DataFrame:
    import pyreadr

    objects = pyreadr.read_r(str(path))
    if OBJECT not in objects:
        raise SchemaError(f"{KEY}: expected an R object {OBJECT!r}, found {list(objects)}")
    return tidy_hs2(objects[OBJECT].reset_index(drop=True), KEY)


def hs2_imports() -> pd.DataFrame:
    """US general imports by HS chapter, partner and month, 2023-2024 (million current USD).

    Columns: iso3 (None for aggregates), year, month, hs2 ("01".."99"), description, cty_code (Census
    code as text; "-" = all countries), partner, is_country, value, unit, source.
    Absent partner-chapter-months are zero imports (see module docstring). Parsed once per process.
    """
    from .. import registry

    token = registry.source(KEY).sha256
    if token not in _MEMO:
        _MEMO.clear()
        _MEMO[token] = _load()
    return _MEMO[token].copy(deep=False)  # callers may add columns without touching the memo


def chapter_matrix(cty_code: str, chapters=AG_CHAPTERS) -> pd.DataFrame:
    """Monthly imports from one partner: rows = month start (datetime), columns = HS chapters.

    Million USD; absent rows (no imports that month) are filled with 0.
    """
    df = hs2_imports()
    df = df[(df["cty_code"] == cty_code) & df["hs2"].isin(list(chapters))]
    if df.empty:
        raise KeyError(f"{KEY}: no rows for partner code {cty_code!r}")
    df = df.assign(date=pd.to_datetime(dict(year=df["year"], month=df["month"], day=1)))
    wide = df.pivot_table(index="date", columns="hs2", values="value", aggfunc="sum", fill_value=0.0)
    months = pd.date_range(f"{df['year'].min()}-01-01", f"{df['year'].max()}-12-01", freq="MS")
    return wide.reindex(index=months, columns=list(chapters), fill_value=0.0).rename_axis(index="date",
                                                                                           columns=None)


def registry_keys() -> list[str]:
    return [KEY]


__all__ = ["hs2_imports", "tidy_hs2", "chapter_matrix", "KEY", "CODE", "AG_CHAPTERS"]

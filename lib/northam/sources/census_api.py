"""US goods trade by partner, annual 2013-2024, compiled from the Census international trade API.

File: ``census_api_us_goods_trade_by_country_2013-2024.xlsx`` (sheet ``full data``), made by L. Roeller
for the UN DESA Monthly Briefing No. 188 from the Census API (imports: general imports ``GEN_VAL_MO``;
exports: total exports ``ALL_VAL_MO``; months summed to years). Revised 2024 data (script dated
October 2025): this is the basis of the report's 2024 trade-deficit ratios.

Units: the file holds whole US dollars; the loader converts to **million USD** (like
:mod:`northam.sources.census`). ``deficit`` in the file is exports minus imports (negative = US deficit).

Quirks handled here:

- The compiler's ``ISO Code`` column (ISO2) is empty for Namibia (its code "NA" was lost as a missing
  value upstream) and Western Sahara: ``iso3`` is therefore derived from the country *name*, never from
  that column. The file is read with ``keep_default_na=False`` so that no other "NA" string is lost.
- The world row has ``CTY_CODE`` ``"-"`` ("TOTAL FOR ALL COUNTRIES"): it is kept with ``iso3`` None and
  ``cty_code`` 0.
- Three rows (code 8220, 2013-2016) have no country name: they are dropped (a warning-free, documented
  drop; they are tiny export-only rows), and any *other* row without a name is refused.
- A row whose ``deficit`` is not ``exports - imports`` is refused, as are text or negative flows, an
  unknown code and duplicated (country, year) rows: pandera checks (:data:`RAW_SCHEMA`) whose error names
  the file, the partner, its code, the year and the offending value.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..cache import cached
from ..countries import to_iso3
from ..schemas import in_range_if_number, is_number, require_columns, tidy_schema, validate
from . import read_workbook

KEY = "census_api_us_goods_trade_by_country_2013-2024.xlsx"
SHEET = "full data"
COLUMNS = ["CTY_CODE", "CTY_NAME", "YEAR", "imports", "exports", "deficit", "ISO Code", "Region"]
UNIT = "million USD"
#: Census codes of rows known to come without a name (dropped, see module docstring).
NAMELESS_OK = {8220}

SCHEMA = tidy_schema(
    {
        "cty_code": pa.Column(int, pa.Check.ge(0)),
        "partner": pa.Column(str),
        "iso2": pa.Column(str, nullable=True),
        "region": pa.Column(str),
        "flow": pa.Column(str, pa.Check.isin(["imports", "exports", "balance"])),
    },
    name="census_api_goods_trade_by_country",
)


def _deficit_is_exports_minus_imports(df: pd.DataFrame) -> pd.Series:
    """Row check: ``deficit`` = ``exports`` - ``imports`` within one dollar (rows with text pass: the
    column checks report them)."""
    num = {c: pd.to_numeric(df[c], errors="coerce") for c in ("imports", "exports", "deficit")}
    gap = (num["exports"] - num["imports"] - num["deficit"]).abs()
    return gap.isna() | (gap <= 1)


def _dollars(what: str) -> list[pa.Check]:
    return [is_number(f"{what} in US dollars"), in_range_if_number(0, float("inf"), f"{what}, not negative")]


#: The raw sheet, one row per partner and year; rows are labelled "<CTY_NAME> (CTY_CODE <code>), <YEAR>"
#: so that an error names the partner and the year.
RAW_SCHEMA = pa.DataFrameSchema(
    {
        "CTY_CODE": pa.Column(str, pa.Check.str_matches(r"^(\d+|-)$", error="should be a Census code or '-'"),
                              coerce=True),
        "CTY_NAME": pa.Column(str, pa.Check.str_length(min_value=1), nullable=False),
        "YEAR": pa.Column(checks=[is_number("a year"), in_range_if_number(1900, 2100, "a year")]),
        "imports": pa.Column(checks=_dollars("imports")),
        "exports": pa.Column(checks=_dollars("exports")),
        "deficit": pa.Column(checks=[is_number("a dollar amount")]),
    },
    checks=[pa.Check(_deficit_is_exports_minus_imports, error="deficit should be exports - imports")],
    unique=["CTY_CODE", "YEAR"], report_duplicates="exclude_first", name="census_api_full_data_sheet",
)


def parse(raw: pd.DataFrame, key: str = KEY) -> pd.DataFrame:
    """Raw ``full data`` sheet -> tidy table (million USD). Refuses the bad inputs listed above
    (:data:`RAW_SCHEMA`); the known nameless rows (:data:`NAMELESS_OK`) are dropped first."""
    require_columns(raw, COLUMNS, key, where=f"sheet {SHEET!r}")
    df = raw[COLUMNS].copy()
    df["CTY_CODE"] = df["CTY_CODE"].astype(str).str.strip()
    name = df["CTY_NAME"].astype("string").str.strip()
    known = (name.isna() | (name == "")) & df["CTY_CODE"].isin([str(c) for c in NAMELESS_OK])
    df = df[~known].assign(CTY_NAME=name[~known].replace("", pd.NA))
    df.index = [f"{n} (CTY_CODE {c}), {y}" for n, c, y in zip(df["CTY_NAME"], df["CTY_CODE"], df["YEAR"], strict=True)]
    df = validate(df, RAW_SCHEMA, key)
    cty_code = pd.to_numeric(df["CTY_CODE"].replace("-", "0")).astype(int)
    iso = {n: to_iso3(n.title()) for n in df["CTY_NAME"].unique()}
    base = pd.DataFrame({
        "iso3": [None if c == 0 else iso[n] for n, c in zip(df["CTY_NAME"], cty_code, strict=True)],
        "year": pd.to_numeric(df["YEAR"]).astype(int).to_numpy(),
        "cty_code": cty_code.to_numpy(),
        "partner": df["CTY_NAME"].astype(str).to_numpy(),
        "iso2": df["ISO Code"].astype(object).where(df["ISO Code"].notna() & (df["ISO Code"] != ""), None).to_numpy(),
        "region": df["Region"].astype(str).to_numpy(),
    })
    frames = [base.assign(flow=flow, value=pd.to_numeric(df[col]).astype(float).to_numpy() / 1e6)
              for flow, col in [("imports", "imports"), ("exports", "exports"), ("balance", "deficit")]]
    out = pd.concat(frames, ignore_index=True).assign(unit=UNIT, source=key)
    out["iso3"] = out["iso3"].astype(object).where(out["iso3"].notna(), None)
    out["iso2"] = out["iso2"].astype(object).where(out["iso2"].notna(), None)
    return validate(out.sort_values(["cty_code", "flow", "year"], ignore_index=True), SCHEMA, key)


@cached(KEY)
def _load(path) -> pd.DataFrame:
    # keep_default_na=False: only empty cells are missing (a string "NA" would stay a string).
    raw = read_workbook(path, sheet_name=SHEET, keep_default_na=False, na_values=[""])
    return parse(raw, KEY)


def goods_trade_by_country() -> pd.DataFrame:
    """US goods imports, exports and balance by partner, annual 2013-2024 (million USD), tidy.

    Columns: iso3 (None for the world total, ``cty_code`` 0), year, cty_code (Census code), partner
    (Census spelling, upper case), iso2, region (the compiler's grouping), flow (imports | exports |
    balance, balance = exports - imports), value, unit, source.
    """
    return _load()


def registry_keys() -> list[str]:
    return [KEY]


__all__ = ["goods_trade_by_country", "parse", "KEY", "registry"]

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
- A row whose ``deficit`` is not ``exports - imports`` is refused (naming the country and year), as are
  negative flows and duplicated (country, year) rows.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..cache import cached
from ..countries import to_iso3
from ..schemas import SchemaError, require_columns, tidy_schema, validate

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


def parse(raw: pd.DataFrame, key: str = KEY) -> pd.DataFrame:
    """Raw ``full data`` sheet -> tidy table (million USD). Refuses the bad inputs listed above."""
    require_columns(raw, COLUMNS, key, where=f"sheet {SHEET!r}")
    df = raw[COLUMNS].copy()
    for col in ["YEAR", "imports", "exports", "deficit"]:
        num = pd.to_numeric(df[col], errors="coerce")
        bad = df[num.isna()]
        if len(bad):
            r = bad.iloc[0]
            raise SchemaError(f"{key}: column {col!r} is not numeric for {r['CTY_NAME']!r} "
                              f"(CTY_CODE {r['CTY_CODE']}, YEAR {r['YEAR']}): {r[col]!r}")
        df[col] = num
    code = df["CTY_CODE"].astype(str).str.strip()
    df["cty_code"] = pd.to_numeric(code.replace("-", "0"), errors="coerce")
    if df["cty_code"].isna().any():
        r = df[df["cty_code"].isna()].iloc[0]
        raise SchemaError(f"{key}: column 'CTY_CODE' has an unknown code {r['CTY_CODE']!r} "
                          f"({r['CTY_NAME']!r}, {int(r['YEAR'])})")
    name = df["CTY_NAME"].astype("string").str.strip()
    nameless = name.isna() | (name == "")
    unexpected = df[nameless & ~df["cty_code"].isin(NAMELESS_OK)]
    if len(unexpected):
        r = unexpected.iloc[0]
        raise SchemaError(f"{key}: column 'CTY_NAME' is empty for CTY_CODE {r['CTY_CODE']} in {int(r['YEAR'])}")
    df, name = df[~nameless], name[~nameless]
    if ((df["imports"] < 0) | (df["exports"] < 0)).any():
        r = df[(df["imports"] < 0) | (df["exports"] < 0)].iloc[0]
        raise SchemaError(f"{key}: negative imports/exports for {r['CTY_NAME']!r} in {int(r['YEAR'])}")
    gap = (df["exports"] - df["imports"] - df["deficit"]).abs()
    if (gap > 1).any():
        r = df[gap > 1].iloc[0]
        raise SchemaError(f"{key}: column 'deficit' is not exports - imports for {r['CTY_NAME']!r} in "
                          f"{int(r['YEAR'])} ({r['deficit']} vs {r['exports'] - r['imports']})")
    dup = df.duplicated(["cty_code", "YEAR"])
    if dup.any():
        r = df[dup].iloc[0]
        raise SchemaError(f"{key}: duplicated row for {r['CTY_NAME']!r} (CTY_CODE {r['CTY_CODE']}) in {int(r['YEAR'])}")
    iso = {n: to_iso3(n.title()) for n in name.unique()}
    base = pd.DataFrame({
        "iso3": [None if c == 0 else iso[n] for n, c in zip(name, df["cty_code"], strict=True)],
        "year": df["YEAR"].astype(int),
        "cty_code": df["cty_code"].astype(int),
        "partner": name.astype(str),
        "iso2": df["ISO Code"].astype(object).where(df["ISO Code"].notna() & (df["ISO Code"] != ""), None),
        "region": df["Region"].astype(str),
    })
    frames = []
    for flow, col in [("imports", "imports"), ("exports", "exports"), ("balance", "deficit")]:
        frames.append(base.assign(flow=flow, value=df[col].astype(float).to_numpy() / 1e6))
    out = pd.concat(frames, ignore_index=True).assign(unit=UNIT, source=key)
    out["iso3"] = out["iso3"].astype(object).where(out["iso3"].notna(), None)
    out["iso2"] = out["iso2"].astype(object)
    return validate(out.sort_values(["cty_code", "flow", "year"], ignore_index=True), SCHEMA, key)


@cached(KEY)
def _load(path) -> pd.DataFrame:
    # keep_default_na=False: only empty cells are missing (a string "NA" would stay a string).
    raw = pd.read_excel(path, sheet_name=SHEET, keep_default_na=False, na_values=[""])
    return parse(raw, KEY)


def goods_trade_by_country() -> pd.DataFrame:
    """US goods imports, exports and balance by partner, annual 2013-2024 (million USD), tidy.

    Columns: iso3 (None for the world total, ``cty_code`` 0), year, cty_code (Census code), partner
    (Census spelling, upper case), iso2, region (the compiler's grouping), flow (imports | exports |
    balance, balance = exports - imports), value, unit, source.
    """
    return _load()


def wide(year: int | None = None) -> pd.DataFrame:
    """One row per partner (and year): exports, imports, balance in million USD."""
    df = goods_trade_by_country()
    if year is not None:
        df = df[df["year"] == year]
    out = df.pivot_table(index=["year", "cty_code", "partner"], columns="flow", values="value", aggfunc="sum")
    iso = df.drop_duplicates("cty_code").set_index("cty_code")["iso3"]
    out = out.reset_index().rename_axis(None, axis=1)
    out.insert(2, "iso3", out["cty_code"].map(iso))
    return out


def registry_keys() -> list[str]:
    return [KEY]


__all__ = ["goods_trade_by_country", "wide", "parse", "KEY", "registry"]

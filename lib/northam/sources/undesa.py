"""UN DESA International Migrant Stock, 2019 revision: origin x destination matrix (cleaned wide CSV).

Rows are (Year, Dest), columns are countries of origin; values are mid-year stocks of international
migrants (foreign-born, or foreign citizens where the census does not ask birthplace), persons, for
1990, 1995, 2000, 2005, 2010, 2015 and 2019. ``..`` marks "not available" and becomes missing.

Only pairs where the destination or the origin is the United States, Mexico or Canada are kept.
Any other non-numeric cell, or a negative stock, is refused (pandera) naming the destination, year and origin.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..countries import to_iso3
from ..schemas import is_number, require_columns, tidy_schema, validate

KEY = "undesa_migrant_stock_origin_destination_2019_clean_guyabel.csv"
UNIT = "persons"
_NAMES = {"United States of America": "USA", "Mexico": "MEX", "Canada": "CAN"}

SCHEMA = tidy_schema({"origin_iso3": pa.Column(str, nullable=True), "origin": pa.Column(str),
                      "destination": pa.Column(str)}, nullable_value=True, name="undesa_migrant_stock")


#: Marks of "not available" in the stock cells (read as missing).
NOT_AVAILABLE = ("..", "nan", "", "<NA>")


def _stock_cell(v) -> bool:
    text = str(v).strip()
    if text in NOT_AVAILABLE:
        return True
    num = pd.to_numeric(text.replace(",", ""), errors="coerce")
    return bool(pd.notna(num) and num >= 0)


#: The matrix as a long table (rows labelled "destination, year, from origin"): a year, and a stock that is
#: a non-negative number of persons (thousands separators allowed) or a mark of "not available".
LONG_SCHEMA = pa.DataFrameSchema({
    "Year": pa.Column(checks=is_number("a year")),
    "stock": pa.Column(checks=pa.Check(_stock_cell, element_wise=True, error="unreadable stock (not a number "
                                                                              "of persons nor '..')"), nullable=True),
}, name="undesa_matrix")


def parse(raw: pd.DataFrame, key: str = KEY) -> pd.DataFrame:
    require_columns(raw, ["Year", "Dest", *_NAMES], key)
    raw = raw.dropna(subset=["Year", "Dest"])
    origins = [c for c in raw.columns if c not in ("Year", "Dest")]
    keep = raw["Dest"].isin(_NAMES)
    na_rows = raw[keep]
    long = na_rows.melt(id_vars=["Year", "Dest"], value_vars=origins, var_name="origin", value_name="stock")
    others = raw[~keep].melt(id_vars=["Year", "Dest"], value_vars=list(_NAMES), var_name="origin",
                             value_name="stock")
    long = pd.concat([long, others], ignore_index=True)
    long.index = long["Dest"].astype(str) + ", " + long["Year"].astype(str) + ", from " + long["origin"].astype(str)
    long = validate(long, LONG_SCHEMA, key).reset_index(drop=True)
    num = pd.to_numeric(long["stock"].astype(str).str.strip().str.replace(",", "", regex=False), errors="coerce")
    years = pd.to_numeric(long["Year"])
    dest = long["Dest"].astype(str).str.strip()
    dmap = {d: _NAMES.get(d) or to_iso3(d) for d in dest.unique()}
    omap = {o: _NAMES.get(o) or to_iso3(o) for o in long["origin"].unique()}
    out = pd.DataFrame({
        "iso3": dest.map(dmap), "year": years.astype(int), "origin_iso3": long["origin"].map(omap),
        "origin": long["origin"].astype(str), "destination": dest, "value": num.astype(float),
        "unit": UNIT, "source": key,
    })
    for col in ("iso3", "origin_iso3"):
        out[col] = out[col].astype(object).where(out[col].notna(), None)
    return out


def migrant_stock() -> pd.DataFrame:
    """Migrant stock by destination (``iso3``), origin and year, for pairs touching North America."""
    raw = pd.read_csv(registry.fetch(KEY), dtype=str)
    return validate(parse(raw), SCHEMA, KEY)


def registry_keys() -> list[str]:
    return [KEY]

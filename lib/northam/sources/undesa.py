"""UN DESA International Migrant Stock, 2019 revision: origin x destination matrix (cleaned wide CSV).

Rows are (Year, Dest), columns are countries of origin; values are mid-year stocks of international
migrants (foreign-born, or foreign citizens where the census does not ask birthplace), persons, for
1990, 1995, 2000, 2005, 2010, 2015 and 2019. ``..`` marks "not available" and becomes missing.

Only pairs where the destination or the origin is the United States, Mexico or Canada are kept.
Any other non-numeric cell, or a negative stock, is refused naming the destination, year and origin.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..countries import to_iso3
from ..schemas import SchemaError, require_columns, tidy_schema, validate

KEY = "undesa_migrant_stock_origin_destination_2019_clean_guyabel.csv"
UNIT = "persons"
_NAMES = {"United States of America": "USA", "Mexico": "MEX", "Canada": "CAN"}

SCHEMA = tidy_schema({"origin_iso3": pa.Column(str, nullable=True), "origin": pa.Column(str),
                      "destination": pa.Column(str)}, nullable_value=True, name="undesa_migrant_stock")


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
    text = long["stock"].astype(str).str.strip()
    num = pd.to_numeric(text.str.replace(",", "", regex=False), errors="coerce")
    bad = long[(num.isna() & ~text.isin(["..", "nan", "", "<NA>"])) | (num < 0)]
    if len(bad):
        r = bad.iloc[0]
        raise SchemaError(f"{key}: destination {r['Dest']!r}, year {r['Year']}, origin column {r['origin']!r}: "
                          f"unreadable stock {r['stock']!r}")
    years = pd.to_numeric(long["Year"], errors="coerce")
    if years.isna().any():
        raise SchemaError(f"{key}: column 'Year': non-numeric year(s) {long.loc[years.isna(), 'Year'].unique()[:5]}")
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

"""UNCTAD World Investment Report 2024, annex table 1: FDI inflows by region and economy, 1990-2023.

Units: millions of current US dollars. Source: ``unctad_wir2024_annex_tab01_fdi_inflows.csv`` (CSV export
of ``WIR2024_tab01.xlsx``).

Quirks handled here:

- two title lines (table title, units) before the header; a UTF-8 byte-order mark; two footnote rows and
  blank rows at the end (dropped);
- numbers are written with spaces as thousands separators (``"1331  813.3"``) and negatives as
  ``"-  413.5"``: spaces are stripped before conversion; any other text in a year column is refused,
  naming the economy and year;
- region and group rows (World, Developed economies, Europe, European Union, North America, Africa, ...,
  Memorandum items) and discontinued units (Belgium / Luxembourg, Serbia and Montenegro, Netherlands
  Antilles) sit among the economies. They get ``kind`` "aggregate" or "discontinued" and ``iso3`` None,
  so they are never ranked as economies. Every other row must map to an ISO3 code or it is refused.
"""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..countries import to_iso3
from ..schemas import SchemaError, require_columns, tidy_schema, validate

KEY = "unctad_wir2024_annex_tab01_fdi_inflows.csv"
UNIT = "million USD"
NAME_COL = "Region/economy"

#: Region and group rows of the annex table (not economies).
AGGREGATES = frozenset({
    "World", "Developed economies", "Europe", "European Union", "Other Europe", "North America",
    "Other developed economies", "Developing economies", "Africa", "North Africa", "Other Africa",
    "Central Africa", "East Africa", "Southern Africa", "West Africa", "Asia", "East and South-East Asia",
    "East Asia", "South-East Asia", "South Asia", "West Asia", "Central Asia",
    "Latin America and the Caribbean", "South and Central America", "South America", "Central America",
    "Caribbean", "Oceania", "Memorandum", "Least developed countries (LDCs)", "Landlocked countries (LLCs)",
    "Small island developing states (SIDS)",
})
#: Units that no longer exist (their successors are listed separately).
DISCONTINUED = frozenset({"Belgium / Luxembourg", "Serbia and Montenegro", "Netherlands Antilles"})

def _economies_once(df: pd.DataFrame) -> pd.Series:
    """True for every row except an economy (ISO3) listed twice in the same year."""
    return ~(df["kind"].eq("economy") & df.duplicated(["iso3", "year"], keep=False))


SCHEMA = tidy_schema(
    {"economy": pa.Column(str), "kind": pa.Column(str, pa.Check.isin(["economy", "aggregate", "discontinued"]))},
    nullable_value=True,
    name="unctad_fdi_inflows",
)
SCHEMA.checks = [pa.Check(_economies_once, error="an economy listed twice (two rows map to one ISO3 code)")]

_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def _number(text, economy: str, year: str) -> float:
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return float("nan")
    compact = re.sub(r"\s+", "", str(text))
    if compact == "":
        return float("nan")
    if not _NUMBER.match(compact):
        raise SchemaError(f"{KEY}: column {year!r} holds {text!r} for {economy!r}, which is not a number "
                          f"(expected e.g. '1331  813.3' or '-  413.5')")
    return float(compact)


def _kind(name: str) -> str:
    if name in AGGREGATES:
        return "aggregate"
    if name in DISCONTINUED:
        return "discontinued"
    return "economy"


def parse(raw: pd.DataFrame, key: str = KEY) -> pd.DataFrame:
    """Tidy the raw annex table (read with ``skiprows=2``, all columns as text)."""
    require_columns(raw, [NAME_COL, "1990", "2023"], key)
    years = [c for c in raw.columns if str(c).isdigit()]
    raw = raw[raw[NAME_COL].notna()]
    raw = raw[~raw[NAME_COL].str.startswith(("Source:", "Note:"))]
    rows = []
    for _, r in raw.iterrows():
        name = " ".join(str(r[NAME_COL]).split())
        kind = _kind(name)
        iso = None
        if kind == "economy":
            iso = to_iso3(name)
            if iso is None:
                raise SchemaError(f"{key}: column {NAME_COL!r} has {name!r}, which is neither a known "
                                  f"aggregate nor an economy with an ISO3 code; add it to the loader")
        for y in years:
            rows.append((iso, name, kind, int(y), _number(r[y], name, y)))
    out = pd.DataFrame(rows, columns=["iso3", "economy", "kind", "year", "value"])
    out["iso3"] = out["iso3"].astype(object).where(out["iso3"].notna(), None)
    out["unit"], out["source"] = UNIT, key
    return validate(out, SCHEMA, key)


def read_raw(path) -> pd.DataFrame:
    return pd.read_csv(path, skiprows=2, encoding="utf-8-sig", dtype=str, keep_default_na=False,
                       na_values=[""])


def fdi_inflows() -> pd.DataFrame:
    """FDI inflows by economy and year, 1990-2023 (million current USD), UNCTAD WIR 2024 annex table 1.

    Columns: iso3 (None for aggregates and discontinued units), economy (UNCTAD name), kind
    ("economy", "aggregate", "discontinued"), year, value (NaN where the table is blank), unit, source.
    """
    return parse(read_raw(registry.fetch(KEY)))


def registry_keys() -> list[str]:
    return [KEY]

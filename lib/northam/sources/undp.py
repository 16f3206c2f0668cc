"""UNDP Human Development Report 2023/2024: composite indices time series, 1990-2022 (HDI only here).

Units: Human Development Index, 0 to 1. Source: ``undp_hdr23-24_composite_indices_time_series.csv``.

Quirks handled here: the copy carries a UTF-8 byte-order mark and some garbled non-ASCII country names
(read with ``utf-8-sig`` and ``encoding_errors="replace"``; names are kept for display only, all joins use
``iso3``). Eleven aggregate rows (HDI groups, UNDP regions, World) have codes starting with ``ZZ``: they
get ``iso3`` None and ``is_economy`` False and are never ranked. An HDI outside 0-1, a non-numeric value or
a duplicated iso3 is refused by a pandera schema (:data:`RAW_SCHEMA`), naming the file, column, value and
country.
"""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..schemas import in_range_if_number, is_number, require_columns, tidy_schema, validate

KEY = "undp_hdr23-24_composite_indices_time_series.csv"
UNIT = "index 0-1"
_HDI_COL = re.compile(r"^hdi_(\d{4})$")

SCHEMA = tidy_schema(
    {
        "code": pa.Column(str),
        "country": pa.Column(str),
        "hdi_rank_2022": pa.Column(float, nullable=True),
        "is_economy": pa.Column(bool),
    },
    name="undp_hdi",
)


def read_raw(path) -> pd.DataFrame:
    return pd.read_csv(path, encoding="utf-8-sig", encoding_errors="replace",
                       usecols=lambda c: c in ("iso3", "country", "hdi_rank_2022") or bool(_HDI_COL.match(c)))


#: The raw wide file, indexed by its iso3 codes: each code once, every ``hdi_YYYY`` cell an HDI (0-1) or blank.
RAW_SCHEMA = pa.DataFrameSchema(
    {_HDI_COL.pattern: pa.Column(None, [is_number("an HDI (a number)"), in_range_if_number(0, 1, "an HDI between 0 and 1")],
                                 regex=True, nullable=True)},
    index=pa.Index(None, name="iso3", unique=True), name="undp_hdi_raw")


def parse(raw: pd.DataFrame, key: str = KEY) -> pd.DataFrame:
    require_columns(raw, ["iso3", "country", "hdi_rank_2022", "hdi_1990", "hdi_2022"], key)
    cols = [c for c in raw.columns if _HDI_COL.match(c)]
    validate(raw.set_index("iso3")[cols], RAW_SCHEMA, key)
    long = raw.melt(id_vars=["iso3", "country", "hdi_rank_2022"], value_vars=cols, var_name="col",
                    value_name="raw_value")
    values = pd.to_numeric(long["raw_value"])
    code = long["iso3"].astype(str).str.strip()
    is_economy = ~code.str.startswith("ZZ")
    out = pd.DataFrame({
        "iso3": code.astype(object).where(is_economy, None),
        "code": code,
        "country": long["country"].astype(str),
        "year": long["col"].str[4:].astype(int),
        "value": values.astype(float),
        "unit": UNIT,
        "source": key,
        "hdi_rank_2022": pd.to_numeric(long["hdi_rank_2022"], errors="coerce").astype(float),
        "is_economy": is_economy.astype(bool),
    }).dropna(subset=["value"])
    return validate(out.sort_values(["code", "year"], ignore_index=True), SCHEMA, key)


def hdi() -> pd.DataFrame:
    """Human Development Index by country and year, 1990-2022 (index 0-1), UNDP HDR 2023/2024.

    Columns: iso3 (None for ZZ aggregates), code, country (display only: some names are garbled),
    year, value, unit, source, hdi_rank_2022 (official rank, NaN for aggregates), is_economy.
    """
    return parse(read_raw(registry.fetch(KEY)))


def registry_keys() -> list[str]:
    return [KEY]

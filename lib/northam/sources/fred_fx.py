"""FRED daily exchange rates (Federal Reserve H.10 noon buying rates in New York).

Files: ``fred_DEXMXUS_daily.csv`` (Mexican pesos per US dollar, 1993-11-08 to 2023-09-15) and
``fred_DEXCAUS_daily.csv`` (Canadian dollars per US dollar, 1971-01-04 to 2023-09-15).

Quirk handled here: holidays and missing days are written as ``"."`` and are dropped. Any other text,
a non-positive rate, an unparseable or repeated date is refused by a pandera schema (:func:`_raw_schema`),
naming the file, column, value and date.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..schemas import in_range_if_number, is_number, require_columns, tidy_schema, validate

SERIES = {
    "MEX": ("fred_DEXMXUS_daily.csv", "DEXMXUS", "Mexican pesos per US dollar"),
    "CAN": ("fred_DEXCAUS_daily.csv", "DEXCAUS", "Canadian dollars per US dollar"),
}
SCHEMA = tidy_schema({"series": pa.Column(str)}, time="date", name="fred_daily_fx").update_column(
    "date", unique=True)


def _is_date(text: pd.Series) -> pd.Series:
    return pd.to_datetime(text, format="%Y-%m-%d", errors="coerce").notna()


def _raw_schema(series: str) -> pa.DataFrameSchema:
    """The raw file once holidays are dropped, indexed by its DATE text: each date a real, unrepeated
    YYYY-MM-DD date, each rate a positive number."""
    return pa.DataFrameSchema(
        {series: pa.Column(None, [is_number("a rate (local currency per USD)"),
                                    in_range_if_number(1e-9, float("inf"), "a positive rate")])},
        index=pa.Index(None, pa.Check(_is_date, error="should be a YYYY-MM-DD date"), name="DATE", unique=True),
        name=f"fred_raw_{series}")


def parse(raw: pd.DataFrame, iso3: str) -> pd.DataFrame:
    key, series, unit = SERIES[iso3]
    require_columns(raw, ["DATE", series], key)
    raw = raw[raw[series].astype(str).str.strip() != "."]
    raw = validate(raw.set_index("DATE")[[series]], _raw_schema(series), key)
    out = pd.DataFrame({"iso3": iso3, "date": pd.to_datetime(raw.index, format="%Y-%m-%d").astype("datetime64[ns]"),
                        "value": pd.to_numeric(raw[series]).astype(float).to_numpy(), "unit": unit,
                        "source": key, "series": series})
    return validate(out.reset_index(drop=True), SCHEMA, key)


def daily(iso3: str) -> pd.DataFrame:
    """Daily rate for ``iso3`` ("MEX" or "CAN"): iso3, date, value (local currency per USD), unit,
    source, series. Holidays ('.') are dropped."""
    if iso3 not in SERIES:
        raise KeyError(f"no FRED daily series for {iso3!r}; known: {list(SERIES)}")
    key = SERIES[iso3][0]
    return parse(pd.read_csv(registry.fetch(key), dtype=str), iso3)


def registry_keys() -> list[str]:
    return [v[0] for v in SERIES.values()]

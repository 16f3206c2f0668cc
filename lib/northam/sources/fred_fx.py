"""FRED daily exchange rates (Federal Reserve H.10 noon buying rates in New York).

Files: ``fred_DEXMXUS_daily.csv`` (Mexican pesos per US dollar, 1993-11-08 to 2023-09-15) and
``fred_DEXCAUS_daily.csv`` (Canadian dollars per US dollar, 1971-01-04 to 2023-09-15).

Quirk handled here: holidays and missing days are written as ``"."`` and are dropped. Any other text,
a non-positive rate, an unparseable or repeated date is refused, naming the file, column and date.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..schemas import SchemaError, require_columns, tidy_schema, validate

SERIES = {
    "MEX": ("fred_DEXMXUS_daily.csv", "DEXMXUS", "Mexican pesos per US dollar"),
    "CAN": ("fred_DEXCAUS_daily.csv", "DEXCAUS", "Canadian dollars per US dollar"),
}
SCHEMA = tidy_schema({"series": pa.Column(str)}, time="date", name="fred_daily_fx")


def parse(raw: pd.DataFrame, iso3: str) -> pd.DataFrame:
    key, series, unit = SERIES[iso3]
    require_columns(raw, ["DATE", series], key)
    text = raw[series].astype(str).str.strip()
    raw = raw[text != "."]
    text = text[text != "."]
    values = pd.to_numeric(text, errors="coerce")
    dates = pd.to_datetime(raw["DATE"], format="%Y-%m-%d", errors="coerce")
    bad = raw[values.isna() | (values <= 0) | dates.isna()]
    if len(bad):
        r = bad.iloc[0]
        raise SchemaError(f"{key}: row DATE={r['DATE']!r} has {series}={r[series]!r}: not a positive rate "
                          f"or not a date; {len(bad)} row(s) refused")
    if dates.duplicated().any():
        raise SchemaError(f"{key}: column 'DATE' repeats {dates[dates.duplicated()].dt.date.tolist()[:3]}")
    out = pd.DataFrame({"iso3": iso3, "date": dates.astype("datetime64[ns]"), "value": values.astype(float),
                        "unit": unit, "source": key, "series": series})
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

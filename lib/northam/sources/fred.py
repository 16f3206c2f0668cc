"""FRED (Federal Reserve Bank of St. Louis) series downloaded as CSV: one generic loader for all of them.

FRED's "Download data > CSV" gives two columns: a date column and one value column. Three header
spellings occur in the mirror, all accepted here:

- ``observation_date,<SERIES_ID>`` (current FRED download, e.g. ``LNU02034560``);
- ``DATE,<SERIES_ID>`` (older FRED download, e.g. ``DEXMXUS`` daily exchange rates);
- ``date,value`` (a re-saved copy).

Quirks handled:

- FRED writes a missing observation as ``.`` (e.g. exchange-rate holidays). These rows are dropped
  by default (``dropna=False`` keeps them as NaN); any *other* non-numeric text in the value column
  is refused with :class:`~northam.schemas.SchemaError` naming the file, the column and the date.
- A date that is not an ISO date (``YYYY-MM-DD``) or a repeated date is refused the same way.

The unit is taken from the registry entry (``facts.units`` of ``data/registry/<domain>.yml``), so a
loaded table always says what its numbers are.

Usage::

    from northam.sources.fred import fred_series
    emp = fred_series("fred_LNU02034560_employment_agriculture_related_industries.csv")
    # columns: date (datetime64), value (float), unit, source, series
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from .. import registry
from ..schemas import SchemaError, tidy_schema, validate

#: Accepted names of the date column (first column), compared case-insensitively.
DATE_COLUMNS = ("observation_date", "date")
_SERIES_RE = re.compile(r"^[A-Za-z0-9_.]+$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

FRED_SCHEMA = tidy_schema({"series": pa.Column(str)}, time="date", iso3=False, name="fred_series")


def parse_fred_csv(path: str | Path, key: str, *, unit: str = "", dropna: bool = True) -> pd.DataFrame:
    """Parse one FRED CSV file into a tidy table (see :func:`fred_series`).

    ``key`` is only used to name the file in errors and in the ``source`` column.
    """
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    return tidy_fred_frame(raw, key, unit=unit, dropna=dropna)


def tidy_fred_frame(raw: pd.DataFrame, key: str, *, unit: str = "", dropna: bool = True) -> pd.DataFrame:
    """Turn a raw two-column FRED frame (all text) into the tidy table, refusing malformed content."""
    if raw.shape[1] != 2:
        raise SchemaError(f"{key}: a FRED CSV has 2 columns (date, value); found {list(raw.columns)}")
    date_col, value_col = (str(c) for c in raw.columns)
    if date_col.strip().lower() not in DATE_COLUMNS:
        raise SchemaError(
            f"{key}: first column should be one of {DATE_COLUMNS} (any case), found {date_col!r}. "
            f"The download layout changed: update northam.sources.fred."
        )
    if not _SERIES_RE.match(value_col.strip()):
        raise SchemaError(f"{key}: second column should be a FRED series id, found {value_col!r}")
    series = value_col.strip()
    dates = raw[date_col].astype(str).str.strip()
    text = raw[value_col].astype(str).str.strip()

    bad_dates = ~dates.str.match(_DATE_RE)
    if bad_dates.any():
        first = dates[bad_dates].iloc[0]
        raise SchemaError(f"{key}: column {date_col!r} has {int(bad_dates.sum())} non-date value(s), first {first!r}")
    parsed_dates = pd.to_datetime(dates, format="%Y-%m-%d", errors="coerce")
    if parsed_dates.isna().any():
        first = dates[parsed_dates.isna()].iloc[0]
        raise SchemaError(f"{key}: column {date_col!r} has an impossible date {first!r}")
    dup = parsed_dates.duplicated()
    if dup.any():
        raise SchemaError(f"{key}: column {date_col!r} repeats date {dates[dup].iloc[0]!r}")

    missing = text.isin([".", ""])
    numbers = pd.to_numeric(text.where(~missing), errors="coerce")
    bad = numbers.isna() & ~missing
    if bad.any():
        i = bad.idxmax()
        raise SchemaError(
            f"{key}: column {value_col!r} holds non-numeric text {text[i]!r} on {dates[i]} "
            f"({int(bad.sum())} such value(s)); only numbers or FRED's '.' for missing are accepted"
        )
    out = pd.DataFrame(
        {
            "date": parsed_dates.astype("datetime64[ns]"),
            "value": numbers.astype(float),
            "unit": unit or "see registry",
            "source": key,
            "series": series,
        }
    )
    if dropna:
        out = out[out["value"].notna()]
    out = out.sort_values("date", ignore_index=True)
    schema = FRED_SCHEMA if dropna else FRED_SCHEMA.update_column("value", nullable=True)
    return validate(out, schema, key)


def fred_series(key: str, *, dropna: bool = True) -> pd.DataFrame:
    """A FRED series from the registry as a tidy table, oldest first.

    Columns: ``date`` (datetime64, the first day of the period for monthly/quarterly series),
    ``value`` (float, in the registry's unit), ``unit`` (from the registry entry's ``units``),
    ``source`` (the registry key) and ``series`` (the FRED series id from the header, e.g.
    ``"LNU02034560"``; ``"value"`` for re-saved copies with a ``date,value`` header).

    Missing observations (FRED's ``"."``) are dropped unless ``dropna=False``.
    """
    path = registry.fetch(key)
    unit = str(registry.source(key).facts.get("units", "")).strip()
    return parse_fred_csv(path, key, unit=unit, dropna=dropna)


__all__ = ["fred_series", "parse_fred_csv", "tidy_fred_frame", "DATE_COLUMNS"]

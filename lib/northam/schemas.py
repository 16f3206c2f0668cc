"""Table schemas (pandera) shared by the loaders.

Every loader returns a *tidy* table: one row per observation, with ISO3 codes where the unit is a
country, a year (or a date), a numeric ``value``, its ``unit`` and the registry ``source`` key.
A renamed column, a wrong dtype or an impossible value is refused with pandera's error, which names
the column; :func:`validate` adds the file it came from.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa


class SchemaError(ValueError):
    """A loaded table does not have the declared shape."""


def tidy_schema(extra: dict[str, pa.Column] | None = None, *, time: str = "year", iso3: bool = True,
                nullable_value: bool = False, name: str = "tidy") -> pa.DataFrameSchema:
    """The book's tidy-table schema, with optional extra columns.

    ``time`` is ``"year"`` (int, 1900-2100) or ``"date"`` (datetime64).
    """
    cols: dict[str, pa.Column] = {}
    if iso3:
        cols["iso3"] = pa.Column(str, pa.Check.str_matches(r"^[A-Z]{3}$"), nullable=True)
    if time == "year":
        cols["year"] = pa.Column(int, pa.Check.in_range(1900, 2100))
    elif time == "date":
        cols["date"] = pa.Column("datetime64[ns]")
    cols["value"] = pa.Column(float, nullable=nullable_value)
    cols["unit"] = pa.Column(str)
    cols["source"] = pa.Column(str)
    cols.update(extra or {})
    return pa.DataFrameSchema(cols, strict=False, coerce=False, name=name)


def validate(df: pd.DataFrame, schema: pa.DataFrameSchema, source_key: str) -> pd.DataFrame:
    """Validate ``df`` against ``schema``; on failure raise :class:`SchemaError` naming the file."""
    try:
        return schema.validate(df, lazy=True)
    except (pa.errors.SchemaErrors, pa.errors.SchemaError) as exc:
        cases = getattr(exc, "failure_cases", None)
        detail = cases.head(10).to_string() if cases is not None else str(exc)
        raise SchemaError(f"{source_key}: the table does not match schema {schema.name!r}:\n{detail}") from exc


def require_columns(df: pd.DataFrame, columns, source_key: str, where: str = "") -> None:
    """Refuse a raw table that lacks expected columns (a renamed or dropped column upstream)."""
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise SchemaError(
            f"{source_key}{' (' + where + ')' if where else ''}: expected column(s) {missing} not found; "
            f"columns present: {list(df.columns)[:30]}. The publisher's layout changed: update the loader."
        )


def _reads_as_number(v) -> bool:
    import numbers

    if isinstance(v, bool):
        return False
    if isinstance(v, numbers.Real):
        return True
    return isinstance(v, str) and bool(pd.notna(pd.to_numeric(v.strip(), errors="coerce")))


def is_number(what: str = "a number") -> pa.Check:
    """Element-wise check of a raw cell: a real number, or text that reads as one ("12", "3.5": a column
    that pandas read as text because of another cell). Refuses other text ("1,234", "n/a") and bools.
    Missing cells pass (declare ``nullable`` on the column); the failure cases list each offending cell
    and its row label. Convert the column with ``pd.to_numeric`` after validating."""
    return pa.Check(_reads_as_number, element_wise=True, error=f"should be {what}")


def in_range_if_number(lo: float, hi: float, what: str) -> pa.Check:
    """Element-wise check of a raw cell that reads as a number: it lies between ``lo`` and ``hi``. Other
    cells pass (pair it with :func:`is_number`, which refuses them), so each bad cell is reported once."""
    return pa.Check(lambda v: not _reads_as_number(v) or pd.isna(v) or lo <= float(v) <= hi, element_wise=True,
                    error=f"should be {what}")

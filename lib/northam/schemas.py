"""Table schemas (pandera) shared by the loaders.

Every loader returns a *tidy* table: one row per observation, with ISO3 codes where the unit is a
country, a year (or a date), a numeric ``value``, its ``unit`` and the registry ``source`` key.
A renamed column, a wrong dtype or an impossible value is refused with pandera's error, which names
the column; :func:`validate` adds the file it came from.
"""

from __future__ import annotations

import numpy as np
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
    """One cell: a real number (not a bool), or text that reads as one once stripped."""
    import numbers

    if isinstance(v, bool):
        return False
    if isinstance(v, numbers.Real):
        return True
    return isinstance(v, str) and bool(pd.notna(pd.to_numeric(v.strip(), errors="coerce")))


def as_numbers(cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    """:func:`_reads_as_number` for a whole column at once, and the numbers read (NaN elsewhere).

    The same rule, vectorised: the type of each cell is judged once per distinct type, and text is parsed by
    one ``pd.to_numeric`` over the column instead of one call per cell (a raw file has ~10^5-10^6 cells)."""
    import numbers

    if pd.api.types.is_bool_dtype(cells):
        return pd.Series(False, index=cells.index), pd.Series(np.nan, index=cells.index)
    if pd.api.types.is_numeric_dtype(cells):
        values = pd.Series(cells.to_numpy(dtype=float, na_value=np.nan), index=cells.index)
        return pd.Series(True, index=cells.index), values
    kinds = cells.map(type)
    distinct = kinds.unique()
    real = kinds.map({t: t is not bool and issubclass(t, numbers.Real) for t in distinct}).astype(bool)
    text = kinds.map({t: issubclass(t, str) for t in distinct}).astype(bool).to_numpy()
    values = pd.Series(np.nan, index=cells.index, dtype=float)
    values[real] = cells[real].astype(float)
    if text.any():
        values[text] = pd.to_numeric(cells[text].str.strip(), errors="coerce").astype(float)
    return real | (text & values.notna()), values


def is_number(what: str = "a number") -> pa.Check:
    """Check of a raw column, cell by cell: a real number, or text that reads as one ("12", "3.5": a column
    that pandas read as text because of another cell). Refuses other text ("1,234", "n/a") and bools.
    Missing cells pass (declare ``nullable`` on the column); the failure cases list each offending cell
    and its row label. Convert the column with ``pd.to_numeric`` after validating."""
    return pa.Check(lambda cells: as_numbers(cells)[0], error=f"should be {what}")


def in_range_if_number(lo: float, hi: float, what: str) -> pa.Check:
    """Check of a raw column, cell by cell: a cell that reads as a number lies between ``lo`` and ``hi``. Other
    cells pass (pair it with :func:`is_number`, which refuses them), so each bad cell is reported once."""

    def check(cells: pd.Series) -> pd.Series:
        number, values = as_numbers(cells)
        return ~number | cells.isna() | values.between(lo, hi)

    return pa.Check(check, error=f"should be {what}")

"""The raw-cell checks of :mod:`northam.schemas`: the column-wide checks decide exactly as the one-cell rule."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pytest

from northam import schemas

CELLS = [12, 3.5, -0.0, np.float64(2.5), np.int64(7), " 12 ", "3.5", "1e3", "-4", "inf", "1,234", "n/a", "",
         "nan", "12 kg", True, False, np.bool_(True), None, np.nan, "１２", "0x1A", "1_000", b"12"]


@pytest.mark.parametrize("dtype", [object, "str"])
def test_column_check_agrees_with_the_one_cell_rule(dtype):
    cells = pd.Series(CELLS, dtype=object)
    if dtype == "str":  # a column pandas read as text: only its text cells and missing ones
        cells = pd.Series([c for c in CELLS if isinstance(c, str) or c is None], dtype="str")
    number, values = schemas.as_numbers(cells)
    expected = [schemas._reads_as_number(c) for c in cells]
    assert number.tolist() == expected
    read = [float(pd.to_numeric(c.strip(), errors="coerce")) if isinstance(c, str) else float(c)
            for c, ok in zip(cells, expected, strict=True) if ok]
    np.testing.assert_array_equal(values[number].to_numpy(), np.array(read))  # a missing cell reads as NaN


def test_numeric_and_bool_columns():
    number, values = schemas.as_numbers(pd.Series([1, 2, None], dtype="Int64"))
    assert number.all() and values.iloc[:2].tolist() == [1.0, 2.0] and np.isnan(values.iloc[2])
    assert not schemas.as_numbers(pd.Series([True, False]))[0].any()


def test_checks_name_each_bad_cell_and_its_row():
    schema = pa.DataFrameSchema({"v": pa.Column(object, [schemas.is_number("a count"),
                                                         schemas.in_range_if_number(0, 100, "a percent")],
                                                nullable=True)}, name="t")
    good = pd.DataFrame({"v": [1, "2.5", None, 100]}, dtype=object)
    schemas.validate(good, schema, "t.csv")
    bad = pd.DataFrame({"v": [1, "1,234", 250, "n/a", True, " 50 "]}, dtype=object)
    with pytest.raises(schemas.SchemaError) as err:
        schemas.validate(bad, schema, "t.csv")
    text = str(err.value)
    assert "t.csv" in text and "1,234" in text and "n/a" in text and "250" in text and "True" in text
    assert " 50 " not in text

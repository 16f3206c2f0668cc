"""How the tests read a raw workbook for their independent checks.

The checks recompute values from the raw file without any of northam's code: no loader, none of its header
handling, filters, renames or refusals. They read the cells with python-calamine, called here directly.
calamine is about eight times faster than openpyxl on the large Census and USA Trade Online workbooks
(the USA Trade Online HS10 workbook for Mexico: 0.7 s against 6 s).

calamine reads an error cell (``#N/A``) as blank. The two loaders for which that matters (EI energy, IMF
DOTS) read with openpyxl, and their tests read those files with openpyxl too.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd


def read_excel(path: Path, **kwargs) -> pd.DataFrame:
    """``pd.read_excel`` of a raw file with the calamine reader."""
    return pd.read_excel(path, engine="calamine", **kwargs)


def sheet_rows(path: Path, sheet: str) -> tuple[tuple, ...]:
    """Every row of one sheet as a tuple of cell values, an empty cell as ``None`` (as openpyxl's
    ``iter_rows(values_only=True)`` gives them). Read once per test process (the file's path, size and time
    name it); tuples, so that no test can change what another reads."""
    st = Path(path).stat()
    return _sheet_rows(str(path), sheet, st.st_size, st.st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _sheet_rows(path: str, sheet: str, size: int, mtime_ns: int) -> tuple[tuple, ...]:
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(path).get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    return tuple(tuple(None if cell == "" else cell for cell in row) for row in rows)

"""Loaders, one module per publisher or file family: they load and validate, nothing else."""

from __future__ import annotations

import pandas as pd


def read_workbook(path, **kwargs):
    """``pd.read_excel`` with the calamine engine (Rust; several times faster than openpyxl on the book's
    workbooks, same tables): the one place the loaders' engine is chosen. Loaders that must see a cell's error
    value (``#N/A``), which calamine reads as blank, use openpyxl directly."""
    return pd.read_excel(path, engine="calamine", **kwargs)

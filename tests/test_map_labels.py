"""One name per Mexican state across the book, and maps on which every state can be identified.

- Every loader of Mexican state data gives its states the 32 names of :data:`northam.countries.MX_STATES`
  ("Ciudad de México", never "Distrito Federal"), whatever its publisher writes.
- Every map names each of its regions where the name fits, or writes its short label (INEGI number, postal
  code) with a key entry; labels do not overlap; maps of Mexican states enlarge central Mexico in an inset.
"""

from __future__ import annotations

import itertools

import matplotlib
import pandas as pd
import pytest
import shapely
import shapely.affinity
from matplotlib.backends.backend_agg import FigureCanvasAgg

from northam import charts, countries, downloads
from northam import maps as geo
from northam.analysis import maps as chapter
from northam.analysis import security
from northam.figures import maps as figures
from northam.figures import security as security_figures
from northam.schemas import SchemaError
from northam.sources import gdl, inegi_conapo, mcv, segob, sesnsp

matplotlib.use("Agg")
pytestmark = pytest.mark.xdist_group("maps")  # each map is drawn once for all its tests

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
# Every region of every map identifiable


def _axes(fig) -> list:
    """Every axes of the figure, insets (child axes) included."""
    return [a for ax in fig.axes for a in (ax, *ax.child_axes)]


def _labels(fig) -> dict[str, list]:
    """Text artists of the figure by gid: name:<region>, label:<region>, key:<region>."""
    out: dict[str, list] = {}
    for ax in _axes(fig):
        for t in ax.texts:
            if t.get_gid():
                out.setdefault(t.get_gid(), []).append(t)
    return out


def unidentified(fig, region_ids) -> list[str]:
    """Regions of ``region_ids`` that the figure neither names nor labels with a key entry."""
    labels = _labels(fig)
    names = dict(zip(region_ids, figures.region_names(region_ids), strict=True))
    missing = []
    for rid in region_ids:
        named = [t for t in labels.get(f"name:{rid}", []) if " ".join(t.get_text().split()) == names[rid]]
        short = [t for t in labels.get(f"label:{rid}", []) if t.get_text() == geo.short_label(rid)]
        key = {t.get_text() for t in labels.get(f"key:{rid}", [])}
        if not named and not (short and {geo.short_label(rid), names[rid]} <= key):
            missing.append(rid)
    return missing


def _outline(t, renderer):
    """The box of a (possibly rotated) text in display pixels, as a polygon."""
    angle = t.get_rotation()
    t.set_rotation(0)
    b = t.get_window_extent(renderer)
    t.set_rotation(angle)
    cx, cy = (b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2
    return shapely.affinity.rotate(shapely.box(b.x0, b.y0, b.x1, b.y1), angle, origin=(cx, cy))


def overlaps(fig) -> list[tuple[str, str]]:
    """Pairs of map labels (names and short labels) whose boxes overlap by more than a pixel, on any axes, and
    labels covering an inset or colour bar drawn on their map ("<inset or colour bar>")."""
    renderer = fig.canvas.get_renderer()
    found = []
    for ax in _axes(fig):
        boxes = [(t.get_gid(), _outline(t, renderer)) for t in ax.texts
                 if t.get_gid() and t.get_gid().split(":")[0] in ("name", "label")]
        for (g1, b1), (g2, b2) in itertools.combinations(boxes, 2):
            if b1.intersection(b2).area > 1.0:
                found.append((g1, g2))
        for child in ax.child_axes:
            c = child.get_tightbbox(renderer)
            found += [(g, "<inset or colour bar>") for g, b in boxes
                      if b.intersection(shapely.box(c.x0, c.y0, c.x1, c.y1)).area > 1.0]
    return found


def _inset_states(fig) -> set[str]:
    """Regions labelled on an inset (an axes drawn inside another map axes)."""
    out = set()
    for ax in _axes(fig):
        if getattr(ax, "northam_states", None):
            out |= {t.get_gid().split(":", 1)[1] for t in ax.texts
                    if t.get_gid() and t.get_gid().split(":")[0] in ("name", "label")}
    return out


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    """Draw a figure function (once per module: both its layouts at one go) into a temporary folder and
    hand back the figure it published for the rendition asked, with its CSV."""
    root = tmp_path_factory.mktemp("maps")
    done = {}

    def draw(page: str, function, rendition: str = "desktop"):
        """The figure drawn for ``rendition``: "desktop", or "phone" (the map's own phone layout)."""
        if function not in done:
            published = {}
            real = charts.publish

            def keep(fig, slug, **kw):
                published["desktop"], published["phone"], published["slug"] = fig, kw.get("phone"), slug
                # Laid out exactly as published; saved at a low resolution, unquantised (this test reads
                # the layout, not the pixels): saving is most of the cost of drawing a map.
                real(fig, slug, **{**kw, "dpi": 36})  # saves, then closes the figure (and its phone layout)
                for f in (fig, kw.get("phone")):
                    if f is not None:
                        FigureCanvasAgg(f).draw()  # a canvas again, to measure the drawn text

            with pytest.MonkeyPatch.context() as mp:
                mp.setenv("NORTHAM_FIGURE_DIR", str(root))
                mp.setattr(charts, "publish", keep)
                mp.setattr(charts, "_quantize", lambda *args, **kwargs: None)
                downloads.start(page, "t", "c")
                function()
            done[function] = published, pd.read_csv(root / page / f"{published['slug']}.csv")
        published, csv = done[function]
        fig = published[rendition]
        assert fig is not None, f"{published['slug']}: no {rendition} layout"
        return fig, csv

    return draw


MEXICAN_MAPS = {
    "maps.spi_map": ("maps", figures.spi_map, "name"),
    "maps.spi_components": ("maps", figures.spi_components, "name"),
    "security.homicide_map": ("security", security_figures.homicide_map, "state"),
}


@pytest.mark.parametrize("rendition", ["desktop", "phone"])
@pytest.mark.parametrize("which", list(MEXICAN_MAPS))
def test_every_mexican_state_is_identifiable_on_its_map(drawn, which, rendition):
    page, function, column = MEXICAN_MAPS[which]
    fig, csv = drawn(page, function, rendition)
    mexico = [f"MEX-{c}" for c in countries.MX_STATES]
    assert set(csv[column]) == STATES, f"{which}: the CSV's state names are not the book's 32"
    map_axes = [ax for ax in _axes(fig) if any(t.get_gid() and t.get_gid().startswith(("name:", "label:"))
                                               for t in ax.texts)]
    panels = [ax for ax in map_axes if not getattr(ax, "northam_states", None)]
    for ax in panels:  # every panel of a small multiple names every state (on it or on its inset)
        inset = ax.northam_inset
        assert inset is not None, f"{which}: a map of Mexican states without the central-Mexico inset"
        texts = {t.get_gid().split(":", 1)[1] for a in (ax, inset) for t in a.texts
                 if t.get_gid() and t.get_gid().startswith(("name:", "label:"))}
        assert texts == set(mexico), f"{which}: states without a label: {sorted(set(mexico) - texts)}"
        x0, x1 = inset.get_xlim()
        y0, y1 = inset.get_ylim()
        layer = geo.admin1().set_index("region_id")
        for rid in figures.MX_INSET:  # the inset shows the whole of each central state
            bx0, by0, bx1, by1 = layer.loc[rid, "geometry"].bounds
            assert x0 <= bx0 and bx1 <= x1 and y0 <= by0 and by1 <= y1, rid
    assert set(SMALL_CENTRAL) <= _inset_states(fig), f"{which}: Ciudad de México, Tlaxcala, Morelos not in the inset"
    assert unidentified(fig, mexico) == [], which
    assert overlaps(fig) == [], f"{which}: labels overlap"
    text = " ".join(t.get_text() for ax in _axes(fig) for t in ax.texts)
    assert "Distrito Federal" not in text


@pytest.mark.parametrize("rendition", ["desktop", "phone"])
def test_every_region_is_identifiable_on_the_north_american_map(drawn, rendition):
    fig, csv = drawn("maps", figures.shdi_map, rendition)
    regions = list(geo.admin1()["region_id"])
    assert len(regions) == 96
    assert unidentified(fig, regions) == []
    assert overlaps(fig) == []
    assert set(SMALL_CENTRAL) <= _inset_states(fig)
    assert set(csv.loc[csv["iso3"] == "MEX", "name"]) == STATES
    assert set(csv.loc[csv["iso3"] == "MEX", "region"]) == STATES
    # the small north-eastern states are named through the key, with a leader line where they are tiny
    labels = _labels(fig)
    assert {"USA-11", "USA-44"} <= {g.split(":", 1)[1] for g in labels if g.startswith("label:")}
    leaders = {line.get_gid() for ax in _axes(fig) for line in ax.lines if line.get_gid()}
    assert "leader:USA-11" in leaders  # District of Columbia


def test_the_checks_see_a_missing_label_and_an_overlap(drawn):
    """The two checks above can fail: a map with one label removed, and one with a label moved onto another."""
    fig, _ = drawn("maps", figures.spi_map)
    labels = _labels(fig)
    mexico = [f"MEX-{c}" for c in countries.MX_STATES]
    gone = next(g for g in labels if g.startswith("label:"))
    for t in labels[gone]:
        t.remove()
    assert unidentified(fig, mexico) == [gone.split(":", 1)[1]]
    names = [g for g in labels if g.startswith("name:")]
    first, second = labels[names[0]][0], labels[names[1]][0]
    second.set_position(first.get_position())
    second.set_rotation(first.get_rotation())
    assert (names[0], names[1]) in overlaps(fig) or (names[1], names[0]) in overlaps(fig)
    renamed = labels[names[0]][0]
    renamed.set_text("Distrito Federal")
    assert names[0].split(":", 1)[1] in unidentified(fig, mexico)

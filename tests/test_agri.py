"""Agribusiness chapter: key numbers against values computed independently from the raw files."""

from __future__ import annotations

import pandas as pd
import pytest

from northam.analysis import agri


@pytest.fixture(scope="module")
def ers():
    from northam import registry

    df = pd.read_csv(registry.fetch("ers_us_food_imports_by_country_1999-2023.csv"), encoding="cp1252")
    return df[df["Unit of Measure"] == "Million $"]


def _val(ers, commodity, country, year):
    sel = (ers["Commodity"] == commodity) & (ers["Country"] == country) & (ers["Year Number"] == str(year))
    assert sel.sum() == 1
    return float(ers.loc[sel, "Value"].iloc[0])


@pytest.fixture(scope="module")
def numbers():
    return agri.key_numbers()


@pytest.mark.parametrize(
    "key, commodity, country",
    [("agri_fruit_mex_last", "Fresh or chilled fruit", "MEXICO"),
     ("agri_fruit_can_last", "Fresh or chilled fruit", "CANADA"),
     ("agri_veg_mex_last", "Fresh vegetables", "MEXICO"),
     ("agri_veg_can_last", "Fresh vegetables", "CANADA")],
)
def test_fresh_produce_shares_in_the_files_last_year_match_raw(ers, numbers, key, commodity, country):
    last = int(pd.to_numeric(ers["Year Number"], errors="coerce").max())
    expected = 100 * _val(ers, commodity, country, last) / _val(ers, commodity, "WORLD", last)
    assert numbers["agri_ers_last_year"] == last
    assert numbers[key] == pytest.approx(expected, rel=1e-9)


def test_fresh_produce_shares_known_values(numbers):
    assert numbers["agri_ers_last_year"] == 2023  # the file's last year, that of the reports' figures
    assert numbers["agri_fruit_mex_last"] == pytest.approx(50.7, abs=0.05)
    assert numbers["agri_veg_can_last"] == pytest.approx(20.0, abs=0.05)


def test_mexico_beer_2022_matches_raw(ers, numbers):
    assert numbers["agri_beer_mex_2022_bn"] == pytest.approx(_val(ers, "Malt beer", "MEXICO", 2022) / 1e3, rel=1e-9)
    assert numbers["agri_beer_world_2022_bn"] == pytest.approx(_val(ers, "Malt beer", "WORLD", 2022) / 1e3)
    assert numbers["agri_beer_mex_2022_bn"] == pytest.approx(5.384, abs=0.001)


def test_hs_food_imports_2023_match_raw(numbers, raw_rdata):
    raw = raw_rdata("census_api_us_imports_by_hs2_by_country_monthly_2023-2024.RData", "full_imports")
    sel = raw["CTY_NAME"].isin(["MEXICO", "CANADA"]) & (raw["YEAR"] == "2023") & (raw["I_COMMODITY"].astype(int) <= 24)
    assert numbers["agri_hs_mexcan_2023_bn"] == pytest.approx(raw.loc[sel, "GEN_VAL_MO"].astype(float).sum() / 1e9)


def test_employment_latest_month_matches_raw(raw_path, numbers):
    raw = pd.read_csv(raw_path("fred_LNU02034560_employment_agriculture_related_industries.csv"))
    assert numbers["agri_emp_last_month"] == "November 2024"
    assert numbers["agri_emp_last_m"] == pytest.approx(raw["LNU02034560"].iloc[-1] / 1e3)
    assert numbers["agri_emp_last_avg12_m"] == pytest.approx(raw["LNU02034560"].iloc[-12:].mean() / 1e3)


def test_crop_index_is_100_in_2013():
    idx = agri.crop_index()
    assert idx.loc[idx["year"] == 2013, "index"].eq(100).all()
    assert set(idx["iso3"]) == {"USA", "MEX", "CAN"} and idx["year"].max() == 2024


def test_seasonality_estimates_are_intervals(numbers):
    for stem in ("agri_winter_veg_share", "agri_winter_veg_ratio", "agri_veg_trend"):
        lo = numbers[f"{stem}_lo"]
        hi = numbers[f"{stem}_hi"]
        mid = numbers[stem if not stem.endswith("trend") else f"{stem}_slope"]
        assert lo < mid < hi
    assert numbers["agri_winter_veg_share"] > numbers["agri_winter_flat_share"]


def test_glue_keys_are_prefixed_and_plain(numbers):
    assert all(k.startswith("agri_") for k in numbers)
    assert all(isinstance(v, (int, float, str)) for v in numbers.values())
    assert not any(isinstance(v, float) and v != v for v in numbers.values()), "no NaN in glued numbers"




# ------------------------------------------------------------------ constant 2024 dollars (GDP deflator)


def test_annual_gdp_deflator_matches_sources_yml():
    d = agri.gdp_deflator().set_index("year")
    assert d.loc[2024, "deflator"] == pytest.approx(125.214, abs=0.001)
    assert d.loc[2023, "deflator"] == pytest.approx(122.266, abs=0.001)
    assert d.loc[2024, "to_constant"] == 1.0 and d.index.max() == 2024


#: The raw ERS lines whose sum is Mexico's food imports: each category's "Total ..." line where it lists Mexico,
#: the lines the totals leave out (ERS counts them in its group totals), the four lines of category "Other", and
#: for fish, whose total line never lists Mexico, the fish lines that do.
MEXICO_FOOD_LINES = [
    "Total live animals", "Bird eggs", "Total red meats, fresh and frozen", "Fowl and other meats", "Prepared meats",
    "Whole fish--fresh, chilled, or frozen", "Fish fillets and mince", "Shellfish, fresh or frozen",
    "Prepared fish and shellfish", "Total vegetables and preparations", "Total dairy products",
    "Total fruit and preparations", "Total nuts", "Total coffee, tea, and spices", "Total grains and products",
    "Total vegetable oils", "Oilseeds", "Total sweeteners and candy", "Total cocoa and products", "Total beverages",
    "Sauces, soups, prepared foods", "Essential oils", "Animal and other fats", "Other edible products",
]


def test_food_imports_in_2024_dollars_recomputed_from_raw(ers, raw_path, numbers):
    """Mexico in the ERS file's first year (1999) in constant 2024 dollars, from the raw ERS and FRED files: the
    sum of :data:`MEXICO_FOOD_LINES` listed for Mexico times deflator(2024) / deflator(1999), each the mean of
    the year's four quarters."""
    first = str(int(pd.to_numeric(ers["Year Number"], errors="coerce").min()))
    assert first == "1999" and numbers["agri_ers_first_year"] == 1999
    gdpdef = pd.read_csv(raw_path(agri.FRED_DEFLATOR))
    year = gdpdef["observation_date"].str[:4]
    ratio = gdpdef.loc[year == "2024", "GDPDEF"].mean() / gdpdef.loc[year == first, "GDPDEF"].mean()
    mex = ers[(ers["Country"] == "MEXICO") & (ers["Year Number"] == first) & (ers["Category"] != "Food dollars")]
    assert "Total fish and shellfish" not in set(mex["Commodity"])
    nominal = mex.loc[mex["Commodity"].isin(MEXICO_FOOD_LINES), "Value"].astype(float).sum()
    assert numbers["agri_food_mex_first_bn"] == pytest.approx(nominal / 1e3, rel=1e-12)
    assert numbers["agri_food_mex_first_real_bn"] == pytest.approx(nominal * ratio / 1e3, rel=1e-12)
    assert numbers["agri_deflator_first_to_price"] == pytest.approx(ratio, rel=1e-12)
    assert numbers["agri_food_mex_partial_groups"] == "fish and shellfish, live animals, meats and vegetable oils"


def test_world_food_groups_add_up_to_ers_own_total_of_us_food_imports(ers):
    """Every year, the world's food groups (the chart's and the shares' denominator) sum to ERS's "U.S. imports"
    line (category "Food dollars") of the raw file, to the rounding of the lines: no line left out."""
    own = ers[(ers["Category"] == "Food dollars") & (ers["Commodity"] == "U.S. imports")]
    own = own.drop_duplicates("Year Number").set_index(pd.to_numeric(own.drop_duplicates("Year Number")["Year Number"]))
    world = agri.food_totals()["WORLD"]
    gap = world.sub(own["Value"].astype(float)).abs()
    assert len(gap.dropna()) == len(world) == 25 and gap.max() < 1.5, gap.sort_values().tail(3)
    assert world.loc[2023] == pytest.approx(189070.5, abs=1.5)


def test_a_food_group_that_misses_an_ers_line_is_refused(monkeypatch):
    """The groups are checked against ERS's own group totals: leaving out a line ERS counts (poultry) fails."""
    monkeypatch.setitem(agri.OUTSIDE_TOTAL, "Meats", ("Prepared meats",))
    with pytest.raises(ValueError, match="Food dollars"):
        agri.food_groups()


def test_origins_add_up_to_the_world():
    o = agri.food_imports_by_origin()
    assert set(o["origin"]) == {"MEX", "CAN", "ROW"} and o[["nominal", "real"]].gt(0).all().all()
    assert o.groupby("year")["share"].sum().sub(100).abs().max() < 1e-9
    world = agri.food_totals()["WORLD"]
    assert o.groupby("year")["nominal"].sum().sub(world).abs().max() < 1e-6


def test_food_group_stacks_share_their_groups_and_keep_every_dollar():
    """Both partners' stacks list the same groups in the same order (the chart's key serves both panels), and
    each year's stack adds up to the partner's food imports: no group dropped or counted twice."""
    groups = agri.food_groups()
    stacks = agri.food_group_stacks(groups)
    assert list(stacks) == ["MEX", "CAN"] and list(stacks["MEX"].columns) == list(stacks["CAN"].columns)
    assert stacks["MEX"].columns[-1] == agri.OTHER_GROUPS and 6 <= stacks["MEX"].shape[1] - 1 <= 12
    for iso, stack in stacks.items():
        total = groups[groups["iso3"] == iso].groupby("year")["real"].sum()
        assert stack.sum(axis=1).sub(total).abs().max() < 1e-6 * total.max(), iso
        last = stack.drop(columns=agri.OTHER_GROUPS).iloc[-1]
        assert set(last.nlargest(6).index) <= set(stack.columns), iso  # its own six largest are shown

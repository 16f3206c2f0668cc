"""The words pages glue beside numbers (northam.prose), on hand-made values."""

from __future__ import annotations

from northam import prose


def test_direction_names_the_change_and_a_tolerance_reads_as_level():
    assert [prose.direction(2, 1), prose.direction(1, 2), prose.direction(1, 1)] == ["rose", "fell", "held level"]
    assert prose.direction(100.5, 100, tol=0.01) == "held level" and prose.direction(110, 100, tol=0.01) == "rose"
    assert prose.direction(98.9, 100, tol=0.01) == "fell"
    assert prose.direction(3, 0) == "rose" and prose.direction(0, 0, level="stayed") == "stayed"
    assert prose.direction(5, 4, "rises", "falls", "ends level") == "rises"


def test_lists_and_runs_of_years_read_as_english():
    assert [prose.and_list([]), prose.and_list(["a"]), prose.and_list(["a", "b"])] == ["", "a", "a and b"]
    assert prose.and_list(iter(["Colima", "Campeche", "Veracruz"])) == "Colima, Campeche and Veracruz"
    assert prose.years_text([2020, 2015, 2016, 2017]) == "2015–2017 and 2020"
    assert prose.years_text([2001, 2003, 2004, 2009]) == "2001, 2003–2004 and 2009"
    assert prose.years_text([2019]) == "2019" and prose.years_text([]) == ""
    assert prose.span([2025]) == "2025" and prose.span([2025, 2012, 2021]) == "2012–2025"
    assert [prose.number_word(6), prose.number_word(20), prose.number_word(21)] == ["six", "twenty", "21"]


def test_a_count_takes_its_noun_in_the_right_number():
    assert prose.count(1, "published month") == "1 published month"
    assert prose.count(3, "published month") == "3 published months" and prose.count(0, "state") == "0 states"
    assert prose.count(2, "country", "countries") == "2 countries"


def test_a_country_takes_its_article_in_a_sentence():
    assert [prose.country("United States"), prose.country("Mexico")] == ["the United States", "Mexico"]


def test_ranks_read_as_ordinals():
    assert [prose.ordinal(n) for n in (1, 2, 3, 10)] == ["first", "second", "third", "tenth"]
    assert [prose.ordinal(n) for n in (11, 12, 13, 21, 22, 23, 84, 101, 111)] == [
        "11th", "12th", "13th", "21st", "22nd", "23rd", "84th", "101st", "111th"]


def test_a_missing_value_gets_no_word():
    import math

    import pytest

    from northam.numerics import NumericsError

    for bad in (math.nan, math.inf):
        with pytest.raises(NumericsError):
            prose.direction(bad, 1.0)
        with pytest.raises(NumericsError):
            prose.change(1.0, bad)
    assert prose.change(50.71, 50.74) == "the same as" and prose.change(24.44, 50.7) == "down from"
    assert prose.change(50.7, 24.4, digits=0) == "up from"

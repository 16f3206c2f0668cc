"""The book's one number formatter (northam.numbers): separators, decimals, real minus signs, no -0."""

from __future__ import annotations

import math

import pytest

from northam import numbers

MINUS = "\u2212"


@pytest.mark.parametrize(("value", "decimals", "expected"), [
    (-0.0004, 3, "0.000"),  # rounds to zero: no sign
    (-1234.5, 1, f"{MINUS}1,234.5"),
    (1234.5, 1, "1,234.5"),
    (-0.04, 1, "0.0"),
    (-0.05001, 1, f"{MINUS}0.1"),
    (-0.0, 0, "0"),
    (1234567, 0, "1,234,567"),
    (2.5, 2, "2.50"),  # fixed decimals: trailing zeros kept
    (-3, 0, f"{MINUS}3"),
])
def test_number(value, decimals, expected):
    assert numbers.number(value, decimals) == expected


def test_number_missing_and_grouping():
    assert numbers.number(None) == "–"
    assert numbers.number(math.nan, 2) == "–"
    assert numbers.number(-1234.5, 1, grouping=False) == f"{MINUS}1234.5"


@pytest.mark.parametrize(("text", "expected"), [
    ("-0.0", "0.0"),
    (f"{MINUS}0.00", "0.00"),
    ("-0", "0"),
    ("-12.5", f"{MINUS}12.5"),
    ("-1,234", f"{MINUS}1,234"),
    ("-3.2%", f"{MINUS}3.2%"),
    ("(-4)", f"({MINUS}4)"),
    (f"{MINUS}7", f"{MINUS}7"),
    ("12.5", "12.5"),
    ("+1.5", "+1.5"),
    ("2019-2023", "2019-2023"),  # not one number: left alone
    ("COVID-19", "COVID-19"),
    ("-", "-"),
    ("", ""),
])
def test_typeset(text, expected):
    assert numbers.typeset(text) == expected


def test_format_spec_for_glued_values():
    assert numbers.format_spec(-0.04, ".1f") == "0.0"
    assert numbers.format_spec(-1234.56, ",.1f") == f"{MINUS}1,234.6"
    assert numbers.format_spec(2024, "d") == "2024"


def test_minus_signs_in_running_text():
    assert numbers.minus_signs("a balance of -298.9 billion (-231.5 bn)") == (
        f"a balance of {MINUS}298.9 billion ({MINUS}231.5 bn)")
    for text in ("2019-2023", "COVID-19", "HS-10", "x-1", "$3-5 billion", "-a"):
        assert numbers.minus_signs(text) == text


def test_has_bad_sign():
    assert numbers.has_bad_sign("-1.2")
    assert numbers.has_bad_sign(f"{MINUS}0.0")
    assert not numbers.has_bad_sign(f"{MINUS}1.2")
    assert not numbers.has_bad_sign("0.0")
    assert not numbers.has_bad_sign("1990-2000")

"""Words the pages glue beside numbers: the direction of a change, lists of names, runs of years.

The chapters describe their data in words computed from the data ("rose", "2015–2017 and 2020", "Colima,
Campeche and Veracruz"), so that a new vintage of a file changes the words with the numbers. These helpers are
the one place those words are made; numbers themselves are formatted by :mod:`northam.numbers`.
"""

from __future__ import annotations

from .numerics import require_finite

_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen twenty").split()


def direction(new: float, old: float, up: str = "rose", down: str = "fell", level: str = "held level",
              tol: float = 0.0) -> str:
    """The word for the change from ``old`` to ``new``: ``up``, ``down``, or ``level`` when they are equal or
    ``new`` is within ``tol`` (a share of ``|old|``, e.g. 0.01 for 1 %) of ``old``. A missing value is refused."""
    require_finite([new, old], what="a change described in words")
    if new == old or abs(new - old) <= tol * abs(old):
        return level
    return up if new > old else down


def change(new: float, old: float, digits: int = 1) -> str:
    """How ``new`` compares with ``old`` at the precision the text prints them (``digits`` decimals): "up from",
    "down from" or "the same as". A missing value is refused."""
    require_finite([new, old], what="a change described in words")
    a, b = round(float(new), digits), round(float(old), digits)
    return "down from" if a < b else "up from" if a > b else "the same as"


def and_list(items) -> str:
    """Items as English prose: "a", "a and b", "a, b and c"; "" for none."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def years_text(years) -> str:
    """Years as prose, consecutive runs joined: [2015, 2016, 2017, 2020] -> "2015–2017 and 2020"; "" if none."""
    runs: list[list[int]] = []
    for y in sorted(int(y) for y in years):
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return and_list(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def span(years) -> str:
    """The first and last of ``years``: "2025", or "2024–2025"."""
    lo, hi = int(min(years)), int(max(years))
    return str(lo) if lo == hi else f"{lo}–{hi}"


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` with its noun: "1 month", "3 months" (``plural`` for an irregular one)."""
    n = int(n)
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


#: Country names that take "the" in running prose.
_WITH_THE = ("United States", "United Kingdom", "Netherlands", "Philippines", "European Union", "Dominican Republic")


def country(name: str) -> str:
    """A country's name as it reads inside a sentence: "the United States", "Mexico"."""
    return f"the {name}" if name in _WITH_THE else name


_ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth".split()


def ordinal(n: int) -> str:
    """A rank as it reads in a sentence: "first" to "tenth", then "11th", "21st", "22nd", "23rd", "101st"."""
    n = int(n)
    if 1 <= n <= len(_ORDINALS):
        return _ORDINALS[n - 1]
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def number_word(n: int) -> str:
    """``n`` in words up to twenty ("six"), in digits above."""
    n = int(n)
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)

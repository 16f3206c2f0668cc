"""The book's one way of writing a number: thousands separators, a fixed number of decimals, a real minus
sign (U+2212) and never a negative zero.

- :func:`number` formats a value for the pages' tables (the claims tables and ledger use it through
  :func:`northam.claims.fmt`);
- :func:`typeset` rewrites a number another formatter already wrote (Python's ``format``, a glued value's
  format spec ``{glue:text}`x:,.1f```): the Sphinx extension passes every glued number and every number
  alone in a table cell of the built pages through it;
- :func:`minus_signs` sets real minus signs in running text ("a deficit of -298.9 billion").

A value that rounds to zero at the decimals shown prints as 0 (``-0.0004`` with three decimals is
``0.000``): a sign on a zero says nothing true about the value.
"""

from __future__ import annotations

import math
import re

MINUS = "\u2212"
DASH = "–"  # what a missing value prints as

_NUMBER = re.compile(r"^(?P<lead>\s*[(\[]?)(?P<sign>[-\u2212+]?)(?P<body>(?:\d[\d,\u202f\u00a0]*)?\d(?:\.\d+)?"
                     r"(?:[eE][-+]?\d+)?)(?P<tail>\s*(?:%|[)\]])?\s*)$")


def _is_missing(value) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return False


def number(value, decimals: int = 0, *, grouping: bool = True) -> str:
    """``value`` with ``decimals`` decimals, thousands separators (``grouping``) and a real minus sign;
    a value that rounds to zero prints without sign; a missing value (None, NaN) as an en dash.

    >>> number(-1234.5, 1)
    '−1,234.5'
    >>> number(-0.0004, 3)
    '0.000'
    """
    if _is_missing(value):
        return DASH
    decimals = max(0, int(decimals))
    text = format(abs(float(value)), f"{',' if grouping else ''}.{decimals}f")
    negative = float(value) < 0 and any(ch in "123456789" for ch in text)
    return (MINUS if negative else "") + text


def typeset(text: str) -> str:
    """A number written by another formatter (``format(-0.04, ".1f") == "-0.0"``), with a real minus sign
    and no sign on a zero. Text that is not one number (with optional % or brackets) is returned as is."""
    m = _NUMBER.match(text)
    if not m:
        return text
    sign, body = m.group("sign"), m.group("body")
    mantissa = re.split(r"[eE]", body)[0]
    if sign in ("-", MINUS):
        sign = MINUS if any(ch in "123456789" for ch in mantissa) else ""
    return m.group("lead") + sign + body + m.group("tail")


def format_spec(value, spec: str = "") -> str:
    """``format(value, spec)`` for a glued number, through :func:`typeset`."""
    return typeset(format(value, spec))


def minus_signs(text: str) -> str:
    """Running text with a real minus sign wherever a hyphen-minus stands alone before a number ("was
    -298.9 billion", "(-231.5 bn)"); ranges and words ("2019-2023", "COVID-19") are left alone."""
    return re.sub(r"(?<![\w.,/\u2212-])-(?=\d)", MINUS, str(text))


def has_bad_sign(text: str) -> bool:
    """True when ``text`` is one number written with a hyphen-minus or a signed zero ("-1.2", "−0.0")."""
    m = _NUMBER.match(text)
    return bool(m) and m.group("sign") in ("-", MINUS) and typeset(text) != text

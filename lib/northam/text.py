"""Text checks shared by the loaders' tests and the checks of the built book.

Mojibake is UTF-8 text decoded with a single-byte code page (Latin-1 or Windows-1252): ``Pánuco`` read
as ``PÃ¡nuco``, a non-breaking space as ``Â\\xa0``, a right quote as ``â€™``. :func:`find_mojibake` finds
such fragments in any text (a table cell, an HTML page, a CSV file).

A fragment counts only if it *is* the mis-decoding of valid UTF-8: its characters, encoded back with
Windows-1252 (Latin-1 for the five bytes cp1252 leaves undefined), must form a valid UTF-8 sequence of a
non-ASCII character. So legitimate text such as ``SÃO PAULO`` or ``Â`` alone is not reported, while
double-encoded text (``PÃƒÂ¡nuco``) is.
"""

from __future__ import annotations

import re

# The characters Windows-1252 puts at bytes 0x80-0x9F (its difference from Latin-1).
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
# What a continuation byte (0x80-0xBF) of UTF-8 looks like once decoded with cp1252 or Latin-1.
_CONT = "[\u0080-\u00bf" + re.escape(_CP1252_HIGH) + "]"
# A UTF-8 lead byte of a 2-, 3- or 4-byte character (0xC2-0xF4), decoded, followed by continuations.
_CANDIDATE = re.compile(f"[\u00c2-\u00f4]{_CONT}{{1,3}}")
_WORD = re.compile(r"\S+")


def _to_bytes(fragment: str) -> bytes | None:
    out = bytearray()
    for ch in fragment:
        if ord(ch) < 0x100:
            out.append(ord(ch))
        else:
            try:
                out += ch.encode("cp1252")
            except UnicodeEncodeError:
                return None
    return bytes(out)


def _is_misdecoded(fragment: str) -> bool:
    raw = _to_bytes(fragment)
    if raw is None:
        return False
    # The lead byte says how long the UTF-8 sequence is; decode exactly that many bytes.
    lead = raw[0]
    size = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
    if len(raw) < size:
        return False
    try:
        raw[:size].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def find_mojibake(text: object) -> list[str]:
    """Fragments of ``text`` that are UTF-8 mis-decoded as Latin-1/cp1252, each with its word around it.

    Returns an empty list for clean text (and for ``None`` or non-string values, which hold no text).
    Example: ``find_mojibake("Región PÃ¡nuco")`` -> ``["PÃ¡nuco"]``.
    """
    if not isinstance(text, str) or not text:
        return []
    found: list[str] = []
    for m in _CANDIDATE.finditer(text):
        if not _is_misdecoded(m.group()):
            continue
        start, end = m.start(), m.end()
        for w in _WORD.finditer(text, max(0, start - 40), min(len(text), end + 40)):
            if w.start() <= start < w.end():  # widen to the word around it (at most 40 characters each side)
                start, end = w.start(), max(w.end(), end)
                break
        fragment = text[start:end]
        if not found or found[-1] != fragment:
            found.append(fragment)
    return found

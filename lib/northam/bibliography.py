"""The bibliography (``_build/references.bib``), generated at each build from the data registry plus the
two reports; never committed."""

from __future__ import annotations

import re
from pathlib import Path

from . import registry

# Titles in double braces keep their capitals (the style writes titles in sentence case otherwise).
REPORTS_BIB = r"""@techreport{nap2025,
  title = {{The North American Project}},
  author = {{México ¿cómo vamos?} and {U.S.-Mexico Foundation}},
  year = {2025},
  type = {Policy report},
  institution = {México ¿cómo vamos? and U.S.-Mexico Foundation}
}

@techreport{wilson2023,
  title = {{Mexico's Next President: Challenges and Recommendations}},
  author = {{Wilson Center Mexico Institute}},
  year = {2023},
  type = {Policy booklet},
  institution = {Woodrow Wilson International Center for Scholars}
}
"""


def _esc(text: str) -> str:
    text = " ".join(str(text).split())
    # pybtex decodes these escapes (latexcodec) when it renders an entry, but not "\$" (shown as typed); a
    # bare "$" renders as itself
    for a, b in (("\\", ""), ("{", "("), ("}", ")"), ("&", r"\&"), ("%", r"\%"), ("#", r"\#"), ("_", r"\_")):
        text = text.replace(a, b)
    return text


_URL = re.compile(r"https?://[^\s,;)'\"]+")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


def publisher_name(src: registry.Source) -> str:
    """The publisher as a reader knows it: the text before the first comma, parenthesis or semicolon."""
    name = re.split(r"[,;(]", src.publisher, maxsplit=1)[0].strip()
    return name or src.repo


def publisher_url(src: registry.Source) -> str | None:
    """The publisher's own page for the file, when the registry's description names one (or, for a FRED
    series, the series page)."""
    urls = [u.rstrip(".") for u in _URL.findall(src.publisher) if "github" not in u]
    fred = re.search(r"FRED (?:series )?([A-Z][A-Z0-9]{3,})\b", src.title)
    if not urls and fred:
        urls = [f"https://fred.stlouisfed.org/series/{fred.group(1)}"]
    return urls[0] if urls else None


def register_author_year_style() -> None:
    """Register the pybtex style ``northam`` and the citation style ``northam`` of sphinxcontrib-bibtex.

    Each entry is labelled "Publisher, Year", with a, b, ... after the year when a publisher has several
    entries of one year ("World Bank, 2025a"; "World Bank, n.d.-a" without a year), sorted by author, year and
    title. Citations in the text show that label, so two sources never look alike ("FAO AQUASTAT, n.d." stood
    for four files), and several sources in one citation are separated by semicolons."""
    from dataclasses import dataclass, field

    from pybtex.plugin import register_plugin
    from pybtex.style.formatting.unsrt import Style as Unsrt
    from pybtex.style.labels import BaseLabelStyle
    from sphinxcontrib.bibtex.plugin import register_plugin as register_citation_style
    from sphinxcontrib.bibtex.style.referencing import BracketStyle
    from sphinxcontrib.bibtex.style.referencing.label import LabelReferenceStyle

    class AuthorYearLabels(BaseLabelStyle):
        def format_labels(self, sorted_entries):
            labels = []
            for entry in sorted_entries:
                people = entry.persons.get("author") or []
                who = " ".join(str(people[0]).replace("{", "").replace("}", "").split()) if people else "Anon."
                labels.append(f"{who}, {entry.fields.get('year', 'n.d.')}")
            counts = {lab: labels.count(lab) for lab in labels}
            seen: dict[str, int] = {}
            for lab in labels:
                if counts[lab] > 1:
                    seen[lab] = seen.get(lab, 0) + 1
                    lab = f"{lab}{'-' if lab.endswith('n.d.') else ''}{_suffix(seen[lab])}"
                yield lab

    class AuthorYearStyle(Unsrt):
        default_label_style = "northam-author-year"
        default_sorting_style = "author_year_title"

        def format_entry(self, label, entry, bib_data=None):
            """sphinxcontrib-bibtex formats each entry twice with one style object at every build, as the
            reference and as its tooltip: the second time returns the first result (formatting all entries took
            a third of a build that executes nothing)."""
            done = self.__dict__.setdefault("_formatted", {})
            key = (label, entry.key, id(bib_data))
            if key not in done:
                done[key] = super().format_entry(label, entry, bib_data)
            return done[key]

    @dataclass
    class LabelCitations(LabelReferenceStyle):
        bracket_parenthetical: BracketStyle = field(default_factory=lambda: BracketStyle(sep="; "))

    register_plugin("pybtex.style.labels", "northam-author-year", AuthorYearLabels, force=True)
    register_plugin("pybtex.style.formatting", "northam", AuthorYearStyle, force=True)
    register_citation_style("sphinxcontrib.bibtex.style.referencing", "northam", LabelCitations, force=True)


def _suffix(n: int) -> str:
    """The n-th (from 1) disambiguating letter: a ... z, then aa, ab, ..."""
    letters = ""
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(ord("a") + r) + letters
    return letters


def edition_year(src: registry.Source) -> str | None:
    """The year of the edition, when the file's title states one (the latest year it names)."""
    years = _YEAR.findall(src.title)
    return max(years) if years else None


def entry(src: registry.Source) -> str:
    """One BibTeX entry: publisher as author, edition year where known, the publisher's page first and the
    pinned archived copy (exact bytes, sha256) second."""
    own = publisher_url(src)
    archived = src.url.replace("%", "\\%")  # % starts a comment in BibTeX's LaTeX
    own = own.replace("%", "\\%") if own else None
    year = edition_year(src)
    where = f"Publisher's page: \\url{{{own}}}. " if own else ""
    return (
        f"@misc{{{src.citation},\n"
        f"  title = {{{{{_esc(src.title)}}}}},\n"
        f"  author = {{{{{_esc(publisher_name(src))}}}}},\n"
        + (f"  year = {{{year}}},\n" if year else "")
        + f"  howpublished = {{{where}Archived copy used here: \\url{{{archived}}}}},\n"
        f"  note = {{File {_esc(src.file)}, sha256 {src.sha256[:16]}... License: {_esc(src.license)[:200]}}}\n"
        f"}}\n"
    )


def render() -> str:
    header = "% Generated by `python -m northam bib` from data/registry/*.yml. Do not edit by hand.\n\n"
    seen: dict[str, registry.Source] = {}
    for src in registry.sources().values():  # shapefile parts (.shp, .dbf, ...) share one citation
        seen.setdefault(src.citation, src)
    return header + REPORTS_BIB + "\n" + "\n".join(entry(s) for s in seen.values())


BIB_PATH = "_build/references.bib"  # as named in _config.yml (bibtex_bibfiles)


def write_bib(path: Path | None = None) -> Path:
    """Write the bibliography (only when its text changed, so Sphinx does not re-read it for nothing)."""
    path = Path(path or registry.REPO_ROOT / BIB_PATH)
    text = render()
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path

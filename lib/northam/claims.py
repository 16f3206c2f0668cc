"""Figures stated in the two reports, set next to the value the data gives.

Each chapter's analysis module defines ``claims() -> list[Claim]``; the chapter shows its own with
:func:`show`, and the claims-ledger page collects every chapter's with :func:`ledger`. Reported values
are quotes from the reports (the one kind of typed number allowed besides treaty parameters).
"""

from __future__ import annotations

import importlib
from dataclasses import asdict, dataclass

import pandas as pd

REPORTS = {
    "NAP2025": "The North American Project (2025)",
    "WILSON2023": "Mexico's Next President: Challenges and Recommendations (2023)",
}
TOLERANCE = 0.02  # |data - reported| / |reported| within 2% counts as reproduced

@dataclass
class Claim:
    """One figure from a report and the value the open data gives for it."""

    chapter: str
    claim: str  # the claim, paraphrased briefly
    report: str  # key of REPORTS
    section: str  # where in the report
    reported: float | None
    value: float | None  # from the data; None when no open data holds it
    unit: str
    reason: str = ""  # why the values differ (revision, different measure, different year)
    needed: str = ""  # for "no open data": what data would be needed
    basis: str = ""  # what exactly the data value is (series, year, source key)
    comparison: str = "approx"  # "approx" (within 2%), or "at least" / "at most" for "over X" / "under X"

    @property
    def difference(self) -> float | None:
        if self.reported is None or self.value is None:
            return None
        return self.value - self.reported

    @property
    def status(self) -> str:
        if self.value is None:
            return "no open data"
        if self.reported in (None, 0):
            return "differs"
        if self.comparison == "at least":
            return "reproduced" if self.value >= self.reported * (1 - TOLERANCE) else "differs"
        if self.comparison == "at most":
            return "reproduced" if self.value <= self.reported * (1 + TOLERANCE) else "differs"
        rel = abs(self.value - self.reported) / abs(self.reported)
        return "reproduced" if rel <= TOLERANCE else "differs"

    def as_row(self) -> dict:
        row = asdict(self)
        row["report"] = REPORTS.get(self.report, self.report)
        row["difference"] = self.difference
        row["status"] = self.status
        return row


COLUMNS = ["chapter", "claim", "report", "section", "reported", "value", "unit", "difference", "status",
           "reason", "needed", "basis"]


def table(claims: list[Claim]) -> pd.DataFrame:
    """Claims as a table, one row each, with difference and status."""
    return pd.DataFrame([c.as_row() for c in claims], columns=COLUMNS)


def _fmt(v) -> str:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return "–"
    return f"{v:,.3g}" if abs(v) < 10 else f"{v:,.1f}"


def to_markdown(claims: list[Claim], *, with_chapter: bool = False) -> str:
    rows = []
    for c in claims:
        note = c.reason if c.status == "differs" else (c.needed if c.status == "no open data" else c.basis)
        row = {
            "Report says": c.claim,
            "Report": f"{REPORTS.get(c.report, c.report)}, {c.section}",
            "Reported": ({"at least": "≥ ", "at most": "≤ "}.get(c.comparison, "") + _fmt(c.reported)),
            "Data": _fmt(c.value),
            "Unit": c.unit,
            "Difference": _fmt(c.difference),
            "Status": c.status,
            "Note": note,
        }
        if with_chapter:
            row = {"Chapter": c.chapter, **row}
        rows.append(row)
    return pd.DataFrame(rows).to_markdown(index=False)


def show(claims: list[Claim]) -> None:
    """Display a chapter's claims table."""
    from IPython.display import Markdown, display

    display(Markdown(to_markdown(claims)))


def collect() -> list[Claim]:
    """Every chapter's claims, in book order (imports each chapter's analysis module)."""
    out: list[Claim] = []
    for module in chapter_modules().values():
        out.extend(importlib.import_module(module).claims())
    return out


def chapter_modules() -> dict[str, str]:
    """Chapter id -> analysis module, for every chapter (book order) whose module defines ``claims()``."""
    from . import chapters

    out = {}
    for ch in chapters.chapters():
        if ch.has_module() and hasattr(importlib.import_module(ch.module), "claims"):
            out[ch.id] = ch.module
    return out


def ledger() -> pd.DataFrame:
    """The claims ledger: all claims with their status."""
    return table(collect())


def counts(ledger_table: pd.DataFrame) -> pd.DataFrame:
    """Counts of claims per chapter and status, with totals (rows: chapters + 'all')."""
    statuses = ["reproduced", "differs", "no open data"]
    t = pd.crosstab(ledger_table["chapter"], ledger_table["status"]).reindex(columns=statuses, fill_value=0)
    order = [c for c in chapter_modules() if c in t.index]
    t = t.reindex(order)
    t.loc["all"] = t.sum()
    t["total"] = t[statuses].sum(axis=1)
    return t.reset_index().rename(columns={"index": "chapter"})


def chapter_titles() -> dict[str, str]:
    """Chapter id -> title, from the chapter manifest (``_toc.yml`` and each page's heading)."""
    from . import chapters

    return {ch.id: ch.title for ch in chapters.chapters()}


def show_ledger() -> pd.DataFrame:
    """Display the whole ledger: counts per status and chapter, then one table per chapter."""
    from IPython.display import Markdown, display

    every = collect()
    t = table(every)
    display(Markdown("## Counts\n\n" + counts(t).to_markdown(index=False)))
    titles = chapter_titles()
    for chapter in chapter_modules():
        rows = [c for c in every if c.chapter == chapter]
        if rows:
            display(Markdown(f"## {titles.get(chapter, chapter)}\n\n" + to_markdown(rows)))
    return t

"""Figures stated in the two reports, set next to the value the data gives, and scored by explicit rules.

Each chapter's analysis module defines ``claims() -> list[Claim]``; the chapter shows its own with
:func:`show`, and the claims-ledger page collects every chapter's with :func:`ledger`: one row per claim,
a claim quoted in two chapters being one row that lists both (same :attr:`Claim.id`). Reported values are
quotes from the reports, the one kind of typed number allowed; data values are always computed.

Statuses (:data:`STATUSES`), decided in this order:

1. **report's arithmetic**: the report's own inputs (``report_inputs``, each within its stated rounding, put
   through a named formula of :data:`FORMULAS`) cannot give the figure it states. Both are shown.
2. **no open data**: no data value; ``needed`` names what would be needed.
3. **other measure**: the data hold a related but different measure (another scope, reporter, period or
   index, ``measure="other"``): shown with the reason, not scored.
4. **reproduced** / **differs**: same measure and period, scored by the rule that fits the figure:

   - :func:`rank_matches` for ranks, years and yes/no facts: exact, under the ranking rule the report uses
     (named in the claim's basis);
   - :func:`satisfies_bound` for "over / more than / exceeded X" (at least), "under X" (at most) and
     "nearly / almost X" (at most X, and not far below it);
   - :func:`within_rounding` otherwise: the data value rounds to the reported figure at the precision the
     report states (``rounding``, or the decimals of the quoted value), with an allowance of
     :data:`REVISION` of the reported value for revisions since the report was written.

   A claim that differs carries its reason.
"""

from __future__ import annotations

import html
import importlib
import itertools
import math
import re
from dataclasses import asdict, dataclass, field

import pandas as pd

from .numbers import minus_signs, number

REPORTS = {
    "NAP2025": "The North American Project (2025)",
    "WILSON2023": "Mexico's Next President: Challenges and Recommendations (2023)",
}
SHORT = {"NAP2025": "NAP 2025", "WILSON2023": "Wilson 2023"}
STATUSES = ("reproduced", "differs", "report's arithmetic", "other measure", "no open data")
#: Allowance for revisions of the data since the report was written: |data - reported| may exceed half the
#: rounding step by this share of the reported value (statistical agencies revise trade, FDI, employment).
REVISION = 0.01
#: "nearly X" / "almost X": at most X (within rounding) and no further below X than this share of X (or one
#: rounding step, whichever is larger).
NEARLY_SPAN = 0.05
#: Words of the reports -> the comparison they state.
COMPARISONS = {
    "approx": "approx", "about": "approx", "close to": "approx",
    "at least": "at least", "over": "at least", "more than": "at least", "exceeded": "at least",
    "at most": "at most", "under": "at most", "less than": "at most",
    "nearly": "nearly", "almost": "nearly",
}
KINDS = ("amount", "share", "growth", "ratio", "count", "rank", "year", "fact")
EXACT_KINDS = ("rank", "year", "fact")

#: Formulas for the report's own arithmetic (``Claim.arithmetic``), applied to ``report_inputs`` in order.
FORMULAS = {
    "growth": lambda new, old: 100 * (new / old - 1),  # percent change from old to new
    "ratio": lambda a, b: a / b,  # "a is x times b"
    "share": lambda part, whole: 100 * part / whole,  # percent
    "sum": lambda *xs: sum(xs),
    "difference": lambda a, b: a - b,
    "per_minute": lambda per_year: per_year / (365 * 24 * 60),  # an annual amount per minute
}


# --------------------------------------------------------------------------------------------------
# Scoring rules (each unit-tested in tests/test_claims.py)


def decimals_of(x: float) -> int:
    """Decimals of a quoted figure as typed (461.9 -> 1, 6.88 -> 2, 29 -> 0)."""
    text = repr(float(x))
    if "e" in text or "." not in text:
        return 0
    return len(text.split(".")[1].rstrip("0"))


def rounding_step(reported: float, rounding: float | None = None) -> float:
    """The precision the report states: ``rounding`` when given, else one unit of the quoted value's last
    decimal (51 -> 1, 461.9 -> 0.1)."""
    if rounding is not None:
        if rounding <= 0:
            raise ValueError(f"rounding must be positive, got {rounding}")
        return float(rounding)
    return 10.0 ** -decimals_of(reported)


def within_rounding(value: float, reported: float, step: float, revision: float = REVISION) -> bool:
    """True when ``value`` rounds to ``reported`` at the report's precision ``step`` (|difference| at most
    half a step), give or take ``revision`` of the reported value for later data revisions."""
    slack = step / 2 + revision * abs(reported)
    return abs(value - reported) <= slack + 1e-9 * max(1.0, abs(reported))


def satisfies_bound(value: float, bound: float, direction: str, step: float = 0.0,
                    revision: float = REVISION) -> bool:
    """True when ``value`` satisfies a bound the report states.

    ``direction``: "at least" (over, more than, exceeded), "at most" (under, less than) or "nearly" (almost:
    at most the bound within half a rounding step, and at least the bound minus the larger of one rounding
    step and :data:`NEARLY_SPAN` of it). Bounds allow the same revision slack as :func:`within_rounding`.
    """
    d = COMPARISONS.get(direction, direction)
    slack = revision * abs(bound)
    if d == "at least":
        return value >= bound - slack
    if d == "at most":
        return value <= bound + slack
    if d == "nearly":
        low = bound - max(step, NEARLY_SPAN * abs(bound))
        return low - slack <= value <= bound + step / 2 + slack
    raise ValueError(f"unknown bound {direction!r}; expected one of {sorted(set(COMPARISONS.values()))}")


def rank_matches(value: float, reported: float) -> bool:
    """Ranks (and years, and yes/no facts) match only exactly: 7th is not 6th. Which ranking rule applies
    (e.g. the EU counted as one unit or not) is decided before, when the data value is computed."""
    return round(float(value)) == round(float(reported)) and abs(value - round(value)) < 1e-9


def _input(v) -> tuple[float, float]:
    """A report input as (value, rounding step): a plain number's step comes from its decimals."""
    if isinstance(v, tuple):
        return float(v[0]), float(v[1])
    return float(v), rounding_step(v)


def arithmetic_range(formula: str, inputs: dict) -> tuple[float, float, float]:
    """(low, central, high) of ``formula`` applied to the report's inputs, each anywhere within its own
    rounding (every corner of the box is evaluated). ``inputs``: name -> value or (value, step)."""
    fn = FORMULAS[formula]
    pairs = [_input(v) for v in inputs.values()]
    central = fn(*[v for v, _ in pairs])
    corners = [fn(*c) for c in itertools.product(*[(v - s / 2, v + s / 2) for v, s in pairs])]
    return min(corners), central, max(corners)


def arithmetic_consistent(reported: float, low: float, high: float, step: float,
                          comparison: str = "approx") -> bool:
    """True when some result within the inputs' rounding [low, high] is compatible with the reported
    figure (its own rounding ``step``, or its bound)."""
    d = COMPARISONS.get(comparison, comparison)
    if d == "at least":
        return high >= reported
    if d == "at most":
        return low <= reported
    if d == "nearly":
        return high >= reported - max(step, NEARLY_SPAN * abs(reported)) and low <= reported + step / 2
    return high >= reported - step / 2 and low <= reported + step / 2


def infer_kind(unit: str) -> str:
    """The kind of figure from its unit when the claim does not say."""
    u = unit.lower()
    if u.startswith("rank"):
        return "rank"
    if u == "year":
        return "year"
    if "1 = holds" in u:
        return "fact"
    if "%" in u or "percent" in u:
        return "share"
    return "amount"


def slug(text: str) -> str:
    """Lower-case words joined by hyphens (ids of claims)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --------------------------------------------------------------------------------------------------
# The claim


@dataclass
class Claim:
    """One figure from a report and the value the open data gives for it.

    The first eleven fields are positional as before; the rest are keywords:

    - ``id``: identifies the claim across chapters (default: report + claim text); give the same id where
      two chapters quote the same figure.
    - ``quote``: the report's wording, briefly.
    - ``kind``: one of :data:`KINDS` (default inferred from the unit).
    - ``rounding``: the precision the report states, in the claim's unit (default: the quoted decimals).
    - ``measure``: "same" or "other" (the data hold a related but different measure: shown, not scored).
    - ``report_inputs`` and ``arithmetic``: the report's own figures behind this one, and the
      :data:`FORMULAS` entry that combines them.
    """

    chapter: str
    claim: str  # the claim, paraphrased briefly
    report: str  # key of REPORTS
    section: str  # where in the report
    reported: float | None
    value: float | None  # from the data; None when no open data holds it
    unit: str
    reason: str = ""  # why the values differ, or what the other measure is
    needed: str = ""  # for "no open data": what data would be needed
    basis: str = ""  # what exactly the data value is (series, year, source key)
    comparison: str = "approx"  # "approx", "at least" / "at most" (over / under X), "nearly" (almost X)
    id: str = ""
    quote: str = ""
    kind: str = ""
    rounding: float | None = None
    measure: str = "same"
    report_inputs: dict | None = None
    arithmetic: str = ""
    chapters: tuple = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if self.comparison not in COMPARISONS:
            raise ValueError(f"{self.claim!r}: unknown comparison {self.comparison!r}")
        self.comparison = COMPARISONS[self.comparison]
        if self.measure not in ("same", "other"):
            raise ValueError(f"{self.claim!r}: measure must be 'same' or 'other', got {self.measure!r}")
        self.kind = self.kind or infer_kind(self.unit)
        if self.kind not in KINDS:
            raise ValueError(f"{self.claim!r}: unknown kind {self.kind!r}; expected one of {KINDS}")
        if (self.report_inputs is None) != (not self.arithmetic):
            raise ValueError(f"{self.claim!r}: report_inputs and arithmetic go together")
        if self.arithmetic and self.arithmetic not in FORMULAS:
            raise ValueError(f"{self.claim!r}: unknown arithmetic {self.arithmetic!r}; expected one of "
                             f"{sorted(FORMULAS)}")
        if self.report_inputs is not None and self.reported is None:
            raise ValueError(f"{self.claim!r}: report_inputs need a reported value to check")
        if self.value is not None:
            self.value = float(self.value)
            if math.isnan(self.value):
                raise ValueError(f"{self.claim!r}: the data value is NaN; use None for no open data")
        self.id = self.id or slug(f"{self.report} {self.claim}")
        self.chapters = tuple(self.chapters) or (self.chapter,)

    # ---- derived values

    @property
    def step(self) -> float | None:
        """The report's rounding step in the claim's unit (None without a reported value)."""
        return None if self.reported is None else rounding_step(self.reported, self.rounding)

    @property
    def difference(self) -> float | None:
        if self.reported is None or self.value is None:
            return None
        return self.value - self.reported

    @property
    def report_range(self) -> tuple[float, float, float] | None:
        """(low, central, high) of what the report's own inputs give, or None."""
        if self.report_inputs is None:
            return None
        return arithmetic_range(self.arithmetic, self.report_inputs)

    @property
    def report_result(self) -> float | None:
        """What the report's own inputs give (central value), or None."""
        r = self.report_range
        return None if r is None else r[1]

    def arithmetic_ok(self) -> bool:
        """The reported figure is compatible with the report's own inputs (True without inputs)."""
        r = self.report_range
        return r is None or arithmetic_consistent(self.reported, r[0], r[2], self.step, self.comparison)

    def matches(self) -> bool:
        """The data value matches the reported figure under the rule for its kind and comparison."""
        if self.comparison != "approx":  # bounds on ranks ("among the 15 largest") allow no revision slack
            return satisfies_bound(self.value, self.reported, self.comparison, self.step,
                                   revision=0.0 if self.kind in EXACT_KINDS else REVISION)
        if self.kind in EXACT_KINDS:
            return rank_matches(self.value, self.reported)
        return within_rounding(self.value, self.reported, self.step)

    @property
    def status(self) -> str:
        if not self.arithmetic_ok():
            return "report's arithmetic"
        if self.value is None:
            return "no open data"
        if self.measure == "other":
            return "other measure"
        if self.reported is None:
            return "differs"
        return "reproduced" if self.matches() else "differs"

    @property
    def note(self) -> str:
        """The one explanation a reader needs for this status."""
        s = self.status
        if s == "report's arithmetic":
            inputs = ", ".join(f"{k} {fmt(_input(v)[0])}" for k, v in self.report_inputs.items())
            text = (f"The report's own figures ({inputs}) give {fmt(self.report_result, self._decimals() + 1)}"
                    f", not {fmt(self.reported, self._decimals())}.")
            if self.value is not None:
                text += f" The data give {fmt(self.value, self._decimals() + 1)}."
            return " ".join(x for x in (text, self.reason) if x)
        if s == "no open data":
            return self.needed
        if s == "reproduced":
            return self.basis
        return self.reason or self.basis

    def _decimals(self) -> int:
        if self.reported is None or self.kind in EXACT_KINDS:
            return 0
        return decimals_of(self.reported) if self.rounding is None else max(0, -math.floor(
            math.log10(self.rounding) + 1e-9))

    def shown_reported(self) -> str:
        """The reported figure as the report states it, with its bound ("over 1,600")."""
        if self.reported is None:
            return "–"
        prefix = {"at least": "over ", "at most": "at most ", "nearly": "nearly "}.get(self.comparison, "")
        if self.kind == "year":
            return prefix + str(int(self.reported))
        return prefix + fmt(self.reported, self._decimals())

    def shown_value(self) -> str:
        if self.value is None:
            return "–"
        if self.kind == "year":
            return str(int(self.value))
        whole = self.kind in EXACT_KINDS or float(self.value).is_integer()
        return fmt(self.value, 0 if whole else self._decimals() + 1)

    def as_row(self) -> dict:
        row = asdict(self)
        row["report_key"] = self.report
        row["report"] = REPORTS.get(self.report, self.report)
        row["chapters"] = "; ".join(self.chapters)
        row["report_inputs"] = ("; ".join(f"{k}: {_input(v)[0]:g}" for k, v in self.report_inputs.items())
                                if self.report_inputs else "")
        row["report_result"] = self.report_result
        row["difference"] = self.difference
        row["status"] = self.status
        row["note"] = self.note
        return row


def fmt(v, decimals: int | None = None) -> str:
    """A number for the tables (:func:`northam.numbers.number`: thousands separators, a real minus sign, no
    negative zero) with ``decimals`` digits (default: as typed)."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return number(None)
    return number(v, decimals_of(v) if decimals is None else decimals)


COLUMNS = ["id", "chapter", "chapters", "claim", "report", "report_key", "section", "quote", "kind",
           "comparison", "reported", "rounding", "value", "unit", "difference", "status", "note", "reason",
           "needed", "basis", "measure", "report_inputs", "arithmetic", "report_result"]


def table(claims: list[Claim]) -> pd.DataFrame:
    """Claims as a table, one row each, with difference, status and note."""
    return pd.DataFrame([c.as_row() for c in claims], columns=COLUMNS)


# --------------------------------------------------------------------------------------------------
# Collecting the chapters' claims


def chapter_modules() -> dict[str, str]:
    """Chapter id -> analysis module, for every chapter (book order) whose module defines ``claims()``."""
    from . import chapters

    out = {}
    for ch in chapters.chapters():
        if ch.has_module() and hasattr(importlib.import_module(ch.module), "claims"):
            out[ch.id] = ch.module
    return out


def merge(claims: list[Claim]) -> list[Claim]:
    """One claim per id, in order of first appearance, listing every chapter that quotes it.

    A claim quoted twice must be stated the same way: same report, reported figure and status, else
    ValueError (two chapters must not score one figure differently). A chapter quoting one id twice is an
    error too.
    """
    seen: dict[str, Claim] = {}
    out: list[Claim] = []
    for c in claims:
        first = seen.get(c.id)
        if first is None:
            seen[c.id] = c
            out.append(c)
            continue
        if c.chapter in first.chapters:
            raise ValueError(f"claim id {c.id!r} appears twice in chapter {c.chapter!r}")
        if (first.report, first.reported, first.status) != (c.report, c.reported, c.status):
            raise ValueError(
                f"claim {c.id!r} is scored differently in {first.chapters} ({first.reported}, {first.status}) "
                f"and {c.chapter!r} ({c.reported}, {c.status})")
        first.chapters = (*first.chapters, c.chapter)
    return out


def publish(claims: list[Claim]) -> None:
    """Inside the book build, keep the running chapter's claims for the ledger (``_build/claims/``)."""
    from . import deps

    deps.write_output("claims", [asdict(c) for c in claims])


def published(docname: str) -> list[Claim] | None:
    """The claims chapter ``docname`` published when it last ran in the book build, or None (outside the
    build, or when it has not published)."""
    from . import deps

    rows = deps.read_output("claims", docname)
    if rows is None:
        return None
    for row in rows:  # JSON turns tuples into lists
        row["chapters"] = tuple(row["chapters"])
        if row["report_inputs"]:
            row["report_inputs"] = {k: tuple(v) if isinstance(v, list) else v
                                    for k, v in row["report_inputs"].items()}
    return [Claim(**row) for row in rows]


def collect() -> list[Claim]:
    """Every chapter's claims in book order, one per id (see :func:`merge`).

    In the book build each chapter publishes its claims when it runs (:func:`show`), and the ledger reads
    those: it re-executes when a chapter's claims change, not whenever a chapter's code does. Elsewhere
    (JupyterLab, tests) the claims are computed from the chapters' analysis modules.
    """
    from . import chapters

    every: list[Claim] = []
    for ch in chapters.chapters():
        kept = published(ch.docname)
        if kept is not None:
            every.extend(kept)
        elif ch.has_module() and hasattr(module := importlib.import_module(ch.module), "claims"):
            every.extend(module.claims())
    return merge(every)


def ledger() -> pd.DataFrame:
    """The claims ledger: one row per claim with its status."""
    return table(collect())


def counts(ledger_table: pd.DataFrame) -> pd.DataFrame:
    """Claims per chapter and status, with totals. A claim quoted in two chapters counts in each; the row
    'all' counts distinct claims."""
    per = ledger_table.assign(chapter=ledger_table["chapters"].str.split("; ")).explode("chapter")
    t = pd.crosstab(per["chapter"], per["status"]).reindex(columns=list(STATUSES), fill_value=0)
    from . import chapters

    order = [ch.id for ch in chapters.chapters() if ch.id in t.index]
    t = t.reindex(order).fillna(0).astype(int)
    t.loc["all"] = ledger_table["status"].value_counts().reindex(list(STATUSES), fill_value=0)
    t["total"] = t[list(STATUSES)].sum(axis=1)
    return t.rename_axis(None, axis=1).rename_axis("chapter").reset_index()


def chapter_titles() -> dict[str, str]:
    """Chapter id -> title, from the chapter manifest (``_toc.yml`` and each page's heading)."""
    from . import chapters

    return {ch.id: ch.title for ch in chapters.chapters()}


# --------------------------------------------------------------------------------------------------
# Display


def _text(text: str) -> str:
    """Plain text for an HTML cell: escaped, with typographic quotes and real minus signs."""
    from docutils.utils.smartquotes import smartyPants

    return smartyPants(html.escape(minus_signs(str(text)), quote=False), attr="qe", language="en")


def to_markdown(claims: list[Claim], *, with_chapter: bool = False, titles: dict | None = None,
                current: str | None = None, href: str | None = None) -> str:
    """A table of claims (an HTML table, which Markdown passes through) with four columns: the claim with
    its report and section, the reported figure, the data value and the status with its note. Every cell
    carries its column's name (``data-label``), so that on a phone each row reads as a card (see
    ``book/_static/northam.css``).

    On a chapter's page (``href`` None) each row has the id ``claim-<id>``; with ``href`` (the chapter's
    page) the claim links to that row. With ``with_chapter``, a claim also quoted in other chapters than
    ``current`` names them (``titles``: chapter id -> title)."""
    cols = (("Report says", "text-left"), ("Reported", "text-right"), ("Data", "text-right"),
            ("Status", "text-left"))
    head = "".join(f'<th scope="col" class="head {cls}">{name}</th>' for name, cls in cols)
    rows = []
    for c in claims:
        where = f"{SHORT.get(c.report, c.report)}, {c.section}"
        others = [(titles or {}).get(x, x) for x in c.chapters if x != (current or c.chapter)]
        if with_chapter and others:
            where += "; also in " + ", ".join(others)
        says = _text(c.claim)
        if href:
            says = f'<a href="{href}#claim-{c.id}">{says}</a>'
        status = f"<strong>{_text(c.status)}</strong>" + (f": {_text(c.note)}" if c.note else "")
        cells = (f"{says}<br><small>{_text(where)} · {_text(c.unit)}</small>", _text(c.shown_reported()),
                 _text(c.shown_value()), status)
        tds = "".join(f'<td data-label="{name}" class="{cls}">{cell}</td>' for (name, cls), cell
                      in zip(cols, cells, strict=True))
        row_id = "" if href else f' id="claim-{c.id}"'
        rows.append(f'<tr{row_id} class="claim-{slug(c.status)}">{tds}</tr>')
    return ('<div class="pst-scrollable-table-container"><table class="table claims-table">\n'
            f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody></table></div>\n")


def show(claims: list[Claim]) -> None:
    """Display a chapter's claims table (and, in the book build, publish them for the ledger)."""
    from IPython.display import Markdown, display

    publish(claims)

    display(Markdown(to_markdown(claims)))


def csv_table(ledger_table: pd.DataFrame) -> pd.DataFrame:
    """The ledger as published: one row per claim, plain columns; ``reason`` is the note of the status (the
    reason a value differs or is another measure, what is needed when there is no open data), empty for a
    reproduced figure unless the claim gives one."""
    ledger_table = ledger_table.assign(
        note=ledger_table["note"].where(ledger_table["status"] != "reproduced", ledger_table["reason"]))
    out = ledger_table[["id", "chapters", "report", "section", "claim", "quote", "kind", "comparison",
                        "reported", "value", "unit", "status", "note", "report_inputs", "report_result",
                        "basis"]]
    return out.rename(columns={"note": "reason", "value": "data_value", "reported": "reported_value",
                               "report_result": "report_arithmetic_result"})


def _link(ch) -> str:
    return f'<a href="../{ch.html}">{ch.title}</a>'


def show_ledger() -> pd.DataFrame:
    """Display the whole ledger: counts per status and chapter, the CSV download, then one table per
    chapter (a claim quoted in two chapters appears in both). Returns the ledger table."""
    from IPython.display import Markdown, display

    from . import chapters, downloads

    every = collect()
    t = table(every)
    path = downloads.write_table(
        "claims-ledger", csv_table(t), title="Claims ledger",
        source="The North American Project (2025) and Mexico's Next President (2023) for the reported values; "
               "each chapter's open data for the data values (see the chapters)",
        description="One row per figure of the two reports: where the report states it, the reported value, "
                    "the value the data give, the unit, the status (reproduced, differs, report's arithmetic, "
                    "other measure, no open data) and the reason. 'chapters' lists every chapter that quotes "
                    "the claim.",
        units={"reported_value": "see column unit", "data_value": "see column unit",
               "report_arithmetic_result": "see column unit"},
        derived_from={ch.id: ch.title for ch in chapters.chapters() if any(ch.id in c.chapters for c in every)})
    pages = {ch.id: ch for ch in chapters.chapters()}
    c = counts(t)
    labels = {k: _link(v) for k, v in pages.items()}
    c["chapter"] = [labels.get(x, "All claims (distinct)" if x == "all" else x) for x in c["chapter"]]
    c = c.rename(columns={"chapter": "Chapter", "report's arithmetic": "report's arithm.",
                          "no open data": "no open data", "total": "total"})
    display(Markdown(
        "## Counts\n\n" + c.to_markdown(index=False) + "\n\nA claim quoted in two chapters counts in each "
        f"chapter's row and once in the last row. Download the ledger: "
        f'<a href="{downloads.site_link(path)}">claims-ledger.csv</a> (one row per claim).'))
    titles = {k: v.title for k, v in pages.items()}
    for chapter in pages:  # not chapter_modules(): the ledger must not import the chapters' code
        rows = [x for x in every if chapter in x.chapters]
        if rows:
            ch = pages[chapter]
            display(Markdown(f"## {ch.title}\n\nChapter {ch.number}: {_link(ch)}, {len(rows)} claims.\n\n"
                             + to_markdown(rows, with_chapter=True, titles=titles, current=chapter,
                                           href=f"../{ch.html}")))
    return t


def __getattr__(name: str):
    if name == "CHAPTERS":  # chapter id -> analysis module (older name of chapter_modules())
        return chapter_modules()
    raise AttributeError(name)

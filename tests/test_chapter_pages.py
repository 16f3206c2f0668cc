"""Chapter pages read like articles (checked on their MyST Markdown files).

One parametrized test per rule: every glued name is a key number whose format spec works; the house order
of sections; key findings of 3 to 5 sentences whose numbers are all glued; a "Finding." after every chart;
little code, all hidden, no pandas or drawing in the page; the "No open data found" notes kept; the
figures' drawing code lives in ``northam.figures``, not in the analysis modules.
"""

from __future__ import annotations

import importlib
import inspect
import re

import pytest

from page_text import ORDER, _cells, _code, _markdown, glued_names

#: page id -> (analysis module, number of ``page.missing`` notes the page must keep)
PAGES = {"north-america": ("north_america", 0), "world": ("world", 5), "trade": ("trade", 5), "agri": ("agri", 6),
         "maps": ("maps", 2)}
#: Helpers of the figure modules that show a table, not a chart.
TABLES = {"usmca_claims_table", "revisions_table", "electronics_table", "enduse_table", "produce_share_table",
          "top_partners", "fdi_ranks", "hightech_ranks", "lpi_ranks", "resource_rents"}


@pytest.mark.parametrize("page_id", PAGES)
def test_every_glued_name_is_a_key_number(page_id):
    numbers = importlib.import_module(f"northam.analysis.{PAGES[page_id][0]}").key_numbers()
    names = glued_names(page_id)
    assert names, f"{page_id}: no glued numbers found"
    for name, spec in names:
        assert name in numbers, f"{page_id}: {name} is glued but not a key number"
        format(numbers[name], spec)  # the page's format spec works on the value


@pytest.mark.parametrize("page_id", PAGES)
def test_sections_in_the_house_order(page_id):
    text = _markdown(page_id)
    assert text.startswith("# ")
    positions = [text.index(marker) for marker in ORDER]
    assert positions == sorted(positions), f"{page_id}: sections out of order"
    assert ":class: important" in text
    first_chart = text.index("**Finding.**")
    assert text.index("## The data") < first_chart, "nothing but title, findings, question and data before a chart"
    code = _code(page_id)
    assert "page.begin(" in code[0] and "page.cite_this()" in code[-1]
    assert any(f"claims.show({PAGES[page_id][0]}.claims())" in c for c in code)


@pytest.mark.parametrize("page_id", PAGES)
def test_key_findings_numbers_are_glued(page_id):
    box = _markdown(page_id).split(":::{admonition} Key findings", 1)[1].split("\n:::", 1)[0]
    prose = re.sub(r"\{glue:text\}`[^`]*`", "", box.replace(":class: important", ""))
    assert not re.search(r"\d", prose), f"{page_id}: a number in the key findings is not glued: {prose}"
    assert 3 <= len(re.findall(r"[.!?](?:\s|$)", prose)) <= 5, f"{page_id}: key findings should be 3 to 5 sentences"


@pytest.mark.parametrize("page_id", PAGES)
def test_every_chart_is_followed_by_a_finding(page_id):
    cells = _cells(page_id)
    charts = 0
    for i, cell in enumerate(cells):
        calls = re.findall(r"^figures\.(\w+)\(", cell.source, flags=re.M) if cell.cell_type == "code" else []
        if set(calls) - TABLES:
            charts += 1
            following = next((c.source for c in cells[i + 1:] if c.cell_type == "markdown"), "")
            assert following.lstrip().startswith("**Finding.**"), f"{page_id}: no finding after {calls}"
    assert charts >= 1


@pytest.mark.parametrize("page_id", PAGES)
def test_little_hidden_code_and_no_pandas(page_id):
    lines = [line for c in _code(page_id) for line in c.splitlines() if line.strip()]
    assert len(lines) <= 60, f"{page_id}: {len(lines)} lines of code"
    assert all(c.metadata.get("tags") == ["remove-input"] for c in _cells(page_id) if c.cell_type == "code")
    assert not any(re.search(r"\bpd\.|import pandas|charts\.|\.merge\(|\.pivot|\.loc\[|\.groupby", line)
                   for line in lines)


@pytest.mark.parametrize("page_id", PAGES)
def test_no_open_data_notes_are_kept(page_id):
    assert sum(c.count("page.missing(") for c in _code(page_id)) == PAGES[page_id][1]


@pytest.mark.parametrize("page_id", PAGES)
def test_figures_follow_the_convention_and_analysis_does_not_draw(page_id):
    module = PAGES[page_id][0]
    analysis = importlib.import_module(f"northam.analysis.{module}")
    source = inspect.getsource(analysis)
    assert not re.search(r"^\s*(import matplotlib|from matplotlib|from \.\. import .*charts|from \.\.charts)", source,
                         flags=re.M), f"northam.analysis.{module} imports a drawing module"
    figures = importlib.import_module(f"northam.figures.{module}")
    for call in {c for cell in _code(page_id) for c in re.findall(r"^figures\.(\w+)\(", cell, flags=re.M)}:
        fn = getattr(figures, call)
        params = list(inspect.signature(fn).parameters.values())
        if call in TABLES:
            assert all(p.default is not inspect.Parameter.empty for p in params), f"{call}: a table helper's arguments have defaults"
            continue
        assert [p.name for p in params] == ["data"] and params[0].default is None, f"{call}: signature"
        assert "charts.publish(" in inspect.getsource(fn), f"{call} does not publish its figure"

"""A page re-executes exactly when something it used changed, and a build leaves git clean.

Every test here works in a copy of the book (the repository without .git/.venv, with its _toc.yml cut
to two chapters to keep the run short) that starts from the main build's execution cache and records.
Each step changes one thing. The builds read, from the build log, which pages MyST-NB executed: a researcher's
fork, which is the copy's first build (a new chapter reading a new source: it, the ledger and data & methods,
which list the chapters; then an edit of its analysis: only that chapter; then a new claim: the chapter and the
ledger), a failing page, and a retitled source (data & methods, and the pages that cite rewritten). The other
steps (the cut table of contents before any build, a chart-module edit, a new lock file, a new vintage of a
data file) read the same decision from `python -m northam stale`, the function the build itself calls for every
page (``deps.stale``), instead of building: the builds around them already prove that the build executes
exactly the pages that function names, and every unchanged page of every build above is a cache hit. The tests
run in order. The claims ledger reads
the claims each chapter publishes, so it re-executes only when those change; data & methods reads the list of
files each chapter publishes and the whole registry, so it re-executes when either changes.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from northam import registry
from northam.sphinxext import EXECUTED_FLAG_ENV

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.book
KEPT_CHAPTERS = ["notebooks/north-america", "notebooks/autos"]
EXECUTED = re.compile(r"/([\w-]+/[\w-]+)\.md(?:: Executing notebook| in [\d.]+ s)")


class BookCopy:
    def __init__(self, root: Path, env: dict):
        self.root, self.env = root, env

    def run(self, *cmd: str) -> str:
        proc = subprocess.run(list(cmd), cwd=self.root, env=self.env, capture_output=True, text=True, timeout=900)
        out = proc.stdout + proc.stderr
        assert proc.returncode == 0, out[-4000:]
        return out

    def build(self) -> set[str]:
        """Build the copy with warnings as errors; return the docnames executed."""
        out = self.run(sys.executable, "-m", "northam", "build")
        return set(EXECUTED.findall(out))

    def append(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    def stale(self) -> set[str]:
        """The pages the next build would re-execute (``python -m northam stale``, the build's own decision)."""
        out = self.run(sys.executable, "-m", "northam", "stale")
        return {line.split(":", 1)[0] for line in out.splitlines() if ": " in line}


def _fork(book: BookCopy, own: Path) -> None:
    """A researcher's first steps: `new-chapter`, then `add-source` with a local CSV (``own``) that the new
    page reads."""
    book.run(sys.executable, "-m", "northam", "new-chapter", "labor-canada", "--title", "Labour in Canada")
    assert "labor-canada" in (book.root / "_toc.yml").read_text()
    own.write_text("province,wage\nOntario,31.25\nQuebec,29.5\n")
    book.run(sys.executable, "-m", "northam", "add-source", str(own), "--domain", "labor-canada",
             "--title", "Hourly wages", "--publisher", "A researcher", "--license", "CC-BY-4.0")
    page = book.root / "notebooks" / "labor-canada.md"
    page.write_text(page.read_text().replace("## The reports' figures next to the data", (
        "```{code-cell} ipython3\n:tags: [remove-input]\n\nimport pandas as pd\n\n"
        "from northam import registry\n\npd.read_csv(registry.fetch(\"wages.csv\"))\n```\n\n"
        "## The reports' figures next to the data")))


@pytest.fixture(scope="module")
def book_copy(executed_book, tmp_path_factory):
    """The copy, made as soon as the main build has executed every page (it goes on writing the HTML)."""
    if executed_book is not None:  # the main build had finished (or failed) already
        assert executed_book.code == 0, executed_book.log[-3000:]
    tmp = tmp_path_factory.mktemp("rebuild")
    copy = tmp / "book"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".cache", ".git", "_build", "__pycache__",
                                                               "*.egg-info", ".pytest_cache"))
    toc = yaml.safe_load((copy / "_toc.yml").read_text())
    toc["parts"][0]["chapters"] = [{"file": f} for f in KEPT_CHAPTERS]
    (copy / "_toc.yml").write_text(yaml.safe_dump(toc, sort_keys=False))
    (copy / "book" / "index.md").write_text("# A copy with two chapters\n")  # the front page quotes all nine
    for kept in (".jupyter_cache", "deps", "figures", "claims", "data"):
        shutil.copytree(ROOT / "_build" / kept, copy / "_build" / kept)
    mirror = tmp / "mirror"  # a mirror of links, so one file can be changed without touching the real one
    real = registry.mirror_dir()
    for path in real.rglob("*"):
        if path.is_file():
            (mirror / path.relative_to(real)).parent.mkdir(parents=True, exist_ok=True)
            (mirror / path.relative_to(real)).symlink_to(path)
    env = {**os.environ, "PYTHONPATH": f"{copy / 'lib'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
           "NORTHAM_DATA_CACHE": str(tmp / "cache"), "NORTHAM_DATA_MIRROR": str(mirror),
           "NORTHAM_PDF": "0"}  # the PDF edition is tested on the main build (test_pdf.py)
    env.pop(EXECUTED_FLAG_ENV, None)
    book = BookCopy(copy, env)
    book.cut_toc = book.stale()  # the cut table of contents is an input of the ledger and data & methods only
    book.wages = tmp / "wages.csv"
    _fork(book, book.wages)
    book.first = book.build()  # the copy's first build: the fork, on top of the cut table of contents
    return book


def test_cut_toc_makes_only_the_pages_that_list_the_chapters_stale(book_copy):
    assert book_copy.cut_toc == {"book/claims-ledger", "book/data-and-methods"}


def test_a_researchers_fork_builds_and_rebuilds_only_what_it_changed(book_copy):
    """A researcher's path, in order: `new-chapter`, `add-source` with a local CSV read by the new page,
    build (:func:`_fork`, the copy's first build); edit the chapter's analysis (only that chapter re-executes,
    its tests pass); give it a claim (the ledger re-executes too, and lists it)."""
    book = book_copy
    # data & methods lists the new source and the file the new chapter read; the cut table of contents
    # re-executes nothing more
    assert book.first == {"notebooks/labor-canada", "book/claims-ledger", "book/data-and-methods"}
    text = (book.root / "_build" / "html" / "notebooks" / "labor-canada.html").read_text()
    assert "Labour in Canada" in text and "The reports" in text and "Cite this page" in text
    assert "Ontario" in text and "31.25" in text
    methods = (book.root / "_build" / "html" / "book" / "data-and-methods.html").read_text()
    assert re.search(r"Labour in Canada</strong>: [^<]*wages\.csv \(A researcher\)", methods), "sources by chapter"
    assert registry.file_sha256(book.wages) in methods, "every source file"

    book.append("lib/northam/analysis/labor_canada.py", "\n# the researcher edits the analysis\n")
    assert book.build() == {"notebooks/labor-canada"}  # its claims did not change: the ledger stands
    book.run(sys.executable, "-m", "pytest", "-q", "-n0", "-p", "no:cacheprovider",
             str(book.root / "tests" / "test_labor_canada.py"))

    book.append("lib/northam/analysis/labor_canada.py", (
        "\n\ndef claims() -> list[Claim]:\n"
        "    return [Claim(\"labor-canada\", \"Hourly wage in Ontario\", \"NAP2025\", \"Example\", 31.0, 31.25,\n"
        "                  \"US dollars per hour\")]\n"))
    assert book.build() == {"notebooks/labor-canada", "book/claims-ledger"}
    ledger = (book.root / "_build" / "html" / "book" / "claims-ledger.html").read_text()
    assert "Hourly wage in Ontario" in ledger


def stale_after(book: BookCopy, rel: str, text: str) -> set[str]:
    """Append ``text`` to file ``rel``, read which pages the next build would re-execute
    (``python -m northam stale``, the build's own decision), then restore the file."""
    path = book.root / rel
    before = path.read_bytes()
    book.append(rel, text)
    try:
        stale = book.stale()
    finally:
        path.write_bytes(before)
    assert book.run(sys.executable, "-m", "northam", "stale").strip() == "no page has a changed input"
    return stale


def test_editing_the_chart_module_makes_every_page_that_draws_stale(book_copy):
    assert stale_after(book_copy, "lib/northam/charts.py", "\n# an edit\n") == {
        "notebooks/north-america", "notebooks/autos", "notebooks/labor-canada"}


def test_changing_the_lock_file_makes_every_page_stale(book_copy):
    assert stale_after(book_copy, "requirements.lock", "\n") == {
        "notebooks/north-america", "notebooks/autos", "notebooks/labor-canada", "book/claims-ledger",
        "book/data-and-methods"}


def test_a_failing_page_stops_the_build_with_its_traceback_and_name(book_copy):
    """The pool leaves a failing page out of the cache; MyST-NB runs it again and stops the build."""
    page = book_copy.root / "notebooks" / "north-america.md"
    before = page.read_text(encoding="utf-8")
    first = before.index("```{code-cell}")
    page.write_text(before[:first] + "```{code-cell} ipython3\nraise RuntimeError('deliberate failure')\n```\n\n"
                    + before[first:], encoding="utf-8")
    try:
        proc = subprocess.run([sys.executable, "-m", "northam", "build"], cwd=book_copy.root, env=book_copy.env,
                              capture_output=True, text=True, timeout=900)
    finally:
        page.write_text(before, encoding="utf-8")
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "RuntimeError" in out and "deliberate failure" in out and "north-america" in out, out[-3000:]


def test_a_build_that_warned_fails_again_until_the_page_is_fixed(book_copy):
    """A warning fails the build (-W); the next build, with nothing changed, must fail again, not skip the page
    that warned because Sphinx saved its environment."""
    index = book_copy.root / "book" / "index.md"
    before = index.read_text(encoding="utf-8")
    index.write_text(before + "\nA key no page glues: {glue:text}`../notebooks/autos.md::no_such_key:.0f`.\n",
                     encoding="utf-8")
    try:
        for attempt in ("first", "again"):
            proc = subprocess.run([sys.executable, "-m", "northam", "build"], cwd=book_copy.root, env=book_copy.env,
                                  capture_output=True, text=True, timeout=900)
            out = proc.stdout + proc.stderr
            assert proc.returncode != 0 and "no_such_key" in out, (attempt, out[-3000:])
    finally:
        index.write_text(before, encoding="utf-8")


def test_a_new_data_hash_makes_only_its_readers_and_the_list_of_sources_stale(book_copy):
    # read by the north-america chapter (the lighter one) and by the fork, whose scaffolded analysis starts from it
    key = "census_country_goods_trade_1985-2026jan.xlsx"
    src = registry.source(key)
    mirror = Path(book_copy.env["NORTHAM_DATA_MIRROR"]) / src.domain / src.file
    reg = book_copy.root / "data" / "registry" / f"{src.domain}.yml"
    registry_text, data = reg.read_text(), mirror.read_bytes()
    mirror.unlink()
    mirror.write_bytes(data + b"\n")  # a new vintage of the file: other bytes
    reg.write_text(registry_text.replace(src.sha256, registry.file_sha256(mirror)))
    try:
        out = book_copy.run(sys.executable, "-m", "northam", "stale")
    finally:
        mirror.unlink()
        mirror.symlink_to(registry.mirror_dir() / src.domain / src.file)
        reg.write_text(registry_text)
    assert {line.split(":", 1)[0] for line in out.splitlines() if ": " in line} == {
        "notebooks/north-america", "notebooks/labor-canada", "book/data-and-methods"}, out  # data & methods lists every file's hash
    assert key in out, "the reason names the file"
    assert book_copy.run(sys.executable, "-m", "northam", "stale").strip() == "no page has a changed input"


def _citations(book: BookCopy, page: str) -> list[tuple[str, str, str]]:
    """The citations on a built page: (anchor in the references, label shown, the entry in its tooltip)."""
    text = (book.root / "_build" / "html" / f"{page}.html").read_text()
    return [(a, html.unescape(label), " ".join(html.unescape(tip).split())) for a, tip, label in re.findall(
        r'<a class="reference internal" href="[^"]*references\.html#([^"]+)" title="([^"]*)">([^<]+)</a>', text)]


def _references(book: BookCopy) -> dict[str, tuple[str, str]]:
    """The references page: anchor -> (label, the entry as text)."""
    text = (book.root / "_build" / "html" / "book" / "references.html").read_text()
    return {a: (html.unescape(label), " ".join(html.unescape(re.sub(r"<[^>]+>", "", body)).split()))
            for a, label, body in re.findall(
                r'<div class="citation" id="([^"]+)"[^>]*>\s*<span class="label"><span class="fn-bracket">\[</span>'
                r'(.*?)<span class="fn-bracket">\]</span></span>\s*<p>(.*?)</p>', text, flags=re.S)}


def test_a_changed_bibliography_reaches_the_pages_that_cite_it(book_copy):
    """A source's title edited in the registry re-orders its publisher's entries, so their letters move
    ("n.d.-a" becomes "-c"). No chapter re-executes (only data & methods, which lists every title), but every page
    that cites is written again: each citation shows the label, and links to the entry, that the references page
    now gives it."""
    book = book_copy
    reg = book.root / "data" / "registry" / "autos.yml"
    before = reg.read_text()
    old = "title: All Employees, Manufacturing (FRED series MANEMP)"
    assert old in before
    shown_before = {label for _, label, tip in _citations(book, "notebooks/autos") if "MANEMP" in tip}
    reg.write_text(before.replace(old, "title: Manufacturing, all employees (FRED series MANEMP)"))
    try:
        assert book.stale() == {"book/data-and-methods"}
        assert book.build() == {"book/data-and-methods"}  # it lists every title; no chapter re-executes
        refs, cited = _references(book), _citations(book, "notebooks/autos")
    finally:
        reg.write_text(before)
    assert {label for _, label, tip in cited if "MANEMP" in tip} != shown_before, "the letter did not move"
    for anchor, label, tip in cited:
        assert (label, tip[:80]) == (refs[anchor][0], refs[anchor][1][:80]), (anchor, label, tip[:80], refs[anchor])


def test_build_leaves_the_working_tree_clean(built_book):
    """`python -m northam build` writes nothing into tracked or untracked files of the repository."""
    assert built_book.status_after == built_book.status_before, (built_book.status_before, built_book.status_after)

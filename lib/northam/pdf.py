"""The PDF edition: the whole book as one PDF, printed from Jupyter Book's single-page HTML.

:func:`make_pdf` does it in four steps:

1. ``jupyter-book build . --builder singlehtml -W -n --keep-going`` writes the book as one page into
   ``_build/singlehtml/`` (the pages come from the execution cache, so nothing re-executes after the
   HTML build; the build must be free of warnings, as the HTML one is).
2. A print copy of that page is written beside it (``_build/singlehtml/north-american-integration.html``,
   so that ``_static/`` resolves): a title page from ``CITATION.cff``, a table of contents, every page of
   the book marked to start on a new page (chapters with their number), links to files of the web
   edition (CSV downloads, data packages) made plain text, and ``book/_static/print.css`` linked.
3. Debian's headless Chromium (through chromedriver and the DevTools ``Page.printToPDF`` command, never
   a downloaded browser) prints it on US Letter with a PDF outline. The page of each contents entry is
   then read from the PDF's text (``pdftotext``, poppler-utils), written into the contents, and the
   page is printed again.
4. The PDF is written to ``_build/pdf/north-american-integration.pdf`` and copied into ``_build/html/``,
   where the landing page links it.

``python -m northam build`` calls :func:`make_pdf` after a successful HTML build; it skips the work when
a fingerprint of the HTML build (and of this module, the print CSS and ``CITATION.cff``) matches the one
recorded with the last PDF, and when Chromium is not installed (saying so). ``python -m northam pdf``
always makes it.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import chapters, registry
from .registry import REPO_ROOT

PDF_NAME = "north-american-integration.pdf"
PRINT_HTML = "north-american-integration.html"
PRINT_CSS = "print.css"  # in book/_static/, copied to _static/ of every build
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
#: Set to 0 to make ``python -m northam build`` leave the PDF out (``--no-pdf`` does the same).
ENV_SWITCH = "NORTHAM_PDF"


class PdfError(RuntimeError):
    """The PDF edition could not be made (the message says which step failed)."""


@dataclass(frozen=True)
class TocEntry:
    """One line of the PDF's table of contents."""

    anchor: str  # id of the element the entry links to
    title: str
    number: int = 0  # chapter number (0: not a chapter)
    part: str = ""  # caption of its part in _toc.yml ("" for the overview)


def pdf_path(root: Path = REPO_ROOT) -> Path:
    """Where the PDF edition is written: ``_build/pdf/north-american-integration.pdf``."""
    return root / "_build" / "pdf" / PDF_NAME


def browser_available() -> bool:
    """Whether Debian's chromium and its driver are installed (nothing is ever downloaded)."""
    return CHROMIUM.exists() and CHROMEDRIVER.exists()


def citation(root: Path = REPO_ROOT) -> dict:
    """The book's ``CITATION.cff`` (title, abstract, authors, version, date-released, license)."""
    return registry.read_yaml((root / "CITATION.cff").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------------------------------
# 1. The single-page HTML


def build_singlehtml(root: Path = REPO_ROOT) -> int:
    """Run Jupyter Book's single-page HTML builder (warnings are errors); return its exit code."""
    jb = str(Path(sys.executable).with_name("jupyter-book"))
    return subprocess.call([jb, "build", str(root), "--builder", "singlehtml", "-W", "-n", "--keep-going", "-q"],
                           cwd=root)


# --------------------------------------------------------------------------------------------------
# 2. The print copy


def _text(node) -> str:
    return " ".join(node.get_text(" ", strip=True).split())


def _authors(cff: dict) -> str:
    names = []
    for a in cff.get("authors", []):
        names.append(a.get("name") or " ".join(x for x in (a.get("given-names"), a.get("family-names")) if x))
    return ", ".join(n for n in names if n)


def _title_page(cff: dict, built: str) -> str:
    e = html.escape
    authors, version, date = _authors(cff), cff.get("version", ""), cff.get("date-released", "")
    year = str(date)[:4]
    cite = f"{authors} ({year}). {cff['title']}. Version {version}." if year else f"{authors}. {cff['title']}."
    band = "".join(f'<span style="background:{c}"></span>' for c in ("#0072B2", "#009E73", "#D55E00"))
    return (
        '<section class="northam-titlepage" id="northam-title">'
        f'<div class="tp-band">{band}</div>'
        '<p class="tp-kicker">PDF edition</p>'
        f'<h1 class="tp-title">{e(cff["title"])}</h1>'
        f'<p class="tp-subtitle">{e(" ".join(str(cff.get("abstract", "")).split()))}</p>'
        f'<p class="tp-authors">{e(authors)}</p>'
        f'<p class="tp-meta">Version {e(str(version))} · released {e(str(date))}</p>'
        '<div class="tp-foot">'
        f'<p>Printed on {e(built)} from the same sources as the HTML book: every chart and every number is '
        'computed from registered public data files when the book is built. Figures link to their data '
        'in the HTML edition.</p>'
        f'<p><strong>Cite as:</strong> {e(cite)}</p>'
        f'<p>Code and text: {e(str(cff.get("license", "")))} licence. Data: each publisher\'s own licence, '
        'listed in <em>Data and methods</em>.</p>'
        '</div></section>'
    )


def _toc_html(entries: list[TocEntry]) -> str:
    e = html.escape
    out, part = ['<nav class="northam-toc" id="northam-contents"><h2>Contents</h2>'], None
    for entry in entries:
        if entry.part != part:
            if part is not None:
                out.append("</ol>")
            if entry.part:
                out.append(f'<p class="toc-part">{e(entry.part)}</p>')
            out.append("<ol>")
            part = entry.part
        num = str(entry.number) if entry.number else ""
        out.append(f'<li><a href="#{e(entry.anchor)}"><span class="toc-num">{num}</span>'
                   f'<span class="toc-title">{e(entry.title)}</span><span class="toc-page"></span></a></li>')
    out.append("</ol></nav>")
    return "".join(out)


_WEB_PAGE = re.compile(r"^(?:\.\./)*((?:book|notebooks)/[\w.-]+?)\.html(#.*)?$")


def _relink(soup) -> None:
    """Keep links inside the PDF and to the web; make links to files of the HTML edition plain text."""
    for a in soup.find_all("a", href=True):
        href = a["href"]
        if href.startswith(("#", "http://", "https://", "mailto:")):
            continue
        if a.has_attr("download"):
            a.decompose()
            continue
        page = _WEB_PAGE.match(href)
        if page:
            docname, fragment = page.groups()
            a["href"] = fragment if docname == "book/index" and fragment else f"#document-{docname}"
            continue
        a.unwrap()


def _single_page_source(root: Path) -> Path:
    """The single-page build's landing page; raise PdfError when the singlehtml build has not run."""
    source = root / "_build" / "singlehtml" / "book" / "index.html"
    if not source.is_file():
        raise PdfError(f"no single-page book at {source}: run the singlehtml build first")
    return source


def _parse_article(source: Path):
    """Parse the single-page book; return the soup, its <article> and the article's top <section>."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(source.read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article")
    top = article.find("section", recursive=False)
    if top is None:
        raise PdfError(f"{source}: no <section> in the article")
    return soup, article, top


def _overview_page(soup, top) -> TocEntry:
    """Move the landing page's own content into an "Overview" page of its own; return its contents entry."""
    overview = soup.new_tag("section", attrs={"class": "northam-page", "id": "northam-overview"})
    for child in list(top.children):
        if getattr(child, "name", None) == "div" and "toctree-wrapper" in child.get("class", []):
            break
        overview.append(child.extract())
    heading = overview.find("h1")
    if heading is not None:
        heading.name = "h2"
        heading.clear()
        heading.append("Overview")
    for sub in overview.find_all("h2")[1:]:
        sub.name = "h3"  # its sections sit under it, as a chapter's do
    top.insert(0, overview)
    return TocEntry("northam-overview", "Overview")


def _page_title(soup, section, docname: str, number: int, classes: list[str]) -> str:
    """Clean a page's heading (no section number or header link), add the chapter label; return the title."""
    h2 = section.find(["h1", "h2"])
    if h2 is None:
        return docname
    for num in h2.select("span.section-number"):
        num.decompose()
    for link in h2.select("a.headerlink"):
        link.decompose()
    title = _text(h2)
    if number:
        classes.append("northam-chapter")
        label = soup.new_tag("p", attrs={"class": "northam-chapter-label"})
        label.string = f"Chapter {number}"
        h2.insert_before(label)  # above the title, out of the heading (and of the PDF outline)
    return title


def _book_pages(soup, top, root: Path) -> list[TocEntry]:
    """Make every other page of the book start a new page, chapters numbered; return their contents entries."""
    entries = []
    for anchor in top.select("div.toctree-wrapper > span[id^=document-]"):
        docname = anchor["id"].removeprefix("document-")
        section = anchor.find_next_sibling("section")
        if section is None:
            continue
        section.insert(0, anchor.extract())  # the link target on the page, not at the end of the previous
        page = chapters.by_docname(docname, root)
        classes = section.get("class", []) + ["northam-page"]
        number = page.number if page is not None and page.is_chapter else 0
        title = _page_title(soup, section, docname, number, classes)
        for sub in section.find_all("h2")[1:]:
            sub.name = "h3"  # headings inside a page (e.g. the ledger's output) sit under its title
        section["class"] = classes
        entries.append(TocEntry(anchor["id"], title, number, page.part if page is not None else ""))
    return entries


def _build_day() -> str:
    """The build date for the title page: SOURCE_DATE_EPOCH (reproducible builds) or today, ISO format."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    day = dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch else dt.date.today()
    return day.isoformat()


def _print_head(soup, title: str) -> None:
    """Set the document title and add the print stylesheet and the running header (the book's title)."""
    from bs4 import BeautifulSoup

    if soup.title is not None:
        soup.title.string = title
    head = soup.head
    head.append(BeautifulSoup(f'<link rel="stylesheet" type="text/css" href="_static/{PRINT_CSS}"/>',
                              "html.parser"))
    running = title.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")  # a CSS string
    head.append(BeautifulSoup(
        "<style>@media print { @page { @top-left { content: \"" + running + "\"; "
        "font: 8.5pt 'Liberation Sans', 'DejaVu Sans', sans-serif; color: #777; } } "
        "@page :first { @top-left { content: none; } } }</style>", "html.parser"))


def print_copy(root: Path = REPO_ROOT, built: str | None = None) -> tuple[Path, list[TocEntry]]:
    """Write the print copy of the single-page book; return its path and its contents entries."""
    from bs4 import BeautifulSoup

    source = _single_page_source(root)
    cff = citation(root)
    soup, article, top = _parse_article(source)
    entries = [_overview_page(soup, top), *_book_pages(soup, top, root)]
    _relink(soup)
    if built is None:
        built = _build_day()
    article.insert(0, BeautifulSoup(_title_page(cff, built) + _toc_html(entries), "html.parser"))
    _print_head(soup, cff["title"])
    out = root / "_build" / "singlehtml" / PRINT_HTML
    out.write_text(str(soup), encoding="utf-8")
    return out, entries


# --------------------------------------------------------------------------------------------------
# 3. Printing


def chromium_driver(capabilities: dict | None = None):
    """A headless Debian Chromium driven by chromedriver (no browser download), shared by the PDF print and
    the browser tests; ``capabilities`` are added to the options (e.g. browser logging)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    if not browser_available():
        raise PdfError(f"the PDF edition needs Debian's chromium and chromium-driver ({CHROMIUM}, {CHROMEDRIVER}): "
                       "apt-get install chromium chromium-driver poppler-utils")
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-quic"):
        opts.add_argument(flag)
    for key, value in (capabilities or {}).items():
        opts.set_capability(key, value)
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)


def _driver():
    driver = chromium_driver()
    driver.set_page_load_timeout(300)
    driver.command_executor.client_config.timeout = 900  # printing a few hundred pages takes a while
    return driver


def _print(driver) -> bytes:
    result = driver.execute_cdp_cmd("Page.printToPDF", {
        "preferCSSPageSize": True,  # US Letter and the margins of print.css
        "printBackground": True,
        "displayHeaderFooter": False,  # the page numbers come from print.css
        "generateTaggedPDF": True,
        "generateDocumentOutline": True,  # bookmarks from the headings
    })
    return base64.b64decode(result["data"])


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}))
    return " ".join(re.sub(r"[^\w%]+", " ", text.lower()).split())


def pdf_text_pages(pdf: Path) -> list[str] | None:
    """The text of each page of ``pdf`` (``pdftotext``), or None when poppler-utils is not installed."""
    exe = shutil.which("pdftotext")
    if exe is None:
        return None
    proc = subprocess.run([exe, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True)
    return proc.stdout.split("\f")


def find_pages(pages: list[str], entries: list[TocEntry], running: str = "") -> list[int | None]:
    """The 1-based page on which each contents entry starts: the first page, after the previous entry's,
    whose text opens (after the running header ``running``) with the entry's heading, since every entry
    starts a new page. None for an entry not found."""
    skip = _norm(running)
    found, start = [], 2  # page 1 is the title page; the contents follow it
    for entry in entries:
        heading = _norm(f"Chapter {entry.number} {entry.title}" if entry.number else entry.title)
        hit = None
        for i in range(start, len(pages)):
            head = _norm(pages[i][:800])
            if skip and head.startswith(skip):
                head = head[len(skip):].lstrip()
            if head.startswith(heading):
                hit = i
                break
        found.append(hit + 1 if hit is not None else None)
        if hit is not None:
            start = hit + 1
    return found


def print_pdf(page: Path, out: Path, entries: list[TocEntry], running: str = "") -> int:
    """Print ``page`` to ``out`` with headless Chromium, filling in the page numbers of its contents
    (``entries``, in order; ``running`` is the running header printed atop each page); return the number
    of pages."""
    from selenium.common.exceptions import WebDriverException

    try:
        return _print_pdf(page, out, entries, running)
    except WebDriverException as exc:
        raise PdfError(f"headless Chromium could not print {page.name}: {exc.msg or exc}") from exc


def _print_pdf(page: Path, out: Path, entries: list[TocEntry], running: str) -> int:
    driver = _driver()
    try:
        driver.get(page.resolve().as_uri())
        driver.execute_async_script("document.fonts.ready.then(() => arguments[arguments.length - 1](true));")
        out.parent.mkdir(parents=True, exist_ok=True)
        first = out.with_suffix(".draft.pdf")
        first.write_bytes(_print(driver))
        pages = pdf_text_pages(first)
        if pages is None:
            print("pdf: pdftotext (poppler-utils) is not installed: the contents are left without page numbers",
                  file=sys.stderr)
            first.replace(out)
        else:
            numbers = [str(n) if n else "" for n in find_pages(pages, entries, running)]
            driver.execute_script(
                "const cells = document.querySelectorAll('.northam-toc .toc-page');"
                "arguments[0].forEach((n, i) => { if (cells[i]) cells[i].textContent = n; });", numbers)
            out.write_bytes(_print(driver))
            first.unlink()
    finally:
        driver.quit()
    return _page_count(out)


def _page_count(pdf: Path) -> int:
    """Pages of a PDF written by Chromium (its page objects, counted without a PDF library)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


# --------------------------------------------------------------------------------------------------
# 4. The whole step, with its fingerprint


def fingerprint(root: Path = REPO_ROOT) -> str:
    """A hash of the HTML build (every file of ``_build/html`` but the PDF), this module, the print CSS and
    ``CITATION.cff``: the PDF is made again only when it changes."""
    h = hashlib.sha256()
    site = root / "_build" / "html"
    files = sorted(p for p in site.rglob("*") if p.is_file() and p.name != PDF_NAME) if site.is_dir() else []
    extra = [Path(__file__), root / "book" / "_static" / PRINT_CSS, root / "CITATION.cff"]
    for path in files + extra:
        h.update(str(path.relative_to(root) if path.is_relative_to(root) else path.name).encode())
        h.update(path.read_bytes() if path.is_file() else b"-")
    return h.hexdigest()


def make_pdf(root: Path = REPO_ROOT, force: bool = True) -> Path:
    """Build the single-page book, print it to ``_build/pdf/north-american-integration.pdf`` and copy it
    into ``_build/html/``. With ``force=False`` nothing is rebuilt when :func:`fingerprint` is unchanged."""
    out = pdf_path(root)
    stamp = out.with_name(".fingerprint")
    key = fingerprint(root)
    if not force and out.is_file() and stamp.is_file() and stamp.read_text() == key:
        print(f"pdf: {out.relative_to(root)} is up to date")
    else:
        if not browser_available():
            raise PdfError(f"the PDF edition needs Debian's chromium and chromium-driver ({CHROMIUM}, "
                           f"{CHROMEDRIVER}): apt-get install chromium chromium-driver poppler-utils")
        code = build_singlehtml(root)
        if code != 0:
            raise PdfError(f"the single-page HTML build failed (exit {code}); see the warnings above")
        page, entries = print_copy(root)
        n = print_pdf(page, out, entries, running=citation(root)["title"])
        stamp.write_text(key)
        print(f"pdf: wrote {out.relative_to(root)} ({n} pages, {out.stat().st_size / 1e6:.1f} MB)")
    site = root / "_build" / "html"
    if site.is_dir():
        shutil.copy2(out, site / PDF_NAME)
    return out


def wanted() -> bool:
    """Whether ``python -m northam build`` should make the PDF (``NORTHAM_PDF=0`` turns it off)."""
    return os.environ.get(ENV_SWITCH, "1").strip().lower() not in ("0", "no", "false", "off")

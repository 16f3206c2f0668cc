"""The PDF edition (`python -m northam build` makes it after the HTML): it exists, holds every chapter,
its contents point at the right pages, the landing page links it, and its first pages render."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"
PDF = ROOT / "_build" / "pdf" / "north-american-integration.pdf"

pytestmark = pytest.mark.book


def poppler(tool: str) -> str:
    exe = shutil.which(tool)
    assert exe, f"{tool} not found: install Debian's poppler-utils"
    return exe


def norm(text: str) -> str:
    """Lower case, typographic quotes and dashes made plain, whitespace (line breaks) collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}))
    return " ".join(text.lower().split())


@pytest.fixture(scope="module")
def pdf_pages(built_book) -> list[str]:
    """The PDF's text, one string per page."""
    assert built_book.code == 0, built_book.log[-3000:]
    assert PDF.is_file(), f"no PDF edition at {PDF}"
    out = subprocess.run([poppler("pdftotext"), "-enc", "UTF-8", "-layout", str(PDF), "-"], capture_output=True,
                         text=True, check=True).stdout
    return out.split("\f")


def test_pdf_exists_with_a_plausible_page_count(pdf_pages):
    assert PDF.read_bytes()[:5] == b"%PDF-"
    info = subprocess.run([poppler("pdfinfo"), str(PDF)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert pages > 30, info
    assert re.search(r"^Title:\s+North American Integration in Data", info, re.M), info
    assert len([p for p in pdf_pages if p.strip()]) == pages


def test_every_chapter_title_is_in_the_pdf(pdf_pages):
    from northam import chapters

    text = norm(" ".join(pdf_pages))
    missing = [ch.title for ch in chapters.chapters() if norm(ch.title) not in text]
    assert not missing, f"chapters missing from the PDF: {missing}"


def test_title_page_and_contents(pdf_pages):
    """Page 1 is the title page (title, version and date from CITATION.cff); the contents list every
    chapter with the page on which it starts, and that page opens with the chapter."""
    import yaml

    from northam import chapters

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    first = norm(pdf_pages[0])
    assert norm(cff["title"]) in first and str(cff["version"]) in first and str(cff["date-released"]) in first
    contents = next(i for i, p in enumerate(pdf_pages[:4]) if "Contents" in p)
    listed = {int(n): int(page) for n, page in
              re.findall(r"^\s*(\d+)\s+\S.*?\s{2,}(\d+)\s*$", pdf_pages[contents], re.M)}
    for ch in chapters.chapters():
        assert ch.number in listed, f"chapter {ch.number} ({ch.title}) not in the contents: {pdf_pages[contents]}"
        top = norm(pdf_pages[listed[ch.number] - 1][:800]).removeprefix(norm(cff["title"])).strip()
        assert top.startswith(f"chapter {ch.number} {norm(ch.title)[:30]}"), (ch.title, top[:300])
    back = {name.lower(): int(page) for name, page in
            re.findall(r"^\s*(Claims ledger|Data and methods|References)\s{2,}(\d+)\s*$", pdf_pages[contents], re.M)}
    assert list(back) == ["claims ledger", "data and methods", "references"], back
    assert max(listed.values()) < back["claims ledger"] < back["data and methods"] < back["references"]
    top = norm(pdf_pages[back["references"] - 1][:400]).removeprefix(norm(cff["title"])).strip()
    assert top.startswith("references"), top[:300]  # the references come last


def test_landing_page_links_the_pdf(pdf_pages):
    copy = HTML / PDF.name
    assert copy.is_file() and copy.read_bytes() == PDF.read_bytes(), "the PDF is not copied into _build/html"
    landing = HTML / "book" / "index.html"
    hrefs = re.findall(r'href="([^"]*north-american-integration\.pdf)"', landing.read_text())
    assert hrefs, "the landing page does not link the PDF edition"
    for href in hrefs:
        assert (landing.parent / href).resolve() == copy.resolve(), href


def test_no_build_paths_in_the_pdf(pdf_pages):
    data = PDF.read_bytes()
    assert b"file://" not in data and str(ROOT).encode() not in data


def test_first_pages_render(pdf_pages, tmp_path):
    from PIL import Image, ImageOps

    subprocess.run([poppler("pdftoppm"), "-png", "-r", "50", "-f", "1", "-l", "3", str(PDF), str(tmp_path / "page")],
                   check=True, capture_output=True)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == 3, pngs
    for png in pngs:
        with Image.open(png) as im:
            grey = ImageOps.grayscale(im)
            dark = sum(grey.histogram()[:200])  # pixels clearly darker than the white page
            assert grey.size[0] > 300 and dark > 0.005 * grey.size[0] * grey.size[1], f"{png.name} looks blank"

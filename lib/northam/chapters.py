"""The chapter manifest: ``_toc.yml`` is the one list of the book's pages.

Every page of the part captioned ``Chapters`` is a chapter. Its **id** is the page's file stem
(``notebooks/autos.md`` -> ``autos``), its **analysis module** is ``northam.analysis.<id>`` (``-`` read
as ``_``), its **title** is the page's first ``# `` heading and its **order** is its place in the
table of contents. Pages of the other parts (claims ledger, data & methods, references) are book pages.
Nothing else in the project keeps a list of chapters.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

from . import deps, registry
from .registry import REPO_ROOT

TOC = "_toc.yml"
CHAPTER_PART = "Chapters"
_HEADING = re.compile(r"^# (.+?)\s*$", re.M)


@dataclass(frozen=True)
class Page:
    """One page of the book, as listed in ``_toc.yml``."""

    id: str  # file stem, e.g. "autos"
    docname: str  # path without suffix, relative to the book root, e.g. "notebooks/autos"
    part: str  # caption of its part in the table of contents
    number: int  # 1-based position among the chapters (0 for other pages)
    root: Path = REPO_ROOT

    @property
    def path(self) -> Path:
        """The page's source file (MyST Markdown)."""
        return self.root / f"{self.docname}.md"

    @property
    def is_chapter(self) -> bool:
        return self.part == CHAPTER_PART

    @property
    def module(self) -> str:
        """Dotted name of the chapter's analysis module (it may not exist for a book page)."""
        return "northam.analysis." + self.id.replace("-", "_")

    def has_module(self) -> bool:
        return importlib.util.find_spec(self.module) is not None

    @property
    def title(self) -> str:
        """The page's first level-1 heading (recorded as an input of whoever asks)."""
        text = self.path.read_text(encoding="utf-8")
        m = _HEADING.search(text)
        title = m.group(1).strip() if m else self.id
        deps.record("title", self.docname, title)
        return title

    @property
    def html(self) -> str:
        """The page's HTML file, relative to the root of the built site."""
        return f"{self.docname}.html"


def _toc(root: Path) -> dict:
    path = root / TOC
    deps.record_file(path)
    return registry.read_yaml(path.read_text(encoding="utf-8"))


def pages(root: Path = REPO_ROOT) -> list[Page]:
    """Every page of the book in table-of-contents order (the root page excluded)."""
    out, n = [], 0
    for part in _toc(root).get("parts", []):
        caption = part.get("caption", "")
        for entry in part.get("chapters", []):
            docname = entry["file"]
            is_chapter = caption == CHAPTER_PART
            n += is_chapter
            out.append(Page(Path(docname).name, docname, caption, n if is_chapter else 0, root))
    return out


def chapters(root: Path = REPO_ROOT) -> list[Page]:
    """The chapters, in book order."""
    return [p for p in pages(root) if p.is_chapter]


def page(page_id: str, root: Path = REPO_ROOT) -> Page:
    """The page with this id; a clear error when the table of contents has none."""
    for p in pages(root):
        if p.id == page_id:
            return p
    known = ", ".join(p.id for p in pages(root))
    raise KeyError(f"no page {page_id!r} in {TOC} (pages: {known})")


def by_docname(docname: str, root: Path = REPO_ROOT) -> Page | None:
    """The page whose docname is ``docname``, or None."""
    return next((p for p in pages(root) if p.docname == docname), None)

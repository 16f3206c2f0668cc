"""Command line: ``python -m northam <command>``.

Commands:
  registry-sync MIRROR   regenerate data/registry/*.yml from MIRROR/<domain>/SOURCES.yml
  bib                    regenerate the bibliography (_build/references.bib) from the registry
  build [--clean] [--no-pdf]
                         write the bibliography, then `jupyter-book build . -W -n --keep-going`
                         (pages re-execute exactly when something they used changed), then the PDF
                         edition when the book changed (skipped without chromium, or with NORTHAM_PDF=0)
  pdf                    the PDF edition: the single-page build printed by headless Chromium to
                         _build/pdf/north-american-integration.pdf, copied into _build/html/
  check                  verify every registered file in the mirror/cache against its sha256
  new-chapter SLUG       scaffold a new chapter (page, analysis and figure modules, test, registry, toc)
  add-source URL_OR_FILE --domain NAME [--key K --title T --publisher P --license L]
                         register a file (sha256, size) in data/registry/NAME.yml and cache its bytes
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from . import registry

ROOT = registry.REPO_ROOT


def cmd_bib() -> int:
    from .bibliography import write_bib

    path = write_bib()
    print(f"wrote {path}")
    return 0


def cmd_build(clean: bool, pdf: bool = True) -> int:
    cmd_bib()
    if clean:
        shutil.rmtree(ROOT / "_build", ignore_errors=True)
    jb = str(Path(sys.executable).with_name("jupyter-book"))
    code = subprocess.call([jb, "build", str(ROOT), "-W", "-n", "--keep-going"], cwd=ROOT)
    if code != 0:
        # Sphinx reports a warning only while it reads or writes a page, and saves its environment even when the
        # build fails: the next build would skip the unchanged page that warned, and pass. Without the saved
        # environment it reads every page again (their outputs still come from the execution cache).
        (ROOT / "_build" / ".doctrees" / "environment.pickle").unlink(missing_ok=True)
    if code != 0 or not pdf:
        return code
    from . import pdf as pdf_edition

    if not pdf_edition.wanted():
        return 0
    if not pdf_edition.browser_available():
        print("pdf: skipped, Debian's chromium and chromium-driver are not installed", file=sys.stderr)
        return 0
    return cmd_pdf(force=False)


def cmd_pdf(force: bool = True) -> int:
    from . import pdf as pdf_edition

    try:
        pdf_edition.make_pdf(ROOT, force=force)
    except pdf_edition.PdfError as exc:
        print(f"pdf: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_check() -> int:
    bad = 0
    for key in registry.sources():
        try:
            registry.fetch(key)
        except registry.DataFileError as exc:
            bad += 1
            print(exc, file=sys.stderr)
    print(f"{len(registry.sources()) - bad} files verified, {bad} refused")
    return 1 if bad else 0


def cmd_stale() -> int:
    from . import deps

    why = deps.stale_pages(ROOT)
    for docname, inputs in why.items():
        print(f"{docname}: {', '.join(inputs)}")
    if not why:
        print("no page has a changed input")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="northam", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("registry-sync")
    p.add_argument("mirror")
    sub.add_parser("bib")
    p = sub.add_parser("build")
    p.add_argument("--clean", action="store_true")
    p.add_argument("--no-pdf", action="store_true", help="leave the PDF edition out")
    sub.add_parser("pdf")
    sub.add_parser("check")
    sub.add_parser("stale", help="pages the next build re-executes because an input changed, and why")
    p = sub.add_parser("new-chapter")
    p.add_argument("slug")
    p.add_argument("--title")
    p = sub.add_parser("add-source")
    p.add_argument("url_or_file")
    p.add_argument("--domain", required=True)
    for opt in ("--key", "--title", "--publisher", "--license"):
        p.add_argument(opt, default="")
    args = parser.parse_args(argv)
    if args.cmd == "registry-sync":
        for path in registry.sync_from_mirror(args.mirror):
            print(f"wrote {path}")
        return 0
    if args.cmd == "bib":
        return cmd_bib()
    if args.cmd == "build":
        return cmd_build(args.clean, pdf=not args.no_pdf)
    if args.cmd == "pdf":
        return cmd_pdf()
    if args.cmd == "stale":
        return cmd_stale()
    if args.cmd == "check":
        return cmd_check()
    if args.cmd == "add-source":
        try:
            src = registry.add_source(args.url_or_file, domain=args.domain, key=args.key or None,
                                      title=args.title, publisher=args.publisher, license=args.license)
        except (registry.DataFileError, ValueError) as exc:
            print(f"add-source: {exc}", file=sys.stderr)
            return 1
        print(f"registered {src.key} (sha256 {src.sha256}, {src.bytes} bytes) in data/registry/{src.domain}.yml")
        return 0
    if args.cmd == "new-chapter":
        from .scaffold import new_chapter

        for path in new_chapter(args.slug, args.title):
            print(f"wrote {path}")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())

"""`python -m northam add-source`: a researcher registers a file and can fetch it at once."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest
import yaml

from northam import registry


@pytest.fixture
def private_registry(tmp_path, monkeypatch):
    reg, cache = tmp_path / "registry", tmp_path / "cache"
    reg.mkdir()
    monkeypatch.setenv("NORTHAM_REGISTRY_DIR", str(reg))
    monkeypatch.setenv("NORTHAM_DATA_CACHE", str(cache))
    monkeypatch.delenv("NORTHAM_DATA_MIRROR", raising=False)
    registry._load.cache_clear()
    yield reg, cache
    registry._load.cache_clear()


def snapshot(*folders):
    return {p: p.read_bytes() for f in folders if f.exists() for p in sorted(f.rglob("*")) if p.is_file()}


def test_local_file_is_registered_cached_and_fetchable(private_registry, tmp_path):
    reg, cache = private_registry
    data = tmp_path / "wages.csv"
    data.write_text("year,value\n2020,1.5\n2021,2.5\n")
    src = registry.add_source(str(data), domain="labor-canada", title="Wages", publisher="StatCan",
                              license="OGL-Canada")
    assert src.sha256 == registry.file_sha256(data) and src.bytes == data.stat().st_size
    entry = yaml.safe_load((reg / "labor-canada.yml").read_text())["sources"][0]
    assert entry["key"] == "wages.csv" and entry["publisher"] == "StatCan" and entry["url"].startswith("file://")
    path = registry.fetch("wages.csv")
    assert path == cache / "labor-canada" / "wages.csv" and path.read_bytes() == data.read_bytes()
    assert registry.add_source(str(data), domain="labor-canada").sha256 == src.sha256  # same bytes: no-op
    assert not [p for p in (cache / "labor-canada").iterdir() if p.name.startswith(".")]


def test_a_url_is_downloaded(private_registry, tmp_path):
    served = tmp_path / "site"
    served.mkdir()
    (served / "rates.csv").write_text("a,b\n1,2\n")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        src = registry.add_source(f"http://127.0.0.1:{httpd.server_port}/rates.csv", domain="demo")
    finally:
        httpd.shutdown()
    assert registry.fetch(src.key).read_text() == "a,b\n1,2\n"


@pytest.mark.parametrize("case", ["missing file", "unreachable url", "key with other bytes"])
def test_bad_input_leaves_registry_and_cache_unchanged(private_registry, tmp_path, case):
    reg, cache = private_registry
    first = tmp_path / "first.csv"
    first.write_text("x\n1\n")
    registry.add_source(str(first), domain="demo", key="mine.csv")
    before = snapshot(reg, cache)
    if case == "missing file":
        arg, match = str(tmp_path / "nope.csv"), "is not a file"
    elif case == "unreachable url":
        arg, match = "http://127.0.0.1:9/nothing.csv", "cannot download"
    else:
        other = tmp_path / "other.csv"
        other.write_text("x\n2\n")
        arg, match = str(other), "registered already"
    with pytest.raises(registry.DataFileError, match=match):
        registry.add_source(arg, domain="demo", key="mine.csv")
    assert snapshot(reg, cache) == before

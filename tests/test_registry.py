"""Registry and fetching: mirror first, hash refusal, no half-written cache, clear errors."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest
import yaml

from northam import registry

KEY = "census_country_goods_trade_1985-2026jan.xlsx"


def test_every_mirrored_file_is_registered_with_url_hash_and_license():
    mirror = registry.mirror_dir()
    assert mirror is not None and mirror.is_dir(), "tests need NORTHAM_DATA_MIRROR"
    reg = registry.sources()
    for sources_yml in mirror.glob("*/SOURCES.yml"):
        for item in yaml.safe_load(sources_yml.read_text()):
            src = reg[item["file"]]
            assert src.sha256 == item["sha256"] and src.url == item["raw_url"]
            assert src.domain == sources_yml.parent.name
            assert src.license and src.publisher and src.citation


def test_registry_is_in_sync_with_mirror(tmp_path):
    written = registry.sync_from_mirror(registry.mirror_dir(), tmp_path)
    for path in written:
        committed = registry.REGISTRY_DIR / path.name
        assert committed.read_text() == path.read_text(), f"run python -m northam registry-sync: {path.name}"


def test_fetch_uses_mirror_and_verifies_hash():
    path = registry.fetch(KEY)
    assert path.parent.name == "trade" and registry.file_sha256(path) == registry.source(KEY).sha256


def test_one_changed_byte_is_refused_with_both_hashes(isolated_mirror):
    target = isolated_mirror(KEY)
    data = bytearray(target.read_bytes())
    data[1000] ^= 0xFF
    target.write_bytes(bytes(data))
    with pytest.raises(registry.DataFileError) as err:
        registry.fetch(KEY)
    msg = str(err.value)
    assert KEY in msg and registry.source(KEY).sha256 in msg and registry.file_sha256(target) in msg
    assert "Restore the exact file" in msg


def test_truncated_file_is_refused(isolated_mirror):
    target = isolated_mirror(KEY)
    target.write_bytes(target.read_bytes()[:5000])
    with pytest.raises(registry.DataFileError, match="expected sha256"):
        registry.fetch(KEY)


def test_restoring_the_file_makes_it_pass_again(isolated_mirror):
    target = isolated_mirror(KEY, b"broken")
    with pytest.raises(registry.DataFileError):
        registry.fetch(KEY)
    isolated_mirror(KEY)
    assert registry.fetch(KEY) == target


def test_missing_file_without_network_says_what_to_do(isolated_mirror, monkeypatch):
    src = registry.source(KEY)
    monkeypatch.setattr(registry, "source", lambda key: registry.Source(**{**src.__dict__, "url": "http://127.0.0.1:9/x"}))
    with pytest.raises(registry.DataFileError) as err:
        registry.fetch(KEY)
    assert "NORTHAM_DATA_MIRROR" in str(err.value) and KEY in str(err.value)
    assert not any(registry.cache_dir().rglob("*.xlsx")), "nothing may be left in the cache"


class _Handler(http.server.BaseHTTPRequestHandler):
    payload = b""

    def do_GET(self):  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Length", str(len(self.payload)))
        self.end_headers()
        self.wfile.write(self.payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    server = http.server.HTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


def _with_url(monkeypatch, key, url):
    src = registry.source(key)
    fake = registry.Source(**{**src.__dict__, "url": url})
    monkeypatch.setattr(registry, "source", lambda k: fake)
    return fake


def test_download_with_wrong_bytes_is_refused_and_cache_left_clean(isolated_mirror, local_server, monkeypatch):
    key = "fred_MANEMP_manufacturing_employment.csv"
    real = Path(isolated_mirror(key)).read_bytes()
    (registry.mirror_dir() / "autos" / key).unlink()  # not in mirror: must download
    _Handler.payload = real[:-10]  # truncated in transit
    _with_url(monkeypatch, key, f"http://127.0.0.1:{local_server.server_port}/{key}")
    with pytest.raises(registry.DataFileError, match="expected sha256"):
        registry.fetch(key)
    assert not [p for p in registry.cache_dir().rglob("*") if p.is_file()], "half-written file left in cache"


def test_download_with_right_bytes_lands_in_cache(isolated_mirror, local_server, monkeypatch):
    key = "fred_MANEMP_manufacturing_employment.csv"
    real = Path(isolated_mirror(key)).read_bytes()
    (registry.mirror_dir() / "autos" / key).unlink()
    _Handler.payload = real
    _with_url(monkeypatch, key, f"http://127.0.0.1:{local_server.server_port}/{key}")
    path = registry.fetch(key)
    assert path.is_relative_to(registry.cache_dir()) and path.read_bytes() == real


def test_unknown_key_is_a_clear_error():
    with pytest.raises(KeyError, match="not in the data registry"):
        registry.source("no-such-file.csv")


def test_no_mirrored_file_is_tracked_in_git():
    import subprocess

    root = registry.REPO_ROOT
    tracked = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True).stdout.split()
    hashes = {s.sha256 for s in registry.sources().values()}
    for rel in tracked:
        p = root / rel
        if p.is_file():
            assert registry.file_sha256(p) not in hashes, f"{rel} is a copy of a mirrored source file"
            assert p.stat().st_size < 2_000_000, f"{rel} is over 2 MB: data belongs in the cache"

"""Feeds load from real http(s) URLs with our User-Agent, charset and size limits, and fail clearly."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import pytest

from ingest.loaders import fetch, read_source
from ingest.models import IngestError, Posting

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def feed_server(monkeypatch):
    """Serve registered paths from a real HTTP server on a free local port."""
    # A proxy from the environment must not sit between the test and its local server.
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    routes: dict[str, tuple[str, bytes]] = {}
    agents: list[str | None] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            agents.append(self.headers.get("User-Agent"))
            if self.path not in routes:
                self.send_error(404, "Not Found")
                return
            content_type, body = routes[self.path]
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield SimpleNamespace(url=f"http://127.0.0.1:{server.server_address[1]}", routes=routes, agents=agents)
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_greenhouse_board_url_loads_like_the_file(feed_server):
    path = "/v1/boards/quantfund/jobs?content=true"
    feed_server.routes[path] = ("application/json", (FIXTURES / "greenhouse_jobs.json").read_bytes())

    items = list(read_source(feed_server.url + path))

    postings = [i for i in items if isinstance(i, Posting)]
    assert [p.source_id for p in postings] == ["4012345", "4012399"]
    assert {p.origin for p in postings} == {feed_server.url + path}
    assert feed_server.agents == ["finml-careers"]


def test_careers_page_url_yields_its_json_ld_posting(feed_server):
    feed_server.routes["/careers/qr-7"] = (
        "text/html; charset=utf-8",
        (FIXTURES / "careers_page.html").read_bytes(),
    )

    [posting] = list(read_source(feed_server.url + "/careers/qr-7"))

    assert isinstance(posting, Posting)
    assert posting.source_id == "MC-QR-7"


def test_missing_page_is_a_clear_file_level_error(feed_server):
    url = feed_server.url + "/v1/boards/nobody/jobs"

    [error] = list(read_source(url))

    assert isinstance(error, IngestError)
    assert (error.file, error.record) == (url, None)
    assert "HTTP 404" in error.reason


def test_charset_from_the_content_type_is_honoured(feed_server):
    csv_text = "id,title,company,description,city\nz1,Quant ML Engineer,Zürich Re,Pricing models,Zürich\n"
    feed_server.routes["/feed"] = ("text/csv; charset=iso-8859-1", csv_text.encode("iso-8859-1"))

    origin, text = fetch.read_text(feed_server.url + "/feed")

    assert text == csv_text
    assert origin == feed_server.url + "/feed"


def test_response_over_the_size_cap_is_refused(feed_server, monkeypatch):
    monkeypatch.setattr(fetch, "MAX_BYTES", 100)
    feed_server.routes["/big.json"] = ("application/json", b"[" + b" " * 200 + b"]")

    with pytest.raises(IngestError, match="limit"):
        fetch.read_text(feed_server.url + "/big.json")


def test_unreachable_host_is_a_clear_error():
    with pytest.raises(IngestError, match="cannot fetch URL"):
        # Port 9 (discard) on loopback is closed on test machines, so the connection is refused at once.
        fetch.read_text("http://127.0.0.1:9/jobs.json")


@pytest.mark.parametrize("url", ["ftp://feeds.example/jobs.json", "file:///etc/passwd"])
def test_only_http_and_https_urls_are_fetched(url):
    with pytest.raises(IngestError, match="use http or https"):
        fetch.read_text(url)


def test_file_over_the_size_cap_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(fetch, "MAX_BYTES", 10)
    path = tmp_path / "big.csv"
    path.write_text("id,title,company,description\n")

    with pytest.raises(IngestError, match="limit"):
        fetch.read_text(str(path))

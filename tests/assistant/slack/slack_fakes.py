"""A loopback Slack Web API: auth.test, chat.post*, conversations.replies and response_url posts."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"


@dataclass
class Call:
    """One request the bot made: the API method (or "response_url"), its parameters, headers and status."""

    method: str
    params: dict[str, Any]
    headers: dict[str, str]
    status: int = 200
    ok: bool = True
    response: dict[str, Any] = field(default_factory=dict)

    @property
    def blocks(self) -> list[dict[str, Any]]:
        blocks = self.params.get("blocks") or []
        return json.loads(blocks) if isinstance(blocks, str) else blocks


class FakeSlackApi:
    """Speaks the few Web API methods the bot uses, keeps threads, and fails on request."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.threads: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self._failures: list[tuple[str, str | None, str]] = []
        self._lock = threading.Lock()
        self._ts = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(self))
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    def start(self) -> FakeSlackApi:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
            self._failures.clear()

    def rate_limit_once(self, method: str, channel: str | None = None) -> None:
        """Answer the next `method` call (for `channel`) with HTTP 429 and Retry-After: 1."""
        self._failures.append((method, channel, "ratelimited"))

    def fail_once(self, method: str, error: str, channel: str | None = None) -> None:
        """Answer the next `method` call (for `channel`) with {"ok": false, "error": error}."""
        self._failures.append((method, channel, error))

    def next_ts(self) -> str:
        with self._lock:
            self._ts += 1
            return f"1700000000.{self._ts:06d}"

    def add_message(self, channel: str, text: str, user: str, thread_ts: str | None = None) -> dict[str, Any]:
        """Store a person's message as Slack would before sending us its event; return it."""
        message = {"type": "message", "user": user, "text": text, "ts": self.next_ts()}
        if thread_ts:
            message["thread_ts"] = thread_ts
        with self._lock:
            self.threads.setdefault((channel, thread_ts or message["ts"]), []).append(message)
        return message

    def calls_to(self, method: str, channel: str | None = None) -> list[Call]:
        with self._lock:
            return [
                c for c in self.calls if c.method == method and channel in (None, c.params.get("channel"))
            ]

    def delivered(self, method: str, channel: str) -> list[Call]:
        """Return the successful calls of `method` to `channel`."""
        return [call for call in self.calls_to(method, channel) if call.ok]

    def handle(
        self, path: str, params: dict[str, Any], headers: dict[str, str]
    ) -> tuple[int, dict[str, str], Any]:
        if path.startswith("/response/"):
            self._record(Call("response_url", params | {"path": path}, headers))
            return 200, {}, "ok"
        method = path.removeprefix("/api/")
        failure = self._take_failure(method, params.get("channel"))
        if failure == "ratelimited":
            self._record(Call(method, params, headers, status=429, ok=False))
            return 429, {"Retry-After": "1"}, {"ok": False, "error": "ratelimited"}
        if failure:
            self._record(Call(method, params, headers, ok=False))
            return 200, {}, {"ok": False, "error": failure}
        body = self._answer(method, params)
        self._record(Call(method, params, headers, ok=bool(body.get("ok")), response=body))
        return 200, {}, body

    def _answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {
                "ok": True,
                "team_id": "T1",
                "team": "Acme",
                "user": "careers",
                "user_id": BOT_USER_ID,
                "bot_id": BOT_ID,
                "url": "https://acme.slack.com/",
            }
        if method == "chat.postMessage":
            return self._store_bot_message(params)
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self.next_ts()}
        if method == "conversations.replies":
            with self._lock:
                messages = [dict(m) for m in self.threads.get((params.get("channel"), params.get("ts")), [])]
            if str(params.get("include_all_metadata")).lower() not in ("1", "true"):
                for message in messages:
                    message.pop("metadata", None)
            if not messages:
                return {"ok": False, "error": "thread_not_found"}
            return {"ok": True, "messages": sorted(messages, key=lambda m: float(m["ts"])), "has_more": False}
        return {"ok": False, "error": "unknown_method"}

    def _store_bot_message(self, params: dict[str, Any]) -> dict[str, Any]:
        channel, thread_ts = params.get("channel"), params.get("thread_ts")
        message = {
            "type": "message",
            "user": BOT_USER_ID,
            "bot_id": BOT_ID,
            "text": params.get("text", ""),
            "blocks": params.get("blocks"),
            "ts": self.next_ts(),
        }
        if thread_ts:
            message["thread_ts"] = thread_ts
        if params.get("metadata"):
            message["metadata"] = params["metadata"]
        with self._lock:
            self.threads.setdefault((channel, thread_ts or message["ts"]), []).append(message)
        return {"ok": True, "channel": channel, "ts": message["ts"], "message": message}

    def _take_failure(self, method: str, channel: str | None) -> str | None:
        with self._lock:
            for index, (failing, only_channel, error) in enumerate(self._failures):
                if failing == method and only_channel in (None, channel):
                    del self._failures[index]
                    return error
        return None

    def _record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)


def _make_handler(fake: FakeSlackApi) -> type[BaseHTTPRequestHandler]:
    class SlackApiHandler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._serve(b"")

        def do_POST(self) -> None:
            self._serve(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

        def _serve(self, raw: bytes) -> None:
            url = urlsplit(self.path)
            params: dict[str, Any] = dict(parse_qsl(url.query))
            if raw and "json" in (self.headers.get("Content-Type") or ""):
                params |= json.loads(raw)
            elif raw:
                params |= dict(parse_qsl(raw.decode()))
            status, headers, body = fake.handle(url.path, params, dict(self.headers.items()))
            data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/plain" if isinstance(body, str) else "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            """Keep test output quiet."""

    return SlackApiHandler

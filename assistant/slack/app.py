"""The Slack app's factories: the Web API client, the bolt App, and its mount at POST /slack/events."""

from __future__ import annotations

from fastapi import FastAPI, Request, Response
from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from starlette.concurrency import run_in_threadpool

from assistant.feedback import FeedbackLog
from assistant.settings import Settings, SlackSettings
from assistant.slack.guard import RecentKeys, make_duplicate_guard
from assistant.slack.listeners import register_listeners
from assistant.slack.responder import Answerer, SlackResponder

EVENTS_PATH = "/slack/events"
RATE_LIMIT_RETRIES = 3


def make_web_client(slack: SlackSettings) -> WebClient:
    """Return the Web API client: our token and base URL, retrying rate-limited calls after Retry-After."""
    client = WebClient(token=slack.bot_token, base_url=slack.api_url, timeout=15)
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES))
    return client


def make_slack_app(settings: Settings, chat_service: Answerer, feedback: FeedbackLog) -> App:
    """Return the bolt App; building it calls auth.test, so a wrong token fails here, loudly.

    Listeners run on bolt's thread pool after the 3-second ack (process_before_response=False).
    """
    slack = settings.slack
    if not slack.enabled:
        raise ValueError("The Slack app needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET")
    client = make_web_client(slack)
    app = App(
        name="finml-careers",
        client=client,
        signing_secret=slack.signing_secret,
        process_before_response=False,
    )
    app.use(make_duplicate_guard(RecentKeys()))
    register_listeners(app, SlackResponder(client, chat_service, feedback, settings.limits))
    return app


def mount_slack(
    app: FastAPI, settings: Settings, chat_service: Answerer, feedback: FeedbackLog | None = None
) -> None:
    """Serve the Slack app at POST /slack/events (Events API, slash commands and interactivity)."""
    bolt_app = make_slack_app(settings, chat_service, feedback or FeedbackLog(settings.feedback_path))

    async def handle_slack_events(request: Request) -> Response:
        body = await request.body()
        # dispatch blocks until the listener acks (milliseconds), so keep it off the event loop
        bolt_response = await run_in_threadpool(bolt_app.dispatch, to_bolt_request(request, body))
        return to_starlette_response(bolt_response)

    app.add_api_route(EVENTS_PATH, handle_slack_events, methods=["POST"], include_in_schema=False)

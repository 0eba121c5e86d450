"""Bolt listeners: translate slash commands, events and button clicks into SlackResponder calls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from slack_bolt import Ack, App, BoltContext

from assistant.slack.blocks import (
    ACTION_FEEDBACK_DOWN,
    ACTION_FEEDBACK_UP,
    ACTION_MORE_ROLES,
    USAGE_TEXT,
    decode_button_value,
)
from assistant.slack.responder import HELP_WORDS, Place, SlackResponder
from assistant.slack.threads import is_person_message, strip_slack_markup

COMMAND = "/careers"
# Message subtypes that are still a person talking; edits, joins, bot posts and the like are not.

Mode = Literal["help", "channel", "private"]


def parse_command(text: str) -> tuple[Mode, str]:
    """Split `/careers [private] [ask] question` into (mode, question); empty or "help" is help."""
    words = strip_slack_markup(text).split(" ")
    mode: Mode = "channel"
    if words and words[0].lower() == "private":
        mode, words = "private", words[1:]
    if words and words[0].lower() == "ask":
        words = words[1:]
    question = " ".join(words).strip()
    return ("help", "") if question.lower() in HELP_WORDS else (mode, question)


def find_reply_place(body: dict[str, Any]) -> Place:
    """Return where a button's reply goes: the clicked message's thread (its own ts when top-level)."""
    container = body.get("container") or {}
    message = body.get("message") or {}
    thread_ts = message.get("thread_ts") or message.get("ts") or container.get("thread_ts")
    return Place(
        channel=str((body.get("channel") or {}).get("id") or container.get("channel_id") or ""),
        user=str((body.get("user") or {}).get("id") or ""),
        thread_ts=None if container.get("is_ephemeral") else thread_ts,
        response_url=body.get("response_url"),
    )


def register_listeners(app: App, responder: SlackResponder) -> None:
    """Attach the /careers command, app_mention and message events, and the three buttons to `app`."""

    @app.command(COMMAND)
    def handle_careers_command(ack: Ack, command: dict[str, Any]) -> None:
        mode, question = parse_command(str(command.get("text") or ""))
        if mode == "help":
            ack(text=USAGE_TEXT, response_type="ephemeral")
            return
        ack()
        place = Place(
            channel=command["channel_id"], user=command["user_id"], response_url=command.get("response_url")
        )
        responder.answer_command(question, place, private=mode == "private")

    @app.event("app_mention")
    def handle_mention(event: dict[str, Any], context: BoltContext) -> None:
        if not is_person_message(event):
            return
        answer_event(event, context, only_if_bot_in_thread=False)

    @app.event("message")
    def handle_message(event: dict[str, Any], context: BoltContext) -> None:
        if not is_person_message(event):
            return
        if event.get("channel_type") == "im":
            answer_event(event, context, only_if_bot_in_thread=False)
            return
        in_thread = event.get("thread_ts") not in (None, event.get("ts"))
        mentioned = f"<@{context.bot_user_id}>" in str(event.get("text") or "")
        if in_thread and not mentioned:  # mentions arrive as app_mention too; answer those once, there
            answer_event(event, context, only_if_bot_in_thread=True)

    def answer_event(event: dict[str, Any], context: BoltContext, *, only_if_bot_in_thread: bool) -> None:
        place = Place(channel=event["channel"], user=event["user"], thread_ts=event.get("thread_ts"))
        responder.answer_in_thread(
            place=place,
            text=str(event.get("text") or ""),
            ts=event["ts"],
            bot_user_id=context.bot_user_id,
            bot_id=context.bot_id,
            only_if_bot_in_thread=only_if_bot_in_thread,
        )

    def make_feedback_handler(rating: Literal["up", "down"]) -> Callable[..., None]:
        def handle_feedback(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
            ack()
            responder.record_feedback(
                rating, decode_button_value(action.get("value")), find_reply_place(body)
            )

        return handle_feedback

    app.action(ACTION_FEEDBACK_UP)(make_feedback_handler("up"))
    app.action(ACTION_FEEDBACK_DOWN)(make_feedback_handler("down"))

    @app.action(ACTION_MORE_ROLES)
    def handle_more_roles(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        private = bool((body.get("container") or {}).get("is_ephemeral"))
        responder.post_more_roles(
            decode_button_value(action.get("value")), find_reply_place(body), private=private
        )

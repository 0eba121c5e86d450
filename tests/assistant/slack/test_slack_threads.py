"""Threads as history, command parsing and the duplicate guard, without any server."""

from __future__ import annotations

from assistant.slack.guard import RecentKeys
from assistant.slack.listeners import find_reply_place, parse_command
from assistant.slack.threads import build_answer_metadata, build_history, strip_slack_markup

BOT = {"bot_user_id": "UBOT", "bot_id": "BBOT"}


def test_slack_markup_becomes_what_the_person_typed() -> None:
    text = "<@UBOT> roles like <https://x.example/job|this one> for <@U9|ann> in <#C1|jobs> &amp; &lt;3"
    assert (
        strip_slack_markup(text, "UBOT")
        == "roles like this one (https://x.example/job) for @ann in #jobs & <3"
    )
    assert strip_slack_markup("<mailto:a@b.example|a@b.example> <!here>") == "a@b.example @here"


def test_history_maps_bot_answers_to_assistant_and_people_to_user() -> None:
    replies = [
        {"user": "UALICE", "text": "<@UBOT> ML roles at banks", "ts": "1.000001"},
        {"user": "UBOT", "bot_id": "BBOT", "text": "*5 roles* match [1].", "ts": "1.000002"},
        {"bot_id": "BOTHER", "subtype": "bot_message", "text": "I am another bot", "ts": "1.000003"},
        {"user": "UBOB", "subtype": "channel_join", "text": "joined", "ts": "1.000004"},
        {"user": "UALICE", "text": "only remote ones", "ts": "1.000005"},
    ]

    history = build_history(
        replies, latest_text="only remote ones", latest_ts="1.000005", max_turns=40, max_chars=4000, **BOT
    )

    assert [(m.role, m.content) for m in history] == [
        ("user", "ML roles at banks"),
        ("assistant", "*5 roles* match [1]."),
        ("user", "only remote ones"),
    ]


def test_history_restores_a_slash_command_question_from_answer_metadata() -> None:
    parent = {
        "user": "UBOT",
        "bot_id": "BBOT",
        "text": "answer",
        "ts": "2.000001",
        "metadata": build_answer_metadata("ML roles at banks", {"sector": "bank"}, asked_in_thread=False),
    }

    history = build_history(
        [parent], latest_text="only remote ones", latest_ts="2.000002", max_turns=40, max_chars=4000, **BOT
    )

    assert [(m.role, m.content) for m in history] == [
        ("user", "ML roles at banks"),
        ("assistant", "answer"),
        ("user", "only remote ones"),
    ]


def test_history_is_bounded_and_starts_with_the_user() -> None:
    replies = [
        {"user": "UALICE" if n % 2 == 0 else "UBOT", "text": f"turn {n} " + "x" * 50, "ts": f"3.{n:06d}"}
        for n in range(60)
    ]

    history = build_history(
        replies, latest_text="last", latest_ts="3.000060", max_turns=9, max_chars=20, **BOT
    )

    assert len(history) <= 9
    assert history[0].role == "user"
    assert history[-1].content == "last"
    assert all(len(m.content) <= 20 for m in history)


def test_command_text_parses_into_mode_and_question() -> None:
    assert parse_command("what do quants earn?") == ("channel", "what do quants earn?")
    assert parse_command("ask what do quants earn?") == ("channel", "what do quants earn?")
    assert parse_command("private  remote roles") == ("private", "remote roles")
    assert parse_command("Private ask remote roles") == ("private", "remote roles")
    assert parse_command("") == ("help", "")
    assert parse_command("HELP") == ("help", "")
    assert parse_command("private") == ("help", "")


def test_button_replies_go_to_the_clicked_messages_thread() -> None:
    body = {
        "user": {"id": "U1"},
        "channel": {"id": "C1"},
        "response_url": "https://hooks.example/1",
        "container": {"is_ephemeral": False},
        "message": {"ts": "5.1", "thread_ts": "4.1"},
    }
    assert find_reply_place(body).thread_ts == "4.1"
    body["message"] = {"ts": "5.1"}
    assert find_reply_place(body).thread_ts == "5.1"
    ephemeral = find_reply_place(
        {"user": {"id": "U1"}, "container": {"is_ephemeral": True, "channel_id": "C2"}}
    )
    assert (ephemeral.channel, ephemeral.thread_ts) == ("C2", None)


def test_recent_keys_remember_until_their_ttl_and_stay_bounded() -> None:
    now = [0.0]
    recent = RecentKeys(max_size=3, ttl_s=10, clock=lambda: now[0])

    assert recent.check_and_add("Ev1") is False
    assert recent.check_and_add("Ev1") is True
    now[0] = 11
    assert recent.check_and_add("Ev1") is False
    for key in ("Ev2", "Ev3", "Ev4", "Ev5"):
        recent.check_and_add(key)
    assert len(recent._seen) <= 4

"""Markdown to Slack mrkdwn: formatting converted, untrusted text escaped, sections split safely."""

from __future__ import annotations

import pytest

from assistant.slack.mrkdwn import convert_markdown, escape_mrkdwn, format_link, split_mrkdwn


@pytest.mark.parametrize(
    ("markdown", "mrkdwn"),
    [
        ("**Senior** roles", "*Senior* roles"),
        ("__Senior__ roles", "*Senior* roles"),
        ("an *important* note", "an _important_ note"),
        ("~~old~~ new", "~old~ new"),
        ("## Pay at banks", "*Pay at banks*"),
        ("# **Bold** heading #", "*Bold heading*"),
        ("- first\n- second", "• first\n• second"),
        ("* starred item", "• starred item"),
        ("- top\n  - nested", "• top\n    ◦ nested"),
        ("1. one\n2) two", "1. one\n2. two"),
        ("> quoted **text**", "> quoted *text*"),
        ("See [the FAQ](https://example.com/faq) [2].", "See <https://example.com/faq|the FAQ> [2]."),
        ("Median $250K [1][3].", "Median $250K [1][3]."),
        ("above\n\n---\n\nbelow", "above\n\nbelow"),
    ],
)
def test_markdown_becomes_mrkdwn(markdown: str, mrkdwn: str) -> None:
    assert convert_markdown(markdown) == mrkdwn


def test_untrusted_text_cannot_inject_slack_markup() -> None:
    text = convert_markdown("Tom & Jerry <!channel> <@U123> <https://evil.example|click> a > b")
    assert (
        text == "Tom &amp; Jerry &lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt; a &gt; b"
    )


def test_links_escape_their_url_and_label_and_drop_unsafe_schemes() -> None:
    assert format_link("Q&A | jobs", "https://x.example/a?b=1&c=<2>") == (
        "<https://x.example/a?b=1&amp;c=&lt;2&gt;|Q&amp;A / jobs>"
    )
    assert convert_markdown("[click me](javascript:alert(1))") == "click me"


def test_code_is_escaped_but_not_reformatted() -> None:
    assert convert_markdown("use `a**b** < c`") == "use `a**b** &lt; c`"
    assert convert_markdown("```python\nx = **y** < 3\n```") == "```\nx = **y** &lt; 3\n```"
    assert convert_markdown("```\nunclosed") == "```\nunclosed\n```"


def test_escape_handles_ampersand_first() -> None:
    assert escape_mrkdwn("&lt;") == "&amp;lt;"


def test_split_keeps_sections_under_the_limit_at_paragraph_boundaries() -> None:
    paragraphs = [f"Paragraph {n}: " + "word " * 150 for n in range(12)]
    text = "\n\n".join(p.strip() for p in paragraphs)

    pieces = split_mrkdwn(text, limit=3000)

    assert len(pieces) > 1
    assert all(len(piece) <= 3000 for piece in pieces)
    assert all(piece.startswith("Paragraph") for piece in pieces)
    assert "".join(pieces).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


def test_split_of_unbroken_text_never_cuts_a_link_or_entity() -> None:
    text = "x" * 2990 + "<https://example.com|link>" + "&amp;" * 10

    pieces = split_mrkdwn(text, limit=3000)

    assert pieces[0] == "x" * 2990
    assert pieces[1].startswith("<https://example.com|link>")
    assert all(len(piece) <= 3000 for piece in pieces)


def test_short_text_is_one_section() -> None:
    assert split_mrkdwn("hello") == ["hello"]
    assert split_mrkdwn("") == []

"""Tests for turning posting HTML into plain text."""

from __future__ import annotations

from ingest.normalise.text import html_to_text


def test_html_to_text_decodes_entity_encoded_greenhouse_html() -> None:
    html = (
        "&lt;p&gt;We build &amp;amp; ship models.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Python&lt;/li&gt;&lt;/ul&gt;"
    )
    assert html_to_text(html) == "We build & ship models.\n- Python"


def test_html_to_text_puts_list_items_on_their_own_lines_with_dashes() -> None:
    html = "<p>You have:</p><ul><li>Python</li><li><p>SQL</p></li></ul><p>Apply now</p>"
    assert html_to_text(html) == "You have:\n- Python\n- SQL\n\nApply now"


def test_html_to_text_drops_script_and_style_content() -> None:
    html = "<style>p { color: red }</style><div>Hello<script>var x = '<b>no</b>';</script></div>"
    assert html_to_text(html) == "Hello"


def test_html_to_text_turns_breaks_and_blocks_into_newlines() -> None:
    assert html_to_text("<div>Line one<br>Line two<br/>Line three</div><h2>Next</h2>") == (
        "Line one\nLine two\nLine three\n\nNext"
    )


def test_html_to_text_treats_source_line_breaks_inside_html_as_spaces() -> None:
    assert html_to_text("<p>Build  models\n   for\ttrading</p>") == "Build models for trading"


def test_html_to_text_keeps_inline_text_together() -> None:
    assert (
        html_to_text("<p>Use <b>PyTorch</b>, <a href='#'>JAX</a> &amp; more</p>") == "Use PyTorch, JAX & more"
    )


def test_html_to_text_passes_plain_text_through_with_tidy_whitespace() -> None:
    text = "Plain   text\r\n\r\n\r\nwith 5 < 6 and AT&T  \n"
    assert html_to_text(text) == "Plain text\n\nwith 5 < 6 and AT&T"


def test_html_to_text_of_empty_input_is_empty() -> None:
    assert html_to_text("") == ""
    assert html_to_text("<p> </p><br>") == ""

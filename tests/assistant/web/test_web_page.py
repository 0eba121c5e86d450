"""The page at `/` in Debian's chromium: streamed cited answers, filters, follow-ups, safety, phone, coach."""

from __future__ import annotations

import json
import re
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Locator,
    Page,
    Request,
    Route,
    expect,
    sync_playwright,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "screenshots"
ANSWER_TIMEOUT_MS = 90_000

# Records every data-state an answer goes through, so a test can tell the answer was streamed.
RECORD_STATES = """
window.__answerStates = [];
new MutationObserver((changes) => {
  for (const change of changes) {
    if (change.target.matches(".message")) window.__answerStates.push(change.target.dataset.state);
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
"""
LAST_ANSWER_SETTLED = """() => {
  const last = [...document.querySelectorAll(".message.assistant")].at(-1);
  return Boolean(last && last.dataset.state && last.dataset.state !== "streaming");
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium (`make browser`)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def base_url(live_server: Any) -> str:
    return str(live_server.url).rstrip("/")


def open_page(
    browser: Browser, base_url: str, width: int = 1280, height: int = 900
) -> tuple[Page, list[str]]:
    """A fresh context (empty localStorage) that keeps page errors and console errors, CSP ones included."""
    context = browser.new_context(
        viewport={"width": width, "height": height},
        base_url=base_url,
        permissions=["clipboard-read", "clipboard-write"],
    )
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda msg: problems.append(f"console: {msg.text}") if _is_problem(msg) else None)
    page.add_init_script(RECORD_STATES)
    page.set_default_timeout(30_000)
    return page, problems


def _is_problem(message: ConsoleMessage) -> bool:
    """Console errors fail a test, except the browser's own note that an API call answered 4xx/5xx."""
    failed_load = message.text.startswith("Failed to load resource")
    return message.type == "error" and not (failed_load and "/v1/" in message.location.get("url", ""))


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    page, problems = open_page(browser, base_url)
    yield page
    page.context.close()
    assert problems == []


def ask(page: Page, question: str) -> Locator:
    """Type a question, send it with Enter, wait for the answer to finish and return its article."""
    page.fill("#composer-input", question)
    page.press("#composer-input", "Enter")
    return settled_answer(page)


def settled_answer(page: Page) -> Locator:
    page.wait_for_function(LAST_ANSWER_SETTLED, timeout=ANSWER_TIMEOUT_MS)
    answer = page.locator(".message.assistant").last
    state = answer.get_attribute("data-state")
    assert state == "done", f"answer ended as {state}: {answer.locator('.notice').text_content()}"
    return answer


def sent_json(request: Request) -> dict[str, Any]:
    return dict(json.loads(request.post_data or "{}"))


def sse_events(body: str) -> list[tuple[str, Any]]:
    events = []
    for block in re.split(r"\r?\n\r?\n", body):
        name, data = "message", []
        for line in block.splitlines():
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].removeprefix(" "))
        if data:
            events.append((name, json.loads("\n".join(data))))
    return events


def screenshot(page: Page, name: str) -> None:
    """Save the whole page; the viewport grows to fit it so the sticky composer sits at the bottom."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    viewport = page.viewport_size or {"width": 1280, "height": 900}
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": viewport["width"], "height": max(height, viewport["height"])})
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    page.set_viewport_size(viewport)


def card_values(answer: Locator, attribute: str) -> list[str | None]:
    cards = answer.locator(".role-card")
    return [cards.nth(i).get_attribute(attribute) for i in range(cards.count())]


def test_page_is_served_with_a_strict_content_security_policy(base_url: str) -> None:
    with urllib.request.urlopen(f"{base_url}/") as response:
        policy = response.headers["Content-Security-Policy"]
        assert response.headers["Cache-Control"] == "no-cache"
        assert '<script type="module" src="/static/app.js"></script>' in response.read().decode()
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


def test_question_streams_a_cited_answer_with_role_cards(page: Page) -> None:
    page.goto("/")
    expect(page.locator("#health")).to_have_text(re.compile(r"^\d[\d,]* postings · \S+"))
    with page.expect_response("**/v1/chat") as sent:
        answer = ask(page, "Which machine learning roles at hedge funds pay the most?")
    response = sent.value
    assert response.headers["content-type"].startswith("text/event-stream")
    assert sent_json(response.request)["stream"] is True
    events = dict(sse_events(response.text()))
    assert {"meta", "delta", "done"} <= events.keys()
    final = events["done"]
    states = page.evaluate("window.__answerStates")
    assert states[0] == "streaming"
    assert states[-1] == "done"

    expect(answer.locator(".answer")).not_to_be_empty()
    assert answer.locator(".source-chip").count() == len(final["citations"]) > 0
    assert card_values(answer, "data-role-id") == [role["id"] for role in final["roles"]][:6]
    first_card = answer.locator(".role-card").first
    expect(first_card.locator(".role-title")).to_have_text(final["roles"][0]["title"])
    if final["roles"][0].get("url"):
        link = first_card.locator(".role-link a")
        assert link.get_attribute("rel") == "noopener noreferrer"
        assert link.get_attribute("target") == "_blank"

    inline_chips = answer.locator(".answer .cite-chip")
    chip = inline_chips.first if inline_chips.count() else answer.locator(".source-chip").first
    chip.click()
    detail = answer.locator(".source-detail")
    expect(detail).to_be_visible()
    number = int(chip.get_attribute("data-cite") or 0)
    expect(detail).to_contain_text(final["citations"][number - 1]["title"])
    expect(chip).to_have_attribute("aria-expanded", "true")
    if final.get("salary"):
        expect(answer.locator(".salary-panel svg.box-plot").first).to_be_visible()
    screenshot(page, "chat-answer")
    answer.get_by_role("button", name="Copy answer").click()
    expect(answer.locator(".message-actions .copy")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == final["answer"]
    page.keyboard.press("Escape")
    expect(detail).to_be_hidden()


def test_sector_filter_shows_only_that_sectors_roles(page: Page) -> None:
    page.goto("/")
    page.select_option("#filter-sector", "bank")
    chip = page.locator('#filter-chips .chip.removable[data-filter="sector"]')
    expect(chip).to_contain_text("Sector: Bank")
    with page.expect_request("**/v1/chat") as sent:
        answer = ask(page, "machine learning engineer roles")
    assert sent_json(sent.value)["filters"] == {"sector": "bank"}
    sectors = card_values(answer, "data-sector")
    assert sectors
    assert set(sectors) == {"bank"}
    expect(answer.locator(".role-card .badge.sector-bank").first).to_have_text("Bank")
    screenshot(page, "chat-sector-filter")

    # Removing the chip clears the select and answers the last question again without the filter.
    with page.expect_request("**/v1/chat") as resent:
        chip.click()
    assert sent_json(resent.value)["filters"] == {}
    settled_answer(page)
    expect(page.locator("#filter-sector")).to_have_value("")
    assert page.locator(".message.assistant").count() == 1


def test_follow_up_sends_the_history_and_keeps_to_remote_roles(page: Page) -> None:
    page.goto("/")
    with page.expect_response("**/v1/chat") as first:
        ask(page, "fraud detection machine learning roles")
    first_answer = dict(sse_events(first.value.text()))["done"]["answer"]
    with page.expect_request("**/v1/chat") as sent:
        answer = ask(page, "only remote ones")

    messages = sent_json(sent.value)["messages"]
    assert [m["role"] for m in messages] == ["user", "assistant", "user"]
    assert messages[0]["content"] == "fraud detection machine learning roles"
    assert messages[1]["content"] == first_answer
    assert messages[2]["content"] == "only remote ones"
    expect(page.locator('#filter-chips .chip.inferred[data-filter="remote"]')).to_have_text("Remote: Remote")
    remotes = card_values(answer, "data-remote")
    assert remotes
    assert set(remotes) == {"remote"}
    screenshot(page, "chat-follow-up")

    # The conversation survives a reload (localStorage) and "New conversation" forgets it.
    page.reload()
    expect(page.locator(".message")).to_have_count(4)
    page.click("#new-conversation")
    expect(page.locator(".message")).to_have_count(0)
    page.reload()
    expect(page.locator("#empty-state")).to_be_visible()


def _poll_role(base_url: str, query: str, marker: str, timeout_s: float = 20.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout_s
    while True:
        url = f"{base_url}/v1/roles?" + urllib.parse.urlencode({"q": query, "limit": 20})
        with urllib.request.urlopen(url) as response:
            roles = json.load(response)["roles"]
        found = [role for role in roles if marker in role["title"]]
        if found:
            return found[0]
        if time.monotonic() > deadline:
            raise AssertionError(f"the server never served the ingested posting {marker!r}")
        time.sleep(0.5)


def test_posting_html_renders_as_text_never_as_markup(
    page: Page, live_server: Any, base_url: str, tmp_path: Path
) -> None:
    marker = "Zyxwvut"
    record = {
        "id": "xss-1",
        "title": f"{marker} Machine Learning Engineer <script>window.__xss=1</script>",
        "company": 'Evil <img src=x onerror="window.__xss=1"> Capital',
        "description": (
            f'{marker} fraud machine learning role. <img src=x onerror="window.__xss=1"> '
            "<script>window.__xss=1</script> Python, PyTorch and SQL."
        ),
        "sector": "fintech",
        "level": "mid",
        "remote": "remote",
        "location": "New York, NY",
        "salary_min": 150000,
        "salary_max": 200000,
        "salary_currency": "USD",
        "url": "https://example.com/jobs/xss-1",
    }
    feed = tmp_path / "xss.jsonl"
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    live_server.ingest(feed)
    served = _poll_role(base_url, f"{marker} machine learning engineer", marker)

    page.goto("/")
    answer = ask(page, f"{marker} machine learning engineer roles")
    card = answer.locator(f'.role-card[data-role-id="{served["id"]}"]')
    expect(card.locator(".role-title")).to_have_text(served["title"])
    expect(card.locator(".role-where")).to_contain_text(served["company"])
    for index in range(answer.locator(".source-chip").count()):
        answer.locator(".source-chip").nth(index).click()
    page.wait_for_timeout(300)  # give any injected <img onerror> the chance to fire
    screenshot(page, "chat-xss-posting")

    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator(".conversation script, .conversation img").count() == 0
    if "<script>" in served["title"]:
        expect(card.locator(".role-title")).to_contain_text("<script>window.__xss=1</script>")


def test_markdown_renderer_builds_text_nodes_and_safe_links_only(page: Page) -> None:
    page.goto("/")
    result = page.evaluate(
        """async () => {
          const { renderMarkdown } = await import("/static/markdown.js");
          const source = [
            "### Pay", "Some **bold**, *italic*, `code` and hedge_fund_roles [1] but not [7].",
            "- item <img src=x onerror=\\"window.__xss=1\\">",
            "- [bad](javascript:window.__xss=1) and [good](https://example.com/a)",
            "", "1. first", "2. <script>window.__xss=1</script>",
          ].join("\\n");
          const host = document.createElement("div");
          document.body.append(host);
          host.append(renderMarkdown(source, { citations: [{ title: "A source" }], onCitation() {} }));
          await new Promise((done) => setTimeout(done, 200));
          return {
            text: host.textContent,
            headings: [...host.querySelectorAll("h5")].map((h) => h.textContent),
            strong: [...host.querySelectorAll("strong")].map((n) => n.textContent),
            em: [...host.querySelectorAll("em")].map((n) => n.textContent),
            code: [...host.querySelectorAll("code")].map((n) => n.textContent),
            links: [...host.querySelectorAll("a")].map((a) => [a.textContent, a.href, a.rel]),
            chips: [...host.querySelectorAll(".cite-chip")].map((c) => c.textContent),
            items: [host.querySelectorAll("ul > li").length, host.querySelectorAll("ol > li").length],
            markup: host.querySelectorAll("img, script").length,
            xss: typeof window.__xss,
          };
        }"""
    )
    assert result["headings"] == ["Pay"]
    assert result["strong"] == ["bold"]
    assert result["em"] == ["italic"]
    assert result["code"] == ["code"]
    assert result["links"] == [["good", "https://example.com/a", "noopener noreferrer"]]
    assert result["chips"] == ["1"]
    assert result["items"] == [2, 2]
    assert result["markup"] == 0
    assert result["xss"] == "undefined"
    assert "hedge_fund_roles" in result["text"]
    assert "[7]" in result["text"]
    assert '<img src=x onerror="window.__xss=1">' in result["text"]
    assert "<script>window.__xss=1</script>" in result["text"]


def test_event_stream_reader_survives_arbitrary_chunk_boundaries(page: Page) -> None:
    page.goto("/")
    events = page.evaluate(
        """async () => {
          const { readEvents } = await import("/static/sse.js");
          const text = 'event: meta\\r\\ndata: {"a":1}\\r\\n\\r\\n: ping\\n\\n'
            + 'event: delta\\ndata: {"text":"héllo ✓"}\\n\\n'
            + 'event: done\\r\\ndata: {"answer":\\r\\ndata: "x"}\\r\\n\\r\\n';
          const bytes = new TextEncoder().encode(text);
          const stream = new ReadableStream({
            start(controller) {
              for (let i = 0; i < bytes.length; i += 3) controller.enqueue(bytes.slice(i, i + 3));
              controller.close();
            },
          });
          const seen = [];
          for await (const { event, data } of readEvents(new Response(stream))) {
            seen.push([event, JSON.parse(data)]);
          }
          return seen;
        }"""
    )
    assert events == [["meta", {"a": 1}], ["delta", {"text": "héllo ✓"}], ["done", {"answer": "x"}]]


def test_problem_responses_are_shown_to_the_user(page: Page) -> None:
    def answer_with(status: int, detail: str) -> Callable[[Route], None]:
        body = json.dumps({"type": "about:blank", "title": "Rejected", "status": status, "detail": detail})
        return lambda route: route.fulfill(status=status, content_type="application/problem+json", body=body)

    page.route("**/v1/chat", answer_with(413, "Message 1 is too long."))
    page.route("**/v1/coach/draft", answer_with(422, "alias: Field required"))
    page.goto("/")
    page.fill("#composer-input", "hello")
    page.press("#composer-input", "Enter")
    page.wait_for_function(LAST_ANSWER_SETTLED)
    expect(page.locator(".message.assistant .notice.is-error")).to_have_text("Message 1 is too long.")

    page.click("#tab-coach")
    page.fill("#coach-alias", "x")
    page.click("#coach-submit")
    expect(page.locator("#coach-error")).to_contain_text("alias: Field required")


def test_phone_width_has_no_horizontal_scroll(browser: Browser, base_url: str) -> None:
    page, problems = open_page(browser, base_url, width=375, height=740)
    try:
        page.goto("/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        page.select_option("#filter-remote", "remote")
        ask(page, "What do machine learning roles at banks pay?")
        expect(page.locator(".message.assistant .answer")).not_to_be_empty()
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        screenshot(page, "phone-chat")
        page.click("#tab-coach")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        screenshot(page, "phone-coach")
    finally:
        page.context.close()
    assert problems == []


def test_coach_tab_drafts_a_memo_that_downloads_as_markdown(page: Page) -> None:
    page.goto("/")
    page.focus("#tab-chat")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#tab-coach")).to_be_focused()
    expect(page.locator("#panel-coach")).to_be_visible()
    expect(page.locator("#panel-chat")).to_be_hidden()
    page.fill("#coach-alias", "jane-d")
    page.fill("#coach-role", "ML engineer at a consumer tech company")
    page.fill("#coach-years", "5")
    page.fill("#coach-skills", "python, pytorch, sql")
    page.fill("#coach-education", "MSc Statistics")
    page.check('input[name="target_sectors"][value="hedge_fund"]')
    page.check('input[name="target_sectors"][value="fintech"]')
    page.fill("#coach-locations", "New York, London")
    page.select_option("#coach-remote", "hybrid")
    page.fill("#coach-salary", "220000")
    page.fill("#coach-notes", "Wants to move within a year.")
    with page.expect_response("**/v1/coach/draft", timeout=ANSWER_TIMEOUT_MS) as sent:
        page.click("#coach-submit")
    response = sent.value
    assert response.ok, response.text()
    body = sent_json(response.request)
    assert body == {
        "alias": "jane-d",
        "current_role": "ML engineer at a consumer tech company",
        "years_experience": 5,
        "skills": ["python", "pytorch", "sql"],
        "education": "MSc Statistics",
        "target_sectors": ["hedge_fund", "fintech"],
        "locations": ["New York", "London"],
        "remote": "hybrid",
        "salary_expectation": {"amount": 220000, "currency": "USD"},
        "notes": "Wants to move within a year.",
    }
    memo = response.json()["markdown"]
    expect(page.locator(".memo-body")).not_to_be_empty()
    expect(page.locator(".memo h2")).to_have_text("Draft memo for jane-d")
    screenshot(page, "coach-memo")

    with page.expect_download() as started:
        page.click("#coach-download")
    download = started.value
    assert download.suggested_filename == "coach-memo-jane-d.md"
    assert Path(download.path()).read_text(encoding="utf-8") == memo

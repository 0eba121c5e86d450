// How one turn of the conversation looks: the user's bubble, or the assistant's streamed, cited answer.

import { renderRoles, renderSalary, renderSources } from "./cards.js";
import { announce, copyText, el, fill } from "./dom.js";
import { INTENTS } from "./format.js";
import { renderMarkdown } from "./markdown.js";

export function renderUserMessage(message) {
  return el(
    "article",
    { className: "message user", attrs: { "aria-label": "You said" } },
    el("div", { className: "bubble", text: message.content }),
  );
}

/**
 * The assistant's turn. `message` is {content, data, status, error}; data is the meta/done payload
 * (intent, filters, roles, citations, salary, suggestions, notice). `onSuggestion(text)` asks a follow-up.
 */
export function createAssistantView(message, { onSuggestion }) {
  const intent = el("span", { className: "badge intent", hidden: true });
  const actions = el("div", { className: "message-actions" });
  const body = el("div", { className: "answer markdown" });
  const notice = el("p", { className: "notice", hidden: true, attrs: { role: "note" } });
  const extras = el("div", { className: "extras" });
  const suggestions = el("div", { className: "suggestions", hidden: true });
  const article = el(
    "article",
    { className: "message assistant", attrs: { "aria-label": "Assistant answer" } },
    el(
      "div",
      { className: "message-head" },
      el("span", { className: "avatar", text: "fc", attrs: { "aria-hidden": "true" } }),
      el("span", { className: "who", text: "Assistant" }),
      intent,
      actions,
    ),
    body,
    notice,
    extras,
    suggestions,
  );
  let sources = null;
  let pendingFrame = 0;

  article.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && sources?.closeOpen()) event.stopPropagation();
  });

  const citations = () => (Array.isArray(message.data?.citations) ? message.data.citations : []);

  const drawText = () => {
    pendingFrame = 0;
    const streaming = message.status === "streaming";
    body.replaceChildren(
      renderMarkdown(message.content, { citations: citations(), onCitation: (n, chip) => sources?.reveal(n, chip) }),
    );
    if (streaming) {
      const host = lastTextContainer(body);
      host.append(el("span", { className: "caret", attrs: { "aria-hidden": "true" } }));
    }
    if (!message.content && streaming) body.append(el("p", { className: "thinking", text: "Looking through postings…" }));
  };

  const drawExtras = () => {
    const data = message.data || {};
    if (data.intent && INTENTS[data.intent]) {
      intent.textContent = INTENTS[data.intent];
      intent.hidden = false;
    }
    sources = citations().length ? renderSources(citations(), article) : null;
    fill(extras,
      sources ? sources.section : null,
      data.salary && data.salary.count > 0 ? renderSalary(data.salary) : null,
      Array.isArray(data.roles) && data.roles.length ? renderRoles(data.roles) : null,
    );
  };

  const drawEnd = () => {
    const data = message.data || {};
    notice.hidden = !(data.notice || message.error || message.status === "stopped");
    notice.classList.toggle("is-error", Boolean(message.error));
    notice.setAttribute("role", message.error ? "alert" : "note");
    notice.textContent = message.error || data.notice || (message.status === "stopped" ? "Stopped before the end." : "");
    actions.replaceChildren();
    if (message.content && message.status !== "streaming") actions.append(copyButton(() => message.content));
    // Follow-ups make sense once the answer is complete.
    drawSuggestions(message.status === "done" ? data.suggestions : []);
  };

  const drawSuggestions = (items) => {
    const list = Array.isArray(items) ? items.filter((s) => typeof s === "string" && s.trim()) : [];
    suggestions.replaceChildren();
    suggestions.hidden = list.length === 0;
    if (!list.length) return;
    suggestions.append(
      el("h3", { className: "section-label", text: "Follow up" }),
      el(
        "ul",
        { className: "chip-list" },
        list.map((text) =>
          el("li", {}, el("button", { className: "chip suggestion", text, attrs: { type: "button" }, on: { click: () => onSuggestion(text) } })),
        ),
      ),
    );
  };

  return {
    article,
    /** Redraw everything from `message` (after meta, done, an error, or when restoring). */
    render() {
      drawExtras();
      drawText();
      drawEnd();
      article.dataset.state = message.status || "done";
    },
    /** Redraw only the text, at most once per frame while deltas arrive. */
    scheduleText() {
      if (!pendingFrame) pendingFrame = requestAnimationFrame(drawText);
    },
    hideSuggestions() {
      suggestions.hidden = true;
    },
  };
}

function lastTextContainer(body) {
  let node = body.lastElementChild;
  while (node && node.lastElementChild && ["UL", "OL", "LI", "BLOCKQUOTE", "DIV"].includes(node.tagName)) {
    node = node.lastElementChild;
  }
  if (!node || ["PRE", "HR", "TABLE", "UL", "OL"].includes(node.tagName)) {
    node = el("p");
    body.append(node);
  }
  return node;
}

function copyButton(getText) {
  const button = el("button", {
    className: "icon-button copy",
    text: "Copy",
    attrs: { type: "button", "aria-label": "Copy answer" },
  });
  button.addEventListener("click", async () => {
    const ok = await copyText(getText());
    button.textContent = ok ? "Copied" : "Copy failed";
    announce(ok ? "Answer copied to the clipboard." : "Could not copy the answer.");
    window.setTimeout(() => {
      button.textContent = "Copy";
    }, 1800);
  });
  return button;
}

// The conversation: kept in localStorage, sent whole as history, answered over SSE from POST /v1/chat.

import { announce, el, fill } from "./dom.js";
import { describeFilter } from "./format.js";
import { createAssistantView, renderUserMessage } from "./messages.js";
import { connectionLost, describeDetail, parsePayload, problemMessage, readEvents } from "./sse.js";

const STORE_KEY = "finml-careers.chat.v1";
const MAX_TURNS = 40; // the server's limits.max_turns
const MAX_CHARS = 4000; // the server's limits.max_message_chars
const FILTER_KEYS = ["sector", "level", "remote"];

export function startChat(root) {
  const $ = (selector) => root.querySelector(selector);
  const conversation = $("#conversation");
  const emptyState = $("#empty-state");
  const form = $("#composer");
  const input = $("#composer-input");
  const sendButton = $("#send");
  const stopButton = $("#stop");
  const chips = $("#filter-chips");
  const selects = Object.fromEntries(FILTER_KEYS.map((key) => [key, $(`#filter-${key}`)]));

  const state = loadState();
  const views = new WeakMap(); // message -> its assistant view
  let controller = null;
  let inflight = null;
  let refilterTimer = 0;

  // ---- conversation ----

  function save() {
    try {
      const messages = state.messages.slice(-2 * MAX_TURNS).map(({ role, content, data, status, error }) => ({
        role, content, data, error, status: status === "streaming" ? "stopped" : status,
      }));
      localStorage.setItem(STORE_KEY, JSON.stringify({ messages, filters: state.filters }));
    } catch {
      // Storage full or disabled: the conversation still works, it just will not survive a reload.
    }
  }

  function show(message) {
    emptyState.hidden = true;
    if (message.role === "user") {
      conversation.append(renderUserMessage(message));
      return;
    }
    const view = createAssistantView(message, { onSuggestion: (text) => ask(text) });
    views.set(message, view);
    conversation.append(view.article);
    view.render();
  }

  function history() {
    const turns = state.messages
      .filter((m) => !m.error && m.content && m.status !== "streaming")
      .map((m) => ({ role: m.role, content: m.content.slice(0, MAX_CHARS) }))
      .slice(-MAX_TURNS);
    while (turns.length && turns[0].role !== "user") turns.shift();
    return turns;
  }

  function ask(text) {
    const question = text.trim().slice(0, MAX_CHARS);
    if (!question || controller) return;
    for (const message of state.messages) views.get(message)?.hideSuggestions();
    const message = { role: "user", content: question };
    state.messages.push(message);
    show(message);
    save();
    inflight = respond();
  }

  async function respond() {
    const body = { messages: history(), filters: activeFilters(), stream: true };
    const message = { role: "assistant", content: "", data: null, status: "streaming" };
    state.messages.push(message);
    show(message);
    const view = views.get(message);
    setBusy(true);
    scrollToEnd(true);
    controller = new AbortController();
    let finished = false;
    const finish = (payload) => {
      message.data = { ...message.data, ...payload };
      if (typeof payload.answer === "string") message.content = payload.answer;
      message.status = "done";
      finished = true;
    };
    try {
      const response = await fetch("/v1/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
        body: JSON.stringify(body),
        signal: controller.signal,
      }).catch(connectionLost);
      if (!response.ok) throw new Error(await problemMessage(response));
      if ((response.headers.get("content-type") || "").includes("application/json")) {
        finish(await response.json());
      } else {
        for await (const { event, data } of readEvents(response)) {
          const payload = parsePayload(data);
          if (event === "meta") {
            message.data = { ...message.data, ...payload };
            view.render();
            renderChips();
          } else if (event === "delta") {
            message.content += typeof payload.text === "string" ? payload.text : "";
            view.scheduleText();
            scrollToEnd(false);
          } else if (event === "done") {
            finish(payload);
          } else if (event === "error") {
            throw new Error(describeDetail(payload.detail) || "The assistant could not answer.");
          }
        }
      }
      if (!finished) throw new Error("The connection closed before the answer was complete.");
    } catch (error) {
      if (error.name === "AbortError") {
        message.status = "stopped";
      } else {
        message.status = "error";
        message.error = error.message || "Could not reach the assistant.";
      }
    } finally {
      controller = null;
      view.render();
      setBusy(false);
      renderChips();
      save();
      announce(message.error ? `Error: ${message.error}` : "Answer complete.");
    }
  }

  function setBusy(busy) {
    conversation.setAttribute("aria-busy", String(busy));
    sendButton.disabled = busy;
    stopButton.hidden = !busy;
    sendButton.hidden = busy;
  }

  function scrollToEnd(force) {
    const gap = document.documentElement.scrollHeight - window.innerHeight - window.scrollY;
    if (force || gap < 160) window.scrollTo({ top: document.documentElement.scrollHeight });
  }

  function reset() {
    controller?.abort();
    state.messages = [];
    conversation.replaceChildren();
    emptyState.hidden = false;
    save();
    renderChips();
    input.focus();
    announce("Started a new conversation.");
  }

  /** Answer the last question again, e.g. after the filters changed. */
  async function reanswer() {
    if (controller) {
      controller.abort();
      await inflight;
    }
    const last = state.messages.at(-1);
    if (last?.role !== "assistant") return;
    state.messages.pop();
    views.get(last)?.article.remove();
    if (state.messages.at(-1)?.role === "user") inflight = respond();
  }

  // ---- filters ----

  function activeFilters() {
    return Object.fromEntries(Object.entries(state.filters).filter(([key, value]) => FILTER_KEYS.includes(key) && value));
  }

  function inferredFilters() {
    const last = [...state.messages].reverse().find((m) => m.role === "assistant" && m.data?.filters);
    const applied = last?.data?.filters || {};
    return Object.entries(applied).filter(([key, value]) => value !== null && value !== "" && state.filters[key] !== value);
  }

  function setFilter(key, value) {
    state.filters = { ...state.filters, [key]: value || null };
    selects[key].value = value || "";
    save();
    renderChips();
    // Filters apply to the whole conversation, so the last answer is redone under the new ones.
    window.clearTimeout(refilterTimer);
    if (state.messages.some((m) => m.role === "assistant")) refilterTimer = window.setTimeout(reanswer, 250);
  }

  function renderChips() {
    const own = Object.entries(activeFilters()).map(([key, value]) =>
      el("li", {}, el(
        "button",
        {
          className: "chip removable",
          attrs: { type: "button", "data-filter": key, "aria-label": `Remove filter ${describeFilter(key, value)}` },
          on: { click: () => { setFilter(key, null); selects[key].focus(); } },
        },
        describeFilter(key, value),
        el("span", { className: "chip-x", text: "×", attrs: { "aria-hidden": "true" } }),
      )),
    );
    const inferred = inferredFilters().map(([key, value]) =>
      el("li", {}, el("span", { className: "chip inferred", attrs: { "data-filter": key } }, describeFilter(key, value))),
    );
    fill(chips,
      own.length ? el("ul", { className: "chip-list", attrs: { "aria-label": "Your filters" } }, own) : null,
      inferred.length
        ? el("div", { className: "inferred-group" },
            el("span", { className: "chip-caption", text: "From the conversation:" }),
            el("ul", { className: "chip-list", attrs: { "aria-label": "Filters inferred from the conversation" } }, inferred))
        : null,
    );
    chips.hidden = !own.length && !inferred.length;
  }

  // ---- wiring ----

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value;
    if (!text.trim() || controller) return;
    input.value = "";
    fitInput();
    ask(text);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  const fitInput = () => {
    input.style.height = "auto";
    input.style.height = `${Math.min(input.scrollHeight, 200)}px`;
  };
  input.addEventListener("input", fitInput);
  stopButton.addEventListener("click", () => controller?.abort());
  $("#new-conversation").addEventListener("click", reset);
  for (const key of FILTER_KEYS) selects[key].addEventListener("change", () => setFilter(key, selects[key].value));
  for (const starter of root.querySelectorAll("[data-starter]")) {
    starter.addEventListener("click", () => ask(starter.textContent));
  }

  for (const key of FILTER_KEYS) {
    // A stored value the select does not offer (an older vocabulary) is dropped, not sent.
    selects[key].value = state.filters[key] || "";
    if (selects[key].value !== (state.filters[key] || "")) state.filters[key] = null;
  }
  for (const message of state.messages) show(message);
  const last = state.messages.at(-1);
  for (const message of state.messages) if (message !== last) views.get(message)?.hideSuggestions();
  renderChips();
  if (state.messages.length) scrollToEnd(true);
}

function loadState() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE_KEY) || "null");
    if (saved && Array.isArray(saved.messages)) {
      const messages = saved.messages.filter(
        (m) => m && (m.role === "user" || m.role === "assistant") && typeof m.content === "string",
      );
      return { messages, filters: saved.filters && typeof saved.filters === "object" ? saved.filters : {} };
    }
  } catch {
    // Unreadable storage starts a fresh conversation.
  }
  return { messages: [], filters: {} };
}

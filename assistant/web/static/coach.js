// The Coach tab: a client profile in, a cited advice memo out (POST /v1/coach/draft), downloadable as .md.

import { renderRoles, renderSalary, renderSources } from "./cards.js";
import { announce, copyText, el, fill } from "./dom.js";
import { renderMarkdown } from "./markdown.js";
import { connectionLost, problemMessage } from "./sse.js";

export function startCoach(root) {
  const form = root.querySelector("#coach-form");
  const submit = root.querySelector("#coach-submit");
  const output = root.querySelector("#coach-output");
  const error = root.querySelector("#coach-error");

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const profile = readProfile(form);
    error.hidden = true;
    submit.disabled = true;
    submit.textContent = "Drafting…";
    output.setAttribute("aria-busy", "true");
    try {
      const response = await fetch("/v1/coach/draft", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(profile),
      }).catch(connectionLost);
      if (!response.ok) throw new Error(await problemMessage(response));
      showMemo(output, profile.alias, await response.json());
      announce("The memo is ready.");
      output.querySelector("h2")?.focus();
    } catch (failure) {
      error.textContent = `Could not draft the memo: ${failure.message || "the server did not answer."}`;
      error.hidden = false;
      error.focus();
    } finally {
      submit.disabled = false;
      submit.textContent = "Draft memo";
      output.setAttribute("aria-busy", "false");
    }
  });
}

const splitList = (text) => text.split(",").map((item) => item.trim()).filter(Boolean);

/** The profile as DESIGN.md's body: empty numbers are left out rather than sent as 0. */
export function readProfile(form) {
  const value = (name) => String(form.elements[name].value || "").trim();
  const profile = {
    alias: value("alias"),
    current_role: value("current_role"),
    skills: splitList(value("skills")),
    education: value("education"),
    target_sectors: [...form.querySelectorAll('input[name="target_sectors"]:checked')].map((box) => box.value),
    locations: splitList(value("locations")),
    remote: value("remote") || "any",
    notes: value("notes"),
  };
  if (value("years_experience") !== "") profile.years_experience = Number(value("years_experience"));
  if (value("salary_amount") !== "") {
    profile.salary_expectation = { amount: Number(value("salary_amount")), currency: value("salary_currency") };
  }
  return profile;
}

function showMemo(output, alias, result) {
  const markdown = typeof result.markdown === "string" ? result.markdown : "";
  const citations = Array.isArray(result.citations) ? result.citations : [];
  const body = el("div", { className: "answer markdown memo-body" });
  const article = el("article", { className: "memo" });
  const sources = citations.length ? renderSources(citations, article) : null;
  body.append(renderMarkdown(markdown, { citations, onCitation: (n, chip) => sources?.reveal(n, chip) }));
  article.addEventListener("keydown", (event) => {
    if (event.key === "Escape") sources?.closeOpen();
  });
  const copy = el("button", { className: "button secondary", text: "Copy", attrs: { type: "button" } });
  copy.addEventListener("click", async () => {
    const ok = await copyText(markdown);
    announce(ok ? "Memo copied to the clipboard." : "Could not copy the memo.");
    copy.textContent = ok ? "Copied" : "Copy failed";
    window.setTimeout(() => {
      copy.textContent = "Copy";
    }, 1800);
  });
  fill(
    article,
    el(
      "div",
      { className: "memo-head" },
      el("h2", { text: `Draft memo for ${alias}`, attrs: { tabindex: "-1" } }),
      el(
        "div",
        { className: "memo-actions" },
        copy,
        el("button", {
          className: "button",
          text: "Download .md",
          attrs: { type: "button", id: "coach-download" },
          on: { click: () => download(markdown, `coach-memo-${fileSlug(alias)}.md`) },
        }),
      ),
    ),
    body,
    sources ? sources.section : null,
    result.salary && result.salary.count > 0 ? renderSalary(result.salary) : null,
    Array.isArray(result.roles) && result.roles.length ? renderRoles(result.roles, "Roles to target") : null,
  );
  output.replaceChildren(article);
  output.hidden = false;
}

function fileSlug(alias) {
  return alias.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "client";
}

function download(text, filename) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
  const link = el("a", { attrs: { href: url, download: filename }, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

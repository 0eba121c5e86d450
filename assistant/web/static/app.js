// Entry point: tabs, the health line in the header, and the chat and coach views.

import { startChat } from "./chat.js";
import { startCoach } from "./coach.js";

function startTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  const select = (tab, focus) => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      document.getElementById(other.getAttribute("aria-controls")).hidden = !selected;
    }
    if (focus) tab.focus();
    const hash = `#${tab.dataset.view}`;
    if (window.location.hash !== hash) history.replaceState(null, "", tab.dataset.view === "chat" ? window.location.pathname : hash);
  };
  tabs.forEach((tab, index) => {
    tab.addEventListener("click", () => select(tab, false));
    tab.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (step) select(tabs[(index + step + tabs.length) % tabs.length], true);
      if (event.key === "Home") select(tabs[0], true);
      if (event.key === "End") select(tabs.at(-1), true);
    });
  });
  const fromHash = tabs.find((tab) => `#${tab.dataset.view}` === window.location.hash);
  select(fromHash || tabs[0], false);
}

async function showHealth() {
  const line = document.getElementById("health");
  try {
    const response = await fetch("/healthz", { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(String(response.status));
    const health = await response.json();
    const postings = Number(health.postings) || 0;
    line.textContent = `${postings.toLocaleString("en-US")} postings · ${health.composer || "grounded"}`;
    line.dataset.state = "ok";
  } catch {
    line.textContent = "offline";
    line.dataset.state = "down";
  }
}

startTabs();
startChat(document.getElementById("panel-chat"));
startCoach(document.getElementById("panel-coach"));
showHealth();

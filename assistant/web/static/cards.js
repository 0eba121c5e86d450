// What an answer carries besides its text: sources, role cards and the salary panel.

import { el, externalLink, fill, safeHttpUrl, svg } from "./dom.js";
import { LEVELS, REMOTES, SECTORS, formatMoney, formatSalaryRange, plural } from "./format.js";

let sequence = 0;
const nextId = (prefix) => `${prefix}-${++sequence}`;

/**
 * The numbered source list of one answer, with a detail panel that a chip (in the list or inline in the
 * text) opens. `scope` is the element holding every chip that points at these sources.
 */
export function renderSources(citations, scope) {
  const detailId = nextId("source-detail");
  const detail = el("div", { className: "source-detail", hidden: true, attrs: { id: detailId } });
  let openIndex = 0;
  let opener = null;

  const close = () => {
    const back = opener;
    reveal(openIndex, null);
    back?.focus();
  };
  const reveal = (n, trigger) => {
    openIndex = openIndex === n ? 0 : n;
    opener = openIndex ? trigger : null;
    for (const chip of scope.querySelectorAll("[data-cite]")) {
      const isOpen = Number(chip.dataset.cite) === openIndex;
      chip.setAttribute("aria-expanded", String(isOpen));
      chip.setAttribute("aria-controls", detailId);
      chip.classList.toggle("is-open", isOpen);
    }
    fill(detail, openIndex ? sourceDetail(openIndex, citations[openIndex - 1], close) : null);
    detail.hidden = openIndex === 0;
  };

  const chips = citations.map((source, index) =>
    el(
      "li",
      {},
      el(
        "button",
        {
          className: "source-chip",
          attrs: { type: "button", "data-cite": index + 1, "aria-expanded": "false", "aria-controls": detailId },
          on: { click: (event) => reveal(index + 1, event.currentTarget) },
        },
        el("span", { className: "source-number", text: index + 1, attrs: { "aria-hidden": "true" } }),
        el("span", { className: "visually-hidden", text: `Source ${index + 1}: ` }),
        el("span", { className: "source-title", text: source.title || "Untitled source" }),
      ),
    ),
  );
  const section = el(
    "section",
    { className: "sources", attrs: { "aria-label": "Sources" } },
    el("h3", { className: "section-label", text: "Sources" }),
    el("ol", { className: "source-list" }, chips),
    detail,
  );
  const closeOpen = () => {
    if (!openIndex) return false;
    close();
    return true;
  };
  return { section, reveal, closeOpen };
}

function sourceDetail(n, source, close) {
  const href = safeHttpUrl(source.url);
  return [
    el(
      "div",
      { className: "source-detail-head" },
      el("span", { className: "badge", text: source.kind === "faq" ? "FAQ" : "Posting" }),
      el("strong", { className: "source-detail-title", text: `[${n}] ${source.title || "Untitled source"}` }),
      el("button", {
        className: "icon-button",
        text: "×",
        attrs: { type: "button", "aria-label": `Close source ${n}` },
        on: { click: close },
      }),
    ),
    source.snippet ? el("p", { className: "source-snippet", text: source.snippet }) : null,
    href ? el("p", {}, externalLink(href, "Open source ↗")) : null,
  ];
}

const INITIAL_ROLES = 6;

/** A heading and a grid of role cards; long lists start folded. */
export function renderRoles(roles, heading = "Matching roles") {
  const grid = el("div", { className: "role-grid" });
  const section = el(
    "section",
    { className: "roles", attrs: { "aria-label": heading } },
    el("h3", { className: "section-label" }, heading, " ", el("span", { className: "count", text: `(${roles.length})` })),
    grid,
  );
  const show = (count) => grid.replaceChildren(...roles.slice(0, count).map(renderRoleCard));
  show(INITIAL_ROLES);
  if (roles.length > INITIAL_ROLES) {
    const more = el("button", {
      className: "text-button",
      text: `Show all ${roles.length} roles`,
      attrs: { type: "button" },
      on: {
        click: () => {
          show(roles.length);
          more.remove();
          grid.children[INITIAL_ROLES]?.querySelector("a, button")?.focus();
        },
      },
    });
    section.append(more);
  }
  return section;
}

export function renderRoleCard(role) {
  const href = safeHttpUrl(role.url);
  const where = [role.company, role.location].filter(Boolean).join(" · ");
  const why = Array.isArray(role.why) ? role.why.filter(Boolean) : [];
  const gaps = Array.isArray(role.gaps) ? role.gaps.filter(Boolean) : [];
  return el(
    "article",
    { className: "role-card", attrs: { "data-role-id": role.id, "data-sector": role.sector, "data-remote": role.remote } },
    el("h4", { className: "role-title", text: role.title || "Untitled role" }),
    el("p", { className: "role-where", text: where }),
    el(
      "ul",
      { className: "badges", attrs: { "aria-label": "Role facts" } },
      el("li", { className: `badge sector-${role.sector}`, text: SECTORS[role.sector] || role.sector }),
      el("li", { className: "badge", text: LEVELS[role.level] || role.level }),
      el("li", { className: `badge remote-${role.remote}`, text: REMOTES[role.remote] || role.remote }),
    ),
    role.salary
      ? el("p", { className: "role-salary", text: formatSalaryRange(role.salary) })
      : el("p", { className: "role-salary is-missing", text: "Salary not posted" }),
    why.length ? el("ul", { className: "role-why", attrs: { "aria-label": "Why it matches" } }, why.map((w) => el("li", { text: w }))) : null,
    gaps.length ? el("p", { className: "role-gaps" }, el("span", { text: "Skills to build: " }), gaps.join(", ")) : null,
    href
      ? el(
          "p",
          { className: "role-link" },
          el("a", {
            text: "View posting ↗",
            attrs: {
              href,
              target: "_blank",
              rel: "noopener noreferrer",
              "aria-label": `View posting: ${role.title} at ${role.company} (opens in a new tab)`,
            },
          }),
        )
      : null,
  );
}

// Most answers are in one or two currencies; the rest wait behind a button.
const INITIAL_CURRENCIES = 4;

/** Count, range and median per currency, each with a box plot; currencies are never mixed. */
export function renderSalary(salary) {
  const blocks = Array.isArray(salary.by_currency) && salary.by_currency.length ? salary.by_currency : [salary];
  const matched = typeof salary.matched_postings === "number" ? salary.matched_postings : null;
  const posted = blocks.reduce((sum, block) => sum + (block.count || 0), 0);
  const note = matched !== null && matched !== posted
    ? `Annual pay from ${plural(posted, "posting")} with a posted salary, of ${matched} matching.`
    : `Annual pay from ${plural(posted, "posting")} with a posted salary.`;
  const grid = el("div", { className: "salary-blocks" });
  const show = (count) => grid.replaceChildren(...blocks.slice(0, count).map(renderCurrencyBlock));
  show(INITIAL_CURRENCIES);
  const section = el(
    "section",
    { className: "salary-panel", attrs: { "aria-label": "Salary statistics" } },
    el("h3", { className: "section-label", text: "Salary statistics" }),
    el("p", { className: "salary-note", text: note }),
    grid,
  );
  if (blocks.length > INITIAL_CURRENCIES) {
    const rest = blocks.slice(INITIAL_CURRENCIES).map((block) => block.currency).join(", ");
    const more = el("button", {
      className: "text-button",
      text: `Show ${blocks.length - INITIAL_CURRENCIES} more currencies (${rest})`,
      attrs: { type: "button" },
      on: {
        click: () => {
          show(blocks.length);
          more.remove();
        },
      },
    });
    section.append(more);
  }
  return section;
}

function renderCurrencyBlock(block) {
  const money = (value) => formatMoney(value, block.currency);
  const range = block.min === block.max ? money(block.min) : `${money(block.min)}–${money(block.max)}`;
  return el(
    "div",
    { className: "salary-block", attrs: { "data-currency": block.currency } },
    el(
      "div",
      { className: "salary-info" },
      el(
        "div",
        { className: "salary-head" },
        el("span", { className: "salary-currency", text: block.currency }),
        el("span", { className: "salary-count", text: plural(block.count, "posting") }),
      ),
      el(
        "dl",
        { className: "salary-figures" },
        el("div", {}, el("dt", { text: "Median" }), el("dd", { text: money(block.median) })),
        el("div", {}, el("dt", { text: "Range" }), el("dd", { text: range })),
        typeof block.p25 === "number"
          ? el("div", {}, el("dt", { text: "Middle half" }), el("dd", { text: `${money(block.p25)}–${money(block.p75)}` }))
          : null,
      ),
    ),
    boxPlot(block, money),
  );
}

function boxPlot(block, money) {
  const width = 320;
  const pad = 10;
  const low = block.min;
  const high = block.max;
  const span = high - low;
  const x = (value) => (span > 0 ? pad + ((value - low) / span) * (width - 2 * pad) : width / 2);
  const p25 = typeof block.p25 === "number" ? block.p25 : block.median;
  const p75 = typeof block.p75 === "number" ? block.p75 : block.median;
  const description =
    `${block.currency} salaries: minimum ${money(low)}, 25th percentile ${money(p25)}, ` +
    `median ${money(block.median)}, 75th percentile ${money(p75)}, maximum ${money(high)}.`;
  const boxLeft = x(p25);
  const mid = x(block.median);
  const midAnchor = mid < 44 ? "start" : mid > width - 44 ? "end" : "middle";
  return svg(
    "svg",
    { class: "box-plot", viewBox: `0 0 ${width} 52`, role: "img", "aria-label": description, focusable: "false" },
    svg("title", {}, description),
    svg("line", { class: "whisker", x1: x(low), x2: x(high), y1: 22, y2: 22 }),
    svg("line", { class: "whisker", x1: x(low), x2: x(low), y1: 15, y2: 29 }),
    svg("line", { class: "whisker", x1: x(high), x2: x(high), y1: 15, y2: 29 }),
    svg("rect", { class: "box", x: boxLeft, y: 12, width: Math.max(2, x(p75) - boxLeft), height: 20, rx: 3 }),
    svg("line", { class: "median", x1: x(block.median), x2: x(block.median), y1: 10, y2: 34 }),
    svg("text", { class: "tick", x: pad, y: 48, "text-anchor": "start" }, money(low)),
    svg("text", { class: "tick median-label", x: mid, y: 8, "text-anchor": midAnchor }, money(block.median)),
    svg("text", { class: "tick", x: width - pad, y: 48, "text-anchor": "end" }, money(high)),
  );
}

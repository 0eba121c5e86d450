// A small Markdown renderer that builds DOM nodes directly: untrusted text only ever becomes text nodes.
//
// Blocks: paragraphs, headings, bullet/numbered lists (nested by indent), code fences, quotes, rules,
// pipe tables. Inline: **bold**, *italic*, `code`, [text](http/https links), bare URLs, and [n] citation
// markers, which become numbered chips when `options.citations` has an n-th source.

import { el, externalLink, safeHttpUrl } from "./dom.js";

const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s{0,3}(```|~~~)\s*([\w+-]*)\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const TABLE_DIVIDER = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/**
 * Render markdown into a DocumentFragment.
 * options.citations: [{title, ...}] numbered from 1; options.onCitation(n, button) runs when a chip is pressed.
 */
export function renderMarkdown(text, options = {}) {
  const fragment = document.createDocumentFragment();
  const lines = String(text ?? "").replace(/\r\n?/g, "\n").split("\n");
  renderBlocks(fragment, lines, options);
  return fragment;
}

function renderBlocks(parent, lines, options) {
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i += 1;
      continue;
    }
    let match;
    if ((match = FENCE.exec(line))) {
      i = renderFence(parent, lines, i, match[1]);
    } else if ((match = HEADING.exec(line))) {
      const level = Math.min(6, match[1].length + 2); // the page owns h1/h2; answers start at h3
      parent.append(inline(el(`h${level}`, { className: "md-heading" }), match[2], options));
      i += 1;
    } else if (RULE.test(line)) {
      parent.append(el("hr"));
      i += 1;
    } else if (QUOTE.test(line)) {
      const inner = [];
      while (i < lines.length && (match = QUOTE.exec(lines[i]))) {
        inner.push(match[1]);
        i += 1;
      }
      const quote = el("blockquote");
      renderBlocks(quote, inner, options);
      parent.append(quote);
    } else if (LIST_ITEM.test(line)) {
      const [list, next] = renderList(lines, i, indentOf(line), options);
      parent.append(list);
      i = next;
    } else if (isTableStart(lines, i)) {
      i = renderTable(parent, lines, i, options);
    } else {
      const words = [];
      while (i < lines.length && lines[i].trim() && (words.length === 0 || !startsBlock(lines, i))) {
        words.push(lines[i].trim());
        i += 1;
      }
      parent.append(inline(el("p"), words.join(" "), options));
    }
  }
}

function startsBlock(lines, i) {
  const line = lines[i];
  return (
    FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) ||
    LIST_ITEM.test(line) || isTableStart(lines, i)
  );
}

function indentOf(line) {
  const lead = /^\s*/.exec(line)[0];
  return lead.replace(/\t/g, "    ").length;
}

function renderFence(parent, lines, start, marker) {
  const body = [];
  let i = start + 1;
  while (i < lines.length && !lines[i].trim().startsWith(marker)) {
    body.push(lines[i]);
    i += 1;
  }
  parent.append(el("pre", { className: "md-code" }, el("code", { text: body.join("\n") })));
  return i + 1;
}

function renderList(lines, start, baseIndent, options) {
  const first = LIST_ITEM.exec(lines[start]);
  const ordered = /\d/.test(first[2]);
  const list = el(ordered ? "ol" : "ul");
  if (ordered && Number.parseInt(first[2], 10) !== 1) list.start = Number.parseInt(first[2], 10);
  let i = start;
  let item = null;
  while (i < lines.length) {
    const match = LIST_ITEM.exec(lines[i]);
    if (!match) break;
    const indent = indentOf(lines[i]);
    if (indent < baseIndent) break;
    if (indent > baseIndent + 1) {
      const [nested, next] = renderList(lines, i, indent, options);
      if (!item) {
        item = el("li");
        list.append(item);
      }
      item.append(nested);
      i = next;
      continue;
    }
    if (/\d/.test(match[2]) !== ordered) break;
    const words = [match[3]];
    i += 1;
    // Continuation lines belong to the item until a blank line or another block begins.
    while (i < lines.length && lines[i].trim() && !startsBlock(lines, i)) {
      words.push(lines[i].trim());
      i += 1;
    }
    item = inline(el("li"), words.join(" "), options);
    list.append(item);
    // A blank line between items keeps one list; anything else after it ends the list.
    let next = i;
    while (next < lines.length && !lines[next].trim()) next += 1;
    if (next > i) {
      const after = next < lines.length ? LIST_ITEM.exec(lines[next]) : null;
      if (!after || indentOf(lines[next]) < baseIndent) break;
      i = next;
    }
  }
  return [list, i];
}

function isTableStart(lines, i) {
  return lines[i].includes("|") && i + 1 < lines.length && TABLE_DIVIDER.test(lines[i + 1]);
}

function splitRow(line) {
  let row = line.trim();
  if (row.startsWith("|")) row = row.slice(1);
  if (row.endsWith("|") && !row.endsWith("\\|")) row = row.slice(0, -1);
  return row.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, "|"));
}

function renderTable(parent, lines, start, options) {
  const header = splitRow(lines[start]);
  const head = el("tr", {}, header.map((cell) => inline(el("th", { attrs: { scope: "col" } }), cell, options)));
  const body = el("tbody");
  let i = start + 2;
  while (i < lines.length && lines[i].trim() && lines[i].includes("|")) {
    const cells = splitRow(lines[i]);
    body.append(el("tr", {}, header.map((_, n) => inline(el("td"), cells[n] ?? "", options))));
    i += 1;
  }
  parent.append(el("div", { className: "md-table" }, el("table", {}, el("thead", {}, head), body)));
  return i;
}

// ---- inline ----

const ESCAPABLE = /[\\`*_[\]()#+\-.!|>~{}]/;
const CITATION = /^\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\](?!\()/;
const LINK = /^\[([^\]\n]+)\]\(\s*<?([^\s()<>]+)>?(?:\s+"[^"]*")?\s*\)/;
const AUTOLINK = /^<(https?:\/\/[^\s<>]+)>/;
const BARE_URL = /^https?:\/\/[^\s<>()[\]{}"']*[^\s<>()[\]{}"'.,;:!?]/;

/** Append the inline rendering of `text` to `parent` and return `parent`. */
export function inline(parent, text, options = {}) {
  let plain = "";
  const flush = () => {
    if (plain) parent.append(document.createTextNode(plain));
    plain = "";
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const rest = text.slice(i);
    let match;
    let node = null;
    let used = 0;
    if (ch === "\\" && i + 1 < text.length && ESCAPABLE.test(text[i + 1])) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === "`") {
      const run = /^`+/.exec(rest)[0];
      const close = rest.indexOf(run, run.length);
      if (close > run.length) {
        node = el("code", { text: rest.slice(run.length, close).trim() || rest.slice(run.length, close) });
        used = close + run.length;
      }
    } else if (ch === "*" || ch === "_") {
      [node, used] = emphasis(text, i, options);
    } else if (ch === "[") {
      if ((match = CITATION.exec(rest)) && options.citations) {
        node = citationChips(match[1], options);
        used = node ? match[0].length : 0;
      }
      if (!node && (match = LINK.exec(rest))) {
        node = link(match[2], match[1], options);
        used = match[0].length;
      }
    } else if (ch === "<" && (match = AUTOLINK.exec(rest))) {
      node = link(match[1], null, options);
      used = match[0].length;
    } else if (ch === "h" && !/[\w/]/.test(text[i - 1] || "") && (match = BARE_URL.exec(rest))) {
      node = link(match[0], null, options);
      used = match[0].length;
    }
    if (node && used > 0) {
      flush();
      parent.append(node);
      i += used;
    } else {
      plain += ch;
      i += 1;
    }
  }
  flush();
  return parent;
}

function emphasis(text, i, options) {
  const ch = text[i];
  const double = text[i + 1] === ch;
  const marker = double ? ch + ch : ch;
  const open = i + marker.length;
  // Underscores inside words (hedge_fund, p_value) are never emphasis.
  if (ch === "_" && /\w/.test(text[i - 1] || "")) return [null, 0];
  if (!text[open] || /\s/.test(text[open])) return [null, 0];
  let close = text.indexOf(marker, open + 1);
  while (close !== -1) {
    const before = text[close - 1];
    const after = text[close + marker.length];
    const nextIsSame = !double && after === ch;
    const wordAfter = ch === "_" && /\w/.test(after || "");
    if (!/\s/.test(before) && !nextIsSame && !wordAfter) break;
    close = text.indexOf(marker, close + (nextIsSame ? 2 : 1));
  }
  if (close === -1) return [null, 0];
  const node = inline(el(double ? "strong" : "em"), text.slice(open, close), options);
  return [node, close + marker.length - i];
}

function link(rawUrl, label, options) {
  const href = safeHttpUrl(rawUrl);
  if (!href) return null;
  const anchor = externalLink(href);
  if (label === null) anchor.textContent = rawUrl;
  else inline(anchor, label, { ...options, citations: null });
  return anchor;
}

function citationChips(numbers, options) {
  const wanted = numbers.split(",").map((n) => Number.parseInt(n.trim(), 10));
  if (!wanted.every((n) => n >= 1 && n <= options.citations.length)) return null;
  const group = el("span", { className: "cite-group" });
  for (const n of wanted) group.append(citationChip(n, options));
  return group;
}

/** A numbered chip for source n; pressing it asks the caller to reveal that source. */
export function citationChip(n, options) {
  const source = options.citations[n - 1];
  return el(
    "button",
    {
      className: "cite-chip",
      text: String(n),
      attrs: {
        type: "button",
        "data-cite": n,
        "aria-expanded": "false",
        "aria-label": `Source ${n}: ${source.title || "untitled"}`,
        title: source.title || "",
      },
      on: { click: (event) => options.onCitation?.(n, event.currentTarget) },
    },
  );
}

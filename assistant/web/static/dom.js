// Building DOM nodes without ever parsing HTML: every piece of text goes in through text nodes.

/**
 * Create an element. `props`: className, text, attrs (setAttribute), on (event listeners), hidden.
 * Children may be nodes, strings (become text nodes), arrays, or null/false (skipped).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  applyProps(node, props);
  appendChildren(node, children);
  return node;
}

/** Replace a node's children; null/false children are skipped, as in el(). */
export function fill(node, ...children) {
  node.replaceChildren();
  appendChildren(node, children);
  return node;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  appendChildren(node, children);
  return node;
}

function applyProps(node, props) {
  if (props.className) node.className = props.className;
  if (props.text !== undefined && props.text !== null) node.textContent = String(props.text);
  if (props.hidden) node.hidden = true;
  for (const [name, value] of Object.entries(props.attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const [event, handler] of Object.entries(props.on || {})) node.addEventListener(event, handler);
}

function appendChildren(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Return the URL if it is absolute http(s), else null: no javascript:, data: or relative tricks. */
export function safeHttpUrl(value) {
  if (typeof value !== "string" || !value.trim()) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** An outbound link that opens in a new tab and leaks neither the opener nor the referrer. */
export function externalLink(href, ...children) {
  return el("a", { attrs: { href, target: "_blank", rel: "noopener noreferrer" } }, ...children);
}

/** Copy text to the clipboard; falls back to a hidden textarea where the async API is unavailable. */
export async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission denied or unfocused document: try the legacy path below.
    }
  }
  const area = el("textarea", { className: "clipboard-fallback", attrs: { readonly: true, "aria-hidden": "true" } });
  area.value = text;
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** Say something to screen readers (and show it briefly) through the page's status region. */
export function announce(message) {
  const region = document.getElementById("status");
  if (!region) return;
  region.textContent = "";
  // A fresh text node after a tick makes repeated identical messages announce again.
  window.setTimeout(() => {
    region.textContent = message;
  }, 30);
}

// Talking to the API: Server-Sent Events from a fetch() body (EventSource cannot POST) and problem responses.

/**
 * Yield {event, data} for every event in the response body, following the SSE rules: `event:` names it
 * (default "message"), `data:` lines join with "\n", a blank line dispatches, `:` lines are comments.
 */
export async function* readEvents(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let event = "message";
  let data = [];
  for (;;) {
    const { value, done } = await reader.read().catch(onReadError);
    buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
    // A chunk may end between "\r" and "\n"; hold the "\r" back so it is not read as two line ends.
    const held = !done && buffer.endsWith("\r") ? "\r" : "";
    if (held) buffer = buffer.slice(0, -1);
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = (done ? "" : lines.pop()) + held;
    for (const line of lines) {
      if (line === "") {
        if (data.length) yield { event, data: data.join("\n") };
        event = "message";
        data = [];
        continue;
      }
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon === -1 ? line : line.slice(0, colon);
      const text = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") event = text;
      else if (field === "data") data.push(text);
    }
    if (done) {
      if (data.length) yield { event, data: data.join("\n") };
      return;
    }
  }
}

function onReadError(error) {
  if (error.name === "AbortError") throw error;
  throw new Error("The connection dropped while the answer was streaming. Try again.");
}

/** Parse an event's JSON payload; a bare string payload is returned as {text} so deltas still work. */
export function parsePayload(data) {
  try {
    return JSON.parse(data);
  } catch {
    return { text: data };
  }
}

/** The human-readable message of a problem response ({detail: str | [{loc, msg}]}) or a failed fetch. */
export async function problemMessage(response) {
  let detail = null;
  try {
    detail = (await response.json()).detail;
  } catch {
    detail = null;
  }
  return describeDetail(detail) || `The server answered ${response.status} ${response.statusText}`.trim();
}

export function describeDetail(detail) {
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    return detail
      .map((item) => {
        const where = Array.isArray(item?.loc) ? item.loc.filter((part) => part !== "body").join(".") : "";
        const message = item?.msg ?? JSON.stringify(item);
        return where ? `${where}: ${message}` : message;
      })
      .join("; ");
  }
  if (detail && typeof detail === "object") return JSON.stringify(detail);
  return "";
}

/** fetch() reports an unreachable server as a bare TypeError ("Failed to fetch"); say what it means. */
export function connectionLost(error) {
  if (error.name === "AbortError") throw error;
  throw new Error("Lost the connection to the server. Check that the server is running and try again.");
}


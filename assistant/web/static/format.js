// The vocabulary of DESIGN.md as people read it, and money formatted the way job pages show it.

export const SECTORS = {
  hedge_fund: "Hedge fund",
  bank: "Bank",
  fintech: "Fintech",
  asset_manager: "Asset manager",
  insurance: "Insurance",
  other: "Other",
};
export const LEVELS = { entry: "Entry", mid: "Mid", senior: "Senior", lead: "Lead" };
export const REMOTES = { remote: "Remote", hybrid: "Hybrid", onsite: "On-site", unknown: "Remote policy unknown" };
export const INTENTS = { salary: "Salary", transition: "Career move", roles: "Roles", general: "General" };

const FILTER_NAMES = {
  sector: "Sector",
  level: "Level",
  remote: "Remote",
  location: "Location",
  min_salary: "Min salary",
};

/** "Sector: Hedge fund", "Location: London", "Min salary: 200K" for one filter. */
export function describeFilter(name, value) {
  const label = FILTER_NAMES[name] || name;
  return `${label}: ${filterValueLabel(name, value)}`;
}

export function filterValueLabel(name, value) {
  const table = { sector: SECTORS, level: LEVELS, remote: REMOTES }[name];
  if (table) return table[value] || String(value);
  if (name === "min_salary" && typeof value === "number") return compactNumber(value);
  return String(value);
}

function compactNumber(value) {
  return new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/** "$200K", "£85K", "CHF 150K", "€1.2M"; an unknown currency code is shown before the number. */
export function formatMoney(amount, currency) {
  if (typeof amount !== "number" || !Number.isFinite(amount)) return "—";
  const code = typeof currency === "string" ? currency.toUpperCase() : "";
  const digits = amount >= 1000 ? 1 : 0;
  try {
    return new Intl.NumberFormat("en-US", {
      style: "currency",
      currency: code,
      notation: "compact",
      maximumFractionDigits: digits,
    }).format(amount);
  } catch {
    return `${code} ${compactNumber(amount)}`.trim();
  }
}

const PERIODS = { year: "year", month: "month", hour: "hour" };

/** "$200K–$300K / year"; a single figure when min equals max. */
export function formatSalaryRange(salary) {
  if (!salary || typeof salary.min !== "number") return "";
  const low = formatMoney(salary.min, salary.currency);
  const high = formatMoney(salary.max ?? salary.min, salary.currency);
  const figure = low === high ? low : `${low}–${high}`;
  return `${figure} / ${PERIODS[salary.period] || "year"}`;
}

export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

"""Currency symbols, ISO codes and the rough magnitudes used to sanity-check pay figures."""

from __future__ import annotations

# Local units per US dollar, to an order of magnitude only: used to reject absurd figures
# ("$2B AUM", "JPY 500"), never to convert a salary.
# fmt: off
UNITS_PER_USD: dict[str, float] = {
    "USD": 1, "EUR": 1, "GBP": 1, "CHF": 1, "CAD": 1.4, "AUD": 1.5, "NZD": 1.7, "SGD": 1.35,
    "HKD": 7.8, "JPY": 150, "CNY": 7.2, "INR": 83, "KRW": 1350, "SEK": 10.5, "NOK": 10.5,
    "DKK": 7, "PLN": 4, "CZK": 23, "HUF": 360, "ILS": 3.7, "AED": 3.7, "SAR": 3.75, "BRL": 5,
    "MXN": 17, "ZAR": 18, "TWD": 32, "THB": 35, "PHP": 56, "IDR": 15_500, "MYR": 4.7,
    "TRY": 32, "RON": 4.6, "NGN": 1_500,
}
# fmt: on

# Dollar-family prefixes; a bare "$" means USD unless an ISO code sits next to the figure.
# fmt: off
SYMBOLS: dict[str, str] = {
    "US$": "USD", "CA$": "CAD", "CAD$": "CAD", "C$": "CAD", "AU$": "AUD", "AUD$": "AUD",
    "A$": "AUD", "SG$": "SGD", "SGD$": "SGD", "S$": "SGD", "HK$": "HKD", "HKD$": "HKD",
    "NZ$": "NZD", "R$": "BRL", "MX$": "MXN", "CN¥": "CNY", "RMB": "CNY", "$": "USD", "£": "GBP",
    "€": "EUR", "¥": "JPY", "₹": "INR", "Rs.": "INR", "Rs": "INR", "zł": "PLN", "₪": "ILS",
}
# fmt: on

# Symbols that name a currency only by convention, so an explicit ISO code overrides them.
AMBIGUOUS_SYMBOLS = frozenset({"$", "¥"})


def normalise_currency(value: str | None) -> str | None:
    """Return the ISO 4217 code for a code or symbol ("usd", "£", "C$"), or None if unknown."""
    if not value:
        return None
    value = value.strip()
    if value in SYMBOLS:
        return SYMBOLS[value]
    code = value.upper()
    if len(code) == 3 and code.isalpha():
        return code
    return None


def within_sanity_bounds(value: float, currency: str, period: str) -> bool:
    """Tell whether a figure is a plausible pay amount for its currency and period."""
    rate = UNITS_PER_USD.get(currency)
    if rate is None:
        return value > 0  # no magnitude to judge by; trust anything positive
    usd = value / rate
    low, high = {"year": (10_000, 5_000_000), "month": (500, 400_000), "hour": (7, 2_500)}[period]
    return low <= usd <= high

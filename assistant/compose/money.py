"""How money is written in answers; the groundedness check reads figures back the same way."""

from __future__ import annotations

SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥", "INR": "₹"}


def format_money(amount: float, currency: str, period: str = "year") -> str:
    """'$215K', '£92.5K', '$1.2M', 'CHF 140K', '$85/hour' — compact, exact to 100 units."""
    prefix = SYMBOLS.get(currency, f"{currency} ")
    if period == "hour" or amount < 10_000:
        text = f"{prefix}{amount:,.0f}" if amount == int(amount) else f"{prefix}{amount:,.2f}"
    elif amount >= 1_000_000:
        text = f"{prefix}{_trim(amount / 1_000_000, 2)}M"
    else:
        text = f"{prefix}{_trim(amount / 1_000, 1)}K"
    return text + {"hour": "/hour", "month": "/month"}.get(period, "")


def format_range(low: float, high: float, currency: str, period: str = "year") -> str:
    if low == high:
        return format_money(low, currency, period)
    suffix = {"hour": "/hour", "month": "/month"}.get(period, "")
    return f"{format_money(low, currency)}–{format_money(high, currency)}{suffix}"


def _trim(value: float, digits: int) -> str:
    return f"{value:.{digits}f}".rstrip("0").rstrip(".")

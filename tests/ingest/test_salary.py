"""Tests for finding pay ranges in free text and building salaries from feed fields."""

from __future__ import annotations

import pytest

from ingest.models import Period, Salary
from ingest.normalise.salary import parse_salary, salary_from_cents, salary_from_fields

Y, M, H = Period.YEAR, Period.MONTH, Period.HOUR

PAY_TEXTS = [
    ("$130K-$180K", 130_000, 180_000, "USD", Y),
    ("$130k \u2013 $180k", 130_000, 180_000, "USD", Y),
    ("$130-180K", 130_000, 180_000, "USD", Y),
    ("USD 150,000 \u2013 200,000 per year", 150_000, 200_000, "USD", Y),
    ("150,000-200,000 USD", 150_000, 200_000, "USD", Y),
    ("Salary range (USD): 150,000 - 200,000", 150_000, 200_000, "USD", Y),
    ("\u00a390k", 90_000, 90_000, "GBP", Y),
    ("\u00a385,000 - \u00a3100,000", 85_000, 100_000, "GBP", Y),
    ("\u20ac70.000\u2013\u20ac90.000", 70_000, 90_000, "EUR", Y),
    ("70.000 \u20ac - 90.000 \u20ac brutto", 70_000, 90_000, "EUR", Y),
    ("EUR 80k-95k", 80_000, 95_000, "EUR", Y),
    ("$85/hour", 85, 85, "USD", H),
    ("$85 - $95 per hour", 85, 95, "USD", H),
    ("Hourly rate: $45", 45, 45, "USD", H),
    ("$60 - $80/hr depending on experience", 60, 80, "USD", H),
    ("$12,500/month", 12_500, 12_500, "USD", M),
    ("\u20ac1,5k monthly", 1_500, 1_500, "EUR", M),
    ("CHF 140'000 \u2013 180'000", 140_000, 180_000, "CHF", Y),
    ("S$150k", 150_000, 150_000, "SGD", Y),
    ("HK$1.2M", 1_200_000, 1_200_000, "HKD", Y),
    ("$1.2M", 1_200_000, 1_200_000, "USD", Y),
    ("$300K-$600K+", 300_000, 600_000, "USD", Y),
    ("up to $250k", 250_000, 250_000, "USD", Y),
    ("from $120,000", 120_000, 120_000, "USD", Y),
    ("C$110k", 110_000, 110_000, "CAD", Y),
    ("$150,000 CAD", 150_000, 150_000, "CAD", Y),
    ("A$140,000", 140_000, 140_000, "AUD", Y),
    ("\u20b930 LPA", 3_000_000, 3_000_000, "INR", Y),
    ("JPY 12,000,000", 12_000_000, 12_000_000, "JPY", Y),
    ("between $100k and $120k", 100_000, 120_000, "USD", Y),
    ("$200k - $150k", 150_000, 200_000, "USD", Y),
    ("Compensation: 120k-140k GBP plus bonus", 120_000, 140_000, "GBP", Y),
    ("$150k - $200k + bonus + equity", 150_000, 200_000, "USD", Y),
    ("We offer a $20k signing bonus and a base of $150k-$170k.", 150_000, 170_000, "USD", Y),
    ("In 2023 we raised $50M. Salary: $180,000 - $220,000 USD annually.", 180_000, 220_000, "USD", Y),
    ("base $150k plus $20k bonus", 150_000, 150_000, "USD", Y),
    ("over 200k usd", 200_000, 200_000, "USD", Y),
    ("salary in eur: 90k - 110k", 90_000, 110_000, "EUR", Y),
]

NOT_PAY_TEXTS = [
    "Competitive salary and benefits",
    "We offer a 401(k) match",
    "Founded in 2024 in New York",
    "Call us on +1 212-555-0100",
    "Manage a $2B portfolio",
    "We raised $150M in Series C",
    "150,000-200,000",  # no currency anywhere near the figures
    "$5 lunch credit",
    "$85/day",  # day rates have no unambiguous annual equivalent
    "\u20ac500 per week",
    "Signing bonus of up to $20k",
    "10-20 years of experience with Python 3.11",
    "Try 150k steps a month",  # lower-case codes count only for the major currencies
    "$25 - $300,000",  # bounds a factor of 10,000 apart are not one range
    "",
]


@pytest.mark.parametrize(("text", "low", "high", "currency", "period"), PAY_TEXTS)
def test_salary_parses_ranges_in_many_notations(
    text: str, low: float, high: float, currency: str, period: Period
) -> None:
    assert parse_salary(text) == Salary(min=low, max=high, currency=currency, period=period)


@pytest.mark.parametrize("text", NOT_PAY_TEXTS)
def test_salary_rejects_figures_that_are_not_pay(text: str) -> None:
    assert parse_salary(text) is None


def test_salary_takes_the_first_range_in_a_long_description() -> None:
    text = "About us: $3B AUM.\nThe base pay for this role is $140,000 - $160,000. Interns earn $50/hour."
    assert parse_salary(text) == Salary(min=140_000, max=160_000, currency="USD")


def test_salary_from_cents_reads_greenhouse_pay_ranges() -> None:
    assert salary_from_cents(15_000_000, 20_000_000, "usd") == Salary(
        min=150_000, max=200_000, currency="USD"
    )


def test_salary_from_cents_uses_one_bound_for_both_when_the_other_is_missing() -> None:
    assert salary_from_cents(None, 20_000_000, "GBP") == Salary(min=200_000, max=200_000, currency="GBP")


def test_salary_from_cents_gives_none_without_a_currency_or_amount() -> None:
    assert salary_from_cents(15_000_000, 20_000_000, None) is None
    assert salary_from_cents(0, 0, "USD") is None


@pytest.mark.parametrize(
    ("interval", "period"),
    [
        ("per-year-salary", Y),
        ("per-month-salary", M),
        ("per-hour-wage", H),
        ("YEAR", Y),
        ("MONTH", M),
        ("HOUR", H),
        ("", Y),
    ],
)
def test_salary_from_fields_reads_lever_and_schema_org_intervals(interval: str, period: Period) -> None:
    low, high = {Y: (100_000, 120_000), M: (8_000, 9_000), H: (50, 60)}[period]
    salary = salary_from_fields(str(low), high, "EUR", interval)
    assert salary == Salary(min=low, max=high, currency="EUR", period=period)


@pytest.mark.parametrize("interval", ["WEEK", "DAY", "per-week-salary", "per-day-wage", "one-time"])
def test_salary_from_fields_gives_none_for_periods_we_cannot_annualise(interval: str) -> None:
    assert salary_from_fields(1_000, 2_000, "USD", interval) is None


def test_salary_from_fields_swaps_reversed_bounds_and_maps_symbols() -> None:
    assert salary_from_fields(200_000, 150_000, "$", "YEAR") == Salary(
        min=150_000, max=200_000, currency="USD"
    )


def test_salary_from_fields_rejects_placeholder_amounts() -> None:
    assert salary_from_fields(1, 1, "USD", "YEAR") is None

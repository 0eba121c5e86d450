"""Tests for parsing posting locations into city, region and ISO country."""

from __future__ import annotations

import pytest

from ingest.normalise.location import normalise_country, parse_location

CASES = [
    # (text, city, region, country)
    ("New York, NY", "New York", "NY", "US"),
    ("NYC", "New York", None, "US"),
    ("New York, NY 10001", "New York", "NY", "US"),
    ("Chicago, IL", "Chicago", "IL", "US"),
    ("San Francisco, CA, United States", "San Francisco", "CA", "US"),
    ("Greenwich, Connecticut", "Greenwich", "CT", "US"),
    ("Cambridge, MA", "Cambridge", "MA", "US"),
    ("London", "London", None, "GB"),
    ("London, UK", "London", None, "GB"),
    ("London, United Kingdom", "London", None, "GB"),
    ("London, England", "London", None, "GB"),
    ("London, ON", "London", "ON", "CA"),
    ("Toronto, ON, Canada", "Toronto", "ON", "CA"),
    ("Remote - US", None, None, "US"),
    ("Remote (US)", None, None, "US"),
    ("Remote, United Kingdom", None, None, "GB"),
    ("Remote - EMEA", None, None, None),
    ("Singapore", "Singapore", None, "SG"),
    ("Hong Kong", "Hong Kong", None, "HK"),
    ("Hong Kong SAR", "Hong Kong", None, "HK"),
    ("Z\u00fcrich", "Zurich", None, "CH"),
    ("Zurich, Switzerland", "Zurich", None, "CH"),
    ("Paris, France", "Paris", None, "FR"),
    ("Dublin, Ireland", "Dublin", None, "IE"),
    ("Frankfurt, Germany", "Frankfurt", None, "DE"),
    ("Berlin, DE", "Berlin", None, "DE"),
    ("Tel Aviv, IL", "Tel Aviv", None, "IL"),
    ("Amsterdam", "Amsterdam", None, "NL"),
    ("Sydney, Australia", "Sydney", None, "AU"),
    ("Bengaluru", "Bengaluru", None, "IN"),
    ("Bangalore, India", "Bengaluru", None, "IN"),
    ("Mumbai, Maharashtra, India", "Mumbai", "MH", "IN"),
    ("Tokyo", "Tokyo", None, "JP"),
    ("New York or London", "New York", None, "US"),
    ("New York City / London", "New York", None, "US"),
    ("New York (Hybrid)", "New York", None, "US"),
    ("United States", None, None, "US"),
    ("Some Town", "Some Town", None, None),
]


@pytest.mark.parametrize(("text", "city", "region", "country"), CASES)
def test_location_parses_city_region_and_country(
    text: str, city: str | None, region: str | None, country: str | None
) -> None:
    location = parse_location(text)
    assert (location.city, location.region, location.country) == (city, region, country)
    assert location.raw == text


def test_location_prefers_structured_fields_and_normalises_them() -> None:
    location = parse_location("", city="London", country="United Kingdom")
    assert (location.city, location.region, location.country) == ("London", None, "GB")


def test_location_infers_country_from_a_structured_us_state() -> None:
    location = parse_location("Austin", city="Austin", region="Texas")
    assert (location.city, location.region, location.country) == ("Austin", "TX", "US")


def test_location_fills_gaps_in_structured_fields_from_the_text() -> None:
    location = parse_location("New York, NY", country="US")
    assert (location.city, location.region, location.country) == ("New York", "NY", "US")


def test_location_of_an_empty_line_is_unspecified() -> None:
    assert parse_location("").label() == "Unspecified"


@pytest.mark.parametrize(
    ("name", "code"),
    [("USA", "US"), ("U.K.", "GB"), ("Deutschland", "DE"), ("de", "DE"), ("CHE", "CH"), ("Narnia", None)],
)
def test_normalise_country_accepts_names_and_codes(name: str, code: str | None) -> None:
    assert normalise_country(name) == code

"""Inferring a company's sector from a table of well-known firms, then from keywords."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ingest.models import Sector

# Normalised names (see normalise_company) of firms hiring ML people in finance. Calls made here:
# proprietary trading and market-making firms count as hedge_fund (the same hiring market);
# card networks, PayPal, FICO and Bloomberg are fintech; American Express and Discover are
# banks (they hold banking charters); private-markets managers (Blackstone, KKR) are asset managers.
# fmt: off
_FIRMS: dict[Sector, tuple[str, ...]] = {
    Sector.HEDGE_FUND: (
        "citadel", "citadel securities", "two sigma", "d e shaw", "de shaw", "renaissance technologies",
        "jane street", "hudson river trading", "hrt", "millennium", "millennium management", "point72",
        "cubist systematic strategies", "bridgewater", "bridgewater associates", "aqr",
        "aqr capital management", "jump trading", "drw", "man group", "man ahl", "balyasny",
        "balyasny asset management", "schonfeld", "exoduspoint", "marshall wace", "winton", "g research",
        "squarepoint", "squarepoint capital", "worldquant", "pdt partners", "voleon", "graham capital",
        "brevan howard", "elliott management", "capula", "qube research and technologies", "optiver", "imc",
        "imc trading", "susquehanna", "sig", "virtu", "virtu financial", "tower research",
        "tower research capital", "xtx markets", "five rings", "akuna capital", "old mission",
        "radix trading", "headlands technologies", "hudson bay capital", "verition", "tudor",
        "tudor investment", "arrowstreet", "arrowstreet capital", "qrt",
    ),
    Sector.BANK: (
        "jpmorgan", "jp morgan", "j p morgan", "jpmorgan chase", "jpmorganchase", "chase", "goldman sachs",
        "morgan stanley", "capital one", "hsbc", "barclays", "citi", "citigroup", "citibank",
        "bank of america", "bofa", "merrill", "merrill lynch", "wells fargo", "ubs", "deutsche bank",
        "bnp paribas", "credit suisse", "societe generale", "santander", "lloyds", "lloyds banking",
        "natwest", "standard chartered", "rbc", "royal bank of canada", "td", "td bank", "bmo", "scotiabank",
        "cibc", "ing", "nomura", "mizuho", "mufg", "smbc", "dbs", "ocbc", "macquarie", "jefferies",
        "citizens", "pnc", "us bank", "truist", "northern trust", "bny", "bny mellon", "american express",
        "amex", "discover", "discover financial", "commerzbank", "nordea", "intesa sanpaolo", "unicredit",
        "bbva", "rabobank", "abn amro", "state bank of india",
    ),
    Sector.FINTECH: (
        "stripe", "plaid", "ramp", "affirm", "visa", "mastercard", "paypal", "klarna", "revolut", "chime",
        "brex", "robinhood", "adyen", "square", "block", "sofi", "nubank", "nu", "wise", "monzo",
        "starling bank", "coinbase", "upstart", "marqeta", "checkout com", "mercury", "carta", "addepar",
        "betterment", "wealthfront", "fico", "bloomberg", "kensho", "n26", "zopa", "gocardless", "airwallex",
        "rapyd", "toast", "bolt", "dave", "current", "nerdwallet", "credit karma", "lendingclub", "kabbage",
        "pagaya",
    ),
    Sector.ASSET_MANAGER: (
        "blackrock", "vanguard", "fidelity", "fidelity investments", "fidelity international", "state street",
        "pimco", "t rowe price", "invesco", "schroders", "wellington", "wellington management",
        "franklin templeton", "amundi", "nuveen", "capital group", "dimensional", "dimensional fund advisors",
        "neuberger berman", "allianz global investors", "alliancebernstein", "janus henderson", "abrdn",
        "baillie gifford", "blackstone", "kkr", "apollo", "carlyle",
        "legal and general investment management", "lgim", "goldman sachs asset management",
        "jpmorgan asset management", "j p morgan asset management", "morgan stanley investment management",
        "ubs asset management", "m and g", "man investments",
    ),
    Sector.INSURANCE: (
        "allstate", "progressive", "aig", "lemonade", "metlife", "prudential", "prudential financial",
        "chubb", "zurich", "zurich insurance", "allianz", "travelers", "geico", "aviva", "axa",
        "liberty mutual", "state farm", "nationwide", "munich re", "swiss re", "hiscox", "beazley",
        "lloyds of london", "root insurance", "hippo", "oscar health", "aflac", "the hartford", "hartford",
        "legal and general", "manulife", "sun life", "generali", "qbe", "markel", "marsh mclennan", "usaa",
        "cna", "principal", "principal financial", "admiral", "direct line",
    ),
}
# fmt: on

# Firm names that are ordinary words or initials; they only match the whole company name,
# never as the start of a longer one ("Block" is Block, "Block Renovation" is not).
# fmt: off
_WHOLE_NAME_ONLY = frozenset(
    {"block", "square", "wise", "chime", "ramp", "current", "dave", "bolt", "mercury", "toast", "hippo",
     "progressive", "travelers", "principal", "nationwide", "discover", "citizens", "chase", "td", "ing",
     "sig", "nu", "drw", "hrt", "imc", "rbc", "cna", "qrt", "apollo", "dimensional", "wellington",
     "millennium", "tudor", "voleon", "citi", "man", "fidelity", "vanguard", "capula", "admiral", "carta",
     "visa", "affirm"}
)
# fmt: on

# fmt: off
_LEGAL_SUFFIXES = frozenset(
    {"inc", "incorporated", "llc", "ltd", "limited", "plc", "lp", "llp", "corp", "corporation", "co",
     "company", "ag", "sa", "se", "nv", "bv", "gmbh", "holdings", "holding", "group", "the", "and", "na",
     "us", "usa"}
)
# fmt: on

# Keywords scored over the company name and posting text; the name counts three times as much.
_KEYWORDS: dict[Sector, re.Pattern[str]] = {
    Sector.HEDGE_FUND: re.compile(
        r"hedge\s+funds?|systematic\s+trading|quantitative\s+trading|proprietary\s+trading|prop\s+trading"
        r"|market[\s-]mak(?:er|ing)|alpha\s+(?:signals?|research|generation)|trading\s+firm"
        r"|multi[\s-](?:strategy|manager)|capital\s+management"
        r"|quant(?:itative)?\s+(?:fund|investment\s+firm)|\btrading\b(?=\s*(?:llc|lp|$))",
        re.I,
    ),
    Sector.BANK: re.compile(
        r"\bbank\b|\bbancorp\b|\bbanking\b|investment\s+bank|commercial\s+bank|retail\s+bank", re.I
    ),
    Sector.INSURANCE: re.compile(
        r"\binsurance\b|\binsurer\b|\breinsurance\b|\bassurance\b|\bunderwriting\b|\bclaims\b|\bactuarial\b"
        r"|\bpolicyholders?\b",
        re.I,
    ),
    Sector.ASSET_MANAGER: re.compile(
        r"asset\s+management|asset\s+manager|investment\s+management|wealth\s+management|wealth\s+manager"
        r"|fund\s+management|mutual\s+funds?|\betfs?\b|global\s+investors",
        re.I,
    ),
    Sector.FINTECH: re.compile(
        r"\bpayments?\b|payment\s+platform|lending\s+platform|\bneobank\b|\bfintech\b|financial\s+technology"
        r"|buy\s+now,?\s+pay\s+later|\bbnpl\b|\bcrypto(?:currency)?\b|digital\s+bank",
        re.I,
    ),
}
_NAME_WEIGHT = 3


def infer_sector(company: str, text: str = "") -> Sector:
    """Return the sector of a known firm, else the sector whose keywords the name and text use most."""
    known = lookup_firm(company)
    if known is not None:
        return known
    scores = {
        sector: _NAME_WEIGHT * len(pattern.findall(company)) + len(pattern.findall(text))
        for sector, pattern in _KEYWORDS.items()
    }
    # "Digital bank" is a fintech claim even though it says "bank".
    scores[Sector.BANK] -= len(re.findall(r"digital\s+bank", f"{company} {text}", re.I))
    best = max(scores.values())
    if best <= 0:
        return Sector.OTHER
    return next(sector for sector, score in scores.items() if score == best)


def lookup_firm(company: str) -> Sector | None:
    """Return the sector of a firm in the table, matching the name or, for distinctive names, its start."""
    name = normalise_company(company)
    if not name:
        return None
    index = _firm_index()
    if name in index:
        return index[name]
    words = name.split()
    # Longest distinctive prefix first: "JPMorgan Asset Management" is not "JPMorgan".
    for size in range(len(words) - 1, 0, -1):
        prefix = " ".join(words[:size])
        if prefix in index and prefix not in _WHOLE_NAME_ONLY:
            return index[prefix]
    return None


def normalise_company(name: str) -> str:
    """Return a company name folded for matching: no accents, case, punctuation or legal suffix."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("&", " and ").replace("'", "").replace("\u2019", "")
    text = re.sub(r"(?<=\b\w)\.(?=\w\b)", "", text)  # "d.e. shaw" -> "de. shaw" -> "de shaw"
    words = re.sub(r"[^\w]+", " ", text).split()
    while words and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    while words and words[0] == "the":
        words.pop(0)
    return " ".join(words)


@cache
def _firm_index() -> dict[str, Sector]:
    # Aliases go through the same folding as company names ("man group" -> "man").
    return {normalise_company(alias): sector for sector, aliases in _FIRMS.items() for alias in aliases}

"""Synthetic postings at scale and the shared pieces benchmarks need (timing, tables, stores)."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from pathlib import Path

COMPANIES = [
    ("Northbeam Capital", "hedge_fund"),
    ("Larkspur Partners", "hedge_fund"),
    ("Granite Bay Bank", "bank"),
    ("Meridian Trust Bank", "bank"),
    ("Copperline Pay", "fintech"),
    ("Quillfin", "fintech"),
    ("Harbourview Asset Management", "asset_manager"),
    ("Oakridge Investors", "asset_manager"),
    ("Bluewater Insurance", "insurance"),
    ("Summit Mutual", "insurance"),
]
ROLES = [
    "Machine Learning Engineer",
    "Data Scientist",
    "Quantitative Researcher",
    "Quant Developer",
    "ML Platform Engineer",
    "NLP Scientist",
    "Fraud Data Scientist",
    "Credit Risk Modeller",
    "Model Validation Analyst",
    "Research Engineer",
]
LEVELS = [("Junior", "entry"), ("", "mid"), ("Senior", "senior"), ("Lead", "lead")]
TOPICS = [
    "time-series forecasting for futures",
    "fraud detection on card payments",
    "credit underwriting",
    "NLP on earnings call transcripts",
    "feature store and model serving",
    "alternative data from satellites",
    "claims prediction and pricing",
    "portfolio optimisation and factor models",
    "AML transaction monitoring",
    "market microstructure and execution",
]
SKILLS = [
    "Python",
    "C++",
    "Rust",
    "PyTorch",
    "SQL",
    "Kafka",
    "Spark",
    "Airflow",
    "MLflow",
    "Kubernetes",
    "SHAP",
    "XGBoost",
    "pandas",
    "survival analysis",
    "Monte Carlo",
    "VaR",
    "time-series",
    "NLP",
    "AWS",
    "GCP",
]
CITIES = [
    "New York, NY",
    "Chicago, IL",
    "London, UK",
    "Boston, MA",
    "San Francisco, CA",
    "Singapore",
    "Austin, TX",
]
REMOTE = ["remote", "hybrid", "onsite"]


def write_synthetic_feed(path: Path, count: int, seed: int = 7) -> Path:
    """A JSONL feed in our own schema: varied enough that texts differ in length and vocabulary."""
    rng = random.Random(seed)
    with path.open("w") as feed:
        for n in range(count):
            company, sector = rng.choice(COMPANIES)
            prefix, level = rng.choice(LEVELS)
            role, topic = rng.choice(ROLES), rng.choice(TOPICS)
            skills = rng.sample(SKILLS, 5)
            low = rng.randrange(90, 400) * 1000
            sentences = [
                f"Our {topic} team is hiring a {role.lower()} to own models end to end.",
                f"You will work with {', '.join(skills[:3])} on data from {rng.randint(3, 40)} markets.",
                f"We value experience with {skills[3]} and {skills[4]}, and clear writing.",
                "You will partner with traders, risk managers and engineers to ship to production.",
                f"Expect {rng.randint(2, 8)} years of relevant experience or a strong research record.",
            ]
            rng.shuffle(sentences)
            record = {
                "id": f"B{n}",
                "title": f"{prefix} {role}, {topic.split(' ')[0].title()}".strip(),
                "company": company,
                "sector": sector,
                "level": level,
                "remote": rng.choice(REMOTE),
                "location": rng.choice(CITIES),
                "description": " ".join(sentences[: rng.randint(3, 5)]),
                "skills": skills,
            }
            if rng.random() < 0.75:
                record |= {
                    "salary_min": low,
                    "salary_max": low + rng.randrange(30, 200) * 1000,
                    "salary_currency": "USD",
                }
            feed.write(json.dumps(record) + "\n")
    return path


def time_calls(call: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock milliseconds of each call."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def summary_ms(samples: list[float]) -> str:
    return f"p50 {percentile(samples, 50):.1f} ms, p95 {percentile(samples, 95):.1f} ms"


def print_table(title: str, header: list[str], rows: list[list[str]]) -> None:
    """A markdown table, ready to paste into README."""
    print(f"\n### {title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")

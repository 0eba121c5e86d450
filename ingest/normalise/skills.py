"""The curated skill vocabulary for ML-in-finance hiring and matching it in posting text."""

from __future__ import annotations

import re
from functools import cache

# Canonical name -> aliases matched case-insensitively on word boundaries. Order is the order
# skills are reported in: languages, libraries, platforms, methods, then finance domains.
SKILLS: dict[str, tuple[str, ...]] = {
    "Python": ("python", "python3"),
    "C++": ("c++", "cpp", "modern c++"),
    "Rust": ("Rust",),
    "Java": ("java",),
    "Scala": ("scala",),
    "Go": ("golang", "go lang"),
    "R": ("r programming", "r language", "rstudio", "tidyverse"),
    "SQL": ("sql", "postgresql", "postgres", "mysql", "t-sql", "pl/sql"),
    "kdb+/q": ("kdb", "kdb+", "q/kdb+", "kdb+/q"),
    "MATLAB": ("matlab",),
    "PyTorch": ("pytorch", "pytorch lightning"),
    "TensorFlow": ("tensorflow", "keras"),
    "JAX": ("JAX",),
    "scikit-learn": ("scikit-learn", "scikit learn", "sklearn"),
    "XGBoost": ("xgboost",),
    "LightGBM": ("lightgbm", "light gbm"),
    "CatBoost": ("catboost",),
    "pandas": ("pandas",),
    "NumPy": ("numpy",),
    "Polars": ("polars",),
    "Hugging Face": ("hugging face", "huggingface"),
    "Spark": ("Spark", "apache spark", "pyspark", "spark sql"),
    "Kafka": ("kafka",),
    "Flink": ("flink",),
    "Airflow": ("airflow",),
    "dbt": ("dbt",),
    "Snowflake": ("snowflake",),
    "Databricks": ("databricks",),
    "MLflow": ("mlflow",),
    "Kubeflow": ("kubeflow",),
    "Kubernetes": ("kubernetes", "k8s"),
    "Docker": ("docker",),
    "AWS": ("aws", "amazon web services", "sagemaker"),
    "GCP": ("gcp", "google cloud", "google cloud platform", "bigquery", "vertex ai"),
    "Azure": ("azure", "azure ml"),
    "MLOps": ("mlops", "ml ops", "ml-ops"),
    "feature stores": ("feature store", "feature stores", "Feast", "tecton"),
    "model serving": (
        "model serving",
        "model deployment",
        "torchserve",
        "kserve",
        "bentoml",
        "triton inference",
    ),
    "time series": ("time series", "time-series", "timeseries"),
    "NLP": ("nlp", "natural language processing", "natural-language processing", "text mining"),
    "LLMs": (
        "llm",
        "llms",
        "large language model",
        "large language models",
        "generative ai",
        "genai",
        "retrieval-augmented generation",
    ),
    "computer vision": ("computer vision", "image recognition"),
    "reinforcement learning": ("reinforcement learning", "deep rl"),
    "deep learning": ("deep learning", "neural network", "neural networks", "neural nets"),
    "gradient boosting": (
        "gradient boosting",
        "gradient-boosted",
        "gradient boosted",
        "gbm",
        "gbdt",
        "boosted trees",
    ),
    "graph neural networks": ("graph neural network", "graph neural networks", "gnn", "gnns", "graph ml"),
    "anomaly detection": ("anomaly detection", "outlier detection"),
    "survival analysis": ("survival analysis", "survival models", "time-to-event", "hazard models"),
    "Monte Carlo": ("monte carlo", "monte-carlo"),
    "copulas": ("copula", "copulas"),
    "Bayesian methods": ("bayesian", "probabilistic programming", "mcmc", "pymc"),
    "statistics": ("statistics", "statistical modelling", "statistical modeling", "statistical analysis"),
    "econometrics": ("econometrics", "econometric"),
    "optimisation": (
        "optimisation",
        "optimization",
        "convex optimisation",
        "convex optimization",
        "linear programming",
    ),
    "SHAP": ("SHAP",),
    "LIME": ("LIME",),
    "model explainability": (
        "explainability",
        "explainable ai",
        "xai",
        "interpretability",
        "model interpretability",
    ),
    "recommendation systems": (
        "recommendation system",
        "recommendation systems",
        "recommender system",
        "recommender systems",
        "recommendation engine",
        "recommenders",
    ),
    "causal inference": ("causal inference", "causal ml", "uplift modelling", "uplift modeling"),
    "A/B testing": ("a/b testing", "a/b tests", "a/b test", "ab testing", "online experimentation"),
    "SR 11-7": ("sr 11-7", "sr11-7", "sr 11/7"),
    "model validation": ("model validation", "model validations"),
    "model risk management": ("model risk", "model risk management"),
    "VaR": ("VaR", "value at risk", "value-at-risk"),
    "expected shortfall": ("expected shortfall", "CVaR", "conditional value at risk"),
    "credit risk": (
        "credit risk",
        "credit scoring",
        "probability of default",
        "credit modelling",
        "credit modeling",
    ),
    "market risk": ("market risk",),
    "fraud detection": (
        "fraud detection",
        "fraud prevention",
        "anti-fraud",
        "fraud modelling",
        "fraud modeling",
        "fraud models",
        "fraud analytics",
        "fraud risk",
    ),
    "AML": ("AML", "anti-money laundering", "anti money laundering", "transaction monitoring"),
    "market microstructure": ("market microstructure", "microstructure"),
    "order books": ("order book", "order books", "limit order book"),
    "tick data": ("tick data", "tick-level data", "high-frequency data"),
    "alternative data": ("alternative data", "alt data", "alt-data"),
    "algorithmic trading": (
        "algorithmic trading",
        "algo trading",
        "systematic trading",
        "execution algorithms",
    ),
    "high-frequency trading": ("high-frequency trading", "high frequency trading", "HFT"),
    "actuarial modelling": ("actuarial", "actuarial modelling", "actuarial modeling", "loss reserving"),
    "portfolio optimisation": (
        "portfolio optimisation",
        "portfolio optimization",
        "portfolio construction",
        "mean-variance",
    ),
    "factor models": (
        "factor model",
        "factor models",
        "factor modelling",
        "factor modeling",
        "factor investing",
    ),
    "stochastic calculus": (
        "stochastic calculus",
        "stochastic processes",
        "ito calculus",
        "stochastic differential equations",
    ),
    "derivatives pricing": (
        "derivatives pricing",
        "derivative pricing",
        "option pricing",
        "options pricing",
        "black-scholes",
    ),
}

_BOUNDARY_BEFORE = r"(?<![\w+#])"
_BOUNDARY_AFTER = r"(?![\w+#])"
# "Go" and "R" are too short to match anywhere; accept them only inside a list of technologies.
_LIST_BEFORE = r"(?:(?<=, )|(?<=/)|(?<=\band )|(?<=\bor )|(?<=\bin ))"
_LIST_AFTER = r"(?=\s*(?:,|/|\)|\band\b|\bor\b|\.(?:\s|$)|$))"
_SHORT_NAME_PATTERNS: dict[str, str] = {
    "Go": rf"{_LIST_BEFORE}Go{_LIST_AFTER}|(?<=\()Go{_LIST_AFTER}",
    "R": rf"{_LIST_BEFORE}R(?![\w&'+#]){_LIST_AFTER}|\bR(?=/(?:Python|SQL|Stata|MATLAB)\b)",
}


def extract_skills(text: str) -> list[str]:
    """Return the canonical skills mentioned in text, in vocabulary order."""
    if not text:
        return []
    # Run a skill's regex only when the first word of one of its aliases occurs at all: most skills
    # are absent from any one posting, and this keeps extraction cheap next to embedding.
    pieces = set(_PIECE_SPLIT.split(text.casefold()))
    return [
        name
        for name, (firsts, pattern) in _gated_patterns().items()
        if (firsts is None or not firsts.isdisjoint(pieces)) and pattern.search(text)
    ]


def canonical_skill(name: str) -> str | None:
    """Return the canonical name for a skill or one of its aliases, or None if not in the vocabulary."""
    return _alias_index().get(" ".join(name.split()).casefold())


def canonical_skills(names: list[str] | None) -> list[str]:
    """Return the known canonical names among free-form skill tags, in vocabulary order, no repeats."""
    found = {canonical_skill(n) for n in names or []}
    return [name for name in SKILLS if name in found]


@cache
def _alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for canonical, aliases in SKILLS.items():
        for alias in (canonical, *aliases):
            index.setdefault(alias.casefold(), canonical)
    return index


_PIECE_SPLIT = re.compile(r"[^\w+#]+")


@cache
def _gated_patterns() -> dict[str, tuple[frozenset[str] | None, re.Pattern[str]]]:
    """Each skill's pattern with the first words its aliases start with (None: always try it)."""
    gated: dict[str, tuple[frozenset[str] | None, re.Pattern[str]]] = {}
    for canonical, pattern in _compiled_patterns().items():
        firsts = {next(p for p in _PIECE_SPLIT.split(a.casefold()) if p) for a in SKILLS[canonical]}
        gated[canonical] = (None if canonical in _SHORT_NAME_PATTERNS else frozenset(firsts), pattern)
    return gated


@cache
def _compiled_patterns() -> dict[str, re.Pattern[str]]:
    patterns: dict[str, re.Pattern[str]] = {}
    for canonical, aliases in SKILLS.items():
        parts = [_alias_pattern(a) for a in sorted(aliases, key=len, reverse=True)]
        if canonical in _SHORT_NAME_PATTERNS:
            parts.append(_SHORT_NAME_PATTERNS[canonical])
        patterns[canonical] = re.compile("|".join(parts))
    return patterns


def _alias_pattern(alias: str) -> str:
    # Aliases spelled with capitals above ("Spark", "LIME", "VaR", "Feast") are ordinary words in
    # lower case, so they match case-sensitively; all others match in any case.
    # Spaces and hyphens vary between postings ("time series", "time-series", "time  series").
    body = r"[\s-]+".join(re.escape(word) for word in alias.split())
    flags = "" if alias != alias.lower() else "(?i:"
    return f"{_BOUNDARY_BEFORE}{flags}{body}{')' if flags else ''}{_BOUNDARY_AFTER}"

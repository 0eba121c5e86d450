"""Quality evaluation: golden sets over the sample corpus, scored and held to thresholds (`careers eval`)."""

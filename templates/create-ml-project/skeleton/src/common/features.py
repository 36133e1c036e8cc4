"""Feature engineering shared by transform (training data) and score/predict (inference).

Keeping one implementation guarantees that a model sees the same features at training and
at inference time.
"""
from __future__ import annotations

import pandas as pd

RAW_COLUMNS = ["vendor_id", "pickup_hour", "passenger_count", "trip_distance"]
TARGET = "fare_amount"
FEATURES = [
    "trip_distance",
    "passenger_count",
    "pickup_hour",
    "is_rush_hour",
    "is_night",
    "vendor_2",
]
VALID_VENDORS = (1, 2)
MAX_PASSENGERS = 6
MAX_DISTANCE_MILES = 100.0


def clean(df: pd.DataFrame, require_target: bool = True) -> pd.DataFrame:
    """Drops rows that cannot be real trips (missing values, impossible ranges)."""
    columns = RAW_COLUMNS + ([TARGET] if require_target else [])
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"missing column(s): {', '.join(missing)}")
    out = df[columns].dropna().copy()
    for column in columns:
        out[column] = pd.to_numeric(out[column], errors="coerce")
    out = out.dropna()
    keep = (
        out["vendor_id"].isin(VALID_VENDORS)
        & out["pickup_hour"].between(0, 23)
        & out["passenger_count"].between(1, MAX_PASSENGERS)
        & (out["trip_distance"] > 0)
        & (out["trip_distance"] <= MAX_DISTANCE_MILES)
    )
    if require_target:
        keep &= out[TARGET] > 0
    return out[keep].reset_index(drop=True)


def engineer(df: pd.DataFrame) -> pd.DataFrame:
    """Adds the model features to cleaned rows (keeps the target when present)."""
    out = df.copy()
    hour = out["pickup_hour"].astype(int)
    out["pickup_hour"] = hour
    out["passenger_count"] = out["passenger_count"].astype(int)
    out["is_rush_hour"] = (hour.between(7, 9) | hour.between(16, 19)).astype(int)
    out["is_night"] = ((hour >= 20) | (hour <= 5)).astype(int)
    out["vendor_2"] = (out["vendor_id"].astype(int) == 2).astype(int)
    columns = FEATURES + ([TARGET] if TARGET in out.columns else [])
    return out[columns]

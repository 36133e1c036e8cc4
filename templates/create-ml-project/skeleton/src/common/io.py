"""File helpers: Azure ML hands components folders (uri_folder) or files (uri_file)."""
from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any, Dict

import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

METRICS_FILE = "metrics.json"


def read_csvs(path: str | Path) -> pd.DataFrame:
    """Reads one CSV file, or every CSV of a folder (sorted, so the result is deterministic)."""
    path = Path(path)
    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    if not files:
        raise FileNotFoundError(f"no CSV file in {path}")
    return pd.concat([pd.read_csv(f) for f in files], ignore_index=True)


def resolve_file(path: str | Path, default_name: str) -> Path:
    """A folder output holds `default_name`; a file path is taken as is."""
    path = Path(path)
    return path / default_name if path.is_dir() else path


def read_json(path: str | Path, default_name: str) -> Dict[str, Any]:
    return json.loads(resolve_file(path, default_name).read_text(encoding="utf-8"))


def write_json(folder: str | Path, name: str, payload: Dict[str, Any]) -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    target.write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return target


def regression_metrics(y_true, y_pred) -> Dict[str, float]:
    """The metrics every component reports, rounded so that reruns compare equal."""
    return {
        "rmse": round(math.sqrt(mean_squared_error(y_true, y_pred)), 6),
        "mae": round(float(mean_absolute_error(y_true, y_pred)), 6),
        "r2": round(float(r2_score(y_true, y_pred)), 6),
    }


def log_metrics_to_mlflow(metrics: Dict[str, float]) -> None:
    """Logs to the Azure ML run, which sets MLFLOW_TRACKING_URI; local runs keep metrics.json."""
    if not os.environ.get("MLFLOW_TRACKING_URI"):
        return
    import mlflow  # noqa: PLC0415 - installed in the Azure ML environments only

    mlflow.log_metrics(metrics)

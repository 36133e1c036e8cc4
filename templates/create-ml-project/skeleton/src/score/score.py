"""Score: batch-scores taxi trips with an MLflow fare model. Given the test split written by
transform (labelled, features already engineered) or raw trips (labelled or not), it writes
predictions and, with labels, rmse, mae and r2."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common.features import FEATURES, TARGET, clean, engineer  # noqa: E402
from common.io import METRICS_FILE, read_csvs, regression_metrics, write_json  # noqa: E402
from common.mlflow_model import input_columns, load_model  # noqa: E402


def load_fare_model(path: str | Path):
    """The model of an MLflow model folder, refused when it expects other features."""
    columns = input_columns(path)
    if columns is not None and columns != FEATURES:
        raise ValueError("model was trained on other features than this code produces")
    return load_model(path)


def features_of(raw):
    """Engineered rows: the transform test split as is, raw trips cleaned and engineered."""
    if set(FEATURES) <= set(raw.columns):
        return raw[FEATURES + ([TARGET] if TARGET in raw.columns else [])]
    return engineer(clean(raw, require_target=TARGET in raw.columns))


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", required=True, help="MLflow model folder")
    parser.add_argument("--data", required=True, help="test split or raw taxi CSV file/folder")
    parser.add_argument("--predictions-output", required=True, help="folder for predictions.csv")
    parser.add_argument("--metrics-output", help="folder for metrics.json (labelled data only)")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    model = load_fare_model(args.model)
    rows = features_of(read_csvs(args.data))
    scored = rows.copy()
    scored["predicted_fare"] = model.predict(rows[FEATURES]).round(2)
    out = Path(args.predictions_output)
    out.mkdir(parents=True, exist_ok=True)
    scored.to_csv(out / "predictions.csv", index=False)
    print(f"score: {len(scored)} rows scored -> {out / 'predictions.csv'}")
    if TARGET in rows.columns and args.metrics_output:
        metrics = regression_metrics(rows[TARGET], model.predict(rows[FEATURES]))
        write_json(args.metrics_output, METRICS_FILE, {**metrics, "n_scored": len(scored)})
        print(f"score: rmse={metrics['rmse']} mae={metrics['mae']} r2={metrics['r2']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

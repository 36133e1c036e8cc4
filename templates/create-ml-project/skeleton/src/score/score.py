"""Score: batch-scores a labelled or unlabelled taxi CSV with a trained model; with labels it
also reports rmse, mae and r2."""
from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common.features import FEATURES, TARGET, clean, engineer  # noqa: E402
from common.io import (  # noqa: E402
    METRICS_FILE,
    read_csvs,
    regression_metrics,
    resolve_file,
    write_json,
)

MODEL_FILE = "model.pkl"


def load_model(path: str | Path):
    with open(resolve_file(path, MODEL_FILE), "rb") as handle:
        bundle = pickle.load(handle)
    if bundle.get("features") != FEATURES:
        raise ValueError("model was trained on other features than this code produces")
    return bundle["model"]


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", required=True, help="train model output (folder or model.pkl)")
    parser.add_argument("--data", required=True, help="raw taxi CSV file or folder")
    parser.add_argument("--predictions-output", required=True, help="folder for predictions.csv")
    parser.add_argument("--metrics-output", help="folder for metrics.json (labelled data only)")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    model = load_model(args.model)
    raw = read_csvs(args.data)
    labelled = TARGET in raw.columns
    rows = engineer(clean(raw, require_target=labelled))
    scored = rows.copy()
    scored["predicted_fare"] = model.predict(rows[FEATURES]).round(2)
    out = Path(args.predictions_output)
    out.mkdir(parents=True, exist_ok=True)
    scored.to_csv(out / "predictions.csv", index=False)
    print(f"score: {len(scored)} rows scored -> {out / 'predictions.csv'}")
    if labelled and args.metrics_output:
        metrics = regression_metrics(rows[TARGET], scored["predicted_fare"])
        write_json(args.metrics_output, METRICS_FILE, {**metrics, "n_scored": len(scored)})
        print(f"score: rmse={metrics['rmse']} mae={metrics['mae']} r2={metrics['r2']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

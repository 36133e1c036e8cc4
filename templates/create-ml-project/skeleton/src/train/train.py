"""Train: fits the fare regressor on the transformed data and reports rmse, mae and r2."""
from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sklearn.ensemble import GradientBoostingRegressor  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402

from common.features import FEATURES, TARGET  # noqa: E402
from common.io import (  # noqa: E402
    METRICS_FILE,
    log_metrics_to_mlflow,
    read_csvs,
    regression_metrics,
    write_json,
)

MODEL_FILE = "model.pkl"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--training-data", required=True, help="transform output (folder or CSV)")
    parser.add_argument("--model-output", required=True, help="folder for model.pkl")
    parser.add_argument("--metrics-output", required=True, help="folder for metrics.json")
    parser.add_argument("--test-size", type=float, default=0.2, help="held-out fraction")
    parser.add_argument("--n-estimators", type=int, default=200)
    parser.add_argument("--max-depth", type=int, default=3)
    parser.add_argument("--learning-rate", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=42, help="seeds the split and the model")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if not 0 < args.test_size < 1:
        print("train: --test-size must be between 0 and 1", file=sys.stderr)
        return 2
    data = read_csvs(args.training_data)
    x_train, x_test, y_train, y_test = train_test_split(
        data[FEATURES], data[TARGET], test_size=args.test_size, random_state=args.seed
    )
    model = GradientBoostingRegressor(
        n_estimators=args.n_estimators,
        max_depth=args.max_depth,
        learning_rate=args.learning_rate,
        random_state=args.seed,
    )
    model.fit(x_train, y_train)
    metrics = regression_metrics(y_test, model.predict(x_test))

    model_dir = Path(args.model_output)
    model_dir.mkdir(parents=True, exist_ok=True)
    with open(model_dir / MODEL_FILE, "wb") as handle:
        pickle.dump({"model": model, "features": FEATURES}, handle)
    write_json(
        args.metrics_output,
        METRICS_FILE,
        {**metrics, "n_train": len(x_train), "n_test": len(x_test), "seed": args.seed},
    )
    log_metrics_to_mlflow(metrics)
    print(f"train: rmse={metrics['rmse']} mae={metrics['mae']} r2={metrics['r2']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

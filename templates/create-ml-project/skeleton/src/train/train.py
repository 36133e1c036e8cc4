"""Train: fits the fare regressor on the training split, reports rmse, mae and r2 on the fixed
test split written by transform, and saves an MLflow model (common/mlflow_model.py)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sklearn.ensemble import GradientBoostingRegressor  # noqa: E402

from common.features import FEATURES, TARGET  # noqa: E402
from common.io import (  # noqa: E402
    METRICS_FILE,
    log_metrics_to_mlflow,
    read_csvs,
    regression_metrics,
    write_json,
)
from common.mlflow_model import save_model  # noqa: E402


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--train-data", required=True, help="transform train split (folder/CSV)")
    parser.add_argument("--test-data", required=True, help="transform test split (folder/CSV)")
    parser.add_argument("--model-output", required=True, help="folder for the MLflow model")
    parser.add_argument("--metrics-output", required=True, help="folder for metrics.json")
    parser.add_argument("--n-estimators", type=int, default=200)
    parser.add_argument("--max-depth", type=int, default=3)
    parser.add_argument("--learning-rate", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=42, help="seeds the model")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.n_estimators < 1 or args.max_depth < 1 or not 0 < args.learning_rate <= 1:
        print("train: --n-estimators and --max-depth must be >= 1, --learning-rate in (0, 1]",
              file=sys.stderr)
        return 2
    train = read_csvs(args.train_data)
    test = read_csvs(args.test_data)
    model = GradientBoostingRegressor(
        n_estimators=args.n_estimators,
        max_depth=args.max_depth,
        learning_rate=args.learning_rate,
        random_state=args.seed,
    )
    model.fit(train[FEATURES], train[TARGET])
    metrics = regression_metrics(test[TARGET], model.predict(test[FEATURES]))

    save_model(model, args.model_output, train[FEATURES])
    write_json(
        args.metrics_output,
        METRICS_FILE,
        {**metrics, "n_train": len(train), "n_test": len(test), "seed": args.seed},
    )
    log_metrics_to_mlflow(metrics)
    print(f"train: rmse={metrics['rmse']} mae={metrics['mae']} r2={metrics['r2']} "
          f"(test split, {len(test)} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

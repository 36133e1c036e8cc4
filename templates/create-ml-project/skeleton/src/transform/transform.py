"""Transform: merges the raw taxi CSV files, cleans them, engineers the model features and
splits them into a training set and a fixed, held-out test set.

The test split is what makes the champion comparison like-for-like: train reports its metrics
on it, compare re-scores the registry champion on the very same rows, score evaluates on it.
The split is seeded, so the same raw data always gives the same test set."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Components run as `python <step>/<step>.py` from src/ (Azure ML) or from the repo root;
# both must import the shared package in src/common.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sklearn.model_selection import train_test_split  # noqa: E402

from common.features import clean, engineer  # noqa: E402
from common.io import read_csvs, write_json  # noqa: E402

TRAIN_FILE = "train.csv"
TEST_FILE = "test.csv"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--raw-data", required=True, help="CSV file or folder of CSV files")
    parser.add_argument("--train-data", required=True, help="output folder for train.csv")
    parser.add_argument("--test-data", required=True, help="output folder for test.csv")
    parser.add_argument("--test-fraction", type=float, default=0.2, help="held-out fraction")
    parser.add_argument("--seed", type=int, default=42, help="seeds the split")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if not 0 < args.test_fraction < 1:
        print("transform: --test-fraction must be between 0 and 1", file=sys.stderr)
        return 2
    raw = read_csvs(args.raw_data)
    features = engineer(clean(raw))
    if len(features) < 2:
        print("transform: no valid rows left after cleaning", file=sys.stderr)
        return 1
    train, test = train_test_split(features, test_size=args.test_fraction,
                                   random_state=args.seed)
    for folder, name, rows in ((args.train_data, TRAIN_FILE, train),
                               (args.test_data, TEST_FILE, test)):
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        rows.to_csv(out / name, index=False)
    write_json(args.train_data, "transform_stats.json", {
        "rows_in": len(raw), "rows_out": len(features), "rows_train": len(train),
        "rows_test": len(test), "test_fraction": args.test_fraction, "seed": args.seed})
    print(f"transform: {len(raw)} raw rows -> {len(train)} train + {len(test)} test rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Transform: merges the raw taxi CSV files, cleans them and engineers the model features."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Components run as `python <step>/<step>.py` from src/ (Azure ML) or from the repo root;
# both must import the shared package in src/common.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common.features import clean, engineer  # noqa: E402
from common.io import read_csvs, write_json  # noqa: E402

OUTPUT_FILE = "transformed.csv"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--raw-data", required=True, help="CSV file or folder of CSV files")
    parser.add_argument("--transformed-data", required=True, help="output folder")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    raw = read_csvs(args.raw_data)
    features = engineer(clean(raw))
    if features.empty:
        print("transform: no valid rows left after cleaning", file=sys.stderr)
        return 1
    out = Path(args.transformed_data)
    out.mkdir(parents=True, exist_ok=True)
    features.to_csv(out / OUTPUT_FILE, index=False)
    write_json(out, "transform_stats.json", {"rows_in": len(raw), "rows_out": len(features)})
    print(f"transform: {len(raw)} raw rows -> {len(features)} rows in {out / OUTPUT_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

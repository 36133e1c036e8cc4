"""Predict: fare for one trip (flags) or for a JSON list of trips; prints JSON."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402

from common.features import FEATURES, clean, engineer  # noqa: E402
from score.score import load_fare_model  # noqa: E402


def predict(model, trips: list) -> list:
    rows = clean(pd.DataFrame(trips), require_target=False)
    if len(rows) != len(trips):
        raise ValueError("invalid trip: vendor 1|2, hour 0-23, 1-6 passengers, distance > 0")
    return [round(float(p), 2) for p in model.predict(engineer(rows)[FEATURES])]


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", required=True, help="MLflow model folder (train output)")
    parser.add_argument("--input", help="JSON file with a list of trips (else the flags below)")
    parser.add_argument("--distance", type=float, help="trip distance in miles")
    parser.add_argument("--passengers", type=int, default=1)
    parser.add_argument("--pickup-hour", type=int, default=12)
    parser.add_argument("--vendor", type=int, default=1, choices=(1, 2))
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.input:
        trips = json.loads(Path(args.input).read_text(encoding="utf-8"))
    elif args.distance is not None:
        trips = [{
            "vendor_id": args.vendor,
            "pickup_hour": args.pickup_hour,
            "passenger_count": args.passengers,
            "trip_distance": args.distance,
        }]
    else:
        print("predict: give --input or --distance", file=sys.stderr)
        return 2
    try:
        fares = predict(load_fare_model(args.model), trips)
    except ValueError as error:
        print(f"predict: {error}", file=sys.stderr)
        return 2
    print(json.dumps({"predictions": fares}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

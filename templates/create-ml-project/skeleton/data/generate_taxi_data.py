"""Generates the taxi-fare sample (data/taxi-fare-sample.csv) from a seed.

Distributions follow city taxi data: log-normal trip distances (median ~2 miles, long tail to
airport trips), mostly single passengers, a daily pickup-hour profile with morning and
evening peaks, two vendors, and a metered fare (flag fall + per mile + time-of-day
surcharges + traffic noise). Pure standard library, so the file is reproducible anywhere.
"""
from __future__ import annotations

import argparse
import csv
import math
import random
import sys
from pathlib import Path

COLUMNS = ["trip_id", "vendor_id", "pickup_hour", "passenger_count", "trip_distance",
           "fare_amount"]
# Relative pickup volume per hour of day (0..23): night trough, 8h and 18h peaks.
HOUR_WEIGHTS = [3, 2, 1.5, 1, 1, 1.5, 3, 5, 6, 5, 4.5, 4.5, 5, 5, 5, 5.5, 6, 6.5, 7, 6.5, 6, 5.5,
                5, 4]
PASSENGER_WEIGHTS = {1: 70, 2: 14, 3: 5, 4: 3, 5: 5, 6: 3}
FLAG_FALL = 3.0
PER_MILE = 2.5


def fare(distance: float, hour: int, vendor: int, rng: random.Random) -> float:
    minutes = distance * rng.uniform(2.5, 4.5)  # city speed 13-24 mph
    surcharge = 1.0 if (7 <= hour <= 9 or 16 <= hour <= 19) else 0.5 if (hour >= 20 or hour <= 5) else 0.0
    amount = FLAG_FALL + PER_MILE * distance + 0.35 * minutes + surcharge + (0.3 if vendor == 2 else 0.0)
    return round(max(FLAG_FALL, amount + rng.gauss(0, 1.0)), 2)


def generate(rows: int, seed: int) -> list:
    rng = random.Random(seed)
    records = []
    for trip_id in range(1, rows + 1):
        hour = rng.choices(range(24), weights=HOUR_WEIGHTS)[0]
        vendor = 1 if rng.random() < 0.45 else 2
        passengers = rng.choices(list(PASSENGER_WEIGHTS), weights=list(PASSENGER_WEIGHTS.values()))[0]
        distance = round(min(30.0, max(0.3, rng.lognormvariate(math.log(2.0), 0.75))), 2)
        records.append([trip_id, vendor, hour, passengers, distance, fare(distance, hour, vendor, rng)])
    return records


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--output", default=str(Path(__file__).with_name("taxi-fare-sample.csv")))
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    with open(args.output, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(generate(args.rows, args.seed))
    print(f"wrote {args.rows} trips to {args.output} (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

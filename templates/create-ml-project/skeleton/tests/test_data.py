import csv
import subprocess
import sys

import yaml

from conftest import ROOT, SAMPLE


def test_sample_is_reproducible_from_the_committed_generator(tmp_path):
    target = tmp_path / "regenerated.csv"
    subprocess.run([sys.executable, str(ROOT / "data" / "generate_taxi_data.py"), "--output",
                    str(target)], check=True, capture_output=True)
    assert target.read_text() == SAMPLE.read_text()


def test_sample_has_realistic_ranges():
    rows = list(csv.DictReader(SAMPLE.open()))
    assert len(rows) == 500
    distances = sorted(float(r["trip_distance"]) for r in rows)
    assert 1.0 < distances[len(distances) // 2] < 3.5  # median city trip
    assert all(0.3 <= d <= 30 for d in distances)
    assert {int(r["vendor_id"]) for r in rows} == {1, 2}
    assert all(1 <= int(r["passenger_count"]) <= 6 for r in rows)
    assert len({int(r["pickup_hour"]) for r in rows}) == 24
    assert all(float(r["fare_amount"]) >= 3.0 for r in rows)


def test_metadata_describes_the_sample():
    meta = yaml.safe_load((ROOT / "data" / "taxi-fare-sample.yaml").read_text())
    assert meta["path"] == "./taxi-fare-sample.csv"
    assert meta["type"] == "uri_file"
    assert meta["tags"]["rows"] == "500"

import pandas as pd

from common.features import FEATURES, TARGET, clean, engineer
from conftest import SAMPLE, read_json, run_step


def test_cli_help():
    assert "--raw-data" in run_step("transform/transform.py", "--help").stdout


def test_drops_impossible_trips():
    raw = pd.DataFrame({
        "vendor_id": [1, 3, 2, 1, 2],
        "pickup_hour": [8, 8, 25, 3, 23],
        "passenger_count": [1, 1, 1, 0, 2],
        "trip_distance": [2.0, 2.0, 2.0, 2.0, -1.0],
        "fare_amount": [10.0, 10.0, 10.0, 10.0, 10.0],
    })
    assert len(clean(raw)) == 1


def test_features():
    rows = engineer(clean(pd.DataFrame({
        "vendor_id": [2, 1], "pickup_hour": [8, 22], "passenger_count": [1, 2],
        "trip_distance": [1.5, 3.0], "fare_amount": [8.0, 12.0],
    })))
    assert list(rows.columns) == FEATURES + [TARGET]
    assert rows["is_rush_hour"].tolist() == [1, 0]
    assert rows["is_night"].tolist() == [0, 1]
    assert rows["vendor_2"].tolist() == [1, 0]


def test_merges_a_folder_of_csvs(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    sample = pd.read_csv(SAMPLE)
    sample.iloc[:200].to_csv(raw / "part-1.csv", index=False)
    sample.iloc[200:].to_csv(raw / "part-2.csv", index=False)
    run_step("transform/transform.py", "--raw-data", raw, "--transformed-data", tmp_path / "out")
    assert len(pd.read_csv(tmp_path / "out" / "transformed.csv")) == len(sample)
    assert read_json(tmp_path / "out" / "transform_stats.json")["rows_in"] == len(sample)


def test_fails_clearly_without_valid_rows(tmp_path):
    (tmp_path / "bad.csv").write_text("vendor_id,pickup_hour,passenger_count,trip_distance,fare_amount\n9,1,1,1,1\n")
    result = run_step("transform/transform.py", "--raw-data", tmp_path / "bad.csv",
                      "--transformed-data", tmp_path / "out", check=False)
    assert result.returncode == 1
    assert "no valid rows" in result.stderr

import pandas as pd

from common.features import FEATURES, TARGET, clean, engineer
from conftest import SAMPLE, read_json, run_step


def test_cli_help():
    assert "--test-data" in run_step("transform/transform.py", "--help").stdout


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


def test_writes_a_fixed_disjoint_test_split(trained, tmp_path):
    train = pd.read_csv(trained / "train" / "train.csv")
    test = pd.read_csv(trained / "test" / "test.csv")
    stats = read_json(trained / "train" / "transform_stats.json")
    assert len(train) + len(test) == stats["rows_out"] == 500
    assert len(test) == 100
    assert list(test.columns) == FEATURES + [TARGET]
    # The same raw data and seed give the same test set: models are compared on equal terms.
    run_step("transform/transform.py", "--raw-data", SAMPLE, "--train-data", tmp_path / "a",
             "--test-data", tmp_path / "b")
    assert (tmp_path / "b" / "test.csv").read_text() == (trained / "test" / "test.csv").read_text()


def test_merges_a_folder_of_csvs(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    sample = pd.read_csv(SAMPLE)
    sample.iloc[:200].to_csv(raw / "part-1.csv", index=False)
    sample.iloc[200:].to_csv(raw / "part-2.csv", index=False)
    run_step("transform/transform.py", "--raw-data", raw, "--train-data", tmp_path / "tr",
             "--test-data", tmp_path / "te")
    assert read_json(tmp_path / "tr" / "transform_stats.json")["rows_in"] == len(sample)


def test_fails_clearly_without_valid_rows(tmp_path):
    (tmp_path / "bad.csv").write_text("vendor_id,pickup_hour,passenger_count,trip_distance,fare_amount\n9,1,1,1,1\n")
    result = run_step("transform/transform.py", "--raw-data", tmp_path / "bad.csv",
                      "--train-data", tmp_path / "tr", "--test-data", tmp_path / "te",
                      check=False)
    assert result.returncode == 1
    assert "no valid rows" in result.stderr


def test_rejects_a_bad_test_fraction(tmp_path):
    result = run_step("transform/transform.py", "--raw-data", SAMPLE, "--train-data", tmp_path,
                      "--test-data", tmp_path, "--test-fraction", "1.5", check=False)
    assert result.returncode == 2

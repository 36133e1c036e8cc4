import json

import pandas as pd

from conftest import SAMPLE, read_json, run_step


def test_cli_help():
    assert "--predictions-output" in run_step("score/score.py", "--help").stdout
    assert "--distance" in run_step("predict/predict.py", "--help").stdout


def test_score_evaluates_on_the_test_split(trained, tmp_path):
    run_step("score/score.py", "--model", trained / "model", "--data", trained / "test",
             "--predictions-output", tmp_path / "pred", "--metrics-output", tmp_path / "m")
    assert len(pd.read_csv(tmp_path / "pred" / "predictions.csv")) == 100
    scored = read_json(tmp_path / "m" / "metrics.json")
    trained_metrics = read_json(trained / "metrics" / "metrics.json")
    assert {k: scored[k] for k in ("rmse", "mae", "r2")} == {
        k: trained_metrics[k] for k in ("rmse", "mae", "r2")}


def test_score_raw_labelled_trips(trained, tmp_path):
    run_step("score/score.py", "--model", trained / "model", "--data", SAMPLE,
             "--predictions-output", tmp_path / "pred", "--metrics-output", tmp_path / "m")
    assert len(pd.read_csv(tmp_path / "pred" / "predictions.csv")) == 500
    assert read_json(tmp_path / "m" / "metrics.json")["r2"] > 0.8


def test_score_unlabelled_data(trained, tmp_path):
    pd.read_csv(SAMPLE).drop(columns=["fare_amount"]).head(10).to_csv(tmp_path / "u.csv",
                                                                      index=False)
    run_step("score/score.py", "--model", trained / "model", "--data", tmp_path / "u.csv",
             "--predictions-output", tmp_path / "pred", "--metrics-output", tmp_path / "m")
    assert len(pd.read_csv(tmp_path / "pred" / "predictions.csv")) == 10
    assert not (tmp_path / "m").exists()


def test_predict_one_trip_is_monotonic_in_distance(trained):
    def fare(distance):
        out = run_step("predict/predict.py", "--model", trained / "model", "--distance",
                       distance, "--pickup-hour", 14).stdout
        return json.loads(out)["predictions"][0]

    assert 3.0 < fare(1.0) < fare(5.0) < fare(12.0)


def test_predict_rejects_an_invalid_trip(trained, tmp_path):
    trips = tmp_path / "trips.json"
    trips.write_text(json.dumps([{"vendor_id": 7, "pickup_hour": 1, "passenger_count": 1,
                                  "trip_distance": 2}]))
    result = run_step("predict/predict.py", "--model", trained / "model", "--input", trips,
                      check=False)
    assert result.returncode == 2
    assert "invalid trip" in result.stderr

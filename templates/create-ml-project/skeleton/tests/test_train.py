import shutil

import pandas as pd

from common.features import FEATURES, TARGET
from common.io import regression_metrics
from common.mlflow_model import load_model
from conftest import read_json, run_step, train_model


def test_cli_help():
    assert "--test-data" in run_step("train/train.py", "--help").stdout


def test_writes_an_mlflow_model_and_test_split_metrics(trained):
    metrics = read_json(trained / "metrics" / "metrics.json")
    assert set(metrics) >= {"rmse", "mae", "r2"}
    assert metrics["r2"] > 0.8, "the sample's fares are mostly explained by distance"
    assert 0 < metrics["mae"] <= metrics["rmse"]
    assert (metrics["n_train"], metrics["n_test"]) == (400, 100)
    assert (trained / "model" / "MLmodel").is_file()
    # The metrics are the model's on the test split, nothing else.
    test = pd.read_csv(trained / "test" / "test.csv")
    model = load_model(trained / "model")
    assert regression_metrics(test[TARGET], model.predict(test[FEATURES])) == {
        k: metrics[k] for k in ("rmse", "mae", "r2")}


def test_is_deterministic(trained, tmp_path):
    for split in ("train", "test"):
        shutil.copytree(trained / split, tmp_path / split)
    train_model(tmp_path, "again")
    assert read_json(tmp_path / "again-metrics" / "metrics.json") == read_json(
        trained / "metrics" / "metrics.json")


def test_rejects_bad_hyperparameters(trained, tmp_path):
    result = run_step("train/train.py", "--train-data", trained / "train", "--test-data",
                      trained / "test", "--model-output", tmp_path, "--metrics-output", tmp_path,
                      "--n-estimators", "0", check=False)
    assert result.returncode == 2

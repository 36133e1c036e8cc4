from conftest import read_json, run_step


def test_cli_help():
    assert "--seed" in run_step("train/train.py", "--help").stdout


def test_writes_model_and_metrics(trained):
    metrics = read_json(trained / "metrics" / "metrics.json")
    assert set(metrics) >= {"rmse", "mae", "r2"}
    assert metrics["r2"] > 0.8, "the sample's fares are mostly explained by distance"
    assert 0 < metrics["mae"] <= metrics["rmse"]
    assert (trained / "model" / "model.pkl").is_file()


def test_is_deterministic(trained, tmp_path):
    run_step("train/train.py", "--training-data", trained / "transformed", "--model-output",
             tmp_path / "model", "--metrics-output", tmp_path / "metrics")
    assert read_json(tmp_path / "metrics" / "metrics.json") == read_json(
        trained / "metrics" / "metrics.json")


def test_rejects_a_bad_test_size(trained, tmp_path):
    result = run_step("train/train.py", "--training-data", trained / "transformed",
                      "--model-output", tmp_path, "--metrics-output", tmp_path,
                      "--test-size", "1.5", check=False)
    assert result.returncode == 2

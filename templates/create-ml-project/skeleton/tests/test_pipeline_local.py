"""End-to-end local run of the training pipeline: transform -> train -> compare -> register
--dry-run and score, wired exactly as pipelines/taxi-fare-train-pipeline.yaml wires them."""
import json

import yaml

from conftest import ROOT, SAMPLE, read_json, run_step

PIPELINE = ROOT / "pipelines" / "taxi-fare-train-pipeline.yaml"


def test_pipeline_gates_through_the_decision_folder():
    pipeline = yaml.safe_load(PIPELINE.read_text())
    jobs = pipeline["jobs"]
    assert list(jobs) == ["transform", "train", "compare", "register", "score"]
    assert all(job["type"] == "command" for job in jobs.values()), "no if_else / control flow"
    for step in jobs:
        assert (PIPELINE.parent / jobs[step]["component"]).resolve().is_file()
    # register reads compare's decision folder; compare and score see transform's test split.
    assert jobs["register"]["inputs"]["decision"].endswith("jobs.compare.outputs.decision}}")
    for step, name in (("train", "test_data"), ("compare", "test_data"), ("score", "data")):
        assert jobs[step]["inputs"][name].endswith("jobs.transform.outputs.test_data}}")
    assert pipeline["outputs"]["model"]["type"] == "mlflow_model"


def _run(tmp_path):
    run_step("transform/transform.py", "--raw-data", SAMPLE.parent,
             "--train-data", tmp_path / "train", "--test-data", tmp_path / "test")
    run_step("train/train.py", "--train-data", tmp_path / "train", "--test-data",
             tmp_path / "test", "--model-output", tmp_path / "model", "--metrics-output",
             tmp_path / "metrics")
    run_step("score/score.py", "--model", tmp_path / "model", "--data", tmp_path / "test",
             "--predictions-output", tmp_path / "pred", "--metrics-output", tmp_path / "scored")


def test_end_to_end_dry_run(tmp_path):
    model_name = yaml.safe_load(PIPELINE.read_text())["inputs"]["model_name"]
    _run(tmp_path)
    run_step("compare/compare.py", "--candidate-model", tmp_path / "model", "--test-data",
             tmp_path / "test", "--decision-output", tmp_path / "decision")
    assert read_json(tmp_path / "decision" / "decision.json")["register"] is True, \
        "a first model passes the default policy"
    result = run_step("register/register.py", "--model-path", tmp_path / "model",
                      "--metrics", tmp_path / "metrics", "--decision", tmp_path / "decision",
                      "--model-name", model_name, "--job-name", "local-e2e", "--dry-run")
    payload = json.loads(result.stdout)
    metrics = read_json(tmp_path / "metrics" / "metrics.json")
    assert payload["modelName"] == model_name
    assert payload["body"]["properties"]["properties"] == {
        f"metric.{name}": str(metrics[name]) for name in ("mae", "r2", "rmse")}
    assert payload["body"]["properties"]["jobName"] == "local-e2e"
    assert payload["body"]["properties"]["modelType"] == "mlflow_model"
    assert read_json(tmp_path / "scored" / "metrics.json")["rmse"] == metrics["rmse"]


def test_second_run_against_the_first_as_champion_skips_a_worse_model(tmp_path):
    _run(tmp_path)
    run_step("train/train.py", "--train-data", tmp_path / "train", "--test-data",
             tmp_path / "test", "--model-output", tmp_path / "weak", "--metrics-output",
             tmp_path / "weak-metrics", "--n-estimators", "5")
    run_step("compare/compare.py", "--candidate-model", tmp_path / "weak", "--test-data",
             tmp_path / "test", "--champion-model", tmp_path / "model",
             "--decision-output", tmp_path / "decision")
    result = run_step("register/register.py", "--model-path", tmp_path / "weak", "--metrics",
                      tmp_path / "weak-metrics", "--decision", tmp_path / "decision",
                      "--model-name", "m", "--dry-run")
    assert result.stdout.startswith("register: skipped: rmse lower than champion")

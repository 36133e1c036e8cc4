"""End-to-end local run of the training pipeline: transform -> train -> compare ->
register --dry-run, wired exactly as pipelines/taxi-fare-train-pipeline.yaml wires them."""
import json

import yaml

from conftest import ROOT, SAMPLE, read_json, run_step

PIPELINE = ROOT / "pipelines" / "taxi-fare-train-pipeline.yaml"


def test_pipeline_references_the_components_the_local_run_uses():
    pipeline = yaml.safe_load(PIPELINE.read_text())
    jobs = pipeline["jobs"]
    for step in ("transform", "train", "compare", "register"):
        assert (PIPELINE.parent / jobs[step]["component"]).resolve().is_file()
    # (no GitHub/Azure expression syntax here: the skeleton is rendered by the template engine)
    assert jobs["register_when_better"]["true_block"].endswith("parent.jobs.register}}")


def test_end_to_end_dry_run(tmp_path):
    pipeline = yaml.safe_load(PIPELINE.read_text())
    model_name = pipeline["inputs"]["model_name"]
    run_step("transform/transform.py", "--raw-data", SAMPLE.parent,
             "--transformed-data", tmp_path / "transformed")
    run_step("train/train.py", "--training-data", tmp_path / "transformed",
             "--model-output", tmp_path / "model", "--metrics-output", tmp_path / "metrics")
    run_step("compare/compare.py", "--candidate-metrics", tmp_path / "metrics",
             "--decision-output", tmp_path / "decision", "--register-flag", tmp_path / "flag")
    assert (tmp_path / "flag").read_text() == "true", "a first model passes the default policy"
    result = run_step("register/register.py", "--model-path", tmp_path / "model",
                      "--metrics", tmp_path / "metrics", "--decision", tmp_path / "decision",
                      "--model-name", model_name, "--job-name", "local-e2e", "--dry-run")
    payload = json.loads(result.stdout)
    metrics = read_json(tmp_path / "metrics" / "metrics.json")
    assert payload["modelName"] == model_name
    assert payload["body"]["properties"]["properties"] == {
        f"metric.{name}": str(metrics[name]) for name in ("mae", "r2", "rmse")}
    assert payload["body"]["properties"]["jobName"] == "local-e2e"

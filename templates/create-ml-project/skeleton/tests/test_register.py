import json
import sys

from conftest import read_json, run_step
from register.register import build_payload, metric_properties


def test_cli_help():
    assert "--dry-run" in run_step("register/register.py", "--help").stdout


def test_metrics_become_string_properties():
    assert metric_properties({"rmse": 2.5, "mae": 1, "r2": 0.91, "n_train": 400, "seed": 42,
                              "note": "x", "flag": True}) == {
        "metric.mae": "1", "metric.r2": "0.91", "metric.rmse": "2.5"}


def test_payload_carries_lineage_and_target():
    payload = build_payload("m", "azureml://jobs/j/outputs/model", {"rmse": 1.0}, "job-1",
                            "d", {"team": "ml"}, "mlr-dev")
    body = payload["body"]["properties"]
    assert body["jobName"] == "job-1"
    assert body["properties"] == {"metric.rmse": "1.0"}
    assert payload["target"] == {"registry": "mlr-dev"}


def _decision(tmp_path, register):
    folder = tmp_path / "decision"
    folder.mkdir()
    (folder / "decision.json").write_text(json.dumps({
        "register": register,
        "checks": [{"metric": "r2", "rule": ">= 0.7", "passed": register, "reason": "x"}]}))
    return folder


def test_dry_run_prints_the_exact_payload(trained, tmp_path):
    result = run_step("register/register.py", "--model-path", trained / "model", "--metrics",
                      trained / "metrics", "--decision", _decision(tmp_path, True),
                      "--model-name", "taxi-fare-model", "--job-name", "job-42", "--dry-run",
                      "--registration-output", tmp_path / "out")
    payload = json.loads(result.stdout)
    metrics = read_json(trained / "metrics" / "metrics.json")
    assert payload["body"]["properties"]["properties"]["metric.rmse"] == str(metrics["rmse"])
    assert payload["body"]["properties"]["jobName"] == "job-42"
    assert read_json(tmp_path / "out" / "registration.json")["payload"] == payload


def test_skips_on_a_negative_decision(trained, tmp_path):
    result = run_step("register/register.py", "--model-path", trained / "model", "--metrics",
                      trained / "metrics", "--decision", _decision(tmp_path, False),
                      "--model-name", "taxi-fare-model")
    assert "skipped" in result.stdout


def test_dry_run_works_without_the_azure_sdk(trained, tmp_path, monkeypatch, capsys):
    # A None entry in sys.modules makes any `import azure...` raise ImportError.
    monkeypatch.setitem(sys.modules, "azure", None)
    from register import register

    assert register.main([
        "--model-path", str(trained / "model"), "--metrics", str(trained / "metrics"),
        "--decision", str(_decision(tmp_path, True)), "--model-name", "m", "--dry-run",
    ]) == 0
    assert json.loads(capsys.readouterr().out)["modelName"] == "m"

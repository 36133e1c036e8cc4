import json
import sys
import types

from conftest import read_json, run_step
from register.register import build_payload, metric_properties


def test_cli_help():
    assert "--dry-run" in run_step("register/register.py", "--help").stdout


def test_metrics_become_string_properties():
    assert metric_properties({"rmse": 2.5, "mae": 1, "r2": 0.91, "n_train": 400, "seed": 42,
                              "note": "x", "flag": True}) == {
        "metric.mae": "1", "metric.r2": "0.91", "metric.rmse": "2.5"}


def test_payload_is_an_mlflow_model_with_lineage():
    payload = build_payload("m", "/mnt/model", {"rmse": 1.0}, "job-1", "d", {"team": "ml"},
                            "mlr-dev")
    body = payload["body"]["properties"]
    assert body["modelType"] == "mlflow_model"
    assert body["jobName"] == "job-1"
    assert body["properties"] == {"metric.rmse": "1.0"}
    assert payload["target"] == {"registry": "mlr-dev"}


def _decision(tmp_path, register, champion=None):
    folder = tmp_path / "decision"
    folder.mkdir()
    (folder / "decision.json").write_text(json.dumps({
        "register": register,
        "reason": "every policy rule passed" if register else "rmse lower than champion: x",
        "champion": {"version": champion},
        "checks": [{"metric": "rmse", "rule": "lower than champion", "passed": register,
                    "reason": "candidate 3 vs champion 2"}]}))
    return folder


def test_dry_run_prints_the_exact_payload(trained, tmp_path):
    result = run_step("register/register.py", "--model-path", trained / "model", "--metrics",
                      trained / "metrics", "--decision", _decision(tmp_path, True, "4"),
                      "--model-name", "taxi-fare-model", "--job-name", "job-42", "--dry-run",
                      "--registration-output", tmp_path / "out")
    payload = json.loads(result.stdout)
    metrics = read_json(trained / "metrics" / "metrics.json")
    body = payload["body"]["properties"]
    assert body["properties"]["metric.rmse"] == str(metrics["rmse"])
    assert body["jobName"] == "job-42"
    assert body["tags"] == {"replaces": "4"}
    assert read_json(tmp_path / "out" / "registration.json")["payload"] == payload


def test_skips_with_the_reason_logged(trained, tmp_path):
    result = run_step("register/register.py", "--model-path", trained / "model", "--metrics",
                      trained / "metrics", "--decision", _decision(tmp_path, False),
                      "--model-name", "taxi-fare-model", "--registration-output",
                      tmp_path / "out")
    assert "register: skipped: rmse lower than champion" in result.stdout
    assert "candidate 3 vs champion 2" in result.stdout
    assert read_json(tmp_path / "out" / "registration.json") == {
        "registered": False, "reason": "rmse lower than champion: x"}


def test_refuses_a_folder_that_is_not_an_mlflow_model(trained, tmp_path):
    result = run_step("register/register.py", "--model-path", tmp_path, "--metrics",
                      trained / "metrics", "--decision", _decision(tmp_path, True),
                      "--model-name", "m", "--dry-run", check=False)
    assert result.returncode != 0
    assert "no MLflow model" in result.stderr


def test_sends_the_job_name_in_the_rest_body(trained, tmp_path, monkeypatch):
    """azure-ai-ml's Model._to_rest_object drops job_name; register adds it to the body that
    create_or_update sends. Fakes of the two azure modules stand in for the SDK."""
    sent = {}

    class RestProperties:
        job_name = None  # what the SDK leaves unset

    class Rest:
        properties = RestProperties()

    class Model:
        def __init__(self, **kwargs):
            self.__dict__.update(kwargs)

        def _to_rest_object(self):
            return Rest()

    class Models:
        def create_or_update(self, model):
            sent["body"] = model._to_rest_object()
            sent["type"] = model.type
            return types.SimpleNamespace(name=model.name, version="5", id="azureml://x")

    class MLClient:
        def __init__(self, credential, registry_name):
            sent["registry"] = registry_name
            self.models = Models()

    ml = types.ModuleType("azure.ai.ml")
    ml.MLClient = MLClient
    entities = types.ModuleType("azure.ai.ml.entities")
    entities.Model = Model
    identity = types.ModuleType("azure.identity")
    identity.DefaultAzureCredential = lambda: "credential"
    identity.ManagedIdentityCredential = lambda client_id: f"mi:{client_id}"
    for name, module in {"azure": types.ModuleType("azure"), "azure.ai": types.ModuleType("a"),
                         "azure.ai.ml": ml, "azure.ai.ml.entities": entities,
                         "azure.identity": identity}.items():
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setenv("AZUREML_ROOT_RUN_ID", "pipeline-job-7")
    from register import register

    assert register.main([
        "--model-path", str(trained / "model"), "--metrics", str(trained / "metrics"),
        "--decision", str(_decision(tmp_path, True)), "--model-name", "m",
        "--registry-name", "mlr-dev",
    ]) == 0
    assert sent["body"].properties.job_name == "pipeline-job-7"
    assert (sent["type"], sent["registry"]) == ("mlflow_model", "mlr-dev")


def test_dry_run_works_without_the_azure_sdk(trained, tmp_path, monkeypatch, capsys):
    # A None entry in sys.modules makes any `import azure...` raise ImportError.
    monkeypatch.setitem(sys.modules, "azure", None)
    from register import register

    assert register.main([
        "--model-path", str(trained / "model"), "--metrics", str(trained / "metrics"),
        "--decision", str(_decision(tmp_path, True)), "--model-name", "m", "--dry-run",
    ]) == 0
    assert json.loads(capsys.readouterr().out)["modelName"] == "m"

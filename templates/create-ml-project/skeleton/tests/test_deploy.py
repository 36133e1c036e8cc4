import json

import pytest
import yaml

from common.features import FEATURES
from conftest import ROOT

DEPLOY = ROOT / "deploy"


def _check():
    import importlib.util

    spec = importlib.util.spec_from_file_location("check", DEPLOY / "check_smoke_answer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sample_request_carries_the_model_features():
    request = json.loads((DEPLOY / "online" / "sample-request.json").read_text())
    assert request["input_data"]["columns"] == FEATURES
    assert all(len(row) == len(FEATURES) for row in request["input_data"]["data"])


@pytest.mark.parametrize("answer, ok", [
    ("[12.5, 40.2]", True),
    ('"[12.5, 40.2]"', True),
    ("[12.5]", False),
    ("[12.5, -1]", False),
    ('{"error": "boom"}', False),
    ("<html>", False),
])
def test_smoke_answer_check(answer, ok):
    assert (_check().problem(answer) is None) is ok


def test_online_deployment_needs_no_scoring_script():
    deployment = yaml.safe_load((DEPLOY / "online" / "deployment.yaml").read_text())
    assert "code_configuration" not in deployment and "environment" not in deployment
    assert deployment["name"] in ("blue", "green")

"""The fallback of src/common/mlflow_model.py writes what mlflow.sklearn.save_model writes
(fixtures/MLmodel.mlflow-sklearn, source in fixtures/SOURCES.md), so a model trained here loads
in Azure ML as an mlflow_model and the other way round."""
import json
import pickle
import shutil

import pandas as pd
import pytest
import yaml
from sklearn.linear_model import LinearRegression

from common import mlflow_model
from conftest import FIXTURES

# Written by mlflow.<flavor>.log_model only (not save_model), or by MLflow itself only.
LOG_MODEL_ONLY = {"artifact_path", "run_id", "prompts"}
MLFLOW_ONLY = {"mlflow_version"}  # the fallback is not MLflow and does not claim a version


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    features = pd.DataFrame({"trip_distance": [1.0, 2.0, 3.0], "passenger_count": [1, 2, 1]})
    model = LinearRegression().fit(features, [5.0, 8.0, 11.0])
    folder = tmp_path_factory.mktemp("m") / "model"
    assert mlflow_model._mlflow() is None, "these tests cover the fallback (no MLflow here)"
    mlflow_model.save_model(model, folder, features)
    return folder, features


def test_folder_layout_is_the_documented_one(saved):
    folder, _ = saved
    assert sorted(p.name for p in folder.iterdir()) == [
        "MLmodel", "conda.yaml", "model.pkl", "python_env.yaml", "requirements.txt"]


def test_mlmodel_has_the_fields_mlflow_writes(saved):
    folder, _ = saved
    ours = yaml.safe_load((folder / "MLmodel").read_text())
    reference = yaml.safe_load((FIXTURES / "MLmodel.mlflow-sklearn").read_text())
    assert set(ours) == (set(reference) - LOG_MODEL_ONLY - MLFLOW_ONLY) | {"signature"}
    assert set(ours["flavors"]) == set(reference["flavors"]) == {"python_function", "sklearn"}
    for flavor in ("python_function", "sklearn"):
        assert set(ours["flavors"][flavor]) == set(reference["flavors"][flavor])
    pyfunc = ours["flavors"]["python_function"]
    assert pyfunc["env"] == reference["flavors"]["python_function"]["env"]
    assert pyfunc["loader_module"] == "mlflow.sklearn"
    assert pyfunc["model_path"] == ours["flavors"]["sklearn"]["pickled_model"] == "model.pkl"
    assert ours["flavors"]["sklearn"]["serialization_format"] in ("pickle", "cloudpickle")
    assert isinstance(ours["model_size_bytes"], int)
    assert len(ours["model_uuid"]) == 32


def test_signature_names_the_features(saved):
    folder, features = saved
    assert mlflow_model.input_columns(folder) == list(features.columns)
    inputs = json.loads(yaml.safe_load((folder / "MLmodel").read_text())["signature"]["inputs"])
    assert inputs[0] == {"type": "double", "name": "trip_distance", "required": True}
    assert inputs[1]["type"] == "long"


def test_round_trip(saved):
    folder, features = saved
    model = mlflow_model.load_model(folder)
    assert model.predict(features).round(6).tolist() == [5.0, 8.0, 11.0]
    with open(folder / "model.pkl", "rb") as handle:  # what mlflow.sklearn reads for "pickle"
        assert type(pickle.load(handle)) is LinearRegression


def test_finds_a_model_one_level_down(saved, tmp_path):
    folder, _ = saved
    shutil.copytree(folder, tmp_path / "downloaded" / "model")
    assert mlflow_model.find_model_dir(tmp_path) == tmp_path / "downloaded" / "model"
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match="no MLflow model"):
        mlflow_model.find_model_dir(tmp_path / "empty")

"""The one place that touches MLflow: save and load the fare model as an MLflow model folder.

On Azure ML the environments carry MLflow, and this is `mlflow.sklearn.save_model` /
`mlflow.sklearn.load_model` itself, so Azure registers the folder as an `mlflow_model` and can
deploy it without a scoring script. Where MLflow is not installed (a laptop, a CI runner
without it), a fallback writes the same layout that `mlflow.sklearn.save_model` writes:

    model/
    ├── MLmodel            flavors python_function + sklearn, signature, creation time
    ├── model.pkl          the fitted estimator (serialization_format: pickle)
    ├── conda.yaml         environment that can load it
    ├── python_env.yaml
    └── requirements.txt

so a model saved without MLflow loads with MLflow and the other way round (for the pickle
format; cloudpickle models need cloudpickle installed).
"""
from __future__ import annotations

import json
import pickle
import platform
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import List, Optional

import yaml

MLMODEL_FILE = "MLmodel"
PICKLED_MODEL = "model.pkl"


def _mlflow():
    """The mlflow module, or None where it is not installed."""
    try:
        import mlflow.sklearn  # noqa: PLC0415 - optional: present in the Azure ML environments

        return mlflow
    except ImportError:
        return None


def _column_type(dtype) -> str:
    kind = getattr(dtype, "kind", "f")
    return {"i": "long", "u": "long", "b": "boolean"}.get(kind, "double")


def signature_inputs(features) -> List[dict]:
    """MLflow column-based signature of a feature frame (what `infer_signature` writes)."""
    return [{"type": _column_type(features[c].dtype), "name": c, "required": True}
            for c in features.columns]


def save_model(model, path: str | Path, features) -> Path:
    """Saves a fitted scikit-learn model as an MLflow model folder at `path` (created)."""
    path = Path(path)
    mlflow = _mlflow()
    if mlflow is not None:
        from mlflow.models import infer_signature  # noqa: PLC0415

        if path.exists() and not any(path.iterdir()):
            path.rmdir()  # Azure ML pre-creates the output folder; save_model wants none
        mlflow.sklearn.save_model(
            sk_model=model,
            path=str(path),
            serialization_format="pickle",
            signature=infer_signature(features, model.predict(features)),
        )
        return path
    return _save_without_mlflow(model, path, features)


def _save_without_mlflow(model, path: Path, features) -> Path:
    import sklearn  # noqa: PLC0415

    path.mkdir(parents=True, exist_ok=True)
    with open(path / PICKLED_MODEL, "wb") as handle:
        pickle.dump(model, handle)
    python_version = platform.python_version()
    requirements = [f"scikit-learn=={sklearn.__version__}"]
    (path / "requirements.txt").write_text("\n".join(requirements) + "\n", encoding="utf-8")
    (path / "conda.yaml").write_text(yaml.safe_dump({
        "channels": ["conda-forge"],
        "dependencies": [f"python={python_version}", "pip", {"pip": requirements}],
        "name": "mlflow-env",
    }, sort_keys=False), encoding="utf-8")
    (path / "python_env.yaml").write_text(yaml.safe_dump({
        "python": python_version,
        "build_dependencies": ["pip"],
        "dependencies": ["-r requirements.txt"],
    }, sort_keys=False), encoding="utf-8")
    mlmodel = {
        "flavors": {
            "python_function": {
                "env": {"conda": "conda.yaml", "virtualenv": "python_env.yaml"},
                "loader_module": "mlflow.sklearn",
                "model_path": PICKLED_MODEL,
                "predict_fn": "predict",
                "python_version": python_version,
            },
            "sklearn": {
                "code": None,
                "pickled_model": PICKLED_MODEL,
                "serialization_format": "pickle",
                "sklearn_version": sklearn.__version__,
            },
        },
        "model_size_bytes": sum(f.stat().st_size for f in path.iterdir()),
        "model_uuid": uuid.uuid4().hex,
        "signature": {
            "inputs": json.dumps(signature_inputs(features)),
            "outputs": json.dumps([{"type": "tensor",
                                    "tensor-spec": {"dtype": "float64", "shape": [-1]}}]),
            "params": None,
        },
        "utc_time_created": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f"),
    }
    (path / MLMODEL_FILE).write_text(yaml.safe_dump(mlmodel), encoding="utf-8")
    return path


def find_model_dir(path: str | Path) -> Path:
    """The folder holding MLmodel: `path` itself or the one folder below it that has it
    (a downloaded registry model sits one or two levels down)."""
    path = Path(path)
    if (path / MLMODEL_FILE).is_file():
        return path
    found = sorted(p.parent for p in path.rglob(MLMODEL_FILE))
    if not found:
        raise FileNotFoundError(f"no MLflow model (MLmodel file) in {path}")
    return found[0]


def input_columns(path: str | Path) -> Optional[List[str]]:
    """Feature names of the model's signature, None when it has no column signature."""
    mlmodel = yaml.safe_load((find_model_dir(path) / MLMODEL_FILE).read_text(encoding="utf-8"))
    inputs = ((mlmodel or {}).get("signature") or {}).get("inputs")
    if not inputs:
        return None
    return [column.get("name") for column in json.loads(inputs)]


def load_model(path: str | Path):
    """Loads the scikit-learn model of an MLflow model folder."""
    folder = find_model_dir(path)
    mlflow = _mlflow()
    if mlflow is not None:
        return mlflow.sklearn.load_model(str(folder))
    mlmodel = yaml.safe_load((folder / MLMODEL_FILE).read_text(encoding="utf-8"))
    flavor = (mlmodel.get("flavors") or {}).get("sklearn")
    if not flavor:
        raise ValueError(f"{folder}: not a scikit-learn MLflow model (no sklearn flavor)")
    if flavor.get("serialization_format", "cloudpickle") == "cloudpickle":
        import cloudpickle as loader  # noqa: PLC0415 - what mlflow uses for this format
    else:
        loader = pickle
    with open(folder / flavor["pickled_model"], "rb") as handle:
        return loader.load(handle)

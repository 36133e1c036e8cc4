"""Register: reads compare's decision folder and either creates the model version or skips
with the reason logged. The version is an MLflow model (type mlflow_model, deployable without
a scoring script); its metrics go into `properties` as `metric.<name>` strings (what the
portal reads) and the producing pipeline job into the REST field `jobName` (lineage).
`--dry-run` prints the exact model version body instead of calling Azure."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common.io import METRICS_FILE, read_json, write_json  # noqa: E402
from common.mlflow_model import find_model_dir  # noqa: E402

DECISION_FILE = "decision.json"
MODEL_TYPE = "mlflow_model"
# Bookkeeping that train writes next to the metrics; not model quality, so not a property.
NOT_METRICS = ("seed", "n_train", "n_test")


def metric_properties(metrics: Dict[str, Any]) -> Dict[str, str]:
    """`metric.<name>` → string for every numeric metric (Azure stores strings only)."""
    return {
        f"metric.{name}": str(value)
        for name, value in sorted(metrics.items())
        if name not in NOT_METRICS
        and isinstance(value, (int, float))
        and not isinstance(value, bool)
    }


def job_name_from_env() -> Optional[str]:
    """The pipeline (root) job that produced the model, as Azure ML exposes it to steps."""
    return os.environ.get("AZUREML_ROOT_RUN_ID") or os.environ.get("AZUREML_RUN_ID")


def build_payload(
    model_name: str,
    model_path: str,
    metrics: Dict[str, Any],
    job_name: Optional[str],
    description: str,
    tags: Dict[str, str],
    registry_name: Optional[str],
) -> Dict[str, Any]:
    """The model version as the REST API takes it (PUT .../models/{name}/versions/{v},
    ModelVersionProperties of api-version 2024-04-01)."""
    properties: Dict[str, Any] = {
        "description": description,
        "modelType": MODEL_TYPE,
        "modelUri": model_path,
        "properties": metric_properties(metrics),
        "tags": dict(sorted(tags.items())),
    }
    if job_name:
        properties["jobName"] = job_name
    return {
        "modelName": model_name,
        "target": {"registry": registry_name} if registry_name else {"workspace": "current"},
        "body": {"properties": properties},
    }


def register_in_azure(payload: Dict[str, Any]) -> Dict[str, Any]:
    """Creates the version with azure-ai-ml (it uploads the folder to the registry's storage).

    azure-ai-ml's `Model._to_rest_object` does not send `job_name` (entities/_assets/
    _artifacts/model.py), so a subclass adds it to the REST body: lineage is the service's
    `jobName` field, not a constructor argument that never leaves the process."""
    from azure.ai.ml import MLClient  # noqa: PLC0415
    from azure.ai.ml.entities import Model  # noqa: PLC0415

    from common.identity import compute_credential  # noqa: PLC0415

    class ModelWithLineage(Model):
        def _to_rest_object(self):
            rest = super()._to_rest_object()
            rest.properties.job_name = self.job_name
            return rest

    credential = compute_credential()
    registry = payload["target"].get("registry")
    if registry:
        client = MLClient(credential=credential, registry_name=registry)
    else:
        client = MLClient.from_config(credential=credential)
    body = payload["body"]["properties"]
    model = ModelWithLineage(
        name=payload["modelName"],
        path=body["modelUri"],
        type=body["modelType"],
        description=body["description"],
        tags=body["tags"],
        properties=body["properties"],
        job_name=body.get("jobName"),
    )
    created = client.models.create_or_update(model)
    return {"name": created.name, "version": created.version, "id": created.id}


def parse_tags(pairs: List[str]) -> Dict[str, str]:
    tags = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ValueError(f"--tag expects key=value, got {pair!r}")
        tags[key] = value
    return tags


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model-path", required=True, help="train's MLflow model folder")
    parser.add_argument("--metrics", required=True, help="train metrics folder/file")
    parser.add_argument("--decision", required=True, help="compare decision folder/file")
    parser.add_argument("--model-name", required=True, help="Azure ML model name")
    parser.add_argument("--registry-name", help="register into this registry (else workspace)")
    parser.add_argument("--job-name", help="producing job (default: from AZUREML_* env)")
    parser.add_argument("--description", default="Taxi fare regressor")
    parser.add_argument("--tag", action="append", default=[], help="key=value, repeatable")
    parser.add_argument("--registration-output", help="folder for registration.json")
    parser.add_argument("--dry-run", action="store_true", help="print the payload, call nothing")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    decision = read_json(args.decision, DECISION_FILE)
    if decision.get("register") is not True:
        reason = decision.get("reason") or "the decision does not say register: true"
        print(f"register: skipped: {reason}")
        for check in decision.get("checks", []):
            if not check.get("passed"):
                print(f"  - {check['metric']} {check['rule']}: {check['reason']}")
        result: Dict[str, Any] = {"registered": False, "reason": reason}
    else:
        find_model_dir(args.model_path)  # fail here, not in Azure, when MLmodel is missing
        champion = (decision.get("champion") or {}).get("version")
        tags = {**({"replaces": champion} if champion else {}), **parse_tags(args.tag)}
        payload = build_payload(
            model_name=args.model_name,
            model_path=args.model_path,
            metrics=read_json(args.metrics, METRICS_FILE),
            job_name=args.job_name or job_name_from_env(),
            description=args.description,
            tags=tags,
            registry_name=args.registry_name,
        )
        if args.dry_run:
            print(json.dumps(payload, indent=2, sort_keys=True))
            result = {"registered": False, "dryRun": True, "payload": payload}
        else:
            created = register_in_azure(payload)
            print(f"register: created {created['name']}:{created['version']}")
            result = {"registered": True, **created}
    if args.registration_output:
        write_json(args.registration_output, "registration.json", result)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Register: creates a model version when compare decided so. Metrics go into the version's
`properties` as `metric.<name>` strings (what the portal reads), with the producing job's name
as lineage. `--dry-run` prints the exact model version payload instead of calling Azure."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common.io import METRICS_FILE, read_json, write_json  # noqa: E402

DECISION_FILE = "decision.json"
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
    """The model version as the Azure ML REST API takes it (PUT .../models/{name}/versions/{v})."""
    properties: Dict[str, Any] = {
        "description": description,
        "modelType": "custom_model",
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


def register_in_azure(payload: Dict[str, Any], model_path: str) -> Dict[str, Any]:
    """Creates the version with azure-ai-ml; imported here so local runs never need it."""
    from azure.ai.ml import MLClient  # noqa: PLC0415
    from azure.ai.ml.constants import AssetTypes  # noqa: PLC0415
    from azure.ai.ml.entities import Model  # noqa: PLC0415
    from azure.identity import DefaultAzureCredential  # noqa: PLC0415

    registry = payload["target"].get("registry")
    if registry:
        client = MLClient(credential=DefaultAzureCredential(), registry_name=registry)
    else:
        client = MLClient.from_config(credential=DefaultAzureCredential())
    body = payload["body"]["properties"]
    model = Model(
        name=payload["modelName"],
        path=model_path,
        type=AssetTypes.CUSTOM_MODEL,
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
    parser.add_argument("--model-path", required=True, help="train model output folder")
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
    if not decision.get("register"):
        failed = [c for c in decision.get("checks", []) if not c.get("passed")]
        print("register: skipped, the promotion policy did not pass:")
        for check in failed:
            print(f"  - {check['metric']} {check['rule']}: {check['reason']}")
        result: Dict[str, Any] = {"registered": False}
    else:
        metrics = read_json(args.metrics, METRICS_FILE)
        payload = build_payload(
            model_name=args.model_name,
            model_path=args.model_path,
            metrics=metrics,
            job_name=args.job_name or job_name_from_env(),
            description=args.description,
            tags=parse_tags(args.tag),
            registry_name=args.registry_name,
        )
        if args.dry_run:
            print(json.dumps(payload, indent=2, sort_keys=True))
            result = {"registered": False, "dryRun": True, "payload": payload}
        else:
            created = register_in_azure(payload, args.model_path)
            print(f"register: created {created['name']}:{created['version']}")
            result = {"registered": True, **created}
    if args.registration_output:
        write_json(args.registration_output, "registration.json", result)
    return 0


if __name__ == "__main__":
    sys.exit(main())

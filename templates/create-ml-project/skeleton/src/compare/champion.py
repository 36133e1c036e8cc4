"""The registry champion: which version the model container's `champion` tag names, read
through the Azure ML REST API, and that version's model files.

Why REST: azure-ai-ml's `Model._from_container_rest_object` (sdk/ml/azure-ai-ml, entities/
_assets/_artifacts/model.py) keeps the container's name, id, creation context and latest
version but drops its tags, so `client.models.list()` never shows `tags.champion`. The
container is read with `GET .../registries/{registry}/models/{name}` (api-version
2024-04-01, specification/machinelearningservices in Azure/azure-rest-api-specs), with the
same credential as the SDK.

The credential is common/identity.py's (the compute's managed identity on Azure ML compute);
it needs read access to the registry (AzureML Registry User).
"""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, Optional
from urllib.parse import quote

ARM_ENDPOINT = "https://management.azure.com"
ARM_SCOPE = "https://management.azure.com/.default"
API_VERSION = "2024-04-01"
CHAMPION_TAG = "champion"

# GET url -> parsed JSON body, or None when the resource does not exist (404).
ArmGet = Callable[[str], Optional[Dict[str, Any]]]


@dataclass
class Champion:
    version: str
    stored_metrics: Dict[str, str]


def container_url(subscription_id: str, resource_group: str, registry: str, model: str) -> str:
    return (
        f"{ARM_ENDPOINT}/subscriptions/{quote(subscription_id, safe='')}"
        f"/resourceGroups/{quote(resource_group, safe='')}"
        f"/providers/Microsoft.MachineLearningServices/registries/{quote(registry, safe='')}"
        f"/models/{quote(model, safe='')}?api-version={API_VERSION}"
    )


def champion_version(container: Optional[Dict[str, Any]], tag: str = CHAMPION_TAG) -> Optional[str]:
    """The version named by the container's tag; None without container, tag or value."""
    if not container:
        return None
    tags = (container.get("properties") or {}).get("tags") or {}
    value = tags.get(tag)
    return str(value).strip() or None if value is not None else None


def arm_getter(credential) -> ArmGet:
    """GETs ARM URLs with a bearer token of `credential` (no SDK objects involved)."""

    def get(url: str) -> Optional[Dict[str, Any]]:
        token = credential.get_token(ARM_SCOPE).token
        request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - https ARM
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            raise

    return get


def find_champion(ml_client, arm_get: ArmGet, registry: str, model: str) -> Optional[Champion]:
    """The champion of `model` in `registry`: the container tag from REST, the version's
    `metric.*` properties from the SDK (version objects keep their properties)."""
    url = container_url(ml_client.subscription_id, ml_client.resource_group_name, registry, model)
    version = champion_version(arm_get(url))
    if version is None:
        return None
    details = ml_client.models.get(name=model, version=version)
    stored = {k[len("metric."):]: v for k, v in (details.properties or {}).items()
              if k.startswith("metric.")}
    return Champion(version=version, stored_metrics=stored)


def download_champion(ml_client, model: str, champion: Champion, target: Path) -> Path:
    """Downloads the champion version's files below `target` (an MLflow model folder)."""
    target.mkdir(parents=True, exist_ok=True)
    ml_client.models.download(name=model, version=champion.version, download_path=str(target))
    return target


def registry_client(registry: str, credential):
    """azure-ai-ml client of a registry; it finds the registry's subscription and resource
    group through the registry discovery endpoint."""
    from azure.ai.ml import MLClient  # noqa: PLC0415 - only needed against Azure

    return MLClient(credential=credential, registry_name=registry)

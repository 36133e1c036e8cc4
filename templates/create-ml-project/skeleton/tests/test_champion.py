"""The champion lookup reads the model container's `champion` tag through the REST API.

azure-ai-ml's container objects have no tags (Model._from_container_rest_object keeps name, id,
creation context and latest version only), so a lookup through `client.models.list()` would
find no champion and let every candidate pass. The fake client below is built the same way:
reading a container through it fails the test."""
import json
import urllib.parse

import pytest

from compare.champion import API_VERSION, champion_version, container_url, find_champion
from conftest import FIXTURES

RECORDED = json.loads((FIXTURES / "arm-registry-model-container.json").read_text())


class _ContainerThroughSdk:
    """What azure-ai-ml returns for a container: asking it for tags is the bug."""

    name = "testContainer"
    latest_version = "3"

    @property
    def tags(self):
        pytest.fail("read the champion through the SDK's container object (it drops tags)")


class _Version:
    def __init__(self, properties):
        self.properties = properties


class _Models:
    def __init__(self):
        self.gets = []

    def list(self, *args, **kwargs):
        return [_ContainerThroughSdk()]

    def get(self, name, version=None, label=None):
        if version is None:
            pytest.fail("containers must be read through REST, not models.get without version")
        self.gets.append((name, version))
        return _Version({"metric.rmse": "2.5", "metric.r2": "0.91", "note": "x"})


class _Client:
    subscription_id = "00000000-1111-2222-3333-444444444444"
    resource_group_name = "testrg123"

    def __init__(self):
        self.models = _Models()


def test_reads_the_recorded_arm_container_through_rest():
    client = _Client()
    requested = []

    def arm_get(url):
        requested.append(url)
        return RECORDED

    champion = find_champion(client, arm_get, "registry123", "testContainer")
    assert champion.version == "3"
    assert champion.stored_metrics == {"rmse": "2.5", "r2": "0.91"}
    assert client.models.gets == [("testContainer", "3")]
    url = urllib.parse.urlsplit(requested[0])
    # The id of the recorded response is the path that was read.
    assert url.path == RECORDED["id"]
    assert urllib.parse.parse_qs(url.query) == {"api-version": [API_VERSION]}


def test_no_champion_without_tag_or_container():
    untagged = {**RECORDED, "properties": {**RECORDED["properties"], "tags": {"tag1": "v"}}}
    assert find_champion(_Client(), lambda url: untagged, "registry123", "testContainer") is None
    assert find_champion(_Client(), lambda url: None, "registry123", "testContainer") is None
    assert champion_version({"properties": {"tags": {"champion": " "}}}) is None
    assert champion_version({"properties": {}}) is None


def test_url_escapes_names():
    url = container_url("s", "rg", "reg", "a b/c")
    assert "/models/a%20b%2Fc?" in url

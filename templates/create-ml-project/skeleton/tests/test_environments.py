"""Azure ML builds each environment from a pinned base image plus its conda file, and sees
only that file: every pip package is listed there and pinned, the base image is a dated tag,
and the CI test job installs the same versions."""
import re

import pytest
import yaml

from conftest import ROOT

CONDA_FILES = sorted((ROOT / "environment").glob("*/conda.yaml"))
COMPONENTS = sorted((ROOT / "src" / "components").glob("*.yaml"))
PIN = re.compile(r"^[A-Za-z0-9_.-]+==[0-9][A-Za-z0-9.]*$")


def pip_packages(conda_file):
    deps = yaml.safe_load(conda_file.read_text())["dependencies"]
    return next(d["pip"] for d in deps if isinstance(d, dict) and "pip" in d)


@pytest.mark.parametrize("conda_file", CONDA_FILES, ids=lambda p: p.parent.name)
def test_conda_files_pin_everything_inline(conda_file):
    for package in pip_packages(conda_file):
        assert not package.startswith("-"), f"{package}: the image build sees only this file"
        assert PIN.match(package), f"{package} is not pinned with =="


def test_score_env_uses_the_train_env_versions():
    train = dict(p.split("==") for p in pip_packages(ROOT / "environment/train/conda.yaml"))
    for package in pip_packages(ROOT / "environment/score/conda.yaml"):
        name, version = package.split("==")
        assert train.get(name) == version, f"{name}: score and train must load the same model"


@pytest.mark.parametrize("component", COMPONENTS, ids=lambda p: p.stem)
def test_components_use_a_pinned_base_image(component):
    environment = yaml.safe_load(component.read_text())["environment"]
    image = environment["image"]
    assert re.search(r":\d{8}\.v\d+$", image), f"{image}: pin a dated tag, not latest"
    assert (component.parent / environment["conda_file"]).resolve().is_file()


def test_environment_assets_match_the_components():
    images = {yaml.safe_load(c.read_text())["environment"]["image"] for c in COMPONENTS}
    for asset in sorted((ROOT / "environment").glob("*/environment.yaml")):
        spec = yaml.safe_load(asset.read_text())
        assert {spec["image"]} == images
        assert (asset.parent / spec["conda_file"]).is_file()


def test_ci_installs_the_pinned_versions():
    ci = yaml.safe_load((ROOT / ".github/workflows/ci.yaml").read_text())
    install = next(s["run"] for s in ci["jobs"]["test"]["steps"] if s.get("name") == "Install")
    train = pip_packages(ROOT / "environment/train/conda.yaml")
    for package in ("numpy", "pandas", "scikit-learn", "pyyaml"):
        pinned = next(p for p in train if p.startswith(f"{package}=="))
        assert pinned in install, f"CI must test with {pinned}"

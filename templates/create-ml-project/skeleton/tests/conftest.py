"""Shared fixtures: run each component as its CLI (exactly as Azure ML runs it)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
SAMPLE = ROOT / "data" / "taxi-fare-sample.csv"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

sys.path.insert(0, str(SRC))


def run_step(script: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Runs src/<script> with this interpreter; fails the test with its output on error."""
    result = subprocess.run(
        [sys.executable, str(SRC / script), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if check and result.returncode != 0:
        pytest.fail(f"{script} exited {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def train_model(base: Path, name: str = "model", *extra: str) -> Path:
    """train on base/train + base/test into base/<name> (+ base/<name>-metrics)."""
    run_step("train/train.py", "--train-data", base / "train", "--test-data", base / "test",
             "--model-output", base / name, "--metrics-output", base / f"{name}-metrics", *extra)
    return base / name


@pytest.fixture(scope="session")
def trained(tmp_path_factory):
    """transform + train once on the sample; tests read the outputs."""
    base = tmp_path_factory.mktemp("trained")
    run_step("transform/transform.py", "--raw-data", SAMPLE.parent, "--train-data",
             base / "train", "--test-data", base / "test")
    train_model(base)
    (base / "model-metrics").rename(base / "metrics")
    return base

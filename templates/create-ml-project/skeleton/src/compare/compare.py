"""Compare: scores the candidate and the registry champion on the same held-out test split,
applies the promotion policy (promotion-policy.yaml: metric, direction, tolerance) and writes
the register decision as a folder output (decision.json). The register step reads it and
registers or skips; the pipeline needs no control-flow node (the deploy_flag pattern of
Azure/mlops-v2)."""
from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import yaml  # noqa: E402

from common.features import FEATURES, TARGET  # noqa: E402
from common.io import read_csvs, regression_metrics, write_json  # noqa: E402
from common.identity import compute_credential  # noqa: E402
from compare.champion import (  # noqa: E402
    arm_getter,
    download_champion,
    find_champion,
    registry_client,
)
from score.score import load_fare_model  # noqa: E402

DECISION_FILE = "decision.json"
DEFAULT_POLICY = Path(__file__).with_name("promotion-policy.yaml")


@dataclass
class Check:
    metric: str
    rule: str
    passed: bool
    reason: str


def load_policy(path: str | Path) -> List[Dict[str, Any]]:
    rules = (yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}).get("policy")
    if not isinstance(rules, list) or not rules:
        raise ValueError(f"{path}: 'policy' must be a non-empty list of rules")
    for rule in rules:
        if not isinstance(rule, dict) or not isinstance(rule.get("metric"), str):
            raise ValueError(f"{path}: every rule needs a 'metric' name: {rule!r}")
        if rule.get("compare") == "champion":
            if rule.get("direction") not in ("lower", "higher"):
                raise ValueError(f"{path}: rule on {rule['metric']}: direction is lower|higher")
            if float(rule.get("tolerance", 0.0)) < 0:
                raise ValueError(f"{path}: rule on {rule['metric']}: tolerance must be >= 0")
        elif "min" not in rule and "max" not in rule:
            raise ValueError(f"{path}: rule on {rule['metric']}: needs compare, min or max")
    return rules


def _number(metrics: Optional[Dict[str, Any]], name: str) -> Optional[float]:
    if metrics is None or name not in metrics:
        return None
    try:
        value = float(metrics[name])
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) else value


def evaluate(
    rules: List[Dict[str, Any]],
    candidate: Dict[str, Any],
    champion: Optional[Dict[str, Any]],
) -> List[Check]:
    """One Check per rule; the candidate is registered only when every check passes."""
    checks: List[Check] = []
    for rule in rules:
        metric = rule["metric"]
        value = _number(candidate, metric)
        if value is None:
            checks.append(Check(metric, "present", False, f"candidate has no numeric {metric}"))
            continue
        if rule.get("compare") == "champion":
            direction = rule["direction"]
            tolerance = float(rule.get("tolerance", 0.0))
            best = _number(champion, metric)
            name = f"{direction} than champion (tolerance {tolerance})"
            if best is None:
                checks.append(Check(metric, name, True, "no champion value: first model"))
            elif direction == "lower":
                ok = value <= best + tolerance
                checks.append(Check(metric, name, ok, f"candidate {value} vs champion {best}"))
            else:
                ok = value >= best - tolerance
                checks.append(Check(metric, name, ok, f"candidate {value} vs champion {best}"))
        if "min" in rule:
            bound = float(rule["min"])
            ok = value >= bound
            checks.append(Check(metric, f">= {bound}", ok, f"candidate {value}"))
        if "max" in rule:
            bound = float(rule["max"])
            ok = value <= bound
            checks.append(Check(metric, f"<= {bound}", ok, f"candidate {value}"))
    return checks


def score(model, test) -> Dict[str, float]:
    return regression_metrics(test[TARGET], model.predict(test[FEATURES]))


def champion_from_registry(model_name: str, registry_name: str, test, workdir: Path):
    """(champion, metrics, how): the registry champion re-scored on `test`; its stored
    `metric.*` properties when its files cannot be scored by this code (other features)."""
    credential = compute_credential()
    client = registry_client(registry_name, credential)
    found = find_champion(client, arm_getter(credential), registry_name, model_name)
    if found is None:
        return None, None, "no champion tag on the registry model container"
    folder = download_champion(client, model_name, found, workdir / "champion")
    try:
        return found, score(load_fare_model(folder), test), "re-scored on this run's test split"
    except (ValueError, FileNotFoundError) as error:
        return found, found.stored_metrics, f"stored metrics (cannot re-score: {error})"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidate-model", required=True, help="train's MLflow model folder")
    parser.add_argument("--test-data", required=True, help="transform's test split")
    parser.add_argument("--champion-model", help="local champion MLflow model folder")
    parser.add_argument("--model-name", help="with --registry-name: the champion in Azure")
    parser.add_argument("--registry-name", help="Azure ML registry holding the champion")
    parser.add_argument("--policy", default=str(DEFAULT_POLICY), help="promotion policy YAML")
    parser.add_argument("--decision-output", required=True, help="folder for decision.json")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    rules = load_policy(args.policy)
    test = read_csvs(args.test_data)
    candidate = score(load_fare_model(args.candidate_model), test)
    champion_version: Optional[str] = None
    if args.champion_model:
        champion = score(load_fare_model(args.champion_model), test)
        how = "local champion re-scored on this run's test split"
    elif args.model_name and args.registry_name:
        with tempfile.TemporaryDirectory() as workdir:
            found, champion, how = champion_from_registry(
                args.model_name, args.registry_name, test, Path(workdir))
        champion_version = found.version if found else None
    else:
        champion, how = None, "no champion given"
    checks = evaluate(rules, candidate, champion)
    register = all(check.passed for check in checks)
    failed = [f"{c.metric} {c.rule}: {c.reason}" for c in checks if not c.passed]
    decision = {
        "register": register,
        "reason": "every policy rule passed" if register else "; ".join(failed),
        "policy": str(args.policy),
        "test_rows": len(test),
        "candidate": candidate,
        "champion": {"version": champion_version, "metrics": champion, "comparison": how},
        "checks": [asdict(check) for check in checks],
    }
    write_json(args.decision_output, DECISION_FILE, decision)
    print(f"compare: champion: {champion_version or '-'} ({how})")
    for check in checks:
        print(f"compare: [{'PASS' if check.passed else 'FAIL'}] {check.metric} {check.rule}: "
              f"{check.reason}")
    print(f"compare: register={json.dumps(register)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Compare: applies the promotion policy to candidate vs champion metrics and writes the
register decision (decision.json, plus an optional true/false flag for the pipeline's
if_else node)."""
from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import yaml  # noqa: E402

from common.io import METRICS_FILE, read_json, write_json  # noqa: E402

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


def champion_from_registry(model_name: str, registry_name: str) -> Optional[Dict[str, float]]:
    """Metrics of the version named by the model container's `champion` tag (Azure only)."""
    from azure.ai.ml import MLClient  # noqa: PLC0415 - only needed against Azure
    from azure.identity import DefaultAzureCredential  # noqa: PLC0415

    client = MLClient(credential=DefaultAzureCredential(), registry_name=registry_name)
    # The champion pointer is the `champion` tag of the model container (one atomic write).
    container = next((m for m in client.models.list() if m.name == model_name), None)
    champion_version = (container.tags or {}).get("champion") if container else None
    if not champion_version:
        return None
    version = client.models.get(name=model_name, version=champion_version)
    return {
        key[len("metric."):]: value
        for key, value in (version.properties or {}).items()
        if key.startswith("metric.")
    }


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidate-metrics", required=True, help="train metrics folder/file")
    parser.add_argument("--champion-metrics", help="champion metrics JSON (folder/file)")
    parser.add_argument("--model-name", help="with --registry-name: read the champion in Azure")
    parser.add_argument("--registry-name", help="Azure ML registry holding the champion")
    parser.add_argument("--policy", default=str(DEFAULT_POLICY), help="promotion policy YAML")
    parser.add_argument("--decision-output", required=True, help="folder for decision.json")
    parser.add_argument("--register-flag", help="file that receives true/false (control output)")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    rules = load_policy(args.policy)
    candidate = read_json(args.candidate_metrics, METRICS_FILE)
    if args.champion_metrics:
        champion = read_json(args.champion_metrics, METRICS_FILE)
    elif args.model_name and args.registry_name:
        champion = champion_from_registry(args.model_name, args.registry_name)
    else:
        champion = None
    checks = evaluate(rules, candidate, champion)
    register = all(check.passed for check in checks)
    decision = {
        "register": register,
        "candidate": candidate,
        "champion": champion,
        "checks": [asdict(check) for check in checks],
    }
    write_json(args.decision_output, DECISION_FILE, decision)
    if args.register_flag:
        flag = Path(args.register_flag)
        flag.parent.mkdir(parents=True, exist_ok=True)
        flag.write_text("true" if register else "false", encoding="utf-8")
    for check in checks:
        print(f"compare: [{'PASS' if check.passed else 'FAIL'}] {check.metric} {check.rule}: "
              f"{check.reason}")
    print(f"compare: register={json.dumps(register)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

import pytest

from compare.compare import DEFAULT_POLICY, evaluate, load_policy
from conftest import read_json, run_step, train_model

POLICY = [
    {"metric": "rmse", "compare": "champion", "direction": "lower", "tolerance": 0.1},
    {"metric": "r2", "compare": "champion", "direction": "higher", "tolerance": 0.0},
    {"metric": "r2", "min": 0.7},
]


def passed(checks):
    return all(c.passed for c in checks)


def test_cli_help():
    assert "--champion-model" in run_step("compare/compare.py", "--help").stdout


def test_first_model_only_needs_the_minimums():
    assert passed(evaluate(POLICY, {"rmse": 9.0, "r2": 0.75}, None))
    assert not passed(evaluate(POLICY, {"rmse": 9.0, "r2": 0.5}, None))


@pytest.mark.parametrize("rmse, r2, expected", [
    (2.0, 0.9, True),     # better on both
    (2.09, 0.9, True),    # rmse worse but within tolerance 0.1
    (2.11, 0.9, False),   # rmse beyond tolerance
    (2.0, 0.89, False),   # r2 lower, tolerance 0
    (1.0, 0.65, False),   # better than champion but under the r2 minimum
])
def test_direction_and_tolerance(rmse, r2, expected):
    champion = {"rmse": 2.0, "r2": 0.9}
    assert passed(evaluate(POLICY, {"rmse": rmse, "r2": r2}, champion)) is expected


def test_missing_or_non_numeric_candidate_metric_fails():
    assert not passed(evaluate(POLICY, {"r2": 0.9}, None))
    assert not passed(evaluate(POLICY, {"rmse": "N/A", "r2": 0.9}, None))


def test_non_numeric_champion_metric_counts_as_absent():
    assert passed(evaluate(POLICY, {"rmse": 5.0, "r2": 0.9}, {"rmse": "N/A", "r2": 0.9}))


def test_default_policy_matches_the_portal_gate():
    rules = load_policy(DEFAULT_POLICY)
    assert {"metric": "rmse", "compare": "champion", "direction": "lower", "tolerance": 0.0} in rules
    assert {"metric": "r2", "min": 0.7} in rules


def test_rejects_an_invalid_policy(tmp_path):
    bad = tmp_path / "policy.yaml"
    bad.write_text("policy:\n  - { metric: rmse, compare: champion, direction: sideways }\n")
    with pytest.raises(ValueError, match="direction"):
        load_policy(bad)


def test_cli_scores_candidate_and_champion_on_the_same_test_split(trained, tmp_path):
    # The candidate against itself as champion: identical scores pass (tolerance 0).
    run_step("compare/compare.py", "--candidate-model", trained / "model", "--test-data",
             trained / "test", "--champion-model", trained / "model", "--decision-output",
             tmp_path / "same")
    same = read_json(tmp_path / "same" / "decision.json")
    assert same["register"] is True
    assert same["candidate"] == same["champion"]["metrics"]
    assert same["test_rows"] == 100


def test_cli_rejects_a_candidate_worse_than_the_champion(trained, tmp_path):
    weak = train_model(trained.parent / trained.name, "weak", "--n-estimators", "3")
    result = run_step("compare/compare.py", "--candidate-model", weak, "--test-data",
                      trained / "test", "--champion-model", trained / "model",
                      "--decision-output", tmp_path / "d")
    decision = read_json(tmp_path / "d" / "decision.json")
    assert decision["register"] is False
    assert "rmse lower than champion" in decision["reason"]
    assert decision["candidate"]["rmse"] > decision["champion"]["metrics"]["rmse"]
    assert "[FAIL] rmse" in result.stdout


def test_cli_without_champion_applies_the_minimums(trained, tmp_path):
    policy = tmp_path / "policy.yaml"
    policy.write_text("policy:\n  - { metric: r2, min: 0.99 }\n")
    run_step("compare/compare.py", "--candidate-model", trained / "model", "--test-data",
             trained / "test", "--policy", policy, "--decision-output", tmp_path / "d")
    decision = read_json(tmp_path / "d" / "decision.json")
    assert decision["register"] is False
    assert decision["champion"] == {"version": None, "metrics": None,
                                    "comparison": "no champion given"}

"""Checks an online endpoint's answer to deploy/online/sample-request.json: one positive fare
per trip. Exits 1 with the reason otherwise (the deploy workflow then keeps the old slot)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

REQUEST = Path(__file__).resolve().parent / "online" / "sample-request.json"


def problem(answer: str) -> str | None:
    try:
        fares = json.loads(answer)
        if isinstance(fares, str):  # some clients print the JSON body as a JSON string
            fares = json.loads(fares)
    except ValueError:
        return f"not JSON: {answer[:200]!r}"
    expected = len(json.loads(REQUEST.read_text(encoding="utf-8"))["input_data"]["data"])
    if not isinstance(fares, list) or len(fares) != expected:
        return f"expected a list of {expected} fares, got {fares!r}"
    if not all(isinstance(f, (int, float)) and not isinstance(f, bool) and f > 0 for f in fares):
        return f"every fare must be a positive number, got {fares!r}"
    return None


if __name__ == "__main__":
    reason = problem(sys.argv[1] if len(sys.argv) > 1 else sys.stdin.read())
    if reason:
        print(f"smoke test failed: {reason}", file=sys.stderr)
        sys.exit(1)
    print("smoke test passed")

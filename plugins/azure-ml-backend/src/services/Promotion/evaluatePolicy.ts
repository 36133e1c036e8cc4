import { PolicyRuleResult } from '@internal/plugin-azure-ml-common';
import { PolicyRule } from '@internal/plugin-azure-ml-node';

/** What the policy needs of a version: raw `metric.*` values (strings in Azure) and tags. */
export interface PolicySubject {
  version: string;
  /** `properties` of the version without the `metric.` prefix, as Azure stores them. */
  rawMetrics: Record<string, string>;
  tags: Record<string, string>;
}

type MetricValue =
  | { ok: true; value: number }
  | { ok: false; reason: 'missing' | 'non-numeric'; raw?: string };

function metricOf(subject: PolicySubject, metric: string): MetricValue {
  const raw = subject.rawMetrics[metric];
  if (raw === undefined || raw.trim() === '') {
    return { ok: false, reason: 'missing' };
  }
  const value = Number(raw);
  return Number.isFinite(value)
    ? { ok: true, value }
    : { ok: false, reason: 'non-numeric', raw };
}

function missing(who: string, metric: string, value: MetricValue): string {
  if (value.ok) {
    return '';
  }
  return value.reason === 'missing'
    ? `${who} has no metric '${metric}'`
    : `${who}'s metric '${metric}' is not a number ('${value.raw}')`;
}

/** Numbers as people read them: no float noise (0.30000000000000004 → 0.3). */
function show(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function compareRule(
  rule: Extract<PolicyRule, { kind: 'compare' }>,
  candidate: PolicySubject,
  champion: PolicySubject | undefined,
): PolicyRuleResult {
  const { metric, direction, tolerance } = rule;
  const words = `${metric} ${
    direction === 'lower' ? 'lower' : 'higher'
  } than or equal to the champion's (tolerance ${show(tolerance)})`;
  const base = { rule: words, kind: 'compare' as const, metric };
  const mine = metricOf(candidate, metric);
  if (!mine.ok) {
    return {
      ...base,
      passed: false,
      reason: `${missing(`version ${candidate.version}`, metric, mine)}`,
    };
  }
  if (!champion) {
    return {
      ...base,
      candidate: mine.value,
      passed: true,
      reason: 'the target has no champion yet',
    };
  }
  const theirs = metricOf(champion, metric);
  if (!theirs.ok) {
    return {
      ...base,
      candidate: mine.value,
      passed: true,
      reason: `${missing(
        `champion ${champion.version}`,
        metric,
        theirs,
      )}: nothing to compare with`,
    };
  }
  const passed =
    direction === 'lower'
      ? mine.value <= theirs.value + tolerance
      : mine.value >= theirs.value - tolerance;
  const delta = mine.value - theirs.value;
  return {
    ...base,
    candidate: mine.value,
    reference: theirs.value,
    passed,
    reason: `${show(mine.value)} vs champion ${champion.version}'s ${show(
      theirs.value,
    )} (difference ${delta >= 0 ? '+' : ''}${show(delta)})${
      passed
        ? ''
        : `: ${
            direction === 'lower' ? 'higher' : 'lower'
          } by more than the tolerance`
    }`,
  };
}

function thresholdRule(
  rule: Extract<PolicyRule, { kind: 'threshold' }>,
  candidate: PolicySubject,
): PolicyRuleResult {
  const { metric, min, max } = rule;
  const bounds = [
    min !== undefined ? `at least ${show(min)}` : undefined,
    max !== undefined ? `at most ${show(max)}` : undefined,
  ].filter(Boolean);
  const base = {
    rule: `${metric} ${bounds.join(' and ')}`,
    kind: 'threshold' as const,
    metric,
    reference: min ?? max,
  };
  const mine = metricOf(candidate, metric);
  if (!mine.ok) {
    return {
      ...base,
      passed: false,
      reason: missing(`version ${candidate.version}`, metric, mine),
    };
  }
  let reason = `${show(mine.value)} is within bounds`;
  if (min !== undefined && mine.value < min) {
    reason = `${show(mine.value)} is below the minimum ${show(min)}`;
  } else if (max !== undefined && mine.value > max) {
    reason = `${show(mine.value)} is above the maximum ${show(max)}`;
  }
  return {
    ...base,
    candidate: mine.value,
    passed: reason.endsWith('within bounds'),
    reason,
  };
}

function tagRule(
  rule: Extract<PolicyRule, { kind: 'tag' }>,
  candidate: PolicySubject,
): PolicyRuleResult {
  const { tag, value } = rule;
  const actual = candidate.tags[tag];
  const base = {
    rule: value === undefined ? `tag ${tag} present` : `tag ${tag} = ${value}`,
    kind: 'tag' as const,
    tag,
    candidate: actual,
    reference: value,
  };
  if (actual === undefined) {
    return {
      ...base,
      passed: false,
      reason: `version ${candidate.version} has no tag '${tag}'`,
    };
  }
  const passed = value === undefined || actual === value;
  return {
    ...base,
    passed,
    reason: passed
      ? `tag '${tag}' is '${actual}'`
      : `tag '${tag}' is '${actual}', expected '${value}'`,
  };
}

/**
 * Applies the promotion policy to a candidate version against the target's current champion.
 * Pure: every value it needs is passed in, every rule answers with both values and a reason.
 */
export function evaluatePolicy(
  rules: PolicyRule[],
  candidate: PolicySubject,
  champion: PolicySubject | undefined,
): { passed: boolean; rules: PolicyRuleResult[] } {
  const results = rules.map(rule => {
    switch (rule.kind) {
      case 'compare':
        return compareRule(rule, candidate, champion);
      case 'threshold':
        return thresholdRule(rule, candidate);
      default:
        return tagRule(rule, candidate);
    }
  });
  return { passed: results.every(r => r.passed), rules: results };
}

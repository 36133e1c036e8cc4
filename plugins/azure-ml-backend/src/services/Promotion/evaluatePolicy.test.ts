import { evaluatePolicy, PolicySubject } from './evaluatePolicy';

const subject = (
  version: string,
  rawMetrics: Record<string, string>,
  tags: Record<string, string> = {},
): PolicySubject => ({ version, rawMetrics, tags });

describe('evaluatePolicy', () => {
  const rmseLower = {
    kind: 'compare' as const,
    metric: 'rmse',
    direction: 'lower' as const,
    tolerance: 0.1,
  };

  it('compares with the champion within the tolerance, with both values and the difference', () => {
    const champion = subject('8', { rmse: '3.0' });
    const ok = evaluatePolicy(
      [rmseLower],
      subject('9', { rmse: '3.1' }),
      champion,
    );
    expect(ok.passed).toBe(true);
    expect(ok.rules[0]).toMatchObject({
      kind: 'compare',
      candidate: 3.1,
      reference: 3,
      passed: true,
      reason: "3.1 vs champion 8's 3 (difference +0.1)",
    });
    const worse = evaluatePolicy(
      [rmseLower],
      subject('9', { rmse: '3.2' }),
      champion,
    );
    expect(worse.passed).toBe(false);
    expect(worse.rules[0].reason).toBe(
      "3.2 vs champion 8's 3 (difference +0.2): higher by more than the tolerance",
    );
  });

  it('uses the other direction for metrics where higher is better', () => {
    const rule = {
      kind: 'compare' as const,
      metric: 'r2',
      direction: 'higher' as const,
      tolerance: 0,
    };
    const champion = subject('8', { r2: '0.8' });
    expect(
      evaluatePolicy([rule], subject('9', { r2: '0.81' }), champion).passed,
    ).toBe(true);
    expect(
      evaluatePolicy([rule], subject('9', { r2: '0.79' }), champion).passed,
    ).toBe(false);
  });

  it('passes a comparison when the target has no champion yet, and says so', () => {
    const result = evaluatePolicy(
      [rmseLower],
      subject('1', { rmse: '9' }),
      undefined,
    );
    expect(result.passed).toBe(true);
    expect(result.rules[0].reason).toBe('the target has no champion yet');
  });

  it('fails the rule that needs a missing or non-numeric metric, naming it', () => {
    const champion = subject('8', { rmse: '3' });
    const none = evaluatePolicy([rmseLower], subject('9', {}), champion);
    expect(none.rules[0]).toMatchObject({
      passed: false,
      reason: "version 9 has no metric 'rmse'",
    });
    const text = evaluatePolicy(
      [{ kind: 'threshold', metric: 'r2', min: 0.7 }],
      subject('9', { r2: 'n/a' }),
      champion,
    );
    expect(text.rules[0]).toMatchObject({
      passed: false,
      reason: "version 9's metric 'r2' is not a number ('n/a')",
    });
  });

  it('applies thresholds and required tags, every rule reported', () => {
    const result = evaluatePolicy(
      [
        { kind: 'threshold', metric: 'r2', min: 0.7 },
        { kind: 'threshold', metric: 'mae', max: 2 },
        { kind: 'tag', tag: 'data_version' },
        { kind: 'tag', tag: 'approved_by_qa', value: 'true' },
      ],
      subject(
        '9',
        { r2: '0.65', mae: '1.5' },
        { data_version: '2024-01', approved_by_qa: 'no' },
      ),
      undefined,
    );
    expect(result.passed).toBe(false);
    expect(result.rules.map(r => [r.rule, r.passed, r.reason])).toEqual([
      ['r2 at least 0.7', false, '0.65 is below the minimum 0.7'],
      ['mae at most 2', true, '1.5 is within bounds'],
      ['tag data_version present', true, "tag 'data_version' is '2024-01'"],
      [
        'tag approved_by_qa = true',
        false,
        "tag 'approved_by_qa' is 'no', expected 'true'",
      ],
    ]);
  });

  it('passes an empty policy', () => {
    expect(evaluatePolicy([], subject('1', {}), undefined)).toEqual({
      passed: true,
      rules: [],
    });
  });
});

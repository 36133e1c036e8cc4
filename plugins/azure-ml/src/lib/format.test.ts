import { formatMetric, formatRelativeTime, formatTimestamp } from './format';

describe('format', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');

  it('formats relative times', () => {
    expect(formatRelativeTime('2026-11-26T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelativeTime('2026-11-25T12:00:00Z', now)).toBe('yesterday');
    expect(formatRelativeTime('2026-11-26T12:00:00Z', now)).toBe('now');
    expect(formatRelativeTime(undefined, now)).toBeUndefined();
    expect(formatRelativeTime('not a date', now)).toBeUndefined();
  });

  it('formats timestamps in UTC', () => {
    expect(formatTimestamp('2026-11-26T09:05:00Z')).toBe(
      '2026-11-26 09:05 UTC',
    );
  });

  it('formats metrics with four significant digits', () => {
    expect(formatMetric(3.14159)).toBe('3.142');
    expect(formatMetric(0.87312)).toBe('0.8731');
    expect(formatMetric(3)).toBe('3');
  });
});

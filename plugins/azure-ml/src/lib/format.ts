const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 hours ago" for an ISO-8601 timestamp; `undefined` when absent or unparsable. */
export function formatRelativeTime(
  iso: string | undefined,
  now: number = Date.now(),
): string | undefined {
  const time = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(time)) {
    return undefined;
  }
  const seconds = Math.round((time - now) / 1000);
  const [unit, size] =
    UNITS.find(([, unitSeconds]) => Math.abs(seconds) >= unitSeconds) ??
    UNITS[UNITS.length - 1];
  return relativeFormat.format(Math.round(seconds / size), unit);
}

/** "2026-11-26 14:03 UTC", for tooltips next to relative times. */
export function formatTimestamp(iso: string | undefined): string | undefined {
  const time = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(time)) {
    return undefined;
  }
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Metric values with four significant digits: 3.142, 0.8731, 1234. */
export function formatMetric(value: number): string {
  return Number.isInteger(value) ? value.toString() : value.toPrecision(4);
}

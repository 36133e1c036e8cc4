/**
 * Formats an instant the way Azure ML does, with a chosen UTC offset and 7 fractional digits.
 * Real data mixes `Z`, `+00:00` and other offsets; clients must parse, never compare strings.
 */
export function formatTimestamp(
  instantMs: number,
  offsetMinutes = 0,
  fractionDigits = 7,
): string {
  const local = new Date(instantMs + offsetMinutes * 60_000);
  const base = local.toISOString().slice(0, 19);
  const millis = local.toISOString().slice(20, 23);
  const fraction =
    fractionDigits > 0
      ? `.${millis.padEnd(fractionDigits, '0').slice(0, fractionDigits)}`
      : '';
  return `${base}${fraction}${formatOffset(offsetMinutes)}`;
}

function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hours = String(Math.floor(abs / 60)).padStart(2, '0');
  const minutes = String(abs % 60).padStart(2, '0');
  return `${sign}${hours}:${minutes}`;
}

/** Zulu form, as ARM writes most `systemData` timestamps. */
export const zulu = (instantMs: number) => new Date(instantMs).toISOString();

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Parses ARM timestamps (any offset, up to 7 fractional digits) to epoch milliseconds. */
export function parseTimestamp(value: string | undefined): number {
  if (!value) return 0;
  const trimmed = value.replace(/(\.\d{3})\d+/, '$1');
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? 0 : ms;
}

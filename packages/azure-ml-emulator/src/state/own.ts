/*
 * Lookups by names that come from requests. A plain object answers `models['constructor']` with
 * Object's constructor and `models['__proto__']` with Object.prototype, and assigning to
 * `['__proto__']` changes the prototype instead of adding an entry: these helpers see and write
 * only own entries, so such names are simply not there (404) and cannot pollute anything.
 */

/** `record[name]` when it is an own entry of the record, else undefined. */
export function own<T>(record: Record<string, T>, name: string): T | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

/** Sets `record[name]` as an own entry, whatever the name. */
export function setOwn<T>(record: Record<string, T>, name: string, value: T) {
  Object.defineProperty(record, name, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

// Reading parsed JSON of unknown shape (what browsers send) without trusting it: every accessor
// answers undefined for a missing field or one of another type instead of throwing, so one odd
// event never costs the rest of its batch.
export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

/** The value at a path of object keys; only own properties are followed. */
export function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    const object = asObject(current);
    if (!object || !Object.hasOwn(object, key)) return undefined;
    current = object[key];
  }
  return current;
}

/** A non-empty string at the path. */
export function stringAt(value: unknown, path: readonly string[]): string | undefined {
  const found = valueAt(value, path);
  return typeof found === "string" && found !== "" ? found : undefined;
}

/** A finite number at the path; a numeric string counts, as hand-written senders produce them. */
export function numberAt(value: unknown, path: readonly string[]): number | undefined {
  const found = valueAt(value, path);
  const number = typeof found === "string" && found.trim() !== "" ? Number(found) : found;
  return typeof number === "number" && Number.isFinite(number) ? number : undefined;
}

/** The first non-empty string found at any of the paths. */
export function firstStringAt(value: unknown, paths: readonly (readonly string[])[]): string | undefined {
  for (const path of paths) {
    const found = stringAt(value, path);
    if (found !== undefined) return found;
  }
  return undefined;
}

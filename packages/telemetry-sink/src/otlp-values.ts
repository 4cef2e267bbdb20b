// Readers for OTLP field values that accept every representation the sink meets: protobuf-decoded
// messages (protobufjs objects with bytes as Uint8Array, 64-bit integers as decimal strings, enums
// as numbers) and OTLP/JSON (ids as hex strings, 64-bit integers as strings or numbers, enums as
// numbers or names, lowerCamelCase or original snake_case field names, null for absent). Each
// reader names the offending field's path when a value is unusable, so a 400 says what to fix.
import { jsonText } from "./json-text.ts";
import type { Attributes } from "./model.ts";

export class OtlpDecodeError extends Error {
  override name = "OtlpDecodeError";
}

/** A message as decoded from protobuf or parsed from JSON. */
export type Message = Record<string, unknown>;

const snakeCaseNames = new Map<string, string>();

function snakeCase(name: string): string {
  let snake = snakeCaseNames.get(name);
  if (snake === undefined) {
    snake = name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    snakeCaseNames.set(name, snake);
  }
  return snake;
}

/** The field under its lowerCamel or snake_case name; undefined when absent or null. */
export function field(message: Message, name: string): unknown {
  const value = message[name] ?? message[snakeCase(name)];
  return value === null ? undefined : value;
}

function fail(path: string, name: string, problem: string, value: unknown): never {
  throw new OtlpDecodeError(`${path ? `${path}.` : ""}${name}: ${problem}, got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value instanceof Uint8Array) return `${value.length} bytes`;
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object" && value !== null) return "an object";
  const text = jsonText(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isMessage(value: unknown): value is Message {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}

/** The top-level request, which must be an object. */
export function requestMessage(value: unknown, what: string): Message {
  if (!isMessage(value)) throw new OtlpDecodeError(`${what} must be an object, got ${describe(value)}`);
  return value;
}

export function readMessage(message: Message, name: string, path: string): Message | undefined {
  const value = field(message, name);
  if (value === undefined) return undefined;
  if (!isMessage(value)) fail(path, name, "expected an object", value);
  return value;
}

/** Each element of a repeated message field with its path; an absent field is empty. */
export function readMessages(message: Message, name: string, path: string): [Message, string][] {
  const value = field(message, name);
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(path, name, "expected an array", value);
  return value.map((item: unknown, index) => {
    const itemPath = `${path ? `${path}.` : ""}${name}[${index}]`;
    if (!isMessage(item)) fail("", itemPath, "expected an object", item);
    return [item, itemPath];
  });
}

export function readString(message: Message, name: string, path: string): string {
  const value = field(message, name);
  if (value === undefined) return "";
  if (typeof value !== "string") fail(path, name, "expected a string", value);
  return value;
}

export function readBool(message: Message, name: string, path: string): boolean {
  const value = field(message, name);
  if (value === undefined) return false;
  if (typeof value !== "boolean") fail(path, name, "expected a boolean", value);
  return value;
}

const INT64 = /^-?\d+$/;

/** An int64 as a number when it is a safe integer, else as its decimal string. */
export function int64Value(value: unknown): number | string | undefined {
  if (typeof value === "number") return Number.isInteger(value) ? value : undefined;
  if (typeof value !== "string" || !INT64.test(value)) return undefined;
  const big = BigInt(value);
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(big)
    : big.toString();
}

/** An integer field read as a number: counts and enum values, where precision beyond 2^53 is moot. */
export function readInteger(message: Message, name: string, path: string): number | undefined {
  const value = field(message, name);
  if (value === undefined) return undefined;
  const int = int64Value(value);
  if (int === undefined) fail(path, name, "expected an integer", value);
  return Number(int);
}

const SPECIAL_DOUBLES: Record<string, number> = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity };

function doubleValue(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return undefined;
  const special = SPECIAL_DOUBLES[value];
  if (special !== undefined) return special;
  const number = Number(value);
  return value.trim() !== "" && !Number.isNaN(number) ? number : undefined;
}

export function readDouble(message: Message, name: string, path: string): number | undefined {
  const value = field(message, name);
  if (value === undefined) return undefined;
  const double = doubleValue(value);
  if (double === undefined) fail(path, name, "expected a number", value);
  return double;
}

export function readDoubles(message: Message, name: string, path: string): number[] {
  const value = field(message, name);
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(path, name, "expected an array of numbers", value);
  return value.map((item: unknown, index) => {
    const double = doubleValue(item);
    if (double === undefined) fail(path, `${name}[${index}]`, "expected a number", item);
    return double;
  });
}

export function readIntegers(message: Message, name: string, path: string): number[] {
  const value = field(message, name);
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(path, name, "expected an array of integers", value);
  return value.map((item: unknown, index) => {
    const int = int64Value(item);
    if (int === undefined) fail(path, `${name}[${index}]`, "expected an integer", item);
    return Number(int);
  });
}

const UNSIGNED = /^\d+$/;

/** A fixed64 timestamp as a decimal string; "0" when absent (OTLP's "unknown"). */
export function readUnixNano(message: Message, name: string, path: string): string {
  const value = field(message, name);
  if (value === undefined) return "0";
  if (typeof value === "string" && UNSIGNED.test(value)) return BigInt(value).toString();
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return BigInt(value).toString();
  return fail(path, name, "expected nanoseconds since the epoch as an unsigned integer", value);
}

/** An enum given as its number or its name (OTLP/JSON allows both). */
export function readEnum(
  message: Message,
  name: string,
  path: string,
  numberOfName: (enumName: string) => number | undefined,
): number {
  const value = field(message, name);
  if (value === undefined) return 0;
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string") {
    const number = numberOfName(value);
    if (number !== undefined) return number;
    if (INT64.test(value)) return Number(value);
  }
  return fail(path, name, "expected an enum number or name", value);
}

const HEX_ID = /^[0-9a-fA-F]+$/;
const ZERO_ID = /^0+$/;

/**
 * A trace id (16 bytes) or span id (8 bytes) as lower-case hex; undefined when absent, empty or
 * all zeros (OTLP's "no id"). JSON senders should use hex, but some send base64 (the generic
 * protobuf JSON mapping of bytes), which is accepted too.
 */
export function readId(message: Message, name: string, path: string, byteLength: 16 | 8): string | undefined {
  const value = field(message, name);
  if (value === undefined) return undefined;
  let hex: string | undefined;
  if (value instanceof Uint8Array) {
    if (value.length === 0) return undefined;
    if (value.length === byteLength) hex = Buffer.from(value).toString("hex");
  } else if (typeof value === "string") {
    if (value === "") return undefined;
    if (value.length === byteLength * 2 && HEX_ID.test(value)) hex = value.toLowerCase();
    else {
      const bytes = Buffer.from(value, "base64");
      if (bytes.length === byteLength && bytes.toString("base64") === value) hex = bytes.toString("hex");
    }
  }
  if (hex === undefined) fail(path, name, `expected ${byteLength * 2} hex characters`, value);
  return ZERO_ID.test(hex) ? undefined : hex;
}

/** Deeper AnyValue nesting is refused rather than risking the stack on a hostile body. */
const MAX_VALUE_DEPTH = 64;

/** An AnyValue as a plain JSON value; null when no value is set. */
export function decodeAnyValue(value: Message, path: string, depth = 0): unknown {
  if (depth > MAX_VALUE_DEPTH) {
    throw new OtlpDecodeError(`${path}: values nested more than ${MAX_VALUE_DEPTH} levels deep`);
  }
  const stringValue = field(value, "stringValue");
  if (stringValue !== undefined) {
    if (typeof stringValue !== "string") fail(path, "stringValue", "expected a string", stringValue);
    return stringValue;
  }
  const boolValue = field(value, "boolValue");
  if (boolValue !== undefined) return readBool(value, "boolValue", path);
  const intValue = field(value, "intValue");
  if (intValue !== undefined) {
    const int = int64Value(intValue);
    if (int === undefined) fail(path, "intValue", "expected an integer", intValue);
    return int;
  }
  if (field(value, "doubleValue") !== undefined) {
    const double = readDouble(value, "doubleValue", path) ?? 0;
    // JSON has no NaN or Infinity: keep them readable instead of letting them become null.
    return Number.isFinite(double) ? double : String(double);
  }
  const arrayValue = readMessage(value, "arrayValue", path);
  if (arrayValue) {
    return readMessages(arrayValue, "values", `${path}.arrayValue`).map(([item, itemPath]) =>
      decodeAnyValue(item, itemPath, depth + 1),
    );
  }
  const kvlistValue = readMessage(value, "kvlistValue", path);
  if (kvlistValue) return decodeAttributes(kvlistValue, "values", `${path}.kvlistValue`, depth + 1);
  const bytesValue = field(value, "bytesValue");
  if (bytesValue instanceof Uint8Array) return Buffer.from(bytesValue).toString("base64");
  if (bytesValue !== undefined) {
    if (typeof bytesValue !== "string") fail(path, "bytesValue", "expected base64", bytesValue);
    return bytesValue;
  }
  return null;
}

/** A repeated KeyValue field as a record (a repeated key keeps its last value). */
export function decodeAttributes(message: Message, name: string, path: string, depth = 0): Attributes {
  const entries = readMessages(message, name, path).map(([keyValue, itemPath]): [string, unknown] => {
    const key = readString(keyValue, "key", itemPath);
    const value = readMessage(keyValue, "value", itemPath);
    return [key, value ? decodeAnyValue(value, `${itemPath}.value`, depth) : null];
  });
  // fromEntries defines own properties, so a "__proto__" key stays an ordinary attribute.
  return Object.fromEntries(entries);
}

// Nothing sensitive leaves a process: card numbers, CVCs, credentials, tokens and email addresses
// are removed from span attributes, span events and log fields before export. Two nets: keys that
// name a secret lose their value whatever it is; any string value is scanned for card numbers
// (13-19 digits passing the Luhn check), email addresses, bearer tokens, passwords in URLs and
// secrets in query strings.

export const REDACTED = "[REDACTED]";

const SENSITIVE_KEY =
  /(^|[._\-\s])(password|passwd|secret|token|access[_-]?token|authorization|auth|cookie|set-cookie|cvc|cvv|card[_-]?number|cardnumber|pan|email|e-mail|api[_-]?key|private[_-]?key)([._\-\s]|$)/i;

const CARD_CANDIDATE = /\b\d(?:[ -]?\d){12,18}\b/g;
// Also URL-encoded (%40), as in a query's JSON input: `?input={"email":"a%40b.com"}`.
const EMAIL = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9.-]+\.[A-Za-z]{2,}/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
// user:password@ in a connection string or URL.
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/[^:@\s/]+):[^@\s/]+@/gi;
// A secret in a query string: the presenter console's `/console?token=...` link, API keys.
const QUERY_SECRET = /([?&](?:token|access_token|api_key|apikey|secret|password|auth)=)[^&#\s"]*/gi;

// Every span's attributes and every log field go through here, and the same few keys and values
// ("http.route", "GET", a route's path) come back on every request: remembering the verdicts
// turns the regular expressions into a map lookup. Bounded: when full, a memo starts over, so
// high-cardinality values (ids, SQL) cost a lookup and their regular expressions, never memory.
const MEMO_LIMIT = 2_000;
const MEMO_MAX_STRING = 256;
const keyVerdicts = new Map<string, boolean>();
const cleanStrings = new Set<string>();

export function isSensitiveKey(key: string): boolean {
  let verdict = keyVerdicts.get(key);
  if (verdict === undefined) {
    verdict = SENSITIVE_KEY.test(key);
    if (keyVerdicts.size >= MEMO_LIMIT) keyVerdicts.clear();
    keyVerdicts.set(key, verdict);
  }
  return verdict;
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The string with card numbers, emails and bearer credentials replaced; the same string if clean. */
export function redactString(value: string): string {
  if (value.length < 6 || cleanStrings.has(value)) return value;
  const clean = scrub(value);
  if (clean === value && value.length <= MEMO_MAX_STRING) {
    if (cleanStrings.size >= MEMO_LIMIT) cleanStrings.clear();
    cleanStrings.add(value);
  }
  return clean;
}

function scrub(value: string): string {
  return value
    .replace(CARD_CANDIDATE, (match) => {
      const digits = match.replace(/[ -]/g, "");
      return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits) ? "[REDACTED:card]" : match;
    })
    .replace(URL_CREDENTIALS, "$1:[REDACTED]@")
    .replace(QUERY_SECRET, "$1[REDACTED]")
    .replace(EMAIL, "[REDACTED:email]")
    .replace(BEARER, "$1 [REDACTED]");
}

/** A copy of any JSON-like value with sensitive keys and values redacted (for log records). */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactString(value);
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1));
  if (value instanceof Error) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSensitiveKey(key) ? REDACTED : redactDeep(item, depth + 1);
  }
  return out;
}

type AttributeValue = string | number | boolean | (string | number | boolean | null | undefined)[];

/** Redacted value for one attribute, or undefined when it needs no change. */
export function redactAttribute(key: string, value: unknown): AttributeValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (isSensitiveKey(key)) return REDACTED;
  if (typeof value === "string") {
    const clean = redactString(value);
    return clean === value ? undefined : clean;
  }
  if (Array.isArray(value) && value.some((item) => typeof item === "string")) {
    const items = value as (string | number | boolean | null | undefined)[];
    const clean = items.map((item) => (typeof item === "string" ? redactString(item) : item));
    return clean.some((item, index) => item !== items[index]) ? clean : undefined;
  }
  return undefined;
}

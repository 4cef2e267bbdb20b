// Finds personal and secret data in captured telemetry (as text): the values a test typed or was
// given, and anything that looks like a card number, an email address or a credential. It is
// deliberately independent of @shop/telemetry's redaction, so that a bug there cannot hide itself.

export interface KnownSensitiveValues {
  /** Card numbers as typed ("4242 4242 4242 4242"); searched with and without separators. */
  cardNumbers?: string[];
  /** The CVC typed; too short to search for alone, so looked for beside a CVC-like name. */
  cvc?: string;
  emails?: string[];
  /** Cookie values, tokens, keys: searched verbatim (values under 8 characters are ignored). */
  secrets?: string[];
}

export interface SensitiveFinding {
  kind: "card" | "luhn" | "cvc" | "email" | "bearer" | "secret";
  match: string;
  /** The text around the match, to find where it came from. */
  context: string;
}

// Runs inside a number or an id are not card numbers: the fraction of a float (`0.0016049310000000002`)
// or a hyphenated id's part (web-vitals' `v4-1795687384274-2488596979125`).
const DIGIT_RUN = /(?<![0-9A-Za-z.-])(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,7})(?![0-9A-Za-z-]|\.\d)/g;
const EMAIL = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const BEARER = /\b(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g;
const CVC_NAME = String.raw`(?:cvc|cvv|cvv2|security[_ -]?code|card[_ -]?code)`;

export function passesLuhn(digits: string): boolean {
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

// Telemetry is full of epoch timestamps (ms: 13 digits, us: 16, ns: 19) and a tenth of them pass
// the Luhn check. Card numbers never start with 1 for the networks the shop accepts, and every
// timestamp from 2001 to 2286 does, so a run starting with 1 at a timestamp's length is one.
function isEpochTimestamp(digits: string): boolean {
  return digits.startsWith("1") && [13, 16, 19].includes(digits.length);
}

// A 16-hex span id is all decimal digits about once in 1,900 ids, and a tenth of those pass the
// Luhn check: over a full journey's thousands of spans that happens (CI met "spanId":"4935476869422877").
// A run that is the value of a trace/span id key is such an id, not a card number.
const ID_KEY_BEFORE = /(?:span|trace)_?id["']?\s*[:=]\s*["']?$/i;

function isTraceOrSpanId(text: string, index: number): boolean {
  return ID_KEY_BEFORE.test(text.slice(Math.max(0, index - 40), index));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function contextOf(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 80), Math.min(text.length, index + length + 80));
}

function findAll(text: string, pattern: RegExp, kind: SensitiveFinding["kind"]): SensitiveFinding[] {
  const found: SensitiveFinding[] = [];
  for (const match of text.matchAll(pattern)) {
    found.push({ kind, match: match[0], context: contextOf(text, match.index, match[0].length) });
  }
  return found;
}

function literal(values: string[]): RegExp | undefined {
  const unique = [...new Set(values.filter((value) => value.length > 0))];
  return unique.length ? new RegExp(unique.map(escapeRegExp).join("|"), "gi") : undefined;
}

/** The forms a typed card number may take in text: as typed, digits only, grouped by 4. */
function cardForms(card: string): string[] {
  const digits = card.replace(/\D/g, "");
  const groups = digits.match(/.{1,4}/g) ?? [];
  return [card, digits, groups.join(" "), groups.join("-")];
}

export function findSensitiveData(text: string, known: KnownSensitiveValues = {}): SensitiveFinding[] {
  const findings: SensitiveFinding[] = [];
  const cards = literal((known.cardNumbers ?? []).flatMap(cardForms));
  if (cards) findings.push(...findAll(text, cards, "card"));
  for (const match of text.matchAll(DIGIT_RUN)) {
    const digits = match[0].replace(/\D/g, "");
    if (passesLuhn(digits) && !isEpochTimestamp(digits) && !isTraceOrSpanId(text, match.index))
      findings.push({
        kind: "luhn",
        match: match[0],
        context: contextOf(text, match.index, match[0].length),
      });
  }
  // A CVC-like name, up to a few quote/separator characters, then 3-4 digits: `"cvc":"123"`,
  // `cvc=123`, `cvc: 123`; plus the typed value right after such a name in any other shape.
  findings.push(...findAll(text, new RegExp(`${CVC_NAME}["'\\\\\\s:=]{1,6}\\d{3,4}(?!\\d)`, "gi"), "cvc"));
  if (known.cvc) {
    const typed = new RegExp(`${CVC_NAME}\\W{1,12}${escapeRegExp(known.cvc)}(?!\\d)`, "gi");
    for (const finding of findAll(text, typed, "cvc"))
      if (!findings.some((seen) => seen.kind === "cvc" && seen.context === finding.context))
        findings.push(finding);
  }
  findings.push(...findAll(text, EMAIL, "email"));
  const emails = literal([
    ...(known.emails ?? []),
    ...(known.emails ?? []).map((email) => encodeURIComponent(email)),
  ]);
  if (emails)
    for (const finding of findAll(text, emails, "email"))
      if (!findings.some((seen) => seen.kind === "email" && seen.match.includes(finding.match)))
        findings.push(finding);
  findings.push(...findAll(text, BEARER, "bearer"));
  const secrets = literal((known.secrets ?? []).filter((secret) => secret.length >= 8));
  if (secrets) findings.push(...findAll(text, secrets, "secret"));
  return findings;
}

/** One line per finding, for an assertion message. */
export function describeFindings(findings: SensitiveFinding[]): string {
  return findings.map((finding) => `${finding.kind}: ${finding.match} in …${finding.context}…`).join("\n");
}

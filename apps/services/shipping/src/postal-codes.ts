// Postal code formats, checked before a quote so that a typo is caught at the shipping step rather
// than by the carrier. Countries without a format of their own get a loose one: 3 to 10 letters,
// digits, spaces or dashes, starting and ending with a letter or digit.
interface PostalCodeFormat {
  pattern: RegExp;
  /** What a valid code looks like, for the field's error message. */
  expected: string;
}

// A Map, not an object literal: the country comes from the caller, and "constructor" must find
// nothing rather than Object.prototype's.
const FORMATS: ReadonlyMap<string, PostalCodeFormat> = new Map([
  ["US", { pattern: /^\d{5}(-\d{4})?$/, expected: "one like 94105 or 94105-1234" }],
  ["CA", { pattern: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i, expected: "one like K1A 0B1" }],
  // Outward code (area, district, optional sub-district) then inward code (sector, unit).
  ["GB", { pattern: /^(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/i, expected: "one like SW1A 1AA" }],
]);

const OTHER: PostalCodeFormat = {
  pattern: /^[A-Z\d][A-Z\d -]{1,8}[A-Z\d]$/i,
  expected: "3 to 10 letters, digits, spaces or dashes",
};

function formatOf(countryCode: string): PostalCodeFormat {
  return FORMATS.get(countryCode) ?? OTHER;
}

export function isValidPostalCode(countryCode: string, postalCode: string): boolean {
  return formatOf(countryCode).pattern.test(postalCode);
}

/** What a valid postal code of the country looks like, for the field's error message. */
export function expectedPostalCode(countryCode: string): string {
  return formatOf(countryCode).expected;
}

// What a card number says about itself, before any processor sees it: whether it is well formed
// (the Luhn check digit catches most typos) and which network issued it. The number itself is
// only ever passed to the processor; everything else keeps the brand and the last four digits.
import type { CardBrand } from "@shop/db";

/** The digits of a number typed with spaces or dashes ("4242 4242-4242 4242"). */
export function cardDigits(typed: string): string {
  return typed.replace(/[\s-]/g, "");
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index--) {
    let digit = digits.charCodeAt(index) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

interface BrandRule {
  brand: CardBrand;
  /** Issuer prefixes as inclusive ranges of the number's first digits. */
  prefixes: readonly (readonly [number, number])[];
  lengths: readonly number[];
}

// The networks the shop accepts and the issuer ranges they own.
const BRAND_RULES: readonly BrandRule[] = [
  { brand: "VISA", prefixes: [[4, 4]], lengths: [13, 16, 19] },
  {
    brand: "MASTERCARD",
    prefixes: [
      [51, 55],
      [2221, 2720],
    ],
    lengths: [16],
  },
  {
    brand: "AMEX",
    prefixes: [
      [34, 34],
      [37, 37],
    ],
    lengths: [15],
  },
  {
    brand: "DISCOVER",
    prefixes: [
      [6011, 6011],
      [644, 649],
      [65, 65],
    ],
    lengths: [16, 17, 18, 19],
  },
];

function ruleFor(digits: string): BrandRule | undefined {
  return BRAND_RULES.find((rule) =>
    rule.prefixes.some(([low, high]) => {
      const prefix = Number(digits.slice(0, String(low).length));
      return prefix >= low && prefix <= high;
    }),
  );
}

/** The network that issued the number, or undefined for one the shop does not accept. */
export function detectBrand(digits: string): CardBrand | undefined {
  return ruleFor(digits)?.brand;
}

/**
 * Why the digits are not a card number the shop can charge, or undefined when they are. The
 * reasons never quote the number: they end up in responses and logs.
 */
export function cardNumberProblem(digits: string): string | undefined {
  if (!/^\d{12,19}$/.test(digits)) return "must be 12 to 19 digits (spaces and dashes are allowed)";
  if (!passesLuhn(digits)) return "is not a valid card number (check digit mismatch)";
  const rule = ruleFor(digits);
  if (!rule) return "is not a card we accept (Visa, Mastercard, American Express or Discover)";
  if (!rule.lengths.includes(digits.length)) {
    return `must be ${spellLengths(rule.lengths)} digits for ${BRAND_NAMES[rule.brand]}`;
  }
  return undefined;
}

/** [13, 16, 19] -> "13, 16 or 19" */
function spellLengths(lengths: readonly number[]): string {
  const last = lengths.at(-1);
  return lengths.length > 1 ? `${lengths.slice(0, -1).join(", ")} or ${String(last)}` : String(last);
}

export const BRAND_NAMES: Record<CardBrand, string> = {
  VISA: "Visa",
  MASTERCARD: "Mastercard",
  AMEX: "American Express",
  DISCOVER: "Discover",
};

/** American Express prints a four-digit code on the front; the others three on the back. */
export function cvcLength(brand: CardBrand): number {
  return brand === "AMEX" ? 4 : 3;
}

export function lastFour(digits: string): string {
  return digits.slice(-4);
}

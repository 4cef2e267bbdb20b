import { describe, expect, it } from "vitest";
import {
  cardDigits,
  cardNumberProblem,
  cvcLength,
  detectBrand,
  lastFour,
  passesLuhn,
} from "./card-number.ts";
import { APPROVED_TEST_CARDS, REFUSED_TEST_CARDS } from "./test-cards.ts";

describe("a card number", () => {
  it("is read without the spaces and dashes people type", () => {
    expect(cardDigits("4242 4242-4242 4242")).toBe("4242424242424242");
    expect(lastFour("4242424242424242")).toBe("4242");
  });

  it("passes the Luhn check only with the right check digit", () => {
    expect(passesLuhn("4242424242424242")).toBe(true);
    expect(passesLuhn("4242424242424241")).toBe(false);
    expect(passesLuhn("79927398713")).toBe(true);
    expect(passesLuhn("79927398710")).toBe(false);
  });

  it("names its brand from the issuer prefix", () => {
    expect(detectBrand("4111111111111111")).toBe("VISA");
    expect(detectBrand("5105105105105100")).toBe("MASTERCARD");
    expect(detectBrand("2221000000000009")).toBe("MASTERCARD");
    expect(cardNumberProblem("411111111117")).toBe("must be 13, 16 or 19 digits for Visa");
    expect(detectBrand("2720990000000007")).toBe("MASTERCARD");
    expect(detectBrand("2721000000000004")).toBeUndefined();
    expect(detectBrand("371449635398431")).toBe("AMEX");
    expect(detectBrand("341111111111111")).toBe("AMEX");
    expect(detectBrand("6011000990139424")).toBe("DISCOVER");
    expect(detectBrand("6500000000000002")).toBe("DISCOVER");
    expect(detectBrand("3530111333300000")).toBeUndefined(); // JCB
    expect(detectBrand("5610591081018250")).toBeUndefined(); // Bankcard
  });

  it("every published test card is a valid number of an accepted brand", () => {
    for (const number of [...APPROVED_TEST_CARDS, ...Object.keys(REFUSED_TEST_CARDS)]) {
      expect(cardNumberProblem(number), number).toBeUndefined();
    }
  });

  it("says what is wrong without quoting the number", () => {
    const problems = {
      "42424242": cardNumberProblem("42424242"),
      "4242424242424241": cardNumberProblem("4242424242424241"),
      "3530111333300000": cardNumberProblem("3530111333300000"),
      "4242424242424242428": cardNumberProblem("4242424242424242428"),
      "5555555555555555556": cardNumberProblem("5555555555555555556"),
    };
    expect(problems).toEqual({
      "42424242": "must be 12 to 19 digits (spaces and dashes are allowed)",
      "4242424242424241": "is not a valid card number (check digit mismatch)",
      "3530111333300000": "is not a card we accept (Visa, Mastercard, American Express or Discover)",
      "4242424242424242428": undefined,
      "5555555555555555556": "must be 16 digits for Mastercard",
    });
    for (const [number, problem] of Object.entries(problems)) expect(problem ?? "").not.toContain(number);
  });

  it("has a four-digit security code on American Express, three on the others", () => {
    expect(cvcLength("AMEX")).toBe(4);
    expect(cvcLength("VISA")).toBe(3);
    expect(cvcLength("MASTERCARD")).toBe(3);
    expect(cvcLength("DISCOVER")).toBe(3);
  });
});

import { describe, expect, it } from "vitest";
import { isValidPostalCode } from "./postal-codes.ts";

/** The codes the check refuses (so a list of valid codes should give none back), and the reverse. */
const refused = (country: string, codes: string[]) =>
  codes.filter((code) => !isValidPostalCode(country, code));
const accepted = (country: string, codes: string[]) =>
  codes.filter((code) => isValidPostalCode(country, code));

describe("postal codes", () => {
  it("in the US are five digits, or ZIP+4", () => {
    expect(refused("US", ["94105", "10001", "94105-1234"])).toEqual([]);
    expect(accepted("US", ["9410", "941055", "94105-123", "94105 1234", "ABCDE", "94105-"])).toEqual([]);
  });

  it("in Canada are A1A 1A1, with or without the space, in either case", () => {
    expect(refused("CA", ["K1A 0B1", "M5V 2T6", "m5v2t6"])).toEqual([]);
    expect(accepted("CA", ["K1A-0B1", "KKA 0B1", "K1A 0B", "12345", "K1A  0B1"])).toEqual([]);
  });

  it("in the UK follow the outward and inward code", () => {
    expect(
      refused("GB", [
        "SW1A 1AA",
        "EC1A 1BB",
        "W1A 0AX",
        "M1 1AE",
        "B33 8TH",
        "CR2 6XH",
        "DN55 1PT",
        "ec15ab",
      ]),
    ).toEqual([]);
    expect(accepted("GB", ["SW1A", "1AA SW1", "SW1A 1A", "ABC 1AA", "SW1A-1AA"])).toEqual([]);
  });

  it("elsewhere are 3 to 10 letters, digits, spaces or dashes", () => {
    expect(refused("DE", ["10115"])).toEqual([]);
    expect(refused("JP", ["100-0001"])).toEqual([]);
    expect(refused("NL", ["1011 AB"])).toEqual([]);
    expect(refused("IE", ["D02 X285"])).toEqual([]);
    expect(accepted("DE", ["12", "12345678901", "10115!", " 1011", "-1011", "   "])).toEqual([]);
  });

  it("take the loose format for any other text, even names Object.prototype knows", () => {
    expect(isValidPostalCode("constructor", "12345")).toBe(true);
    expect(isValidPostalCode("__proto__", "1")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { formatNumber, markdownTable, textTable } from "./table.ts";

describe("textTable", () => {
  it("pads columns to the widest cell, numbers to the right", () => {
    expect(
      textTable(
        ["figure", "value"],
        [
          ["p50", "12.5"],
          ["throughput", "1234"],
          ["missing", "-"],
        ],
      ),
    ).toBe(
      [
        "figure      value",
        "----------  -----",
        "p50          12.5",
        "throughput   1234",
        "missing         -",
      ].join("\n"),
    );
  });
});

describe("markdownTable", () => {
  it("right-aligns numeric columns and escapes pipes", () => {
    expect(markdownTable(["a", "n"], [["x|y", "3"]])).toBe(
      ["| a | n |", "| --- | ---: |", "| x\\|y | 3 |"].join("\n"),
    );
  });
});

describe("formatNumber", () => {
  it("keeps about three significant digits", () => {
    expect(formatNumber(1234.56)).toBe("1235");
    expect(formatNumber(45.67)).toBe("45.7");
    expect(formatNumber(0.8123)).toBe("0.81");
    expect(formatNumber(NaN)).toBe("-");
  });
});

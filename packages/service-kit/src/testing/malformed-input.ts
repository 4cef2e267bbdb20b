// The property every service promises about bad input, as one reusable test: for inputs near
// each procedure's valid shape (and anything else JSON can carry) that its schema refuses, the
// answer is 400 BAD_REQUEST with at least one field message, never a 5xx.
import fc from "fast-check";
import { expect, it } from "vitest";
import type { ServiceErrorShape } from "../error-formatter.ts";
import { overTheWire } from "./raw-procedure-call.ts";

export interface MalformedInputCase {
  path: string;
  kind: "query" | "mutation";
  schema: { safeParse: (input: unknown) => { success: boolean } };
  /** The right shape with some field wrong: where validation bugs live. */
  nearMiss: fc.Arbitrary<unknown>;
}

type Send = (
  path: string,
  kind: "query" | "mutation",
  input: unknown,
) => Promise<{ status: number; error: ServiceErrorShape | undefined }>;

export function itRejectsMalformedInput(cases: readonly MalformedInputCase[], send: Send, numRuns = 150) {
  const anything = fc.jsonValue({ maxDepth: 3 });
  for (const { path, kind, schema, nearMiss } of cases) {
    it(`${path}: 400 with field errors, never a 5xx`, async () => {
      const malformed = fc
        .oneof(nearMiss, anything, fc.constant(undefined))
        .map(overTheWire)
        .filter((input) => !schema.safeParse(input).success);
      await fc.assert(
        fc.asyncProperty(malformed, async (input) => {
          const { status, error } = await send(path, kind, input);
          expect(status).toBe(400);
          expect(error?.data.code).toBe("BAD_REQUEST");
          expect(Object.keys(error?.data.fieldErrors ?? {}).length).toBeGreaterThan(0);
        }),
        { numRuns },
      );
    });
  }
}

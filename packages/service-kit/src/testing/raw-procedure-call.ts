// Calls a procedure the way any HTTP client could, without the typed client's validation: what
// the malformed-input tests need to send what a typed client would refuse to.
import type { ServiceErrorShape } from "../error-formatter.ts";

/** What the wire carries: JSON drops undefined and turns NaN and Infinity into null. */
export const overTheWire = (value: unknown): unknown =>
  value === undefined ? undefined : JSON.parse(JSON.stringify(value));

export async function callProcedure(
  baseUrl: string,
  path: string,
  kind: "query" | "mutation",
  input: unknown,
): Promise<{ status: number; error: ServiceErrorShape | undefined }> {
  const envelope = JSON.stringify({ json: input });
  const response =
    kind === "query"
      ? await fetch(`${baseUrl}/${path}?input=${encodeURIComponent(envelope)}`)
      : await fetch(`${baseUrl}/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: envelope,
        });
  const body = (await response.json()) as { error?: { json: ServiceErrorShape } };
  return { status: response.status, error: body.error?.json };
}

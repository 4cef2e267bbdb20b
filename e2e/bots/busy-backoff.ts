// When the shop says it is busy (503 from its BFF, under load shedding) a person waits a moment
// and tries again, a little longer each time, and gives up after a few tries. The waits are
// jittered so a crowd of bots shed together does not come back together in one wave.

/** Tries after the first busy answer before the shopper gives up. */
export const BUSY_RETRIES = 3;
const BASE_MS = 1_000;
const CAP_MS = 15_000;

/** The wait before retry `attempt` (0 for the first retry): exponential, capped, half of it jitter. */
export function busyBackoffMs(attempt: number, random: () => number): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** Whether the shop answered "busy" during a step's current try (set by the page's response listener). */
export class BusySignal {
  #seen = false;

  mark(): void {
    this.#seen = true;
  }

  reset(): void {
    this.#seen = false;
  }

  seen(): boolean {
    return this.#seen;
  }
}

/** The shop answered "busy" to this step, more often than the shopper would retry. */
export class ShopBusy extends Error {
  override name = "ShopBusy";
}

/** A step's result that is the shop's busy message rather than what the shopper came for. */
export function looksBusy(result: unknown): boolean {
  if (typeof result === "string") return /\bbusy\b/i.test(result);
  if (typeof result === "object" && result !== null && "message" in result) {
    return typeof result.message === "string" && /\bbusy\b/i.test(result.message);
  }
  return false;
}

/**
 * A response that is the shop shedding load: a 503 page, a 503 from its API, or a 503 for the
 * server-component payload of a client-side navigation (Next.js marks those with `_rsc`).
 */
export function isBusyResponse(response: { status: number; url: string; isDocument: boolean }): boolean {
  if (response.status !== 503) return false;
  const url = new URL(response.url);
  return response.isDocument || url.pathname.startsWith("/api/trpc") || url.searchParams.has("_rsc");
}

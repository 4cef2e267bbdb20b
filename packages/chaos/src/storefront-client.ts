// A shopper's HTTP conversation with the storefront's public API (/api/trpc, superjson), the
// way a browser has it: same origin, its own cookies (the cart and order-access cookies), nothing
// the public could not send. The chaos run shops through this so what it counts is what a
// customer would have seen.
import { randomUUID } from "node:crypto";

export interface CallResult<T> {
  ok: boolean;
  status: number;
  /** The tRPC error code or a network failure's name, when not ok. */
  code?: string;
  retryAfter?: string;
  data?: T;
}

export class StorefrontClient {
  readonly #baseUrl: string;
  readonly #cookies = new Map<string, string>();
  readonly #timeoutMs: number;

  constructor(baseUrl: string, options: { timeoutMs?: number } = {}) {
    this.#baseUrl = baseUrl;
    this.#timeoutMs = options.timeoutMs ?? 15_000;
  }

  query<T>(procedure: string, input?: unknown): Promise<CallResult<T>> {
    const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    return this.#send<T>(`/api/trpc/${procedure}${search}`, { method: "GET" });
  }

  mutate<T>(procedure: string, input: unknown): Promise<CallResult<T>> {
    return this.#send<T>(`/api/trpc/${procedure}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: input }),
    });
  }

  /** A page, as a browser would load it (status only). */
  async page(path: string): Promise<CallResult<never>> {
    try {
      const response = await fetch(new URL(path, this.#baseUrl), {
        headers: { cookie: this.#cookieHeader() },
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      await response.arrayBuffer();
      return {
        ok: response.ok,
        status: response.status,
        ...(response.ok ? {} : { code: `HTTP_${response.status}` }),
      };
    } catch (error) {
      return { ok: false, status: 0, code: networkCode(error) };
    }
  }

  async #send<T>(path: string, init: RequestInit): Promise<CallResult<T>> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.#baseUrl), {
        ...init,
        headers: { ...(init.headers as Record<string, string> | undefined), cookie: this.#cookieHeader() },
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      return { ok: false, status: 0, code: networkCode(error) };
    }
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const eq = pair?.indexOf("=") ?? -1;
      if (pair && eq > 0) this.#cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const body = (await response.json().catch(() => undefined)) as
      { result?: { data?: { json?: T } }; error?: { json?: { data?: { code?: string } } } } | undefined;
    const retryAfter = response.headers.get("retry-after") ?? undefined;
    if (response.ok) return { ok: true, status: response.status, data: body?.result?.data?.json as T };
    return {
      ok: false,
      status: response.status,
      code: body?.error?.json?.data?.code ?? `HTTP_${response.status}`,
      ...(retryAfter ? { retryAfter } : {}),
    };
  }

  #cookieHeader() {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

function networkCode(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return "TIMEOUT";
  return "NETWORK";
}

/** One attempt at checking out: a fresh key, as the checkout page makes one per attempt. */
export function newAttemptKey() {
  return `chaos_${randomUUID().replaceAll("-", "")}`;
}

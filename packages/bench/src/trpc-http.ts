// tRPC over plain HTTP, the way a browser's API client speaks it (superjson wire format:
// `{"json": input}` in, `{"result": {"data": {"json": output}}}` out), with one browser's cookies.
// Plain fetch on purpose: the bench measures the server, not a client library.

export class TrpcHttpError extends Error {
  readonly path: string;
  readonly status: number;

  constructor(path: string, status: number, body: string) {
    super(`${path}: HTTP ${String(status)} ${body.slice(0, 300)}`);
    this.path = path;
    this.status = status;
  }
}

export class TrpcHttpClient {
  readonly #baseUrl: string;
  readonly #cookies = new Map<string, string>();

  /** `baseUrl` ends at the tRPC endpoint: http://host:port/api/trpc, or a service's root. */
  constructor(baseUrl: string) {
    this.#baseUrl = baseUrl.replace(/\/$/, "");
  }

  query<T>(path: string, input?: unknown): Promise<T> {
    const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    return this.#call<T>(path, `${this.#baseUrl}/${path}${search}`, { method: "GET" });
  }

  mutate<T>(path: string, input: unknown): Promise<T> {
    return this.#call<T>(path, `${this.#baseUrl}/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: input }),
    });
  }

  async #call<T>(path: string, url: string, init: RequestInit): Promise<T> {
    const headers = new Headers(init.headers);
    if (this.#cookies.size > 0)
      headers.set("cookie", [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    const response = await fetch(url, { ...init, headers, signal: AbortSignal.timeout(30_000) });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (pair && at > 0) this.#cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    const text = await response.text();
    if (!response.ok) throw new TrpcHttpError(path, response.status, text);
    return (JSON.parse(text) as { result: { data: { json: T } } }).result.data.json;
  }
}

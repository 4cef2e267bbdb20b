// The sink's HTTP server: OTLP/HTTP ingestion on /v1/*, Coralogix browser RUM ingestion on
// /browser/* and the JSON query API on /api/*, bound to loopback by default since it stores
// whatever it is sent and asks for no credentials.
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sendError, sendJson } from "./http-io.ts";
import { OTLP_PATHS, receiveOtlp } from "./otlp-receiver.ts";
import { findRoute } from "./query-api.ts";
import { QueryParameterError } from "./query-params.ts";
import { RUM_PATHS, receiveRum } from "./rum-receiver.ts";
import { SinkStore } from "./store.ts";
import type { SinkLimits } from "./store.ts";

export interface SinkOptions {
  /** 0 (the default) picks any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  limits?: Partial<SinkLimits> & {
    /** Largest accepted OTLP or RUM request body, before and after decompression; default 32 MiB. */
    maxRequestBytes?: number;
  };
}

export interface RunningSink {
  /** e.g. http://127.0.0.1:4318, without a trailing slash. */
  url: string;
  port: number;
  store: SinkStore;
  close(): Promise<void>;
}

export const DEFAULT_MAX_REQUEST_BYTES = 32 * 1024 * 1024;

/** How long close() lets requests in flight finish before cutting their connections. */
const CLOSE_GRACE_MS = 2_000;

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  store: SinkStore,
  maxRequestBytes: number,
): Promise<void> {
  const method = request.method ?? "GET";
  const url = new URL(request.url ?? "/", "http://sink");
  const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : url.pathname;

  const signal = OTLP_PATHS[pathname];
  if (signal) {
    if (method === "POST") await receiveOtlp(request, response, signal, store, maxRequestBytes);
    else sendError(response, 405, `${method} ${pathname} is not allowed; use POST`, { allow: "POST" });
    return;
  }

  const rumEndpoint = RUM_PATHS[pathname];
  if (rumEndpoint) {
    if (method === "POST") await receiveRum(request, response, rumEndpoint, store, maxRequestBytes);
    else sendError(response, 405, `${method} ${pathname} is not allowed; use POST`, { allow: "POST" });
    return;
  }

  const route = findRoute(method, pathname);
  switch (route.kind) {
    case "not-found":
      sendError(response, 404, `no such endpoint: ${method} ${pathname}`);
      return;
    case "method-not-allowed":
      sendError(response, 405, `${method} ${pathname} is not allowed; use ${route.allowed.join(", ")}`, {
        allow: route.allowed.join(", "),
      });
      return;
    case "handler": {
      const result = route.handler(store, url.searchParams, route.match);
      sendJson(response, result.status, result.body);
      return;
    }
  }
}

function urlHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

export async function startSink(options: SinkOptions = {}): Promise<RunningSink> {
  const { maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES, ...storeLimits } = options.limits ?? {};
  if (!Number.isInteger(maxRequestBytes) || maxRequestBytes < 1) {
    throw new RangeError(`maxRequestBytes must be a positive integer, got ${maxRequestBytes}`);
  }
  const store = new SinkStore(storeLimits);
  const host = options.host ?? "127.0.0.1";

  const server = createServer((request, response) => {
    handle(request, response, store, maxRequestBytes).catch((error: unknown) => {
      if (error instanceof QueryParameterError) {
        sendError(response, 400, error.message);
        return;
      }
      // A bug, not a bad request: say so, and keep serving.
      console.error("telemetry-sink: request failed:", error);
      sendError(response, 500, `internal error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const where = `${host}:${options.port ?? 0}`;
      reject(
        new Error(
          error.code === "EADDRINUSE"
            ? `telemetry sink: ${where} is already in use`
            : `telemetry sink: cannot listen on ${where}: ${error.message}`,
          { cause: error },
        ),
      );
    });
    server.listen(options.port ?? 0, host, () => {
      resolve();
    });
  });

  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    store,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        const forceClose = setTimeout(() => {
          server.closeAllConnections();
        }, CLOSE_GRACE_MS);
        server.close((error) => {
          clearTimeout(forceClose);
          if (error) reject(error);
          else resolve();
        });
        // Exporters keep connections alive between exports; idle ones would hold close() open.
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

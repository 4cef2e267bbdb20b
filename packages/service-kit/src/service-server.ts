// A service's HTTP server: its tRPC router, /healthz (the process is alive), /readyz (its real
// dependencies answer; 503 naming the ones that do not, and 503 while shutting down so a load
// balancer stops sending work), traced requests, and a graceful stop: stop accepting, let the
// requests in flight finish (up to a deadline), close the service's own resources, flush
// telemetry.
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { startProcessFlags, stopProcessFlags } from "@shop/flags";
import type { Flags } from "@shop/flags";
import { recordLiveRequest, startProcessLiveStats, stopProcessLiveStats } from "@shop/live-stats";
import { currentTelemetry, logger, tracedRequestListener } from "@shop/telemetry";
import type { AnyRouter } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { retryAfterSeconds } from "./backpressure.ts";

const CHECK_TIMEOUT_MS = 1_000;

export type ReadinessCheck = () => Promise<unknown>;

export interface ServiceServerOptions<TRouter extends AnyRouter> {
  name: string;
  router: TRouter;
  port: number;
  host?: string;
  /** Dependencies that must answer for the service to take traffic, by name. */
  readiness?: Record<string, ReadinessCheck>;
  /** Closes the service's own resources (pools, clients) after the last request. */
  onShutdown?: () => Promise<void>;
  shutdownTimeoutMs?: number;
  /**
   * Redis holding the failure-mode flags (started before the first request) and the live request
   * counts the presenter console reads.
   */
  flagsRedisUrl?: string | undefined;
  /** Prefix of the flags' and live stats' Redis keys (tests use their own). */
  flagsPrefix?: string;
}

export interface ServiceServer {
  url: string;
  server: Server;
  /**
   * The process's flags (undefined without flagsRedisUrl): for what follows a flag, e.g.
   * `followPoolExhaustion(db, server.flags)` from @shop/db.
   */
  flags: Flags | undefined;
  /** Graceful stop; resolves when everything is closed (the process is left running). */
  stop: () => Promise<void>;
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  response.end(JSON.stringify(body));
}

async function runChecks(checks: Record<string, ReadinessCheck>) {
  const results = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`no answer within ${String(CHECK_TIMEOUT_MS)} ms`));
        }, CHECK_TIMEOUT_MS);
      });
      try {
        await Promise.race([check(), timeout]);
        return [name, "ok"] as const;
      } catch (error) {
        return [name, error instanceof Error ? error.message : String(error)] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return Object.fromEntries(results);
}

export async function startServiceServer<TRouter extends AnyRouter>(
  options: ServiceServerOptions<TRouter>,
): Promise<ServiceServer> {
  let flags: Flags | undefined;
  if (options.flagsRedisUrl) {
    const prefix = options.flagsPrefix ? { prefix: options.flagsPrefix } : {};
    flags = await startProcessFlags({ source: options.name, redis: options.flagsRedisUrl, ...prefix });
    startProcessLiveStats({ redisUrl: options.flagsRedisUrl, ...prefix });
  }
  const trpc = createHTTPHandler({
    router: options.router,
    createContext: () => ({}),
    // A busy service says when to come back (RFC 9110 Retry-After, in seconds).
    responseMeta: ({ errors }) => {
      const seconds = retryAfterSeconds(errors);
      return seconds === undefined ? {} : { headers: { "retry-after": String(seconds) } };
    },
  });
  let stopping = false;

  const listener = (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? "/").split("?")[0];
    if (path === "/healthz") {
      sendJson(response, 200, { status: "ok", service: options.name });
      return;
    }
    if (path === "/readyz") {
      if (stopping) {
        sendJson(response, 503, { status: "stopping", service: options.name });
        return;
      }
      void runChecks(options.readiness ?? {}).then((checks) => {
        const ready = Object.values(checks).every((result) => result === "ok");
        sendJson(response, ready ? 200 : 503, {
          status: ready ? "ready" : "not ready",
          service: options.name,
          checks,
        });
      });
      return;
    }
    const started = performance.now();
    response.once("finish", () => {
      recordLiveRequest(options.name, performance.now() - started, response.statusCode >= 500);
    });
    trpc(request, response);
  };

  const server = createServer(tracedRequestListener(listener));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.address}:${String(address.port)}`;
  logger.info({ url }, `${options.name} listening on ${url}`);

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      stopping = true;
      logger.info(`${options.name} stopping: finishing requests in flight`);
      const closed = new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      // Keep-alive connections turn idle as their last request finishes: close them as they do.
      const sweeper = setInterval(() => {
        server.closeIdleConnections();
      }, 50);
      server.closeIdleConnections();
      const deadline = setTimeout(() => {
        logger.warn(`${options.name}: requests still running after the shutdown timeout, closing them`);
        server.closeAllConnections();
      }, options.shutdownTimeoutMs ?? 10_000);
      await closed;
      clearInterval(sweeper);
      clearTimeout(deadline);
      await options.onShutdown?.();
      await stopProcessFlags();
      await stopProcessLiveStats();
      logger.info(`${options.name} stopped`);
    })();
    return stopped;
  };

  return { url, server, flags, stop };
}

/** SIGTERM (Kubernetes) and SIGINT (Ctrl-C): stop gracefully, flush telemetry, exit. */
export function stopOnSignals(service: ServiceServer) {
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "shutdown requested");
    void service
      .stop()
      .then(() => currentTelemetry()?.shutdown())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}

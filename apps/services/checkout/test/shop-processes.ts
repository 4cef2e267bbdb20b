// The whole backend as it runs in the shop: every service its own process, started with the
// telemetry preload, on one database, one Redis and one telemetry sink. For tests that follow a
// checkout across services.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { freePortBlock } from "@shop/service-kit/testing";

export const SERVICE_NAMES = [
  "catalog",
  "inventory",
  "cart",
  "orders",
  "payment",
  "shipping",
  "checkout",
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface RunningService {
  name: ServiceName;
  url: string;
  output: () => string;
  stop: () => Promise<void>;
  child: ChildProcess;
}

export async function startServiceProcess(
  name: ServiceName,
  env: Record<string, string>,
  port?: number,
): Promise<RunningService> {
  const chosen = port ?? (await freePortBlock());
  const cwd = path.join(import.meta.dirname, "..", "..", name);
  const child = spawn(process.execPath, ["--import", "@shop/telemetry/register", "src/main.ts"], {
    cwd,
    env: {
      // eslint-disable-next-line no-restricted-properties -- a service inherits the test's environment
      ...process.env,
      // Tests set stock by hand (a product with 3 left, a sold-out one): no delivery may refill
      // it meanwhile. Restocking has tests of its own in the inventory service.
      INVENTORY_RESTOCK_INTERVAL_MS: "86400000",
      ...env,
      PORT: String(chosen),
      OTEL_SERVICE_NAME: name,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
  }
  const exited = new Promise<void>((resolve) => {
    child.on("exit", () => {
      resolve();
    });
  });
  const url = `http://127.0.0.1:${String(chosen)}`;
  const deadline = Date.now() + 30_000;
  // Up once it answers its liveness probe (whatever the log level says).
  while (
    !(await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null) throw new Error(`${name} exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`${name} did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    name,
    url,
    output: () => output,
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Starts every service, dependencies first; returns them by name. */
export async function startShop(
  common: Record<string, string>,
  perService: Partial<Record<ServiceName, Record<string, string>>> = {},
) {
  const base = await freePortBlock(SERVICE_NAMES.length);
  const ports = Object.fromEntries(
    SERVICE_NAMES.map((name, index) => [name, base + index] as const),
  ) as Record<ServiceName, number>;
  const urls = Object.fromEntries(
    SERVICE_NAMES.map((name) => [name, `http://127.0.0.1:${String(ports[name])}`]),
  ) as Record<ServiceName, string>;
  const wiring = {
    CATALOG_URL: urls.catalog,
    INVENTORY_URL: urls.inventory,
    CART_URL: urls.cart,
    ORDERS_URL: urls.orders,
    PAYMENT_URL: urls.payment,
    SHIPPING_URL: urls.shipping,
  };
  const running = {} as Record<ServiceName, RunningService>;
  for (const name of SERVICE_NAMES) {
    running[name] = await startServiceProcess(
      name,
      { ...common, ...wiring, ...perService[name] },
      ports[name],
    );
  }
  return { services: running, urls, ports, wiring };
}

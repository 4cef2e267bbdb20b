// The cart service as its own process, started exactly as in production (the shared helper in
// @shop/service-kit/testing: `node --import @shop/telemetry/register src/main.ts`, SIGTERM to stop).
import path from "node:path";
import { runServiceProcess, startServiceProcess } from "@shop/service-kit/testing";
import type { ServiceProcess } from "@shop/service-kit/testing";

const packageRoot = path.join(import.meta.dirname, "..");

export type CartProcess = ServiceProcess;

/** Runs main.ts until it exits (for configurations it must refuse). */
export function runCart(env: Record<string, string>) {
  return runServiceProcess(packageRoot, env);
}

export function startCart(env: Record<string, string>): Promise<CartProcess> {
  return startServiceProcess("cart", packageRoot, env, { waitUntilReady: true });
}

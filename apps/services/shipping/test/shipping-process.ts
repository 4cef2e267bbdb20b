// The shipping service as its own process, started exactly as in production (the shared helper in
// @shop/service-kit/testing: `node --import @shop/telemetry/register src/main.ts`, SIGTERM to stop).
import path from "node:path";
import { runServiceProcess, startServiceProcess } from "@shop/service-kit/testing";
import type { ServiceProcess } from "@shop/service-kit/testing";

const packageRoot = path.join(import.meta.dirname, "..");

export type ShippingProcess = ServiceProcess;

/** Runs main.ts until it exits (for configurations it must refuse). */
export function runShipping(env: Record<string, string>) {
  return runServiceProcess(packageRoot, env);
}

export function startShipping(env: Record<string, string>): Promise<ShippingProcess> {
  return startServiceProcess("shipping", packageRoot, env);
}

// The inventory service as its own process, started exactly as in production (the shared helper in
// @shop/service-kit/testing: `node --import @shop/telemetry/register src/main.ts`, SIGTERM to stop).
import path from "node:path";
import { runServiceProcess, startServiceProcess } from "@shop/service-kit/testing";
import type { ServiceProcess } from "@shop/service-kit/testing";

const packageRoot = path.join(import.meta.dirname, "..");

export type InventoryProcess = ServiceProcess;

/** Runs main.ts until it exits (for configurations it must refuse). */
export function runInventory(env: Record<string, string>) {
  return runServiceProcess(packageRoot, env);
}

export function startInventory(env: Record<string, string>): Promise<InventoryProcess> {
  return startServiceProcess("inventory", packageRoot, env);
}

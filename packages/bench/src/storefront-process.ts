// A second storefront with telemetry off (OTEL_SDK_DISABLED=true), started exactly as the demo
// starts "web" (same build, same preload, same services), on its own port: the "off" side of the
// storefront's telemetry on/off comparison, against the very same backend.
import path from "node:path";
import { demoServiceUrls } from "@shop/local-stack/testing";
import { freePortBlock } from "@shop/service-kit/testing";
import { startChild } from "./child-process.ts";
import type { BenchChild } from "./child-process.ts";

export async function startStorefrontWithoutTelemetry(options: {
  repoRoot: string;
  servicesPort: number;
  env: Record<string, string>;
}): Promise<{ url: string; process: BenchChild }> {
  const port = await freePortBlock();
  const child = startChild({
    command: process.execPath,
    args: [
      "--import",
      "@shop/telemetry/register",
      path.join(options.repoRoot, "node_modules/next/dist/bin/next"),
      "start",
      "--hostname",
      "127.0.0.1",
      "--port",
      String(port),
    ],
    cwd: path.join(options.repoRoot, "apps/web"),
    env: {
      ...options.env,
      ...demoServiceUrls(options.servicesPort),
      OTEL_SERVICE_NAME: "storefront-bench-off",
      OTEL_SDK_DISABLED: "true",
      NEXT_OTEL_FETCH_DISABLED: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  try {
    await child.waitFor("Ready in", 120_000);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${String(port)}`, process: child };
}

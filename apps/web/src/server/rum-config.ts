// The RUM settings the page gets (public by design) and where the proxy sends what it receives.
import "server-only";
import { webEnv } from "../env.ts";
import type { PublicRumConfig } from "../lib/rum-config.ts";

export const RUM_PROXY_PATH = "/api/rum";

export function publicRumConfig(): PublicRumConfig {
  const env = webEnv();
  return {
    application: env.RUM_APPLICATION,
    version: env.SERVICE_VERSION,
    environment: env.DEPLOYMENT_ENVIRONMENT,
    // The SDK needs a region even when everything goes through the proxy; locally any will do.
    coralogixDomain: env.CORALOGIX_DOMAIN ?? "EU1",
    proxyUrl: RUM_PROXY_PATH,
    workerUrl: env.RUM_RECORDING_WORKER_URL,
  };
}

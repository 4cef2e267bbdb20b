// The storefront's settings, read on the server at start-up (never baked into the build, so one
// image serves every environment). Only `publicRumConfig()` ever reaches the browser.
import { z } from "zod";

const url = z.url({ protocol: /^https?$/ });

export const CORALOGIX_DOMAINS = ["EU1", "EU2", "US1", "US2", "US3", "AP1", "AP2", "AP3", "STAGING"] as const;

const webEnvSchema = z.object({
  CATALOG_URL: url.default("http://127.0.0.1:4101"),
  CART_URL: url.default("http://127.0.0.1:4103"),
  ORDERS_URL: url.default("http://127.0.0.1:4104"),
  SHIPPING_URL: url.default("http://127.0.0.1:4106"),
  CHECKOUT_URL: url.default("http://127.0.0.1:4107"),
  RECOMMENDATIONS_URL: url.default("http://127.0.0.1:4108"),
  // Per call to a service; placing an order (a whole saga with a card processor) gets longer.
  SERVICE_TIMEOUT_MS: z.coerce.number().int().min(50).default(2_000),
  CHECKOUT_TIMEOUT_MS: z.coerce.number().int().min(50).default(20_000),
  // RUM. Without a Coralogix domain and key, the RUM proxy hands events to the local sink.
  CORALOGIX_DOMAIN: z.enum(CORALOGIX_DOMAINS).optional(),
  CORALOGIX_RUM_PUBLIC_KEY: z.string().min(1).optional(),
  RUM_APPLICATION: z.string().min(1).default("observable-shop"),
  RUM_LOCAL_SINK_URL: url.optional(),
  // A self-hosted session-recording worker for sites that cannot reach Coralogix's CDN (see
  // docs/rum.md); unset, the SDK builds its worker inline.
  RUM_RECORDING_WORKER_URL: z.string().min(1).optional(),
  // The largest RUM body the proxy forwards (session-recording chunks are the big ones).
  RUM_PROXY_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(2 * 1024 * 1024),
  // Flags, scenarios and the live numbers of the presenter console live in Redis; without it the
  // shop runs and the console says it has nothing to control.
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, { error: "must be a redis:// URL" })
    .optional(),
  // The presenter console's secret (Authorization: Bearer, or /console?token=); unset, the
  // console is disabled and answers 401 to everyone.
  CONSOLE_TOKEN: z.string().min(16, { error: "must be at least 16 characters" }).optional(),
  SERVICE_VERSION: z.string().min(1).default("0.1.0"),
  DEPLOYMENT_ENVIRONMENT: z.string().min(1).default("local"),
});

export type WebEnv = z.infer<typeof webEnvSchema>;

let parsed: WebEnv | undefined;

export function webEnv(source: Record<string, string | undefined> = process.env): WebEnv {
  if (source !== process.env) return parse(source);
  parsed ??= parse(source);
  return parsed;
}

function parse(source: Record<string, string | undefined>): WebEnv {
  const result = webEnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new Error(`Invalid storefront configuration: ${problems.join("; ")}`);
  }
  return result.data;
}

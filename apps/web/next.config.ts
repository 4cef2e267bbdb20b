// The storefront's Next.js configuration. Security headers (CSP included) are set per request in
// src/proxy.ts, because the CSP carries a fresh nonce for Next's inline scripts.
import path from "node:path";
import type { NextConfig } from "next";

const repoRoot = path.resolve(import.meta.dirname, "../..");

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Type errors fail `npm run typecheck` (CI runs it); the build does not type-check a second time.
  typescript: { ignoreBuildErrors: true },
  // Loaded by Node at run time, not bundled: the workspace packages (TypeScript run by Node's type
  // stripping) and the libraries whose classes must be the same instances on both sides of them
  // (a DomainError must be `instanceof TRPCError` for the tRPC server that formats it).
  serverExternalPackages: [
    "@shop/flags",
    "@shop/live-stats",
    "@shop/scenarios",
    "@shop/service-kit",
    "@shop/telemetry",
    "@trpc/server",
    "@trpc/client",
    "ioredis",
    "superjson",
    "zod",
  ],
  turbopack: {
    root: repoRoot,
    resolveAlias: {
      // @coralogix/browser bundles OpenTelemetry API 1.9 but imports OpenTelemetry web packages that
      // npm hoists next to the server's API 1.10; two API copies in one page and the SDK silently
      // stops sending `traceparent`. In the browser, every import of the API gets the SDK's copy.
      "@opentelemetry/api": {
        browser: "@coralogix/browser/node_modules/@opentelemetry/api",
      },
    },
  },
};

export default config;

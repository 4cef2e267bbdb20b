// Which part of the demo a process is, from its command line: the footprint is reported per part
// (a service, the storefront, the sink, Redis, the bots' driver and their browser).
const SERVICE = /apps\/services\/([a-z-]+)\/src\/main\.ts/;

export function componentOf(commandLine: string): string {
  const service = SERVICE.exec(commandLine)?.[1];
  if (service) return `service ${service}`;
  if (/chrom(e|ium)/i.test(commandLine.split(" ")[0] ?? "")) return "bots browser (Chromium)";
  if (commandLine.includes("bots/cli.ts")) return "bots driver (Node)";
  if (commandLine.includes("next") && commandLine.includes(" start")) return "storefront (next start)";
  if (commandLine.includes("next-server") || commandLine.includes("next-router-worker"))
    return "storefront (next start)";
  if (commandLine.includes("telemetry-sink")) return "telemetry sink";
  if (commandLine.includes("redis-server")) return "redis";
  if (commandLine.includes("pglite-server")) return "database (PGlite)";
  if (commandLine.startsWith("postgres")) return "database (PostgreSQL backends)";
  if (commandLine.includes("local-stack/src/demo.ts")) return "demo supervisor";
  return "other";
}

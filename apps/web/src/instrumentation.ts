// Next calls register() once per server process before it serves anything: the place for the
// console's background parts (conductor, live-stats writer). Telemetry itself is preloaded with
// `--import @shop/telemetry/register`, before Next.
export async function register() {
  // NEXT_RUNTIME is Next's own marker of the runtime, not a setting of ours; the edge runtime has
  // no Redis client.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startConsoleHost } = await import("./server/console/console-host.ts");
  await startConsoleHost();
}

// Readiness: the storefront can serve pages, which needs the catalog (every page shows it). Other
// services are checked by the pages that need them: one of them down degrades a page, it does
// not take the storefront out of the load balancer.
import { webEnv } from "../../../env.ts";

export async function GET() {
  const headers = { "cache-control": "no-store" };
  try {
    const catalog = await fetch(new URL("/readyz", webEnv().CATALOG_URL), {
      signal: AbortSignal.timeout(1_000),
    });
    await catalog.body?.cancel();
    if (catalog.ok) return Response.json({ ok: true }, { headers });
    return Response.json({ ok: false, catalog: catalog.status }, { status: 503, headers });
  } catch (error) {
    return Response.json(
      { ok: false, catalog: error instanceof Error ? error.message : String(error) },
      { status: 503, headers },
    );
  }
}

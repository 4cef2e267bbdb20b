// Liveness: the storefront process answers (Kubernetes restarts it when this stops answering).
export function GET() {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}

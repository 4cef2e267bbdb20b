// The RUM proxy: the browser SDK posts here (same origin, so ad blockers and CSP leave it alone)
// with `?cxforward=<Coralogix ingress URL>`. Only Coralogix RUM ingress hosts are accepted; the key
// and the client's address are added here; bodies pass through byte for byte (JSON event batches,
// gzip session-recording chunks). Only POST is routed (Next answers 405 to anything else).
import { webEnv } from "../../../env.ts";
import { clientIp, destinationFor, parseForwardTarget } from "../../../server/rum-forwarding.ts";

const PASSED_HEADERS = ["content-type", "content-encoding"];

function problem(status: number, message: string) {
  return Response.json({ error: message }, { status });
}

async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return undefined;
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

export async function POST(request: Request) {
  const env = webEnv();
  const target = parseForwardTarget(new URL(request.url).searchParams.get("cxforward"));
  if (!target.ok) return problem(target.status, target.message);

  const body = await readCapped(request, env.RUM_PROXY_MAX_BODY_BYTES);
  if (!body) return problem(413, `RUM body larger than ${String(env.RUM_PROXY_MAX_BODY_BYTES)} bytes`);

  const destination = destinationFor(target.url, {
    publicKey: env.CORALOGIX_RUM_PUBLIC_KEY,
    sinkUrl: env.RUM_LOCAL_SINK_URL,
  });
  if (destination.kind === "none") return new Response(null, { status: 204 });

  const headers = new Headers();
  for (const name of PASSED_HEADERS) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  if (destination.kind === "coralogix") headers.set("authorization", `Bearer ${destination.publicKey}`);
  const ip = clientIp(request.headers);
  if (ip) headers.set("x-forwarded-for", ip);

  try {
    const upstream = await fetch(destination.url, {
      method: "POST",
      headers,
      body,
      signal: AbortSignal.timeout(10_000),
    });
    await upstream.body?.cancel();
    return new Response(null, { status: upstream.ok ? 204 : 502 });
  } catch {
    return problem(502, "RUM ingress unreachable");
  }
}

// Next answers other methods with a bare 405; say which one works, as HTTP asks (Allow).
function onlyPost() {
  return Response.json({ error: "use POST" }, { status: 405, headers: { allow: "POST" } });
}
export { onlyPost as GET, onlyPost as PUT, onlyPost as DELETE, onlyPost as PATCH };

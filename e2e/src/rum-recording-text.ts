// The readable content of a session-recording upload (what @coralogix/browser posts to
// /browser/alpha/sessionrecording through the RUM proxy): a multipart body whose `chunk` is gzip'd
// rrweb events and whose `metaData` names the session. The sink keeps only its size, so tests that
// must know what a recording holds (typed card numbers must be masked) read it off the wire.
import { gunzipSync } from "node:zlib";

export async function recordingText(body: Buffer, contentType: string): Promise<string> {
  const form = await new Request("http://recording/", {
    method: "POST",
    headers: { "content-type": contentType },
    body: new Uint8Array(body),
  }).formData();
  const parts: string[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") {
      parts.push(`${name}: ${value}`);
      continue;
    }
    const bytes = Buffer.from(await value.arrayBuffer());
    const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
    parts.push(`${name}: ${(gzip ? gunzipSync(bytes) : bytes).toString("utf8")}`);
  }
  return parts.join("\n");
}

// Secrets are templates with obvious placeholders, kept out of what `kubectl apply -k` applies, and
// every Secret a workload reads has a template (so the docs' list of secrets to create is complete).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  COLLECTOR,
  OVERLAYS,
  REPO_ROOT,
  SECRET_TEMPLATES,
  allContainers,
  ofKind,
  render,
  workloads,
} from "./manifests-render.ts";
import type { K8sObject } from "./manifests-render.ts";

const PLACEHOLDER = /^REPLACE_ME\b/;
/** What a real credential tends to look like: long base64 or hex runs, JWTs, Coralogix API keys. */
const REAL_LOOKING = [
  { what: "a JWT", pattern: /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  { what: "a Coralogix API key", pattern: /\bcx[a-z]{2}_[A-Za-z0-9]{16,}/ },
  { what: "a long hex string", pattern: /\b[0-9a-fA-F]{32,}\b/ },
  {
    what: "a long base64 string",
    pattern: /(?=[A-Za-z0-9+/]*\d)(?=[A-Za-z0-9+/]*[A-Z])[A-Za-z0-9+/]{32,}={0,2}/,
  },
];
/** Everything these manifests ship, and the two documents that tell people what to type. */
const SCANNED = [
  "k8s/base",
  "k8s/overlays",
  "k8s/collector",
  "k8s/otel-integration",
  "k8s/alerts",
  "k8s/README.md",
  "docs/deploy-k3s.md",
  "docs/demo-script.md",
];

function filesUnder(relative: string): string[] {
  const full = path.join(REPO_ROOT, relative);
  if (statSync(full).isFile()) return [full];
  return readdirSync(full, { recursive: true, encoding: "utf8" })
    .map((entry) => path.join(full, entry))
    .filter((entry) => statSync(entry).isFile());
}

function secretValues(secret: K8sObject): Record<string, string> {
  const data = Object.fromEntries(
    Object.entries((secret.data ?? {}) as Record<string, string>).map(([key, value]) => [
      key,
      Buffer.from(value, "base64").toString("utf8"),
    ]),
  );
  return { ...data, ...((secret.stringData ?? {}) as Record<string, string>) };
}

const templates = SECRET_TEMPLATES.flatMap((dir) => render(dir));

describe("Secrets", () => {
  it.each(SECRET_TEMPLATES)("%s: every value is an obvious placeholder", (dir) => {
    const secrets = ofKind(render(dir), "Secret");
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      const values = Object.entries(secretValues(secret));
      expect(values.length, secret.metadata.name).toBeGreaterThan(0);
      for (const [key, value] of values) expect(value, `${secret.metadata.name}.${key}`).toMatch(PLACEHOLDER);
    }
  });

  it.each([...OVERLAYS, COLLECTOR])(
    "%s: applies no Secret, and every Secret it reads has a template",
    (dir) => {
      const objects = render(dir);
      expect(ofKind(objects, "Secret")).toEqual([]);
      for (const { object, namespace, pod } of workloads(objects)) {
        for (const container of allContainers(pod)) {
          const references = [
            ...(container.env ?? []).flatMap((variable) => variable.valueFrom?.secretKeyRef ?? []),
            ...(container.envFrom ?? []).flatMap((from) =>
              from.secretRef ? [{ ...from.secretRef, key: undefined }] : [],
            ),
          ];
          for (const reference of references) {
            const template = templates.find(
              (secret) => secret.metadata.name === reference.name && secret.metadata.namespace === namespace,
            );
            const where = `${object.metadata.name}/${container.name} -> ${namespace}/${reference.name ?? "?"}`;
            expect(template, where).toBeDefined();
            if (template && reference.key)
              expect(Object.keys(secretValues(template)), where).toContain(reference.key);
          }
        }
      }
    },
  );

  it("no file of the manifests or their docs holds anything that looks like a real credential", () => {
    const found: string[] = [];
    for (const file of SCANNED.flatMap(filesUnder)) {
      const text = readFileSync(file, "utf8");
      for (const { what, pattern } of REAL_LOOKING) {
        const match = pattern.exec(text);
        if (match) found.push(`${path.relative(REPO_ROOT, file)}: ${what} (${match[0].slice(0, 12)}...)`);
      }
    }
    expect(found).toEqual([]);
  });

  it("the credential patterns do catch real-looking values", () => {
    const samples = [
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJl",
      "cxtp_Q2x1c3RlclRva2VuRXhhbXBsZTEy",
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b",
      "U2VjcmV0UGFzc3dvcmQxMjM0NTY3ODkwYWJjZGVm",
    ];
    for (const sample of samples)
      expect(
        REAL_LOOKING.some(({ pattern }) => pattern.test(sample)),
        sample,
      ).toBe(true);
  });
});

import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { scanForSecrets, secretSettings } from "./bundle-secrets.ts";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "bundle-secrets-"));
  await mkdir(path.join(dir, "chunks"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("scanForSecrets", () => {
  it("finds connection strings, private keys, Coralogix keys and server setting names in nested files", async () => {
    await writeFile(path.join(dir, "chunks", "a.js"), 'const u="postgresql://shop:pw@db:5432/shop";');
    await writeFile(path.join(dir, "chunks", "b.js"), "x=`redis://cache:6379`;");
    await writeFile(path.join(dir, "c.js.map"), '"-----BEGIN RSA PRIVATE KEY-----\\nMIIE"');
    await writeFile(path.join(dir, "d.js"), 'k="cxtp_AbCdEf0123456789";e.DATABASE_URL');
    const scan = await scanForSecrets(dir, []);
    expect(scan.files).toBe(4);
    expect(scan.findings.map((finding) => `${finding.file}: ${finding.what}`).sort()).toEqual([
      "c.js.map: private key",
      "chunks/a.js: PostgreSQL connection string",
      "chunks/b.js: Redis connection string",
      "d.js: Coralogix private key",
      "d.js: server-only setting name",
    ]);
  });

  it("finds a secret's value verbatim, and nothing in clean files", async () => {
    await writeFile(path.join(dir, "chunks", "a.js"), 'fetch("/api/rum");const t="canary-7f3a9c";');
    await writeFile(path.join(dir, "b.css"), "body{color:red}");
    const scan = await scanForSecrets(dir, [{ name: "CONSOLE_TOKEN", value: "canary-7f3a9c" }]);
    expect(scan.findings.map(({ file, what }) => `${file}: ${what}`)).toEqual([
      "chunks/a.js: the value of CONSOLE_TOKEN",
    ]);
    expect(scan.findings[0]?.excerpt).toContain('const t="canary-7f3a9c"');
    expect((await scanForSecrets(dir, [{ name: "X_TOKEN", value: "absent-value" }])).findings).toEqual([]);
  });
});

describe("secretSettings", () => {
  it("keeps secret-named settings with telling values, not public keys or short values", () => {
    expect(
      secretSettings({
        DATABASE_URL: "postgresql://postgres@127.0.0.1/shop",
        TEST_DATABASE_URL: "postgresql://postgres@127.0.0.1/postgres",
        CONSOLE_TOKEN: "console-secret",
        BOTS_CONTROL_TOKEN: "short",
        CORALOGIX_RUM_PUBLIC_KEY: "cxtp_publicpublic",
        CATALOG_URL: "http://127.0.0.1:4101",
        HOME: "/root/home/dir",
      }).map((setting) => setting.name),
    ).toEqual(["DATABASE_URL", "TEST_DATABASE_URL", "CONSOLE_TOKEN"]);
  });
});

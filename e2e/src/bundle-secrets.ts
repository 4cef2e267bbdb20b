// Scans what a browser downloads (the storefront's .next/static) for server secrets: the values
// the servers run with, and the shapes secrets take whatever their value (connection strings,
// private keys, Coralogix private keys, the names of server-only settings, which would mean a
// server module was bundled for the browser).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export const SECRET_PATTERNS: { name: string; pattern: RegExp }[] = [
  { name: "PostgreSQL connection string", pattern: /postgres(?:ql)?:\/\/[^\s"'`]+/ },
  { name: "Redis connection string", pattern: /rediss?:\/\/[^\s"'`]+/ },
  { name: "private key", pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { name: "Coralogix private key", pattern: /\bcxtp_[A-Za-z0-9]{8,}/ },
  {
    name: "server-only setting name",
    pattern: /\b(?:DATABASE_URL|REDIS_URL|CONSOLE_TOKEN|CORALOGIX_PRIVATE_KEY|CATALOG_URL|CHECKOUT_URL)\b/,
  },
];

export interface BundleFinding {
  file: string;
  what: string;
  excerpt: string;
}

export interface BundleScan {
  files: number;
  bytes: number;
  findings: BundleFinding[];
}

function excerpt(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 40), index + length + 40);
}

/**
 * Every file under `dir`, read as text (source maps included: they are downloadable too), checked
 * for the patterns and for each of `secretValues` verbatim.
 */
export async function scanForSecrets(
  dir: string,
  secretValues: { name: string; value: string }[],
): Promise<BundleScan> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
  const findings: BundleFinding[] = [];
  let bytes = 0;
  for (const file of files) {
    const text = await readFile(file, "utf8");
    bytes += Buffer.byteLength(text);
    const relative = path.relative(dir, file);
    for (const { name, pattern } of SECRET_PATTERNS) {
      const match = pattern.exec(text);
      if (match)
        findings.push({ file: relative, what: name, excerpt: excerpt(text, match.index, match[0].length) });
    }
    for (const { name, value } of secretValues) {
      const index = text.indexOf(value);
      if (index >= 0)
        findings.push({
          file: relative,
          what: `the value of ${name}`,
          excerpt: excerpt(text, index, value.length),
        });
    }
  }
  return { files: files.length, bytes, findings };
}

// Settings whose values are secret by name; public keys are meant for the browser.
const SECRET_NAME = /(^|_)(DATABASE_URL|REDIS_URL|TOKEN|SECRET|PASSWORD|PRIVATE_KEY|API_KEY)$/;

/** The values of secret-named settings in an environment (values too short to be telling are left out). */
export function secretSettings(
  environment: Record<string, string | undefined>,
): { name: string; value: string }[] {
  return Object.entries(environment)
    .filter(
      ([name, value]) => SECRET_NAME.test(name) && !name.includes("PUBLIC") && (value?.length ?? 0) >= 8,
    )
    .map(([name, value]) => ({ name, value: value ?? "" }));
}

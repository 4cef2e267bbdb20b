// `npm audit --omit=dev` with a verdict: what the shop ships (not its dev tools) must have no high
// or critical advisory that nobody has explained. Explanations live in scripts/audit-allowlist.json
// (advisory id, package, why it does not apply to the shop). Plain JavaScript, like the other
// root scripts, so it runs before anything is built.
//   node scripts/audit.mjs [--report <npm audit --json output>] [--allowlist <file>]
// Exit codes: 0 nothing unexplained; 1 unexplained high/critical advisories (listed); 2 the
// allow-list or the report cannot be read; 3 the registry cannot answer audit requests (no
// verdict: some registries and mirrors do not implement the audit endpoint).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

export const EXIT = { clean: 0, unexplained: 1, unreadable: 2, registryCannotAnswer: 3 };
const BLOCKING = new Set(["high", "critical"]);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** @param {string} message @param {number} code @returns {never} */
function fail(message, code) {
  console.error(`audit: ${message}`);
  process.exit(code);
}

const { values: options } = parseArgs({
  options: {
    report: { type: "string" },
    allowlist: { type: "string", default: path.join(root, "scripts", "audit-allowlist.json") },
  },
});

/**
 * @param {string} file
 * @returns {{ id: string, package: string, reason: string }[]}
 */
function readAllowList(file) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    fail(
      `cannot read the allow-list ${file}: ${error instanceof Error ? error.message : String(error)}`,
      EXIT.unreadable,
    );
  }
  const entries = parsed?.advisories;
  if (!Array.isArray(entries)) fail(`${file} must hold {"advisories": [...]}`, EXIT.unreadable);
  for (const entry of entries) {
    if (typeof entry?.id !== "string" || typeof entry.package !== "string" || !entry.reason?.trim())
      fail(
        `every allow-list entry needs an "id", a "package" and a "reason": ${JSON.stringify(entry)}`,
        EXIT.unreadable,
      );
  }
  return entries;
}

/** npm audit's JSON, from a file or from running it. */
function readReport() {
  let text;
  let stderr = "";
  if (options.report) {
    text = readFileSync(options.report, "utf8");
  } else {
    const result = spawnSync("npm", ["audit", "--omit=dev", "--json"], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.error) fail(`could not run npm: ${result.error.message}`, EXIT.unreadable);
    text = result.stdout;
    stderr = result.stderr;
  }
  try {
    return JSON.parse(text);
  } catch {
    fail(`npm audit did not answer with JSON:\n${text}\n${stderr}`, EXIT.unreadable);
  }
}

/**
 * The advisory's own id (GHSA-… from its URL), else npm's numeric source id.
 * @param {{ url?: string, source?: number }} via
 */
function advisoryId(via) {
  const ghsa = /GHSA-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}/i.exec(via.url ?? "");
  return ghsa ? ghsa[0] : String(via.source);
}

const allowList = readAllowList(options.allowlist);
const report = readReport();

// A report without `vulnerabilities` is npm passing on the registry's error (405 from a registry
// without the audit endpoint, ENOTFOUND offline): that is no verdict, and says so.
if (typeof report?.vulnerabilities !== "object" || report.vulnerabilities === null) {
  const reason = report?.message ?? report?.error?.summary ?? report?.error?.code ?? JSON.stringify(report);
  fail(
    `the registry cannot answer audit requests, so there is no verdict: ${reason}. ` +
      "Run it where the registry's audit endpoint answers (registry.npmjs.org's does).",
    EXIT.registryCannotAnswer,
  );
}

const advisories = new Map();
for (const vulnerability of Object.values(report.vulnerabilities)) {
  // `via` holds advisories (objects) and names of vulnerable dependencies (strings), whose
  // advisories appear under their own entry.
  for (const via of vulnerability.via ?? []) {
    if (typeof via !== "object" || !BLOCKING.has(via.severity)) continue;
    const id = advisoryId(via);
    advisories.set(`${id} ${via.name}`, {
      id,
      package: via.name,
      severity: via.severity,
      title: via.title,
      url: via.url,
      range: via.range,
    });
  }
}

/** @typedef {{ id: string, package: string, severity: string, title: string, url: string, range: string, reason: string | undefined }} Advisory */
/** @type {Advisory[]} */
const explained = [];
/** @type {Advisory[]} */
const unexplained = [];
for (const advisory of advisories.values()) {
  const entry = allowList.find(
    (allowed) => allowed.id === advisory.id && allowed.package === advisory.package,
  );
  (entry ? explained : unexplained).push({ ...advisory, reason: entry?.reason });
}

const counts = report.metadata?.vulnerabilities ?? {};
console.log(
  `audit: ${String(counts.total ?? 0)} advisories in production dependencies ` +
    `(critical ${String(counts.critical ?? 0)}, high ${String(counts.high ?? 0)}, moderate ${String(counts.moderate ?? 0)}, low ${String(counts.low ?? 0)})`,
);
for (const advisory of explained)
  console.log(`  explained ${advisory.severity} ${advisory.id} in ${advisory.package}: ${advisory.reason}`);
for (const allowed of allowList)
  if (!explained.some((advisory) => advisory.id === allowed.id && advisory.package === allowed.package))
    console.log(`  allow-list entry ${allowed.id} (${allowed.package}) no longer applies: remove it`);
for (const advisory of unexplained)
  console.log(
    `  UNEXPLAINED ${advisory.severity} ${advisory.id} in ${advisory.package} ${advisory.range ?? ""}: ${advisory.title} (${advisory.url})`,
  );

if (unexplained.length > 0) {
  fail(
    `${String(unexplained.length)} high/critical advisories without an explanation: upgrade, or add each to ${path.relative(root, options.allowlist)} with the reason it does not apply`,
    EXIT.unexplained,
  );
}
console.log("audit: no unexplained high or critical advisory");

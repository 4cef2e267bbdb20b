// First step of `npm run demo` and `npm test`, so that a fresh clone needs no separate install.
// Plain JavaScript on purpose: on a machine whose system Node is older than 24 this runs on that
// Node; it installs the project's own Node 24 (the `node` devDependency, from the npm registry),
// and every command after it in the same npm script then resolves `node` to Node 24.
// Also (re)generates the Prisma client when schema.prisma is newer than it.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const lockfile = path.join(root, "package-lock.json");
const stamp = path.join(root, "node_modules", ".install-stamp");
const schema = path.join(root, "packages", "db", "prisma", "schema.prisma");
const generatedClient = path.join(root, "packages", "db", "src", "generated", "prisma", "client.ts");

/** @param {string} command @param {string[]} args */
function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`[install] ${command} ${args.join(" ")} failed`);
    process.exit(result.status ?? 1);
  }
}

const lockHash = createHash("sha256").update(readFileSync(lockfile)).digest("hex");
const installed = existsSync(stamp) ? readFileSync(stamp, "utf8").trim() : "";
if (installed !== lockHash) {
  console.log("[install] installing dependencies (npm ci)");
  if (Number(process.versions.node.split(".")[0]) < 24) {
    console.log(
      `[install] npm runs on this machine's Node ${process.version}: its EBADENGINE warnings are ` +
        "expected; every npm script then runs on the project's own Node 24.",
    );
  }
  run("npm", ["ci", "--no-audit", "--no-fund"]);
  writeFileSync(stamp, `${lockHash}\n`);
}

if (!existsSync(generatedClient) || statSync(generatedClient).mtimeMs < statSync(schema).mtimeMs) {
  console.log("[install] generating the Prisma client");
  run("npm", ["run", "--silent", "--workspace", "@shop/db", "generate"]);
}

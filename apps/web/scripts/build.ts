// Builds the storefront for production (`next build`), or does nothing when the last build was of
// exactly these sources: the demo calls it on every start, and a rebuild costs ~15 s of two cores.
//   node scripts/build.ts [--force]
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const webRoot = path.resolve(import.meta.dirname, "..");
const repoRoot = path.resolve(webRoot, "../..");
const stampFile = path.join(webRoot, ".next", "shop-build-stamp");

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** The sources of the workspace packages the storefront bundles or type-checks against. */
async function workspaceSources(): Promise<string[]> {
  const parents = ["packages", "apps/services"].map((dir) => path.join(repoRoot, dir));
  const roots = await Promise.all(
    parents.map(async (parent) =>
      (await readdir(parent, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => path.join(parent, entry.name, "src")),
    ),
  );
  const files = await Promise.all(roots.flat().map((root) => filesUnder(root).catch(() => [])));
  return files.flat();
}

/**
 * Everything the build reads: the app's sources and config, the workspace packages' sources (a
 * change to @shop/scenarios or @shop/telemetry changes the bundle too), and the installed
 * dependencies.
 */
async function sourcesHash(): Promise<string> {
  const files = [
    ...(await filesUnder(path.join(webRoot, "src"))),
    ...(await workspaceSources()),
    path.join(webRoot, "next.config.ts"),
    path.join(webRoot, "package.json"),
    path.join(repoRoot, "package-lock.json"),
  ].sort();
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update(await readFile(file));
  return hash.digest("hex");
}

const force = process.argv.includes("--force");
const hash = await sourcesHash();
const previous = await readFile(stampFile, "utf8").catch(() => "");
if (!force && previous === hash) {
  console.log("storefront build is up to date");
} else {
  await import("./copy-product-images.ts");
  const result = spawnSync(
    process.execPath,
    [path.join(repoRoot, "node_modules/next/dist/bin/next"), "build"],
    {
      cwd: webRoot,
      stdio: "inherit",
      // Next's usage telemetry would try the network; the shop's own telemetry is what we want.
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
  await writeFile(stampFile, hash);
}

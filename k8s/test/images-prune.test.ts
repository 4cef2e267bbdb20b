// Workspace pruning (k8s/images/prune-workspace.ts, lockfile.ts), and a real build of one image
// without Docker: the catalog's Dockerfile run step by step (emulate-build.ts), `npm ci` against
// the registry included, then its CMD started as in the container, as the image's user.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { chmod, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readImages, repoRoot } from "../images/build-images.ts";
import { emulateBuild } from "../images/emulate-build.ts";
import { inheritedEnv } from "../images/env.ts";
import { normalizeLockfile, unresolvedDependencies } from "../images/lockfile.ts";
import type { Lockfile } from "../images/lockfile.ts";
import { planPrune, pruneWorkspace, readWorkspaces, workspaceClosure } from "../images/prune-workspace.ts";

const images = readImages();
const workspaces = await readWorkspaces(repoRoot);
const repoLock = JSON.parse(await readFile(path.join(repoRoot, "package-lock.json"), "utf8")) as Lockfile;
const temporary: string[] = [];

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

// The install test leaves a whole node_modules behind: removing it outlasts the default 10 s hook
// timeout on a busy machine.
afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
}, 120_000);

const SERVICES = [
  "cart",
  "catalog",
  "checkout",
  "inventory",
  "orders",
  "payment",
  "recommendations",
  "shipping",
];
const service = (name: string) => `@shop/${name}-service`;
/** What every service's runtime brings along: the service kit reads flags and writes live stats. */
const SERVICE_KIT = ["@shop/flags", "@shop/live-stats", "@shop/service-kit", "@shop/telemetry"];

describe("the workspaces an image keeps", () => {
  it.each([
    ["@shop/catalog-service", ["@shop/catalog-service", "@shop/db", ...SERVICE_KIT]],
    ["@shop/inventory-service", ["@shop/db", "@shop/inventory-service", ...SERVICE_KIT]],
    ["@shop/cart-service", ["@shop/cart-service", "@shop/catalog-service", "@shop/db", ...SERVICE_KIT]],
    [
      "@shop/checkout-service",
      [
        ...["cart", "catalog", "checkout", "inventory", "orders", "payment", "shipping"].map(service),
        "@shop/db",
        ...SERVICE_KIT,
      ],
    ],
    ["@shop/web", [...SERVICES.map(service), "@shop/db", ...SERVICE_KIT, "@shop/scenarios", "@shop/web"]],
    ["@shop/e2e", ["@shop/e2e", "@shop/flags", "@shop/live-stats", "@shop/telemetry"]],
    ["@shop/db", ["@shop/db"]],
  ])("%s: exactly its runtime dependencies, transitively", (workspace, expected) => {
    expect(workspaceClosure(workspace, workspaces)).toEqual([...expected].sort());
  });

  it("never the tooling workspaces (load driver, telemetry sink, local stack, k8s)", () => {
    for (const spec of Object.values(images.images)) {
      const kept = workspaceClosure(spec.workspace, workspaces);
      for (const tooling of ["@shop/load", "@shop/telemetry-sink", "@shop/local-stack", "@shop/k8s"]) {
        expect(kept).not.toContain(tooling);
      }
    }
  });
});

describe("lockfile pruning", () => {
  it("computes npm's own flags: the repository's lockfile comes back unchanged", () => {
    expect(normalizeLockfile(repoLock)).toEqual(repoLock);
    expect(unresolvedDependencies(repoLock)).toEqual([]);
  });

  it.each(Object.entries(images.images))(
    "%s: build and production lockfiles are complete subsets of the repository's",
    async (_, spec) => {
      const plan = await planPrune(repoRoot, spec.workspace);
      for (const [flavour, set] of Object.entries({ build: plan.build, production: plan.production })) {
        const { lockfile, rootManifest } = set;
        expect(unresolvedDependencies(lockfile), flavour).toEqual([]);
        expect(lockfile.packages[""]?.workspaces).toEqual(plan.folders);
        expect(rootManifest.workspaces).toEqual(plan.folders);
        for (const [location, entry] of Object.entries(lockfile.packages)) {
          const original = repoLock.packages[location];
          expect(original, `${flavour}: ${location} comes from the repository's lockfile`).toBeDefined();
          expect(entry.version).toBe(original?.version);
          expect(entry.resolved).toBe(original?.resolved);
          expect(entry.integrity).toBe(original?.integrity);
          if (!location.includes("node_modules/") && location !== "") {
            expect(plan.folders, `${flavour}: workspace ${location}`).toContain(location);
          }
          if (entry.link) expect(plan.folders).toContain(entry.resolved);
        }
        // Kept workspaces' manifests agree with their lockfile entries (what npm ci checks).
        for (const folder of plan.folders) {
          const manifest = set.workspaceManifests[folder];
          expect(lockfile.packages[folder]?.dependencies).toEqual(manifest?.dependencies);
          expect(lockfile.packages[folder]?.devDependencies).toEqual(manifest?.devDependencies);
          for (const name of Object.keys(manifest?.devDependencies ?? {})) {
            if (workspaces.has(name)) expect(plan.workspaces).toContain(name);
          }
        }
        expect(lockfile.packages[""]?.devDependencies).toEqual(rootManifest.devDependencies);
      }
      // The production tree: no devDependencies, nothing only a devDependency needs.
      const production = plan.production.lockfile.packages;
      expect(
        Object.values(production).filter((entry) => entry.dev === true || entry.devOptional === true),
      ).toEqual([]);
      expect(plan.production.rootManifest.devDependencies).toBeUndefined();
      expect(Object.keys(production).length).toBeLessThanOrEqual(
        Object.keys(plan.build.lockfile.packages).length,
      );
      // The repository's tooling never comes along.
      for (const tool of [
        "node_modules/eslint",
        "node_modules/prettier",
        "node_modules/turbo",
        "node_modules/vitest",
        "node_modules/node",
      ]) {
        expect(plan.build.lockfile.packages[tool], tool).toBeUndefined();
      }
    },
  );

  it("leaves the Prisma CLI and Next.js out of a service's production tree, keeps what it runs on", async () => {
    const plan = await planPrune(repoRoot, "@shop/catalog-service");
    const production = plan.production.lockfile.packages;
    expect(production["node_modules/prisma"]).toBeUndefined();
    expect(production["node_modules/next"]).toBeUndefined();
    expect(plan.build.lockfile.packages["node_modules/prisma"]).toBeDefined();
    for (const runtime of [
      "@prisma/client",
      "@prisma/adapter-pg",
      "@trpc/server",
      "ioredis",
      "zod",
      "pg",
      "import-in-the-middle",
    ]) {
      expect(production[`node_modules/${runtime}`], runtime).toBeDefined();
    }
  });
});

describe("the pruned copy", () => {
  it("holds the kept workspaces' files and the manifests, without what .dockerignore leaves out", async () => {
    const dir = await tempDir("prune-web-");
    const plan = await pruneWorkspace({
      repoRoot,
      workspace: "@shop/web",
      outDir: path.join(dir, "full"),
      manifestsDir: path.join(dir, "build"),
      productionDir: path.join(dir, "production"),
    });
    const full = path.join(dir, "full");
    expect((await readdir(full)).sort()).toEqual([
      "apps",
      "package-lock.json",
      "package.json",
      "packages",
      "tsconfig.base.json",
    ]);
    expect((await readdir(path.join(full, "apps/services"))).sort()).toEqual(SERVICES);
    expect((await readdir(path.join(full, "packages"))).sort()).toEqual([
      "db",
      "flags",
      "live-stats",
      "scenarios",
      "service-kit",
      "telemetry",
    ]);
    for (const present of [
      "apps/web/next.config.ts",
      "apps/web/src",
      "packages/db/prisma/schema.prisma",
      "packages/db/assets/products",
    ]) {
      expect(existsSync(path.join(full, present)), present).toBe(true);
    }
    for (const absent of [
      "node_modules",
      "apps/web/node_modules",
      "apps/web/.next",
      "packages/db/src/generated",
      "apps/web/.test-results",
    ]) {
      expect(existsSync(path.join(full, absent)), absent).toBe(false);
    }
    const manifests = await readdir(path.join(dir, "build"), { recursive: true, withFileTypes: true });
    const files = manifests.filter((entry) => entry.isFile()).map((entry) => entry.name);
    expect(new Set(files)).toEqual(new Set(["package.json", "package-lock.json"]));
    expect(files.filter((file) => file === "package.json")).toHaveLength(plan.folders.length + 1);
    const written = JSON.parse(await readFile(path.join(full, "package-lock.json"), "utf8")) as Lockfile;
    expect(written).toEqual(plan.build.lockfile);
    const production = JSON.parse(
      await readFile(path.join(dir, "production/package-lock.json"), "utf8"),
    ) as Lockfile;
    expect(production).toEqual(plan.production.lockfile);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  if (typeof address !== "object" || !address) throw new Error("no port");
  return address.port;
}

function exited(child: ChildProcess) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
    } else {
      child.once("exit", (code, signal) => {
        resolve({ code, signal });
      });
    }
  });
}

async function waitFor(url: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fetch(url);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe("the catalog image, built from its Dockerfile without Docker", () => {
  it(
    "prunes, installs, generates the Prisma client, and its CMD serves /healthz as UID 10001",
    { timeout: 240_000 },
    async () => {
      const work = await tempDir("image-catalog-");
      await chmod(work, 0o755);
      const log: string[] = [];
      const nodeDir = path.dirname(process.execPath);
      const hostEnv = inheritedEnv();
      const image = await emulateBuild({
        repoRoot,
        dockerfile: "apps/services/catalog/Dockerfile",
        workDir: work,
        // The base image's Node is this Node (24); npm finds it first on PATH.
        env: { ...hostEnv, PATH: `${nodeDir}:${hostEnv.PATH ?? ""}`, NODE_ENV: undefined },
        log: (line) => log.push(line),
      });

      expect(image.skipped.map((step) => step.command.split(" ")[0])).toEqual(["groupadd"]);
      expect(image.workdir).toBe("/app/apps/services/catalog");
      expect(image.user).toBe("10001:10001");
      // The production tree only: no Prisma CLI, no Next.js; the generated client is there.
      expect(existsSync(image.hostPath("/app/node_modules/@prisma/client"))).toBe(true);
      expect(existsSync(image.hostPath("/app/node_modules/prisma"))).toBe(false);
      expect(existsSync(image.hostPath("/app/node_modules/next"))).toBe(false);
      expect(existsSync(image.hostPath("/app/packages/db/src/generated/prisma/client.ts"))).toBe(true);
      expect(existsSync(image.hostPath("/app/packages/load"))).toBe(false);

      const port = await freePort();
      const [command, ...args] = [...(image.entrypoint ?? []), ...(image.cmd ?? [])];
      expect(command).toBe("node");
      // As in Kubernetes: the image's ENV, then the Deployment's; the service's user, when this
      // test may switch to it (as root): the files are root's, so this proves they need no writes.
      const asImageUser = process.getuid?.() === 0;
      const child = spawn(process.execPath, args, {
        cwd: image.hostPath(image.workdir),
        env: {
          PATH: `${nodeDir}:/usr/bin:/bin`,
          HOME: "/nonexistent",
          ...image.env,
          HOST: "127.0.0.1",
          PORT: String(port),
          DATABASE_URL: "postgresql://shop@127.0.0.1:1/shop",
          REDIS_URL: "redis://127.0.0.1:1",
          // Telemetry on, as in the cluster, exporting to a port where nothing listens.
          OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${String(await freePort())}`,
        },
        stdio: ["ignore", "pipe", "pipe"],
        ...(asImageUser ? { uid: 10001, gid: 10001 } : {}),
      });
      let output = "";
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
      };
      child.stdout.on("data", collect);
      child.stderr.on("data", collect);
      try {
        const health = await waitFor(`http://127.0.0.1:${String(port)}/healthz`, 30_000);
        expect(health.status, output).toBe(200);
        // No database here: alive, not ready, and saying why.
        const ready = await fetch(`http://127.0.0.1:${String(port)}/readyz`);
        expect(ready.status).toBe(503);
        child.kill("SIGTERM");
        const { code } = await exited(child);
        expect(code, output).toBe(0);
        expect(output).toContain("catalog stopped");
      } finally {
        if (child.exitCode === null) child.kill("SIGKILL");
      }
    },
  );
});

// The Dockerfiles of k8s/images/images.json, held to the rules every image of the shop follows
// (k8s/images/README.md), checked by two offline Dockerfile linters, and the .dockerignore.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readImages, repoRoot } from "../images/build-images.ts";
import { parseDockerignore } from "../images/dockerignore.ts";
import {
  baseImage,
  lastInstruction,
  parseAssignments,
  parseDockerfile,
  stageEnv,
} from "../images/dockerfile.ts";
import type { Dockerfile, Instruction, Stage } from "../images/dockerfile.ts";
import { readWorkspaces, workspaceClosure } from "../images/prune-workspace.ts";

const images = readImages();
const entries = Object.entries(images.images);
const workspaces = await readWorkspaces(repoRoot);
const rootManifest = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};

const RUNTIME_USER = "10001:10001";
const BASE_IMAGE = /^node:(\d+)\.(\d+)\.(\d+)-bookworm-slim(@sha256:[0-9a-f]{64})?$/;
const SECRET_NAME = /(KEY|TOKEN|PASSWORD|PASSWD|SECRET|CREDENTIAL)/i;

function load(dockerfile: string): Dockerfile {
  return parseDockerfile(readFileSync(path.join(repoRoot, dockerfile), "utf8"));
}

function finalStage(dockerfile: Dockerfile): Stage {
  const stage = dockerfile.stages.at(-1);
  if (!stage) throw new Error("no stage");
  return stage;
}

function isStage(dockerfile: Dockerfile, name: string) {
  return dockerfile.stages.some((stage) => stage.name === name);
}

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

const byKeyword = (stage: Stage, keyword: string) =>
  stage.instructions.filter((instruction) => instruction.keyword === keyword);

describe("images.json", () => {
  it.each(entries)("%s: its Dockerfile exists, in the folder of its workspace", (_, spec) => {
    expect(existsSync(path.join(repoRoot, spec.dockerfile))).toBe(true);
    const workspace = workspaces.get(spec.workspace);
    expect(workspace, `${spec.workspace} is a workspace`).toBeDefined();
    expect(path.posix.dirname(spec.dockerfile)).toBe(workspace?.folder);
  });

  it("names each image once, with a port of its own", () => {
    const ports = entries.map(([, spec]) => spec.port).filter((port) => port !== null);
    expect(new Set(ports).size).toBe(ports.length);
    expect(new Set(entries.map(([, spec]) => spec.dockerfile)).size).toBe(entries.length);
  });
});

describe.each(entries)("%s Dockerfile", (name, spec) => {
  const dockerfile = load(spec.dockerfile);
  const runtime = finalStage(dockerfile);
  const folder = path.posix.dirname(spec.dockerfile);

  it("is multi-stage, every stage FROM a pinned node bookworm-slim image matching the repository's Node", () => {
    expect(dockerfile.stages.length).toBeGreaterThanOrEqual(2);
    const [, major, minor, patch] =
      /^~(\d+)\.(\d+)\.(\d+)$/.exec(rootManifest.devDependencies.node ?? "") ?? [];
    const bases = new Set<string>();
    for (const stage of dockerfile.stages) {
      if (isStage(dockerfile, stage.from)) continue;
      const image = baseImage(dockerfile, stage);
      expect(image, `stage ${stage.name}`).not.toMatch(/latest/);
      const match = BASE_IMAGE.exec(image);
      expect(match, `${image} is node:<major.minor.patch>-bookworm-slim`).not.toBeNull();
      // The root devDependency `node` (~x.y.z) is the Node the repository runs and tests on.
      expect(match?.[1]).toBe(major);
      expect(match?.[2]).toBe(minor);
      expect(Number(match?.[3])).toBeGreaterThanOrEqual(Number(patch));
      bases.add(image);
    }
    expect(bases.size, "one base image for all stages").toBe(1);
    expect(rootManifest.engines.node).toMatch(
      new RegExp(`^>=${major ?? "x"}\\.\\d+ <${String(Number(major) + 1)}$`),
    );
  });

  it("prunes the repository to its workspace first, and the runtime copies from earlier stages", () => {
    const prune = dockerfile.stages[0];
    if (!prune) throw new Error("no stage");
    expect(prune.name).toBe("prune");
    const run = only(byKeyword(prune, "RUN"));
    expect(run.args.split(" ").slice(0, 4)).toEqual([
      "node",
      "k8s/images/prune-workspace.ts",
      spec.workspace,
      "out/full",
    ]);
    expect(byKeyword(runtime, "COPY").some((copy) => copy.flags.from !== undefined)).toBe(true);
  });

  it("installs with npm ci from the pruned lockfile, never npm install, never with install scripts", () => {
    const runs = dockerfile.stages.flatMap((stage) => byKeyword(stage, "RUN")).map((run) => run.args);
    const installs = runs.filter((run) => /\bnpm (ci|install|i)\b/.test(run));
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) {
      expect(install).toMatch(/^npm ci /);
      expect(install).toContain("--ignore-scripts");
    }
  });

  it("sets NODE_ENV=production in the runtime only (in a build stage npm ci would skip devDependencies)", () => {
    expect(stageEnv(runtime).NODE_ENV).toBe("production");
    for (const stage of dockerfile.stages.slice(0, -1)) {
      expect(stageEnv(stage).NODE_ENV, `stage ${stage.name}`).toBeUndefined();
    }
  });

  it(`runs as the non-root user ${RUNTIME_USER}, created in the image, on files it cannot change`, () => {
    expect(lastInstruction(runtime, "USER")?.args).toBe(RUNTIME_USER);
    const userIndex = runtime.instructions.findIndex((instruction) => instruction.keyword === "USER");
    const after = runtime.instructions.slice(userIndex + 1).map((instruction) => instruction.keyword);
    expect(after, "nothing installed or copied after USER").not.toContain("RUN");
    expect(after).not.toContain("COPY");
    const setup = byKeyword(runtime, "RUN")
      .map((run) => run.args)
      .join("\n");
    expect(setup).toMatch(/groupadd --system --gid 10001 shop/);
    expect(setup).toMatch(/useradd --system --uid 10001 --gid shop/);
    for (const copy of byKeyword(runtime, "COPY")) {
      expect(copy.flags, `line ${String(copy.line)}: files stay root-owned`).not.toHaveProperty("chown");
      expect(copy.flags).not.toHaveProperty("chmod");
    }
  });

  it("works in its workspace's folder under /app", () => {
    expect(lastInstruction(runtime, "WORKDIR")?.args).toBe(`/app/${folder}`);
  });

  it(spec.port === null ? "exposes no port" : `exposes port ${String(spec.port)}`, () => {
    const exposed = byKeyword(runtime, "EXPOSE").flatMap((expose) => expose.args.split(" "));
    expect(exposed).toEqual(spec.port === null ? [] : [String(spec.port)]);
  });

  it("starts node in exec form (PID 1 gets the signals), with sources that exist", () => {
    const cmd = lastInstruction(runtime, "CMD");
    expect(cmd?.exec, "CMD in exec form").toBeDefined();
    const entrypoint = lastInstruction(runtime, "ENTRYPOINT");
    if (entrypoint) {
      expect(entrypoint.exec, "ENTRYPOINT in exec form").toBeDefined();
      expect(entrypoint.exec).toEqual(["/usr/bin/tini", "--"]);
      expect(entrypoint.comments.join(" "), "tini is there for a documented reason").toMatch(/reap/);
    }
    const argv = cmd?.exec ?? [];
    expect(argv[0]).toBe("node");
    for (const arg of argv.filter((word) => word.endsWith(".ts"))) {
      const inRepo = arg.startsWith("/app/") ? arg.slice("/app/".length) : path.posix.join(folder, arg);
      expect(existsSync(path.join(repoRoot, inRepo)), `${arg} (${inRepo})`).toBe(true);
    }
    if (argv.includes("--import")) {
      expect(argv.slice(1, 3)).toEqual(["--import", "@shop/telemetry/register"]);
      expect(workspaceClosure(spec.workspace, workspaces)).toContain("@shop/telemetry");
    }
  });

  it("has a HEALTHCHECK against its health endpoint, or says why not", () => {
    const healthcheck = only(byKeyword(runtime, "HEALTHCHECK"));
    if (spec.port === null) {
      expect(healthcheck.args).toBe("NONE");
      expect(healthcheck.comments.join(" ")).not.toBe("");
      return;
    }
    const probe = healthcheck.args.replace(/^CMD\s+/, "");
    const argv = JSON.parse(probe) as string[];
    expect(argv[0]).toBe("node");
    expect(argv.join(" ")).toContain("http://127.0.0.1:");
    expect(argv.join(" ")).toContain(String(spec.port));
    expect(argv.join(" ")).toMatch(/\/(api\/)?healthz/);
    expect(healthcheck.flags.interval).toMatch(/^\d+s$/);
    expect(healthcheck.flags.timeout).toMatch(/^\d+s$/);
  });

  it("carries the OCI labels", () => {
    const labels = Object.assign(
      {},
      ...byKeyword(runtime, "LABEL").map((label) => parseAssignments(label.args)),
    ) as Record<string, string | undefined>;
    for (const key of ["title", "description", "source", "version", "revision", "created", "base.name"]) {
      expect(labels[`org.opencontainers.image.${key}`], key).toBeDefined();
    }
    expect(labels["org.opencontainers.image.title"]).toContain(name);
  });

  it("fetches nothing with ADD and bakes in no secret", () => {
    const all: Instruction[] = dockerfile.instructions;
    expect(all.filter((instruction) => instruction.keyword === "ADD")).toEqual([]);
    for (const instruction of all.filter((item) => item.keyword === "ENV" || item.keyword === "ARG")) {
      for (const [key, value] of Object.entries(parseAssignments(instruction.args))) {
        if (SECRET_NAME.test(key)) expect(value ?? "", `${key} has no value in the image`).toBe("");
      }
    }
  });

  it("names no path outside the stage in its build steps (the image builds anywhere)", () => {
    for (const stage of dockerfile.stages) {
      for (const run of byKeyword(stage, "RUN")) {
        if (/^(apt-get|groupadd)\b/.test(run.args)) continue;
        expect(run.args, `line ${String(run.line)}`).not.toMatch(/(^|\s)\//);
      }
    }
  });
});

describe("the service Dockerfiles", () => {
  const services = entries.filter(([, spec]) => spec.dockerfile.startsWith("apps/services/"));
  const fields = (name: string, spec: (typeof services)[number][1]) => ({
    description: (workspaces.get(spec.workspace)?.manifest.description as string | undefined) ?? "?",
    workspace: spec.workspace,
    folder: path.posix.dirname(spec.dockerfile),
    port: String(spec.port),
    name,
  });
  // The catalog's Dockerfile with its own values taken out: the template of every service's.
  const [catalogName, catalogSpec] = services.find(([name]) => name === "catalog") ?? [];
  const catalog = catalogName && catalogSpec ? fields(catalogName, catalogSpec) : undefined;
  let template = catalogSpec ? readFileSync(path.join(repoRoot, catalogSpec.dockerfile), "utf8") : "";
  for (const [key, value] of Object.entries(catalog ?? {})) template = template.replaceAll(value, `<${key}>`);

  it("are eight", () => {
    expect(services.map(([name]) => name).sort()).toEqual(
      ["cart", "catalog", "checkout", "inventory", "orders", "payment", "recommendations", "shipping"].sort(),
    );
  });

  it.each(services)(
    "%s's is the catalog's with its own name, workspace, folder, port and description",
    (name, spec) => {
      let expected = template;
      for (const [key, value] of Object.entries(fields(name, spec)))
        expected = expected.replaceAll(`<${key}>`, value);
      expect(readFileSync(path.join(repoRoot, spec.dockerfile), "utf8")).toBe(expected);
    },
  );
});

describe(".dockerignore", () => {
  const ignored = parseDockerignore(readFileSync(path.join(repoRoot, ".dockerignore"), "utf8"));

  it.each([
    "node_modules",
    "node_modules/next/package.json",
    "apps/web/node_modules/x",
    "apps/web/.next/cache/x",
    ".data/pglite/PG_VERSION",
    ".turbo/cookies",
    "packages/db/.turbo/run.log",
    "k8s/.test-results/vitest.json",
    "e2e/test-results/trace.zip",
    ".bench-results/catalog.json",
    ".git/HEAD",
    "coverage/index.html",
    "packages/telemetry/coverage/lcov.info",
    "npm-debug.log",
    "apps/web/server.log",
    ".env",
    ".env.local",
    "apps/web/.env.production",
    "packages/db/src/generated/prisma/client.ts",
    "apps/web/public/images/products/a.svg",
  ])("leaves out %s", (file) => {
    expect(ignored(file)).toBe(true);
  });

  it.each([
    "package.json",
    "package-lock.json",
    "tsconfig.base.json",
    "k8s/images/prune-workspace.ts",
    "k8s/images/db-migrate-job.ts",
    "packages/db/prisma/schema.prisma",
    "packages/db/assets/products/README.md",
    "packages/db/src/client.ts",
    "apps/web/src/app/page.tsx",
    "apps/web/next.config.ts",
    "e2e/bots/cli.ts",
  ])("keeps %s", (file) => {
    expect(ignored(file)).toBe(false);
  });
});

// Two Dockerfile linters that work offline, run through their command lines:
// dockerfile-utils (the Docker language server's validator: instructions, flags, arguments) and
// dockerfilelint (best practices: apt-get use, sudo, pinned tags...). devDependencies of @shop/k8s.
describe("Dockerfile linters", () => {
  const require = createRequire(path.join(repoRoot, "k8s/package.json"));

  function cli(pkg: string, bin: string): string {
    let manifestPath: string;
    try {
      manifestPath = require.resolve(`${pkg}/package.json`);
    } catch {
      throw new Error(`${pkg} is not installed: it is a devDependency of @shop/k8s (npm install)`);
    }
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
      bin: string | Record<string, string>;
    };
    const relative = typeof manifest.bin === "string" ? manifest.bin : manifest.bin[bin];
    if (!relative) throw new Error(`${pkg} has no ${bin} command`);
    return path.join(path.dirname(manifestPath), relative);
  }

  it.each(entries)("dockerfile-utils finds no problem in %s's Dockerfile", (_, spec) => {
    const result = spawnSync(
      process.execPath,
      [cli("dockerfile-utils", "dockerfile-utils"), "lint", spec.dockerfile],
      {
        cwd: repoRoot,
        encoding: "utf8",
      },
    );
    expect(`${result.stdout}${result.stderr}`.trim()).toBe("");
    expect(result.status).toBe(0);
  });

  it.each(entries)("dockerfilelint finds no problem in %s's Dockerfile", (_, spec) => {
    const result = spawnSync(
      process.execPath,
      [cli("dockerfilelint", "dockerfilelint"), "--output", "json", spec.dockerfile],
      {
        cwd: repoRoot,
        encoding: "utf8",
      },
    );
    const report = JSON.parse(result.stdout) as { totalIssues: number; files: { issues: unknown[] }[] };
    expect(report.files.flatMap((file) => file.issues)).toEqual([]);
    expect(report.totalIssues).toBe(0);
    expect(result.status).toBe(0);
  });
});

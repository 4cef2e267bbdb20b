// Builds the shop's container images from images.json, from the repository root:
//
//   npm run images -w @shop/k8s -- [--tag <t>] [--registry <r>] [--push] [--buildx]
//                                  [--platform <p>] [--dry-run] [names...]
//
// For each image (all by default, or the names given): `docker build -f <Dockerfile> -t
// <registry>/<name>:<tag> .` (BuildKit), then `docker push` with --push. With --buildx:
// `docker buildx build` (--platform, and --push or --load). --dry-run prints the commands only.
// Every command is printed before it runs; the first failure stops the script with its exit code.
import { spawnSync } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { inheritedEnv, pathDirectories, sourceRevision } from "./env.ts";

export const repoRoot = path.resolve(import.meta.dirname, "../..");

function shopVersion(): string {
  return (JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string })
    .version;
}

export interface ImageSpec {
  dockerfile: string;
  workspace: string;
  port: number | null;
}

export interface ImagesFile {
  registry: string;
  images: Record<string, ImageSpec>;
}

export function readImages(): ImagesFile {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, "images.json"), "utf8")) as ImagesFile;
}

export interface BuildOptions {
  names: string[];
  tag: string;
  registry: string;
  push: boolean;
  buildx: boolean;
  platform: string | undefined;
  dryRun: boolean;
  revision: string;
  created: string;
}

export const USAGE = `usage: npm run images -w @shop/k8s -- [options] [names...]

Builds the images of k8s/images/images.json from the repository root (all, or the names given).

  --tag <t>         image tag (default: dev)
  --registry <r>    registry and namespace (default: images.json's "registry")
  --push            push each image after building it
  --buildx          build with docker buildx (multi-platform: see --platform)
  --platform <p>    with --buildx, e.g. linux/amd64,linux/arm64 (without --push: --load, one platform)
  --dry-run         print the commands, run nothing
  -h, --help        this text

Labels: VERSION is the tag, REVISION comes from SOURCE_REVISION (or GITHUB_SHA) when set.`;

export function parseOptions(argv: string[], images: ImagesFile, now = new Date()): BuildOptions | "help" {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      tag: { type: "string" },
      registry: { type: "string" },
      push: { type: "boolean" },
      buildx: { type: "boolean" },
      platform: { type: "string" },
      "dry-run": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return "help";
  const known = Object.keys(images.images);
  const unknown = positionals.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new Error(`unknown image ${unknown.join(", ")} (images: ${known.join(", ")})`);
  }
  // The shop's version by default: the manifests run `<image>:<version>` and report it as
  // SERVICE_VERSION, so an image built without --tag is the one they deploy.
  const tag = values.tag ?? shopVersion();
  if (!/^[\w][\w.-]{0,127}$/.test(tag)) throw new Error(`invalid tag ${tag}`);
  if (values.platform && !values.buildx) throw new Error("--platform needs --buildx");
  return {
    names: positionals.length > 0 ? positionals : known,
    tag,
    registry: (values.registry ?? images.registry).replace(/\/+$/, ""),
    push: values.push ?? false,
    buildx: values.buildx ?? false,
    platform: values.platform,
    dryRun: values["dry-run"] ?? false,
    revision: sourceRevision() ?? "unknown",
    created: now.toISOString(),
  };
}

/** The commands that build (and push) the images, in order, each an argv for `docker`. */
export function buildCommands(options: BuildOptions, images: ImagesFile): string[][] {
  const commands: string[][] = [];
  for (const name of options.names) {
    const spec = images.images[name];
    if (!spec) throw new Error(`unknown image ${name}`);
    const reference = `${options.registry}/${name}:${options.tag}`;
    const buildArgs = [
      ["VERSION", options.tag],
      ["REVISION", options.revision],
      ["CREATED", options.created],
    ].flatMap(([key, value]) => ["--build-arg", `${String(key)}=${String(value)}`]);
    if (options.buildx) {
      commands.push([
        "buildx",
        "build",
        ...(options.platform ? ["--platform", options.platform] : []),
        options.push ? "--push" : "--load",
        "-f",
        spec.dockerfile,
        "-t",
        reference,
        ...buildArgs,
        ".",
      ]);
    } else {
      commands.push(["build", "-f", spec.dockerfile, "-t", reference, ...buildArgs, "."]);
      if (options.push) commands.push(["push", reference]);
    }
  }
  return commands;
}

/** The `docker` executable on PATH, if any. */
export function findDocker(): string | undefined {
  for (const dir of pathDirectories()) {
    const candidate = path.join(dir, "docker");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

const quote = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

export function main(argv: string[]): number {
  const images = readImages();
  let options: BuildOptions | "help";
  try {
    options = parseOptions(argv, images);
  } catch (error) {
    console.error(`images: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (options === "help") {
    console.log(USAGE);
    return 0;
  }
  const commands = buildCommands(options, images);
  const docker = options.dryRun ? "docker" : findDocker();
  if (!docker) {
    console.error(
      "images: no `docker` on PATH. The images are built with Docker (BuildKit) or docker buildx; " +
        "install Docker, or run with --dry-run to print the commands.",
    );
    return 1;
  }
  if (!options.dryRun) {
    const server = spawnSync(docker, ["version", "--format", "{{.Server.Version}}"], { encoding: "utf8" });
    if (server.status !== 0) {
      console.error(
        `images: ${docker} is installed but no Docker daemon answers ` +
          `(${(server.stderr || server.stdout).trim() || `exit ${String(server.status)}`}); ` +
          "start Docker, set DOCKER_HOST, or run with --dry-run to print the commands.",
      );
      return 1;
    }
  }
  console.log(`# from ${repoRoot}`);
  for (const command of commands) {
    console.log(["docker", ...command].map(quote).join(" "));
    if (options.dryRun) continue;
    const result = spawnSync(docker, command, {
      cwd: repoRoot,
      stdio: "inherit",
      env: { ...inheritedEnv(), DOCKER_BUILDKIT: "1" },
    });
    if (result.status !== 0) {
      console.error(`images: docker ${command.slice(0, 2).join(" ")} failed (exit ${String(result.status)})`);
      return result.status ?? 1;
    }
  }
  return 0;
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2));

// k8s/images/build-images.ts (`npm run images -w @shop/k8s`): the docker commands it would run,
// and how it fails where there is no Docker.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCommands, parseOptions, readImages, repoRoot } from "../images/build-images.ts";
import { inheritedEnv } from "../images/env.ts";

const images = readImages();
const names = Object.keys(images.images);
const script = path.join(repoRoot, "k8s/images/build-images.ts");
const now = new Date("2026-11-26T12:00:00Z");

function options(argv: string[]) {
  const parsed = parseOptions(argv, images, now);
  if (parsed === "help") throw new Error("help");
  return parsed;
}

function runScript(args: string[], env: Record<string, string | undefined> = inheritedEnv()) {
  return spawnSync(process.execPath, [script, ...args], { cwd: repoRoot, env, encoding: "utf8" });
}

describe("build-images commands", () => {
  it("builds every image of images.json from the repository root, tagged <registry>/<name>:<tag>", () => {
    const commands = buildCommands(options(["--tag", "1.4.0"]), images);
    expect(commands).toHaveLength(names.length);
    for (const [index, name] of names.entries()) {
      const spec = images.images[name];
      const command = commands[index] ?? [];
      expect(command.slice(0, 5)).toEqual([
        "build",
        "-f",
        spec?.dockerfile,
        "-t",
        `ghcr.io/observable-shop/${name}:1.4.0`,
      ]);
      expect(command).toContain("VERSION=1.4.0");
      expect(command).toContain(`CREATED=${now.toISOString()}`);
      expect(command.at(-1)).toBe(".");
    }
  });

  it("builds only the images named, pushes after each build with --push", () => {
    const commands = buildCommands(
      options(["--push", "--registry", "registry.local:5000/shop/", "catalog", "bots"]),
      images,
    );
    expect(commands.map((command) => command.slice(0, 2).join(" "))).toEqual([
      "build -f",
      "push registry.local:5000/shop/catalog:0.1.0",
      "build -f",
      "push registry.local:5000/shop/bots:0.1.0",
    ]);
  });

  it("uses docker buildx with --buildx, pushing or loading", () => {
    const [pushed] = buildCommands(
      options(["--buildx", "--platform", "linux/amd64,linux/arm64", "--push", "storefront"]),
      images,
    );
    expect(pushed?.slice(0, 5)).toEqual([
      "buildx",
      "build",
      "--platform",
      "linux/amd64,linux/arm64",
      "--push",
    ]);
    const [loaded] = buildCommands(options(["--buildx", "storefront"]), images);
    expect(loaded?.slice(0, 3)).toEqual(["buildx", "build", "--load"]);
  });

  it("refuses unknown images, bad tags and --platform without --buildx", () => {
    expect(() => options(["nope"])).toThrow(/unknown image nope/);
    expect(() => options(["--tag", "a b"])).toThrow(/invalid tag/);
    expect(() => options(["--platform", "linux/arm64"])).toThrow(/--buildx/);
  });
});

describe("npm run images", () => {
  it("prints the commands and runs nothing with --dry-run", () => {
    const result = runScript(["--dry-run", "--tag", "t1"]);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toBe(`# from ${repoRoot}`);
    expect(lines.slice(1)).toHaveLength(names.length);
    for (const line of lines.slice(1))
      expect(line).toMatch(
        /^docker build -f \S+\/Dockerfile -t ghcr\.io\/observable-shop\/[a-z-]+:t1 .* \.$/,
      );
  });

  it("fails with a clear message when there is no docker on PATH", () => {
    const result = runScript(["catalog"], { PATH: path.dirname(process.execPath) });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("no `docker` on PATH");
    expect(result.stderr).toContain("--dry-run");
  });

  it("fails with the usage for an unknown image", () => {
    const result = runScript(["--dry-run", "nope"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown image nope");
    expect(result.stderr).toContain("usage:");
  });
});

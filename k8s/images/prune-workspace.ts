// Writes a copy of the repository reduced to one workspace and the workspaces it needs, for a
// container image to install and run that workspace without the rest of the monorepo:
//
//   node k8s/images/prune-workspace.ts <workspace> <out> [--manifests <dir>] [--production <dir>]
//
// - The kept set: the workspace, then every workspace named in the `dependencies` (and
//   `optionalDependencies`) of a kept one, transitively. devDependencies are not followed: no
//   image's build needs a workspace that its runtime does not (the Prisma CLI, TypeScript and Next
//   come from the registry, not from workspaces).
// - Build manifests (in <out>, and alone in --manifests): each kept workspace's package.json less
//   its devDependencies on workspaces that are not kept (`npm ci` would look for them in the
//   registry); its other devDependencies stay, since a build may need them (the Prisma CLI
//   generates the client). The root package.json keeps its fields, `workspaces` becomes the list
//   of kept folders, and its devDependencies keep only the packages the kept tree installs anyway
//   (version and hoisting pins such as @opentelemetry/api): the repository's tooling (eslint,
//   prettier, turbo, vitest, the `node` package) goes.
// - Production manifests (--production): the same without any devDependencies. Their lockfile
//   holds the production tree only, which `npm ci --omit=dev` on the build lockfile would not give:
//   npm keeps a devDependency that is also someone's optional peer (the Prisma CLI is
//   @prisma/client's), with everything it pulls in.
// - Each package-lock.json is pruned from the repository's (lockfile.ts): same versions, same
//   node_modules layout, flags recomputed, so `npm ci` accepts it as in sync and installs exactly
//   the pruned tree.
// - Files in <out>: the kept workspaces' folders and tsconfig.base.json, without what .dockerignore
//   leaves out of a build context (node_modules, .next, generated code, test results, env files).
//
// No dependencies beyond Node itself: it runs in a bare `node` image before anything is installed.
import { cp, mkdir, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadDockerignore } from "./dockerignore.ts";
import { pruneLockfile } from "./lockfile.ts";
import type { DependencyMap, Lockfile, ManifestDependencies } from "./lockfile.ts";

export interface Manifest extends ManifestDependencies {
  name?: string;
  version?: string;
  workspaces?: string[];
  [key: string]: unknown;
}

export interface Workspace {
  name: string;
  /** The folder, relative to the repository root, POSIX separators. */
  folder: string;
  manifest: Manifest;
}

/** Root files copied when present: what a build or `npm ci` reads outside the workspaces. */
const ROOT_FILES = ["tsconfig.base.json", ".npmrc"];

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, "utf8")) as T;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** The repository's workspaces by name, from the root package.json's `workspaces` (`dir`, `dir/*`). */
export async function readWorkspaces(repoRoot: string): Promise<Map<string, Workspace>> {
  const root = await readJson<Manifest>(path.join(repoRoot, "package.json"));
  const folders: string[] = [];
  for (const pattern of root.workspaces ?? []) {
    const clean = pattern.replace(/\/+$/, "");
    if (clean.endsWith("/*") && !clean.slice(0, -2).includes("*")) {
      const parent = clean.slice(0, -2);
      const entries = await readdir(path.join(repoRoot, parent), { withFileTypes: true });
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.isDirectory() && (await exists(path.join(repoRoot, parent, entry.name, "package.json")))) {
          folders.push(`${parent}/${entry.name}`);
        }
      }
    } else if (!clean.includes("*")) {
      folders.push(clean);
    } else {
      throw new Error(`unsupported workspaces pattern ${pattern} (only "dir" and "dir/*")`);
    }
  }
  const workspaces = new Map<string, Workspace>();
  for (const folder of folders) {
    const manifest = await readJson<Manifest>(path.join(repoRoot, folder, "package.json"));
    if (!manifest.name) throw new Error(`${folder}/package.json has no name`);
    workspaces.set(manifest.name, { name: manifest.name, folder, manifest });
  }
  return workspaces;
}

/** The workspace and every workspace it depends on at run time, transitively, sorted by name. */
export function workspaceClosure(target: string, workspaces: Map<string, Workspace>): string[] {
  if (!workspaces.has(target)) {
    throw new Error(`no workspace named ${target} (known: ${[...workspaces.keys()].join(", ")})`);
  }
  const kept = new Set<string>([target]);
  const queue = [target];
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const manifest = workspaces.get(name)?.manifest ?? {};
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      if (workspaces.has(dependency) && !kept.has(dependency)) {
        kept.add(dependency);
        queue.push(dependency);
      }
    }
  }
  return [...kept].sort();
}

function withoutKeys(
  map: DependencyMap | undefined,
  drop: (name: string) => boolean,
): DependencyMap | undefined {
  if (!map) return undefined;
  return Object.fromEntries(Object.entries(map).filter(([name]) => !drop(name)));
}

function setDependencies(
  manifest: Manifest,
  field: keyof ManifestDependencies,
  value: DependencyMap | undefined,
) {
  if (value && Object.keys(value).length > 0) (manifest as Record<string, unknown>)[field] = value;
  else Reflect.deleteProperty(manifest, field);
}

/** One consistent set of manifests: the root's, each kept workspace's, and their lockfile. */
export interface ManifestSet {
  rootManifest: Manifest;
  /** By workspace folder. */
  workspaceManifests: Record<string, Manifest>;
  lockfile: Lockfile;
}

export interface PrunedRepository {
  /** Names of the kept workspaces, sorted. */
  workspaces: string[];
  /** Their folders, in the order of the repository's lockfile. */
  folders: string[];
  /** For building: devDependencies included (less those on workspaces not kept). */
  build: ManifestSet;
  /** For running: no devDependencies anywhere, and a lockfile of the production tree only. */
  production: ManifestSet;
}

function manifestSet(
  lock: Lockfile,
  folders: string[],
  rootManifest: Manifest,
  workspaceManifests: Record<string, Manifest>,
): ManifestSet {
  const rootDependencies: ManifestDependencies = {
    dependencies: rootManifest.dependencies,
    optionalDependencies: rootManifest.optionalDependencies,
    peerDependencies: rootManifest.peerDependencies,
    peerDependenciesMeta: rootManifest.peerDependenciesMeta,
  };
  const pruning = (root: ManifestDependencies) => ({ folders, root, workspaces: workspaceManifests });
  // First without the root's devDependencies: what the kept workspaces install on their own.
  const withoutRootDev = pruneLockfile(lock, pruning(rootDependencies));
  const keptRootDev = withoutKeys(
    rootManifest.devDependencies,
    (name) => !(`node_modules/${name}` in withoutRootDev.packages),
  );
  const lockfile = pruneLockfile(lock, pruning({ ...rootDependencies, devDependencies: keptRootDev }));
  const root: Manifest = structuredClone(rootManifest);
  root.workspaces = folders;
  setDependencies(root, "devDependencies", keptRootDev);
  return { rootManifest: root, workspaceManifests, lockfile };
}

/** Computes the pruned manifests and lockfiles without writing anything. */
export async function planPrune(repoRoot: string, target: string): Promise<PrunedRepository> {
  const workspaces = await readWorkspaces(repoRoot);
  const names = workspaceClosure(target, workspaces);
  const keptNames = new Set(names);
  const lock = await readJson<Lockfile>(path.join(repoRoot, "package-lock.json"));
  const rootManifest = await readJson<Manifest>(path.join(repoRoot, "package.json"));

  const byFolder = new Map([...workspaces.values()].map((workspace) => [workspace.folder, workspace]));
  const folders = Object.keys(lock.packages).filter((location) => {
    const workspace = byFolder.get(location);
    return workspace !== undefined && keptNames.has(workspace.name);
  });
  if (folders.length !== names.length) {
    throw new Error("package-lock.json does not list every kept workspace: run npm install first");
  }

  const buildManifests: Record<string, Manifest> = {};
  const productionManifests: Record<string, Manifest> = {};
  for (const folder of folders) {
    const workspace = byFolder.get(folder);
    if (!workspace) throw new Error(`no workspace in ${folder}`);
    const manifest: Manifest = structuredClone(workspace.manifest);
    const devDependencies = withoutKeys(
      manifest.devDependencies,
      (name) => workspaces.has(name) && !keptNames.has(name),
    );
    setDependencies(manifest, "devDependencies", devDependencies);
    buildManifests[folder] = manifest;
    const production = structuredClone(manifest);
    delete production.devDependencies;
    productionManifests[folder] = production;
  }
  const productionRoot = structuredClone(rootManifest);
  delete productionRoot.devDependencies;

  return {
    workspaces: names,
    folders,
    build: manifestSet(lock, folders, rootManifest, buildManifests),
    production: manifestSet(lock, folders, productionRoot, productionManifests),
  };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

async function writeManifests(outDir: string, folders: string[], set: ManifestSet) {
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, "package.json"), json(set.rootManifest));
  await writeFile(path.join(outDir, "package-lock.json"), json(set.lockfile));
  for (const folder of folders) {
    await mkdir(path.join(outDir, folder), { recursive: true });
    await writeFile(path.join(outDir, folder, "package.json"), json(set.workspaceManifests[folder]));
  }
}

export interface PruneOptions {
  repoRoot: string;
  workspace: string;
  /** The pruned copy: sources and the build manifests. */
  outDir: string;
  /** Also write the build manifests and lockfile alone here. */
  manifestsDir?: string | undefined;
  /** Also write the production manifests and lockfile alone here. */
  productionDir?: string | undefined;
}

/** Writes the pruned copy (see the file's header); returns what it kept. */
export async function pruneWorkspace(options: PruneOptions): Promise<PrunedRepository> {
  const repoRoot = path.resolve(options.repoRoot);
  const plan = await planPrune(repoRoot, options.workspace);
  const ignored = loadDockerignore(repoRoot);
  const outDir = path.resolve(options.outDir);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  for (const folder of plan.folders) {
    await cp(path.join(repoRoot, folder), path.join(outDir, folder), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => !ignored(path.relative(repoRoot, source).split(path.sep).join("/")),
    });
  }
  for (const file of ROOT_FILES) {
    if ((await exists(path.join(repoRoot, file))) && !ignored(file)) {
      await cp(path.join(repoRoot, file), path.join(outDir, file));
    }
  }
  await writeManifests(outDir, plan.folders, plan.build);
  for (const [dir, set] of [
    [options.manifestsDir, plan.build],
    [options.productionDir, plan.production],
  ] as const) {
    if (!dir) continue;
    await rm(path.resolve(dir), { recursive: true, force: true });
    await writeManifests(path.resolve(dir), plan.folders, set);
  }
  return plan;
}

const USAGE =
  "usage: node k8s/images/prune-workspace.ts <workspace> <out> [--manifests <dir>] [--production <dir>]";

if (import.meta.main) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      manifests: { type: "string" },
      production: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [workspace, outDir] = positionals;
  if (values.help || !workspace || !outDir || positionals.length > 2) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const repoRoot = path.resolve(import.meta.dirname, "../..");
  const plan = await pruneWorkspace({
    repoRoot,
    workspace,
    outDir,
    manifestsDir: values.manifests,
    productionDir: values.production,
  });
  const count = (set: ManifestSet) => String(Object.keys(set.lockfile.packages).length);
  console.log(
    `pruned ${workspace} -> ${outDir}: ${plan.workspaces.join(", ")}; lockfile entries: ` +
      `${count(plan.build)} to build, ${count(plan.production)} to run`,
  );
}

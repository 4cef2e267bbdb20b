// Pruning an npm lockfile (lockfileVersion 3) to some of its workspaces, the way npm itself would
// leave it: the entries that the kept root and workspaces still reach stay exactly where they are
// (so `npm ci` lays node_modules out as in the full repository, hoisting included), everything
// else goes, and the dev/optional/devOptional/peer flags are computed again for the smaller tree
// (npm's calcDepFlags: a flag stays set only when no path from the root avoids that kind of edge).
// `npm ci --omit=dev` reads those flags, so they must describe the pruned tree, not the full one.
import path from "node:path";

export type DependencyMap = Record<string, string>;

export interface LockEntry {
  name?: string;
  version?: string;
  resolved?: string;
  link?: boolean;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  workspaces?: string[];
  dependencies?: DependencyMap;
  devDependencies?: DependencyMap;
  optionalDependencies?: DependencyMap;
  peerDependencies?: DependencyMap;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}

export interface Lockfile {
  name?: string;
  version?: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockEntry>;
  [key: string]: unknown;
}

type EdgeType = "prod" | "dev" | "optional" | "peer" | "peerOptional" | "workspace";

interface Edge {
  name: string;
  type: EdgeType;
  to: string;
  dev: boolean;
  optional: boolean;
  peer: boolean;
}

/** The manifest fields a lockfile's root and workspace entries mirror. */
export interface ManifestDependencies {
  dependencies?: DependencyMap;
  devDependencies?: DependencyMap;
  optionalDependencies?: DependencyMap;
  peerDependencies?: DependencyMap;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** Where node_modules resolution goes next from `location`: the folder holding its node_modules. */
function resolveParent(packages: Record<string, LockEntry>, location: string): string | undefined {
  if (location === "") return undefined;
  const index = location.lastIndexOf("node_modules/");
  if (index === 0) return "";
  if (index > 0) return location.slice(0, index - 1);
  // A workspace folder: the nearest folder above it with an entry of its own, else the root.
  for (let dir = path.posix.dirname(location); dir !== "." && dir !== "/"; dir = path.posix.dirname(dir)) {
    if (dir in packages) return dir;
  }
  return "";
}

/** The entry `name` resolves to from `location`, following workspace links to their folders. */
function resolveDependency(
  packages: Record<string, LockEntry>,
  location: string,
  name: string,
): string | undefined {
  for (let at: string | undefined = location; at !== undefined; at = resolveParent(packages, at)) {
    const candidate = at === "" ? `node_modules/${name}` : `${at}/node_modules/${name}`;
    const entry = packages[candidate];
    if (entry) return entry.link && typeof entry.resolved === "string" ? entry.resolved : candidate;
  }
  return undefined;
}

/** Arborist's edge types, later ones replacing earlier ones for the same name (Node#loadDeps). */
function edgeTypes(entry: ManifestDependencies, withDev: boolean): Map<string, EdgeType> {
  const types = new Map<string, EdgeType>();
  for (const name of Object.keys(entry.peerDependencies ?? {})) {
    types.set(name, entry.peerDependenciesMeta?.[name]?.optional ? "peerOptional" : "peer");
  }
  for (const name of Object.keys(entry.dependencies ?? {})) types.set(name, "prod");
  for (const name of Object.keys(entry.optionalDependencies ?? {})) types.set(name, "optional");
  if (withDev) for (const name of Object.keys(entry.devDependencies ?? {})) types.set(name, "dev");
  return types;
}

function isWorkspaceFolder(location: string, entry: LockEntry): boolean {
  return location !== "" && !location.includes("node_modules/") && !entry.link;
}

/** The workspace folders that the root's `workspaces` patterns (`dir`, `dir/*`) name. */
function workspaceFolders(packages: Record<string, LockEntry>, patterns: string[]): string[] {
  const regexes = patterns.map((pattern) => {
    const source = pattern
      .replace(/\/+$/, "")
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join("[^/]+");
    return new RegExp(`^${source}$`);
  });
  return Object.entries(packages)
    .filter(([location, entry]) => isWorkspaceFolder(location, entry))
    .map(([location]) => location)
    .filter((location) => regexes.some((regex) => regex.test(location)));
}

function edgesOf(packages: Record<string, LockEntry>, location: string): Edge[] {
  const entry = packages[location];
  if (!entry) return [];
  const types = edgeTypes(entry, location === "" || isWorkspaceFolder(location, entry));
  if (location === "") {
    for (const folder of workspaceFolders(packages, entry.workspaces ?? []))
      types.set(`\0${folder}`, "workspace");
  }
  const edges: Edge[] = [];
  for (const [name, type] of types) {
    const to = name.startsWith("\0") ? name.slice(1) : resolveDependency(packages, location, name);
    // A dependency the tree does not have (an optional peer nobody installed, a platform
    // package): npm leaves the edge unresolved as well.
    if (to === undefined || !(to in packages)) continue;
    edges.push({
      name: name.startsWith("\0") ? name.slice(1) : name,
      type,
      to,
      dev: type === "dev",
      optional: type === "optional" || type === "peerOptional",
      peer: type === "peer" || type === "peerOptional",
    });
  }
  return edges;
}

/** Every location reachable from `start` (the root) through edges that `follow` accepts. */
function reachable(
  packages: Record<string, LockEntry>,
  follow: (edge: Edge) => boolean,
  start: Iterable<string> = [""],
): Set<string> {
  const seen = new Set<string>(start);
  const queue = [...seen];
  for (let location = queue.shift(); location !== undefined; location = queue.shift()) {
    for (const edge of edgesOf(packages, location)) {
      if (!follow(edge) || seen.has(edge.to)) continue;
      seen.add(edge.to);
      queue.push(edge.to);
    }
  }
  return seen;
}

/** The locations of the links (`node_modules/<workspace>`) that point at the given folders. */
function linksTo(packages: Record<string, LockEntry>, folders: Set<string>): string[] {
  return Object.entries(packages)
    .filter(([, entry]) => entry.link && typeof entry.resolved === "string" && folders.has(entry.resolved))
    .map(([location]) => location);
}

function restrictTo(packages: Record<string, LockEntry>, locations: Set<string>) {
  return Object.fromEntries(Object.entries(packages).filter(([location]) => locations.has(location)));
}

/**
 * What a fresh `npm install` of the kept manifests would install: everything reached through
 * dependencies of every kind, except that an optional peer is there only when something else
 * needs it (npm never installs an optional peer for its own sake, but a full repository's lockfile
 * keeps the copy some other workspace needed: Next.js for tRPC, the Prisma CLI for its client).
 * A skipped optional peer stays when leaving it out would let its name resolve to another copy.
 */
function installedLocations(packages: Record<string, LockEntry>): Set<string> {
  const notOptionalPeer = (edge: Edge) => edge.type !== "peerOptional";
  let kept = reachable(packages, notOptionalPeer);
  for (;;) {
    const view = restrictTo(packages, new Set([...kept, ...linksTo(packages, kept)]));
    const shadowing: string[] = [];
    for (const location of kept) {
      for (const edge of edgesOf(packages, location)) {
        if (edge.type !== "peerOptional" || kept.has(edge.to)) continue;
        if (resolveDependency(view, location, edge.name) !== undefined) shadowing.push(edge.to);
      }
    }
    if (shadowing.length === 0) return kept;
    kept = reachable(packages, notOptionalPeer, [...kept, ...shadowing]);
  }
}

/**
 * Recomputes, for a lockfile whose tree is complete, which entries are installed and with which
 * flags; drops the others. With nothing changed in it, the lockfile comes back as it was.
 */
export function normalizeLockfile(lock: Lockfile): Lockfile {
  const installed = installedLocations(lock.packages);
  const kept = new Set([...installed, ...linksTo(lock.packages, installed)]);
  const packages = restrictTo(lock.packages, kept);
  const notDev = reachable(packages, (edge) => !edge.dev);
  const notOptional = reachable(packages, (edge) => !edge.optional);
  const notDevOptional = reachable(packages, (edge) => !edge.dev && !edge.optional);
  const notPeer = reachable(packages, (edge) => !edge.peer);

  const pruned: Record<string, LockEntry> = {};
  for (const [location, original] of Object.entries(packages)) {
    const entry: LockEntry = { ...original };
    if (location !== "" && !entry.link && !isWorkspaceFolder(location, entry)) {
      const dev = !notDev.has(location);
      const optional = !notOptional.has(location);
      const devOptional = !notDevOptional.has(location) && !dev && !optional;
      const peer = !notPeer.has(location);
      setFlag(entry, "dev", dev);
      setFlag(entry, "optional", optional);
      setFlag(entry, "devOptional", devOptional);
      setFlag(entry, "peer", peer);
    }
    pruned[location] = reorderFlags(original, entry);
  }
  return { ...lock, packages: pruned };
}

function setFlag(entry: LockEntry, flag: "dev" | "optional" | "devOptional" | "peer", value: boolean) {
  if (value) entry[flag] = true;
  else Reflect.deleteProperty(entry, flag);
}

// npm writes an entry's keys in a fixed order (version, resolved, integrity, dev, optional,
// devOptional, ...). A flag the original entry did not have goes about where npm puts it (the
// order is cosmetic: npm ci reads the keys, not their order).
const KEY_ORDER = [
  "name",
  "version",
  "resolved",
  "integrity",
  "link",
  "dev",
  "optional",
  "devOptional",
  "inBundle",
  "hasInstallScript",
  "hasShrinkwrap",
  "peer",
];

function reorderFlags(original: LockEntry, entry: LockEntry): LockEntry {
  const same =
    Object.keys(original).every((key) => key in entry) &&
    Object.keys(entry).length === Object.keys(original).length;
  if (same) return entry;
  const keys = Object.keys(entry);
  const rank = (key: string) => {
    const index = KEY_ORDER.indexOf(key);
    return index === -1 ? KEY_ORDER.length : index;
  };
  keys.sort(
    (a, b) => rank(a) - rank(b) || Object.keys(original).indexOf(a) - Object.keys(original).indexOf(b),
  );
  return Object.fromEntries(keys.map((key) => [key, entry[key]]));
}

export interface LockfilePruning {
  /** The kept workspace folders (relative, POSIX), in the lockfile's order. */
  folders: string[];
  /** The new root manifest's dependency fields (the root entry takes them). */
  root: ManifestDependencies;
  /** The new dependency fields of each kept workspace, by folder. */
  workspaces: Record<string, ManifestDependencies>;
}

const MANIFEST_FIELDS = [
  "dependencies",
  "devDependencies",
  "optionalDependencies",
  "peerDependencies",
  "peerDependenciesMeta",
] as const;

function withManifest(entry: LockEntry, manifest: ManifestDependencies): LockEntry {
  const result: LockEntry = { ...entry };
  for (const field of MANIFEST_FIELDS) {
    const value = manifest[field];
    if (value && Object.keys(value).length > 0) (result as Record<string, unknown>)[field] = value;
    else Reflect.deleteProperty(result, field);
  }
  // Keep the original key order (an emptied field just disappears).
  const order = [...Object.keys(entry), ...Object.keys(result)];
  const keys = [...new Set(order)].filter((key) => key in result);
  return Object.fromEntries(keys.map((key) => [key, result[key]]));
}

/** The lockfile of a repository reduced to some of its workspaces (see the file's header). */
export function pruneLockfile(lock: Lockfile, pruning: LockfilePruning): Lockfile {
  const original = lock.packages;
  if (!original[""]) throw new Error("package-lock.json has no root entry");
  const packages: Record<string, LockEntry> = {};
  for (const [location, entry] of Object.entries(original)) {
    if (location === "") {
      packages[""] = { ...withManifest(entry, pruning.root), workspaces: pruning.folders };
      continue;
    }
    if (isWorkspaceFolder(location, entry) && !location.includes("/node_modules/")) {
      const manifest = pruning.workspaces[location];
      if (manifest) packages[location] = withManifest(entry, manifest);
      continue;
    }
    packages[location] = entry;
  }
  return normalizeLockfile({ ...lock, packages });
}

/** Every dependency of the root and of every workspace that the lockfile cannot resolve. */
export function unresolvedDependencies(lock: Lockfile): string[] {
  const problems: string[] = [];
  for (const [location, entry] of Object.entries(lock.packages)) {
    const withDev = location === "" || isWorkspaceFolder(location, entry);
    for (const [name, type] of edgeTypes(entry, withDev)) {
      if (type === "peerOptional" || type === "optional") continue;
      if (resolveDependency(lock.packages, location, name) === undefined) {
        problems.push(`${location || "(root)"} -> ${name} (${type})`);
      }
    }
  }
  return problems;
}

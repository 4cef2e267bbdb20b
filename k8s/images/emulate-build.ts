// Runs a Dockerfile's steps on this machine, without Docker, so the tests can check that an image's
// build really works (pruning, `npm ci`, code generation) and that its command starts: each stage
// gets a folder standing for its root filesystem, COPY copies between them (the build context
// filtered by .dockerignore), RUN runs in the stage's WORKDIR with its ENV and ARGs. What it cannot
// do is provide the base image: commands run on this machine's Node (the caller's PATH), and RUN
// steps that set up the operating system (apt-get, users) are skipped and reported, never run.
// A RUN step that names an absolute path is refused: it would act on this machine, not the stage.
import { spawn } from "node:child_process";
import { cp, mkdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { loadDockerignore } from "./dockerignore.ts";
import { parseAssignments, parseDockerfile, substitute } from "./dockerfile.ts";
import type { Dockerfile, Instruction, Stage } from "./dockerfile.ts";

/** RUN steps that configure the base system: reported as skipped, never run here. */
const SYSTEM_COMMANDS = /^(apt-get|apt|dpkg|groupadd|useradd|addgroup|adduser|update-ca-certificates)\b/;

export interface EmulateOptions {
  repoRoot: string;
  /** Relative to the repository root. */
  dockerfile: string;
  /** Stage folders go here (created, emptied first). */
  workDir: string;
  /** Stage to build; the last one by default. */
  target?: string;
  /** The environment RUN steps start from (PATH must find Node 24 and npm). */
  env: Record<string, string | undefined>;
  buildArgs?: Record<string, string>;
  log?: (line: string) => void;
}

export interface EmulatedImage {
  dockerfile: Dockerfile;
  stage: Stage;
  /** The folder standing for the image's root filesystem. */
  root: string;
  /** The image's WORKDIR, ENV, USER, CMD and ENTRYPOINT. */
  workdir: string;
  env: Record<string, string>;
  user: string | undefined;
  cmd: string[] | undefined;
  entrypoint: string[] | undefined;
  /** RUN steps left out, by stage. */
  skipped: { stage: string; command: string }[];
  /** Where an absolute path of the image is on this machine. */
  hostPath(imagePath: string): string;
}

interface StageState {
  root: string;
  workdir: string;
  env: Record<string, string>;
  args: Record<string, string>;
  user: string | undefined;
  cmd: string[] | undefined;
  entrypoint: string[] | undefined;
}

function stageByName(dockerfile: Dockerfile, name: string): Stage | undefined {
  return dockerfile.stages.find((stage) => stage.name === name || String(stage.index) === name);
}

/** The stages `target` needs (FROM an earlier stage, COPY --from), in build order. */
export function requiredStages(dockerfile: Dockerfile, target: Stage): Stage[] {
  const needed = new Set<number>();
  const visit = (stage: Stage) => {
    if (needed.has(stage.index)) return;
    needed.add(stage.index);
    const parent = stageByName(dockerfile, stage.from);
    if (parent && parent.index < stage.index) visit(parent);
    for (const instruction of stage.instructions) {
      const from = instruction.keyword === "COPY" ? instruction.flags.from : undefined;
      const source = from === undefined ? undefined : stageByName(dockerfile, from);
      if (from !== undefined && !source) throw new Error(`COPY --from=${from}: no such stage (images only)`);
      if (source) visit(source);
    }
  };
  visit(target);
  return dockerfile.stages.filter((stage) => needed.has(stage.index));
}

function words(args: string, exec: string[] | undefined): string[] {
  return exec ?? args.split(" ").filter((word) => word !== "");
}

async function isDirectory(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

function run(
  command: string,
  cwd: string,
  env: Record<string, string | undefined>,
  log: (line: string) => void,
) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn("sh", ["-c", command], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("exit", (code) => {
      for (const line of output.trimEnd().split("\n").slice(-15)) log(`    ${line}`);
      if (code === 0) resolve();
      else reject(new Error(`RUN ${command} exited with ${String(code)}:\n${output.slice(-4000)}`));
    });
  });
}

export async function emulateBuild(options: EmulateOptions): Promise<EmulatedImage> {
  const log = options.log ?? (() => undefined);
  const text = await readFile(path.join(options.repoRoot, options.dockerfile), "utf8");
  const dockerfile = parseDockerfile(text);
  const target = options.target ? stageByName(dockerfile, options.target) : dockerfile.stages.at(-1);
  if (!target) throw new Error(`${options.dockerfile}: no stage ${options.target ?? "at all"}`);
  const ignored = loadDockerignore(options.repoRoot);
  await rm(options.workDir, { recursive: true, force: true });

  const states = new Map<number, StageState>();
  const skipped: EmulatedImage["skipped"] = [];
  const globalArgs: Record<string, string> = {};
  for (const [key, value] of Object.entries(dockerfile.globalArgs)) {
    const given = options.buildArgs?.[key] ?? value;
    if (given !== undefined) globalArgs[key] = given;
  }

  for (const stage of requiredStages(dockerfile, target)) {
    const root = path.join(options.workDir, `${String(stage.index)}-${stage.name}`);
    const parent = stageByName(dockerfile, substitute(stage.from, globalArgs));
    const inherited = parent ? states.get(parent.index) : undefined;
    const state: StageState = inherited
      ? { ...inherited, root, env: { ...inherited.env }, args: {} }
      : { root, workdir: "/", env: {}, args: {}, user: undefined, cmd: undefined, entrypoint: undefined };
    if (inherited) await cp(inherited.root, root, { recursive: true, verbatimSymlinks: true });
    else await mkdir(root, { recursive: true });
    states.set(stage.index, state);
    const host = (imagePath: string) => path.join(root, imagePath);
    const resolve = (imagePath: string) => path.posix.resolve(state.workdir, imagePath);
    log(`[${stage.name}] FROM ${stage.from}`);

    for (const instruction of stage.instructions) {
      const vars = { ...globalArgs, ...state.args, ...state.env };
      switch (instruction.keyword) {
        case "WORKDIR":
          state.workdir = resolve(substitute(instruction.args, vars));
          await mkdir(host(state.workdir), { recursive: true });
          break;
        case "ENV":
        case "ARG":
          for (const [key, value] of Object.entries(parseAssignments(instruction.args))) {
            const resolved = value === undefined ? undefined : substitute(value, vars);
            if (instruction.keyword === "ENV") state.env[key] = resolved ?? "";
            else {
              const arg = options.buildArgs?.[key] ?? resolved ?? globalArgs[key];
              if (arg !== undefined) state.args[key] = arg;
            }
          }
          break;
        case "COPY":
          await copy(instruction, vars);
          break;
        case "ADD":
          throw new Error(
            `${options.dockerfile}:${String(instruction.line)}: ADD is not emulated (use COPY)`,
          );
        case "RUN": {
          const command = instruction.exec ? instruction.exec.join(" ") : substitute(instruction.args, vars);
          if (SYSTEM_COMMANDS.test(command)) {
            log(`[${stage.name}] RUN (skipped: system setup) ${command}`);
            skipped.push({ stage: stage.name, command });
            break;
          }
          if (/(^|[\s=:'"])\/(?!\/)/.test(command)) {
            throw new Error(
              `${options.dockerfile}:${String(instruction.line)}: RUN names an absolute path: ${command}`,
            );
          }
          log(`[${stage.name}] RUN ${command}`);
          await run(command, host(state.workdir), { ...options.env, ...state.args, ...state.env }, log);
          break;
        }
        case "USER":
          state.user = substitute(instruction.args, vars);
          break;
        case "CMD":
          state.cmd = instruction.exec ?? ["/bin/sh", "-c", instruction.args];
          break;
        case "ENTRYPOINT":
          state.entrypoint = instruction.exec ?? ["/bin/sh", "-c", instruction.args];
          break;
        default:
          // EXPOSE, LABEL, HEALTHCHECK, STOPSIGNAL...: metadata, nothing to build.
          break;
      }
    }

    async function copy(instruction: Instruction, vars: Record<string, string>) {
      const parts = words(instruction.args, instruction.exec).map((part) => substitute(part, vars));
      const destination = parts.pop();
      if (!destination || parts.length === 0) throw new Error(`COPY needs a source and a destination`);
      const from = instruction.flags.from;
      const sourceStage = from === undefined ? undefined : stageByName(dockerfile, from);
      if (from !== undefined && !sourceStage) throw new Error(`COPY --from=${from}: no such stage`);
      const sourceState = sourceStage ? states.get(sourceStage.index) : undefined;
      const destinationPath = host(resolve(destination));
      const intoDirectory = destination.endsWith("/") || parts.length > 1;
      for (const source of parts) {
        const sourcePath = sourceState
          ? path.join(sourceState.root, path.posix.resolve("/", source))
          : path.join(options.repoRoot, path.posix.normalize(source));
        if (!sourceState && path.relative(options.repoRoot, sourcePath).startsWith("..")) {
          throw new Error(`COPY ${source}: outside the build context`);
        }
        log(`[${stage.name}] COPY ${from ? `--from=${from} ` : ""}${source} ${destination}`);
        const filter = sourceState
          ? undefined
          : (file: string) => {
              const relative = path.relative(options.repoRoot, file).split(path.sep).join("/");
              return relative === "" || !ignored(relative);
            };
        if (await isDirectory(sourcePath)) {
          await mkdir(destinationPath, { recursive: true });
          await cp(sourcePath, destinationPath, {
            recursive: true,
            verbatimSymlinks: true,
            filter,
            force: true,
          });
        } else {
          const target = intoDirectory
            ? path.join(destinationPath, path.basename(sourcePath))
            : destinationPath;
          await mkdir(path.dirname(target), { recursive: true });
          await cp(sourcePath, target, { verbatimSymlinks: true, force: true });
        }
      }
    }
  }

  const final = states.get(target.index);
  if (!final) throw new Error(`stage ${target.name} was not built`);
  return {
    dockerfile,
    stage: target,
    root: final.root,
    workdir: final.workdir,
    env: final.env,
    user: final.user,
    cmd: final.cmd,
    entrypoint: final.entrypoint,
    skipped,
    hostPath: (imagePath) => path.join(final.root, path.posix.resolve(final.workdir, imagePath)),
  };
}

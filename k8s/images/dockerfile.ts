// A small Dockerfile reader, enough for the rules the tests hold the images to and for running a
// Dockerfile's steps without Docker (emulate-build.ts): line continuations, comments and parser
// directives, instructions with their `--flags`, exec (JSON) versus shell form, build stages, and
// `${VAR}` / `$VAR` substitution from ARG and ENV. Not supported (and not used here): heredocs,
// `${VAR:-default}` forms, a changed escape character.

export interface Instruction {
  /** Upper-case keyword: FROM, RUN, COPY... */
  keyword: string;
  /** Everything after the keyword, continuations joined, flags included. */
  raw: string;
  /** `--name=value` flags at the start of the arguments (`--name` alone maps to ""). */
  flags: Record<string, string>;
  /** The arguments after the flags. */
  args: string;
  /** The arguments as an exec-form array when they are a JSON array of strings. */
  exec: string[] | undefined;
  /** 1-based line of the keyword. */
  line: number;
  /** Comment lines right above the instruction (without `#`). */
  comments: string[];
}

export interface Stage {
  /** Base image or earlier stage, as written. */
  from: string;
  /** `AS` name, or the stage's index as a string. */
  name: string;
  index: number;
  instructions: Instruction[];
}

export interface Dockerfile {
  directives: Record<string, string>;
  /** ARGs before the first FROM, with their defaults. */
  globalArgs: Record<string, string | undefined>;
  stages: Stage[];
  instructions: Instruction[];
}

function parseFlags(text: string): { flags: Record<string, string>; rest: string } {
  const flags: Record<string, string> = {};
  let rest = text;
  for (;;) {
    const match = /^--([A-Za-z][\w-]*)(?:=("[^"]*"|\S*))?\s*/.exec(rest);
    if (!match?.[1]) break;
    flags[match[1]] = (match[2] ?? "").replace(/^"(.*)"$/, "$1");
    rest = rest.slice(match[0].length);
  }
  return { flags, rest };
}

function parseExec(args: string): string[] | undefined {
  if (!args.startsWith("[")) return undefined;
  try {
    const value: unknown = JSON.parse(args);
    return Array.isArray(value) && value.every((item) => typeof item === "string") ? value : undefined;
  } catch {
    return undefined;
  }
}

// Instructions whose arguments may start with flags.
const WITH_FLAGS = new Set(["FROM", "RUN", "COPY", "ADD", "HEALTHCHECK"]);

export function parseDockerfile(text: string): Dockerfile {
  const lines = text.split("\n");
  const directives: Record<string, string> = {};
  const instructions: Instruction[] = [];
  let comments: string[] = [];
  let inDirectives = true;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").replace(/\r$/, "");
    const trimmed = line.trim();
    if (trimmed === "") {
      inDirectives = false;
      comments = [];
      continue;
    }
    if (trimmed.startsWith("#")) {
      const directive = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(trimmed);
      if (inDirectives && directive?.[1] && directive[2]) {
        directives[directive[1].toLowerCase()] = directive[2];
      } else {
        inDirectives = false;
        comments.push(trimmed.replace(/^#\s?/, ""));
      }
      continue;
    }
    inDirectives = false;
    const start = i + 1;
    let logical = line;
    // Continuations: a trailing backslash joins the next line; comment lines inside are dropped.
    while (/\\\s*$/.test(logical) && i + 1 < lines.length) {
      logical = logical.replace(/\\\s*$/, " ");
      i++;
      const next = lines[i] ?? "";
      if (next.trim().startsWith("#")) {
        logical += "\\";
        continue;
      }
      logical += next.trim();
    }
    const match = /^\s*(\S+)\s*(.*)$/.exec(logical);
    const keyword = (match?.[1] ?? "").toUpperCase();
    const raw = (match?.[2] ?? "").replace(/\s+/g, " ").trim();
    const { flags, rest } = WITH_FLAGS.has(keyword) ? parseFlags(raw) : { flags: {}, rest: raw };
    instructions.push({ keyword, raw, flags, args: rest, exec: parseExec(rest), line: start, comments });
    comments = [];
  }

  const globalArgs: Record<string, string | undefined> = {};
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === "FROM") {
      const [from = "", as, name] = instruction.args.split(" ");
      const index = stages.length;
      stages.push({
        from,
        name: as?.toUpperCase() === "AS" && name ? name : String(index),
        index,
        instructions: [],
      });
    } else if (stages.length === 0) {
      if (instruction.keyword === "ARG") Object.assign(globalArgs, parseAssignments(instruction.args));
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return { directives, globalArgs, stages, instructions };
}

/** `KEY=value KEY2="two words"` (or the legacy `KEY value`), as ENV, ARG and LABEL write them. */
export function parseAssignments(args: string): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  const legacy = /^([A-Za-z_][\w.-]*)\s+([^=]*)$/.exec(args);
  if (legacy?.[1] && !args.includes("=")) {
    result[legacy[1]] = legacy[2];
    return result;
  }
  const pattern = /([A-Za-z_][\w.-]*)(?:=("(?:[^"\\]|\\.)*"|'[^']*'|\S*))?/g;
  for (let match = pattern.exec(args); match; match = pattern.exec(args)) {
    const [, key, value] = match;
    if (!key) continue;
    result[key] =
      value === undefined
        ? undefined
        : value.startsWith('"')
          ? value.slice(1, -1).replace(/\\(.)/g, "$1")
          : value.startsWith("'")
            ? value.slice(1, -1)
            : value;
  }
  return result;
}

/** `$VAR` and `${VAR}` replaced from `vars` (unknown ones become empty, as in Docker). */
export function substitute(text: string, vars: Record<string, string | undefined>): string {
  return text.replace(
    /\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/g,
    (_, braced: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare ?? "";
      return vars[name] ?? "";
    },
  );
}

/** The stage's base image with global ARG defaults substituted. */
export function baseImage(dockerfile: Dockerfile, stage: Stage): string {
  return substitute(stage.from, dockerfile.globalArgs);
}

/** The last instruction with this keyword in the stage, if any. */
export function lastInstruction(stage: Stage, keyword: string): Instruction | undefined {
  return stage.instructions.filter((instruction) => instruction.keyword === keyword).at(-1);
}

/**
 * The variables a stage defines, in order, substituted as Docker does: its ENV values, and with
 * `buildArgs` (what RUN sees at build time) its ARGs too, a global ARG taking its global default.
 */
export function stageEnv(
  stage: Stage,
  options: { buildArgs?: Record<string, string | undefined> } = {},
): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  const args: Record<string, string | undefined> = {};
  for (const instruction of stage.instructions) {
    if (instruction.keyword === "ENV") {
      for (const [key, value] of Object.entries(parseAssignments(instruction.args))) {
        env[key] = substitute(value ?? "", { ...args, ...env });
      }
    } else if (instruction.keyword === "ARG") {
      for (const [key, value] of Object.entries(parseAssignments(instruction.args))) {
        args[key] =
          options.buildArgs?.[key] ??
          (value === undefined ? undefined : substitute(value, { ...args, ...env }));
      }
    }
  }
  return options.buildArgs ? { ...args, ...env } : env;
}

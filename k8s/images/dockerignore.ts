// The repository's .dockerignore, read the way Docker reads it, so that a pruned copy made outside
// Docker (by the tests) leaves out exactly what a build context leaves out. Supported: `*`, `?`,
// `**`, `!` exceptions (the last matching line wins), `#` comments, leading `/`; a pattern that
// matches a folder excludes everything in it. Not supported: `[...]` classes, and an exception
// re-including a path inside an excluded folder (Docker allows it; this repository never needs it).
import { readFileSync } from "node:fs";
import path from "node:path";

interface Rule {
  regex: RegExp;
  exception: boolean;
}

export type IgnoreMatcher = (relativePath: string) => boolean;

function patternRegex(pattern: string): RegExp {
  let source = "^";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    if (char === "*") {
      if (pattern[i + 1] === "*") {
        i++;
        if (pattern[i + 1] === "/") {
          i++;
          source += "(?:.*/)?";
        } else {
          source += ".*";
        }
      } else {
        source += "[^/]*";
      }
    } else if (char === "?") {
      source += "[^/]";
    } else if (char === "[") {
      throw new Error(`.dockerignore: character classes are not supported (${pattern})`);
    } else {
      source += char.replace(/[.+^${}()|\\]/g, "\\$&");
    }
  }
  return new RegExp(`${source}$`);
}

export function parseDockerignore(text: string): IgnoreMatcher {
  const rules: Rule[] = [];
  for (const raw of text.split("\n")) {
    let line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const exception = line.startsWith("!");
    if (exception) line = line.slice(1).trim();
    line = path.posix.normalize(line).replace(/^\/+/, "").replace(/\/+$/, "");
    if (line === "" || line === ".") continue;
    rules.push({ regex: patternRegex(line), exception });
  }
  return (relativePath) => {
    const parts = relativePath.split("/").filter((part) => part !== "" && part !== ".");
    // The path itself or any folder above it.
    const candidates = parts.map((_, index) => parts.slice(0, index + 1).join("/"));
    let ignored = false;
    for (const rule of rules) {
      if (candidates.some((candidate) => rule.regex.test(candidate))) ignored = !rule.exception;
    }
    return ignored;
  };
}

/** The repository's .dockerignore; when there is none, nothing is ignored. */
export function loadDockerignore(repoRoot: string): IgnoreMatcher {
  let text = "";
  try {
    text = readFileSync(path.join(repoRoot, ".dockerignore"), "utf8");
  } catch {
    // no .dockerignore
  }
  return parseDockerignore(text);
}

// The one place the image tooling reads the process environment (the repository's lint rule keeps
// process.env inside env.ts files): build-images.ts looks `docker` up on PATH, and the tests hand
// their environment on to the commands they run.

/** A copy of this process's environment, for a child process to inherit. */
export function inheritedEnv(): Record<string, string | undefined> {
  return { ...process.env };
}

/** The directories of PATH, in order. */
export function pathDirectories(): string[] {
  return (process.env.PATH ?? "").split(":").filter((dir) => dir !== "");
}

/** The commit the images are built from, for their `org.opencontainers.image.revision` label. */
export function sourceRevision(): string | undefined {
  return process.env.SOURCE_REVISION ?? process.env.GITHUB_SHA;
}

import { describe, expect, it } from "vitest";
import { FULL_CHROMIUM_PATH, defaultChromiumPath, HEADLESS_SHELL_PATH } from "./chromium.ts";

describe("defaultChromiumPath", () => {
  const installed =
    (...paths: string[]) =>
    (path: string) =>
      paths.includes(path);

  it("prefers the headless shell for headless browsing when it is installed", () => {
    expect(defaultChromiumPath({ exists: installed(HEADLESS_SHELL_PATH, FULL_CHROMIUM_PATH) })).toBe(
      HEADLESS_SHELL_PATH,
    );
  });

  it("falls back to the full browser when the shell is missing", () => {
    expect(defaultChromiumPath({ exists: installed(FULL_CHROMIUM_PATH) })).toBe(FULL_CHROMIUM_PATH);
    expect(defaultChromiumPath({ exists: installed() })).toBe(FULL_CHROMIUM_PATH);
  });

  it("uses the full browser for a visible window: the shell cannot show one", () => {
    expect(
      defaultChromiumPath({ headless: false, exists: installed(HEADLESS_SHELL_PATH, FULL_CHROMIUM_PATH) }),
    ).toBe(FULL_CHROMIUM_PATH);
  });
});

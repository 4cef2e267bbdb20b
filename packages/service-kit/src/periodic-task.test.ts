import { describe, expect, it } from "vitest";
import { startPeriodicTask } from "./periodic-task.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("startPeriodicTask", () => {
  it("never overlaps runs, survives a failing run, and stop() waits for the run in flight", async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    let finished = 0;
    const task = startPeriodicTask("test task", 5, async () => {
      runs++;
      running++;
      maxRunning = Math.max(maxRunning, running);
      await sleep(20);
      running--;
      finished++;
      if (runs === 1) throw new Error("first run fails");
    });
    while (runs < 3) await sleep(5);
    await task.stop();
    const afterStop = runs;
    expect(finished).toBe(runs);
    expect(maxRunning).toBe(1);
    await sleep(40);
    expect(runs).toBe(afterStop);
  });
});

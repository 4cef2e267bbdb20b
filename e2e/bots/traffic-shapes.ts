// How much traffic the fleet aims for over time. Real shops are not flat: they ramp up after a
// deploy, spike in a flash sale and breathe with the day, and the dashboards and alerts are only
// worth something if they have seen those shapes. A shape turns "seconds since it started" into a
// target rate of user actions per minute; the pacer does the rest.
import { z } from "zod";

export type TrafficShape =
  | { kind: "steady"; perMinute: number }
  /** Linear from `from` to `to` over `durationSeconds`, then holds `to`. */
  | { kind: "ramp"; from: number; to: number; durationSeconds: number }
  /** A flash sale: base, ramp up, hold the peak, ramp down, back to base for good. */
  | {
      kind: "spike";
      base: number;
      peak: number;
      rampUpSeconds: number;
      holdSeconds: number;
      rampDownSeconds: number;
    }
  /** A day's curve (cosine) from `min` up to `max` at half the period and back, repeating. */
  | { kind: "daily"; min: number; max: number; periodMinutes: number };

/** Far above what one fleet of browsers can do; a typo (30000 for 300) should fail, not melt the shop. */
export const MAX_ACTIONS_PER_MINUTE = 10_000;

const rate = (field: string) =>
  z
    .number({ error: `${field} must be a number of actions per minute` })
    .min(0, { error: `${field} must be at least 0 actions/min` })
    .max(MAX_ACTIONS_PER_MINUTE, { error: `${field} must be at most ${MAX_ACTIONS_PER_MINUTE} actions/min` });

const positive = (field: string, unit: string) =>
  z
    .number({ error: `${field} must be a number of ${unit}` })
    .positive({ error: `${field} must be more than 0 ${unit}` });

export const trafficShapeSchema: z.ZodType<TrafficShape> = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("steady"), perMinute: rate("perMinute") }),
    z.object({
      kind: z.literal("ramp"),
      from: rate("from"),
      to: rate("to"),
      durationSeconds: positive("durationSeconds", "seconds"),
    }),
    z.object({
      kind: z.literal("spike"),
      base: rate("base"),
      peak: rate("peak"),
      rampUpSeconds: positive("rampUpSeconds", "seconds"),
      holdSeconds: positive("holdSeconds", "seconds"),
      rampDownSeconds: positive("rampDownSeconds", "seconds"),
    }),
    z
      .object({
        kind: z.literal("daily"),
        min: rate("min"),
        max: rate("max"),
        periodMinutes: positive("periodMinutes", "minutes"),
      })
      .refine((shape) => shape.min <= shape.max, { error: "min must not be above max", path: ["max"] }),
  ],
  {
    // Zod types this as the union's issue only, but a non-object (null, a string) comes here too.
    error: (issue) =>
      typeof issue.input === "object" && issue.input !== null
        ? 'kind must be one of "steady", "ramp", "spike", "daily"'
        : "a traffic shape must be an object with a kind",
  },
);

/** Target actions per minute `elapsedSeconds` after the shape started; never negative. */
export function targetAt(shape: TrafficShape, elapsedSeconds: number): number {
  // Before the start (a clock stepping back) and NaN both count as the start.
  const t = elapsedSeconds > 0 ? elapsedSeconds : 0;
  return notNegative(rawTargetAt(shape, t));
}

function rawTargetAt(shape: TrafficShape, t: number): number {
  switch (shape.kind) {
    case "steady":
      return shape.perMinute;
    case "ramp":
      return between(shape.from, shape.to, t / shape.durationSeconds);
    case "spike": {
      const upEnds = shape.rampUpSeconds;
      const holdEnds = upEnds + shape.holdSeconds;
      const downEnds = holdEnds + shape.rampDownSeconds;
      if (t < upEnds) return between(shape.base, shape.peak, t / shape.rampUpSeconds);
      if (t < holdEnds) return shape.peak;
      if (t < downEnds) return between(shape.peak, shape.base, (t - holdEnds) / shape.rampDownSeconds);
      return shape.base;
    }
    case "daily": {
      const phase = (t % (shape.periodMinutes * 60)) / (shape.periodMinutes * 60);
      return shape.min + ((shape.max - shape.min) * (1 - Math.cos(2 * Math.PI * phase))) / 2;
    }
  }
}

/** Linear interpolation, with the fraction held to 0..1 so a finished ramp stays at its end. */
function between(from: number, to: number, fraction: number): number {
  const f = Math.min(1, Math.max(0, fraction));
  return from + (to - from) * f;
}

function notNegative(value: number): number {
  // Also turns NaN (an infinite elapsed time in a daily curve) into 0 rather than into the pacer.
  return value > 0 ? value : 0;
}

// The command-line form: the kind, then the fields in this order, colon-separated. Daily periods
// are in minutes there too, because nobody wants to type a day as 86400.
const CLI_FIELDS = {
  steady: ["perMinute"],
  ramp: ["from", "to", "durationSeconds"],
  spike: ["base", "peak", "rampUpSeconds", "holdSeconds", "rampDownSeconds"],
  daily: ["min", "max", "periodMinutes"],
} as const;

type ShapeKind = keyof typeof CLI_FIELDS;

const CLI_FORMS: Record<ShapeKind, string> = {
  steady: "steady:<perMinute> (e.g. steady:30)",
  ramp: "ramp:<from>:<to>:<seconds> (e.g. ramp:30:300:120)",
  spike: "spike:<base>:<peak>:<upSeconds>:<holdSeconds>:<downSeconds> (e.g. spike:30:300:60:120:60)",
  daily: "daily:<min>:<max>:<periodMinutes> (e.g. daily:20:60:1440)",
};

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)$/;

function isKind(kind: string): kind is ShapeKind {
  return Object.hasOwn(CLI_FIELDS, kind);
}

/** Parses the command-line form ("spike:30:300:60:120:60"); throws an Error naming the expected form. */
export function parseShape(text: string): TrafficShape {
  const [kindText = "", ...values] = text.trim().split(":");
  const kind = kindText.trim().toLowerCase();
  if (!isKind(kind)) {
    const forms = Object.values(CLI_FORMS).join(", ");
    throw new Error(`Unknown traffic shape "${text}": expected one of ${forms}`);
  }
  const fields = CLI_FIELDS[kind];
  const expected = `expected ${CLI_FORMS[kind]}`;
  if (values.length !== fields.length) {
    const count = `${fields.length} number${fields.length === 1 ? "" : "s"}`;
    throw new Error(`Invalid traffic shape "${text}": ${kind} takes ${count}, ${expected}`);
  }
  const candidate: Record<string, unknown> = { kind };
  for (const [i, field] of fields.entries()) {
    const value = (values[i] ?? "").trim();
    if (!NUMBER.test(value)) {
      throw new Error(`Invalid traffic shape "${text}": ${field} "${value}" is not a number, ${expected}`);
    }
    candidate[field] = Number(value);
  }
  const parsed = trafficShapeSchema.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => issue.message).join("; ");
    throw new Error(`Invalid traffic shape "${text}": ${problems}, ${expected}`);
  }
  return parsed.data;
}

/** The command-line form of a shape: parseShape(formatShape(shape)) gives the shape back. */
export function formatShape(shape: TrafficShape): string {
  switch (shape.kind) {
    case "steady":
      return `steady:${shape.perMinute}`;
    case "ramp":
      return `ramp:${shape.from}:${shape.to}:${shape.durationSeconds}`;
    case "spike":
      return `spike:${shape.base}:${shape.peak}:${shape.rampUpSeconds}:${shape.holdSeconds}:${shape.rampDownSeconds}`;
    case "daily":
      return `daily:${shape.min}:${shape.max}:${shape.periodMinutes}`;
  }
}

/** One line for logs and the control endpoint's answer. */
export function describeShape(shape: TrafficShape): string {
  switch (shape.kind) {
    case "steady":
      return `steady ${shape.perMinute} actions/min`;
    case "ramp":
      return `ramp ${shape.from} -> ${shape.to} actions/min over ${shape.durationSeconds} s, then steady`;
    case "spike":
      return (
        `spike ${shape.base} -> ${shape.peak} actions/min ` +
        `(up ${shape.rampUpSeconds} s, hold ${shape.holdSeconds} s, down ${shape.rampDownSeconds} s)`
      );
    case "daily":
      return `daily ${shape.min} -> ${shape.max} -> ${shape.min} actions/min every ${shape.periodMinutes} min`;
  }
}

// The fleet: one Chromium for the process, one browser context per shopper session (fresh
// cookies, fresh RUM session), as many sessions as the target rate needs (bounded), each taking a
// journey as its persona would. A context that breaks is closed and the session counted as failed;
// a browser that dies is started again, and the metrics say so.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import type { Browser, BrowserContext, BrowserContextOptions } from "playwright-core";
import { launchChromium } from "../src/browser.ts";
import { Shopper } from "../src/pages/shopper.ts";
import { labelRumSessions } from "../src/rum-labels.ts";
import { serveRumWorkerLibrary } from "../src/rum-cdn.ts";
import { ActionPacer } from "./action-pacer.ts";
import type { FleetMetrics } from "./fleet-metrics.ts";
import {
  BUSY_RETRIES,
  BusySignal,
  ShopBusy,
  busyBackoffMs,
  isBusyResponse,
  looksBusy,
} from "./busy-backoff.ts";
import { HOT_PRODUCT_JOURNEY } from "./journeys/journey-names.ts";
import type { SessionJourney } from "./journeys/journey-names.ts";
import { Abandoned, ShopError } from "./journeys/journey-run.ts";
import type { JourneyRun, KnownOrder } from "./journeys/journey-run.ts";
import { JOURNEY_STEPS, hotProductPurchase } from "./journeys/journeys.ts";
import type { JourneyWeights, Persona } from "./personas.ts";
import { thinkTimeMs } from "./personas.ts";
import { SessionPlanner } from "./session-planner.ts";
import { randomShopper } from "./shopper-profiles.ts";
import { describeOverride, pickHotProduct } from "./traffic-override.ts";
import type { TrafficOverride } from "./traffic-override.ts";
import type { TrafficShape } from "./traffic-shapes.ts";
import { describeShape } from "./traffic-shapes.ts";

export interface FleetOptions {
  baseUrl: string;
  shape: TrafficShape;
  maxSessions: number;
  journeyWeights: JourneyWeights;
  personaWeights: Record<string, number>;
  /** Multiplies think times (0.2 for a brisk rehearsal). */
  thinkScale: number;
  metrics: FleetMetrics;
  log: (level: "info" | "warn" | "error", message: string, fields?: Record<string, unknown>) => void;
  random?: () => number;
}

const DESKTOP_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
const MOBILE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Mobile/15E148 Safari/604.1";
const CAMPAIGNS = [
  "utm_source=newsletter&utm_medium=email&utm_campaign=weekly-picks",
  "utm_source=instagram&utm_medium=social&utm_campaign=autumn",
  "utm_source=google&utm_medium=cpc&utm_campaign=brand",
];
const ACTION_TIMEOUT_MS = 30_000;

class FleetStopping extends Error {
  override name = "FleetStopping";
}

function deviceOptions(persona: Persona, random: () => number): BrowserContextOptions {
  if (persona.device === "mobile") {
    return {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
      userAgent: MOBILE_UA,
    };
  }
  const wide = random() < 0.5;
  return {
    viewport: wide ? { width: 1440, height: 900 } : { width: 1366, height: 768 },
    userAgent: DESKTOP_UA,
  };
}

/** What went wrong, as a short kind for the error metric. */
export function errorKind(error: unknown): string {
  if (error instanceof ShopError) return error.kind;
  if (error instanceof ShopBusy) return "busy_gave_up";
  const message = error instanceof Error ? error.message : String(error);
  if (/has been closed|browser has disconnected|Browser closed|Target closed/i.test(message))
    return "browser_closed";
  if (message.toLowerCase().includes("crash")) return "page_crash";
  if (error instanceof Error && error.name === "TimeoutError") return "timeout";
  if (message.includes("net::ERR_")) return "network";
  return "unexpected";
}

export class FleetRunner {
  readonly #options: FleetOptions;
  readonly #random: () => number;
  readonly #pacer: ActionPacer;
  readonly #planner: SessionPlanner;
  readonly #sessions = new Set<Promise<void>>();
  readonly #orders: KnownOrder[] = [];
  #browser: Browser | undefined;
  #launching: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #stopping = false;
  #cycleMs = 6_000;
  #behind = false;
  readonly #missedSamples: { at: number; missed: number }[] = [];
  /** The fleet's own shape and when it started: it resumes there when a scenario lets go. */
  #baseShape: TrafficShape;
  #baseStartedAt = Date.now();
  #override: TrafficOverride | undefined;

  constructor(options: FleetOptions) {
    this.#options = options;
    this.#random = options.random ?? Math.random;
    this.#pacer = new ActionPacer(options.shape);
    this.#baseShape = options.shape;
    this.#planner = new SessionPlanner(options.journeyWeights, options.personaWeights, this.#random);
  }

  /** The shape the pacer follows now (a scenario's steady target while it overrides). */
  get shape(): TrafficShape {
    return this.#pacer.shape;
  }

  /** The fleet's own shape, followed whenever no scenario overrides it. */
  get baseShape(): TrafficShape {
    return this.#baseShape;
  }

  get trafficOverride(): TrafficOverride | undefined {
    return this.#override;
  }

  /** Actions per minute the fleet aims for now. */
  targetPerMinute(): number {
    return this.#pacer.target();
  }

  setShape(shape: TrafficShape) {
    this.#baseShape = shape;
    this.#baseStartedAt = Date.now();
    // A scenario's override keeps the wheel; the new shape takes over when it lets go.
    if (!this.#override) this.#pacer.setShape(shape);
    this.#options.log("info", "traffic shape changed", { shape });
    this.#fill();
  }

  /** A scenario's target (the bots.traffic flag), or undefined to return to the fleet's own shape. */
  setTrafficOverride(override: TrafficOverride | undefined) {
    if (JSON.stringify(override) === JSON.stringify(this.#override)) return;
    this.#override = override;
    if (override) {
      this.#pacer.setShape({ kind: "steady", perMinute: override.perMinute });
      this.#options.log("info", describeOverride(override), { override });
    } else {
      this.#pacer.setShape(this.#baseShape, this.#baseStartedAt);
      this.#options.log("info", `scenario override cleared: back to ${describeShape(this.#baseShape)}`);
    }
    this.#fill();
  }

  /** Starts shopping; the browser starts in the background (and again whenever it dies). */
  start() {
    void this.#launch();
    this.#pacer.start();
    this.#timer = setInterval(() => {
      this.#fill();
    }, 250);
    this.#fill();
  }

  async stop() {
    this.#stopping = true;
    clearInterval(this.#timer);
    this.#pacer.stop();
    await Promise.allSettled([...this.#sessions]);
    await this.#browser?.close().catch(() => undefined);
  }

  /** The browser's main process, a child of this one (Linux; tests kill it to see the fleet recover). */
  browserPid(): number | undefined {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        if (parent === process.pid && readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("chrom"))
          return Number(entry);
      } catch {
        // The process ended while we looked.
      }
    }
    return undefined;
  }

  #launch(): Promise<void> {
    this.#launching ??= (async () => {
      for (let attempt = 0; !this.#stopping; attempt++) {
        try {
          const browser = await launchChromium();
          browser.on("disconnected", () => {
            if (this.#browser === browser) this.#browser = undefined;
            if (this.#stopping) return;
            this.#options.metrics.browserRestarted();
            this.#options.log("warn", "the browser went away; starting a new one");
            void this.#launch();
          });
          this.#browser = browser;
          this.#options.log("info", `browser ${browser.version()} started`, {
            browserPid: this.browserPid(),
          });
          this.#fill();
          return;
        } catch (error) {
          this.#options.metrics.error("browser_launch");
          this.#options.log("error", "could not start the browser", { err: String(error), attempt });
          await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1_000 * 2 ** attempt)));
        }
      }
    })().finally(() => {
      this.#launching = undefined;
    });
    return this.#launching;
  }

  /** Sessions the target needs: actions/s × seconds per action cycle per session, with headroom. */
  #wantedSessions(): number {
    const target = this.#pacer.target();
    if (target <= 0) return 0;
    const needed = Math.ceil((target / 60) * (this.#cycleMs / 1000) * 1.3) + 1;
    return Math.min(this.#options.maxSessions, needed);
  }

  #fill() {
    const { metrics } = this.#options;
    metrics.setTarget(this.#pacer.target());
    metrics.setConcurrency(this.#sessions.size);
    metrics.setBacklog(this.#missedRecently());
    this.#sayWhenBehind();
    if (this.#stopping || !this.#browser) return;
    while (this.#sessions.size < this.#wantedSessions()) {
      const session = this.#session(this.#browser).finally(() => this.#sessions.delete(session));
      this.#sessions.add(session);
    }
  }

  #isStopping() {
    return this.#stopping;
  }

  /** Actions the pacer owed in the last 10 s that no session was ready to take. */
  #missedRecently(): number {
    const now = Date.now();
    this.#missedSamples.push({ at: now, missed: this.#pacer.missed });
    while ((this.#missedSamples[0]?.at ?? now) < now - 10_000) this.#missedSamples.shift();
    return this.#pacer.missed - (this.#missedSamples[0]?.missed ?? this.#pacer.missed);
  }

  /** Falling behind is said out loud once when it starts and once when it ends, not every tick. */
  #sayWhenBehind() {
    const stats = this.#options.metrics.stats();
    if (stats.fallingBehind === this.#behind) return;
    this.#behind = stats.fallingBehind;
    const fields = {
      targetPerMinute: stats.targetPerMinute,
      achievedPerMinute: stats.achievedPerMinute.last1m,
      sessions: stats.concurrency,
      maxSessions: this.#options.maxSessions,
    };
    if (this.#behind) this.#options.log("warn", "the fleet cannot keep up with its target", fields);
    else this.#options.log("info", "the fleet is keeping up with its target again", fields);
  }

  async #session(browser: Browser) {
    const { metrics, log } = this.#options;
    const planned = this.#planner.next();
    const { persona } = planned;
    // In a sale, a share of new shoppers come for one hot product instead of their usual journey.
    const hotProduct = pickHotProduct(this.#override, this.#random);
    const journey: SessionJourney = hotProduct ? HOT_PRODUCT_JOURNEY : planned.journey;
    const sessionId = `bot-${randomUUID()}`;
    const busy = new BusySignal();
    let context: BrowserContext | undefined;
    metrics.sessionStarted(journey, persona.name);
    try {
      context = await browser.newContext({
        ...deviceOptions(persona, this.#random),
        // Every request of this shopper says it is synthetic: the backend puts it on every span.
        extraHTTPHeaders: { baggage: `synthetic=true,session.id=${sessionId}` },
      });
      context.setDefaultTimeout(ACTION_TIMEOUT_MS);
      await serveRumWorkerLibrary(context);
      await labelRumSessions(context, { synthetic: "true", bot: "true", persona: persona.name, journey });
      const page = await context.newPage();
      page.on("response", (response) => {
        const isDocument = response.request().resourceType() === "document";
        if (isBusyResponse({ status: response.status(), url: response.url(), isDocument })) busy.mark();
      });
      let placeOrderTraceId: string | undefined;
      page.on("request", (request) => {
        if (request.url().includes("/api/trpc/checkout.placeOrder")) {
          placeOrderTraceId = request.headers().traceparent?.split("-")[1];
        }
      });
      const run: JourneyRun = {
        shopper: new Shopper(page, this.#options.baseUrl, {
          typingDelayMs: persona.typingDelayMs,
          random: this.#random,
        }),
        persona,
        random: this.#random,
        step: (name, action) => this.#step(journey, persona, name, action, busy),
        landingPath: (path) =>
          this.#random() < 0.25
            ? `${path}${path.includes("?") ? "&" : "?"}${CAMPAIGNS[Math.floor(this.#random() * CAMPAIGNS.length)] ?? ""}`
            : path,
        checkoutDetails: () => randomShopper(persona.name, this.#random),
        knownOrders: () => this.#orders,
        orderPlaced: (order) => {
          this.#orders.push(order);
          if (this.#orders.length > 200) this.#orders.shift();
          metrics.orderPlaced({ number: order.number, traceId: placeOrderTraceId });
        },
      };
      const outcome = await (hotProduct ? hotProductPurchase(hotProduct) : JOURNEY_STEPS[planned.journey])(
        run,
      );
      metrics.sessionEnded(journey, persona.name, outcome);
    } catch (error) {
      if (error instanceof FleetStopping || this.#stopping) {
        metrics.sessionEnded(journey, persona.name, "abandoned");
      } else if (error instanceof Abandoned) {
        metrics.sessionEnded(journey, persona.name, "abandoned");
      } else {
        const kind = errorKind(error);
        metrics.sessionEnded(journey, persona.name, "failed");
        metrics.error(kind);
        log("warn", `session failed: ${kind}`, {
          journey,
          persona: persona.name,
          "session.id": sessionId,
          err: error instanceof Error ? error.message.split("\n")[0] : String(error),
        });
      }
    } finally {
      await context?.close().catch(() => undefined);
    }
  }

  async #step<T>(
    journey: SessionJourney,
    persona: Persona,
    name: string,
    action: () => Promise<T>,
    busy: BusySignal,
  ): Promise<T> {
    const think = thinkTimeMs(persona, this.#random, this.#options.thinkScale);
    await new Promise((resolve) => setTimeout(resolve, think));
    if (this.#stopping) throw new FleetStopping("the fleet is stopping");
    if (name !== "land" && this.#random() < persona.abandonPerStep)
      throw new Abandoned(`left before ${name}`);
    for (let attempt = 0; ; attempt++) {
      await this.#pacer.acquire();
      // Stopping releases every session waiting for credit: it must not act after that.
      if (this.#isStopping()) throw new FleetStopping("the fleet is stopping");
      busy.reset();
      const started = performance.now();
      const attemptResult = await action().then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      const duration = performance.now() - started;
      this.#options.metrics.action(journey, name, duration);
      // How long a session takes per action, thinking included: sizes the pool (moving average).
      this.#cycleMs = 0.9 * this.#cycleMs + 0.1 * (think + duration);
      // Busy only when the shop said so (a 503 page or API answer) and the step did not get
      // through: a 503 on a side request of a page that worked is not the shopper's problem.
      const shedded = busy.seen() && (!attemptResult.ok || looksBusy(attemptResult.value));
      if (!shedded) {
        if (attemptResult.ok) return attemptResult.value;
        throw attemptResult.error;
      }
      this.#options.metrics.error("busy");
      if (attempt >= BUSY_RETRIES)
        throw new ShopBusy(`the shop stayed busy through ${String(attempt + 1)} tries of ${name}`);
      await new Promise((resolve) => setTimeout(resolve, busyBackoffMs(attempt, this.#random)));
      if (this.#isStopping()) throw new FleetStopping("the fleet is stopping");
    }
  }
}

// The `db.missing_index` failure mode, made real: while the flag is on, the index the catalog's
// listings and search rely on is dropped from PostgreSQL; when it turns off, the index is created
// again exactly as the migration defines it. The catalog owns this because it owns the read path
// the index serves (see catalog-repository.ts: "sold" is a per-product lookup in order_items).
//
// Only order_items_product_id_idx is dropped. The products indexes cover 128 rows, which
// PostgreSQL scans in microseconds anyway, so dropping them would change nothing measurable;
// without order_items_product_id_idx every listing scans all order items once per product row.
//
// Convergence, not commands: each run reads the flag and the schema and makes the schema match,
// so running it twice, from two replicas, or after a crash is harmless. It runs at start-up (a
// process that crashed with the index dropped, restarted with the flag off, repairs the schema),
// on every change of the flag, and on a timer (a missed change, a replica that acted on a flag
// view a few milliseconds stale). A run that failed (no connection while the pool is saturated:
// the shop sheds after 250 ms, also for this; or its lock timeout behind busy order_items) is
// retried within seconds, backing off up to the timer's interval: the fix of an incident, made
// while the pool is still full, should not wait half a minute for the next tick. Replicas
// serialise on an advisory lock, and the DDL is transactional: a crash mid-change rolls back, it
// never leaves half an index.
// The index is built without CONCURRENTLY (which cannot run in a transaction and leaves an
// invalid index behind when interrupted); on the seeded volume the build takes milliseconds,
// during which checkouts wait to insert their order items.
import { SpanStatusCode, trace } from "@opentelemetry/api";
import type { DbClient } from "@shop/db";
import { evaluateFlag, processFlags } from "@shop/flags";
import { logger } from "@shop/telemetry";
import { SCHEMA_ATTR } from "@shop/telemetry/names";

export interface ManagedIndex {
  name: string;
  /** Exactly as in packages/db/prisma/migrations (a unit test holds them equal). */
  definition: string;
}

export const MISSING_INDEX_TARGETS: readonly ManagedIndex[] = [
  {
    name: "order_items_product_id_idx",
    definition: 'CREATE INDEX "order_items_product_id_idx" ON "order_items"("product_id");',
  },
];

/** `CREATE INDEX name` -> `CREATE INDEX IF NOT EXISTS name` (the migration's own statement). */
export function createIfMissing(index: ManagedIndex): string {
  const statement = index.definition.replace(/^CREATE (UNIQUE )?INDEX /, "CREATE $1INDEX IF NOT EXISTS ");
  if (statement === index.definition) throw new Error(`not a CREATE INDEX statement: ${index.definition}`);
  return statement;
}

export interface IndexChange {
  index: string;
  action: "dropped" | "created";
}
export type ReconcileTrigger = "start" | "flag_change" | "periodic" | "retry";

const tracer = trace.getTracer("@shop/catalog-service/missing-index");
// Any constant both replicas agree on; hashtext keeps it readable in pg_locks' objid.
const LOCK_NAME = "shop.catalog.missing_index";
// DROP INDEX waits for queries running on order_items; a long wait would queue every new listing
// behind it, so give up instead and let the next run try again.
const LOCK_TIMEOUT_MS = 5_000;
const FIRST_RETRY_MS = 1_000;

export class MissingIndexReconciler {
  readonly #db: DbClient;
  readonly #targets: readonly ManagedIndex[];
  readonly #lockTimeoutMs: number;
  #queue: Promise<unknown> = Promise.resolve();
  /** The periodic timer: set while started. */
  #timer: NodeJS.Timeout | undefined;
  #intervalMs = 0;
  #retry: NodeJS.Timeout | undefined;
  #retryMs = FIRST_RETRY_MS;
  #unsubscribe: (() => void) | undefined;

  constructor(db: DbClient, options: { targets?: readonly ManagedIndex[]; lockTimeoutMs?: number } = {}) {
    this.#db = db;
    this.#targets = options.targets ?? MISSING_INDEX_TARGETS;
    this.#lockTimeoutMs = options.lockTimeoutMs ?? LOCK_TIMEOUT_MS;
  }

  /** Reconciles now, then on every change of this process's flags and every `intervalMs`. */
  async start(intervalMs: number): Promise<IndexChange[]> {
    this.#unsubscribe = processFlags()?.onChange((key) => {
      if (key === "db.missing_index") this.#runInBackground("flag_change");
    });
    this.#intervalMs = intervalMs;
    this.#timer = setInterval(() => {
      this.#runInBackground("periodic");
    }, intervalMs);
    this.#timer.unref();
    return this.reconcile("start");
  }

  /**
   * One run, after any run already queued (runs never overlap within a process). While started,
   * a failed run schedules a retry.
   */
  reconcile(trigger: ReconcileTrigger): Promise<IndexChange[]> {
    const run = this.#queue.then(() => this.#reconcileInSpan(trigger));
    this.#queue = run.then(
      () => {
        this.#retryMs = FIRST_RETRY_MS;
      },
      () => {
        this.#scheduleRetry();
      },
    );
    return run;
  }

  async stop(): Promise<void> {
    this.#unsubscribe?.();
    clearInterval(this.#timer);
    this.#timer = undefined;
    clearTimeout(this.#retry);
    this.#retry = undefined;
    await this.#queue;
  }

  #scheduleRetry() {
    if (this.#timer === undefined || this.#retry !== undefined) return;
    const delay = this.#retryMs;
    this.#retryMs = Math.min(delay * 2, this.#intervalMs);
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      this.#runInBackground("retry");
    }, delay);
    this.#retry.unref();
  }

  #runInBackground(trigger: ReconcileTrigger) {
    // Failures are logged and recorded on the run's span, and retried (see reconcile).
    this.reconcile(trigger).catch(() => undefined);
  }

  #reconcileInSpan(trigger: ReconcileTrigger): Promise<IndexChange[]> {
    return tracer.startActiveSpan("catalog.reconcile_missing_index", { root: true }, async (span) => {
      span.setAttribute(SCHEMA_ATTR.RECONCILE_TRIGGER, trigger);
      try {
        const changes = await this.#reconcileOnce();
        span.setAttribute(SCHEMA_ATTR.INDEX_CHANGES, changes.length);
        for (const change of changes) {
          span.addEvent(SCHEMA_ATTR.INDEX_CHANGE_EVENT, {
            [SCHEMA_ATTR.INDEX_NAME]: change.index,
            [SCHEMA_ATTR.INDEX_ACTION]: change.action,
          });
          logger.warn(
            { index: change.index, action: change.action, trigger },
            change.action === "dropped"
              ? `db.missing_index: dropped index ${change.index}`
              : `db.missing_index: restored index ${change.index}`,
          );
        }
        return changes;
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: error instanceof Error ? error.message : String(error),
        });
        logger.error(
          { err: error, trigger },
          "db.missing_index: reconciling the schema failed; retrying shortly",
        );
        throw error;
      } finally {
        span.end();
      }
    });
  }

  async #reconcileOnce(): Promise<IndexChange[]> {
    return this.#db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`set local lock_timeout = ${String(this.#lockTimeoutMs)}`);
        await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${LOCK_NAME}))`;
        // Read under the lock: whoever runs last acts on the newest view of the flag.
        const wantDropped = await evaluateFlag("db.missing_index");
        const names = this.#targets.map((index) => index.name);
        const present = new Set(
          (
            await tx.$queryRaw<{ indexname: string }[]>`
              select indexname from pg_indexes where schemaname = current_schema() and indexname = any(${names})`
          ).map((row) => row.indexname),
        );
        const changes: IndexChange[] = [];
        for (const index of this.#targets) {
          if (wantDropped && present.has(index.name)) {
            await tx.$executeRawUnsafe(`DROP INDEX IF EXISTS "${index.name}"`);
            changes.push({ index: index.name, action: "dropped" });
          } else if (!wantDropped && !present.has(index.name)) {
            await tx.$executeRawUnsafe(createIfMissing(index));
            changes.push({ index: index.name, action: "created" });
          }
        }
        return changes;
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
  }
}

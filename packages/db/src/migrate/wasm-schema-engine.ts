// Prisma's schema engine compiled to WebAssembly, talking to PostgreSQL through @prisma/adapter-pg.
// This is what lets an air-gapped machine (binaries.prisma.sh unreachable, so no native engine)
// run the same migrations as `prisma migrate deploy`: the engine is the same Rust code, writes the
// same `_prisma_migrations` rows and checksums, so both paths can take turns on one database.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import type { SqlQuery, SqlQueryable } from "@prisma/driver-adapter-utils";
import type { ConstructorOptions, SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";

// Node has WebAssembly built in; TypeScript types it only in the DOM/worker libs, which server code
// does not load. This is the one call we make.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, unknown>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

export type { SchemaEngine };

// The wasm-bindgen glue module: the engine class (typed by the package's main entry) and the
// hook that hands it the instantiated WebAssembly exports.
interface WasmBindings {
  SchemaEngine: {
    new: (
      options: ConstructorOptions,
      onLog: (line: string) => void,
      adapter: object,
    ) => Promise<SchemaEngine>;
  };
  __wbg_set_wasm(exports: Record<string, unknown>): void;
}

let bindings: Promise<WasmBindings> | undefined;

// The package's own entry imports the .wasm file as an ES module, which Node only allows behind
// --experimental-wasm-modules; instantiating it by hand works on every Node 24.
async function loadBindings(): Promise<WasmBindings> {
  installPanicRegistry();
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as WasmBindings;
  const glueFile = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await readFile(path.join(path.dirname(glueFile), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

// A Rust panic inside the engine reports its message through this global, then aborts with a bare
// "RuntimeError: unreachable" (the Prisma CLI installs the same hook). Print the message: it is
// the only account of what went wrong.
function installPanicRegistry() {
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message: string) {
      console.error(`[schema-engine panic] ${message}`);
    },
  };
}

export interface WasmSchemaEngine {
  engine: SchemaEngine;
  close: () => Promise<void>;
}

// PostgreSQL's internal one-byte `"char"` type (OID 18: pg_constraint.contype, pg_class.relkind)
// appears in the catalog queries the engine runs to describe a database. adapter-pg 7.10 maps no
// column type to it and throws "Column type 'char' could not be deserialized", while the engine
// wants it typed as Character. So: the pg client below reports such columns as text (which
// adapter-pg accepts) and remembers their positions against the result's row array, which
// adapter-pg hands back untouched; the adapter wrapper then retypes them as Character.
// Used only for the schema engine's own connections, never by the application's client.
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const charColumnsByRows = new WeakMap<unknown[], number[]>();

function relabelCharColumns(result: pg.QueryResult | undefined) {
  if (!result?.fields) return result;
  const positions: number[] = [];
  result.fields.forEach((field, index) => {
    if (field.dataTypeID === PG_CHAR_OID) {
      field.dataTypeID = PG_TEXT_OID;
      positions.push(index);
    }
  });
  if (positions.length > 0) charColumnsByRows.set(result.rows, positions);
  return result;
}

type Callback = (error: Error | null, result?: pg.QueryResult) => void;

class SchemaEngineClient extends pg.Client {
  // pg.Pool calls query() with a trailing callback; direct callers get a promise.
  override query(...args: unknown[]): never {
    const run = super.query.bind(this) as (...a: unknown[]) => unknown;
    const last = args.at(-1);
    if (typeof last === "function") {
      const callback = last as Callback;
      return run(...args.slice(0, -1), (error: Error | null, result?: pg.QueryResult) => {
        callback(error, relabelCharColumns(result));
      }) as never;
    }
    const result = run(...args);
    return (result instanceof Promise ? result.then(relabelCharColumns) : result) as never;
  }
}

function retypeCharColumns<T extends SqlQueryable>(queryable: T): T {
  return new Proxy(queryable, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property === "queryRaw") {
        return async (query: SqlQuery) => {
          const result = await target.queryRaw(query);
          for (const index of charColumnsByRows.get(result.rows) ?? []) {
            result.columnTypes[index] = ColumnTypeEnum.Character;
          }
          return result;
        };
      }
      if (property === "startTransaction" && typeof value === "function") {
        return async (...args: unknown[]) =>
          retypeCharColumns(await (value as (...a: unknown[]) => Promise<SqlQueryable>).apply(target, args));
      }
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

interface Disposable {
  dispose(): Promise<void>;
}

/**
 * Opens the WASM schema engine on one database. `close()` frees the engine and ends every
 * connection it opened (the engine never closes its adapters itself).
 */
export async function openWasmSchemaEngine(options: {
  connectionString: string;
  schemaFiles: { path: string; content: string }[];
}): Promise<WasmSchemaEngine> {
  bindings ??= loadBindings();
  const { SchemaEngine } = await bindings;

  const opened: Disposable[] = [];
  const adapterFactory = new PrismaPg({
    connectionString: options.connectionString,
    max: 2,
    Client: SchemaEngineClient,
  });
  const tracked = {
    provider: "postgres" as const,
    adapterName: adapterFactory.adapterName,
    async connect() {
      const adapter = await adapterFactory.connect();
      opened.push(adapter);
      return retypeCharColumns(adapter);
    },
    async connectToShadowDb() {
      const adapter = await adapterFactory.connectToShadowDb();
      opened.push(adapter);
      return retypeCharColumns(adapter);
    },
  };
  const factory = bindMigrationAwareSqlAdapterFactory(tracked);

  const engine = await SchemaEngine.new(
    { datamodels: options.schemaFiles.map((file) => [file.path, file.content]) },
    // The engine's own tracing (JSON lines); errors reach us as rejected promises instead.
    () => undefined,
    factory,
  );

  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
    },
  };
}

/**
 * DuckDB, loaded only when asked for (`--engine duckdb`): @duckdb/node-api is an optional
 * dependency, so a platform without its native binary still installs Mizan, and is told so here.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export type DuckRow = Record<string, unknown>;

export type Cell = number | string | null;

/** What the engine asks of DuckDB: on this thread (openDuck) or on a worker thread (duckdb-thread.ts). */
export interface Duck {
  rows(sql: string): Promise<DuckRow[]>;
  /** The rows as arrays of cells, in the query's column order. */
  arrays(sql: string): Promise<unknown[][]>;
  run(sql: string): Promise<void>;
  /** Appends rows to a table (typed cells: number, string or null). */
  append(table: string, rows: Iterable<readonly Cell[]>): Promise<void>;
  close(): void;
}

/** DuckDB on this thread, its connection at hand (the tests use it directly). */
export interface DirectDuck extends Duck {
  readonly connection: DuckDBConnection;
}

export type Opened = { ok: true; duck: DirectDuck } | { ok: false; message: string };

export const DUCKDB_MISSING =
  'the DuckDB engine needs the optional package @duckdb/node-api, which is not installed here (npm skips it on a platform it has no build for). Install it with "npm install @duckdb/node-api", or leave out --engine duckdb to use the JavaScript engine (a .parquet file needs DuckDB: convert it to CSV first).';

/**
 * The package. MIZAN_DUCKDB_MODULE names another module instead: the tests point it at a
 * package that does not exist to see the message a platform without DuckDB gets.
 */
const loadApi = (): Promise<unknown> =>
  process.env.MIZAN_DUCKDB_MODULE
    ? import(process.env.MIZAN_DUCKDB_MODULE)
    : // A literal name, so the command's bundle holds the package's JavaScript (build/cli-bundle.mjs).
      import('@duckdb/node-api');

/** Opens an in-memory DuckDB, or says why it cannot. */
export async function openDuck(): Promise<Opened> {
  let api: typeof import('@duckdb/node-api');
  try {
    const loaded = (await loadApi()) as Partial<typeof api> & { default?: typeof api };
    // Bundled, the package is a CommonJS module behind `default`; imported by Node, its names are at the top.
    api = (loaded.DuckDBInstance ? loaded : loaded.default) as typeof api;
  } catch (error) {
    return { ok: false, message: `${DUCKDB_MISSING} (${(error as Error).message.split('\n')[0]})` };
  }
  const instance = await api.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const duck: DirectDuck = {
    connection,
    rows: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as DuckRow[],
    arrays: async (sql) => (await connection.runAndReadAll(sql)).getRowsJS(),
    run: async (sql) => {
      await connection.run(sql);
    },
    append: async (table, rows) => {
      const appender = await connection.createAppender(table);
      for (const row of rows) {
        for (const v of row) {
          if (v === null) appender.appendNull();
          else if (typeof v === 'number') appender.appendDouble(v);
          else appender.appendVarchar(v);
        }
        appender.endRow();
      }
      appender.closeSync();
    },
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
  return { ok: true, duck };
}

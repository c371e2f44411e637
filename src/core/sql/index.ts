/** Compiling the report plan to SQL (DuckDB, BigQuery): see compile.ts. */

export * from './check';
export * from './compile';
export * from './dialect';
export * from './from-report';

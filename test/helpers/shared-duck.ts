/**
 * One DuckDB connection for a test file: opened before its tests, closed after them. The value
 * returned stands for the connection (its methods reach the one opened in beforeAll).
 */
import { afterAll, beforeAll } from 'vitest';
import { type DirectDuck, openDuck } from '../../src/cli/duckdb';

export function sharedDuck(): DirectDuck {
  let opened: DirectDuck | null = null;
  beforeAll(async () => {
    const result = await openDuck();
    if (!result.ok) throw new Error(result.message);
    opened = result.duck;
  });
  afterAll(() => opened?.close());
  return new Proxy({} as DirectDuck, {
    get(_target, name) {
      if (opened === null) throw new Error('DuckDB is opened in beforeAll: use it inside a test');
      const value = Reflect.get(opened, name);
      return typeof value === 'function' ? value.bind(opened) : value;
    },
  });
}

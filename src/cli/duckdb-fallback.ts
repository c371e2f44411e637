/**
 * How the DuckDB engine gives up on a file: a Fallback thrown anywhere in it ends in the JavaScript
 * engine reading the file, its message the report's note of why.
 */
export class Fallback extends Error {}

export const fallback = (reason: string): never => {
  throw new Fallback(reason);
};

/** An error's first line, for a note. */
export const firstLine = (error: unknown) => String((error as Error).message ?? error).split('\n')[0];

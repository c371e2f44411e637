/**
 * The one way the sidebar talks to the server: a typed promise over google.script.run.
 * Argument and result types are the shared ones (src/shared/rpc.ts), so a change on either side
 * is a type error on the other.
 */
import type { ReportRpc } from '../shared/rpc';

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRunner } };

/** Calls a server function by name; rejects with an Error when it throws or cannot be reached. */
export function callServer(name: string, ...args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler(resolve)
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(`No server function ${name}`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

/** The report RPC, typed. */
export function call<K extends keyof ReportRpc>(
  name: K,
  ...args: Parameters<ReportRpc[K]>
): Promise<ReturnType<ReportRpc[K]>> {
  return callServer(name, ...args) as Promise<ReturnType<ReportRpc[K]>>;
}

/** What panels get: the typed report calls, and the untyped door for their own functions. */
export interface SidebarRpc {
  readonly call: typeof call;
  readonly callServer: typeof callServer;
}

export const rpc: SidebarRpc = { call, callServer };

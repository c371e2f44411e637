/**
 * Loads the report engine (dist/Engine.html, built from engine.ts) into this execution, once.
 * It is an HTML file, not a .gs file, because Apps Script evaluates every .gs file before every
 * call, custom functions included; an HTML file is only read when asked (docs/architecture.md).
 */
import type { rpc } from './engine';

/** The engine's file in the project (createHtmlOutputFromFile takes the name without ".html"). */
export const ENGINE_FILE = 'Engine';
/** The global the engine's IIFE assigns (build.mjs). */
export const ENGINE_GLOBAL = 'MizanEngine';

export type EngineRpc = typeof rpc;

let loaded: EngineRpc | undefined;

/**
 * The engine's RPC functions. The file's text is `var MizanEngine=(()=>{…})();`: evaluated
 * through `new Function` it stays local, and the function returns it (no global to clash with).
 */
export function engine(): EngineRpc {
  if (!loaded) {
    const text = HtmlService.createHtmlOutputFromFile(ENGINE_FILE).getContent();
    const mod = new Function(`${text}\nreturn ${ENGINE_GLOBAL};`)() as { rpc?: EngineRpc } | undefined;
    if (!mod?.rpc) throw new Error(`Mizan: ${ENGINE_FILE}.html did not define the report engine`);
    loaded = mod.rpc;
  }
  return loaded;
}

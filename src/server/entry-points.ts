/**
 * The add-on's own entry points in Code.js (menu, lifecycle), by their Apps Script name.
 * main.ts spreads them into `entryPoints`; the build turns each into a top-level function.
 * They never load the report engine: the menu must work in AuthMode.NONE and open fast. The
 * sidebar's RPC lives in engine.ts (dist/Engine.html) and is reached through load-engine.ts.
 */
import { onInstall, onOpen, showFunctionsHelp, showSidebar, showTemplates } from './menu';

export const addonEntryPoints = {
  onOpen,
  onInstall,
  showSidebar,
  showTemplates,
  showFunctionsHelp,
};

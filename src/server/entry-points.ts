/**
 * The add-on's own entry points (menu, lifecycle, sidebar RPC), by their Apps Script name.
 * main.ts spreads them into `entryPoints`; the build turns each into a top-level function.
 */
import { onInstall, onOpen, showFunctionsHelp, showSidebar, showTemplates } from './menu';
import { refreshRpc } from './refresh-rpc';
import { reportRpc } from './report-rpc';

export const addonEntryPoints = {
  onOpen,
  onInstall,
  showSidebar,
  showTemplates,
  showFunctionsHelp,
  ...reportRpc,
  ...refreshRpc,
};

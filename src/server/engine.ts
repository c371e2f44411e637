/**
 * The report engine's entry: everything only the sidebar's RPC needs (report engine, Sheets
 * writer, template store). The build makes it dist/Engine.html, a file Apps Script does not
 * evaluate unless asked, so custom functions never pay for it; Code.js's RPC stubs load it on
 * first use in an execution (load-engine.ts).
 */
import { refreshRpc } from './refresh-rpc';
import { reportRpc } from './report-rpc';
import { templateRpc } from './template-rpc';

/** The sidebar's server functions, by their Apps Script name. */
export const rpc = {
  ...reportRpc,
  ...refreshRpc,
  ...templateRpc,
};

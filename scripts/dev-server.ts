/**
 * `npm run dev`: the built sidebar (dist/Sidebar.html) in a normal browser, with a
 * `google.script.run` shim that calls the server code in this process against the in-memory
 * fake spreadsheet, loaded with an example campaign sheet. Arguments and results go through
 * JSON both ways, as google.script.run does.
 *
 *   GET  /                  the sidebar (?panel=help|templates to open another panel)
 *   POST /rpc/<name>        an entry point, with the JSON array of arguments
 *   GET  /report[?sheet=…]  a tab's cells as JSON (formulas evaluated by HyperFormula)
 *   GET  /inspect[?sheet=…&lang=…]  the tab as Sheets would show it: values through their number
 *                           formats, colours from the conditional rules, frozen rows, direction
 *   POST /dev/reset         a fresh spreadsheet: {csv?, csvText?, locale?, sheetName?, extraSheets?, csvSheets?}
 *
 * Options: --port N (default 8787, 0 for any), --csv path, --locale fa_IR.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { rpc } from '../src/server/engine';
import { entryPoints } from '../src/server/main';
import { csvToSheetValues, readCsvSheet } from '../test/fakes/csv-sheet';
import { type FakeSheet, FakeWorld } from '../test/fakes/spreadsheet';
import { evaluateWorld } from '../test/server/evaluate';
import { inspectHtml, shownSheet } from './inspect-page';

const ROOT = new URL('../', import.meta.url);
const SIDEBAR = new URL('dist/Sidebar.html', ROOT);
const DEFAULT_CSV = existsSync(new URL('examples/campaigns-en.csv', ROOT))
  ? new URL('examples/campaigns-en.csv', ROOT)
  : new URL('test/fixtures/campaigns/google-ads-en.csv', ROOT);

export interface WorldSpec {
  /** A CSV file path (relative to the repository) or its text. */
  readonly csv?: string;
  readonly csvText?: string;
  readonly locale?: string;
  readonly sheetName?: string;
  /** More (empty) tabs, so the source picker has a choice. */
  readonly extraSheets?: readonly string[];
  /** More tabs with a CSV file's cells (path relative to the repository), e.g. a path export. */
  readonly csvSheets?: readonly { readonly name: string; readonly csv: string }[];
}

/** The shim: google.script.run as a chain of handlers whose calls go to POST /rpc/<name>. */
const SHIM = `<script>
(function () {
  function runner(ok, fail) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === 'withSuccessHandler') return function (f) { return runner(f, fail); };
        if (name === 'withFailureHandler') return function (f) { return runner(ok, f); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/rpc/' + encodeURIComponent(name), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) })
            .then(function (r) { return r.json(); })
            .then(function (m) { if (m.ok) { ok && ok(m.value); } else { fail && fail(new Error(m.error)); } })
            .catch(function (e) { fail && fail(e); });
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () {} } } };
})();
</script>`;

export class DevServer {
  world!: FakeWorld;
  private server: Server | null = null;

  constructor(spec: WorldSpec = {}) {
    this.reset(spec);
  }

  reset(spec: WorldSpec): void {
    const values = spec.csvText
      ? csvToSheetValues(spec.csvText)
      : readCsvSheet(spec.csv ? new URL(spec.csv, ROOT) : DEFAULT_CSV);
    const sidebar = existsSync(SIDEBAR) ? readFileSync(SIDEBAR, 'utf8') : '<p>Run npm run build first.</p>';
    this.world = new FakeWorld({
      locale: spec.locale ?? 'en_US',
      sheets: [
        { name: spec.sheetName ?? 'Campaigns', values },
        ...(spec.extraSheets ?? []).map((name) => ({ name })),
        ...(spec.csvSheets ?? []).map((s) => ({ name: s.name, values: readCsvSheet(new URL(s.csv, ROOT)) })),
      ],
      htmlFiles: { Sidebar: sidebar },
    }).install();
  }

  sheet(name: string | null): FakeSheet {
    return name ? this.world.sheet(name) : this.world.active;
  }

  /** A tab as JSON: every cell's value, formula, evaluated value and look. */
  report(name: string | null) {
    const sheet = this.sheet(name);
    const evaluated = evaluateWorld(this.world).get(sheet.name) ?? [];
    return {
      sheets: this.world.sheets.map((s) => s.name),
      active: this.world.active.name,
      name: sheet.name,
      rightToLeft: sheet.rightToLeft,
      frozenRows: sheet.frozenRows,
      rules: sheet.rules.length,
      charts: sheet.charts.map((c) => ({ type: c.type, title: c.options.title, ranges: c.ranges })),
      cells: sheet.snapshot().map((line, r) =>
        line.map((c, col) => ({
          value: c.value instanceof Date ? c.value.toISOString() : c.value,
          formula: c.formula,
          evaluated: evaluated[r]?.[col] ?? null,
          format: c.format,
          bold: c.fontWeight === 'bold',
          background: c.background,
          color: c.fontColor,
        })),
      ),
    };
  }

  /** The /inspect page: the tab as Sheets would show it (scripts/inspect-page.ts). */
  inspectPage(name: string | null, lang: string | null = null): string {
    const sheet = this.sheet(name);
    const evaluated = evaluateWorld(this.world).get(sheet.name) ?? [];
    return inspectHtml(
      shownSheet(sheet, evaluated, lang),
      this.world.sheets.map((s) => s.name),
    );
  }

  private async body(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? JSON.parse(text) : null;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      res.end(body);
    };
    try {
      if (req.method === 'GET' && url.pathname === '/') {
        const panel = url.searchParams.get('panel');
        let html = existsSync(SIDEBAR) ? readFileSync(SIDEBAR, 'utf8') : '<p>Run npm run build first.</p>';
        if (panel && /^[a-z]+$/.test(panel))
          html = html.replace('data-panel="report"', `data-panel="${panel}"`);
        send(200, 'text/html', html.replace('</head>', `${SHIM}</head>`));
      } else if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) {
        const name = decodeURIComponent(url.pathname.slice(5));
        // The menu's entry points and the sidebar's RPC (the engine Code.js loads on demand).
        const fn = (entryPoints[name] ?? (rpc as Record<string, unknown>)[name]) as
          | ((...args: unknown[]) => unknown)
          | undefined;
        const args = (await this.body(req)) as unknown[];
        if (!fn)
          return send(404, 'application/json', JSON.stringify({ ok: false, error: `No function ${name}` }));
        try {
          // This server's spreadsheet, even when another DevServer in this process installed its own.
          this.world.install();
          // JSON both ways, as google.script.run serialises arguments and results.
          const value = fn(...JSON.parse(JSON.stringify(args ?? [])));
          send(
            200,
            'application/json',
            JSON.stringify({ ok: true, value: value === undefined ? null : value }),
          );
        } catch (e) {
          send(
            200,
            'application/json',
            JSON.stringify({ ok: false, error: e instanceof Error ? e.message : String(e) }),
          );
        }
      } else if (req.method === 'GET' && url.pathname === '/report') {
        send(200, 'application/json', JSON.stringify(this.report(url.searchParams.get('sheet'))));
      } else if (req.method === 'GET' && url.pathname === '/inspect') {
        send(200, 'text/html', this.inspectPage(url.searchParams.get('sheet'), url.searchParams.get('lang')));
      } else if (req.method === 'POST' && url.pathname === '/dev/reset') {
        this.reset(((await this.body(req)) ?? {}) as WorldSpec);
        send(200, 'application/json', JSON.stringify({ ok: true }));
      } else {
        send(404, 'text/plain', 'not found');
      }
    } catch (e) {
      send(500, 'text/plain', e instanceof Error ? (e.stack ?? e.message) : String(e));
    }
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve) => {
      const server = createServer((req, res) => void this.handle(req, res));
      this.server = server;
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const csv = arg('csv');
  const locale = arg('locale');
  const dev = new DevServer({
    ...(csv ? { csv } : {}),
    ...(locale ? { locale } : {}),
    extraSheets: ['Notes'],
  });
  const port = await dev.listen(Number(arg('port') ?? 8787));
  console.log(`Mizan sidebar: http://127.0.0.1:${port}/   report tab: http://127.0.0.1:${port}/inspect`);
}

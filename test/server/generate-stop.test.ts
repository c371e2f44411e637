/**
 * A build (Generate) stopped at the time limit (issue 10, bug 6), on the fake spreadsheet with
 * the real engine: the run is stopped at every single Spreadsheet call in turn (that call and
 * every later one fail, so no catch or finally runs), then the next run's recovery must leave the
 * old report or the whole new one, never neither, never half of one, never two; the next build
 * or refresh must then work; and the user's tabs, including ones named like the report or like
 * Mizan's temporary tabs, are never deleted or changed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { listReportTabs, refreshReport } from '../../src/server/refresh-rpc';
import { generateReport } from '../../src/server/report-rpc';
import { BUILDING_KEY, REWRITING_KEY, recoverInterrupted, STAGED_KEY } from '../../src/server/report-swap';
import { REPORT_KEY } from '../../src/server/report-writer';
import type { GenerateRequest } from '../../src/shared/rpc';
import { readCsvSheet } from '../fakes/csv-sheet';
import { FakeWorld, uninstallFakes } from '../fakes/spreadsheet';
import { STOPPED, stopAtCall } from './stop-run';

const GRID = readCsvSheet(new URL('../../examples/campaigns-en.csv', import.meta.url));
/** Generous: the loops run a few hundred builds, and the machine may be shared; speed is benched. */
const LONG = 600_000;

afterEach(() => uninstallFakes());

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r).slice(0, 800)}`);
  return r as Extract<T, { ok: true }>;
}

/** The user's own tabs; with `lookalikes`, one named like the report and one like a temporary tab. */
const USER_TABS = ['My notes'];
const LOOKALIKES = ['KPI report – Campaigns', '~Mizan building notes'];

function setUp(lookalikes: boolean): FakeWorld {
  const w = new FakeWorld({ sheets: [{ name: 'Campaigns', values: GRID }], locale: 'en_US' }).install();
  const names = lookalikes ? [...USER_TABS, ...LOOKALIKES] : USER_TABS;
  for (const name of names) w.addUserSheet(name, [[`${name}: mine`, 1200, '=B1*2']]);
  return w;
}

const build = (formulas: 'live' | 'values', placement: 'update' | 'new' = 'update'): GenerateRequest => ({
  sheetId: 0,
  lang: 'en',
  formulas,
  placement,
  templateId: null,
});

const cells = (w: FakeWorld, name: string): string => JSON.stringify(w.sheet(name).snapshot());
const names = (w: FakeWorld): string[] => w.sheets.map((s) => s.name);

/** The source and every tab that is not Mizan's, as they are: nothing of them may change. */
function userState(w: FakeWorld): string {
  const reports = new Set(w.metadata.filter((m) => m.key === REPORT_KEY).map((m) => m.sheet));
  return JSON.stringify(w.sheets.filter((s) => !reports.has(s)).map((s) => [s.id, s.name, s.snapshot()]));
}

/** What only a swap in progress carries; none of it may be left once a run has recovered. */
const swapMarks = (w: FakeWorld) =>
  w.metadata.filter((m) => [BUILDING_KEY, STAGED_KEY, REWRITING_KEY].includes(m.key)).map((m) => m.key);

/** Runs a build stopped at its n-th call, as Apps Script would end it, then starts the next run. */
function stoppedBuild(w: FakeWorld, n: number, request: GenerateRequest): void {
  const nextRun = stopAtCall(w, n);
  try {
    generateReport(request); // a stop inside a try may still end with an answer (write-failed)
  } catch (e) {
    expect((e as Error).message).toBe(STOPPED);
  }
  nextRun();
}

describe('a build stopped at the time limit (issue 10, bug 6)', () => {
  it(
    'a first report, into a new tab: after any stop there is no report or the whole one, and the next build makes it',
    () => {
      const probe = setUp(false);
      const before = names(probe);
      probe.log.reset();
      const made = ok(generateReport(build('live')));
      const total = probe.log.count;
      const report = cells(probe, made.sheetName);
      const after = names(probe);
      expect(after).toEqual(['Campaigns', made.sheetName, 'My notes']);

      const seen = { none: 0, whole: 0 };
      for (let n = 1; n <= total; n++) {
        const w = setUp(false);
        const users = userState(w);
        stoppedBuild(w, n, build('live'));
        recoverInterrupted(w.spreadsheet as unknown as Spreadsheet);
        const now = names(w);
        expect([before, after], `tabs after a stop at call ${n}: ${now.join(', ')}`).toContainEqual(now);
        if (now.length === after.length) {
          expect(cells(w, made.sheetName), `the report after a stop at call ${n}`).toBe(report);
          seen.whole++;
        } else seen.none++;
        expect(swapMarks(w), `marks left after a stop at call ${n}`).toEqual([]);
        expect(userState(w), `user tabs after a stop at call ${n}`).toBe(users);
        // The next build finishes the job: one report, the whole one.
        const next = ok(generateReport(build('live')));
        expect(next.sheetName).toBe(made.sheetName);
        expect(names(w), `tabs after the next build (stop at ${n})`).toEqual(after);
        expect(cells(w, made.sheetName)).toBe(report);
        expect(userState(w)).toBe(users);
      }
      expect(seen.none).toBeGreaterThan(0);
      expect(seen.whole).toBeGreaterThan(0);
    },
    LONG,
  );

  it(
    'an update of the report tab, next to tabs named like it: after any stop the old report or the whole new one, and the next build or refresh works',
    () => {
      const probe = setUp(true);
      const first = ok(generateReport(build('values')));
      // A user tab has the report's name, so Mizan's report is "(2)" (and must stay so).
      expect(first.sheetName).toBe('KPI report – Campaigns (2)');
      const tabs = names(probe);
      const oldReport = cells(probe, first.sheetName);
      probe.log.reset();
      const second = ok(generateReport(build('live')));
      const total = probe.log.count;
      expect(second).toMatchObject({ sheetName: first.sheetName, replaced: true });
      expect(names(probe)).toEqual(tabs);
      const newReport = cells(probe, first.sheetName);
      expect(newReport).not.toBe(oldReport);

      const seen = { old: 0, new: 0 };
      for (let n = 1; n <= total; n++) {
        const w = setUp(true);
        ok(generateReport(build('values')));
        const users = userState(w);
        stoppedBuild(w, n, build('live'));
        recoverInterrupted(w.spreadsheet as unknown as Spreadsheet);
        // Same tabs, in the same places: no report lost, none doubled, no temporary tab left.
        expect(names(w), `tabs after a stop at call ${n}`).toEqual(tabs);
        const report = cells(w, first.sheetName);
        expect([oldReport, newReport], `the report after a stop at call ${n}`).toContain(report);
        if (report === oldReport) seen.old++;
        else seen.new++;
        expect(w.metadata.filter((m) => m.key === REPORT_KEY)).toHaveLength(1);
        expect(swapMarks(w), `marks left after a stop at call ${n}`).toEqual([]);
        expect(userState(w), `user tabs after a stop at call ${n}`).toBe(users);

        // The next run: a build (even n) or a refresh of the listed tab (odd n).
        if (n % 2 === 0) {
          expect(ok(generateReport(build('live'))).sheetName).toBe(first.sheetName);
          expect(cells(w, first.sheetName)).toBe(newReport);
        } else {
          const listed = listReportTabs('en');
          expect(listed.map((t) => t.name)).toEqual([first.sheetName]);
          ok(refreshReport(listed[0]?.sheetId ?? -1));
          // The tab's recipe is the one of the report it holds: refreshed, it is that report again.
          expect(cells(w, first.sheetName)).toBe(report);
        }
        expect(names(w)).toEqual(tabs);
        expect(userState(w)).toBe(users);
      }
      // Stops before the old tab gives way keep it; stops after complete the new one.
      expect(seen.old).toBeGreaterThan(0);
      expect(seen.new).toBeGreaterThan(0);
    },
    LONG,
  );

  it(
    'a stop while the next run recovers is recovered by the run after it',
    () => {
      // Stop a build after its old tab gave way (deleteSheet of the old tab), then stop the
      // recovery at each of its calls: the run after must still end with the whole new report.
      const probe = setUp(true);
      const first = ok(generateReport(build('values')));
      ok(generateReport(build('live')));
      const newReport = cells(probe, first.sheetName);
      const tabs = names(probe);

      // Find the call at which the old tab is deleted in a full update.
      const w0 = setUp(true);
      ok(generateReport(build('values')));
      const base = w0.log.count;
      ok(generateReport(build('live')));
      const deletions = w0.log.calls.filter((c) => c.n > base && c.method === 'deleteSheet');
      const at = (deletions[0]?.n ?? 0) - base;
      expect(at).toBeGreaterThan(0);

      let recoveryCalls = 0;
      for (let m = 1; m <= 200; m++) {
        const w = setUp(true);
        ok(generateReport(build('values')));
        stoppedBuild(w, at + 1, build('live')); // the old tab is gone, the copy not yet renamed
        expect(names(w)).not.toContain(first.sheetName);
        const start = w.log.count;
        const nextRun = stopAtCall(w, m);
        try {
          recoverInterrupted(w.spreadsheet as unknown as Spreadsheet);
          recoveryCalls = w.log.count - start;
        } catch (e) {
          expect((e as Error).message).toBe(STOPPED);
        }
        nextRun();
        recoverInterrupted(w.spreadsheet as unknown as Spreadsheet);
        expect(names(w), `recovery stopped at its call ${m}`).toEqual(tabs);
        expect(cells(w, first.sheetName)).toBe(newReport);
        expect(swapMarks(w)).toEqual([]);
        if (recoveryCalls > 0 && m > recoveryCalls) break;
      }
      expect(recoveryCalls).toBeGreaterThan(0);
    },
    LONG,
  );
  it('a tab the user makes with the report name while a build is stopped is kept; the report takes a free name', () => {
    const w = setUp(false);
    const first = ok(generateReport(build('values')));
    const base = w.log.count;
    ok(generateReport(build('live')));
    const newReport = cells(w, first.sheetName);
    const deleted = w.log.calls.find((c) => c.n > base && c.method === 'deleteSheet');
    const at = (deleted?.n ?? 0) - base;
    expect(at).toBeGreaterThan(0);

    const v = setUp(false);
    ok(generateReport(build('values')));
    stoppedBuild(v, at + 1, build('live')); // stopped right after the old tab was deleted
    const mine = v.addUserSheet(first.sheetName, [['mine']]);
    const minePrint = JSON.stringify(mine.snapshot());
    recoverInterrupted(v.spreadsheet as unknown as Spreadsheet);
    expect(JSON.stringify(mine.snapshot())).toBe(minePrint);
    expect(names(v)).toEqual(['Campaigns', `${first.sheetName} (2)`, 'My notes', first.sheetName]);
    expect(cells(v, `${first.sheetName} (2)`)).toBe(newReport);
    expect(swapMarks(v)).toEqual([]);
  });
});

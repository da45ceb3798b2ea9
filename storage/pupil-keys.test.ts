import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readReport, readReportTable } from '../rules/attendance-report';
import { openDb, type MarkwiseDb } from './db';
import { MarkwiseStore } from './store';

const opened: MarkwiseDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

function makeStore() {
  const db = openDb(`markwise-keys-${crypto.randomUUID()}`);
  opened.push(db);
  return { db, store: new MarkwiseStore(db, { defaultPolicyId: 'dfe', now: () => new Date('2025-11-26T09:00:00Z') }) };
}

const A = 'https://a.example';
const B = 'https://b.example';
const byId = (pupilId: string, attendance: number, upn: string | null = null) => ({ upn, pupilId, name: `Pupil ${pupilId}`, attendance, possible: null, attended: null, authorised: null, unauthorised: null });

describe('pupils without a UPN are kept by site and MIS id', () => {
  it('a report matched by MIS id is for its one site: the same id on another site, and a UPN spelt like it, are other pupils', async () => {
    const { store } = makeStore();
    expect(await store.importReport([byId('1093', 75)], '2025-11-24', 'a.csv', A)).toEqual({ imported: 1, keptNewer: 0 });
    expect((await store.siteReportFiguresFor(A, ['1093'])).get('1093')).toMatchObject({ site: A, pupilId: '1093', upn: null, attendance: 75, source: 'a.csv' });
    expect((await store.siteReportFiguresFor(B, ['1093'])).size).toBe(0);
    expect((await store.reportFiguresFor(['1093'])).size).toBe(0);
    // The same id on site B is another pupil: both kept.
    await store.importReport([byId('1093', 50)], '2025-11-24', 'b.csv', B);
    expect((await store.siteReportFiguresFor(A, ['1093'])).get('1093')?.attendance).toBe(75);
    expect((await store.siteReportFiguresFor(B, ['1093'])).get('1093')?.attendance).toBe(50);
    // An older report for the site leaves the newer figure; the summary counts both kinds.
    expect(await store.importReport([byId('1093', 10)], '2025-11-10', 'old.csv', A)).toEqual({ imported: 0, keptNewer: 1 });
    expect(await store.reportFiguresSummary()).toEqual({ pupils: 2, newestAsOf: '2025-11-24' });
    // A figure without the key it is matched by is refused, not stored under nothing.
    await expect(store.importReport([byId('1', 1)].map((f) => ({ ...f, pupilId: undefined })), '2025-11-24', 'x.csv', A)).rejects.toThrow(/no key/);
  });

  it("a threshold crossed by a pupil shown without a UPN is kept per site: the same MIS id on two sites is two pupils", async () => {
    const { store } = makeStore();
    const crossing = { rule: 'penalty-threshold' as const, upn: '1093', pupilId: '1093', name: 'Ada', date: '2025-11-24', what: 'w', action: 'a' };
    await store.recordThresholds(A, [crossing]);
    await store.recordThresholds(B, [{ ...crossing, name: 'Bea' }]);
    // A pupil with the UPN 1093 (were there one) is a third.
    await store.recordThresholds(A, [{ ...crossing, pupilId: undefined, name: 'Cal' }]);
    const seen = await store.thresholdsSeen();
    expect(seen.map((t) => [t.key, t.name]).sort()).toEqual([
      ['penalty-threshold|1093|2025-11-24', 'Cal'],
      [`penalty-threshold|${A}|1093|2025-11-24`, 'Ada'],
      [`penalty-threshold|${B}|1093|2025-11-24`, 'Bea'],
    ]);
  });

  it('a report read by MIS id needs that column, names an empty or repeated id by line, and skips the UPN check letter when there is no UPN', () => {
    const read = readReportTable('Student ID,Name,%\n1093,Ada,90\n,Ben,80\n1093,Cal,70\n');
    if (!read.ok) throw new Error('unreadable');
    const table = read.table;
    expect(readReport(table, { name: 1, percentage: 2 }, '2025-11-24', '2025-11-26', 'pupilId')).toEqual({ ok: false, problems: [{ line: null, column: null, message: "no column is the MIS's pupil id" }] });
    const result = readReport(table, { pupilId: 0, name: 1, percentage: 2 }, '2025-11-24', '2025-11-26', 'pupilId');
    expect(result.ok ? [] : result.problems.map((p) => `${p.line} ${p.column}: ${p.message}`)).toEqual([
      "3 Student ID: is empty (every pupil needs the MIS's id, to match the pupil on that site's pages)",
      '4 Student ID: 1093 is also on line 2: each pupil once',
    ]);
    const good = readReportTable('Student ID,Name,%\n1093,Ada,90\n');
    if (!good.ok) throw new Error('unreadable');
    expect(readReport(good.table, { pupilId: 0, name: 1, percentage: 2 }, '2025-11-24', '2025-11-26', 'pupilId')).toEqual({
      ok: true,
      report: { figures: [{ upn: null, pupilId: '1093', name: 'Ada', attendance: 90, possible: null, attended: null, authorised: null, unauthorised: null }], noFigureYet: [], warnings: [] },
    });
    // UPNs in the id column: imported as asked, but said first.
    const upns = readReportTable('Student ID,Name,%\nA801200005001,Ada,90\n');
    if (!upns.ok) throw new Error('unreadable');
    const warned = readReport(upns.table, { pupilId: 0, name: 1, percentage: 2 }, '2025-11-24', '2025-11-26', 'pupilId');
    expect(warned.ok && warned.report.warnings).toEqual([{ line: 2, column: 'Student ID', message: "A801200005001 looks like a UPN, not the MIS's own id: if this column holds UPNs, match pupils by UPN" }]);
  });
});

import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { EXPORT_CHECK_SITE } from './bundle';
import { DB_VERSION, MarkwiseDb, SCHEMA_V1, UNKNOWN_SITE, type PupilFigure, type PupilFigureV1 } from './db';
import { MarkwiseStore, dismissalKey } from './store';

describe('migrations: a database of each older version opens as the current one', () => {
  it('a version 1 database opens as the current one, figures moved to site "unknown", nothing lost', async () => {
    const name = `markwise-migrate-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    const figures: PupilFigureV1[] = [
      { pupilId: '101', upn: 'A123', name: 'Ada', attendance: 96.5, possible: 120, attended: 116, seenOn: '2025-10-06', seenAt: '2025-10-06T08:30:00.000Z' },
      { pupilId: '102', upn: null, name: 'Ben', attendance: 88, possible: null, attended: null, seenOn: '2025-10-03', seenAt: '2025-10-03T14:00:00.000Z' },
    ];
    const dismissal = { key: 'late-n|A123|2025-10-06|AM', rule: 'late-n', upn: 'A123', date: '2025-10-06', session: 'AM', reason: 'phoned', dismissedAt: '2025-10-06T09:00:00.000Z' };
    await v1.table('pupilFigures').bulkPut(figures);
    await v1.table('policies').put({ id: 'our-school', name: 'Our School', origin: 'imported', input: { id: 'our-school' }, savedAt: '2025-09-01T00:00:00.000Z' });
    await v1.table('settings').put({ key: 'activePolicyId', value: 'our-school' });
    await v1.table('siteProfiles').put({ id: 'arbor', profile: { id: 'arbor' }, savedAt: '2025-09-01T00:00:00.000Z' });
    await v1.table('nFirstSeen').put({ key: 'https://a.example|101|2025-10-06|AM', firstSeen: '2025-10-06T08:31:00.000Z' });
    await v1.table('dismissals').put(dismissal);
    v1.close();

    const db = new MarkwiseDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.pupilFigures.orderBy('seenOn').toArray()).toEqual([
      { ...figures[1], site: UNKNOWN_SITE },
      { ...figures[0], site: UNKNOWN_SITE },
    ]);
    expect(await db.pupilFigures.get([UNKNOWN_SITE, '101'])).toMatchObject({ name: 'Ada', attendance: 96.5 });
    expect(await db.policies.get('our-school')).toMatchObject({ name: 'Our School' });
    expect(await db.settings.get('activePolicyId')).toEqual({ key: 'activePolicyId', value: 'our-school' });
    expect(await db.siteProfiles.count()).toBe(1);
    // The N row says where from its key (version 4).
    expect(await db.nFirstSeen.toArray()).toEqual([
      { key: 'https://a.example|101|2025-10-06|AM', firstSeen: '2025-10-06T08:31:00.000Z', site: 'https://a.example', pupilId: '101', date: '2025-10-06', session: 'AM', upn: null, name: '', lastSeen: '2025-10-06T08:31:00.000Z', pageUrl: null, pageTitle: null },
    ]);
    // A dismissal from before version 5 waits, whole, under the unknown site for the background to give it to each site.
    expect(await db.dismissals.where('dismissedAt').above('2025-10-01').toArray()).toEqual([{ ...dismissal, site: UNKNOWN_SITE, key: `${UNKNOWN_SITE}|${dismissal.key}` }]);
    // The staging table of version 2 is gone.
    expect(db.tables.map((t) => t.name).sort()).toEqual(['dismissals', 'nFirstSeen', 'policies', 'pupilFigures', 'pupilMarks', 'reportFigures', 'settings', 'siteProfiles', 'siteReportFigures', 'thresholds']);
    // Version 4's table for imported reports starts empty.
    expect(await db.reportFigures.count()).toBe(0);

    db.close();
    await db.delete();
  });

  it('a version 2 database (figures in the staging table) opens as the current one, figures back in pupilFigures', async () => {
    const name = `markwise-migrate-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores({ pupilFigures: null, pupilFiguresBySite: '[site+pupilId], seenOn', dismissals: 'key, dismissedAt' });
    const figures: PupilFigure[] = [
      { site: 'https://a.example', pupilId: '101', upn: 'A123', name: 'Ada', attendance: 96.5, possible: 120, attended: 116, seenOn: '2025-10-06', seenAt: '2025-10-06T08:30:00.000Z' },
      { site: 'https://b.example', pupilId: '101', upn: null, name: 'Bea', attendance: 71.25, possible: null, attended: null, seenOn: '2025-11-03', seenAt: '2025-11-03T14:00:00.000Z' },
    ];
    await v2.table('pupilFiguresBySite').bulkPut(figures);
    await v2.table('settings').put({ key: 'panelCollapsed', value: true });
    v2.close();

    const db = new MarkwiseDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    // The same pupil id on two sites stays two pupils.
    expect(await db.pupilFigures.get(['https://a.example', '101'])).toEqual(figures[0]);
    expect(await db.pupilFigures.get(['https://b.example', '101'])).toEqual(figures[1]);
    expect(await db.pupilFigures.where('seenOn').above('2025-11-01').count()).toBe(1);
    expect(await db.settings.get('panelCollapsed')).toEqual({ key: 'panelCollapsed', value: true });
    expect(db.tables.map((t) => t.name)).not.toContain('pupilFiguresBySite');

    db.close();
    await db.delete();
  });

  it('a version 3 database opens as the current one, each N row filled in from its key and findable by site', async () => {
    const name = `markwise-migrate-${crypto.randomUUID()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores({ pupilFigures: null, pupilFiguresBySite: '[site+pupilId], seenOn', dismissals: 'key, dismissedAt' });
    v3.version(3).stores({ pupilFiguresBySite: null, pupilFigures: '[site+pupilId], seenOn' });
    await v3.table('nFirstSeen').bulkPut([
      { key: 'http://localhost:8080|4A-07|2025-11-24|PM', firstSeen: '2025-11-24T13:40:00.000Z' },
      { key: 'https://school.arbor.sc|1234|2025-11-20|AM', firstSeen: '2025-11-20T09:10:00.000Z' },
    ]);
    v3.close();

    const db = new MarkwiseDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.nFirstSeen.where('site').equals('http://localhost:8080').toArray()).toEqual([
      { key: 'http://localhost:8080|4A-07|2025-11-24|PM', firstSeen: '2025-11-24T13:40:00.000Z', site: 'http://localhost:8080', pupilId: '4A-07', date: '2025-11-24', session: 'PM', upn: null, name: '', lastSeen: '2025-11-24T13:40:00.000Z', pageUrl: null, pageTitle: null },
    ]);
    expect(await db.nFirstSeen.where('site').equals('https://school.arbor.sc').count()).toBe(1);
    db.close();
    await db.delete();
  });

  it('a version 4 database opens as the current one: each dismissal kept, waiting under the unknown site, then given to every site and the check page; each threshold re-keyed by its date so that later crossings join it', async () => {
    const name = `markwise-migrate-${crypto.randomUUID()}`;
    const v4 = new Dexie(name);
    v4.version(1).stores(SCHEMA_V1);
    v4.version(2).stores({ pupilFigures: null, pupilFiguresBySite: '[site+pupilId], seenOn', dismissals: 'key, dismissedAt' });
    v4.version(3).stores({ pupilFiguresBySite: null, pupilFigures: '[site+pupilId], seenOn' });
    v4.version(4).stores({ nFirstSeen: 'key, site', reportFigures: 'upn, asOf', thresholds: 'key, firstSeen', pupilMarks: 'key, seenOn' });
    const dismissals = [
      { key: 'code-withdrawn|A123|2025-11-25|AM', rule: 'code-withdrawn', upn: 'A123', date: '2025-11-25', session: 'AM', reason: 'Checked: the mark is right', dismissedAt: '2025-11-25T10:00:00.000Z' },
      { key: 'n-overdue|B456|2025-11-10|PM', rule: 'n-overdue', upn: 'B456', date: '2025-11-10', session: 'PM', reason: 'Being dealt with by the office', dismissedAt: '2025-11-20T10:00:00.000Z' },
    ];
    await v4.table('dismissals').bulkPut(dismissals);
    await v4.table('settings').put({ key: 'sites', value: [{ origin: 'https://school.arbor.sc', profileIds: ['arbor-unverified'], addedAt: '2025-09-01T00:00:00.000Z' }] });
    const row = { key: 'la-notify-10-days|A1', rule: 'la-notify-10-days', upn: 'A1', name: 'Ada', date: '2025-09-19', what: 'w', action: 'a', site: 'https://a.example', firstSeen: '2025-09-19T10:00:00.000Z' };
    await v4.table('thresholds').put(row);
    v4.close();

    const db = new MarkwiseDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.dismissals.where('site').equals(UNKNOWN_SITE).sortBy('key')).toEqual(dismissals.map((d) => ({ ...d, site: UNKNOWN_SITE, key: `${UNKNOWN_SITE}|${d.key}` })));
    // The background gives them to the school's sites (as store.sites() lists them: added and managed) and the check page.
    const store = new MarkwiseStore(db, { defaultPolicyId: 'dfe', now: () => new Date('2025-11-26T09:00:00Z') });
    expect(await store.settleUnsitedDismissals(['https://school.arbor.sc', 'https://managed.example'])).toBe(2);
    for (const site of ['https://school.arbor.sc', 'https://managed.example', EXPORT_CHECK_SITE]) {
      expect(await store.dismissedOn(site)).toEqual(new Map(dismissals.map((d) => [d.key, d.reason])));
    }
    expect((await db.dismissals.toArray()).every((d) => d.dismissedAt === dismissals.find((o) => o.key === dismissalKey(d))!.dismissedAt)).toBe(true);
    expect(await db.dismissals.count()).toBe(6);
    expect(await db.thresholds.toArray()).toEqual([{ ...row, key: 'la-notify-10-days|A1|2025-09-19' }]);
    db.close();
    await db.delete();
  });

  it('a version 5 database opens as the current one: every row of every table kept as it was, and an empty table for reports matched by MIS id', async () => {
    const name = `markwise-migrate-${crypto.randomUUID()}`;
    const v5 = new Dexie(name);
    v5.version(1).stores(SCHEMA_V1);
    v5.version(2).stores({ pupilFigures: null, pupilFiguresBySite: '[site+pupilId], seenOn', dismissals: 'key, dismissedAt' });
    v5.version(3).stores({ pupilFiguresBySite: null, pupilFigures: '[site+pupilId], seenOn' });
    v5.version(4).stores({ nFirstSeen: 'key, site', reportFigures: 'upn, asOf', thresholds: 'key, firstSeen', pupilMarks: 'key, seenOn' });
    v5.version(5).stores({ dismissals: 'key, dismissedAt, site', thresholds: 'key, firstSeen' });
    const rows: Record<string, unknown[]> = {
      policies: [{ id: 'our-school', name: 'Our School', origin: 'imported', input: { id: 'our-school' }, savedAt: '2025-09-01T00:00:00.000Z' }],
      settings: [{ key: 'retention', value: 'this-school-year' }],
      siteProfiles: [{ id: 'arbor', profile: { id: 'arbor' }, savedAt: '2025-09-01T00:00:00.000Z' }],
      pupilFigures: [{ site: 'https://a.example', pupilId: '101', upn: null, name: 'Ada', attendance: 96.5, possible: 120, attended: 116, seenOn: '2025-11-24', seenAt: '2025-11-24T08:30:00.000Z' }],
      nFirstSeen: [{ key: 'https://a.example|101|2025-11-24|AM', firstSeen: '2025-11-24T08:31:00.000Z', site: 'https://a.example', pupilId: '101', date: '2025-11-24', session: 'AM', upn: null, name: 'Ada', lastSeen: '2025-11-24T08:31:00.000Z', pageUrl: null, pageTitle: null }],
      dismissals: [{ key: 'https://a.example|code-unknown|101|2025-11-24|AM', site: 'https://a.example', rule: 'code-unknown', upn: '101', date: '2025-11-24', session: 'AM', reason: 'phoned', dismissedAt: '2025-11-24T09:00:00.000Z' }],
      reportFigures: [{ upn: 'A123456789012', name: 'Ben', attendance: 90, possible: 200, attended: 180, authorised: null, unauthorised: null, asOf: '2025-11-21', source: 'week-47.csv', importedAt: '2025-11-21T12:00:00.000Z', previousAttendance: null, previousAsOf: null }],
      thresholds: [{ key: 'penalty-threshold|101|2025-11-24', rule: 'penalty-threshold', upn: '101', name: 'Ada', date: '2025-11-24', what: 'w', action: 'a', site: 'https://a.example', firstSeen: '2025-11-24T10:00:00.000Z' }],
      pupilMarks: [{ key: 'https://a.example|101', site: 'https://a.example', pupilId: '101', upn: '101', name: 'Ada', dob: null, marks: [{ date: '2025-11-24', session: 'AM', mark: 'A', arrival: null }], seenOn: '2025-11-24' }],
    };
    for (const [table, list] of Object.entries(rows)) await v5.table(table).bulkPut(list);
    v5.close();

    const db = new MarkwiseDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    for (const [table, list] of Object.entries(rows)) expect(await db.table(table).toArray(), table).toEqual(list);
    expect(await db.siteReportFigures.count()).toBe(0);
    db.close();
    await db.delete();
  });

  it('every older version has its test above: a new version needs one too', () => {
    // Versions 1 to 5 are tested above; raise this with the test for the version it adds.
    expect(DB_VERSION).toBe(6);
  });

  it('a new database starts at the current version, empty', async () => {
    const db = new MarkwiseDb(`markwise-new-${crypto.randomUUID()}`);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.pupilFigures.count()).toBe(0);
    db.close();
    await db.delete();
  });
});

import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, MarkwiseDb, SCHEMA_V1, UNKNOWN_SITE, type PupilFigureV1 } from './db';

describe('migrations', () => {
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
    expect(await db.nFirstSeen.count()).toBe(1);
    expect(await db.dismissals.where('dismissedAt').above('2025-10-01').toArray()).toEqual([dismissal]);
    // The staging table of version 2 is gone.
    expect(db.tables.map((t) => t.name).sort()).toEqual(['dismissals', 'nFirstSeen', 'policies', 'pupilFigures', 'settings', 'siteProfiles']);

    db.close();
    await db.delete();
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

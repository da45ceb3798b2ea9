// The widget's parts that need no browser: its storage (real IndexedDB code over
// fake-indexeddb), where a policy may come from, the check() API, and the table shape.

import 'fake-indexeddb/auto';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { presetInput } from '../../rules/presets';
import { findRegister, readRegister } from '../../sites/read';
import { siteProfileSchema } from '../../sites/profile';
import { tableProfile } from '../../sites/table';
import { check } from './check';
import { policyAt, policyFrom } from './policy';
import { indexedDbStore, memoryStore, sendTo } from './storage';

describe('the widget storage', () => {
  it('keeps dismissals and N first-seen dates in IndexedDB across openings, first sighting kept', async () => {
    const name = `markwise-widget-${crypto.randomUUID()}`;
    const first = await indexedDbStore(indexedDB, name);
    await first.dismiss('late-should-be-u|A1|2025-11-24|AM', 'Checked: the mark is right');
    await first.dismiss('code-withdrawn|A2|2025-11-24|PM', 'Being dealt with by the office');
    await first.undismiss('code-withdrawn|A2|2025-11-24|PM');
    expect(await first.nSeen(['s|A1|2025-11-24|AM'], '2025-11-24T09:30:00.000Z')).toEqual({ 's|A1|2025-11-24|AM': '2025-11-24T09:30:00.000Z' });

    const again = await indexedDbStore(indexedDB, name);
    expect(await again.dismissed()).toEqual({ 'late-should-be-u|A1|2025-11-24|AM': 'Checked: the mark is right' });
    expect(await again.nSeen(['s|A1|2025-11-24|AM', 's|A2|2025-11-25|PM'], '2025-11-26T08:00:00.000Z')).toEqual({
      's|A1|2025-11-24|AM': '2025-11-24T09:30:00.000Z',
      's|A2|2025-11-25|PM': '2025-11-26T08:00:00.000Z',
    });
  });

  it("answers the page code's messages as the background would", async () => {
    const store = memoryStore();
    const send = sendTo(store, () => '2025-11-26T09:00:00.000Z');
    await send({ type: 'dismiss', rule: 'n-overdue', upn: 'A1', date: '2025-11-13', session: 'PM', reason: 'Phoned' });
    expect(await store.dismissed()).toEqual({ 'n-overdue|A1|2025-11-13|PM': 'Phoned' });
    // P1's AM and P2's PM are N, in a grid of two pupils by two sessions.
    const seen = {
      page: { url: 'https://mis.example/r', title: 'R' },
      pupils: [{ pupilId: 'P1', upn: 'A1', name: 'Ada' }, { pupilId: 'P2', upn: 'B2', name: 'Ben' }],
      columns: [{ date: '2025-11-24', session: 'AM' as const }, { date: '2025-11-24', session: 'PM' as const }],
      cells: null,
      n: [0, 3],
      blank: [],
    };
    expect(await send({ type: 'record-n-seen', site: 'https://mis.example', seen, thresholds: [], marks: [] })).toEqual({
      firstSeen: { 'https://mis.example|P1|2025-11-24|AM': '2025-11-26T09:00:00.000Z', 'https://mis.example|P2|2025-11-24|PM': '2025-11-26T09:00:00.000Z' },
    });
    await send({ type: 'record-figures', site: 'x', seenOn: '2025-11-26', figures: [{ pupilId: 'P1', upn: null, name: 'Ada', attendance: 91, possible: null, attended: null }] });
    expect(await send({ type: 'figures-for', site: 'x', pupilIds: ['P1', 'P2'], upns: [null, null] })).toEqual({
      figures: { P1: { pupilId: 'P1', upn: null, name: 'Ada', attendance: 91, possible: null, attended: null, seenOn: '2025-11-26', from: 'as seen on an MIS page on Wed 26 Nov 2025 (today)' } },
    });
  });
});

describe('where the widget takes a policy from', () => {
  it('a policy as JSON text with a mistake names the field; text that is not JSON says so', () => {
    const bad = { ...presetInput('valence'), attendanceTarget: 140 };
    expect(policyFrom(JSON.stringify(bad), 'the policy property')).toEqual({
      ok: false,
      where: 'the policy property',
      problems: [{ path: 'attendanceTarget', message: 'must be a percentage from 0 to 100' }],
    });
    const notJson = policyFrom('{ schoolName: ', 'the policy inside the element');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.problems[0]!.message).toMatch(/^is not JSON/);
  });

  it('refuses a policy-src on another site without fetching it', async () => {
    const outcome = await policyAt('https://elsewhere.example/policy.json', 'https://mis.school.example/register');
    expect(outcome).toEqual({
      ok: false,
      where: 'policy-src="https://elsewhere.example/policy.json"',
      problems: [{ path: 'policy-src', message: "must be on this page's own site (https://mis.school.example); Markwise fetches nothing from elsewhere" }],
    });
  });
});

describe('check(), the API over a snapshot', () => {
  const snapshot = {
    role: 'teacher',
    pupils: [
      { upn: 'A1', name: 'Ada', marks: [{ date: '2025-11-24', session: 'AM', mark: 'L', arrival: '09:25' }, { date: '2025-11-24', session: 'PM', mark: 'L', arrival: '13:46' }] },
    ],
  };

  it("uses the preset's register close: 09:25 is in time, 13:46 is after the 13:45 close", () => {
    // A school's preset is a file beside the widget: passed as the policy, as a vendor's page would.
    const result = check(snapshot, { policy: presetInput('micklefield'), today: '2025-11-26' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.findings.map((f) => [f.rule, f.date, f.session])).toEqual([['late-should-be-u', '2025-11-24', 'PM']]);
    expect(result.pupils[0]!.possibleSessions).toBe(2);
  });

  it('says where a preset, a date or a snapshot is wrong, and never throws', () => {
    expect(check(snapshot, { preset: 'oakfield' })).toMatchObject({ ok: false, where: 'preset="oakfield"' });
    expect(check(snapshot, { today: '26/11/2025' })).toMatchObject({ ok: false, where: 'options.today' });
    expect(check({ pupils: 'none' })).toEqual({ ok: false, where: 'the snapshot', problems: [{ path: 'pupils', message: 'must be a list' }] });
  });
});

describe('a register table read by selector', () => {
  it('reads the documented shape: session headers, rows by UPN, inputs and arrival times', () => {
    const doc = new JSDOM(`<table id="r"><thead><tr><th>Pupil</th><th data-date="24/11/2025" data-session="AM">Mon AM</th><th data-date="2025-11-24" data-session="PM">Mon PM</th></tr></thead>
      <tbody><tr data-upn="A1" data-attendance="93.5"><th scope="row">Ada</th><td><input value="L"> <time>09:40</time></td><td><input value="\\"></td></tr>
      <tr data-upn="B2"><th scope="row">Ben</th><td><input value="N"></td><td><input value=""></td></tr></tbody></table>`).window.document;
    const profile = siteProfileSchema.parse(tableProfile('#r'));
    const page = readRegister(doc, findRegister(doc, profile)!, profile);
    expect(page.problems).toEqual([]);
    expect(page.snapshot.pupils).toEqual([
      { upn: 'A1', name: 'Ada', dob: null, year: null, marks: [{ date: '2025-11-24', session: 'AM', mark: 'L', arrival: '09:40' }, { date: '2025-11-24', session: 'PM', mark: '\\', arrival: null }] },
      { upn: 'B2', name: 'Ben', dob: null, year: null, marks: [{ date: '2025-11-24', session: 'AM', mark: 'N', arrival: null }, { date: '2025-11-24', session: 'PM', mark: '', arrival: null }] },
    ]);
    expect(page.rows.map((r) => r.attendance)).toEqual([93.5, null]);
  });
});

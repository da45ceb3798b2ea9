import { describe, expect, it } from 'vitest';
import { describeIssues } from '../rules/validation';
import { acceptsFromSite, requestSchema } from './messages';

const problems = (message: unknown) => {
  const parsed = requestSchema.safeParse(message);
  return parsed.success ? [] : describeIssues(parsed.error, message, '(the message)').map((p) => `${p.path}: ${p.message}`);
};

const seen = { page: { url: 'https://mis.example/register', title: 'Register' }, pupils: [{ pupilId: 'p1', upn: 'A1', name: 'Ada' }], columns: [{ date: '2025-11-24', session: 'AM' }], cells: [0, 0], n: [0], blank: [] as number[] };

describe('the messages the background accepts', () => {
  it('accepts what pages send, and drops the site a page claims', () => {
    const parsed = requestSchema.parse({ type: 'record-n-seen', site: 'https://elsewhere.example', seen, thresholds: [], marks: [{ pupilId: 'p1', upn: 'A1', name: 'Ada', dob: null, year: null, marks: [{ date: '2025-11-24', session: 'AM', mark: 'N', arrival: null }] }] });
    expect(parsed).not.toHaveProperty('site');
    expect(problems({ type: 'record-figures', site: 'x', seenOn: '2025-11-26', figures: [{ pupilId: 'p1', upn: null, name: 'Ada', attendance: 91.5, possible: 200, attended: 183 }] })).toEqual([]);
  });

  it('refuses a message of the wrong shape, saying where', () => {
    expect(problems({ type: 'record-figures', seenOn: '2025-11-26', figures: [{ pupilId: 'p1', upn: null, name: 'Ada', attendance: 140, possible: null, attended: null }] })).toEqual(['figures[0].attendance: must be 100 or less']);
    expect(problems({ type: 'record-figures', seenOn: '2025-02-31', figures: [] })).toEqual(['seenOn: must be a real date written as YYYY-MM-DD']);
    expect(problems({ type: 'get-tab-status', tabId: '3' })).toEqual(['tabId: must be a number']);
    expect(problems({ type: 'figures-for', pupilIds: ['a', 'b'], upns: [null] })).toEqual(['upns: must give one UPN (or null) for each pupil id']);
    expect(problems({ type: 'wipe-everything' })).toHaveLength(1);
    expect(problems('record-figures')).toHaveLength(1);
  });

  it('refuses cells and N that point outside the page', () => {
    expect(problems({ type: 'record-n-seen', seen: { ...seen, cells: [0, 1] }, thresholds: [], marks: [] })).toEqual(['seen.cells: a cell names a pupil or column the page did not list']);
    expect(problems({ type: 'record-n-seen', seen: { ...seen, n: [1] }, thresholds: [], marks: [] })).toEqual(['seen.n: an N names a cell the page did not list']);
    expect(problems({ type: 'record-n-seen', seen: { ...seen, cells: null, n: [0] }, thresholds: [], marks: [] })).toEqual([]);
    expect(problems({ type: 'record-n-seen', seen: { ...seen, n: [], blank: [1] }, thresholds: [], marks: [] })).toEqual(['seen.blank: a blank names a cell the page did not list']);
  });
});

describe('minutes late in the marks a page sends (issue 12, item 5)', () => {
  it('are kept, and must be a whole number of minutes', () => {
    const mark = (minutesLate: unknown) => ({ type: 'record-n-seen', site: 'https://mis.example', seen, thresholds: [], marks: [{ pupilId: 'p1', upn: 'A1', name: 'Ada', dob: null, year: null, marks: [{ date: '2025-11-24', session: 'AM', mark: 'L', arrival: null, minutesLate }] }] });
    const parsed = requestSchema.parse(mark(45)) as { marks: { marks: { minutesLate?: number }[] }[] };
    expect(parsed.marks[0]!.marks[0]!.minutesLate).toBe(45);
    expect(problems(mark(-1)).length).toBe(1);
    expect(problems(mark(null))).toEqual([]);
  });
});

describe("the popup's role for a site (issue 14, item 2)", () => {
  it('is a role, or null for the profile\'s guess, for one site origin', () => {
    expect(problems({ type: 'set-role', origin: 'https://mis.example', role: 'office' })).toEqual([]);
    expect(problems({ type: 'set-role', origin: 'http://localhost:4173', role: null })).toEqual([]);
    expect(problems({ type: 'set-role', origin: 'https://mis.example/register', role: 'office' })).toEqual(['origin: must be a site origin']);
    expect(problems({ type: 'set-role', origin: 'https://mis.example', role: 'head' })).toHaveLength(1);
  });
});

describe('which MIS pages the background takes messages from', () => {
  const sites = ['https://mis.school.example'];
  it("a school's site, any message", () => {
    expect(acceptsFromSite('record-figures', 'https://mis.school.example', sites, false)).toBe(true);
    expect(acceptsFromSite('save-taught-profile', 'https://mis.school.example', sites, false)).toBe(true);
  });

  it('a site not added: only a taught profile, only where the browser has given access, only from one exact site', () => {
    expect(acceptsFromSite('save-taught-profile', 'https://other.example', sites, true)).toBe(true);
    expect(acceptsFromSite('save-taught-profile', 'https://other.example', sites, false)).toBe(false);
    expect(acceptsFromSite('record-figures', 'https://other.example', sites, true)).toBe(false);
    expect(acceptsFromSite('dismiss', 'https://other.example', sites, true)).toBe(false);
    expect(acceptsFromSite('save-taught-profile', 'null', sites, true)).toBe(false);
    expect(acceptsFromSite('save-taught-profile', '', sites, true)).toBe(false);
  });
});

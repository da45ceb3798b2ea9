import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../policy/schema';
import { presetInput } from '../presets/index';
import { LEEDS_ACADEMIC_YEARS } from '../presets/leeds-calendar';
import { classifySummary, parseTermDatesIcs, unescapeText, unfoldLines } from './ical';

/** Joins lines with CRLF, as RFC 5545 asks. */
const ics = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

const allDay = (summary: string, start: string, endExclusive: string) => [
  'BEGIN:VEVENT',
  `UID:${summary.replace(/\W/g, '')}-${start}@leeds.example`,
  `DTSTART;VALUE=DATE:${start}`,
  `DTEND;VALUE=DATE:${endExclusive}`,
  `SUMMARY:${summary}`,
  'END:VEVENT',
];

const leeds2025 = (): string[] => [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Leeds City Council//Term Dates//EN',
  'X-WR-CALNAME:Leeds term dates 2025-26',
  ...allDay('Autumn term starts', '20250901', '20250902'),
  ...allDay('Half term', '20251027', '20251101'),
  ...allDay('Autumn term ends', '20251219', '20251220'),
  ...allDay('Christmas holiday', '20251222', '20260105'),
  ...allDay('Spring term starts', '20260105', '20260106'),
  ...allDay('Spring half term', '20260214', '20260223'), // Saturday to Sunday
  ...allDay('Spring term ends', '20260402', '20260403'),
  ...allDay('Good Friday', '20260403', '20260404'),
  ...allDay('Summer term starts', '20260420', '20260421'),
  ...allDay('Bank holiday', '20260504', '20260505'),
  ...allDay('Half Term', '20260525', '20260530'),
  ...allDay('Summer term ends', '20260721', '20260722'),
  'END:VCALENDAR',
];

const leeds2025Year = LEEDS_ACADEMIC_YEARS![1]!;

describe('reading an iCalendar file', () => {
  it('unfolds a line continued with a space or a tab, keeping the line it started on', () => {
    const lines = unfoldLines('BEGIN:VCALENDAR\r\nSUMMARY:INSET day: staff\r\n  training\r\n\tand planning\r\nEND:VCALENDAR');
    expect(lines[1]).toEqual({ line: 2, name: 'SUMMARY', params: {}, value: 'INSET day: staff training' + 'and planning' });
    expect(lines[2]!.line).toBe(5);
  });

  it('unescapes text: backslash, semicolon, comma and new line', () => {
    expect(unescapeText('Staff training\\; school closed\\, pupils\\nat home \\\\ office open')).toBe(
      'Staff training; school closed, pupils\nat home \\ office open',
    );
  });

  it('classifies summaries by keywords in any case', () => {
    expect(classifySummary('AUTUMN TERM BEGINS')).toEqual({ kind: 'term-start', season: 'Autumn', part: null });
    expect(classifySummary('Last day of Summer term')).toEqual({ kind: 'term-end', season: 'Summer', part: null });
    expect(classifySummary('Spring Term')).toEqual({ kind: 'term', season: 'Spring', part: null });
    expect(classifySummary('Autumn 2')).toEqual({ kind: 'term', season: 'Autumn', part: 2 });
    expect(classifySummary('October half-term')).toEqual({ kind: 'half-term', season: null });
    expect(classifySummary('INSET Day / Training day')).toEqual({ kind: 'training-day' });
    expect(classifySummary('School closed: polling station')).toEqual({ kind: 'closure' });
    expect(classifySummary('Early May Bank Holiday')).toEqual({ kind: 'ignored' });
    expect(classifySummary('Sports day')).toEqual({ kind: 'unknown' });
  });
});

describe('term dates from an iCalendar file', () => {
  it('reads Leeds 2025-26 with CRLF endings and exclusive all-day DTENDs', () => {
    const result = parseTermDatesIcs(ics(...leeds2025()));
    expect(result).toEqual({
      ok: true,
      years: [{ ...leeds2025Year, source: 'Leeds term dates 2025-26', closures: [] }],
      warnings: [],
    });
  });

  it('the years it reads make a valid policy', () => {
    const result = parseTermDatesIcs(ics(...leeds2025()));
    if (!result.ok) throw new Error('expected term dates');
    const policy = { ...presetInput('dfe'), calendar: { bankHolidays: 'england', academicYears: result.years } };
    expect(parsePolicy(policy).ok).toBe(true);
  });

  it('reads files with bare LF endings the same', () => {
    expect(parseTermDatesIcs(leeds2025().join('\n'))).toEqual(parseTermDatesIcs(ics(...leeds2025())));
  });

  it('training days and closures become closures; a folded, escaped summary is its reason', () => {
    const lines = leeds2025();
    lines.splice(
      -1,
      0,
      ...allDay('INSET day', '20250901', '20250902'),
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20251124',
      'DTEND;VALUE=DATE:20251126',
      'SUMMARY:Staff training\\, whole school\\; pupils',
      '  not in',
      'END:VEVENT',
      ...allDay('School closed for polling', '20260507', '20260508'),
    );
    const result = parseTermDatesIcs(ics(...lines));
    expect(result.ok && result.years[0]!.closures).toEqual([
      { start: '2025-09-01', kind: 'training-day', reason: 'INSET day' },
      { start: '2025-11-24', end: '2025-11-25', kind: 'training-day', reason: 'Staff training, whole school; pupils not in' },
      { start: '2026-05-07', kind: 'closure', reason: 'School closed for polling' },
    ]);
  });

  it('reads whole-term events, and halves of a term with the half term between them', () => {
    const result = parseTermDatesIcs(
      ics(
        'BEGIN:VCALENDAR',
        ...allDay('Autumn 1', '20250901', '20251025'),
        ...allDay('Autumn 2', '20251103', '20251220'),
        ...allDay('Spring Term', '20260105', '20260403'),
        ...allDay('Summer Term', '20260420', '20260722'),
        'END:VCALENDAR',
      ),
    );
    expect(result.ok && result.years[0]!.terms).toEqual([
      { name: 'Autumn', start: '2025-09-01', end: '2025-12-19', halfTerm: { start: '2025-10-27', end: '2025-10-31' } },
      { name: 'Spring', start: '2026-01-05', end: '2026-04-02' },
      { name: 'Summer', start: '2026-04-20', end: '2026-07-21' },
    ]);
  });

  it('takes the date in London for events with a time, across British Summer Time', () => {
    const result = parseTermDatesIcs(
      ics(
        'BEGIN:VCALENDAR',
        'BEGIN:VEVENT',
        // 23:00 UTC on 19 April is midnight on 20 April in London (BST).
        'DTSTART:20260419T230000Z',
        'DTEND:20260419T233000Z',
        'SUMMARY:Summer term starts',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'DTSTART;TZID=Europe/London:20260721T090000',
        'DTEND;TZID=Europe/London:20260721T140000',
        'SUMMARY:Summer term ends',
        'END:VEVENT',
        'END:VCALENDAR',
      ),
    );
    expect(result.ok && result.years[0]!.terms).toEqual([{ name: 'Summer', start: '2026-04-20', end: '2026-07-21' }]);
  });

  it('an end or half term that names no term belongs to the term running at the time', () => {
    const result = parseTermDatesIcs(
      ics(
        'BEGIN:VCALENDAR',
        ...allDay('Term starts', '20260105', '20260106'),
        ...allDay('Half term', '20260216', '20260221'),
        ...allDay('Term ends', '20260402', '20260403'),
        'END:VCALENDAR',
      ),
    );
    expect(result.ok && result.years).toEqual([
      { label: '2025-26', terms: [leeds2025Year.terms[1]], closures: [] },
    ]);
  });

  it('reads a DURATION in days and ignores the properties of an alarm inside an event', () => {
    const result = parseTermDatesIcs(
      ics(
        'BEGIN:VCALENDAR',
        ...allDay('Spring term starts', '20260105', '20260106'),
        'BEGIN:VEVENT',
        'DTSTART;VALUE=DATE:20260216',
        'DURATION:P5D',
        'SUMMARY:Half term',
        'BEGIN:VALARM',
        'TRIGGER:-P1D',
        'SUMMARY:Sports day',
        'END:VALARM',
        'END:VEVENT',
        ...allDay('Spring term ends', '20260402', '20260403'),
        'END:VCALENDAR',
      ),
    );
    expect(result.ok && result.years[0]!.terms).toEqual([leeds2025Year.terms[1]]);
  });

  it('warns about events it does not recognise, naming the line and summary', () => {
    const lines = leeds2025();
    lines.splice(-1, 0, ...allDay('Sports day', '20260710', '20260711'));
    const result = parseTermDatesIcs(ics(...lines));
    const line = lines.indexOf('BEGIN:VEVENT', lines.length - 8) + 1;
    expect(result.ok && result.warnings).toEqual([`line ${line}: "Sports day" is not a term date, half term or closure; it was left out`]);
  });
});

describe('iCalendar files that cannot be used', () => {
  it('a broken date is a problem on its own line', () => {
    const lines = leeds2025();
    const at = lines.indexOf('DTSTART;VALUE=DATE:20251219');
    lines[at] = 'DTSTART;VALUE=DATE:20251319';
    const result = parseTermDatesIcs(ics(...lines));
    expect(result).toEqual({
      ok: false,
      problems: [{ line: at + 1, message: 'DTSTART 20251319 is not a real date (event "Autumn term ends")' }],
    });
  });

  it('a term ending before it starts names the line of the end event', () => {
    const result = parseTermDatesIcs(
      ics(
        'BEGIN:VCALENDAR', // 1
        ...allDay('Autumn term starts', '20251219', '20251220'), // 2-7
        ...allDay('Autumn term ends', '20250901', '20250902'), // 8-13
        'END:VCALENDAR',
      ),
    );
    expect(result).toEqual({ ok: false, problems: [{ line: 8, message: '2025-26 Autumn term end: the term ends before it starts' }] });
  });

  it('a term with a start but no end is a problem at the start', () => {
    const result = parseTermDatesIcs(ics('BEGIN:VCALENDAR', ...allDay('Autumn term starts', '20250901', '20250902'), 'END:VCALENDAR'));
    expect(result).toEqual({ ok: false, problems: [{ line: 2, message: 'the Autumn term 2025-26 has a start but no end in the file' }] });
  });

  it('two different starts for one term is a problem naming both lines', () => {
    const result = parseTermDatesIcs(
      ics(
        'BEGIN:VCALENDAR',
        ...allDay('Autumn term starts', '20250901', '20250902'),
        ...allDay('Autumn term starts', '20250903', '20250904'),
        ...allDay('Autumn term ends', '20251219', '20251220'),
        'END:VCALENDAR',
      ),
    );
    expect(result).toEqual({ ok: false, problems: [{ line: 8, message: 'a second start for the Autumn term 2025-26 (the first is on line 2)' }] });
  });

  it('a file that is not iCalendar is a problem for the whole file', () => {
    expect(parseTermDatesIcs('Autumn term starts 1 September')).toEqual({
      ok: false,
      problems: [{ line: null, message: 'this is not an iCalendar file: it has no BEGIN:VCALENDAR line' }],
    });
  });

  it('a calendar of holidays only has no usable events', () => {
    const result = parseTermDatesIcs(ics('BEGIN:VCALENDAR', ...allDay('Christmas holiday', '20251222', '20260105'), 'END:VCALENDAR'));
    expect(result).toEqual({
      ok: false,
      problems: [{ line: null, message: 'the file has no term dates, half terms or training days that Markwise recognises' }],
    });
  });
});

describe('an event is never dropped or clamped (issue 11, item 7)', () => {
  it('an event without END:VEVENT, followed by another, is named by its line', () => {
    const lines = leeds2025();
    // The half term's END:VEVENT (line 16) is lost: its event would silently vanish into the next.
    const broken = [...lines.slice(0, 15), ...lines.slice(16)];
    const result = parseTermDatesIcs(ics(...broken));
    expect(result).toEqual({ ok: false, problems: [{ line: 11, message: 'this event has no END:VEVENT line' }] });
  });

  it('an event left open at END:VCALENDAR is named by its line', () => {
    const lines = leeds2025();
    const broken = [...lines.slice(0, lines.length - 2), 'END:VCALENDAR'];
    const result = parseTermDatesIcs(ics(...broken));
    expect(result).toEqual({ ok: false, problems: [{ line: lines.length - 6, message: 'this event has no END:VEVENT line' }] });
  });

  it('an event that ends before it starts is named by its line, not made one day long', () => {
    const result = parseTermDatesIcs(ics('BEGIN:VCALENDAR', ...allDay('Half term', '20251031', '20251027'), 'END:VCALENDAR'));
    expect(result).toEqual({ ok: false, problems: [{ line: 2, message: 'the event "Half term" ends (DTEND 20251027) before it starts (DTSTART 20251031)' }] });
  });

  it('an all-day event whose DTEND is its start date is that one day', () => {
    const result = parseTermDatesIcs(ics(...leeds2025().slice(0, -1), ...allDay('INSET day', '20251103', '20251103'), 'END:VCALENDAR'));
    expect(result.ok && result.years[0]!.closures).toEqual([{ start: '2025-11-03', kind: 'training-day', reason: 'INSET day' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { mark, pupil, run } from '../../test/support/rules';
import { dateRangeText, groupUnknownCodes, unknownCodeMessage } from './unknown-codes';

// Issue 13 item 3: an untranslated school code is reported once per code with its count, not
// once per mark. The findings come from the real engine; the counts below are worked out by hand.

describe('groupUnknownCodes', () => {
  // Wed 5, Thu 6 and Fri 7 Nov 2025 are school days in the test policy's calendar.
  const evaluation = run(
    [
      pupil([mark('2025-11-05', 'AM', '7'), mark('2025-11-05', 'PM', '7'), mark('2025-11-06', 'AM', '['), mark('2025-11-07', 'AM', 'N')], { upn: 'A111111111111' }),
      pupil([mark('2025-11-07', 'AM', ' 7 '), mark('2025-11-06', 'PM', '['), mark('2025-11-07', 'PM', 'i01')], { upn: 'B222222222222', name: 'Ben' }),
      pupil([mark('2025-11-05', 'AM', 'I01'), mark('2025-11-06', 'AM', '-'), mark('2025-11-06', 'PM', 'H')], { upn: 'C333333333333', name: 'Cat' }),
    ],
    { today: '2025-11-07' },
  );

  it('one entry per code: marks, pupils, first and last dates, most marks first', () => {
    expect(groupUnknownCodes(evaluation.findings)).toEqual([
      { code: '7', marks: 3, pupils: 2, firstDate: '2025-11-05', lastDate: '2025-11-07' },
      // 'i01' and 'I01' are one code, as the policy's table reads them; shown as first found.
      { code: expect.stringMatching(/^[iI]01$/), marks: 2, pupils: 2, firstDate: '2025-11-05', lastDate: '2025-11-07' },
      { code: '[', marks: 2, pupils: 2, firstDate: '2025-11-06', lastDate: '2025-11-06' },
    ]);
  });

  it("leaves out every other rule: H (withdrawn), '-' (a blank) and N are not unknown codes", () => {
    const rules = new Set(evaluation.findings.map((f) => f.rule));
    expect(rules.has('code-withdrawn')).toBe(true);
    expect(groupUnknownCodes(evaluation.findings).map((u) => u.code.toUpperCase())).toEqual(['7', 'I01', '[']);
    expect(groupUnknownCodes(evaluation.findings.filter((f) => f.rule !== 'code-unknown'))).toEqual([]);
  });

  it('says each code in one plain sentence, with what to do', () => {
    expect(unknownCodeMessage({ code: '7', marks: 214, pupils: 30, firstDate: '2025-09-08', lastDate: '2025-11-21' })).toBe(
      "'7' is not a DfE code and not in the policy's school codes: 214 marks of 30 pupils, 8 Sep – 21 Nov 2025. " +
        "Add it to the policy's school codes (options page, or the policy file's schoolCodes) to check these marks.",
    );
    expect(unknownCodeMessage({ code: '=', marks: 1, pupils: 1, firstDate: '2025-09-08', lastDate: '2025-09-08' })).toMatch(/: 1 mark of 1 pupil, 8 Sep 2025\. /);
    expect(unknownCodeMessage({ code: '=', marks: 1234, pupils: 2, firstDate: '2025-09-08', lastDate: '2025-09-09' })).toMatch(/1,234 marks of 2 pupils/);
  });

  it('writes a range across a new year with both years', () => {
    expect(dateRangeText('2024-12-16', '2025-01-06')).toBe('16 Dec 2024 – 6 Jan 2025');
    expect(dateRangeText('2025-01-06', '2025-01-07')).toBe('6 Jan – 7 Jan 2025');
  });
});

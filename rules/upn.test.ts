import { describe, expect, it } from 'vitest';
import { upnCheckLetter, upnCheckProblem } from './upn';

describe('the DfE UPN check letter', () => {
  it('B801200005001 passes: 8×2 + 1×4 + 2×5 + 5×10 + 1×13 = 93, and 93 mod 23 = 1, B', () => {
    expect(upnCheckLetter('801200005001')).toBe('B');
    expect(upnCheckProblem('B801200005001')).toBeNull();
    expect(upnCheckProblem('A801200005001')).toContain('(it would be B)');
  });

  it('a temporary UPN counts its last letter by its place in the alphabet without I, O and S', () => {
    // 8×2 + 1×4 + 2×5 + 5×10 + A(0)×13 = 80 = 3×23 + 11: M.
    expect(upnCheckLetter('8012000050A')).toBeNull();
    expect(upnCheckLetter('80120000500A')).toBe('M');
    expect(upnCheckProblem('M80120000500A')).toBeNull();
    expect(upnCheckProblem('M80120000500O')).toContain('never I, O or S');
  });

  it("an MIS's own pupil id is not a UPN and is not judged by it", () => {
    expect(upnCheckProblem('A1')).toBeNull();
    expect(upnCheckProblem('P1265')).toBeNull();
  });
});

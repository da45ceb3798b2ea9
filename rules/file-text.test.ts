import { describe, expect, it } from 'vitest';
import { decodeFileText } from './file-text';

// "Zoë Brontë,Chloé" in each encoding, byte by byte.
const NAMES = 'Zoë Brontë,Chloé';
const UTF8 = new TextEncoder().encode(NAMES);
// Windows-1252: ë is 0xEB, é is 0xE9; the rest is ASCII.
const CP1252 = Uint8Array.from([...NAMES].map((c) => ({ ë: 0xeb, é: 0xe9 })[c] ?? c.charCodeAt(0)));

describe('decodeFileText reads the bytes the MIS wrote', () => {
  it('reads UTF-8 as UTF-8', () => {
    expect(decodeFileText(UTF8)).toEqual({ text: NAMES, encoding: 'utf-8' });
  });

  it("drops Excel's byte-order mark", () => {
    expect(decodeFileText(Uint8Array.from([0xef, 0xbb, 0xbf, ...UTF8]))).toEqual({ text: NAMES, encoding: 'utf-8' });
  });

  it('reads a Windows-1252 ("ANSI") export with its accents, not as replacement characters', () => {
    expect(CP1252.length).toBe(NAMES.length);
    expect(decodeFileText(CP1252)).toEqual({ text: NAMES, encoding: 'windows-1252' });
  });

  it("reads Windows-1252's own characters: curly apostrophes, the pound and the euro", () => {
    // O’Brien with 0x92, £ 0xA3, € 0x80.
    expect(decodeFileText(Uint8Array.from([0x4f, 0x92, 0x42, 0x20, 0xa3, 0x80])).text).toBe('O’B £€');
  });

  it('reads all 32 bytes from 0x80 to 0x9F as the Encoding Standard does (five are undefined and stay)', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    // As Chromium's TextDecoder gives them, and as https://encoding.spec.whatwg.org/index-windows-1252.txt lists them.
    expect(decodeFileText(bytes).text).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
  });

  it('plain ASCII is UTF-8', () => {
    expect(decodeFileText(new TextEncoder().encode('upn,name')).encoding).toBe('utf-8');
  });

  it('an empty file is empty text', () => {
    expect(decodeFileText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});

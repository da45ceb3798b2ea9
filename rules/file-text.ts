// Reading a file's bytes as text, whatever the MIS wrote them in. SIMS and Excel on Windows
// often save CSV as Windows-1252 ("ANSI"), where UTF-8 readers show "ZoÃ«" or "Zo�" for "Zoë".
// Pure: it takes the bytes, so the extension's pages and the command line decode alike.

export type FileEncoding = 'utf-8' | 'windows-1252';

export interface FileText {
  readonly text: string;
  readonly encoding: FileEncoding;
}

/**
 * UTF-8 when the bytes are valid UTF-8 (with or without Excel's byte-order mark), otherwise
 * Windows-1252, the code page of English Windows. Windows-1252 gives every byte a character,
 * so no file is refused here; a file in neither reads with odd letters, which the caller shows.
 */
export function decodeFileText(bytes: Uint8Array): FileText {
  try {
    // fatal: an invalid sequence throws rather than becoming U+FFFD. The BOM is dropped.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes);
    return { text: /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => C1_AS_WINDOWS_1252[c.charCodeAt(0) - 0x80]!) : text, encoding: 'windows-1252' };
  }
}

/**
 * Bytes 0x80-0x9F in Windows-1252 (the WHATWG Encoding Standard's index): ’ “ ” € and the rest.
 * Browsers decode them so; Node's TextDecoder (20 and 22) reads the label as ISO-8859-1 and leaves
 * C1 control characters, so the command line would show O\u0092Brien for O’Brien. The five
 * bytes Windows-1252 leaves undefined stay as they are, as browsers leave them.
 */
const C1_AS_WINDOWS_1252 = [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'];

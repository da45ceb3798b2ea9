// Counting words as en-GB writes them, for messages: "1 pupil", "1,500 pupils".

/** A count and its word, the word plural unless the count is one; thousands separated with commas. */
export function plural(count: number, word: string): string {
  return `${count.toLocaleString('en-GB')} ${word}${count === 1 ? '' : 's'}`;
}

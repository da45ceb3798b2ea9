// What the background tells open MIS pages after a wipe: drop everything Markwise shows there.
// A module of its own so that the content script imports no schemas with it.

export const FORGET_MESSAGE = 'markwise-forget';

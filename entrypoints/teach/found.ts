// Names shared by the teaching script and the popup, in a module of their own so that the popup
// does not take in the steps' code.

/** The global (in the extension's isolated world on the page) where the teaching script says how many registers it found. */
export const TEACH_FOUND = 'markwiseTeachFound';
/** The global holding the open steps' way back to the front, while they are open. */
export const TEACH_STATE = 'markwiseTeaching';

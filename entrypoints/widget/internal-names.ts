// Methods and option fields the page code's own classes pass each other (register view, surface, hint
// layer, school calendar, page session, panel): the widget and the content script are each one file,
// so terser may shorten them everywhere at once. Only names no page, vendor, policy, profile or stored
// data ever sees (no schema key, no finding field); a DOM property's name is never shortened.
const NAMES = [
    'academicYearsWithTermDates', 'cellChanged', 'clearBadges', 'clearPage', 'fixCellFromKeyboard',
    'hasTermDatesFor', 'hideTip', 'isSchoolDay', 'isSchoolDayNumber', 'kindOf', 'learned', 'markAll', 'markCell',
    'nthSchoolDayAfter', 'nthSchoolDayAfterNumber', 'publishPanel', 'tabFigures', 'schedulePlacement', 'schoolDayOrdinal',
    'schoolDaysBetween', 'schoolWeekOrdinal', 'setDismissed', 'showBadges', 'holdBadges', 'showTip', 'showTipFor', 'updateBundle',
    'useActions', 'storedFigures', 'onDismiss', 'onRestore', 'policyProperty', 'policyName', 'canFix', 'canDismiss', 'onPage',
    'unchecked', 'setCollapsed', 'onPublish', 'panelIn', 'panelCss', 'shadowMode', 'tellStatus', 'unreadAt', 'badgeInside',
    'nSeen', 'termNotes', 'roomBeside', 'holds', 'made', 'renderBadges', 'room', 'pin', 'keepClear', 'pupilIds', 'badgeAnchor', 'signals', 'hints', 'actions', 'surface', 'evaluate', 'into', 'box', 'anchor', 'inside', 'view', 'focusable',
];

/**
 * Names that also cross from the content script to the background (the content bundle, messages):
 * the background is built apart, so in the content script they keep their names.
 */
const CROSSING = ['policyName', 'termNotes', 'pupilIds'];

/** The names terser may shorten: in the widget all of them, in the content script those that stay in it. */
export function internalNames(contentScript = false): RegExp {
  return new RegExp(`^(${NAMES.filter((n) => !contentScript || !CROSSING.includes(n)).join('|')})$`);
}

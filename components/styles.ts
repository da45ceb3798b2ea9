// Styles for Markwise's own elements, inside shadow roots so that the MIS's
// styles and ours never mix. System fonts, no web fonts (no network).
// Colours meet WCAG AA contrast on white; every colour has a word or a shape beside it.

// The CSS lives in .css files; Vite minifies each into a string (?inline) for the shadow roots.

import base from './base.css?inline';
import badge from './badge.css?inline';
import hints from './hints.css?inline';
import panel from './panel.css?inline';

export const BASE_CSS: string = base;
export const PANEL_CSS: string = panel;
export const BADGE_CSS: string = badge;
export const HINT_CSS: string = hints;

// Markwise as an embeddable widget: one script, no extension, no further downloads.
//   <script src="markwise-widget.iife.js"></script>                  (a global Markwise)
//   <script type="module">import { check } from './markwise-widget.js'</script>
// Including it defines <markwise-panel> and <markwise-badge>; check() is the JavaScript API.

// When the script started to run, on the page's clock (npm run bench reads it; DevTools shows it).
performance.mark('markwise-widget-start');

import { PRESET_IDS } from '../../rules/presets/ids';
import { RULE_IDS } from '../../rules/findings';
import { defineElements, MarkwiseBadge, MarkwisePanel, type FindingsEventDetail } from './elements';

export { check, type CheckOptions, type CheckResult } from './check';
export { MarkwiseBadge, MarkwisePanel, defineElements, PRESET_IDS, RULE_IDS, type FindingsEventDetail };

defineElements();

// Where the widget's policy comes from, in order: a JavaScript property the host page set, an
// inline <script type="application/json"> inside the element, a same-origin URL the page names
// (policy-src), a preset id (preset), and otherwise the statutory rules alone (dfe).
//
// Only dfe is built into the widget. The schools' presets are files beside the widget's script
// (presets/<id>.json, written by npm run build:widget): carrying them would take the widget over
// its 50 KB budget (they are about 2.5 KB gzipped), and a school's page names its own policy.

// The shape alone: the widget never reads the policy's school code table (only export readers do),
// and checking what the table says would take the widget over its size budget.
import { parsePolicyShape as parsePolicy, type Policy } from '../../rules/policy/schema';
import { dfe } from '../../rules/presets/dfe';
import { isPresetId, PRESET_IDS } from '../../rules/presets/ids';
import type { InputProblem } from '../../rules/validation';

export type PolicyOutcome = { ok: true; policy: Policy } | { ok: false; where: string; problems: readonly InputProblem[] };

/** A policy the host page gave as an object or as JSON text. */
export function policyFrom(input: unknown, where: string): PolicyOutcome {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { ok: false, where, problems: [{ path: '(the whole text)', message: `is not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
    }
  }
  const result = parsePolicy(value);
  return result.ok ? result : { ok: false, where, problems: result.problems };
}

let builtIn: PolicyOutcome | undefined;

/** Where the widget's script was loaded from: its presets folder is beside it. */
const SCRIPT_URL: string | undefined = (globalThis.document?.currentScript as HTMLScriptElement | null | undefined)?.src || import.meta.url;

/** The built-in preset (dfe), or why the id cannot be used without fetching (null: a school's preset, beside the script). */
export function presetOutcome(id: string): PolicyOutcome | null {
  if (!isPresetId(id)) return { ok: false, where: `preset="${id}"`, problems: [{ path: 'preset', message: `is not a preset: use one of ${PRESET_IDS.join(', ')}` }] };
  if (id !== 'dfe') return null;
  return (builtIn ??= parsePolicy(dfe) as PolicyOutcome);
}

/** A preset for an element: dfe at once; a school's from presets/<id>.json beside the widget's script. */
export function presetFor(id: string, base: string): PolicyOutcome | Promise<PolicyOutcome> {
  const outcome = presetOutcome(id);
  if (outcome !== null) return outcome;
  return policyAt(new URL(`presets/${id}.json`, SCRIPT_URL ?? base).href, base, `preset="${id}"`);
}

const fetched = new Map<string, Promise<PolicyOutcome>>();

/**
 * A policy file at a URL of the page's own origin, fetched once per URL for every element on
 * the page. Markwise asks for nothing else: another origin is refused, not fetched.
 */
export function policyAt(src: string, base: string, where = `policy-src="${src}"`): Promise<PolicyOutcome> {
  const url = new URL(src, base);
  if (url.origin !== new URL(base).origin) {
    const preset = where.startsWith('preset');
    return Promise.resolve({ ok: false, where, problems: [{ path: preset ? 'preset' : 'policy-src', message: `${preset ? `is read from ${url.href}, beside the widget's script, which ` : ''}must be on this page's own site (${new URL(base).origin}); Markwise fetches nothing from elsewhere` }] });
  }
  let outcome = fetched.get(url.href);
  if (outcome === undefined) {
    // A redirect could take the request to another site: 'same-origin' refuses a cross-origin
    // answer and redirect 'error' refuses to follow any redirect at all.
    outcome = fetch(url.href, { credentials: 'same-origin', mode: 'same-origin', redirect: 'error' })
      .then(async (response) => (response.ok ? policyFrom(await response.text(), where) : { ok: false as const, where, problems: [{ path: 'policy-src', message: `could not be read: the server answered ${response.status}` }] }))
      .catch((error: unknown) => ({
        ok: false as const,
        where,
        problems: [{ path: 'policy-src', message: `could not be read (${error instanceof Error ? error.message : String(error)}): it must be answered directly by this page's own site (${url.origin}), without a redirect` }],
      }));
    fetched.set(url.href, outcome);
  }
  return outcome;
}

/** The policy for an element: its property, its inline JSON, its policy-src, its preset, or dfe. */
export async function elementPolicy(element: Element, property: unknown): Promise<PolicyOutcome> {
  if (property !== undefined) return policyFrom(property, 'the policy property');
  const inline = element.querySelector(':scope > script[type="application/json"]:not([data-for])');
  if (inline !== null) return policyFrom(inline.textContent ?? '', 'the policy inside the element');
  const src = element.getAttribute('policy-src');
  if (src !== null) return policyAt(src, element.ownerDocument.location.href);
  return presetFor(element.getAttribute('preset') ?? 'dfe', element.ownerDocument.location.href);
}

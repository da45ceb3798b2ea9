// Where the widget's policy comes from, in order: a JavaScript property the host page set, an
// inline <script type="application/json"> inside the element, a same-origin URL the page names
// (policy-src), a preset id (preset), and otherwise the statutory rules alone (dfe).

import { parsePolicy, type Policy } from '../../rules/policy/schema';
import { isPresetId, presetPolicy, PRESET_IDS } from '../../rules/presets';
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

/** Presets checked once per page, however many badges name them. */
const presets = new Map<string, PolicyOutcome>();

export function presetOutcome(id: string): PolicyOutcome {
  if (!isPresetId(id)) return { ok: false, where: `preset="${id}"`, problems: [{ path: 'preset', message: `is not a preset: use one of ${PRESET_IDS.join(', ')}` }] };
  let outcome = presets.get(id);
  if (outcome === undefined) {
    outcome = { ok: true, policy: presetPolicy(id) };
    presets.set(id, outcome);
  }
  return outcome;
}

const fetched = new Map<string, Promise<PolicyOutcome>>();

/**
 * A policy file at a URL of the page's own origin, fetched once per URL for every element on
 * the page. Markwise asks for nothing else: another origin is refused, not fetched.
 */
export function policyAt(src: string, base: string): Promise<PolicyOutcome> {
  const where = `policy-src="${src}"`;
  const url = new URL(src, base);
  if (url.origin !== new URL(base).origin) {
    return Promise.resolve({ ok: false, where, problems: [{ path: 'policy-src', message: `must be on this page's own site (${new URL(base).origin}); Markwise fetches nothing from elsewhere` }] });
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
  return presetOutcome(element.getAttribute('preset') ?? 'dfe');
}

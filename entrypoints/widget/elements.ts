// The widget's custom elements: <markwise-panel> checks a register on the page it is in, and
// <markwise-badge> shows one pupil's tier and band. Each draws in its own shadow root, so the
// host page's styles and the widget's never mix; page text is rendered as text, never HTML.

import { h, render } from 'preact';
import { Badge } from '../../components/badge';
import type { PanelState } from '../../components/model';
import { BADGE_CSS, BASE_CSS } from '../../components/styles';
import { bandFor, tierFor } from '../../rules/checks/standing';
import { isIsoDate } from '../../rules/dates';
import type { Finding } from '../../rules/findings';
import { readPercentage } from '../../sites/read';
import { siteProfileSchema, type SiteProfile } from '../../sites/profile';
import { tableProfile, type TableMarks } from '../../sites/table';
import { describeIssues } from '../../rules/validation';
import type { ContentBundle } from '../../storage/bundle';
import { badgeRooms } from '../../sites/badge-room';
import { documentParsed, PageSession } from '../page/page-session';
import { bankHolidaysFor } from './check';
import { elementPolicy } from './policy';
import type { Policy } from '../../rules/policy/schema';
import { indexedDbStore, memoryStore, sendTo, type WidgetStore } from './storage';
import { termNotesByYear } from '../../rules/calendar/term-coverage';

/** The panel sits where the page puts it, not fixed in a corner as in the extension. */
const INLINE_PANEL_CSS = '.panel{position:static;width:auto;max-height:var(--markwise-panel-height,28rem);box-shadow:none}';
const ERROR_CSS = '.error{border:2px solid #b3261e;border-radius:6px;padding:6px 10px;background:#fff}.error h2{font-size:15px;margin:0 0 4px}.error ul{margin:4px 0 0;padding-left:18px}';

/** The detail of the markwise-findings event. */
export interface FindingsEventDetail {
  /** Findings not dismissed, most urgent first. */
  readonly findings: readonly Finding[];
  readonly dismissed: readonly Finding[];
  readonly pupils: number;
  readonly policy: string;
  readonly today: string;
}

function sheetFor(css: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
}

type Problem = { readonly path: string; readonly message: string };

/** Shows what is wrong with the element's set-up, in the element itself: never a blank space. */
function showProblems(root: ShadowRoot, heading: string, where: string, problems: readonly Problem[]): void {
  root.adoptedStyleSheets = [sheetFor(BASE_CSS + ERROR_CSS)];
  const box = document.createElement('div');
  box.className = 'mw error';
  box.setAttribute('role', 'alert');
  const title = document.createElement('h2');
  title.textContent = heading;
  const from = document.createElement('p');
  from.textContent = `In ${where}:`;
  const list = document.createElement('ul');
  for (const problem of problems) {
    const li = document.createElement('li');
    li.textContent = `${problem.path}: ${problem.message}`;
    list.append(li);
  }
  box.append(title, from, list);
  root.replaceChildren(box);
}

/** An attribute the page set to a value the widget does not take. */
class AttributeProblem extends Error {
  constructor(readonly where: string, readonly problem: Problem) {
    super(`${where}: ${problem.message}`);
  }
}

/** Values and fields of version 2's reading powers, which the widget leaves to the extension (sites/read.ts, READS_ANY_PAGE). */
const EXTENSION_ONLY = new Set(['radios', 'next-cell', 'column', 'minutes-late', 'means', 'state', 'format', 'yearFrom', 'parts', 'periods', 'codeFrom', 'today', 'always']);

/** Where a profile needs a reading power of the extension's: refused by name, never read wrongly. */
function extensionOnly(cells: unknown): Problem[] {
  const problems: Problem[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value !== 'object' || value === null) return;
    for (const [key, item] of Object.entries(value)) {
      if (key === 'names') continue;
      const at = `${path}${Array.isArray(value) ? `[${key}]` : `.${key}`}`;
      if (EXTENSION_ONLY.has(key) || (typeof item === 'string' && EXTENSION_ONLY.has(item))) {
        problems.push({ path: at, message: 'is read by the Markwise extension, not the widget: the widget reads what site profile format version 1 can say, with lists of controls and badgeIn' });
      } else walk(item, at);
    }
  };
  walk(cells, 'cells');
  return problems;
}

/** The register's profile: the profile property, an inline profile, or a table by selector. */
function profileFor(element: Element, property: unknown): { ok: true; profile: SiteProfile } | { ok: false; where: string; problems: Problem[] } {
  const inline = element.querySelector(':scope > script[type="application/json"][data-for="profile"]');
  const selector = element.getAttribute('selector');
  let input: unknown = property;
  let where = 'the profile property';
  if (property !== undefined) {
    // given by script
  } else if (inline !== null) {
    where = 'the profile inside the element';
    try {
      input = JSON.parse(inline.textContent ?? '');
    } catch (error) {
      return { ok: false, where, problems: [{ path: '(the whole text)', message: `is not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
    }
  } else if (selector !== null) {
    where = `selector="${selector}"`;
    const marks = (element.getAttribute('marks') ?? 'input') as TableMarks;
    if (!['input', 'select', 'text'].includes(marks)) return { ok: false, where: `marks="${marks}"`, problems: [{ path: 'marks', message: 'must be input, select or text' }] };
    input = tableProfile(selector, marks);
  } else {
    return {
      ok: false,
      where: 'the element',
      problems: [{ path: 'profile or selector', message: 'say which register to check: a site profile (inside the element, or the profile property) or selector="…" for a register table' }],
    };
  }
  // Named before the schema, which in the widget does not know these fields at all.
  const beyond = extensionOnly((input as { cells?: unknown } | null)?.cells);
  if (beyond.length > 0) return { ok: false, where, problems: beyond };
  const parsed = siteProfileSchema.safeParse(input);
  if (!parsed.success) return { ok: false, where, problems: describeIssues(parsed.error, input, '(the profile itself)') };
  const role = element.getAttribute('staff');
  if (role !== null && role !== 'office' && role !== 'teacher') {
    // A typo here would otherwise check a teacher's register as the office's, saying nothing.
    return { ok: false, where: `staff="${role}"`, problems: [{ path: 'staff', message: 'must be "office" or "teacher"' }] };
  }
  // The page chose to include the widget: the profile applies wherever it is.
  return { ok: true, profile: { ...parsed.data, paths: ['.*'], role: role ?? parsed.data.role } };
}

/**
 * Resolves once the parser has passed the element's end tag (it has put a node after the element, or
 * after one of its ancestors), or the page is parsed. Only the ancestors' own children are watched,
 * not the whole page: a register before the element is not watched as it arrives.
 */
function childrenParsed(element: Element): Promise<unknown> {
  let observer: MutationObserver;
  return Promise.race([
    documentParsed(document),
    new Promise<void>((resolve) => {
      const passed = () => {
        for (let node: Node = element; node.parentNode; node = node.parentNode) node.nextSibling ? resolve() : observer.observe(node.parentNode, { childList: true });
      };
      (observer = new MutationObserver(passed)), passed();
    }),
  ]).then(() => observer.disconnect());
}

/** What both elements share: a shadow root, and a policy property that redraws when set. */
abstract class MarkwiseElement extends HTMLElement {
  protected readonly root: ShadowRoot;
  protected policyProperty: unknown = undefined;

  constructor() {
    super();
    // Open, unlike the extension's closed roots: the widget runs in the page's own world, where a
    // closed root would hide nothing from the page's scripts (README, "The embeddable widget").
    this.root = this.attachShadow({ mode: 'open' });
  }

  /** A policy given by script (an object or JSON text); it wins over inline JSON, policy-src and preset. */
  get policy(): unknown {
    return this.policyProperty;
  }

  set policy(value: unknown) {
    this.policyProperty = value;
    if (this.isConnected) this.refresh();
  }

  /** Draws the element again from its attributes and properties. */
  protected abstract refresh(): void;

  connectedCallback(): void {
    this.refresh();
  }
}

export class MarkwisePanel extends MarkwiseElement {
  static readonly observedAttributes = ['preset', 'selector', 'marks', 'today', 'policy-src', 'storage', 'staff'];
  #lifetime: AbortController | null = null;
  #started = false;

  protected refresh(): void {
    void this.#restart();
  }

  #profileProperty: unknown = undefined;

  /** A site profile given by script; it wins over an inline profile and selector. */
  get profile(): unknown {
    return this.#profileProperty;
  }

  set profile(value: unknown) {
    this.#profileProperty = value;
    if (this.isConnected) this.refresh();
  }

  disconnectedCallback(): void {
    this.#stop();
  }

  attributeChangedCallback(): void {
    if (this.#started) void this.#restart();
  }

  #stop(): void {
    this.#lifetime?.abort();
    this.#lifetime = null;
    this.root.replaceChildren();
  }

  async #restart(): Promise<void> {
    this.#stop();
    this.#started = true;
    const lifetime = new AbortController();
    this.#lifetime = lifetime;
    this.setAttribute('data-status', 'starting');
    try {
      // The element's own children (the inline policy and profile) are read once the parser has
      // passed its end tag: a script in the head runs, and connects this element, before they exist.
      await childrenParsed(this);
      if (lifetime.signal.aborted) return;
      const [outcome, store] = await Promise.all([elementPolicy(this, this.policyProperty), this.#store()]);
      if (lifetime.signal.aborted) return;
      if (!outcome.ok) return this.#fail('Markwise could not use this policy, so nothing is checked', outcome.where, outcome.problems);
      const profile = profileFor(this, this.#profileProperty);
      if (!profile.ok) return this.#fail('Markwise does not know which register to check', profile.where, profile.problems);
      const today = this.getAttribute('today');
      if (today !== null && !isIsoDate(today)) return this.#fail('Markwise could not use this date', `today="${today}"`, [{ path: 'today', message: 'must be a real date written as YYYY-MM-DD' }]);
      const dismissed = await store.dismissed();
      if (lifetime.signal.aborted) return;
      await this.#startSession(outcome.policy, profile.profile, store, dismissed, today, lifetime.signal);
    } catch (error) {
      if (error instanceof AttributeProblem) return this.#fail('Markwise could not use this setting, so nothing is checked', error.where, [error.problem]);
      this.#fail('Markwise hit a problem and is not checking this page', 'the widget', [{ path: 'error', message: error instanceof Error ? error.message : String(error) }]);
    }
  }

  async #store(): Promise<WidgetStore> {
    const storage = this.getAttribute('storage');
    if (storage === 'indexeddb') return indexedDbStore();
    if (storage === null || storage === 'memory') return memoryStore();
    // Not silently memory: a page that meant to keep dismissals would lose them at every reload.
    throw new AttributeProblem(`storage="${storage}"`, { path: 'storage', message: 'must be "memory" or "indexeddb"' });
  }

  async #startSession(policy: Policy, profile: SiteProfile, store: WidgetStore, dismissed: Record<string, string>, today: string | null, signal: AbortSignal): Promise<void> {
    const bundle: ContentBundle = {
      revision: 1,
      policy,
      bankHolidays: bankHolidaysFor(policy),
      termNotes: termNotesByYear(policy.calendar.academicYears),
      profiles: [profile],
      badgeRooms: badgeRooms([profile]),
      sites: [{ origin: location.origin, profileIds: [profile.id] }],
      dismissed: { [location.origin]: dismissed },
      panelCollapsed: false,
      today: today === null ? { mode: 'real' } : { mode: 'fixed', date: today },
    };
    const session = new PageSession(document, bundle, sendTo(store), signal, {
      // The page's own world: a closed root would protect nothing here.
      shadowMode: 'open',
      panelIn: this.root,
      panelCss: INLINE_PANEL_CSS,
      onPublish: (state) => this.#published(state, policy.id),
    });
    // Made now, the session has the badges' room made before a register after this element arrives
    // (a tag in the head): the browser lays its rows out with the room once, not again (issue 15, item 2).
    // It reads the register once the page is parsed.
    await documentParsed(document);
    session.start();
  }

  #published(state: PanelState, policy: string): void {
    this.setAttribute('data-status', state.status);
    if (state.status !== 'ready') return;
    const detail: FindingsEventDetail = {
      findings: state.items.filter((i) => i.dismissed === null).map((i) => i.finding),
      dismissed: state.items.filter((i) => i.dismissed !== null).map((i) => i.finding),
      pupils: state.pupils,
      policy,
      today: state.today,
    };
    this.dispatchEvent(new CustomEvent('markwise-findings', { detail, bubbles: true, composed: true }));
  }

  #fail(heading: string, where: string, problems: readonly Problem[]): void {
    this.setAttribute('data-status', 'error');
    showProblems(this.root, heading, where, problems);
  }
}

/** Attendance from the badge's attributes: attendance="94.5", or attended="245" possible="280". */
function attendanceOf(element: Element): number | null {
  const percent = element.getAttribute('attendance');
  if (percent !== null) return readPercentage(percent);
  const attended = Number(element.getAttribute('attended'));
  const possible = Number(element.getAttribute('possible'));
  if (!Number.isInteger(attended) || !Number.isInteger(possible) || possible <= 0 || attended < 0 || attended > possible) return null;
  return (attended * 100) / possible;
}

export class MarkwiseBadge extends MarkwiseElement {
  static readonly observedAttributes = ['upn', 'name', 'attendance', 'attended', 'possible', 'preset', 'policy-src', 'focusable'];
  #drawn = 0;

  protected refresh(): void {
    void this.#draw();
  }

  attributeChangedCallback(): void {
    if (this.isConnected) void this.#draw();
  }

  async #draw(): Promise<void> {
    const turn = ++this.#drawn;
    const outcome = await elementPolicy(this, this.policyProperty);
    if (turn !== this.#drawn) return;
    if (!outcome.ok) return showProblems(this.root, 'Markwise could not use this policy', outcome.where, outcome.problems);
    const attendance = attendanceOf(this);
    if (attendance === null) {
      return showProblems(this.root, 'Markwise has no attendance figure for this badge', 'the badge', [
        { path: 'attendance', message: 'give attendance="94.5" (per cent), or attended="245" possible="280"' },
      ]);
    }
    const policy = outcome.policy;
    this.root.adoptedStyleSheets = [sheetFor(BADGE_CSS)];
    this.root.replaceChildren();
    const upn = this.getAttribute('upn') ?? '';
    render(
      h(Badge, {
        view: {
          upn,
          name: this.getAttribute('name') ?? upn,
          attendance,
          band: bandFor(policy, attendance),
          tier: tierFor(policy, attendance),
          from: '',
          focusable: this.getAttribute('focusable') !== 'false',
        },
      }),
      this.root,
    );
  }
}

/** Defines the elements once, however many times the script is included. */
export function defineElements(registry: CustomElementRegistry = customElements): void {
  if (registry.get('markwise-panel') === undefined) registry.define('markwise-panel', MarkwisePanel);
  if (registry.get('markwise-badge') === undefined) registry.define('markwise-badge', MarkwiseBadge);
}


// The rules panel: findings grouped by rule with counts, most urgent first;
// each says what, why and what to do, and can be shown, fixed or dismissed.
// All page text is rendered as text (JSX escapes it), never as HTML.

import { Component, type ComponentChildren } from 'preact';
import { formatSchoolDate } from '../rules/dates';
import { SEVERITY_ORDER, type RuleId, type Severity } from '../rules/findings';
import type { FindingView, FixRecord, PanelActions, PanelState } from './model';
import { RULE_TITLES, SEVERITY_GLYPHS, SEVERITY_LABELS } from './rule-titles';

/** Findings shown per group before "Show more": a whole school's office page can hold thousands. */
const PAGE_SIZE = 25;

/** Up to this many findings every group starts open; beyond it, the two most urgent. */
const OPEN_ALL_UP_TO = 150;

/**
 * A disclosure in WAI-ARIA's pattern (a button that says whether it is expanded), where <details>
 * would do: a <details> drawn at DOMContentLoaded made Chromium lay out and paint the whole MIS page
 * before firing the page's own load event, 0.5-1.5 s later on a 15,000-cell page (issue 15;
 * BENCHMARKS.md, "Where the load time went"). Its contents are drawn only while it is open.
 */
class Disclosure extends Component<{ class: string; group?: string; open?: boolean; summary: ComponentChildren; onToggle?: (open: boolean) => void; children: ComponentChildren }, { open: boolean }> {
  override state = { open: this.props.open === true };

  override render() {
    const { open } = this.state;
    return (
      <div class={this.props.class} data-group={this.props.group}>
        <button
          type="button"
          class="summary"
          aria-expanded={open ? 'true' : 'false'}
          onClick={() => {
            this.setState({ open: !open });
            this.props.onToggle?.(!open);
          }}
        >
          {this.props.summary}
        </button>
        <div hidden={!open}>{this.props.children}</div>
      </div>
    );
  }
}

export const DISMISS_REASONS = [
  'Checked: the mark is right',
  'Being dealt with by the office',
  'Already changed in the MIS',
  'Not our pupil on that date',
] as const;

function SeverityMark({ severity }: { severity: Severity }) {
  return (
    <span class={`sev sev-${severity}`}>
      <span class="glyph" aria-hidden="true">
        {SEVERITY_GLYPHS[severity]}
      </span>
      <span class="sev-word">{SEVERITY_LABELS[severity]}</span>
    </span>
  );
}

function sessionWord(session: string): string {
  return session === 'AM' ? 'morning' : 'afternoon';
}

interface Group {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly items: FindingView[];
}

/** Groups in order of their most urgent finding; items keep the engine's order. */
export function groupFindings(items: readonly FindingView[]): { groups: Group[]; dismissed: FindingView[] } {
  const byRule = new Map<RuleId, Group>();
  const dismissed: FindingView[] = [];
  for (const item of items) {
    if (item.dismissed !== null) {
      dismissed.push(item);
      continue;
    }
    let group = byRule.get(item.finding.rule);
    if (group === undefined) {
      group = { rule: item.finding.rule, severity: item.finding.severity, items: [] };
      byRule.set(item.finding.rule, group);
    }
    group.items.push(item);
    if (SEVERITY_ORDER[item.finding.severity] < SEVERITY_ORDER[group.severity]) (group as { severity: Severity }).severity = item.finding.severity;
  }
  // Map order is the order of each rule's first (most urgent) finding; severity first.
  const groups = [...byRule.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { groups, dismissed };
}

interface FindingItemProps {
  readonly view: FindingView;
  readonly actions: PanelActions;
  readonly current: boolean;
}

/** Focuses an element of the panel: an action's result, where the person's focus should be next. */
function focusOn(el: Element | null | undefined): void {
  (el as HTMLElement | null | undefined)?.focus();
}

// Class components rather than hooks: preact/hooks would cost the content script's 30 KB budget a kilobyte.
class FindingItem extends Component<FindingItemProps, { dismissing: boolean; reason: string; error: boolean }> {
  override state = { dismissing: false, reason: '', error: false };
  /** What to focus once this item has drawn the change a person asked for. */
  #next = '';
  #li: Element | null = null;

  override componentDidUpdate() {
    if (this.#next !== '') focusOn(this.#li?.querySelector(this.#next));
    this.#next = '';
  }

  override render() {
    const { view, actions, current } = this.props;
    const { dismissing, reason, error } = this.state;
    // The reasons first, none chosen: a dismissal is a decision the person makes (issue 14, item 5).
    const setDismissing = (d: boolean) => {
      this.#next = d ? 'input' : '[data-action="dismiss"]';
      this.setState({ dismissing: d, reason: '', error: false });
    };
    const { finding } = view;
    const idBase = `f-${(view.id ?? view.key).replace(/[^a-zA-Z0-9]/g, '-')}`;
    return (
      <li
        ref={(li) => void (this.#li = li)}
        class={`finding${current ? ' current' : ''}`}
        tabindex={-1}
        data-rule={finding.rule}
        data-severity={finding.severity}
        data-upn={finding.upn}
        data-date={finding.date}
        data-session={finding.session}
        aria-labelledby={`${idBase}-where`}
      >
        <p class="where" id={`${idBase}-where`}>
          <SeverityMark severity={finding.severity} /> {finding.name || finding.upn}, {formatSchoolDate(finding.date)} {sessionWord(finding.session)}
          {finding.mark !== '' ? (
            <>
              {' '}
              (mark <code>{finding.mark}</code>)
            </>
          ) : null}
        </p>
        <p class="what">{finding.what}</p>
        <Disclosure class="why" summary="Why?">
          <p>{finding.why}</p>
        </Disclosure>
        <p class="action">{finding.action}</p>
        {view.dismissed !== null ? (
          <div class="actions">
            <p>Dismissed: {view.dismissed}</p>
            <button type="button" onClick={() => actions.restore(view)}>
              Restore
            </button>
          </div>
        ) : dismissing ? (
          <div class={`dismiss-form${error ? ' err' : ''}`}>
            <fieldset aria-describedby={error ? `${idBase}-err` : undefined}>
              <legend>Why dismiss this finding?</legend>
              {error ? (
                <p class="error-message" id={`${idBase}-err`}>
                  <span class="visually-hidden">Error:</span> Choose why you are dismissing this finding
                </p>
              ) : null}
              {DISMISS_REASONS.map((r) => (
                <label key={r}>
                  <input type="radio" name={`${idBase}-reason`} value={r} checked={reason === r} onChange={() => this.setState({ reason: r, error: false })} /> {r}
                </label>
              ))}
            </fieldset>
            <button
              type="button"
              onClick={() => {
                if (reason !== '') return actions.dismiss(view, reason);
                this.#next = 'input';
                this.setState({ error: true });
              }}
            >
              Dismiss
            </button>
            <button type="button" onClick={() => setDismissing(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <div class="actions">
            {view.onPage ? (
              <button type="button" onClick={() => actions.show(view)} data-action="show">
                Show
              </button>
            ) : null}
            {view.canFix && finding.suggestion !== null ? (
              <button type="button" onClick={() => actions.fix(view)} data-action="fix">
                Change to {finding.suggestion}
              </button>
            ) : null}
            {view.canDismiss === false ? null : (
              <button type="button" onClick={() => setDismissing(true)} data-action="dismiss">
                Dismiss…
              </button>
            )}
          </div>
        )}
      </li>
    );
  }
}

interface GroupProps {
  readonly group: Group;
  readonly actions: PanelActions;
  readonly current: string | null;
  readonly open: boolean;
}

class GroupSection extends Component<GroupProps, { shown: number; open: boolean }> {
  constructor(props: GroupProps) {
    super(props);
    this.state = { shown: PAGE_SIZE, open: props.open };
  }

  override render() {
    const { group, actions, current } = this.props;
    const { shown, open } = this.state;
    const setShown = (n: number) => this.setState({ shown: n });
    // A closed group renders only its heading: a whole school's page can hold thousands of findings.
    return (
      <Disclosure
        class="group"
        group={group.rule}
        open={open}
        onToggle={(o) => this.setState({ open: o })}
        summary={
          <>
            <SeverityMark severity={group.severity} /> {RULE_TITLES[group.rule]} <span class="count">{group.items.length}</span>
          </>
        }
      >
        {open ? (
          <>
            <ol class="findings">
              {group.items.slice(0, shown).map((view) => (
                <FindingItem key={view.id ?? view.key} view={view} actions={actions} current={(view.id ?? view.key) === current} />
              ))}
            </ol>
            {group.items.length > shown ? (
              <button type="button" onClick={() => setShown(shown + PAGE_SIZE)}>
                Show {Math.min(PAGE_SIZE, group.items.length - shown)} more of {group.items.length - shown}
              </button>
            ) : null}
          </>
        ) : null}
      </Disclosure>
    );
  }
}

function FixList({ fixes, actions }: { fixes: readonly FixRecord[]; actions: PanelActions }) {
  if (fixes.length === 0) return null;
  return (
    <section aria-label="Changes made">
      <ul class="findings">
        {fixes.map((fix) => (
          <li class="finding" key={`${fix.key}|${fix.to}`} data-fix={fix.key}>
            <p class="done" tabindex={-1}>
              Changed {fix.name}, {formatSchoolDate(fix.date)} {sessionWord(fix.session)}: <code>{fix.from || 'blank'}</code> to <code>{fix.to}</code>. Save the
              register in the MIS to keep it.
            </p>
            <button type="button" onClick={() => actions.undo(fix)} data-action="undo">
              Undo
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function countBySeverity(items: readonly FindingView[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const item of items) if (item.dismissed === null) counts[item.finding.severity]++;
  return counts;
}

export interface PanelProps {
  readonly state: PanelState;
  readonly collapsed: boolean;
  /** The finding whose cell was last shown. */
  readonly current: string | null;
  readonly actions: PanelActions;
  /** The keyboard shortcut that focuses the panel, where there is one (the extension's). */
  readonly keys?: string;
}

const OPEN_ITEMS = '.group:not([data-group="dismissed"]) li.finding';

/** The open finding of a pupil's session (of a rule, where given): where a fix was undone or a dismissal restored. */
function itemFor(root: Element, f: { upn: string; date: string; session: string; rule?: string }): Element | undefined {
  const is = (li: Element, a: string, v: string) => li.getAttribute(`data-${a}`) === v;
  return [...root.querySelectorAll(OPEN_ITEMS)].find((li) => is(li, 'upn', f.upn) && is(li, 'date', f.date) && is(li, 'session', f.session) && (f.rule === undefined || is(li, 'rule', f.rule)));
}

/** Pupils by name, at most ten, then how many more. */
function namesOf(names: readonly string[]): string {
  return names.length <= 10 ? names.join('; ') : `${names.slice(0, 10).join('; ')} and ${names.length - 10} more`;
}

/** What was not read or not checked, said before any count: a page with gaps is never "nothing to correct". */
function gapsOf(state: PanelState): { headline: string; notices: string[] } {
  const notices: string[] = [];
  const parts: string[] = [];
  const marks = state.marks;
  if (marks != null && marks.read < marks.cells) {
    const unread = marks.cells - marks.read;
    parts.push(`${unread} ${unread === 1 ? 'mark' : 'marks'} not read`);
    notices.push(
      `Markwise read ${marks.read} ${marks.read === 1 ? 'mark' : 'marks'} of the ${marks.cells} cells on this page${marks.read === 0 ? ', so nothing on it has been checked' : `; the other ${unread} could not be read, so they have not been checked`}. Check them in the MIS, and the site profile in Markwise's options.`,
    );
  } else if (marks != null && marks.cells === 0 && state.pupils > 0) {
    parts.push('marks not read');
    notices.push("Markwise found no marks on this page (no cells where the site profile says marks are), so it has checked none. If the page shows marks, check the site profile in Markwise's options.");
  }
  const unchecked = state.unchecked ?? [];
  if (unchecked.length > 0) {
    parts.push(`${unchecked.length} ${unchecked.length === 1 ? 'pupil' : 'pupils'} not checked`);
    notices.push(
      `Markwise could not check every mark of ${unchecked.length} ${unchecked.length === 1 ? 'pupil' : 'pupils'}: ${namesOf(unchecked)}. Their findings may be incomplete: please check their marks by hand.`,
    );
  }
  return { headline: parts.join('; '), notices };
}

/**
 * After Change to, Undo, Dismiss or Restore the item pressed is gone: focus goes to what follows from
 * it (the confirmation, the finding back, the next finding), never to the page's body (issue 14, item 5).
 */
export class Panel extends Component<PanelProps> {
  #want: { from: Element | null; find: (root: Element) => Element | null | undefined } | null = null;
  #el: Element | null = null;

  #aim(find: (root: Element) => Element | null | undefined): void {
    this.#want = { from: (this.#el!.getRootNode() as Document).activeElement, find };
  }

  override componentDidUpdate() {
    const want = this.#want;
    const root = this.#el!;
    if (want === null) return;
    if (!want.from?.isConnected) {
      // The button pressed went with its item: the heading holds focus until the result is drawn.
      want.from = root.querySelector('h2');
      focusOn(want.from);
    } else if ((root.getRootNode() as Document).activeElement !== want.from) {
      // The person has moved on: focus stays where they put it.
      this.#want = null;
      return;
    }
    const target = want.find(root);
    if (target) {
      this.#want = null;
      focusOn(target);
    }
  }

  override render() {
    const { state, collapsed, current, actions: given, keys } = this.props;
    const base = () => this.#el!;
    const actions: PanelActions = {
      ...given,
      fix: (view) => {
        const before = base().querySelector('li[data-fix]');
        this.#aim((root) => {
          const newest = root.querySelector('li[data-fix]');
          return newest === before ? null : newest?.querySelector('.done');
        });
        given.fix(view);
      },
      undo: (fix) => {
        this.#aim((root) => itemFor(root, fix));
        given.undo(fix);
      },
      dismiss: (view, reason) => {
        const items = [...base().querySelectorAll(OPEN_ITEMS)];
        const i = items.indexOf(itemFor(base(), view.finding)!);
        const next = items[i + 1] ?? items[i - 1];
        this.#aim(() => (next?.isConnected ? next : null));
        given.dismiss(view, reason);
      },
      restore: (view) => {
        this.#aim((root) => itemFor(root, view.finding));
        given.restore(view);
      },
    };
    const counts = countBySeverity(state.items);
    const { groups, dismissed } = groupFindings(state.items);
    const gaps = state.status === 'ready' ? gapsOf(state) : { headline: '', notices: [] };
    const headline =
      state.status === 'reading'
        ? 'Reading the register…'
        : state.status === 'not-found'
          ? 'Register not found'
          : `${counts.error} ${counts.error === 1 ? 'error' : 'errors'}, ${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'}${gaps.headline === '' ? '' : `; ${gaps.headline}`}`;
    return (
      <aside
        ref={(el) => void (this.#el = el)}
        class={`mw panel${collapsed ? ' collapsed' : ''}`}
        aria-label="Markwise attendance rules"
        data-status={state.status}
        data-findings={state.items.filter((i) => i.dismissed === null).length}
      >
        <div class="panel-head">
          <h2 tabindex={-1} aria-keyshortcuts={keys}>
            Markwise: {headline}
          </h2>
          <button type="button" aria-expanded={!collapsed} aria-controls="mw-panel-body" onClick={() => actions.setCollapsed(!collapsed)} data-action="collapse">
            {collapsed ? 'Open' : 'Collapse'}
            <span class="visually-hidden"> the Markwise panel</span>
          </button>
        </div>
        {collapsed ? null : (
          <div class="panel-body" id="mw-panel-body">
            <p class="panel-meta">
              {state.profileName}
              {state.verified ? '' : ' (profile not verified)'} · {state.policyName} · as of {formatSchoolDate(state.today)} ·{' '}
              {state.role === 'teacher' ? 'teacher' : 'office'} codes · {state.pupils} {state.pupils === 1 ? 'pupil' : 'pupils'}
            </p>
            {state.status === 'not-found' ? (
              <p class="notice" role="status">
                {state.message}
              </p>
            ) : null}
            {gaps.notices.map((notice) => (
              <p class="notice error" role="status" key={notice} data-gap="">
                {notice}
              </p>
            ))}
            {state.problems.map((problem) => (
              <p class="notice error" key={problem}>
                {problem}
              </p>
            ))}
            <FixList fixes={state.fixes} actions={actions} />
            {state.status === 'ready' && groups.length === 0 ? (
              <p role="status">{gaps.notices.length > 0 ? 'No findings in the marks Markwise could read and check.' : 'Nothing to correct on this page.'}</p>
            ) : null}
            {groups.map((group, i) => (
              <GroupSection key={group.rule} group={group} actions={actions} current={current} open={i < 2 || state.items.length <= OPEN_ALL_UP_TO} />
            ))}
            {dismissed.length > 0 ? (
              <Disclosure
                class="group"
                group="dismissed"
                summary={
                  <>
                    Dismissed <span class="count">{dismissed.length}</span>
                  </>
                }
              >
                <ol class="findings">
                  {dismissed.map((view) => (
                    <FindingItem key={view.id ?? view.key} view={view} actions={actions} current={false} />
                  ))}
                </ol>
              </Disclosure>
            ) : null}
          </div>
        )}
      </aside>
    );
  }
}

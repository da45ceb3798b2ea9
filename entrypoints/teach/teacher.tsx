// The steps of "Teach Markwise this page" (issue 16), on the MIS page itself: the register Markwise
// proposes, then one question at a time with the page to click on, each answer shown generalised
// over the whole register ("30 pupils' names"), a live preview of what the profile reads, and Save.
//
// Every step has a suggestion a person can take with the keyboard ("Use this", the next or previous
// suggestion), or a click on the page instead. While a step waits for a click, the page's own click
// is held back (a link is not followed, a cell not opened); nothing of the page is changed, and
// Cancel leaves no trace on it or in storage.

import { h, render, type ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CODES_2006, CODES_2024 } from '../../rules/codes';
import type { IsoDate } from '../../rules/dates';
import { plural } from '../../rules/words';
import type { SiteProfileInput } from '../../sites/profile';
import { parseSiteProfiles } from '../../sites/profile-import';
import { PRESENT, readRegister, textOf, type PageRegister } from '../../sites/read';
import { findRegisters, headerAbove, type RegisterGuess } from '../../sites/teach/find';
import { arrivalText, dateSourceIn, inPupilRow, namesToMatch, otherCodes, placesLike, selectorInRows, sessionSourceIn, teachProfile, type Lesson, type TeachStep } from '../../sites/teach/lesson';
import { BASE_CSS } from '../../components/styles';
import TEACH_CSS from './teach.css?inline';


type SaveReply = { ok: true; id: string } | { ok: false; problems: string[] } | { error: string };

interface TeachOptions {
  readonly shadowMode: ShadowRootMode;
  /** The day Markwise checks as of (Europe/London, or the development build's fixed day): a page that is always today's register is read as of it. */
  readonly today: IsoDate;
  save(profile: SiteProfileInput): Promise<SaveReply>;
  done(): void;
}

type StepId = 'register' | 'name' | 'mark' | 'date' | 'session' | 'names' | 'upn' | 'attendance' | 'arrival' | 'preview';
const OPTIONAL: ReadonlySet<StepId> = new Set(['upn', 'attendance', 'arrival']);

interface Answers {
  name?: Element;
  mark?: Element;
  /** 'today': the page only ever shows today's register, and shows no date. */
  date?: Element | 'today';
  /** 'AM' or 'PM': the page only ever shows that session's register. */
  session?: Element | 'AM' | 'PM';
  upn?: Element | null;
  attendance?: Element | null;
  arrival?: Element | null;
}

/** Starts the steps on the page; returns what brings them to the front again. */
export function startTeaching(doc: Document, options: TeachOptions): () => void {
  const host = doc.createElement('markwise-teach');
  host.setAttribute('data-markwise', '');
  const root = host.attachShadow({ mode: options.shadowMode });
  const sheet = new (doc.defaultView as Window & typeof globalThis).CSSStyleSheet();
  sheet.replaceSync(BASE_CSS + TEACH_CSS);
  root.adoptedStyleSheets = [sheet];
  doc.documentElement.append(host);
  const close = () => {
    render(null, root);
    host.remove();
    options.done();
  };
  // Above Markwise's panel, which a page may already show (re-teaching) or shows once saved: the
  // later of two hosts at the same z-index is drawn on top.
  const toFront = () => {
    if (host.nextElementSibling !== null) doc.documentElement.append(host);
  };
  render(h(Teacher, { doc, options, close, toFront }), root);
  const focus = () => {
    toFront();
    (root.querySelector('h2') as HTMLElement | null)?.focus();
  };
  focus();
  return focus;
}

/** An element's text for a person, its lines joined by spaces ("Tue 25 Nov 2025 AM" of a header with a <br>). */
function shown(element: Element | null | undefined): string {
  const parts: string[] = [];
  const walker = element?.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker?.nextNode(); node; node = walker!.nextNode()) if (node.parentElement?.closest('script, style') == null) parts.push(node.textContent ?? '');
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** What an element shows a person now: a dropdown's chosen option (a date's three dropdowns together), a box's value, else its text. */
function showing(element: Element): string {
  if (element.localName === 'select') {
    const source = dateSourceIn(element, { scope: 'page' });
    const chosen = (e: Element | null) => (e as HTMLSelectElement | null)?.selectedOptions[0]?.textContent?.trim() ?? '';
    if (source !== null && 'parts' in source) {
      const [day, month, year] = [source.parts.day, source.parts.month, source.parts.year].map((part) => chosen(element.ownerDocument.querySelector(part.selector!)));
      return `${day} ${month} ${year} (in three dropdowns)`;
    }
    return chosen(element);
  }
  return shown(element) || (element as HTMLInputElement).value || element.localName;
}

/** Suggestions for a step, best first. */
function suggestions(step: StepId, guess: RegisterGuess, answers: Answers, doc: Document): Element[] {
  const row = guess.rows[0]!;
  const inRows = (test: (text: string, element: Element) => boolean) =>
    Array.from(row.querySelectorAll('td, th, span, a, div, time, input')).filter((e) => !e.contains(guess.marks[0]?.[0]?.control ?? null) && test(e.localName === 'input' ? (e as HTMLInputElement).value : textOf(e).trim(), e));
  switch (step) {
    case 'name':
      return [...new Set(guess.names.filter((n): n is Element => n !== null))].slice(0, 1).concat(inRows((t) => /\p{L}{2,}/u.test(t) && !/\d/.test(t)).slice(0, 5));
    case 'mark':
      return guess.marks.find((m) => m.length > 0)!.map((m) => m.control);
    case 'date': {
      // One mark a row, each with its own date (an absence report): the row's date first.
      const found: Element[] = guess.sessions === 1 ? inRows((_t, e) => e.localName !== 'input' && dateSourceIn(e, { scope: 'row' }) !== null).slice(0, 1) : [];
      const header = headerAbove(answers.mark ?? guess.marks[0]![0]!.control, guess.register);
      // The header above the mark, where it holds a date ("Tue 25 Nov 2025 AM"), not a column's title ("Mark").
      if (header !== null && dateSourceIn(header, { scope: 'cell' }) !== null) found.push(header);
      for (const e of Array.from(doc.querySelectorAll('input[type="date"], select, h1, h2, h3, h4, caption, legend, label, p, span, time, strong, th'))) {
        if (e.closest('markwise-teach, markwise-root') !== null || found.includes(e) || inPupilRow(guess, e)) continue;
        if (dateSourceIn(e, { scope: 'page' }) !== null && (e.localName === 'input' || textOf(e).trim().length < 80)) found.push(e);
      }
      return found;
    }
    case 'session': {
      const found: Element[] = guess.sessions === 1 ? inRows((_t, e) => e.localName !== 'input' && sessionSourceIn(e, { scope: 'row' }) !== null).slice(0, 1) : [];
      if (answers.date instanceof Element && sessionSourceIn(answers.date, { scope: 'page' }) !== null) found.push(answers.date);
      for (const e of Array.from(doc.querySelectorAll('select, h1, h2, h3, h4, caption, legend, p, span, strong, th'))) {
        if (e.closest('markwise-teach') !== null || found.includes(e) || inPupilRow(guess, e)) continue;
        if (sessionSourceIn(e, { scope: 'page' }) !== null && textOf(e).trim().length < 80) found.push(e);
      }
      return found;
    }
    case 'upn':
      // A UPN first; else a cell under a header naming an id ("RosarioSIS ID", "Adno").
      return inRows((t) => /^[A-Z]\d{11}[0-9A-Z]$/.test(t)).concat(inRows((t, e) => /^[\w-]{2,20}$/.test(t) && /\b(?:id|adno|admission|number|no\.?)\b/i.test(headerAbove(e, guess.register)?.textContent ?? '')));
    case 'attendance':
      return inRows((t) => /^\d{1,3}(?:\.\d+)?\s*%$/.test(t));
    case 'arrival':
      return arrivalsShown(guess);
    default:
      return [];
  }
}

/**
 * Up to five arrivals the register shows, the rows read in order until they are found: a time or
 * minutes late inside a mark's cell, in the cell after it (an "Arrived" column), or in a column headed
 * for lateness ("Mins late") where a row holds one session.
 */
function arrivalsShown(guess: RegisterGuess): Element[] {
  const found: Element[] = [];
  const readable = (e: Element) => {
    const text = arrivalText(e);
    return /^\d{1,2}:\d{2}$/.test(text) || /^(?:mins? late:? )?\d{1,3}(?: mins?)?$/i.test(text);
  };
  for (let r = 0; r < guess.rows.length && found.length < 5; r++) {
    for (const mark of guess.marks[r]!) {
      const cell = mark.control.closest('td, [role="gridcell"], [role="cell"]') ?? mark.control;
      const near = [...Array.from(cell.querySelectorAll('time, span, small, input[type="time"], input[type="number"]')), ...(cell.nextElementSibling ? [cell.nextElementSibling] : [])];
      for (const e of near) if (readable(e) && !found.includes(e)) found.push(e);
    }
    if (guess.sessions === 1) {
      for (const cell of Array.from(guess.rows[r]!.children)) {
        if (!/arriv|late|min/i.test(headerAbove(cell, guess.register)?.textContent ?? '')) continue;
        // The cell's text, or the box in it ("minutes_late[7102]").
        for (const e of [cell, ...Array.from(cell.querySelectorAll('input'))]) if (readable(e) && !found.includes(e)) found.push(e);
      }
    }
  }
  return found.slice(0, 5);
}

const STEP_TITLES: Record<StepId, string> = {
  register: 'The register',
  name: "A pupil's name",
  mark: 'One mark',
  date: "That mark's date",
  session: "That mark's session",
  names: 'What the names mean',
  upn: "A pupil's UPN or the MIS's id for them (optional)",
  attendance: 'The attendance figure (optional)',
  arrival: 'An arrival time or minutes late (optional)',
  preview: 'Check and save',
};

const ASK: Record<StepId, string> = {
  register: 'Is this the register? Markwise has outlined it on the page.',
  name: "Click a pupil's name in the register (or Tab to it and press Enter), or use Markwise's suggestion.",
  mark: 'Click one mark (or Tab to it and press Enter): a code, a box, a dropdown or a row of buttons.',
  date: "Click where that mark's date is shown: the column's header, the page's heading, its date box or its date dropdowns. If the page shows no date because it only ever shows today's register, say so.",
  session: 'Click where AM or PM (morning or afternoon) is shown for that mark. If the page only ever shows one session\'s register, say which.',
  names: 'The register shows these names instead of codes. Choose the DfE code each one means.',
  upn: "If the page shows pupils' UPNs, click one. If it shows only the MIS's own number for each pupil (an admission number, an id), click that. Otherwise skip this.",
  attendance: "If the page shows each pupil's attendance figure (a percentage), click one. Otherwise skip this.",
  arrival: 'If the page shows when a late pupil arrived (a time, or minutes late), click one. Otherwise skip this.',
  preview: 'This is what Markwise reads with what you taught it. Nothing is kept until you press Save.',
};

function Teacher({ doc, options, close, toFront }: { doc: Document; options: TeachOptions; close: () => void; toFront: () => void }) {
  const [guesses, setGuesses] = useState<RegisterGuess[]>(() => findRegisters(doc));
  const [which, setWhich] = useState(0);
  const guess = guesses[which]!;
  const [step, setStep] = useState<StepId>('register');
  const [answers, setAnswers] = useState<Answers>({});
  const [choice, setChoice] = useState(0);
  /** What the person clicked on the page for this step, in place of the suggestion. */
  const [picked, setPicked] = useState<Element | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [role, setRole] = useState<'teacher' | 'office'>('teacher');
  const [said, setSaid] = useState<{ kind: 'ok' | 'warn'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [, redraw] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  const needNames = useMemo(() => namesToMatch(guess), [guess]);
  const order: StepId[] = ['register', 'name', 'mark', 'date', 'session', ...(needNames.length > 0 ? (['names'] as const) : []), 'upn', 'attendance', 'arrival', 'preview'];
  const at = order.indexOf(step);
  const offered = useMemo(() => suggestions(step, guess, answers, doc), [step, guess, answers.mark, answers.date]);
  const current: Element | undefined = step === 'register' ? guess.register : (picked ?? offered[choice]);

  const lesson = (): Lesson | null =>
    answers.name && answers.date && answers.session
      ? {
          guess,
          name: answers.name,
          date: answers.date,
          session: answers.session,
          names,
          role,
          ...(answers.upn ? { upn: answers.upn } : {}),
          ...(answers.attendance ? { attendance: answers.attendance } : {}),
          ...(answers.arrival ? { arrival: answers.arrival } : {}),
        }
      : null;

  const taught = useMemo(() => {
    const l = lesson();
    if (l === null) return null;
    return teachProfile(l, { location: doc.location, title: doc.title });
  }, [guess, answers, names, role]);

  const preview = useMemo((): { profile: SiteProfileInput; read: PageRegister } | { problem: string } | null => {
    if (taught === null) return null;
    if (!taught.ok) return { problem: taught.message };
    // The same check as Save's (and the options page's import): what passes here is what is kept.
    const parsed = parseSiteProfiles({ schemaVersion: 2, profiles: [taught.profile] });
    if (!parsed.ok) return { problem: parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ') };
    const profile = parsed.profiles[0]!;
    const root = doc.querySelector(profile.register);
    if (root === null) return { problem: 'The register could not be found again with what was taught.' };
    return { profile: taught.profile, read: readRegister(doc, root, profile, '', options.today) };
  }, [taught]);

  // What the step has found across the register, outlined on the page.
  /** A read problem the person asked to see: its row (and cell) outlined on the page. */
  const [shownProblem, setShownProblem] = useState<Element | null>(null);
  const outlined = useMemo((): Element[] => {
    if (step === 'preview') return shownProblem === null ? [] : [shownProblem];
    if (step === 'register') return [guess.register];
    if (step === 'name' && current) return selectorInRows(current, guess.rows)?.found ?? [current];
    if (step === 'mark') return guess.marks.flat().map((m) => m.control);
    if ((step === 'upn' || step === 'attendance') && current) return selectorInRows(current, guess.rows)?.found ?? [current];
    if ((step === 'date' || step === 'session' || step === 'arrival') && current) return placesLike(step, current, guess);
    return current ? [current] : [];
  }, [step, guess, current, shownProblem]);

  const found = (): string => {
    if (step === 'register') return `${guess.rows.length} ${guess.rows.length === 1 ? 'pupil' : 'pupils'}, ${guess.sessions} ${guess.sessions === 1 ? 'session' : 'sessions'}`;
    if (current === undefined) return 'Nothing suggested: click it on the page.';
    if (step === 'name') return `${outlined.length} pupils' names, such as “${shown(current)}”`;
    if (step === 'mark') return `${outlined.length} marks in ${guess.rows.length} rows`;
    if (step === 'upn' || step === 'attendance') return `${outlined.length} rows, such as “${shown(current)}”`;
    if (outlined.length > 1 && step === 'arrival') return `“${showing(current)}”, and ${outlined.length} arrivals in all`;
    if (outlined.length > 1 && inPupilRow(guess, current)) return `“${showing(current)}”, and one in each of ${outlined.length} rows`;
    if (outlined.length > 1) return `“${showing(current)}”, a header over each of ${outlined.length} sessions`;
    return `“${showing(current)}”`;
  };

  // The page's clicks, while a step waits for one: taken as the answer, and not passed on to the page.
  useEffect(() => {
    if (step === 'names' || step === 'preview' || saved) return;
    const lifetime = new AbortController();
    const hold = (event: Event) => {
      const path = event.composedPath();
      const target = path[0];
      // Markwise's own elements (these steps, its panel and badges where it already runs) are not the
      // page's: closest() stops at a shadow root, so the path is searched for their hosts.
      if (!(target instanceof Element) || path.some((node) => node instanceof Element && node.localName.startsWith('markwise-'))) return;
      // By keyboard: Tab to it on the page, then Enter (which then neither follows a link nor sends a form).
      if (event.type === 'keydown' && (event as KeyboardEvent).key !== 'Enter') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (event.type === 'click' || event.type === 'keydown') pick(target);
    };
    for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click', 'keydown']) doc.addEventListener(type, hold, { capture: true, signal: lifetime.signal });
    return () => lifetime.abort();
  }, [step, guess, saved]);

  // The outlines follow the page as it scrolls or is resized.
  useEffect(() => {
    let queued = false;
    const again = () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        redraw((n) => n + 1);
      });
    };
    const win = doc.defaultView!;
    win.addEventListener('scroll', again, { passive: true, capture: true });
    win.addEventListener('resize', again, { passive: true });
    return () => {
      win.removeEventListener('scroll', again, { capture: true });
      win.removeEventListener('resize', again);
    };
  }, []);

  // A single-page app may replace its register while a person teaches (a refresh, a re-render): what
  // was pointed at is then no longer on the page, and a profile made from it would be made from
  // nothing. Markwise finds the register again and starts the steps over, keeping the names matched.
  useEffect(() => {
    if (saved) return;
    const gone = () => !guess.register.isConnected || guess.rows.some((r) => !r.isConnected);
    const observer = new (doc.defaultView!.MutationObserver)(() => {
      if (!gone()) return;
      const again = findRegisters(doc);
      if (again.length === 0) {
        setSaid({ kind: 'warn', text: 'The page has taken its register away. Markwise will find it again when the page shows it.' });
        return;
      }
      setGuesses(again);
      setWhich(0);
      setAnswers({});
      setPicked(null);
      setChoice(0);
      setStep('register');
      setSaid({ kind: 'warn', text: 'The page replaced its register while you were teaching. Markwise has found it again: check it is the register, then answer the steps again. The names you matched are kept.' });
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [guess, saved]);

  useEffect(() => heading.current?.focus(), [step]);

  const pick = (target: Element) => {
    setSaid(null);
    if (step === 'register') {
      const index = guesses.findIndex((g) => g.register.contains(target));
      if (index < 0) return setSaid({ kind: 'warn', text: 'Markwise cannot read a register there. Click inside the table or list of pupils and their marks.' });
      return setWhich(index);
    }
    if (step === 'mark') {
      const markIn = (g: RegisterGuess) => g.marks.flat().find((m) => m.control.contains(target) || (m.control.closest('td') ?? m.control).contains(target));
      const mark = markIn(guess);
      if (mark !== undefined) return setPicked(mark.control);
      // Another list of controls in the same rows (the type dropdown beside the reason Markwise first took): the person's choice wins.
      const other = guesses.findIndex((g) => g.register === guess.register && g !== guess && markIn(g) !== undefined);
      if (other < 0) return setSaid({ kind: 'warn', text: 'That is not one of the marks Markwise found (outlined). Click a mark in the register.' });
      setWhich(other);
      return setPicked(markIn(guesses[other]!)!.control);
    }
    if ((step === 'name' || step === 'upn' || step === 'attendance') && !inPupilRow(guess, target)) {
      return setSaid({ kind: 'warn', text: "That is not in a pupil's row. Click inside one of the register's rows." });
    }
    // A header's text may be in an element inside it: the header cell is what is read.
    const inHead = (step === 'date' || step === 'session') && guess.register.contains(target) ? target.closest('th') : null;
    setPicked(inHead ?? target);
  };

  const go = (to: StepId) => {
    setSaid(null);
    setChoice(0);
    setPicked(null);
    setStep(to);
  };

  const useThis = () => {
    if (step === 'register') return go('name');
    if (current === undefined) return setSaid({ kind: 'warn', text: 'Click it on the page first.' });
    const next = order[at + 1]!;
    const key = step as Exclude<StepId, 'register' | 'names' | 'preview'>;
    const updated = { ...answers, [key]: current };
    if (step === 'date') {
      // A header that says both ("Mon 24 Nov AM") answers the session too.
      if (sessionSourceIn(current, { scope: 'page' }) !== null) updated.session = current;
    }
    setAnswers(updated);
    go(next);
  };

  /** A page that never shows its date or session: always today's, always AM or PM, as the person says. */
  const always = (answer: Pick<Answers, 'date' | 'session'>) => {
    setAnswers({ ...answers, ...answer });
    go(order[at + 1]!);
  };

  const skip = () => {
    setAnswers({ ...answers, [step]: null });
    go(order[at + 1]!);
  };

  const save = async () => {
    if (preview === null || 'problem' in preview) return;
    setSaving(true);
    const reply = await options.save(preview.profile).catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }));
    setSaving(false);
    if ('ok' in reply && reply.ok) {
      // The panel comes now, after this host: these steps stay in front until closed.
      toFront();
      const drawn = new MutationObserver(() => toFront());
      drawn.observe(doc.documentElement, { childList: true });
      setTimeout(() => drawn.disconnect(), 5000);
      setSaved(true);
      setSaid({ kind: 'ok', text: 'Saved. Markwise now reads this page with what you taught it, and will on this site from now on.' });
    } else {
      setSaid({ kind: 'warn', text: `Nothing was saved: ${'error' in reply ? reply.error : 'problems' in reply ? reply.problems.join('; ') : 'no answer'}` });
    }
  };

  return (
    <div class="mw teach" role="dialog" aria-modal="false" aria-labelledby="teach-title">
      <Outlines elements={outlined} doc={doc} />
      <section class="steps">
        <h2 id="teach-title" tabIndex={-1} ref={heading}>
          Teach Markwise this page
        </h2>
        <p class="where">
          Step {at + 1} of {order.length}: {STEP_TITLES[step]}
        </p>
        {saved ? null : <p>{ASK[step]}</p>}
        {step !== 'names' && step !== 'preview' ? (
          <p class="found" role="status">
            Found: {found()}
          </p>
        ) : null}
        {step === 'names' ? <NameChoices names={needNames} chosen={names} onChoose={(name, code) => setNames({ ...names, [name]: code })} /> : null}
        {step === 'preview' ? (
          <Preview
            preview={preview}
            others={otherCodes(guess)}
            role={role}
            onRole={setRole}
            onShow={(element) => {
              element.scrollIntoView({ block: 'center' });
              setShownProblem(element);
            }}
          />
        ) : null}
        {said !== null ? (
          <p class={said.kind === 'warn' ? 'warn' : 'ok'} role={said.kind === 'warn' ? 'alert' : 'status'}>
            {said.text}
          </p>
        ) : null}
        <div class="actions">
          {saved ? (
            <button type="button" class="primary" onClick={close}>
              Close
            </button>
          ) : (
            <>
              {step === 'preview' ? (
                <button type="button" class="primary" disabled={saving || preview === null || 'problem' in preview} onClick={() => void save()}>
                  Save
                </button>
              ) : step === 'names' ? (
                <button type="button" class="primary" disabled={needNames.some((n) => names[n] === undefined)} onClick={() => go(order[at + 1]!)}>
                  Next
                </button>
              ) : (
                <button type="button" class="primary" onClick={useThis}>
                  {step === 'register' ? "Yes, that's the register" : 'Use this'}
                </button>
              )}
              {step !== 'register' && step !== 'names' && step !== 'preview' && offered.length > 1 ? (
                <button type="button" onClick={() => (setPicked(null), setChoice((choice + 1) % offered.length))}>
                  Next suggestion
                </button>
              ) : null}
              {step === 'register' && guesses.length > 1 ? (
                <button type="button" onClick={() => setWhich((which + 1) % guesses.length)}>
                  Another register
                </button>
              ) : null}
              {step === 'date' ? (
                <button type="button" onClick={() => always({ date: 'today' })}>
                  The page shows only today's register
                </button>
              ) : null}
              {step === 'session'
                ? (['AM', 'PM'] as const).map((s) => (
                    <button type="button" key={s} onClick={() => always({ session: s })}>
                      Always the {s} register
                    </button>
                  ))
                : null}
              {OPTIONAL.has(step) ? (
                <button type="button" onClick={skip}>
                  Skip
                </button>
              ) : null}
              {at > 0 ? (
                <button type="button" onClick={() => go(order[at - 1]!)}>
                  Back
                </button>
              ) : null}
              <button type="button" onClick={close}>
                Cancel
              </button>
            </>
          )}
        </div>
      </section>
    </div>
  );
}

/** Each name the register shows, with the DfE code it means chosen from a list that says what each code is. */
function NameChoices({ names, chosen, onChoose }: { names: readonly string[]; chosen: Record<string, string>; onChoose: (name: string, code: string) => void }) {
  return (
    <ul class="names">
      {names.map((name, i) => (
        <li key={name}>
          <label for={`name-${i}`}>{name}</label>
          <select id={`name-${i}`} value={chosen[name] ?? ''} onChange={(e) => onChoose(name, (e.currentTarget as HTMLSelectElement).value)}>
            <option value="">Choose a code…</option>
            <option value={PRESENT}>/ or \: present (the session decides)</option>
            {[...CODES_2024.values()].map((c) => (
              <option key={c.code} value={c.code}>
                {c.code}: {c.meaning}
              </option>
            ))}
            {/* An MIS may still offer a withdrawn code: matched to it, Markwise can say so where it is used. */}
            {[...CODES_2006.values()]
              .filter((c) => !CODES_2024.has(c.code))
              .map((c) => (
                <option key={c.code} value={c.code}>
                  {c.code}: {c.meaning} (withdrawn on 19 August 2024)
                </option>
              ))}
          </select>
        </li>
      ))}
    </ul>
  );
}

/** The element a read problem is about: "row 3" (the profile's third row), "row 3, cell 2" (its second cell); null for the register as a whole. */
function problemAt(read: PageRegister, where: string): Element | null {
  const at = /^row (\d+)(?:, cell (\d+))?/.exec(where);
  if (at === null || read.profile.rows === undefined) return null;
  const row = read.root.querySelectorAll(read.profile.rows)[Number(at[1]) - 1] ?? null;
  if (row === null || at[2] === undefined || read.profile.cells === undefined || read.profile.cells.selector === ':scope') return row;
  return row.querySelectorAll(read.profile.cells.selector)[Number(at[2]) - 1] ?? row;
}

function Preview({ preview, others, role, onRole, onShow }: { preview: { profile: SiteProfileInput; read: PageRegister } | { problem: string } | null; others: readonly string[]; role: 'teacher' | 'office'; onRole: (role: 'teacher' | 'office') => void; onShow: (element: Element) => void }) {
  if (preview === null) return <p class="warn">Go back and answer the steps above first.</p>;
  if ('problem' in preview) return <p class="warn" role="alert">Markwise cannot read the page yet: {preview.problem}</p>;
  const { read } = preview;
  const sessions = [...new Set(read.cells.map((c) => `${c.date} ${c.session}`))].sort();
  const marks = read.snapshot.pupils.reduce((n, p) => n + p.marks.length, 0);
  const arrivals = read.snapshot.pupils.reduce((n, p) => n + p.marks.filter((m) => m.arrival != null || m.minutesLate != null).length, 0);
  return (
    <>
      <p class="found" role="status">
        {plural(read.snapshot.pupils.length, 'pupil')} × {plural(sessions.length, 'session')}: {plural(marks, 'mark')} read
        {read.profile.cells?.arrival !== undefined ? `, ${arrivals} with ${read.profile.cells.arrival.means === 'minutes-late' ? 'minutes late' : 'an arrival time'}` : ''}; {plural(read.problems.length, 'problem')} reading the page.
      </p>
      {others.length > 0 ? (
        <p class="others">
          Not DfE codes, read as written, and flagged wherever they are used: {others.map((o) => `“${o}”`).join(', ')}.
        </p>
      ) : null}
      {read.problems.length > 0 ? (
        <ul class="problems">
          {read.problems.slice(0, 20).map((p, i) => {
            const element = problemAt(read, p.where);
            return (
              <li key={i}>
                {p.where}: {p.message}{' '}
                {element !== null ? (
                  <button type="button" onClick={() => onShow(element)}>
                    Show {p.where} on the page
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      <div class="preview" tabIndex={0} role="region" aria-label="What Markwise reads">
        <table>
          <thead>
            <tr>
              <th scope="col">Pupil</th>
              {sessions.map((s) => (
                <th scope="col" key={s}>
                  {dayLabel(s)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {read.snapshot.pupils.map((pupil) => (
              <tr key={pupil.upn}>
                <th scope="row">{pupil.name}</th>
                {sessions.map((s) => {
                  const mark = pupil.marks.find((m) => `${m.date} ${m.session}` === s);
                  const late = mark === undefined ? '' : mark.arrival != null ? ` ${mark.arrival}` : mark.minutesLate != null ? ` +${mark.minutesLate} min` : '';
                  return <td key={s}>{mark === undefined ? '' : `${mark.mark === '' ? '–' : mark.mark}${late}`}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <fieldset class="role">
        <legend>Who uses this page?</legend>
        <label>
          <input type="radio" name="role" checked={role === 'teacher'} onChange={() => onRole('teacher')} /> Teachers taking the register
        </label>
        <label>
          <input type="radio" name="role" checked={role === 'office'} onChange={() => onRole('office')} /> The office correcting registers
        </label>
      </fieldset>
    </>
  );
}


/** "Mon 24 Nov AM", in en-GB, from a date and session. */
function dayLabel(key: string): string {
  const [date, session] = key.split(' ');
  const day = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  return `${day} ${session}`;
}

/** Outlines over what a step found, drawn in Markwise's own layer: only those on screen. */
function Outlines({ elements, doc }: { elements: readonly Element[]; doc: Document }): ComponentChildren {
  const win = doc.defaultView!;
  const boxes: { top: number; left: number; width: number; height: number }[] = [];
  // A register's marks run down the page in document order: the first on screen is found by halving
  // (15,000 marks are not each measured at every scroll frame), and those after it until the screen ends.
  let low = 0;
  for (let high = elements.length; low < high; ) {
    const mid = (low + high) >> 1;
    if (elements[mid]!.getBoundingClientRect().bottom < 0) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < elements.length; i++) {
    const box = elements[i]!.getBoundingClientRect();
    // Well below the screen: so are the rest (a row's cells may sit a little lower than the next row's first).
    if (box.top > win.innerHeight * 2) break;
    if (box.bottom < 0 || box.top > win.innerHeight || box.width === 0) continue;
    boxes.push({ top: box.top, left: box.left, width: box.width, height: box.height });
    if (boxes.length >= 400) break;
  }
  return (
    <div class="outlines" aria-hidden="true">
      {boxes.map((b, i) => (
        <div key={i} class="outline" style={{ top: `${b.top - 2}px`, left: `${b.left - 2}px`, width: `${b.width + 4}px`, height: `${b.height + 4}px` }} />
      ))}
    </div>
  );
}

// GOV.UK's error pattern, once for every form of the options and check pages (issue 14, item 8):
// an error summary at the top of the form, focused when the form is sent with mistakes, a link
// to each field with one; and the message at the field, the control marked and described by it.

import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export interface FieldProblem {
  /** The id of the control the message is about (the summary's link moves focus to it); null when the form has none (the summary says it unlinked). */
  readonly id: string | null;
  /** What the summary says: the field's label and what is wrong, so it reads on its own. */
  readonly summary: string;
  /** What the field says, beside its label. */
  readonly message: string;
}

/** A message as said beside its field: "is empty: choose the DfE code ..." is "Choose the DfE code ...". */
export function atField(message: string): string {
  const rest = message.startsWith('is empty: ') ? message.slice('is empty: '.length) : message;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * "There is a problem", with a link to each field. Focused each time `attempt` changes with
 * problems to show (each time the form is sent), so a keyboard or screen reader user starts there.
 */
export function ErrorSummary({ id, problems, attempt, intro }: { id: string; problems: readonly FieldProblem[]; attempt: number; intro?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [attempt]);
  if (problems.length === 0) return null;
  return (
    <div id={id} class="error-summary" ref={ref} tabIndex={-1} aria-labelledby={`${id}-h`}>
      <div role="alert">
        <h3 id={`${id}-h`}>There is a problem</h3>
        {intro !== undefined ? <p>{intro}</p> : null}
        <ul>
          {problems.map((p, i) => (
            <li key={i}>
              {p.id === null ? (
                p.summary
              ) : (
              <a
                href={`#${p.id}`}
                onClick={(e) => {
                  // GOV.UK's: focus the field itself (following the link alone would only scroll to it), its label in view.
                  const control = document.getElementById(p.id!);
                  if (control === null) return;
                  e.preventDefault();
                  control.focus();
                  (document.querySelector(`label[for="${p.id}"]`) ?? control).scrollIntoView({ block: 'start' });
                }}
              >
                {p.summary}
              </a>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * For a control read as it changes, with no button to send it: it is sent when the person is done
 * with it, by Enter in it or by leaving it after a change, and only then is the summary focused
 * (never while a date's day is being typed again). `changed` is called from the control's own handler.
 */
export function useSentWhenDone(send: () => void): { changed: () => void; done: { onFocus: () => void; onBlur: () => void; onKeyDown: (e: KeyboardEvent) => void } } {
  const changed = useRef(false);
  return {
    changed: () => {
      changed.current = true;
    },
    done: {
      onFocus: () => {
        changed.current = false;
      },
      onBlur: () => {
        if (!changed.current) return;
        changed.current = false;
        send();
      },
      onKeyDown: (e: KeyboardEvent) => {
        if (e.key !== 'Enter') return;
        changed.current = false;
        send();
      },
    },
  };
}

type ControlProps = { id: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string };

/**
 * A labelled control with its message when it has one: the label, then "Error: …", then the
 * control, marked invalid and described by the message (GOV.UK's error message).
 */
export function Field({ id, label, problem, hint, control }: { id: string; label: ComponentChildren; problem?: FieldProblem | undefined; hint?: string; control: (props: ControlProps) => JSX.Element }) {
  const described = [hint === undefined ? null : `${id}-hint`, problem === undefined ? null : `${id}-error`].filter((d) => d !== null).join(' ');
  return (
    <div class={`field${problem ? ' field-error' : ''}`}>
      <label for={id}>{label}</label>
      {hint !== undefined ? (
        <span class="note" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {problem ? (
        <span class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">Error: </span>
          {problem.message}
        </span>
      ) : null}
      {control({ id, ...(problem ? { 'aria-invalid': 'true' as const } : {}), ...(described !== '' ? { 'aria-describedby': described } : {}) })}
    </div>
  );
}

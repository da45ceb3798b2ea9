// Writing one mark back to the MIS page: only ever when a person accepted a
// fix. Written the way a person's typing or choosing would be, so that the
// MIS's own listeners (its "unsaved changes", its autosave) notice, and with
// what was there before, so that it can be undone.

import { normaliseMark } from '../rules/codes';
import type { Session } from '../rules/snapshot';
import type { MarkControl } from './profile';
import { codeOfLabel, PRESENT, presentFor, radioCode, radiosIn, READS_ANY_PAGE, readMark } from './read';

/** An option for PRESENT stands for both present marks. */
function sameCode(offered: string, wanted: string): boolean {
  return offered === wanted || (offered === PRESENT && (wanted === '/' || wanted === '\\'));
}

/** What the control held before a write, in its own terms, so that undo restores it exactly. */
export type ControlState =
  | { readonly kind: 'text-input'; readonly value: string }
  | { readonly kind: 'select'; readonly value: string }
  | { readonly kind: 'buttons'; readonly pressed: Element | null }
  | { readonly kind: 'radios'; readonly checked: HTMLInputElement | null };

export type WriteResult = { ok: true; before: ControlState } | { ok: false; reason: string };

/**
 * Sets an input's value through the prototype's setter: frameworks such as
 * React track the value property, and only notice a change made this way.
 */
function setNativeValue(element: HTMLInputElement | HTMLSelectElement, value: string): void {
  const prototype = Object.getPrototypeOf(element) as object;
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  if (setter !== undefined) setter.call(element, value);
  else element.value = value;
}

function announce(element: Element): void {
  const view = element.ownerDocument.defaultView;
  if (view === null) return;
  element.dispatchEvent(new view.Event('input', { bubbles: true }));
  element.dispatchEvent(new view.Event('change', { bubbles: true }));
}

function buttonsOf(control: MarkControl, group: Element): Element[] {
  return Array.from(group.querySelectorAll('button, [role="button"], input[type="button"], input[type="radio"]')).filter((b) =>
    control.buttonAttribute === undefined ? true : b.hasAttribute(control.buttonAttribute),
  );
}

function labelOf(control: MarkControl, element: Element): string {
  return control.buttonAttribute !== undefined ? (element.getAttribute(control.buttonAttribute) ?? '') : (element.textContent ?? '');
}

/** Puts code into the control, as the MIS expects it. */
export function writeMark(control: MarkControl, element: Element, code: string): WriteResult {
  switch (control.kind) {
    case 'text-input': {
      const input = element as HTMLInputElement;
      if (input.disabled || input.readOnly) return { ok: false, reason: 'the MIS has locked this cell' };
      const before: ControlState = { kind: 'text-input', value: input.value };
      setNativeValue(input, code);
      announce(input);
      return { ok: true, before };
    }
    case 'select': {
      const select = element as HTMLSelectElement;
      if (select.disabled) return { ok: false, reason: 'the MIS has locked this cell' };
      const option = Array.from(select.options).find((o) => o.value !== '' && sameCode(codeOfLabel(control, o.textContent ?? ''), code));
      if (option === undefined) return { ok: false, reason: `this register offers no option for ${code}` };
      const before: ControlState = { kind: 'select', value: select.value };
      setNativeValue(select, option.value);
      announce(select);
      return { ok: true, before };
    }
    case 'buttons': {
      const button = buttonsOf(control, element).find((b) => sameCode(codeOfLabel(control, labelOf(control, b)), code));
      if (button === undefined) return { ok: false, reason: `this register has no button for ${code}` };
      const before: ControlState = { kind: 'buttons', pressed: element.querySelector('[aria-pressed="true"]') };
      (button as HTMLElement).click();
      return { ok: true, before };
    }
    case 'text':
      return { ok: false, reason: 'this page shows marks read-only; change it in the register itself' };
    case 'radios': {
      if (!READS_ANY_PAGE) return { ok: false, reason: 'radio buttons are written by the Markwise extension, not the widget' };
      const radios = radiosIn(element);
      const radio = radios.find((r) => {
        const offered = radioCode(control, r);
        return offered !== null && sameCode(offered, code);
      });
      if (radio === undefined) return { ok: false, reason: `this register has no radio button for ${code}` };
      if (radio.disabled) return { ok: false, reason: 'the MIS has locked this cell' };
      const before: ControlState = { kind: 'radios', checked: radios.find((r) => r.checked) ?? null };
      // A person's click: the page's own listeners see click, input and change.
      radio.click();
      return radio.checked ? { ok: true, before } : { ok: false, reason: 'the register did not take the mark' };
    }
  }
}

export type UndoResult = { ok: true } | { ok: false; reason: string };

/**
 * Puts back what a write of `written` replaced, only while the control still holds `written`:
 * a mark staff typed or chose since is theirs, and is never overwritten.
 */
export function undoWrite(control: MarkControl, element: Element, before: ControlState, written: string, session: Session): UndoResult {
  if (!element.isConnected) return { ok: false, reason: 'the cell is no longer on the page (the register has been reloaded or replaced)' };
  const read = readMark(control, element);
  const now = read === null ? '' : presentFor(read, session);
  if (read === null || normaliseMark(now, session) !== normaliseMark(written, session)) {
    return { ok: false, reason: `the cell now holds ${read === null ? 'no mark Markwise can read' : now.trim() === '' ? 'nothing' : now.trim()}, not the ${written} Markwise put there, so someone has changed it since` };
  }
  switch (before.kind) {
    case 'text-input':
    case 'select':
      setNativeValue(element as HTMLInputElement | HTMLSelectElement, before.value);
      announce(element);
      return { ok: true };
    case 'buttons':
      if (before.pressed === null || !before.pressed.isConnected) return { ok: false, reason: 'the button it had before is no longer on the page' };
      (before.pressed as HTMLElement).click();
      return readMark(control, element) !== '' ? { ok: true } : { ok: false, reason: 'the register did not take the old mark back' };
    case 'radios': {
      // The widget never writes a radio (above), so it has none to put back.
      if (!READS_ANY_PAGE) return { ok: false, reason: 'radio buttons are written by the Markwise extension, not the widget' };
      if (before.checked === null) {
        // Nothing was checked before: no click unchecks a radio, so clear it and say so as a change would.
        const checked = radiosIn(element).find((r) => r.checked);
        if (checked !== undefined) (checked.checked = false), announce(checked);
        return { ok: true };
      }
      if (!before.checked.isConnected) return { ok: false, reason: 'the radio button it had before is no longer on the page' };
      before.checked.click();
      return before.checked.checked ? { ok: true } : { ok: false, reason: 'the register did not take the old mark back' };
    }
  }
}

/** Whether this kind of control can take a fix at all. */
export function canWrite(control: MarkControl): boolean {
  return control.kind !== 'text';
}

// A pupil's marks prepared once for every check: sorted by date and session,
// normalised, each resolved to the code in force on its date, with the day
// number and arrival minute. Checks read these arrays instead of re-parsing
// strings, which keeps a whole school's year of marks fast to evaluate.

import { CODE_SET_2024_FROM, CODES_2006, codeInForce, normaliseMark, type AttendanceCode } from './codes';
import { dayNumber, parseClockTime, type IsoDate } from './dates';
import type { SnapshotMark, SnapshotPupil } from './snapshot';

/** F was withdrawn partway through the 2006 set's life. */
const F_WITHDRAWN_FROM = CODES_2006.get('F')!.until!;

export interface PupilTimeline {
  readonly pupil: SnapshotPupil;
  readonly length: number;
  /** The snapshot's marks in date and session order. */
  readonly marks: readonly SnapshotMark[];
  /** Each mark read as a code: upper case, stand-ins resolved; '' for blank. */
  readonly normalised: readonly string[];
  /** The code in the set in force on the mark's date; undefined when blank, unknown there or withdrawn. */
  readonly codes: readonly (AttendanceCode | undefined)[];
  readonly days: Int32Array;
  /** 0 for AM, 1 for PM. */
  readonly sessions: Uint8Array;
  /** Arrival as minutes after midnight (a time, or the registration start plus minutes late); -1 where none is recorded. */
  readonly arrivals: Int16Array;
}

interface ResolvedMark {
  readonly normalised: string;
  readonly code: AttendanceCode | undefined;
}

/**
 * Per-evaluation caches: a school has few distinct dates and marks but very
 * many cells, so each (code set, session, mark) is resolved once.
 */
export class TimelineBuilder {
  /** The policy's registration start per session (minutes, AM then PM): minutes late count from it. */
  readonly #startsAt: readonly [number, number] | null;

  constructor(registrationStartsAt: readonly [number, number] | null = null) {
    this.#startsAt = registrationStartsAt;
  }

  readonly #dayNumbers = new Map<IsoDate, number>();
  /**
   * Resolved marks for each span of dates with one meaning for every mark, by
   * session: before F's withdrawal (2013), the rest of the 2006 set, the 2024 set.
   */
  readonly #resolved = [0, 1, 2, 3, 4, 5].map(() => new Map<string, ResolvedMark>());

  #resolve(raw: string, date: IsoDate, session: SnapshotMark['session']): ResolvedMark {
    const normalised = normaliseMark(raw, session);
    return { normalised, code: codeInForce(normalised, date) };
  }

  build(pupil: SnapshotPupil): PupilTimeline {
    const timeline = this.#read(pupil.marks, pupil);
    return timeline.inOrder ? timeline.value : this.#read(sortedByDateAndSession(pupil.marks), pupil).value;
  }

  #read(marks: readonly SnapshotMark[], pupil: SnapshotPupil): { value: PupilTimeline; inOrder: boolean } {
    const n = marks.length;
    const normalised: string[] = new Array<string>(n);
    const codes: (AttendanceCode | undefined)[] = new Array<AttendanceCode | undefined>(n);
    const days = new Int32Array(n);
    const sessions = new Uint8Array(n);
    const arrivals = new Int16Array(n);
    let lastDate = '';
    let day = 0;
    let setIndex = 0;
    let inOrder = true;
    let previousKey = -Infinity;
    for (let i = 0; i < n; i++) {
      const m = marks[i]!;
      if (m.date !== lastDate) {
        lastDate = m.date;
        let known = this.#dayNumbers.get(m.date);
        if (known === undefined) {
          known = dayNumber(m.date);
          this.#dayNumbers.set(m.date, known);
        }
        day = known;
        setIndex = m.date < F_WITHDRAWN_FROM ? 0 : m.date < CODE_SET_2024_FROM ? 2 : 4;
      }
      const pm = m.session === 'PM' ? 1 : 0;
      const key = day * 2 + pm;
      if (key < previousKey) inOrder = false;
      previousKey = key;
      const cache = this.#resolved[setIndex + pm]!;
      let r = cache.get(m.mark);
      if (r === undefined) {
        r = this.#resolve(m.mark, m.date, m.session);
        cache.set(m.mark, r);
      }
      normalised[i] = r.normalised;
      codes[i] = r.code;
      days[i] = day;
      sessions[i] = pm;
      arrivals[i] = m.arrival != null ? (parseClockTime(m.arrival) ?? -1) : m.minutesLate != null && this.#startsAt !== null ? Math.min(this.#startsAt[pm]! + m.minutesLate, 1439) : -1;
    }
    return { value: { pupil, length: n, marks, normalised, codes, days, sessions, arrivals }, inOrder };
  }
}

function sortedByDateAndSession(marks: readonly SnapshotMark[]): SnapshotMark[] {
  return [...marks].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.session < b.session ? -1 : a.session > b.session ? 1 : 0));
}

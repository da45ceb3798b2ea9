// A pupil's marks prepared once for every check: sorted by date and session,
// normalised, each resolved to the code in force on its date, with the day
// number and arrival minute. Checks read these arrays instead of re-parsing
// strings, which keeps a whole school's year of marks fast to evaluate.

import { codeSetOn, normaliseMark, type AttendanceCode } from './codes';
import { dayNumber, parseClockTime, type IsoDate } from './dates';
import type { SnapshotMark, SnapshotPupil } from './snapshot';

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
  /** Arrival as minutes after midnight; -1 where none is recorded. */
  readonly arrivals: Int16Array;
}

/** Per-evaluation caches: there are few distinct dates and marks, and very many cells. */
export class TimelineBuilder {
  private readonly dayNumbers = new Map<IsoDate, number>();
  private readonly normalisedAm = new Map<string, string>();
  private readonly normalisedPm = new Map<string, string>();

  build(pupil: SnapshotPupil): PupilTimeline {
    const marks = inOrder(pupil.marks);
    const n = marks.length;
    const normalised: string[] = new Array<string>(n);
    const codes: (AttendanceCode | undefined)[] = new Array<AttendanceCode | undefined>(n);
    const days = new Int32Array(n);
    const sessions = new Uint8Array(n);
    const arrivals = new Int16Array(n);
    for (let i = 0; i < n; i++) {
      const m = marks[i]!;
      const pm = m.session === 'PM';
      const cache = pm ? this.normalisedPm : this.normalisedAm;
      let code = cache.get(m.mark);
      if (code === undefined) {
        code = normaliseMark(m.mark, m.session);
        cache.set(m.mark, code);
      }
      normalised[i] = code;
      let day = this.dayNumbers.get(m.date);
      if (day === undefined) {
        day = dayNumber(m.date);
        this.dayNumbers.set(m.date, day);
      }
      days[i] = day;
      sessions[i] = pm ? 1 : 0;
      const found = codeSetOn(m.date).get(code);
      codes[i] = found !== undefined && (found.until === null || m.date < found.until) ? found : undefined;
      arrivals[i] = m.arrival == null ? -1 : (parseClockTime(m.arrival) ?? -1);
    }
    return { pupil, length: n, marks, normalised, codes, days, sessions, arrivals };
  }
}

function before(a: SnapshotMark, b: SnapshotMark): boolean {
  return a.date < b.date || (a.date === b.date && a.session < b.session);
}

/** The marks in date and session order, sorting only when the snapshot is not already in order. */
function inOrder(marks: readonly SnapshotMark[]): readonly SnapshotMark[] {
  for (let i = 1; i < marks.length; i++) {
    if (before(marks[i]!, marks[i - 1]!)) {
      return [...marks].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    }
  }
  return marks;
}

import { describe, expect, it } from 'vitest';
import { framesAfterLoad, type LongFrame } from './browsers';

const frame = (renderStart: number, rendering: number): LongFrame => ({ renderStart, duration: rendering + 10, rendering, ours: 0 });

describe('framesAfterLoad', () => {
  it('counts, per load, the long frames whose rendering started at or after that load event, and adds their rendering up', () => {
    const loads = [1000, 1200];
    const frames = [
      // Parsing's frames before the load, then the page's first full paint after it (its frame started
      // with the load event's task, its rendering after it), then two more.
      [frame(600, 300), frame(1000, 80), frame(1300, 120), frame(1500, 40)],
      // A frame that rendered nothing (renderStart 0) is not one that rendered after the load.
      [frame(0, 0), frame(1199, 90)],
    ];
    expect(framesAfterLoad(frames, loads)).toEqual([
      { count: 3, rendering: 240 },
      { count: 0, rendering: 0 },
    ]);
  });
});

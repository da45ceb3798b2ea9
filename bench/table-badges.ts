// What a badge in each row costs a large table's layout (issue 15, items 1 and 2): on the
// 15,000-cell office page in plain Chromium (no extension), after load, an element the size of a
// tier badge is put into the name cell of the first N rows, in the line (as badges were drawn before
// issue 15), out of flow (position: absolute at its place in the line), or into room made for it at
// DOMContentLoaded (as Markwise now does: an empty fixed-size box with contain: size layout in a
// shadow root, after a word joiner; components/badge.css), and layout is read at once: the time that
// read takes is the layout the insertion caused. For the reserved case the DOMContentLoaded handler
// that makes the room (1,500 boxes) is timed too. Two more cases draw the 30 badges into their room with
// one cell marker in the same frame, as Markwise's first frames after load do: the marker in an
// out-of-flow layer (as components/hints.css had it), or in the flow of a box of no size that contains
// its layout, moved by a transform (as it has it now).
//
//   npx tsx bench/table-badges.ts [--rounds 2]

import { chromium } from '@playwright/test';
import { startDemoMis } from '../demo/mis/server';
import { CHROMIUM, QUIET_FLAGS } from '../test/e2e/fixtures';
import { median } from './stats';

const i = process.argv.indexOf('--rounds');
const ROUNDS = i >= 0 ? Number(process.argv[i + 1]) : 2;
const CASES = [
  { rows: 1500, position: 'static', marker: null },
  { rows: 1500, position: 'absolute', marker: null },
  { rows: 1500, position: 'reserved', marker: null },
  { rows: 30, position: 'static', marker: null },
  { rows: 30, position: 'absolute', marker: null },
  { rows: 30, position: 'reserved', marker: null },
  { rows: 30, position: 'reserved', marker: 'out-of-flow' },
  { rows: 30, position: 'reserved', marker: 'in-flow' },
] as const;
/** The markers' layer as components/hints.css had it (out-of-flow markers) and has it (.marks). */
const LAYER_CSS = {
  'out-of-flow': '.layer{position:absolute;left:0;top:0;width:0;height:0;pointer-events:none;contain:layout style}.marker{position:absolute;border:2px dotted #b3261e}',
  'in-flow': '.layer{position:absolute;left:0;top:0;width:0;height:0;pointer-events:none}.marks{display:grid;width:0;height:0;contain:size layout style}.marker{grid-area:1/1;border:2px dotted #b3261e}',
};
/** The room's box as components/badge.css draws it (BOX_CSS in the environment to try another). */
const BOX_CSS = process.env['BOX_CSS'] ?? '.box{display:inline-block;position:relative;vertical-align:-2px;font-size:11px;width:3.7em;height:1em;contain:size layout}';
const LABEL = { static: 'in the line', absolute: 'position: absolute', reserved: 'into room made at DCL' } as const;

const server = await startDemoMis({ port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: QUIET_FLAGS });
try {
  const times = new Map<string, { insert: number[]; layout: number[]; reserve: number[] }>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of CASES) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      if (c.position === 'reserved')
        await page.addInitScript(({ box, layerCss }) => {
          document.addEventListener('DOMContentLoaded', () => {
            // Markwise's own root, with the markers' layer, as the panel's task makes it (not timed).
            if (layerCss !== null) {
              const root = document.createElement('x-root');
              const shadow = root.attachShadow({ mode: 'closed' });
              const layerSheet = new CSSStyleSheet();
              layerSheet.replaceSync(layerCss);
              shadow.adoptedStyleSheets = [layerSheet];
              const layer = document.createElement('div');
              layer.className = 'layer';
              const marks = document.createElement('div');
              marks.className = 'marks';
              layer.append(marks);
              shadow.append(layer);
              document.documentElement.append(root);
              (window as unknown as { marks: Element }).marks = layerCss.includes('.marks') ? marks : layer;
            }
            const start = performance.now();
            const sheet = new CSSStyleSheet();
            sheet.replaceSync(box);
            for (const cell of document.querySelectorAll('td.pupil-name')) {
              const host = document.createElement('x-badge');
              const shadow = host.attachShadow({ mode: 'closed' });
              shadow.adoptedStyleSheets = [sheet];
              const box = document.createElement('span');
              box.className = 'box';
              shadow.append('\u2060', box);
              cell.append(host);
              (window as unknown as { boxes: Element[] }).boxes ??= [];
              (window as unknown as { boxes: Element[] }).boxes.push(box);
            }
            (window as unknown as { reserveMs: number }).reserveMs = performance.now() - start;
          });
        }, { box: BOX_CSS, layerCss: c.marker === null ? null : LAYER_CSS[c.marker] });
      await page.goto(`${server.url}/bench/office?pupils=1500&sessions=10`, { waitUntil: 'load' });
      const t = await page.evaluate(async ({ rows, position, marker }) => {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100)));
        document.body.offsetHeight;
        const start = performance.now();
        if (marker !== null) {
          const box = document.createElement('div');
          box.className = 'marker';
          box.style.cssText = marker === 'in-flow' ? 'width:44px;height:24px;transform:translate(400px,300px)' : 'left:400px;top:300px;width:44px;height:24px';
          (window as unknown as { marks: Element }).marks.append(box);
        }
        const boxes = (window as unknown as { boxes?: Element[] }).boxes;
        for (const [i, cell] of [...document.querySelectorAll('td.pupil-name')].slice(0, rows).entries()) {
          const badge = document.createElement('span');
          badge.textContent = 'T2';
          badge.style.cssText = `${position === 'reserved' ? '' : `position:${position};`}margin-left:4px;border:1px solid #555;border-left-width:6px;padding:1px 4px`;
          (position === 'reserved' ? boxes![i]! : cell).append(badge);
        }
        const inserted = performance.now();
        document.body.offsetHeight;
        return { insert: inserted - start, layout: performance.now() - inserted, reserve: (window as unknown as { reserveMs?: number }).reserveMs };
      }, c);
      const key = `${c.rows} rows, ${LABEL[c.position]}${c.marker === null ? '' : `, a marker ${c.marker}`}`;
      const entry = times.get(key) ?? { insert: [], layout: [], reserve: [] };
      entry.insert.push(t.insert);
      entry.layout.push(t.layout);
      if (t.reserve !== undefined) entry.reserve.push(t.reserve);
      times.set(key, entry);
      await page.close();
    }
  }
  console.log(`A badge-sized element in each of the first N rows' name cells of the 15,000-cell page, ${ROUNDS} rounds (medians):`);
  for (const [key, { insert, layout, reserve }] of times) {
    const made = reserve.length > 0 ? ` (room made for 1,500 at DOMContentLoaded in ${median(reserve).toFixed(1)} ms)` : '';
    console.log(`  ${key.padEnd(56)} insert ${median(insert).toFixed(1)} ms, layout it causes ${median(layout).toFixed(1)} ms${made}`);
  }
} finally {
  await browser.close();
  await server.close();
}

// The demo MIS over HTTP on localhost (node:http only). State lives in memory:
// each server generates its own school, and POSTs change it.
//   npx tsx demo/mis/server.ts          (port from MARKWISE_DEMO_PORT, default 5178)

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { isIsoDate } from '../../rules/dates';
import { isPresetId, presetInput } from '../../rules/presets';
import {
  benchPage,
  classRegisterPage,
  DEFAULT_UNEXPLAINED_FROM,
  DEFAULT_WEEK,
  homePage,
  hostilePage,
  isRegisterFault,
  notFoundPage,
  pupilListPage,
  pupilRecordPage,
  saveRegisterForm,
  unexplainedPage,
} from './pages';
import { DEMO_TODAY, generateSchool, isClassId, mondayOf, type DemoSchool } from './school';
import { takeAttendancePage } from './radio-register';
import { textRegisterPage } from './text-register';
import { HASH_APP_SCRIPT, hashAppShell, hashAppStudent, hashAppTake } from './hashapp';
import { APP_SCRIPT, postMark, registerJson, spaShellPage, studentJson, type ApiResult } from './spa';
import { EMPTY_SCRIPT, type EmbedChoice, widgetApiPage, widgetBenchPage, widgetBrokenPolicyPage, widgetIndexPage, widgetRegisterPage, widgetTablePage, WIDGET_SCRIPT } from './widget-pages';
import { isScriptAt } from './html';
import { weekGridPage } from './week-grid';
import { WEBFORMS_PATH, webFormsRegisterPage } from './webforms-register';
import { LIST_PATH, listRegisterPage } from './list-register';
import { ROSARIO_PATH, rosarioRegisterPage } from './rosario-register';
import { BUTTONS_PATH, buttonRegisterPage } from './button-register';
import { GIBBON_PATH, GIBBON_Q, gibbonRegisterPage } from './gibbon-register';
import { periodRegisterPage } from './period-register';
import { absenceReportPage } from './absence-report';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** Where npm run build puts the widget (entrypoints/widget/vite.config.ts). */
const WIDGET_DIR = resolve(import.meta.dirname, '../../.output/widget');
const WIDGET_FILES = new Set(['markwise-widget.js', 'markwise-widget.iife.js']);

export interface DemoMisServer {
  url: string;
  close(): Promise<void>;
}

const MAX_BODY = 5_000_000;

function send(res: ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function sendJson(res: ServerResponse, result: ApiResult): void {
  send(res, result.status, JSON.stringify(result.body), 'application/json; charset=utf-8');
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { Location: location, 'Cache-Control': 'no-store', 'Content-Length': 0 });
  res.end();
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY) throw new Error('Request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function clampInt(text: string | null, fallback: number, min: number, max: number): number {
  const n = text === null ? NaN : Number.parseInt(text, 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

async function handle(school: DemoSchool, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  const q = url.searchParams;
  const method = req.method ?? 'GET';
  const isGet = method === 'GET' || method === 'HEAD';

  if (path === '/' && isGet) return send(res, 200, homePage());

  if (path === '/register/class') {
    const classId = q.get('class') ?? '4A';
    const weekParam = q.get('week');
    if (!isClassId(classId)) return send(res, 404, notFoundPage(`There is no class ${classId}.`));
    if (weekParam !== null && !isIsoDate(weekParam)) return send(res, 404, notFoundPage('The week must be a date written YYYY-MM-DD.'));
    const week = weekParam === null ? DEFAULT_WEEK : mondayOf(weekParam);
    if (method === 'POST') {
      saveRegisterForm(school, new URLSearchParams(await readBody(req)));
      return redirect(res, `${path}${url.search}`);
    }
    const fault = q.get('fault');
    if (fault !== null && !isRegisterFault(fault)) return send(res, 404, notFoundPage(`There is no fault ${fault}.`));
    if (isGet) return send(res, 200, classRegisterPage(school, classId, week, undefined, fault ?? undefined));
  }

  if (path.startsWith('/widget')) return handleWidget(school, req, res, url);
  const taken = path === '/attendance/take' && isGet ? takeAttendancePage(school, q) : undefined;
  if (taken !== undefined) return send(res, taken === null ? 404 : 200, taken ?? notFoundPage('There is no such register.'));
  if (path === '/register/week' && isGet) return send(res, 200, textRegisterPage(school));
  if (path === '/shapes/week-grid' && isGet) return send(res, 200, weekGridPage());
  if (path === WEBFORMS_PATH && isGet) return send(res, 200, webFormsRegisterPage());
  if (path === LIST_PATH && isGet) return send(res, 200, listRegisterPage(q));
  if (path === BUTTONS_PATH && isGet) return send(res, 200, buttonRegisterPage());
  if (path === GIBBON_PATH && isGet && q.get('q') === GIBBON_Q) return send(res, 200, gibbonRegisterPage());
  if (path === ROSARIO_PATH && isGet && q.get('modname') === 'Attendance/TakeAttendance.php') return send(res, 200, rosarioRegisterPage());
  if (path === '/shapes/period-register' && isGet) return send(res, 200, periodRegisterPage(q.get('period')));
  if (path === '/shapes/absence-report' && isGet) return send(res, 200, absenceReportPage());

  if ((path === '/app' || path === '/app/') && isGet) {
    if (path === '/app') return redirect(res, `/app/${url.search}`);
    return send(res, 200, spaShellPage());
  }
  if (path === '/hashapp/' && isGet) return send(res, 200, hashAppShell());
  if (path === '/hashapp/app.js' && isGet) return send(res, 200, HASH_APP_SCRIPT, 'text/javascript; charset=utf-8');
  if (path === '/hashapp/api/take' && isGet) return sendJson(res, hashAppTake(school, q));
  if (path === '/hashapp/api/student' && isGet) return sendJson(res, hashAppStudent(school, q.get('id') ?? ''));
  if (path === '/app/app.js' && isGet) return send(res, 200, APP_SCRIPT, 'text/javascript; charset=utf-8');
  if (path === '/api/register' && isGet) return sendJson(res, registerJson(school, q));
  if (path === '/api/student' && isGet) return sendJson(res, studentJson(school, q.get('id') ?? ''));
  if (path === '/api/mark' && method === 'POST') {
    let json: unknown;
    try {
      json = JSON.parse(await readBody(req));
    } catch {
      return sendJson(res, { status: 400, body: { error: 'Expected JSON' } });
    }
    return sendJson(res, postMark(school, json));
  }

  if (path === '/office/unexplained' && isGet) {
    const from = q.get('from');
    const to = q.get('to');
    const typo = q.get('typo');
    const typoFor = typo === null ? undefined : school.byId.get(typo);
    if (typo !== null && typoFor === undefined) return send(res, 404, notFoundPage(`There is no pupil ${typo}.`));
    const twice = q.get('twice');
    const twiceFor = twice === null ? undefined : school.byId.get(twice);
    if (twice !== null && twiceFor === undefined) return send(res, 404, notFoundPage(`There is no pupil ${twice}.`));
    return send(res, 200, unexplainedPage(school, from !== null && isIsoDate(from) ? from : DEFAULT_UNEXPLAINED_FROM, to !== null && isIsoDate(to) ? to : DEMO_TODAY, typoFor, twiceFor));
  }

  if (path === '/pupils' && isGet) {
    const classId = q.get('class');
    if (classId === null || classId === '') return send(res, 200, pupilListPage(school, null));
    if (!isClassId(classId)) return send(res, 404, notFoundPage(`There is no class ${classId}.`));
    return send(res, 200, pupilListPage(school, classId));
  }
  const record = /^\/pupils\/([A-Za-z0-9]+)$/.exec(path);
  if (record !== null && isGet) {
    const pupil = school.byId.get(record[1]!);
    if (pupil === undefined) return send(res, 404, notFoundPage(`There is no pupil ${record[1]}.`));
    return send(res, 200, pupilRecordPage(pupil));
  }

  if (path === '/bench/office') {
    if (method === 'POST') {
      await readBody(req);
      return redirect(res, `${path}${url.search}`);
    }
    if (isGet) return send(res, 200, benchPage(clampInt(q.get('pupils'), 1500, 1, 20_000), clampInt(q.get('sessions'), 10, 1, 60)));
  }
  if (path === '/fixtures/hostile') {
    if (method === 'POST') {
      await readBody(req);
      return redirect(res, path);
    }
    if (isGet) return send(res, 200, hostilePage());
  }

  return send(res, 404, notFoundPage());
}

/** The widget's pages and its two files, served as an integrator's own server would serve them. */
async function handleWidget(school: DemoSchool, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const path = url.pathname;
  const method = req.method ?? 'GET';
  // /widget/no-charset/…: served as many school sites serve files, with no charset anywhere,
  // so the browser decodes the script as the page's legacy default (windows-1252).
  const [, plain, file] = /^\/widget\/(no-charset\/)?([^/]+\.js)$/.exec(path) ?? [];
  if (file !== undefined && WIDGET_FILES.has(file)) {
    try {
      return send(res, 200, await readFile(resolve(WIDGET_DIR, file), 'utf8'), plain === undefined ? 'text/javascript; charset=utf-8' : 'text/javascript');
    } catch {
      return send(res, 404, `console.error(${JSON.stringify(`The Markwise widget is not built: run npm run build (${file}).`)});`, 'text/javascript; charset=utf-8');
    }
  }
  if (path === EMPTY_SCRIPT) return send(res, 200, '', 'text/javascript; charset=utf-8');
  // The schools' presets beside the widget's script, as npm run build:widget writes them.
  const presetFile = /^\/widget\/(?:no-charset\/)?presets\/([a-z-]+)\.json$/.exec(path)?.[1];
  if (presetFile !== undefined && isPresetId(presetFile)) {
    try {
      return send(res, 200, await readFile(resolve(WIDGET_DIR, 'presets', `${presetFile}.json`), 'utf8'), 'application/json; charset=utf-8');
    } catch {
      return send(res, 404, JSON.stringify({ error: `The Markwise widget is not built: run npm run build (presets/${presetFile}.json).` }), 'application/json');
    }
  }
  // A policy file that has moved: the school's site answers 302 to wherever `to` says (another
  // host, in the test that the widget refuses to follow it off the page's own site).
  if (path === '/widget/policies/moved.json') {
    res.writeHead(302, { Location: url.searchParams.get('to') ?? '/widget/policies/dfe.json', 'Cache-Control': 'no-store', 'Content-Length': 0 });
    res.end();
    return;
  }
  // A school's policy file on the school's own site, for policy-src: the presets as exported.
  const policyFile = /^\/widget\/policies\/([a-z-]+)\.json$/.exec(path)?.[1];
  if (policyFile !== undefined) {
    if (!isPresetId(policyFile)) return send(res, 404, JSON.stringify({ error: 'no such policy' }), 'application/json');
    return send(res, 200, JSON.stringify(presetInput(policyFile), null, 2), 'application/json; charset=utf-8');
  }
  if (method === 'POST') {
    const body = new URLSearchParams(await readBody(req));
    if (path === '/widget/register') saveRegisterForm(school, body);
    return redirect(res, `${path}${url.search}`);
  }
  const classId = url.searchParams.get('class') ?? '4A';
  if (!isClassId(classId)) return send(res, 404, notFoundPage(`There is no class ${classId}.`));
  switch (path) {
    case '/widget':
    case '/widget/':
      return send(res, 200, widgetIndexPage());
    case '/widget/register':
      return send(res, 200, widgetRegisterPage(school, classId, DEFAULT_WEEK, embedChoice(url.searchParams)));
    case '/widget/table':
      return send(res, 200, widgetTablePage(url.searchParams.get('storage') === 'indexeddb' ? 'indexeddb' : 'memory'));
    case '/widget/table-no-charset':
      return send(res, 200, widgetTablePage().replace('<meta charset="utf-8">\n', '').replace(WIDGET_SCRIPT, WIDGET_SCRIPT.replace('/widget/', '/widget/no-charset/')), 'text/html');
    case '/widget/api':
      return send(res, 200, widgetApiPage());
    case '/widget/broken-policy':
      return send(res, 200, widgetBrokenPolicyPage(school, classId, DEFAULT_WEEK));
    case '/widget/bench':
      return send(res, 200, widgetBenchPage(clampInt(url.searchParams.get('pupils'), 1500, 1, 20_000), clampInt(url.searchParams.get('sessions'), 10, 1, 60), embedChoice(url.searchParams)));
    default:
      return send(res, 404, notFoundPage());
  }
}

/**
 * ?policy=preset|inline, ?script=head|head-async|end-defer and (the bench page) ?script-file=empty on
 * the widget's register pages; unset or unknown, each page's default.
 */
function embedChoice(query: URLSearchParams): EmbedChoice {
  const policy = query.get('policy');
  const script = query.get('script');
  return {
    policy: policy === 'preset' || policy === 'inline' ? policy : undefined,
    scriptAt: isScriptAt(script) ? script : undefined,
    scriptFile: query.get('script-file') === 'empty' ? 'empty' : undefined,
  };
}

/** Starts the demo MIS. Port 0 picks any free port; the host defaults to 127.0.0.1. */
export async function startDemoMis(options: { port?: number; host?: string } = {}): Promise<DemoMisServer> {
  const school = generateSchool();
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    handle(school, req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `Server error: ${String(error)}`, 'text/plain; charset=utf-8');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env['MARKWISE_DEMO_PORT'] ?? 5178);
  startDemoMis({ port }).then(
    (server) => {
      console.log(`Demo MIS (Oakfield Primary School) running at ${server.url}/`);
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      console.error(`Could not start the demo MIS: ${String(error)}`);
      process.exit(1);
    },
  );
}

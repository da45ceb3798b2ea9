// The permissions each build asks for, read from the manifests WXT writes:
// storage and scripting, host access only for the sites a school adds (asked
// for at that moment), the demo's localhost only in development builds, and
// never <all_urls>. The Firefox build must build and carry what Firefox needs.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Manifest {
  manifest_version: number;
  name: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: { matches: string[]; js: string[]; run_at?: string }[];
  background?: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: { gecko?: { id?: string } };
  storage?: { managed_schema?: string };
  key?: string;
}

function build(args: string[], env: Record<string, string>, manifestPath: string): Manifest {
  execFileSync('npx', ['wxt', 'build', ...args], { env: { ...process.env, ...env }, stdio: 'pipe' });
  return JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
}

function everyPattern(m: Manifest): string[] {
  return [...(m.host_permissions ?? []), ...(m.optional_host_permissions ?? []), ...(m.optional_permissions ?? []), ...(m.content_scripts ?? []).flatMap((c) => c.matches)];
}

describe('the extension manifests', { timeout: 120_000 }, () => {
  it('a release build asks for storage, scripting and the tab its popup is opened on, and for sites only when a school adds them', () => {
    const m = build([], { MARKWISE_RELEASE: 'true' }, '.output/release/chrome-mv3/manifest.json');
    expect(m.manifest_version).toBe(3);
    expect(m.name).toBe('Markwise');
    expect([...(m.permissions ?? [])].sort()).toEqual(['activeTab', 'scripting', 'storage']);
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.content_scripts ?? []).toEqual([]);
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(everyPattern(m)).not.toContain('<all_urls>');
    expect(everyPattern(m).some((p) => p.includes('localhost') || p.includes('127.0.0.1'))).toBe(false);
    // Administrators can set the policy, profiles and sites; the store gives the id, so no key.
    expect(m.storage?.managed_schema).toBe('managed-schema.json');
    expect(JSON.parse(readFileSync('.output/release/chrome-mv3/managed-schema.json', 'utf8')).properties).toHaveProperty('policy');
    expect(m.key).toBeUndefined();
    // Its shadow roots on MIS pages are closed: a page's scripts cannot read inside.
    const script = readFileSync('.output/release/chrome-mv3/content-scripts/content.js', 'utf8');
    expect(script).toContain('"closed"');
    expect(script).not.toMatch(/mode:\s*"open"/);
  });

  it('a development build adds only the demo on localhost', () => {
    const m = build([], { MARKWISE_RELEASE: 'false' }, '.output/chrome-mv3/manifest.json');
    expect(m.name).toBe('Markwise (development build)');
    expect([...(m.permissions ?? [])].sort()).toEqual(['activeTab', 'scripting', 'storage']);
    expect(m.content_scripts).toEqual([{ matches: ['http://127.0.0.1/*', 'http://localhost/*'], js: ['content-scripts/content.js'], run_at: 'document_start' }]);
    // A fixed id, so the end-to-end tests can give it a managed policy.
    expect(m.key).toMatch(/^MIIB/);
    expect(everyPattern(m)).not.toContain('<all_urls>');
  });

  it('the e2e build is the development build with its shadow roots open, and nothing else different', () => {
    // Runs after the development build above (vitest runs a file's tests in order).
    const shipped = readFileSync('.output/chrome-mv3/manifest.json', 'utf8');
    build([], { MARKWISE_RELEASE: 'false', MARKWISE_E2E: 'true' }, '.output/chrome-mv3-e2e/manifest.json');
    expect(readFileSync('.output/chrome-mv3-e2e/manifest.json', 'utf8')).toBe(shipped);
    const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
    expect(files('.output/chrome-mv3-e2e')).toEqual(files('.output/chrome-mv3'));
    const different = files('.output/chrome-mv3').filter((f) => !readFileSync(join('.output/chrome-mv3', f)).equals(readFileSync(join('.output/chrome-mv3-e2e', f))));
    // The two scripts that draw on MIS pages: the content script, and the steps of "Teach Markwise this page" (issue 16).
    expect(different).toEqual(['content-scripts/content.js', 'teach.js']);
    for (const file of different) {
      // One constant: "closed" where it is made, "open" in the e2e build.
      const closed = readFileSync(join('.output/chrome-mv3', file), 'utf8');
      const open = readFileSync(join('.output/chrome-mv3-e2e', file), 'utf8');
      let at = 0;
      while (closed[at] === open[at]) at++;
      const from = closed.lastIndexOf('"', at);
      expect(closed.slice(from, from + 8), file).toBe('"closed"');
      expect(open.slice(from, from + 6), file).toBe('"open"');
      expect(open.slice(0, from) + open.slice(from + 6), file).toBe(closed.slice(0, from) + closed.slice(from + 8));
      // Every shadow root the shipped script makes takes that mode: none is written 'open'.
      expect(closed, file).not.toMatch(/mode:\s*"open"/);
    }
  });

  it('the Firefox build builds, with a gecko id, a background script and the same narrow permissions', () => {
    const m = build(['-b', 'firefox', '--mv3'], { MARKWISE_RELEASE: 'true' }, '.output/release/firefox-mv3/manifest.json');
    expect(m.manifest_version).toBe(3);
    expect(m.browser_specific_settings?.gecko?.id).toBe('markwise@markwise.invalid');
    expect(m.background?.scripts?.length ?? 0).toBeGreaterThan(0);
    expect([...(m.permissions ?? [])].sort()).toEqual(['activeTab', 'scripting', 'storage']);
    expect(everyPattern(m)).not.toContain('<all_urls>');
  });
});

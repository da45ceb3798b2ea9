// The design card's layering, checked on every source file the product ships (tests aside):
// demo/ is a fixture, so nothing shipped imports from it; and rules/ is pure, importing only
// rules/ and packages (no DOM, no browser APIs, no storage, no page adapters).

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHIPPED = ['entrypoints', 'components', 'rules', 'storage', 'sites', 'cli'];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Each import of a file (static, side-effect, re-export, dynamic), as written, and as a path from the
 * repository's root for relative ones. Statements start a line; a string that merely says "from"
 * is not one.
 */
function importsOf(file: string): { spec: string; target: string | null }[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const patterns = [/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm, /^\s*import\s*['"]([^'"]+)['"]/gm, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]!)).map((spec) => ({
    spec,
    target: spec.startsWith('.') ? relative(ROOT, normalize(join(ROOT, dirname(file), spec))) : null,
  }));
}

const files = SHIPPED.flatMap(sources);

describe('layering', () => {
  it('finds the shipped sources', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain(join('sites', 'index.ts'));
  });

  it('nothing shipped imports from demo/ (a fixture)', () => {
    const intoDemo = files.flatMap((file) => importsOf(file).filter((i) => i.target?.split(/[\\/]/)[0] === 'demo').map((i) => `${file} imports ${i.spec}`));
    expect(intoDemo).toEqual([]);
  });

  it('rules/ imports only rules/ and packages', () => {
    const outside = files
      .filter((file) => file.startsWith(`rules${'/'}`) || file.startsWith('rules\\'))
      .flatMap((file) => importsOf(file).filter((i) => i.target !== null && i.target.split(/[\\/]/)[0] !== 'rules').map((i) => `${file} imports ${i.spec}`));
    expect(outside).toEqual([]);
  });

  it('reads every kind of import statement, and not a string that says "from"', () => {
    // rules/ imports packages and its own files: at least one of each is found.
    const rules = files.filter((file) => file.startsWith('rules')).flatMap(importsOf);
    expect(rules.some((i) => i.target === null && i.spec === 'zod/mini')).toBe(true);
    expect(rules.some((i) => i.target?.startsWith('rules'))).toBe(true);
    expect(rules.every((i) => !/\s/.test(i.spec))).toBe(true);
  });
});

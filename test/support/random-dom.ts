// Random small pages and the selectors profiles are written with, for property tests of the
// queries a register is read with (test/e2e/read-query.spec.ts, in Chromium).

import fc from 'fast-check';

const TAGS = ['div', 'p', 'span', 'i'] as const;

export interface RandomNode {
  tag: (typeof TAGS)[number];
  cls: '' | 'x' | 'y';
  data: boolean;
  children: RandomNode[];
}

/** A tree of elements up to `depth` levels below its root, with classes and a data attribute to select by. */
export const randomTree = (depth = 4): fc.Arbitrary<RandomNode> =>
  fc.record({
    tag: fc.constantFrom(...TAGS),
    cls: fc.constantFrom('' as const, 'x' as const, 'y' as const),
    data: fc.boolean(),
    children: depth === 0 ? fc.constant([]) : fc.array(randomTree(depth - 1), { maxLength: 3 }),
  });

export function treeHtml(node: RandomNode): string {
  return `<${node.tag}${node.cls ? ` class="${node.cls}"` : ''}${node.data ? ' data-k="1"' : ''}>${node.children.map(treeHtml).join('')}</${node.tag}>`;
}

/**
 * Compound selectors, and ones with combinators, lists and functional pseudo-classes in them: the
 * kinds a site profile's rows, cells and controls are written with.
 */
export const PROFILE_SELECTORS = ['div', 'p', '.x', 'span.y', '[data-k]', 'i[data-k="1"]', 'p:not(.x)', 'div > p', 'div .x', 'p + span', 'span ~ i', 'p, .y', 'div:not(.x, .y)', 'div>span'];

/** The `:is()` form `below()` stands for. */
export const wrapped = (selectors: readonly string[]): string => selectors.map((s) => `:is(${s})`).join(' ');

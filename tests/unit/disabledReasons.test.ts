import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { disabledBecause } from '../../renderer/src/components/disabledBecause';

/**
 * "Every disabled reason is a sentence": a greyed-out control always says why.
 * The renderer greys controls out only through disabledBecause, and every
 * reason written there is a sentence. (The browser tests check the reasons
 * that come from the rules, on screen, as a technician meets them.)
 */
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(file) : /\.tsx?$/.test(entry.name) ? [file] : [];
  });
const renderer = sources('renderer/src').map((file) => ({ file, text: readFileSync(file, 'utf8') }));

describe('disabledBecause', () => {
  it('disables with the first reason as the title, and enables without one', () => {
    expect(disabledBecause(false, 'A sync is running.', 'Later reason.')).toEqual({ disabled: true, title: 'A sync is running.' });
    expect(disabledBecause(false, null, undefined, '')).toEqual({ disabled: false });
  });
});

describe('every greyed-out control in the renderer', () => {
  it('is disabled only through disabledBecause, never by a bare disabled attribute', () => {
    const bare = renderer.filter(({ text }) => text.split('\n').some((line) => !/^\s*(\/\/|\*)/.test(line) && /\sdisabled(=|\s|\/?>)/.test(line))).map(({ file }) => file);
    expect(bare).toEqual([]);
    expect(renderer.filter(({ text }) => text.includes('disabledBecause(')).length).toBeGreaterThanOrEqual(10);
  });

  it('gives reasons that are sentences: a capital first, a full stop last', () => {
    const reasons = renderer.flatMap(({ text }) =>
      [...text.matchAll(/&& (?:'([^']+)'|`([^`]+)`)/g)]
        .filter((m) => text.slice(Math.max(0, m.index - 200), m.index).includes('disabledBecause('))
        .map((m) => m[1] ?? m[2]!),
    );
    const constants = renderer.flatMap(({ text }) => [...text.matchAll(/const (?:SERVER_FIXED|pickFirst) = ['`]([^'`]+)['`]/g)].map((m) => m[1]!));
    expect(reasons.length).toBeGreaterThanOrEqual(14);
    expect(constants).toHaveLength(2);
    for (const reason of [...reasons, ...constants]) expect(reason).toMatch(/^[A-Z][^]*\.$/);
  });
});

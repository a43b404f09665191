import { describe, expect, it } from 'vitest';
import * as callFlow from './callFlow';
import * as codes from './codes';
import * as distributions from './distributions';
import * as histogram from './histogram';
import * as metrics from './metrics';
import * as records from './records';
import * as rng from './rng';

/**
 * Node's V8 does not fold module constants (each use is a load and a check), so the engine's hot
 * paths write some of them as literals tagged with their names: `15 /* NODE_FIELDS *\/`. This
 * test reads the engine's sources and checks every tag against the constant it names.
 */
const MODULES: Record<string, unknown>[] = [callFlow, codes, distributions, histogram, metrics, records, rng];

function constants(): Map<string, number> {
  const out = new Map<string, number>();
  for (const module of MODULES) {
    for (const [name, value] of Object.entries(module)) {
      if (typeof value !== 'number' || !/^[A-Z][A-Z0-9_]*$/.test(name)) continue;
      if (out.has(name) && out.get(name) !== value) throw new Error(`${name} has two values`);
      out.set(name, value);
    }
  }
  return out;
}

interface Files {
  readdirSync(path: URL): string[];
  readFileSync(path: URL, encoding: 'utf8'): string;
}

async function sources(): Promise<[string, string][]> {
  // Imported by name at run time: the engine's type configuration has no Node types.
  const fs = (await import(/* @vite-ignore */ ['node', 'fs'].join(':'))) as Files;
  const dir = new URL('./', import.meta.url);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => [f, fs.readFileSync(new URL(f, dir), 'utf8')]);
}

describe('literals in hot paths', () => {
  it('agree with the constants they are tagged with', async () => {
    const known = constants();
    const tag = /(-?\b\d+(?:\.\d+)?(?:e-?\d+)?)\s*\/\*\s*([A-Z][A-Z0-9_]*)\s*\*\//g;
    const wrong: string[] = [];
    let count = 0;
    for (const [file, text] of await sources()) {
      for (const match of text.matchAll(tag)) {
        const [, literal = '', name = ''] = match;
        count++;
        const value = known.get(name);
        if (value === undefined) wrong.push(`${file}: ${name} is not an exported constant`);
        else if (Number(literal) !== value) wrong.push(`${file}: ${literal} is tagged ${name}, which is ${value}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(count).toBeGreaterThan(20);
  });
});

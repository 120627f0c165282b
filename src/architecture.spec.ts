import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The module graph docs/ARCHITECTURE.md draws, read from the imports
 * themselves: a module is a folder under src/, an edge an import from one
 * folder's file into another's.
 */
const SRC = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.test-helper.ts') ? [path] : [];
  });
}

/** `claims`, `database`, … for a path under src/; the top folder for anything else (seeds, migrations); '' for src/ itself. */
function moduleOf(path: string): string {
  const parts = relative(SRC, path).split('/');
  if (parts[0] === '..') return parts[1];
  return parts.length > 1 ? parts[0] : '';
}

function moduleGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = moduleOf(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const to = moduleOf(normalize(join(dirname(file), specifier)));
      if (to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** Known two-way pairs, each written down in docs/ARCHITECTURE.md ("Not yet"); none today, and nothing may join. */
const KNOWN_TWO_WAY: string[] = [];

describe('the module graph', () => {
  const graph = moduleGraph();
  const imports = (from: string, to: string) => graph.get(from)?.has(to) ?? false;

  it('is read from the sources (claims imports policies, claim-lifecycle imports the stages)', () => {
    expect(imports('claims', 'policies')).toBe(true);
    expect(imports('users', 'auth')).toBe(true);
    expect(['claims', 'verification', 'payouts'].every((stage) => imports('claim-lifecycle', stage))).toBe(true);
  });

  it('has no two modules importing each other', () => {
    const pairs = [...graph].flatMap(([from, tos]) => [...tos].filter((to) => from < to && imports(to, from)).map((to) => `${from} ⇄ ${to}`));
    expect(pairs).toEqual(KNOWN_TWO_WAY);
  });

  it('has no arrow up from database/: it knows the configuration and the migrations only', () => {
    expect([...(graph.get('database') ?? [])].sort()).toEqual(['config', 'migrations']);
  });

  it('keeps the claim stages below claim-lifecycle and the claim below its stages', () => {
    const importers = (module: string) => [...graph].filter(([, tos]) => tos.has(module)).map(([from]) => from).sort();
    expect(importers('claim-lifecycle')).toEqual(['']);
    expect(imports('claims', 'verification') || imports('claims', 'payouts') || imports('verification', 'payouts')).toBe(false);
  });
});

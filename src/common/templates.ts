import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Everything printed for people (reports, notices, step names) is worded in templates/, not in code.
const TEMPLATE_DIR = 'templates';
const cache = new Map<string, unknown>();

/** A JSON file of templates/, read once per process; `T` is its shape, declared next to its one reader. */
export function readTemplate<T>(fileName: string): T {
  if (!cache.has(fileName)) cache.set(fileName, JSON.parse(readFileSync(join(projectRoot(), TEMPLATE_DIR, fileName), 'utf8')));
  return cache.get(fileName) as T;
}

/** Replaces `{name}` placeholders; a placeholder without a value is a template bug, so it throws. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Template placeholder {${name}} has no value in "${template}"`);
    return String(value);
  });
}

// This module runs from src/ under jest and from dist/src/ when built; templates/ sits at the project root.
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, TEMPLATE_DIR, 'report-text.zh.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`${TEMPLATE_DIR}/ not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

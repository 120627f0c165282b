import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's seeds/ folder, whether running from src under jest or from dist. */
export function seedsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'seeds', 'event-types.json'))) return join(dir, 'seeds');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('seeds/event-types.json not found');
    dir = parent;
  }
}

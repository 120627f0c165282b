import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { AppConfig } from '../config/config.js';

/**
 * Document bytes on disk under DOCUMENT_STORAGE_DIR, addressed by their
 * SHA-256 (`ab/abcdef…`): the same content is stored once, and a stored file
 * never changes. Any number of app instances may share the directory.
 */
@Injectable()
export class DocumentStorage {
  private readonly root: string;

  constructor(config: AppConfig) {
    this.root = resolve(config.DOCUMENT_STORAGE_DIR);
  }

  /** Stores the content and returns its SHA-256. Written to a temporary file and renamed, so no reader sees a partial file. */
  async put(content: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const path = this.pathOf(sha256);
    if (await exists(path)) return sha256;
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${randomUUID()}.tmp`;
    try {
      const file = await open(temporary, 'wx');
      try {
        await file.writeFile(content);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, path);
    } finally {
      await rm(temporary, { force: true });
    }
    return sha256;
  }

  /** Fails before streaming starts when the file is missing, so the error still becomes a proper response. */
  async open(sha256: string): Promise<ReadStream> {
    const path = this.pathOf(sha256);
    await stat(path);
    return createReadStream(path);
  }

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a SHA-256');
    return join(this.root, sha256.slice(0, 2), sha256);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

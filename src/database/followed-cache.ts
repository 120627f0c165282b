import type { ChangeChannel, ChangeFeed, ChangeFollower } from './change-feed.js';

export interface FollowedCacheOptions {
  /** Which key a notification's payload names; null: every entry. */
  keyOf(payload: string): string | null;
  /** Bounds, as a belt beside the feed: the oldest entry goes first, and none is used past its age. */
  maxEntries: number;
  maxAgeMs: number;
}

/**
 * Values derived from rows, kept in memory only while the change feed is
 * listening, and dropped when it reports their rows changed. A load that was
 * under way while anything was dropped is answered but not kept: it may have
 * read the rows before the change committed.
 */
export class FollowedCache<V> implements ChangeFollower {
  private readonly entries = new Map<string, { value: V; storedAt: number }>();
  private generation = 0;

  constructor(private readonly feed: ChangeFeed, readonly channel: ChangeChannel, private readonly options: FollowedCacheOptions) {
    feed.follow(this);
  }

  /** The cached value, or undefined when there is none (or the feed is down, or it is too old). */
  peek(key: string): V | undefined {
    if (!this.feed.listening) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (Date.now() - entry.storedAt < this.options.maxAgeMs) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  /** The cached value, else `load`'s, kept for the next caller when nothing changed meanwhile. */
  async get(key: string, load: () => Promise<V>): Promise<V> {
    const cached = this.peek(key);
    if (cached !== undefined) return cached;
    if (!this.feed.listening) return load();
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation && this.feed.listening) this.store(key, value);
    return value;
  }

  evict(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  changed(payload: string): void {
    const key = this.options.keyOf(payload);
    if (key === null) this.clear();
    else this.evict(key);
  }

  reset(): void {
    this.clear();
  }

  private store(key: string, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, storedAt: Date.now() });
  }
}

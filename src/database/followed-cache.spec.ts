import { describe, expect, it, jest } from '@jest/globals';
import type { ChangeFeed, ChangeFollower } from './change-feed.js';
import { FollowedCache } from './followed-cache.js';

/** The feed as the cache sees it: whether it listens, and what it tells its followers. */
function feed(listening = true) {
  const followers: ChangeFollower[] = [];
  const state = { listening, follow: (f: ChangeFollower) => followers.push(f) };
  return { feed: state as unknown as ChangeFeed, state, notify: (payload: string) => followers.forEach((f) => f.changed(payload)) };
}

const cacheOn = (f: ChangeFeed, maxEntries = 10, maxAgeMs = 60_000) =>
  new FollowedCache<string>(f, 'app_user_changed', { keyOf: (p) => (p === '*' ? null : p), maxEntries, maxAgeMs });

describe('FollowedCache', () => {
  it('loads once and answers from memory until the key is notified', async () => {
    const f = feed();
    const cache = cacheOn(f.feed);
    const load = jest.fn(async () => 'v1');
    expect(await cache.get('a', load)).toBe('v1');
    expect(await cache.get('a', load)).toBe('v1');
    expect(load).toHaveBeenCalledTimes(1);
    f.notify('b');
    expect(cache.peek('a')).toBe('v1');
    f.notify('a');
    expect(cache.peek('a')).toBeUndefined();
    f.notify('*');
    expect(await cache.get('a', load)).toBe('v1');
    f.notify('*');
    expect(cache.peek('a')).toBeUndefined();
  });

  it('does not keep what a load read while a change was notified: it may predate the commit', async () => {
    const f = feed();
    const cache = cacheOn(f.feed);
    let finish!: (value: string) => void;
    const answered = cache.get('a', () => new Promise<string>((resolve) => { finish = resolve; }));
    f.notify('a');
    finish('old');
    expect(await answered).toBe('old');
    expect(cache.peek('a')).toBeUndefined();
  });

  it('is bypassed while the feed is not listening, and keeps nothing loaded meanwhile', async () => {
    const f = feed(false);
    const cache = cacheOn(f.feed);
    const load = jest.fn(async () => 'v');
    await cache.get('a', load);
    await cache.get('a', load);
    expect(load).toHaveBeenCalledTimes(2);
    f.state.listening = true;
    expect(cache.peek('a')).toBeUndefined();
  });

  it('drops the oldest entry beyond its size and any entry past its age', async () => {
    const f = feed();
    const small = cacheOn(f.feed, 2);
    for (const key of ['a', 'b', 'c']) await small.get(key, async () => key);
    expect([small.peek('a'), small.peek('b'), small.peek('c')]).toEqual([undefined, 'b', 'c']);
    const brief = cacheOn(f.feed, 10, 0);
    await brief.get('a', async () => 'a');
    expect(brief.peek('a')).toBeUndefined();
  });
});

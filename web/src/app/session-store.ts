/**
 * The access token: in memory, and in sessionStorage so a reload of the tab
 * keeps the user signed in (closing the tab ends the session). Never in a URL.
 */
const KEY = 'zongzhi.accessToken';

let token: string | null = sessionStorage.getItem(KEY);
const listeners = new Set<() => void>();

export const sessionStore = {
  token: () => token,
  set(next: string | null): void {
    token = next;
    if (next) sessionStorage.setItem(KEY, next);
    else sessionStorage.removeItem(KEY);
    listeners.forEach((listener) => listener());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

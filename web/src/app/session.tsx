import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { signInControllerLogin } from '../api/sdk.gen.js';
import { signInControllerMeOptions } from '../api/@tanstack/react-query.gen.js';
import type { UserResponse } from '../api/types.gen.js';
import { sessionStore } from './session-store.js';

interface Session {
  /** The signed-in user, null when signed out, undefined while /me loads. */
  me: UserResponse | null | undefined;
  login(username: string, password: string): Promise<void>;
  logout(): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const token = useSyncExternalStore(sessionStore.subscribe, sessionStore.token);
  const me = useQuery({ ...signInControllerMeOptions(), enabled: token !== null, retry: false, staleTime: Infinity });

  const login = useCallback(async (username: string, password: string) => {
    const { data } = await signInControllerLogin({ body: { username, password }, throwOnError: true });
    queryClient.clear();
    queryClient.setQueryData(signInControllerMeOptions().queryKey, data.user);
    sessionStore.set(data.accessToken);
  }, [queryClient]);

  const logout = useCallback(() => {
    sessionStore.set(null);
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo<Session>(() => ({
    me: token === null || me.isError ? null : me.data,
    login,
    logout,
  }), [token, me.data, me.isError, login, logout]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user, for screens that render only once signed in. */
export function useMe(): UserResponse {
  const { me } = useSession();
  if (!me) throw new Error('useMe while signed out');
  return me;
}

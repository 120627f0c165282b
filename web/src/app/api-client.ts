import { client } from '../api/client.gen.js';
import { sessionStore } from './session-store.js';

/**
 * The generated client's configuration, the only hand-written part of calling
 * the API: the document's paths already carry /api/v1, so the base is this
 * origin; the bearer token comes from the session; a 401 on a signed-in call
 * means the token expired, so the session ends.
 */
export function configureApiClient(): void {
  client.setConfig({ baseUrl: window.location.origin, auth: () => sessionStore.token() ?? undefined });
  client.interceptors.response.use((response, request) => {
    if (response.status === 401 && !request.url.endsWith('/auth/login') && sessionStore.token()) sessionStore.set(null);
    return response;
  });
}

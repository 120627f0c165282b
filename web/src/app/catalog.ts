import { useQuery } from '@tanstack/react-query';
import { catalogControllerListOptions } from '../api/@tanstack/react-query.gen.js';

/** The event catalogue (rarely changes: cached for the session). */
export function useEventTypes() {
  return useQuery({ ...catalogControllerListOptions(), staleTime: 3600_000 });
}

import { useQuery } from '@tanstack/react-query';
import type { About, Health } from '../../shared/system.contract.ts';
import { apiGet } from './client.ts';

export const systemKeys = {
  health: ['system', 'health'] as const,
  about: ['system', 'about'] as const,
};

/** Liveness and database reachability; a 503 still carries a Health body. */
export function useHealth() {
  return useQuery({
    queryKey: systemKeys.health,
    queryFn: ({ signal }) => apiGet<Health>('/api/health', { signal, acceptStatuses: [503] }),
    refetchInterval: 30_000,
  });
}

export function useAbout() {
  return useQuery({
    queryKey: systemKeys.about,
    queryFn: ({ signal }) => apiGet<About>('/api/about', { signal }),
  });
}

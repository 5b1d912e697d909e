import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../shared/identity.contract.ts';
import { apiGet, apiSend, setCsrfToken } from './client.ts';

export const authKeys = {
  me: ['auth', 'me'] as const,
};

async function fetchMe(signal: AbortSignal): Promise<Me> {
  const me = await apiGet<Me>('/api/auth/me', { signal });
  setCsrfToken(me.csrfToken);
  return me;
}

/**
 * Who is signed in. Not polled: every request touches the session, so polling
 * would keep an unattended session alive past its idle timeout.
 */
export function useMe() {
  return useQuery({
    queryKey: authKeys.me,
    queryFn: ({ signal }) => fetchMe(signal),
    retry: false,
    staleTime: 60_000,
  });
}

export interface LoginInput {
  username: string;
  password: string;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => apiSend<Me>('POST', '/api/auth/login', input),
    onSuccess: (me) => {
      // Nothing cached for a previous user may show to this one.
      queryClient.clear();
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(authKeys.me, me);
    },
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: () => apiSend<undefined>('POST', '/api/auth/logout'),
    // A session that has already ended answers 401: the person is signed out either way.
    meta: { ignoreUnauthenticated: true },
  });
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) =>
      apiSend<undefined>('POST', '/api/auth/password', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me }),
  });
}

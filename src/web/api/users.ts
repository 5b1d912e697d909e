import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User } from '../../shared/identity.contract.ts';
import type { ListResult } from '../../shared/list.ts';
import { apiGet, apiSend, queryString } from './client.ts';

export type UserStatus = User['status'];
export type UserLanguage = User['preferredLanguage'];

// As in the contract; not imported from it, which would bring zod into the bundle.
export const USER_STATUSES: readonly UserStatus[] = ['active', 'disabled', 'locked'];

export interface UserListParams {
  q?: string;
  status?: UserStatus;
  role?: string;
  limit: number;
  offset: number;
}

export const userKeys = {
  all: ['users'] as const,
  list: (params: UserListParams) => ['users', 'list', params] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

export function useUsers(params: UserListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) =>
      apiGet<ListResult<User>>(`/api/users${queryString({ ...params })}`, { signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useUser(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: userKeys.detail(id),
    queryFn: ({ signal }) => apiGet<User>(`/api/users/${encodeURIComponent(id)}`, { signal }),
    enabled: options.enabled ?? true,
  });
}

export interface CreateUserInput {
  username: string;
  fullName: string;
  email?: string;
  preferredLanguage: UserLanguage;
  roles: string[];
  password: string;
  reason?: string;
}

export type UserChange =
  | {
      kind: 'profile';
      body: { fullName?: string; email?: string | null; preferredLanguage?: UserLanguage };
    }
  | { kind: 'roles'; body: { roles: string[] } }
  | { kind: 'disable' | 'enable' | 'unlock'; body: Record<string, never> }
  | { kind: 'reset-password'; body: { newPassword: string } };

function sendChange(id: string, change: UserChange, reason: string): Promise<User> {
  const base = `/api/users/${encodeURIComponent(id)}`;
  const body = { ...change.body, reason };
  switch (change.kind) {
    case 'profile':
      return apiSend<User>('PATCH', base, body);
    case 'roles':
      return apiSend<User>('PUT', `${base}/roles`, body);
    case 'disable':
    case 'enable':
    case 'unlock':
    case 'reset-password':
      return apiSend<User>('POST', `${base}/${change.kind}`, body);
  }
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => apiSend<User>('POST', '/api/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** Any change to a user; every one carries the reason for the audit trail. */
export function useChangeUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ change, reason }: { change: UserChange; reason: string }) =>
      sendChange(id, change, reason),
    onSuccess: (user) => {
      queryClient.setQueryData(userKeys.detail(id), user);
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      void queryClient.invalidateQueries({ queryKey: ['roles'] });
    },
  });
}

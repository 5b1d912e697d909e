import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../shared/identity.contract.ts';
import type { ListResult } from '../../shared/list.ts';
import type { SignatureInput } from '../../shared/signatures.contract.ts';
import type { Language } from '../i18n/language.ts';
import { apiGet, apiSend } from './client.ts';

export interface PermissionInfo {
  key: string;
  en: string;
  zh: string;
}

export const roleKeys = {
  all: ['roles'] as const,
  list: ['roles', 'list'] as const,
  detail: (key: string) => ['roles', 'detail', key] as const,
  permissions: ['roles', 'permissions'] as const,
};

export function useRoles(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: roleKeys.list,
    // Every role on one page: a plant has tens of roles, not thousands.
    queryFn: ({ signal }) => apiGet<ListResult<Role>>('/api/roles?limit=200', { signal }),
    enabled: options.enabled ?? true,
    staleTime: 60_000,
  });
}

export function useRole(key: string) {
  return useQuery({
    queryKey: roleKeys.detail(key),
    queryFn: ({ signal }) => apiGet<Role>(`/api/roles/${encodeURIComponent(key)}`, { signal }),
  });
}

export function usePermissionCatalogue() {
  return useQuery({
    queryKey: roleKeys.permissions,
    queryFn: ({ signal }) => apiGet<ListResult<PermissionInfo>>('/api/permissions', { signal }),
    staleTime: Infinity,
  });
}

export interface CreateRoleInput {
  key: string;
  nameEn: string;
  nameZh: string;
  description?: string;
  permissions: string[];
  reason?: string;
  signature: SignatureInput;
}

export function useCreateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateRoleInput) => apiSend<Role>('POST', '/api/roles', input),
    onSuccess: (role) => {
      queryClient.setQueryData(roleKeys.detail(role.key), role);
      void queryClient.invalidateQueries({ queryKey: roleKeys.list });
    },
  });
}

export function useSetRolePermissions(key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { permissions: string[]; reason: string; signature: SignatureInput }) =>
      apiSend<Role>('PUT', `/api/roles/${encodeURIComponent(key)}/permissions`, input),
    onSuccess: (role) => {
      queryClient.setQueryData(roleKeys.detail(key), role);
      void queryClient.invalidateQueries({ queryKey: roleKeys.list });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** A role's name in the UI language. */
export function roleName(role: Pick<Role, 'nameEn' | 'nameZh'>, language: Language): string {
  return language === 'zh-CN' ? role.nameZh : role.nameEn;
}

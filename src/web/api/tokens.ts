import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiToken } from '../../shared/identity.contract.ts';
import type { ListResult } from '../../shared/list.ts';
import { apiGet, apiSend, queryString } from './client.ts';

export interface TokenListParams {
  all: boolean;
  limit: number;
  offset: number;
}

export const tokenKeys = {
  all: ['tokens'] as const,
  list: (params: TokenListParams) => ['tokens', 'list', params] as const,
};

export function useTokens(params: TokenListParams) {
  return useQuery({
    queryKey: tokenKeys.list(params),
    queryFn: ({ signal }) =>
      apiGet<ListResult<ApiToken>>(
        `/api/tokens${queryString({ all: params.all ? 'true' : undefined, limit: params.limit, offset: params.offset })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export interface CreateTokenInput {
  name: string;
  permissions: string[];
  expiresInDays?: number;
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTokenInput) =>
      apiSend<{ token: ApiToken; secret: string }>('POST', '/api/tokens', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      apiSend<ApiToken>('POST', `/api/tokens/${encodeURIComponent(id)}/revoke`, { reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

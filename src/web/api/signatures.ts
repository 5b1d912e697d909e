import { useMutation } from '@tanstack/react-query';
import type { SignatureVerification } from '../../shared/signatures.contract.ts';
import { apiGet } from './client.ts';

/** Recomputes a signed record's hash on the server: valid, broken or record_missing. */
export function useVerifySignature() {
  return useMutation({
    mutationFn: (id: string) =>
      apiGet<SignatureVerification>(`/api/signatures/${encodeURIComponent(id)}/verify`),
  });
}

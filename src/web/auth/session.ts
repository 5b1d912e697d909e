import type { Me } from '../../shared/identity.contract.ts';
import type { Permission } from '../../shared/permissions.ts';
import { useMe } from '../api/auth.ts';

/**
 * The signed-in person. Only for components under RequireAuth, which renders
 * nothing until `me` has loaded.
 */
export function useSession(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSession() used outside RequireAuth');
  return data;
}

/** Whether the signed-in person holds a permission. */
export function useCan(permission: Permission): boolean {
  const { data } = useMe();
  return data?.permissions.includes(permission) ?? false;
}

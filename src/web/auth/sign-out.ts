import { useNavigate } from 'react-router';
import { useLogout } from '../api/auth.ts';
import { setCsrfToken } from '../api/client.ts';

/** Ends the session on the server and goes to /login (which forgets everything cached). */
export function useSignOut(): () => void {
  const logout = useLogout();
  const navigate = useNavigate();
  return () => {
    logout.mutate(undefined, {
      onSettled: () => {
        setCsrfToken(null);
        void navigate('/login', { replace: true, state: { reason: 'signedOut' } });
      },
    });
  };
}

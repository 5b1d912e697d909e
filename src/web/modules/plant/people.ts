import { useMemo } from 'react';
import { useTrainingRecords } from '../../api/plant.ts';
import { useUsers } from '../../api/users.ts';
import { useCan, useSession } from '../../auth/session.ts';

export interface Person {
  id: string;
  username: string;
  fullName: string;
}

/**
 * The people a training record can name, matching `search`. The user list
 * needs user.read; without it, only the people who already have training
 * records (and the signed-in person) can be offered.
 */
export function usePeople(search: string): {
  people: Person[];
  loading: boolean;
  complete: boolean;
} {
  const me = useSession();
  const mayReadUsers = useCan('user.read');
  const q = search.trim();
  const users = useUsers(
    { q: q || undefined, status: 'active', limit: 50, offset: 0 },
    { enabled: mayReadUsers },
  );
  const records = useTrainingRecords({ limit: 200, offset: 0 });
  const people = useMemo(() => {
    if (mayReadUsers) {
      return (users.data?.items ?? []).map(({ id, username, fullName }) => ({
        id,
        username,
        fullName,
      }));
    }
    const byId = new Map<string, Person>([[me.user.id, me.user]]);
    for (const r of records.data?.items ?? [])
      byId.set(r.userId, { id: r.userId, username: r.username, fullName: r.userFullName });
    const needle = q.toLowerCase();
    return [...byId.values()]
      .map(({ id, username, fullName }) => ({ id, username, fullName }))
      .filter(
        (p) =>
          !needle ||
          p.username.toLowerCase().includes(needle) ||
          p.fullName.toLowerCase().includes(needle),
      )
      .sort((a, b) => a.username.localeCompare(b.username));
  }, [mayReadUsers, users.data, records.data, me.user, q]);
  return {
    people,
    loading: mayReadUsers ? users.isFetching : records.isFetching,
    complete: mayReadUsers,
  };
}

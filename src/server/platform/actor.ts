/** Who is doing something: a signed-in user, a machine using a user's API token, or Lotline itself. */
export type Actor = UserActor | SystemActor;

export interface UserActor {
  kind: 'user';
  userId: string;
  username: string;
  fullName: string;
  permissions: ReadonlySet<string>;
  via: 'session' | 'token';
  sessionId?: string;
  tokenId?: string;
  tokenName?: string;
  passwordChangeRequired: boolean;
  requestId?: string;
}

export interface SystemActor {
  kind: 'system';
  /** e.g. 'cli', 'migration', 'scheduler', 'sign-in' */
  name: string;
  requestId?: string;
}

export function systemActor(name: string, requestId?: string): SystemActor {
  return { kind: 'system', name, requestId };
}

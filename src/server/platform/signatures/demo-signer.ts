// Demo data only: the demo seed signs approvals as the demo users, through the
// same verifySigner as a person at the screen (the demo password is re-entered),
// inside the seed's transaction. Signatures mean "approved".
import type { SignatureMeaning } from '../../../shared/signatures.contract.ts';
import type { UserActor } from '../actor.ts';
import { DEFAULT_SECURITY_POLICY } from '../config.ts';
import type { Trx } from '../db/database.ts';
import { DEMO_PASSWORD, findUserByUsername, permissionsOfUser } from '../identity/index.ts';
import { verifySigner, type VerifiedSigner } from './signatures.service.ts';

// The seed runs in one transaction: each demo user re-enters the password once
// (scrypt is slow on purpose) and signs every approval of the seed with it.
const verifiedInSeed = new WeakMap<Trx, Map<string, Promise<VerifiedSigner>>>();

export function demoSigner(trx: Trx, username: string): Promise<VerifiedSigner> {
  const signers = verifiedInSeed.get(trx) ?? new Map<string, Promise<VerifiedSigner>>();
  verifiedInSeed.set(trx, signers);
  const known = signers.get(username);
  if (known) return known;
  const signer = verifyDemoUser(trx, username, 'approved');
  signers.set(username, signer);
  return signer;
}

async function verifyDemoUser(
  trx: Trx,
  username: string,
  meaning: SignatureMeaning,
): Promise<VerifiedSigner> {
  const user = await findUserByUsername(trx, username);
  if (!user) throw new Error(`Demo user ${username} is missing: the users seeder runs first`);
  const actor: UserActor = {
    kind: 'user',
    userId: user.id,
    username: user.username,
    fullName: user.full_name,
    permissions: await permissionsOfUser(trx, user.id),
    via: 'session',
    passwordChangeRequired: false,
    requestId: 'demo-seed',
  };
  return verifySigner(
    trx,
    DEFAULT_SECURITY_POLICY,
    actor,
    { username: user.username, password: DEMO_PASSWORD, meaning, comment: 'Demo data' },
    { requestId: 'demo-seed' },
  );
}

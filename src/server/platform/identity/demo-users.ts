import { systemActor } from '../actor.ts';
import { DEFAULT_SECURITY_POLICY } from '../config.ts';
import type { Trx } from '../db/database.ts';
import { createUser } from './users.service.ts';

/** Documented in README.md ("Demo users"); only ever loaded by `lotline seed --demo`. */
export const DEMO_PASSWORD = 'Lotline-Demo-2026';

export const DEMO_USERS: { username: string; fullName: string; language: 'zh-CN' | 'en' }[] = [
  { username: 'admin', fullName: '王磊 Wang Lei', language: 'zh-CN' },
  { username: 'qa_manager', fullName: '李娜 Li Na', language: 'zh-CN' },
  { username: 'qa_inspector', fullName: '陈静 Chen Jing', language: 'zh-CN' },
  { username: 'production_supervisor', fullName: '张伟 Zhang Wei', language: 'zh-CN' },
  { username: 'operator', fullName: '刘洋 Liu Yang', language: 'zh-CN' },
  { username: 'warehouse', fullName: '赵敏 Zhao Min', language: 'zh-CN' },
  { username: 'purchasing', fullName: 'Anna Schmidt', language: 'en' },
  { username: 'engineer', fullName: 'Thomas Müller', language: 'en' },
  { username: 'viewer', fullName: 'Emily Carter', language: 'en' },
];

/** One user per built-in role; the username is the role's key. */
export async function seedDemoUsers(trx: Trx): Promise<void> {
  const actor = systemActor('demo-seed');
  for (const u of DEMO_USERS) {
    await createUser(trx, actor, DEFAULT_SECURITY_POLICY, {
      username: u.username,
      fullName: u.fullName,
      preferredLanguage: u.language,
      roles: [u.username],
      password: DEMO_PASSWORD,
      mustChangePassword: false,
      reason: 'Demo data',
    });
  }
}

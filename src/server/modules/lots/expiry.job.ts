// The expiry job: lots whose expiry date has passed move to `expired`, and the
// lots expiring within the warning window (lots.expiry_warning_days) are listed.
// It claims rows with FOR UPDATE SKIP LOCKED, so several Lotline processes (or
// the CLI next to a server) never expire the same lot twice or wait on each other.
import type { LotListItem } from '../../../shared/lots.contract.ts';
import { systemActor, type Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { listExpiringLots } from './lots.queries.ts';
import { applyTransition } from './quality-status.service.ts';
import { today } from './trace-units.service.ts';

const BATCH = 100;
export const EXPIRY_JOB_INTERVAL_MS = 60 * 60 * 1000;

export interface ExpiryRun {
  expired: { id: string; code: string }[];
  warningDays: number;
  expiring: LotListItem[];
}

/** Expires every lot in use whose date is before `on` (today), batch by batch, each batch one transaction. */
export async function expireLots(
  db: Db,
  options: { on?: string; actor?: Actor } = {},
): Promise<ExpiryRun> {
  const on = options.on ?? today();
  const actor = options.actor ?? systemActor('scheduler');
  const expired: ExpiryRun['expired'] = [];
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('trace_units')
        .selectAll()
        .where('quality_status', 'in', ['quarantined', 'released', 'on_hold'])
        .where('expires_on', '<', on)
        .orderBy('expires_on')
        .orderBy('id')
        .limit(BATCH)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const row of rows) {
        await applyTransition(trx, actor, row, 'expire', {
          reason: `Expiry date ${row.expires_on ?? ''} has passed`,
        });
      }
      return rows.map((r) => ({ id: r.id, code: r.code }));
    });
    expired.push(...batch);
    if (batch.length < BATCH) break;
  }
  const { days, items } = await listExpiringLots(db, { on });
  return { expired, warningDays: days, expiring: items };
}

interface JobLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Runs the expiry job shortly after start and then on an interval, on timers
 * that do not keep the process alive. Returns the function that stops it.
 */
export function scheduleLotExpiry(
  db: Db,
  options: { log: JobLog; intervalMs?: number; firstRunMs?: number },
): () => void {
  let running = false;
  let stopped = false;
  const run = async () => {
    if (running || stopped) return;
    running = true;
    try {
      const result = await expireLots(db);
      if (result.expired.length > 0 || result.expiring.length > 0) {
        options.log.info(
          {
            expired: result.expired.map((l) => l.code),
            expiringWithinDays: result.warningDays,
            expiring: result.expiring.map((l) => `${l.code} ${l.expiresOn ?? ''}`),
          },
          'lot expiry job',
        );
      }
    } catch (error) {
      options.log.error({ err: error }, 'lot expiry job failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), options.firstRunMs ?? 5_000);
  const every = setInterval(() => void run(), options.intervalMs ?? EXPIRY_JOB_INTERVAL_MS);
  first.unref();
  every.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(every);
  };
}

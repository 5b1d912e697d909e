// While a lot's incoming inspection is open, the decision is the inspection's:
// the lot is not released, rejected, split or merged around it (the inspection's
// own decision names it as its source and passes).
import type { Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { registerDecisionGuard, type DecisionGuard } from '../lots/index.ts';
import { INSPECTION_RECORD } from './inspections.service.ts';

const openInspectionGuard: DecisionGuard = {
  owner: INSPECTION_RECORD,
  async check(trx: Trx, traceUnitIds: string[], action) {
    if (traceUnitIds.length === 0) return;
    const open = await trx
      .selectFrom('inspection_units as u')
      .innerJoin('inspections as i', 'i.id', 'u.inspection_id')
      .select(['i.id', 'i.code', 'u.trace_unit_id'])
      .where('u.trace_unit_id', 'in', traceUnitIds)
      .where('i.status', '=', 'open')
      .executeTakeFirst();
    if (open) {
      throw new DomainError('LOT_UNDER_INSPECTION', {
        lotId: open.trace_unit_id,
        inspectionId: open.id,
        inspectionCode: open.code,
        action,
      });
    }
  },
};

/** Lots under an open incoming inspection are decided there (idempotent). */
export function registerInspectionLotGuard(): void {
  registerDecisionGuard(openInspectionGuard);
}

// The lots module's public surface: trace units (lots, serials, containers),
// their quality status, activities and genealogy, and the stock ledger.
import { registerImpactProvider } from '../changes/index.ts';
import type { SignableRegistry } from '../../platform/signatures/signatures.service.ts';
import { stockImpactProvider } from './lots.impact.ts';
import { TRACE_UNIT_RECORD, traceUnitSignable } from './trace-units.service.ts';

export type { QualityStatus, TraceUnitKind } from '../../../shared/lots.contract.ts';
export {
  assertTraceUnitUsable,
  getTraceUnit,
  receiveTraceUnit,
  traceUnitStock,
  TRACE_UNIT_RECORD,
  type ReceiveTraceUnitInput,
  type TraceUnitRef,
} from './trace-units.service.ts';
export { lockTraceUnits } from './lots.repository.ts';
export {
  registerDecisionGuard,
  type DecisionGuard,
  type GuardedAction,
} from './decision-guards.ts';
export {
  holdTraceUnit,
  liftTraceUnitHold,
  recallTraceUnit,
  rejectTraceUnit,
  releaseTraceUnit,
} from './quality-status.service.ts';
export {
  adjustStock,
  issueTraceUnit,
  returnTraceUnitToSupplier,
  reverseMovement,
  scrapStock,
  transferStock,
} from './stock.service.ts';
export { mergeTraceUnits, splitTraceUnit } from './genealogy.service.ts';
export { lotOutcomesBySupplier } from './outcomes.ts';
export { expireLots, scheduleLotExpiry, type ExpiryRun } from './expiry.job.ts';
export { verifyStockLedger } from './stock.queries.ts';
export { seedDemoLots } from './lots.demo.ts';
export { lotsRoutes } from './lots.routes.ts';
export { stockRoutes } from './stock.routes.ts';

/** Lets GET /api/signatures/:id/verify recompute what a lot signature covers. */
export function registerLotsSignables(registry: SignableRegistry): void {
  registry.register(TRACE_UNIT_RECORD, traceUnitSignable);
}

/** Adds the `stock` section to change impact analyses (idempotent). */
export function registerLotsImpactProvider(): void {
  registerImpactProvider(stockImpactProvider);
}

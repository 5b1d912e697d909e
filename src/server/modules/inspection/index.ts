// The inspection module's public surface: inspection plans, ISO 2859-1
// sampling, incoming inspections with their results and signed decision.
import type { SignableRegistry } from '../../platform/signatures/signatures.service.ts';
import { INSPECTION_RECORD, inspectionSignedContent } from './inspections.service.ts';

export { inspectionRoutes } from './inspection.routes.ts';
export { registerInspectionLotGuard } from './lot-guard.ts';
export {
  getInspection,
  INSPECTION_RECORD,
  listInspections,
  openIncomingInspection,
  samplingStateFor,
} from './inspections.service.ts';
export { findDefaultPlan, getInspectionPlan, listInspectionPlans } from './plans.service.ts';
export { samplingPlan } from './sampling.ts';
export { seedDemoInspectionPlans, seedDemoInspectionResults } from './inspection.seed.ts';

/** Lets GET /api/signatures/:id/verify recompute what an inspection decision signature covers. */
export function registerInspectionSignables(registry: SignableRegistry): void {
  registry.register(INSPECTION_RECORD, inspectionSignedContent);
}

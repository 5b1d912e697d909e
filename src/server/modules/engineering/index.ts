// The engineering module's public surface: BOM and routing versions.
import type { SignableRegistry } from '../../platform/signatures/signatures.service.ts';
import { bomSignedContent, RECORD_TYPES, routingSignedContent } from './versions.service.ts';

export { whereUsed } from './bom.service.ts';
export { engineeringRoutes } from './engineering.routes.ts';
export { seedDemoEngineering } from './engineering.seed.ts';
export {
  effectiveVersionSummary,
  ENGINEERING_APPROVAL,
  getBomVersion,
  getEffectiveBom,
  getEffectiveRouting,
  getEngineeringVersion,
  getRoutingVersion,
  listVersions,
  makeVersionEffectiveByChange,
} from './versions.service.ts';

/** Lets GET /api/signatures/:id/verify recompute the content of signed BOM and routing versions. */
export function registerEngineeringSignables(registry: SignableRegistry): void {
  registry.register(RECORD_TYPES.bom, bomSignedContent);
  registry.register(RECORD_TYPES.routing, routingSignedContent);
}

// The changes module's public surface: change control (ECO).
import type { SignableRegistry } from '../../platform/signatures/signatures.service.ts';
import { CHANGE_REQUEST_RECORD, changeSignedContent } from './changes.service.ts';

export { changesRoutes } from './changes.routes.ts';
export { seedDemoChanges } from './changes.seed.ts';
export { changeImpact, getChange, listChanges } from './changes.service.ts';
export { registerImpactProvider, type ImpactContext, type ImpactProvider } from './impact.ts';

/** Lets GET /api/signatures/:id/verify recompute the content of signed change requests. */
export function registerChangesSignables(registry: SignableRegistry): void {
  registry.register(CHANGE_REQUEST_RECORD, changeSignedContent);
}

// The documents module's public surface.
import type { SignableRegistry } from '../../platform/signatures/signatures.service.ts';
import { DOCUMENT_VERSION_RECORD, documentVersionSignedContent } from './documents.service.ts';

export { documentsRoutes } from './documents.routes.ts';
export { DEMO_DOCUMENTS, seedDemoDocuments } from './documents.seed.ts';
export {
  assertDocumentVersionEffective,
  assertDocumentVersionsLinkable,
  documentVersionRefs,
  effectiveDocumentVersion,
  effectivityDate,
  getDocument,
  getDocumentVersion,
  listDocuments,
  makeDocumentVersionEffective,
  revisionLabel,
} from './documents.service.ts';

/** Lets GET /api/signatures/:id/verify recompute the content of signed document versions. */
export function registerDocumentsSignables(registry: SignableRegistry): void {
  registry.register(DOCUMENT_VERSION_RECORD, documentVersionSignedContent);
}

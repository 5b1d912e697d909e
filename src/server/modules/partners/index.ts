// The partners module's public surface: suppliers (approval, approved items,
// certificates) and customers / consignees (ship-to addresses, recall contacts).
import type { SignableRegistry } from '../../platform/signatures/signatures.service.ts';
import {
  SUPPLIER_STATUS_CHANGE_RECORD,
  supplierStatusChangeSignedContent,
} from './suppliers.service.ts';

export { partnersRoutes } from './partners.routes.ts';
export { seedDemoPartners } from './partners.demo.ts';
export {
  assertSupplierApprovedForItem,
  createSupplier,
  findSupplierIdByCode,
  getSupplier,
  isSupplierApprovedForItem,
  listSuppliers,
  SUPPLIER_STATUS_CHANGE_RECORD,
} from './suppliers.service.ts';
export { certificateStatus, listExpiringCertificates } from './certificates.service.ts';
export { findCustomerIdByCode, getCustomer, listCustomers } from './customers.service.ts';

/** Lets GET /api/signatures/:id/verify recompute what a supplier status signature covers. */
export function registerPartnersSignables(registry: SignableRegistry): void {
  registry.register(SUPPLIER_STATUS_CHANGE_RECORD, supplierStatusChangeSignedContent);
}

// The purchasing module's public surface: purchase orders, receiving against a
// PO line (Lotline's own quarantined lots bound to the supplier lot, with the
// certificate of analysis and the incoming inspection), returns to supplier and
// the supplier scorecard.
export { purchasingRoutes } from './purchasing.routes.ts';
export { seedDemoPurchasing } from './purchasing.demo.ts';
export {
  changePurchaseOrderStatus,
  createPurchaseOrder,
  listPurchaseOrders,
  loadPurchaseOrder,
} from './orders.service.ts';
export { getReceipt, listReceipts } from './receipts.queries.ts';
export { receiveGoods } from './receipts.service.ts';
export { getPurchaseOrder, returnToSupplier } from './returns.service.ts';
export { supplierScorecard } from './scorecard.service.ts';
export { readSupplierLabel, type ScannedLabel } from './receiving-rules.ts';

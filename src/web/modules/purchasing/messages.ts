// UI messages of the purchasing and receiving screens (under the `purchasing`
// key) and the messages for the API error codes of modules/purchasing (merged
// into `errors`). zh-CN has the same keys as en.
export const purchasingEn = {
  title: 'Purchase orders',
  receivingTitle: 'Receiving',
  scorecardTitle: 'Supplier scorecard',
};

export const purchasingZhCN: typeof purchasingEn = {
  title: '采购订单',
  receivingTitle: '收货',
  scorecardTitle: '供应商绩效',
};

export const purchasingErrorsEn = {
  PURCHASE_ORDER_NOT_FOUND: 'This purchase order does not exist.',
  SUPPLIER_NOT_APPROVED_FOR_ITEM:
    'The supplier is not on the approved-supplier list for this item.',
  SUPPLIER_DISQUALIFIED: 'The supplier is disqualified: nothing may be ordered from it.',
  RECEIPT_OVER_TOLERANCE:
    'This quantity would exceed the ordered quantity beyond the allowed over-delivery tolerance.',
};

export const purchasingErrorsZhCN: typeof purchasingErrorsEn = {
  PURCHASE_ORDER_NOT_FOUND: '该采购订单不存在。',
  SUPPLIER_NOT_APPROVED_FOR_ITEM: '该供应商不在此物料的合格供应商名录中。',
  SUPPLIER_DISQUALIFIED: '该供应商已被取消资格，不得向其采购。',
  RECEIPT_OVER_TOLERANCE: '该数量将超出订购数量及允许的超收容差。',
};

// Labels of the audit trail's purchasing actions (under `audit.actions`).
export const purchasingAuditActionsEn = {
  purchase_order: {
    created: 'Purchase order created',
  },
};

export const purchasingAuditActionsZhCN: typeof purchasingAuditActionsEn = {
  purchase_order: {
    created: '创建采购订单',
  },
};

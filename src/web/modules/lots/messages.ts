// UI messages of the lots and stock screens (under the `lots` key) and the
// messages for the API error codes of modules/lots (merged into `errors`).
// zh-CN has the same keys as en (its type says so; i18n.test.ts checks both trees).
export const lotsEn = {
  title: 'Lots and serials',
  stockTitle: 'Stock by location',
};

export const lotsZhCN: typeof lotsEn = {
  title: '批次与序列号',
  stockTitle: '库位库存',
};

export const lotsErrorsEn = {
  LOT_NOT_FOUND: 'This lot or serial does not exist.',
  LOT_NOT_RELEASED: 'The lot has not been released by QA and cannot be used yet.',
  LOT_ON_HOLD: 'The lot is on hold and cannot be used until QA lifts the hold.',
  LOT_EXPIRED: 'The lot has expired and cannot be used.',
  LOT_RECALLED: 'The lot has been recalled and cannot be used.',
  LOT_REJECTED: 'The lot has been rejected and cannot be used.',
  LOT_STATUS_TRANSITION: 'The lot cannot change from its current quality status to this one.',
  STOCK_INSUFFICIENT: 'There is not enough stock of this lot at that location.',
};

export const lotsErrorsZhCN: typeof lotsErrorsEn = {
  LOT_NOT_FOUND: '该批次或序列号不存在。',
  LOT_NOT_RELEASED: '该批次尚未经质量部门放行，暂不能使用。',
  LOT_ON_HOLD: '该批次已冻结，质量部门解除冻结前不能使用。',
  LOT_EXPIRED: '该批次已过期，不能使用。',
  LOT_RECALLED: '该批次已召回，不能使用。',
  LOT_REJECTED: '该批次已被拒收，不能使用。',
  LOT_STATUS_TRANSITION: '该批次不能从当前质量状态变更为此状态。',
  STOCK_INSUFFICIENT: '该库位上此批次的库存不足。',
};

// Labels of the audit trail's lot and stock actions (under `audit.actions`).
export const lotsAuditActionsEn = {
  trace_unit: {
    created: 'Lot created',
  },
};

export const lotsAuditActionsZhCN: typeof lotsAuditActionsEn = {
  trace_unit: {
    created: '创建批次',
  },
};

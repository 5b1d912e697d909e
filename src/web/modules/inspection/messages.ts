// UI messages of the inspection screens (under the `inspection` key) and the
// messages for the API error codes of modules/inspection and modules/quality
// (merged into `errors`). zh-CN has the same keys as en.
export const inspectionEn = {
  title: 'Inspections',
  plansTitle: 'Inspection plans',
  nonconformancesTitle: 'Nonconformances',
};

export const inspectionZhCN: typeof inspectionEn = {
  title: '检验',
  plansTitle: '检验方案',
  nonconformancesTitle: '不合格记录',
};

export const inspectionErrorsEn = {
  INSPECTION_NOT_FOUND: 'This inspection does not exist.',
  INSPECTION_PLAN_NOT_FOUND: 'This inspection plan does not exist.',
  INSPECTION_ALREADY_DECIDED: 'The inspection has already been decided and can no longer change.',
  NONCONFORMANCE_NOT_FOUND: 'This nonconformance record does not exist.',
};

export const inspectionErrorsZhCN: typeof inspectionErrorsEn = {
  INSPECTION_NOT_FOUND: '该检验记录不存在。',
  INSPECTION_PLAN_NOT_FOUND: '该检验方案不存在。',
  INSPECTION_ALREADY_DECIDED: '该检验已作出判定，不能再修改。',
  NONCONFORMANCE_NOT_FOUND: '该不合格记录不存在。',
};

// Labels of the audit trail's inspection actions (under `audit.actions`).
export const inspectionAuditActionsEn = {
  inspection: {
    created: 'Inspection opened',
  },
};

export const inspectionAuditActionsZhCN: typeof inspectionAuditActionsEn = {
  inspection: {
    created: '创建检验',
  },
};

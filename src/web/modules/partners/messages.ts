// UI messages of the partners screens (under the `partners` key) and the messages for the
// API error codes of modules/partners (merged into `errors`). zh-CN has the same
// keys as en (its type says so; i18n.test.ts checks both trees).
export const partnersEn = {};

export const partnersZhCN: typeof partnersEn = {};

export const partnersErrorsEn = {};

export const partnersErrorsZhCN: typeof partnersErrorsEn = {};

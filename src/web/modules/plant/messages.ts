// UI messages of the plant screens (under the `plant` key) and the messages for the
// API error codes of modules/plant (merged into `errors`). zh-CN has the same
// keys as en (its type says so; i18n.test.ts checks both trees).
export const plantEn = {};

export const plantZhCN: typeof plantEn = {};

export const plantErrorsEn = {};

export const plantErrorsZhCN: typeof plantErrorsEn = {};

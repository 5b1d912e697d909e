// UI messages of the changes screens (under the `changes` key) and the messages for the
// API error codes of modules/changes (merged into `errors`). zh-CN has the same
// keys as en (its type says so; i18n.test.ts checks both trees).
export const changesEn = {};

export const changesZhCN: typeof changesEn = {};

export const changesErrorsEn = {};

export const changesErrorsZhCN: typeof changesErrorsEn = {};

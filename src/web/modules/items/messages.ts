// UI messages of the items screens (under the `items` key) and the messages for the
// API error codes of modules/items (merged into `errors`). zh-CN has the same
// keys as en (its type says so; i18n.test.ts checks both trees).
export const itemsEn = {};

export const itemsZhCN: typeof itemsEn = {};

export const itemsErrorsEn = {};

export const itemsErrorsZhCN: typeof itemsErrorsEn = {};

// UI messages of the engineering screens (under the `engineering` key) and the messages for the
// API error codes of modules/engineering (merged into `errors`). zh-CN has the same
// keys as en (its type says so; i18n.test.ts checks both trees).
export const engineeringEn = {};

export const engineeringZhCN: typeof engineeringEn = {};

export const engineeringErrorsEn = {};

export const engineeringErrorsZhCN: typeof engineeringErrorsEn = {};

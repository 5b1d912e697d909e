// UI messages of the documents screens (under the `documents` key) and the messages for the
// API error codes of modules/documents (merged into `errors`). zh-CN has the same
// keys as en (its type says so; i18n.test.ts checks both trees).
export const documentsEn = {};

export const documentsZhCN: typeof documentsEn = {};

export const documentsErrorsEn = {};

export const documentsErrorsZhCN: typeof documentsErrorsEn = {};

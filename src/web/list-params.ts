// Reading a list page's filters back from its URL (see use-search-filters.ts):
// anything a person may have typed into the address bar is checked, not trusted.

export const PAGE_SIZES = [20, 50, 100];

/** The value when it is one of `values`; undefined for anything else. */
export function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** A whole number above 0, or the fallback. */
export function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** "true" / "false" as a boolean; undefined for anything else (no filter). */
export function booleanParam(value: string | null): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/** The page and page size of a list, with the offset the API takes. */
export function pageOf(params: URLSearchParams) {
  const page = positiveInt(params.get('page'), 1);
  const size = positiveInt(params.get('size'), 0);
  // Only the sizes offered: the API refuses pages above its maximum.
  const pageSize = PAGE_SIZES.includes(size) ? size : (PAGE_SIZES[0] ?? 20);
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}

import { useSearchParams } from 'react-router';

export type FilterChanges = Record<string, string | number | undefined>;

/**
 * A list page's filters and page number, kept in the URL so a filtered view can
 * be bookmarked and shared. `update` sets (or, for empty values, removes)
 * parameters; any change other than the page itself goes back to page 1.
 */
export function useSearchFilters(): [URLSearchParams, (changes: FilterChanges) => void] {
  const [params, setParams] = useSearchParams();
  function update(changes: FilterChanges): void {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  }
  return [params, update];
}

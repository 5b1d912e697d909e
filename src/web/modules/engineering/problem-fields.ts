import { toApiError } from '../../api/client.ts';

export type FieldPath = (string | number)[];

/** `lines.3.componentItemId` → ['lines', 3, 'componentItemId'] (numbers for list positions). */
export function toFieldPath(dotted: string): FieldPath {
  return dotted
    .split('.')
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * The form fields a refusal is about: the field a domain error names
 * (params.field, e.g. `lines.3.quantityPer`) and the schema errors on the body
 * (path `body.lines.3.quantityPer`, with the server's message).
 */
export function problemFields(error: unknown): { path: FieldPath; message?: string }[] {
  const problem = toApiError(error);
  const found: { path: FieldPath; message?: string }[] = [];
  const field = problem.params?.field;
  if (typeof field === 'string' && field) found.push({ path: toFieldPath(field) });
  for (const fieldError of problem.errors) {
    const [where, ...rest] = fieldError.path.split('.');
    if (where === 'body' && rest.length > 0) {
      found.push({ path: toFieldPath(rest.join('.')), message: fieldError.message });
    }
  }
  return found;
}

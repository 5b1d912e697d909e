/**
 * `data-testid` for props objects (okButtonProps, …), where TypeScript does not
 * accept the hyphenated name in an object literal as it does in JSX.
 */
export function testId(id: string): object {
  return { 'data-testid': id };
}

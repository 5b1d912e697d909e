// A business module declares its error codes in src/shared/<module>.errors.ts as
// a map code → HTTP status and English title. error-codes.ts gathers them, so a
// module adds codes without touching the platform's files (and two modules
// built side by side do not edit the same list).
export type ModuleErrorStatus = 400 | 403 | 404 | 409 | 422 | 423;

export interface ModuleErrorSpec {
  status: ModuleErrorStatus;
  /** English title; people see the web app's translation of the code instead. */
  title: string;
}

export type ModuleErrors = Record<string, ModuleErrorSpec>;

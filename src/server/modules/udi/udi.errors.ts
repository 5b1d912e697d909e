// Stable error codes of the UDI module. The UI translates by code; messages are
// English and name the AI and the 0-based character position in the input.
// Every code is also in src/shared/error-codes.ts (UdiError passes its code to
// DomainError, so a code missing there does not compile) and answers HTTP 422.
import { DomainError } from '../../platform/errors.ts';

export const UDI_ERROR_CODES = [
  'UDI_UNRECOGNISED',
  'GS1_EMPTY',
  'GS1_UNKNOWN_AI',
  'GS1_BAD_LENGTH',
  'GS1_BAD_CHARSET',
  'GS1_CHECK_DIGIT',
  'GS1_INVALID_DATE',
  'GS1_INVALID_VALUE',
  'GS1_DUPLICATE_AI',
  'GS1_MISSING_REQUIRED_AI',
  'GS1_EXCLUDED_AI_COMBINATION',
  'DL_NOT_A_DIGITAL_LINK',
  'DL_BAD_PATH_ORDER',
  'DL_QUALIFIER_IN_QUERY',
  'DL_NOT_A_DATA_ATTRIBUTE',
  'HIBC_BAD_FORMAT',
  'HIBC_CHECK_CHARACTER',
  'HIBC_INVALID_DATE',
] as const;

export type UdiErrorCode = (typeof UDI_ERROR_CODES)[number];

export interface UdiErrorDetail {
  code: UdiErrorCode;
  message: string;
  /** The GS1 Application Identifier concerned, when there is one. */
  ai?: string;
  /** 0-based index into the input string where the problem starts. */
  position?: number;
}

/**
 * Thrown by the throwing entry points (`parseUdiOrThrow`, the builders). A
 * DomainError, so the HTTP layer answers 422 problem+json with `params` {ai, position}.
 */
export class UdiError extends DomainError {
  declare readonly code: UdiErrorCode;
  readonly ai: string | undefined;
  readonly position: number | undefined;

  constructor(detail: UdiErrorDetail) {
    super(
      detail.code,
      {
        ...(detail.ai === undefined ? {} : { ai: detail.ai }),
        ...(detail.position === undefined ? {} : { position: detail.position }),
      },
      detail.message,
    );
    this.name = 'UdiError';
    this.ai = detail.ai;
    this.position = detail.position;
  }

  toDetail(): UdiErrorDetail {
    return {
      code: this.code,
      message: this.message,
      ...(this.ai === undefined ? {} : { ai: this.ai }),
      ...(this.position === undefined ? {} : { position: this.position }),
    };
  }
}

export function isUdiError(error: unknown): error is UdiError {
  return error instanceof UdiError;
}

/** Appends " at position N" when the position is known, so every message reads alike. */
export function atPosition(position: number | undefined): string {
  return position === undefined ? '' : ` at position ${position}`;
}

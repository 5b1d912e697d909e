// Stable error codes of the UDI module. The UI translates by code; messages are
// English and name the AI and the 0-based character position in the input.
// The list lives in src/shared/error-codes.ts (the web app translates every code);
// each answers HTTP 422.
import { UDI_ERROR_CODES } from '../../../shared/error-codes.ts';
import { DomainError } from '../../platform/errors.ts';

export { UDI_ERROR_CODES };

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

// The UDI module's public surface: parse, validate, normalise and build GS1 and
// HIBC identifiers, draw them as barcodes and print them on label PDFs, and the
// HTTP routes. See README.md for the rules they follow.
export { parseUdi, parseUdiOrThrow, type ParseUdiOptions } from './udi-parse.ts';
export {
  buildGs1Elements,
  buildGs1Udi,
  type Gs1BuildInput,
  type Gs1BuildResult,
} from './gs1-build.ts';
export {
  GS1_128_MAX_DATA_CHARACTERS,
  gs1HriLines,
  renderUdiSymbol,
  udiSymbolSpec,
  type RenderUdiOptions,
  type RenderedUdiSymbol,
  type UdiSymbolSpec,
} from './udi-render.ts';
export { renderDeviceLabel, type LabelRenderOptions } from './device-label.ts';
export { renderCartonLabel } from './carton-label.ts';
export { CJK_FONT_FILES } from './label-pdf.ts';
export { udiRoutes } from './udi.routes.ts';
export {
  computeGs1CheckCharacterPair,
  computeGs1CheckDigit,
  hasValidGs1CheckDigit,
  makeSscc,
  type SsccParts,
} from './gs1-check.ts';
export { computeHibcCheckCharacter } from './hibc.ts';
export {
  buildHibc,
  type HibcBuildInput,
  type HibcBuildResult,
  type HibcSymbolData,
} from './hibc-build.ts';
export { CANONICAL_DL_STEM } from './digital-link.ts';
export { findAi, PREDEFINED_LENGTH_BY_PREFIX } from './gs1-ai.ts';
export { GS1_AI_TABLE, GS1_AI_TABLE_SOURCE } from './gs1-ai-table.ts';
export type { Gs1AiDefinition, Gs1Component } from './gs1-ai-types.ts';
export type { UdiDateOptions } from './udi-dates.ts';
export {
  cartonLabelRequestSchema,
  deviceLabelRequestSchema,
  gs1ElementSchema,
  gs1UdiSchema,
  hibcDetailsSchema,
  hibcUdiSchema,
  labelPartySchema,
  ssccRequestSchema,
  ssccResponseSchema,
  UDI_IMAGE_FORMATS,
  UDI_SYMBOLOGIES,
  udiBuildRequestSchema,
  udiBuildResponseSchema,
  udiErrorSchema,
  udiParseRequestSchema,
  udiParseResultSchema,
  udiRenderRequestSchema,
  udiSchema,
  type CartonLabelInput,
  type DeviceLabelInput,
  type Gs1Element,
  type Gs1Udi,
  type HibcDateFormat,
  type HibcDetails,
  type HibcUdi,
  type LabelParty,
  type Udi,
  type UdiImageFormat,
  type UdiParseResult,
  type UdiSymbology,
} from './udi.contract.ts';
export {
  UDI_ERROR_CODES,
  UdiError,
  isUdiError,
  type UdiErrorCode,
  type UdiErrorDetail,
} from './udi.errors.ts';

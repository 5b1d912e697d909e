import type {
  BomContent,
  BomVersion,
  InspectionKind,
  InspectionResultType,
  RoutingContent,
  RoutingOperation,
  RoutingOperationInput,
  RoutingVersion,
} from '../../api/engineering.ts';

// The content of BOM and routing versions as the editors hold it (text as
// typed, empty = not stated) and as the API takes it. Decimals stay strings.

/** As the contract: a quantity above zero such as 2 or 1.8 (six decimals at most). */
export const QUANTITY = /^\d{1,12}(\.\d{1,6})?$/;
/** A percentage from 0 to 99.9999. */
export const PERCENT = /^\d{1,2}(\.\d{1,4})?$/;
/** A signed decimal for limits and targets. */
export const MEASURE = /^-?\d{1,12}(\.\d{1,6})?$/;

/** Compares two decimal strings exactly (no floating point): -1, 0 or 1. */
export function compareDecimal(a: string, b: string): number {
  const sign = (s: string) => (s.startsWith('-') ? -1 : 1);
  const [sa, sb] = [sign(a), sign(b)];
  const [ia = '', fa = ''] = a.replace(/^-/, '').split('.');
  const [ib = '', fb = ''] = b.replace(/^-/, '').split('.');
  const width = Math.max(fa.length, fb.length);
  const digits = (i: string, f: string) =>
    (i.replace(/^0+/, '') || '0') + '.' + f.padEnd(width, '0');
  const [da, db] = [digits(ia, fa), digits(ib, fb)];
  const zero = (d: string) => /^0\.0*$/.test(d);
  const signA = zero(da) ? 0 : sa;
  const signB = zero(db) ? 0 : sb;
  if (signA !== signB) return signA < signB ? -1 : 1;
  if (signA === 0) return 0;
  const magnitude =
    da.length !== db.length ? (da.length < db.length ? -1 : 1) : da < db ? -1 : da > db ? 1 : 0;
  return signA * magnitude;
}

/** A quantity per parent the server accepts: a decimal above zero. */
export function isPositiveQuantity(value: string): boolean {
  return QUANTITY.test(value) && compareDecimal(value, '0') > 0;
}

function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

// ---- BOM ----

export interface BomLineValues {
  componentItemId?: string;
  quantityPer?: string;
  scrapPct?: string;
  recordTracking: boolean;
  referenceDesignator?: string;
  note?: string;
}

export interface BomFormValues {
  lines: BomLineValues[];
  documentVersionIds: string[];
}

export function bomFormValues(version: BomVersion): BomFormValues {
  return {
    lines: version.lines.map((line) => ({
      componentItemId: line.componentItemId,
      quantityPer: line.quantityPer,
      scrapPct: line.scrapPct,
      recordTracking: line.recordTracking,
      referenceDesignator: line.referenceDesignator ?? undefined,
      note: line.note ?? undefined,
    })),
    documentVersionIds: version.documents.map((d) => d.id),
  };
}

/** The BOM as the API takes it; the unit is the component's own (the server fills it in). */
export function bomContentOf(values: BomFormValues, note: string | null): BomContent {
  return {
    ...(text(note) ? { note: text(note) } : {}),
    lines: values.lines.map((line) => ({
      componentItemId: line.componentItemId ?? '',
      quantityPer: (line.quantityPer ?? '').trim(),
      scrapPct: text(line.scrapPct) ?? '0',
      recordTracking: line.recordTracking,
      ...(text(line.referenceDesignator)
        ? { referenceDesignator: text(line.referenceDesignator) }
        : {}),
      ...(text(line.note) ? { note: text(line.note) } : {}),
    })),
    documentVersionIds: values.documentVersionIds,
  };
}

// ---- routing ----

export interface ParameterValues {
  name?: string;
  target?: string;
  min?: string;
  max?: string;
  unit?: string;
}

export interface InspectionValues {
  characteristic?: string;
  kind: InspectionKind;
  method?: string;
  resultType: InspectionResultType;
  min?: string;
  max?: string;
  unit?: string;
}

export interface OperationValues {
  opNo?: number | null;
  nameZh?: string;
  nameEn?: string;
  workCentre?: string;
  equipmentClass?: string;
  skillCode?: string;
  note?: string;
  documentVersionIds: string[];
  parameters: ParameterValues[];
  inspections: InspectionValues[];
}

export function operationValues(op: RoutingOperation): OperationValues {
  return {
    opNo: op.opNo,
    nameZh: op.nameZh,
    nameEn: op.nameEn,
    workCentre: op.workCentre,
    equipmentClass: op.equipmentClass ?? undefined,
    skillCode: op.skillCode ?? undefined,
    note: op.note ?? undefined,
    documentVersionIds: op.documents.map((d) => d.id),
    parameters: op.parameters.map((p) => ({
      name: p.name,
      target: p.target ?? undefined,
      min: p.min ?? undefined,
      max: p.max ?? undefined,
      unit: p.unit ?? undefined,
    })),
    inspections: op.inspections.map((q) => ({
      characteristic: q.characteristic,
      kind: q.kind,
      method: q.method,
      resultType: q.resultType,
      min: q.min ?? undefined,
      max: q.max ?? undefined,
      unit: q.unit ?? undefined,
    })),
  };
}

export function operationInput(values: OperationValues): RoutingOperationInput {
  const optional = (key: string, value: string | undefined) =>
    text(value) ? { [key]: text(value) } : {};
  return {
    opNo: values.opNo ?? 0,
    nameZh: (values.nameZh ?? '').trim(),
    nameEn: (values.nameEn ?? '').trim(),
    workCentre: (values.workCentre ?? '').trim(),
    ...optional('equipmentClass', values.equipmentClass),
    ...optional('skillCode', values.skillCode),
    ...optional('note', values.note),
    documentVersionIds: values.documentVersionIds,
    parameters: values.parameters.map((p) => ({
      name: (p.name ?? '').trim(),
      ...optional('target', p.target),
      ...optional('min', p.min),
      ...optional('max', p.max),
      ...optional('unit', p.unit),
    })),
    inspections: values.inspections.map((q) => ({
      characteristic: (q.characteristic ?? '').trim(),
      kind: q.kind,
      method: (q.method ?? '').trim(),
      resultType: q.resultType,
      // A pass/fail result has no limits: whatever was typed before the switch is dropped.
      ...(q.resultType === 'measured'
        ? { ...optional('min', q.min), ...optional('max', q.max), ...optional('unit', q.unit) }
        : {}),
    })),
  };
}

/** The routing as the API takes it, from the operations as they are now. */
export function routingContentOf(version: RoutingVersion): RoutingContent {
  return {
    ...(text(version.note) ? { note: text(version.note) } : {}),
    operations: version.operations.map((op) => operationInput(operationValues(op))),
  };
}

/** Swaps the operation numbers of two neighbouring operations: the routing keeps its numbers, in a new order. */
export function swapOperations(
  operations: RoutingOperationInput[],
  index: number,
  other: number,
): RoutingOperationInput[] {
  const a = operations[index];
  const b = operations[other];
  if (!a || !b) return operations;
  const next = [...operations];
  next[index] = { ...b, opNo: a.opNo };
  next[other] = { ...a, opNo: b.opNo };
  return next;
}

/** The next operation number in steps of ten (10, 20, …). */
export function nextOpNo(operations: readonly { opNo: number }[]): number {
  const last = Math.max(0, ...operations.map((op) => op.opNo));
  return Math.min(9999, (Math.floor(last / 10) + 1) * 10);
}

/** Whether min ≤ target ≤ max holds for what is stated. */
export function limitsInOrder(min?: string, target?: string, max?: string): boolean {
  const stated = [min, target, max].map((v) => text(v)).filter((v) => v !== undefined);
  for (let i = 1; i < stated.length; i++) {
    const prev = stated[i - 1];
    const cur = stated[i];
    if (prev !== undefined && cur !== undefined && MEASURE.test(prev) && MEASURE.test(cur)) {
      if (compareDecimal(prev, cur) > 0) return false;
    }
  }
  return true;
}

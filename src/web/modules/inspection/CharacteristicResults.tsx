import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Pagination, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionCharacteristic, InspectionResult } from '../../api/inspection.ts';
import { checkValue, limitsText, samplingVerdict, type ValueCheck } from './inspection-format.ts';
import { VerdictTag } from './inspection-tags.tsx';

/** An unsaved result of one sample unit: a measured value as typed, or pass/fail. */
export interface DraftEntry {
  value?: string;
  passed?: boolean;
}

/** Unsaved results by `seq:unitNo`. */
export type Draft = ReadonlyMap<string, DraftEntry>;

export function draftKey(seq: number, unitNo: number): string {
  return `${seq}:${unitNo}`;
}

/** Sample units shown at once; 100 % inspection of a large lot pages through them. */
const UNITS_PER_PAGE = 100;

export interface CharacteristicResultsProps {
  characteristic: InspectionCharacteristic;
  results: readonly InspectionResult[];
  draft: Draft;
  editing: boolean;
  /** Sets (or, with null, drops) the unsaved result of a unit. */
  onDraft: (unitNo: number, entry: DraftEntry | null) => void;
}

interface UnitState {
  unitNo: number;
  value: string;
  passed: boolean | undefined;
  check: ValueCheck;
  /** Recorded or entered, and a usable result. */
  recorded: boolean;
  conforming: boolean | undefined;
  changed: boolean;
}

/** One characteristic of an inspection: its sampling, a field per sample unit checked as typed, and the verdict. */
export function CharacteristicResults({
  characteristic: c,
  results,
  draft,
  editing,
  onDraft,
}: CharacteristicResultsProps) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const measured = c.kind === 'measured';
  const saved = new Map<number, InspectionResult>();
  for (const result of results) {
    if (result.characteristicSeq === c.seq) saved.set(result.unitNo, result);
  }

  const units: UnitState[] = [];
  for (let unitNo = 1; unitNo <= c.sampleSize; unitNo++) {
    const result = saved.get(unitNo);
    const entry = draft.get(draftKey(c.seq, unitNo));
    if (measured) {
      const value = entry?.value ?? result?.value ?? '';
      const check = checkValue(c, value);
      units.push({
        unitNo,
        value,
        passed: undefined,
        check,
        recorded: check === 'within' || check === 'outside',
        conforming: check === 'within' ? true : check === 'outside' ? false : undefined,
        changed: entry !== undefined,
      });
    } else {
      const passed = entry?.passed ?? result?.passed ?? undefined;
      units.push({
        unitNo,
        value: '',
        passed: passed ?? undefined,
        check: 'empty',
        recorded: passed !== undefined && passed !== null,
        conforming: passed ?? undefined,
        changed: entry !== undefined,
      });
    }
  }
  const inspected = units.filter((u) => u.recorded).length;
  const nonconforming = units.filter((u) => u.conforming === false).length;
  const passedCount = units.filter((u) => u.conforming === true).length;
  const verdict = samplingVerdict({
    sampleSize: c.sampleSize,
    acceptanceNumber: c.acceptanceNumber,
    rejectionNumber: c.rejectionNumber,
    inspected,
    nonconforming,
  });

  function setValue(unitNo: number, value: string) {
    const original = saved.get(unitNo)?.value ?? '';
    onDraft(unitNo, value.trim() === original.trim() ? null : { value });
  }

  function setPassed(unitNo: number, passed: boolean | undefined) {
    const original = saved.get(unitNo)?.passed ?? undefined;
    onDraft(unitNo, passed === original || passed === undefined ? null : { passed });
  }

  const shown = units.slice((page - 1) * UNITS_PER_PAGE, page * UNITS_PER_PAGE);

  return (
    <div
      className="inspection-characteristic"
      style={{ border: '1px solid rgba(5, 5, 5, 0.08)', borderRadius: 6, padding: 12 }}
      data-testid={`characteristic-${c.seq}`}
      data-verdict={verdict}
    >
      <Flex justify="space-between" align="start" gap={12} wrap>
        <Flex vertical gap={2}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong data-testid="characteristic-name">
              {c.seq}. {c.name}
            </Typography.Text>
            <Tag>{t(`inspection.kind.${c.kind}`)}</Tag>
            <Tag
              color={
                c.defectClass === 'critical'
                  ? 'red'
                  : c.defectClass === 'major'
                    ? 'orange'
                    : 'default'
              }
            >
              {t(`inspection.defectClass.${c.defectClass}`)}
            </Tag>
          </Flex>
          <Typography.Text type="secondary">
            {measured && (
              <>
                {t('inspection.char.limits')}:{' '}
                <span className="mono" data-testid="characteristic-limits">
                  {limitsText(c, t)}
                </span>
                {c.nominal !== null && (
                  <>
                    {' · '}
                    {t('inspection.char.nominal')} <span className="mono">{c.nominal}</span>
                  </>
                )}
                {' · '}
              </>
            )}
            {c.method && (
              <>
                {c.method}
                {' · '}
              </>
            )}
            {t('inspection.char.level')} <span className="mono">{c.inspectionLevel}</span>
            {' · '}
            {t('inspection.char.aql')} <span className="mono">{c.aql}</span>
          </Typography.Text>
        </Flex>
        <Flex gap={12} align="center" wrap>
          <span data-testid="characteristic-sampling">
            <Typography.Text type="secondary">{t('inspection.fields.codeLetter')} </Typography.Text>
            <span className="mono">{c.codeLetter}</span>
            <Typography.Text type="secondary"> · n </Typography.Text>
            <span className="mono" data-testid="characteristic-sample-size">
              {c.sampleSize}
            </span>
            <Typography.Text type="secondary"> · Ac/Re </Typography.Text>
            <span className="mono" data-testid="characteristic-ac-re">
              {c.acceptanceNumber}/{c.rejectionNumber}
            </span>
          </span>
          <VerdictTag verdict={verdict} testId="characteristic-verdict" />
        </Flex>
      </Flex>
      <Flex gap={16} wrap style={{ margin: '8px 0' }} data-testid="characteristic-counts">
        <span>{t('inspection.results.inspected', { count: inspected, total: c.sampleSize })}</span>
        <span>{t('inspection.results.passed', { count: passedCount })}</span>
        <Typography.Text type={nonconforming > 0 ? 'danger' : undefined}>
          {t('inspection.results.failed', { count: nonconforming })}
        </Typography.Text>
        {editing && !measured && inspected < c.sampleSize && (
          <Button
            size="small"
            icon={<CheckOutlined />}
            onClick={() => {
              for (const unit of units) if (!unit.recorded) setPassed(unit.unitNo, true);
            }}
            data-testid={`all-pass-${c.seq}`}
          >
            {t('inspection.results.allPass')}
          </Button>
        )}
      </Flex>
      <Flex gap={6} wrap>
        {shown.map((unit) =>
          measured ? (
            <MeasuredUnit
              key={unit.unitNo}
              seq={c.seq}
              unit={unit}
              editing={editing}
              onChange={(value) => setValue(unit.unitNo, value)}
            />
          ) : (
            <AttributeUnit
              key={unit.unitNo}
              seq={c.seq}
              unit={unit}
              editing={editing}
              onChange={(passed) => setPassed(unit.unitNo, passed)}
            />
          ),
        )}
      </Flex>
      {units.length > UNITS_PER_PAGE && (
        <Pagination
          size="small"
          current={page}
          pageSize={UNITS_PER_PAGE}
          total={units.length}
          onChange={setPage}
          showSizeChanger={false}
          style={{ marginTop: 8 }}
        />
      )}
    </div>
  );
}

const CHECK_COLORS: Partial<Record<ValueCheck, string>> = {
  within: '#52c41a',
  outside: '#ff4d4f',
  invalid: '#ff4d4f',
};

function MeasuredUnit({
  seq,
  unit,
  editing,
  onChange,
}: {
  seq: number;
  unit: UnitState;
  editing: boolean;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const hint =
    unit.check === 'outside'
      ? t('inspection.results.outOfLimits')
      : unit.check === 'invalid'
        ? t('inspection.results.notANumber')
        : unit.check === 'within'
          ? t('inspection.results.withinLimits')
          : undefined;
  const color = CHECK_COLORS[unit.check];
  return (
    <Tooltip title={hint}>
      <Input
        size="small"
        prefix={
          <Typography.Text type="secondary" className="mono" style={{ fontSize: 11 }}>
            {unit.unitNo}
          </Typography.Text>
        }
        value={unit.value}
        readOnly={!editing}
        status={unit.check === 'outside' || unit.check === 'invalid' ? 'error' : undefined}
        onChange={(event) => onChange(event.target.value)}
        inputMode="decimal"
        aria-label={t('inspection.results.unit', { unit: unit.unitNo })}
        placeholder={t('inspection.results.valuePlaceholder')}
        style={{
          width: 104,
          ...(color && unit.check === 'within' ? { borderColor: color } : {}),
          ...(unit.changed ? { background: '#fffbe6' } : {}),
        }}
        className="mono"
        data-testid={`value-${seq}-${unit.unitNo}`}
        data-check={unit.check}
      />
    </Tooltip>
  );
}

function AttributeUnit({
  seq,
  unit,
  editing,
  onChange,
}: {
  seq: number;
  unit: UnitState;
  editing: boolean;
  onChange: (passed: boolean | undefined) => void;
}) {
  const { t } = useTranslation();
  // Click cycles: not recorded → pass → fail → not recorded.
  const next = unit.passed === undefined ? true : unit.passed ? false : undefined;
  const label = t('inspection.results.unit', { unit: unit.unitNo });
  const state = unit.passed === undefined ? 'empty' : unit.passed ? 'pass' : 'fail';
  return (
    <Tooltip
      title={
        unit.passed === undefined
          ? label
          : `${label}: ${unit.passed ? t('inspection.results.pass') : t('inspection.results.fail')}`
      }
    >
      <Button
        size="small"
        type={unit.passed === true ? 'primary' : 'default'}
        danger={unit.passed === false}
        icon={
          unit.passed === true ? (
            <CheckOutlined />
          ) : unit.passed === false ? (
            <CloseOutlined />
          ) : undefined
        }
        onClick={editing ? () => onChange(next) : undefined}
        style={{
          minWidth: 52,
          cursor: editing ? 'pointer' : 'default',
          ...(unit.passed === true ? { background: '#52c41a', borderColor: '#52c41a' } : {}),
          ...(unit.passed === false ? { borderColor: '#ff4d4f', background: '#fff1f0' } : {}),
          ...(unit.changed ? { outline: '2px solid #faad14', outlineOffset: 1 } : {}),
        }}
        aria-label={label}
        className="mono"
        data-testid={`attr-${seq}-${unit.unitNo}`}
        data-state={state}
      >
        {unit.unitNo}
      </Button>
    </Tooltip>
  );
}

import { CalculatorOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Form, InputNumber, Select, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AQL_VALUES,
  INSPECTION_LEVELS,
  INSPECTION_SEVERITIES,
  useSamplingPlan,
  type Aql,
  type InspectionLevel,
  type InspectionSeverity,
} from '../../api/inspection.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

/** Lot size, level, AQL and severity → code letter, sample size and Ac/Re, from the server's ISO 2859-1 tables. */
export function SamplingCalculator() {
  const { t } = useTranslation();
  const [lotSize, setLotSize] = useState<number | null>(500);
  const [level, setLevel] = useState<InspectionLevel>('II');
  const [aql, setAql] = useState<Aql>('1.0');
  const [severity, setSeverity] = useState<InspectionSeverity>('normal');
  const query = useDeferredValue(
    lotSize !== null && lotSize >= 1 ? { lotSize, level, aql, severity } : null,
  );
  const plan = useSamplingPlan(query);
  const result = query ? plan.data : undefined;

  return (
    <Card
      size="small"
      className="section-card"
      title={
        <span>
          <CalculatorOutlined aria-hidden /> {t('inspection.sampling.title')}
        </span>
      }
      data-testid="sampling-calculator"
    >
      <Typography.Paragraph type="secondary">{t('inspection.sampling.lead')}</Typography.Paragraph>
      <Form layout="vertical" className="dense-form" component="div">
        <Flex gap={12} wrap>
          <Form.Item label={t('inspection.sampling.lotSize')}>
            <InputNumber<number>
              min={1}
              max={1_000_000_000}
              precision={0}
              value={lotSize}
              onChange={(value) => setLotSize(value)}
              style={{ width: 140 }}
              data-testid="sampling-lot-size"
            />
          </Form.Item>
          <Form.Item label={t('inspection.char.level')}>
            <Select<InspectionLevel>
              value={level}
              onChange={setLevel}
              options={INSPECTION_LEVELS.map((value) => ({ value, label: value }))}
              style={{ width: 100 }}
              data-testid="sampling-level"
            />
          </Form.Item>
          <Form.Item label={t('inspection.char.aql')}>
            <Select<Aql>
              value={aql}
              onChange={setAql}
              options={AQL_VALUES.map((value) => ({ value, label: value }))}
              style={{ width: 100 }}
              data-testid="sampling-aql"
            />
          </Form.Item>
          <Form.Item label={t('inspection.fields.severity')}>
            <Select<InspectionSeverity>
              value={severity}
              onChange={setSeverity}
              options={INSPECTION_SEVERITIES.map((value) => ({
                value,
                label: t(`inspection.severity.${value}`),
              }))}
              style={{ width: 130 }}
              data-testid="sampling-severity"
            />
          </Form.Item>
        </Flex>
      </Form>
      {!query && (
        <Typography.Text type="secondary">{t('inspection.sampling.enterLotSize')}</Typography.Text>
      )}
      {query && plan.isError && <ProblemAlert error={plan.error} />}
      {result && !plan.isError && (
        <Flex vertical gap={4}>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 2, md: 5 }}
            data-testid="sampling-result"
            items={[
              {
                key: 'codeLetter',
                label: t('inspection.sampling.codeLetter'),
                children: (
                  <span className="mono" data-testid="sampling-code-letter">
                    {result.codeLetter}
                  </span>
                ),
              },
              {
                key: 'planLetter',
                label: t('inspection.sampling.planLetter'),
                children: <span className="mono">{result.planLetter}</span>,
              },
              {
                key: 'n',
                label: t('inspection.sampling.sampleSize'),
                children: (
                  <span className="mono" data-testid="sampling-sample-size">
                    {result.sampleSize}
                  </span>
                ),
              },
              {
                key: 'ac',
                label: t('inspection.sampling.ac'),
                children: (
                  <span className="mono" data-testid="sampling-ac">
                    {result.acceptanceNumber}
                  </span>
                ),
              },
              {
                key: 're',
                label: t('inspection.sampling.re'),
                children: (
                  <span className="mono" data-testid="sampling-re">
                    {result.rejectionNumber}
                  </span>
                ),
              },
            ]}
          />
          {result.planLetter !== result.codeLetter && (
            <Typography.Text type="secondary">
              {t('inspection.sampling.arrow', { letter: result.planLetter })}
            </Typography.Text>
          )}
          {result.hundredPercent && (
            <Typography.Text type="warning">
              {t('inspection.sampling.hundredPercent')}
            </Typography.Text>
          )}
        </Flex>
      )}
    </Card>
  );
}

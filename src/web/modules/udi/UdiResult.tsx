import { CheckCircleFilled } from '@ant-design/icons';
import { Descriptions, Flex, Table, Tag, Typography } from 'antd';
import type { DescriptionsProps, TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Gs1Element, HibcUdi, Udi } from '../../api/udi.ts';
import { formatIsoDate } from '../../format.ts';
import en from '../../i18n/en.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { visibleText } from './scan-text.ts';

type KnownAi = keyof typeof en.udi.ai;

function isKnownAi(ai: string): ai is KnownAi {
  return Object.hasOwn(en.udi.ai, ai);
}

/** Today as YYYY-MM-DD in the browser's time zone, to compare with an expiry date. */
function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function Missing() {
  return <Typography.Text type="secondary">—</Typography.Text>;
}

function Value({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <span className="mono udi-value" data-testid={testId}>
      {children}
    </span>
  );
}

function DateValue({ iso, testId }: { iso: string | undefined; testId?: string }) {
  const language = useLanguage();
  if (!iso) return <Missing />;
  return (
    <span data-testid={testId} data-iso={iso}>
      {formatIsoDate(iso, language)}{' '}
      <Typography.Text type="secondary" className="mono udi-iso">
        {iso}
      </Typography.Text>
    </span>
  );
}

/** A valid code: the UDI fields, every element, the canonical forms. */
export function UdiResult({ udi, input }: { udi: Udi; input: string }) {
  const { t } = useTranslation();
  const expired = udi.expiry !== undefined && udi.expiry < todayIso();

  const fields: DescriptionsProps['items'] = [
    {
      key: 'di',
      label: t('udi.fields.di'),
      children: udi.di ? <Value testId="udi-field-di">{udi.di}</Value> : <Missing />,
    },
    {
      key: 'lot',
      label: t('udi.fields.lot'),
      children: udi.lot ? <Value testId="udi-field-lot">{udi.lot}</Value> : <Missing />,
    },
    {
      key: 'serial',
      label: t('udi.fields.serial'),
      children: udi.serial ? <Value testId="udi-field-serial">{udi.serial}</Value> : <Missing />,
    },
    {
      key: 'expiry',
      label: t('udi.fields.expiry'),
      children: <DateValue iso={udi.expiry} testId="udi-field-expiry" />,
    },
    {
      key: 'productionDate',
      label: t('udi.fields.productionDate'),
      children: <DateValue iso={udi.productionDate} testId="udi-field-production-date" />,
    },
  ];
  if (udi.agency === 'GS1' && udi.sscc) {
    fields.push({
      key: 'sscc',
      label: t('udi.fields.sscc'),
      children: <Value testId="udi-field-sscc">{udi.sscc}</Value>,
    });
  }

  const forms: DescriptionsProps['items'] =
    udi.agency === 'GS1'
      ? [
          {
            key: 'bracketed',
            label: t('udi.fields.bracketed'),
            children: (
              <Typography.Text
                className="mono udi-break"
                copyable={{ text: udi.bracketed }}
                data-testid="udi-bracketed"
              >
                {udi.bracketed}
              </Typography.Text>
            ),
          },
          {
            key: 'digitalLink',
            label: t('udi.fields.digitalLink'),
            children: udi.digitalLink ? (
              <Typography.Text
                className="mono udi-break"
                copyable={{ text: udi.digitalLink }}
                data-testid="udi-digital-link"
              >
                {udi.digitalLink}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('udi.read.noDigitalLink')}</Typography.Text>
            ),
          },
        ]
      : [
          {
            key: 'data',
            label: t('udi.hibc.data'),
            children: (
              <Typography.Text
                className="mono udi-break"
                copyable={{ text: udi.data }}
                data-testid="udi-hibc-data"
              >
                {udi.data}
              </Typography.Text>
            ),
          },
          {
            key: 'hri',
            label: t('udi.hibc.hri'),
            children: <span className="mono udi-break">{udi.hri}</span>,
          },
        ];
  forms.push({
    key: 'input',
    label: t('udi.fields.input'),
    children: <span className="mono udi-break udi-scanned">{visibleText(input)}</span>,
  });

  return (
    <Flex vertical gap={12} data-testid="udi-result" data-agency={udi.agency}>
      <Flex gap={8} align="center" wrap>
        <Tag color="blue" className="udi-agency" data-testid="udi-agency">
          {udi.agency}
        </Tag>
        <Tag color="success" icon={<CheckCircleFilled />}>
          {t('udi.read.valid')}
        </Tag>
        {expired && (
          <Tag color="error" data-testid="udi-expired">
            {t('udi.read.expired')}
          </Tag>
        )}
      </Flex>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
        items={fields}
        styles={{ label: { width: 170 } }}
      />
      {udi.agency === 'GS1' ? <ElementsTable elements={udi.elements} /> : <HibcDetails udi={udi} />}
      <Descriptions
        bordered
        size="small"
        column={1}
        items={forms}
        styles={{ label: { width: 170 } }}
      />
    </Flex>
  );
}

function ElementsTable({ elements }: { elements: Gs1Element[] }) {
  const { t } = useTranslation();
  const columns: TableProps<Gs1Element>['columns'] = [
    {
      key: 'ai',
      title: t('udi.elements.ai'),
      width: 110,
      render: (_, element) => <span className="mono">({element.ai})</span>,
    },
    {
      key: 'title',
      title: t('udi.elements.title'),
      render: (_, element) => (
        <Flex gap={8} wrap>
          <span className="mono udi-ai-title">{element.title || '—'}</span>
          {isKnownAi(element.ai) && (
            <Typography.Text type="secondary">{t(`udi.ai.${element.ai}`)}</Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'value',
      title: t('udi.elements.value'),
      render: (_, element) => <span className="mono udi-break">{element.value}</span>,
    },
  ];
  return (
    <div>
      <Typography.Text strong className="udi-section-title">
        {t('udi.elements.heading', { count: elements.length })}
      </Typography.Text>
      <Table<Gs1Element>
        size="small"
        bordered
        rowKey="ai"
        columns={columns}
        dataSource={elements}
        pagination={false}
        data-testid="udi-elements"
      />
    </div>
  );
}

function HibcDetails({ udi }: { udi: HibcUdi }) {
  const { t } = useTranslation();
  const { hibc } = udi;
  const rows: { key: string; label: string; value: string | number | undefined }[] = [
    { key: 'lic', label: t('udi.hibc.lic'), value: hibc.lic },
    { key: 'pcn', label: t('udi.hibc.pcn'), value: hibc.pcn },
    { key: 'unitOfMeasure', label: t('udi.hibc.unitOfMeasure'), value: hibc.unitOfMeasure },
    { key: 'secondaryFlag', label: t('udi.hibc.secondaryFlag'), value: hibc.secondaryFlag },
    { key: 'quantity', label: t('udi.hibc.quantity'), value: hibc.quantity },
    { key: 'expiryFormat', label: t('udi.hibc.expiryFormat'), value: hibc.expiryFormat },
    { key: 'expiryHour', label: t('udi.hibc.expiryHour'), value: hibc.expiryHour },
    { key: 'linkCharacter', label: t('udi.hibc.linkCharacter'), value: hibc.linkCharacter },
    { key: 'checkCharacter', label: t('udi.hibc.checkCharacter'), value: hibc.checkCharacter },
  ];
  const items: DescriptionsProps['items'] = [
    {
      key: 'structure',
      label: t('udi.hibc.structure'),
      children: t(`udi.hibc.structures.${hibc.structure}`),
    },
    ...rows
      .filter((row) => row.value !== undefined)
      .map((row) => ({
        key: row.key,
        label: row.label,
        children: <span className="mono">{row.value}</span>,
      })),
  ];
  return (
    <div data-testid="udi-hibc">
      <Typography.Text strong className="udi-section-title">
        {t('udi.hibc.title')}
      </Typography.Text>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
        items={items}
        styles={{ label: { width: 170 } }}
      />
    </div>
  );
}

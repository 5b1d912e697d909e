import { Card, DatePicker, Flex, Progress, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSupplierScorecard, type SupplierScorecardRow } from '../../api/purchasing.ts';
import { ExportCsvButton } from '../../components/ExportCsvButton.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useSearchFilters } from '../../use-search-filters.ts';
import { PartnerName, SupplierStatusTag } from '../partners/partner-tags.tsx';
import { percent } from './purchasing-format.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateParam(value: string | null): string | undefined {
  return value && ISO_DATE.test(value) && dayjs(value).isValid() ? value : undefined;
}

/** A rate as a bar with the counts it comes from ("8 of 10"). */
function Rate({
  rate,
  part,
  total,
  testId,
}: {
  rate: number | null;
  part: number;
  total: number;
  testId: string;
}) {
  const { t } = useTranslation();
  const value = percent(rate);
  if (value === null) {
    return (
      <Typography.Text type="secondary" data-testid={testId} data-rate="">
        {t('purchasing.scorecard.none')}
      </Typography.Text>
    );
  }
  return (
    <Flex vertical data-testid={testId} data-rate={String(value)}>
      <Progress
        percent={value}
        size="small"
        status={value >= 95 ? 'success' : value >= 80 ? 'normal' : 'exception'}
        format={(p) => `${p ?? 0} %`}
      />
      <Typography.Text type="secondary" className="nowrap">
        {t('purchasing.scorecard.counts', { part, total })}
      </Typography.Text>
    </Flex>
  );
}

/** On-time delivery and lot acceptance per supplier, over a window of receipt dates. */
export function ScorecardPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, update] = useSearchFilters();
  const window = { from: dateParam(params.get('from')), to: dateParam(params.get('to')) };
  const scorecard = useSupplierScorecard(window);

  const columns: TableProps<SupplierScorecardRow>['columns'] = [
    {
      key: 'supplier',
      title: t('purchasing.scorecard.supplier'),
      minWidth: 320,
      render: (_, row) => (
        <Flex gap={8} align="center">
          <Link
            to={`/suppliers/${row.supplier.id}`}
            className="mono nowrap"
            data-testid={`scorecard-supplier-${row.supplier.code}`}
          >
            {row.supplier.code}
          </Link>
          <PartnerName partner={row.supplier} language={language} />
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('partners.suppliers.fields.approvalStatus'),
      width: 150,
      render: (_, row) => <SupplierStatusTag status={row.supplier.approvalStatus} />,
    },
    {
      key: 'receipts',
      title: t('purchasing.scorecard.receipts'),
      align: 'right',
      width: 100,
      render: (_, row) => <span className="mono">{row.receipts}</span>,
    },
    {
      key: 'onTime',
      title: t('purchasing.scorecard.onTime'),
      width: 200,
      render: (_, row) => (
        <Rate
          rate={row.onTimeRate}
          part={row.onTimeReceipts}
          total={row.receipts}
          testId="scorecard-on-time"
        />
      ),
    },
    {
      key: 'acceptance',
      title: t('purchasing.scorecard.acceptance'),
      width: 200,
      render: (_, row) => (
        <Rate
          rate={row.acceptanceRate}
          part={row.lotsReleased}
          total={row.lotsReleased + row.lotsRejected}
          testId="scorecard-acceptance"
        />
      ),
    },
    {
      key: 'lots',
      title: t('purchasing.scorecard.lots'),
      align: 'right',
      width: 80,
      render: (_, row) => <span className="mono">{row.lotsReceived}</span>,
    },
    {
      key: 'released',
      title: t('purchasing.scorecard.released'),
      align: 'right',
      width: 90,
      render: (_, row) => <span className="mono">{row.lotsReleased}</span>,
    },
    {
      key: 'rejected',
      title: t('purchasing.scorecard.rejected'),
      align: 'right',
      width: 90,
      render: (_, row) => (
        <Typography.Text type={row.lotsRejected > 0 ? 'danger' : undefined} className="mono">
          {row.lotsRejected}
        </Typography.Text>
      ),
    },
    {
      key: 'pending',
      title: t('purchasing.scorecard.pending'),
      align: 'right',
      width: 90,
      render: (_, row) => <span className="mono">{row.lotsPending}</span>,
    },
  ];

  return (
    <Page
      title={t('purchasing.scorecardTitle')}
      extra={
        <ExportCsvButton
          entity="suppliers/scorecard"
          filters={{ ...window }}
          testId="scorecard-export"
        />
      }
    >
      <Typography.Paragraph type="secondary" className="page-lead">
        {t('purchasing.scorecard.lead')}
      </Typography.Paragraph>
      <Card size="small">
        <Flex gap={8} wrap align="center" className="table-toolbar">
          <Typography.Text>{t('purchasing.scorecard.window')}</Typography.Text>
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            value={[window.from ? dayjs(window.from) : null, window.to ? dayjs(window.to) : null]}
            onChange={(range) => {
              const [from, to] = range ?? [null, null];
              update({
                from: from ? from.format('YYYY-MM-DD') : undefined,
                to: to ? to.format('YYYY-MM-DD') : undefined,
              });
            }}
            placeholder={[t('purchasing.scorecard.from'), t('purchasing.scorecard.to')]}
            data-testid="scorecard-window"
          />
        </Flex>
        {scorecard.isError && (
          <ProblemAlert
            error={scorecard.error}
            onRetry={() => void scorecard.refetch()}
            style={{ marginBottom: 12 }}
          />
        )}
        <Table<SupplierScorecardRow>
          size="small"
          rowKey={(row) => row.supplier.id}
          columns={columns}
          dataSource={scorecard.data?.rows ?? []}
          loading={scorecard.isFetching}
          pagination={false}
          scroll={{ x: 1100 }}
          locale={{
            emptyText: scorecard.isPending ? t('common.loading') : t('purchasing.scorecard.empty'),
          }}
          data-testid="scorecard-table"
        />
      </Card>
    </Page>
  );
}

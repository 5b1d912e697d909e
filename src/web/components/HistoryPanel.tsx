import { HistoryOutlined } from '@ant-design/icons';
import { Card, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntry } from '../../shared/audit.contract.ts';
import { canReadRecordHistory } from '../../shared/record-history.ts';
import { useRecordHistory } from '../api/audit.ts';
import { queryString } from '../api/client.ts';
import { useCan, useSession } from '../auth/session.ts';
import { formatDateTimeShort } from '../format.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { AuditActor } from '../modules/audit/AuditActor.tsx';
import { auditActionLabel } from '../modules/audit/audit-labels.ts';
import { AuditEntryDetails } from './AuditEntryDetails.tsx';
import { ProblemAlert } from './ProblemAlert.tsx';

const PAGE_SIZE = 10;

export interface HistoryPanelProps {
  entityType: string;
  entityId: string;
}

/**
 * What happened to one record, from the audit trail, newest first: shown to
 * whoever may read the record (shared/record-history.ts).
 */
export function HistoryPanel(props: HistoryPanelProps) {
  const { permissions } = useSession();
  const allowed = canReadRecordHistory(new Set(permissions), props.entityType);
  return allowed ? <History {...props} /> : null;
}

function History({ entityType, entityId }: HistoryPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [page, setPage] = useState(1);
  const canOpenAuditTrail = useCan('audit.read');
  const history = useRecordHistory(entityType, entityId, {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      key: 'at',
      title: t('audit.columns.at'),
      width: 170,
      render: (_, entry) => (
        <time dateTime={entry.at} className="nowrap">
          {formatDateTimeShort(entry.at, language)}
        </time>
      ),
    },
    {
      key: 'action',
      title: t('audit.columns.action'),
      width: 200,
      render: (_, entry) => (
        <span data-testid="history-action" data-action={entry.action}>
          {auditActionLabel(entry.action, t)}
        </span>
      ),
    },
    {
      key: 'actor',
      title: t('audit.columns.actor'),
      width: 220,
      render: (_, entry) => <AuditActor entry={entry} />,
    },
    {
      key: 'reason',
      title: t('audit.columns.reason'),
      render: (_, entry) => entry.reason ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
  ];

  return (
    <Card
      size="small"
      title={
        <span>
          <HistoryOutlined aria-hidden /> {t('history.title')}
        </span>
      }
      extra={
        canOpenAuditTrail && (
          <Link
            to={`/audit${queryString({ entityType, entityId })}`}
            data-testid="history-open-audit"
          >
            {t('history.openInAuditTrail')}
          </Link>
        )
      }
      className="section-card"
      data-testid="history-panel"
    >
      {history.isError && (
        <ProblemAlert
          error={history.error}
          onRetry={() => void history.refetch()}
          style={{ marginBottom: 8 }}
        />
      )}
      <Table<AuditEntry>
        size="small"
        rowKey="seq"
        columns={columns}
        dataSource={history.data?.items ?? []}
        loading={history.isFetching}
        expandable={{ expandedRowRender: (entry) => <AuditEntryDetails entry={entry} /> }}
        locale={{ emptyText: history.isPending ? t('common.loading') : t('history.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: history.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          hideOnSinglePage: true,
          size: 'small',
        }}
        data-testid="history-table"
      />
    </Card>
  );
}

import { NodeIndexOutlined } from '@ant-design/icons';
import { Card, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWhereUsed, type ItemRef, type WhereUsedEntry } from '../../api/engineering.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { plainDecimal } from '../items/item-format.ts';
import { ItemName } from '../items/item-tags.tsx';
import { VersionStatusTag } from './engineering-tags.tsx';

/** The BOM versions (any status) that use an item as a component: what a change to it touches. */
export function WhereUsedCard({ item }: { item: ItemRef }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const used = useWhereUsed(item.id);

  const columns: TableProps<WhereUsedEntry>['columns'] = [
    {
      key: 'parent',
      title: t('engineering.whereUsed.columns.parent'),
      render: (_, entry) => (
        <span className="where-used-parent">
          <Link to={`/items/${entry.parent.id}`} className="mono nowrap">
            {entry.parent.code}
          </Link>
          <ItemName item={entry.parent} language={language} />
        </span>
      ),
    },
    {
      key: 'version',
      title: t('engineering.whereUsed.columns.version'),
      width: 110,
      render: (_, entry) => (
        <Link to={`/boms/${entry.bomVersionId}`} data-testid="where-used-version">
          {t('engineering.versionShort', { version: entry.versionNo })}
        </Link>
      ),
    },
    {
      key: 'status',
      title: t('engineering.fields.status'),
      width: 110,
      render: (_, entry) => <VersionStatusTag status={entry.status} testId="where-used-status" />,
    },
    {
      key: 'lineNo',
      title: t('engineering.whereUsed.columns.lineNo'),
      width: 80,
      dataIndex: 'lineNo',
    },
    {
      key: 'quantityPer',
      title: t('engineering.bom.columns.quantityPer'),
      width: 140,
      align: 'right',
      render: (_, entry) => (
        <span className="mono">
          {plainDecimal(entry.quantityPer)} {entry.uom}
        </span>
      ),
    },
  ];

  return (
    <Card
      size="small"
      className="section-card"
      title={
        <span>
          <NodeIndexOutlined aria-hidden /> {t('engineering.whereUsed.title', { code: item.code })}
        </span>
      }
      data-testid="where-used"
    >
      <Typography.Paragraph type="secondary" className="card-lead">
        {t('engineering.whereUsed.lead', { code: item.code })}
      </Typography.Paragraph>
      {used.isError && <ProblemAlert error={used.error} onRetry={() => void used.refetch()} />}
      <Table<WhereUsedEntry>
        size="small"
        rowKey={(entry) => `${entry.bomVersionId}-${entry.lineNo}`}
        columns={columns}
        dataSource={used.data?.items ?? []}
        loading={used.isFetching}
        pagination={false}
        locale={{
          emptyText: used.isPending
            ? t('common.loading')
            : t('engineering.whereUsed.none', { code: item.code }),
        }}
        data-testid="where-used-table"
      />
    </Card>
  );
}

import { WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useExpiringCertificates, type ExpiringCertificate } from '../../api/partners.ts';
import { ExportCsvButton } from '../../components/ExportCsvButton.tsx';
import { formatIsoDate } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { certificateDueText, partnerNames } from './partner-format.ts';
import { CertificateStatusTag } from './partner-tags.tsx';

const LIMIT = 50;

/** Certificates of suppliers in use that lapse within 30 days or have lapsed: above the list. */
export function ExpiringCertificates() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const expiring = useExpiringCertificates(LIMIT);
  const total = expiring.data?.total ?? 0;
  if (total === 0) return null;
  const rows = expiring.data?.items ?? [];
  const expired = rows.filter((c) => c.status === 'expired').length;

  const columns: TableProps<ExpiringCertificate>['columns'] = [
    {
      key: 'supplier',
      title: t('partners.suppliers.fields.name'),
      render: (_, c) => (
        <Flex vertical>
          <Link to={`/suppliers/${c.supplier.id}`} className="mono">
            {c.supplier.code}
          </Link>
          <Typography.Text type="secondary" className="item-name-other">
            {partnerNames(c.supplier, language).primary}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'certificate',
      title: t('partners.certificates.columns.type'),
      render: (_, c) => (
        <Flex vertical>
          <span>{t(`partners.certificateType.${c.type}`)}</span>
          <Typography.Text type="secondary" className="mono item-name-other">
            {c.number}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'validUntil',
      title: t('partners.certificates.columns.validUntil'),
      width: 150,
      render: (_, c) => <span className="nowrap">{formatIsoDate(c.validUntil, language)}</span>,
    },
    {
      key: 'status',
      title: t('partners.certificates.columns.status'),
      width: 200,
      render: (_, c) => (
        <Flex vertical gap={2}>
          <span>
            <CertificateStatusTag status={c.status} />
          </span>
          <Typography.Text
            type={c.status === 'expired' ? 'danger' : 'warning'}
            className="item-name-other"
          >
            {certificateDueText(c, t)}
          </Typography.Text>
        </Flex>
      ),
    },
  ];

  return (
    <Alert
      type={expired > 0 ? 'error' : 'warning'}
      showIcon
      icon={<WarningOutlined />}
      className="section-card"
      title={t('partners.expiring.title', { count: total })}
      description={
        open ? (
          <Table<ExpiringCertificate>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={rows}
            pagination={false}
            className="expiring-table"
            data-testid="expiring-certificates-table"
          />
        ) : (
          t('partners.expiring.lead')
        )
      }
      action={
        <Flex gap={8} wrap>
          <Button onClick={() => setOpen(!open)} data-testid="expiring-toggle">
            {open ? t('partners.expiring.hide') : t('partners.expiring.show')}
          </Button>
          <ExportCsvButton
            entity="suppliers/certificates/expiring"
            fileName={`lotline-expiring-certificates-${new Date().toISOString().slice(0, 10)}.csv`}
            testId="expiring-export"
          />
        </Flex>
      }
      data-testid="expiring-certificates"
    />
  );
}

import {
  DownloadOutlined,
  FileAddOutlined,
  PaperClipOutlined,
  PlusOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import {
  downloadCertificateFile,
  useChangeSupplier,
  type Certificate,
  type SupplierDetail,
} from '../../api/partners.ts';
import { problemMessage } from '../../components/form-errors.ts';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { formatDateTimeShort, formatIsoDate } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { certificateUpload } from './certificate-file.ts';
import {
  CertificateDrawer,
  CertificateFileInput,
  certificateFileRule,
} from './CertificateDrawer.tsx';
import { certificateDueText, fileSizeText } from './partner-format.ts';
import { CertificateStatusTag } from './partner-tags.tsx';

/** The supplier's certificates with their status today; renewed ones stay, marked. */
export function SupplierCertificatesSection({
  supplier,
  mayManage,
}: {
  supplier: SupplierDetail;
  mayManage: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [adding, setAdding] = useState(false);
  const [renewing, setRenewing] = useState<Certificate | null>(null);
  const [attaching, setAttaching] = useState<Certificate | null>(null);
  // Current certificates first, each type's latest on top; renewed ones after them.
  const rows = [...supplier.certificates].sort(
    (a, b) => Number(a.supersededById !== null) - Number(b.supersededById !== null),
  );

  const columns: TableProps<Certificate>['columns'] = [
    {
      key: 'type',
      title: t('partners.certificates.columns.type'),
      width: 200,
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
      key: 'issuer',
      title: t('partners.certificates.columns.issuer'),
      render: (_, c) => c.issuer,
    },
    {
      key: 'validity',
      title: t('partners.certificates.columns.validity'),
      width: 240,
      render: (_, c) => (
        <span className="nowrap">
          {formatIsoDate(c.validFrom, language)} – {formatIsoDate(c.validUntil, language)}
        </span>
      ),
    },
    {
      key: 'status',
      title: t('partners.certificates.columns.status'),
      width: 200,
      render: (_, c) => (
        <Flex vertical gap={2}>
          <span>
            <CertificateStatusTag status={c.status} superseded={c.supersededById !== null} />
          </span>
          {c.supersededById === null && (
            <Typography.Text
              type={
                c.status === 'expired'
                  ? 'danger'
                  : c.status === 'expiring'
                    ? 'warning'
                    : 'secondary'
              }
              className="item-name-other"
              data-testid="certificate-due"
            >
              {certificateDueText(c, t)}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'file',
      title: t('partners.certificates.columns.file'),
      width: 240,
      render: (_, c) =>
        c.file ? (
          <CertificateFileLink supplierId={supplier.id} certificate={c} />
        ) : (
          <Typography.Text type="secondary">{t('partners.certificates.file.none')}</Typography.Text>
        ),
    },
    ...(mayManage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 120,
            render: (_: unknown, c: Certificate) => (
              <Flex vertical gap={4} align="start">
                <Button
                  size="small"
                  type="link"
                  className="inline-link"
                  icon={c.file ? <PaperClipOutlined /> : <FileAddOutlined />}
                  onClick={() => setAttaching(c)}
                  data-testid={`certificate-attach-${c.number}`}
                >
                  {c.file
                    ? t('partners.certificates.file.replace')
                    : t('partners.certificates.file.attach')}
                </Button>
                {c.supersededById === null && (
                  <Button
                    size="small"
                    type="link"
                    className="inline-link"
                    icon={<SyncOutlined />}
                    onClick={() => setRenewing(c)}
                    data-testid={`certificate-renew-${c.number}`}
                  >
                    {t('partners.certificates.renew')}
                  </Button>
                )}
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      className="section-card"
      title={t('partners.certificates.title')}
      extra={
        mayManage && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="certificate-add"
          >
            {t('partners.certificates.add')}
          </Button>
        )
      }
      data-testid="supplier-certificates"
    >
      <Table<Certificate>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        rowClassName={(c) =>
          c.supersededById !== null
            ? 'row-inactive'
            : c.status === 'expired'
              ? 'row-danger'
              : c.status === 'expiring'
                ? 'row-warning'
                : ''
        }
        onRow={(c) => ({ 'data-status': c.status }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('partners.certificates.empty') }}
        data-testid="certificates-table"
      />
      {adding && <CertificateDrawer supplier={supplier} onClose={() => setAdding(false)} />}
      {renewing && (
        <CertificateDrawer
          supplier={supplier}
          renews={renewing}
          onClose={() => setRenewing(null)}
        />
      )}
      {attaching && (
        <AttachFileModal
          supplier={supplier}
          certificate={attaching}
          onClose={() => setAttaching(null)}
        />
      )}
    </Card>
  );
}

function CertificateFileLink({
  supplierId,
  certificate,
}: {
  supplierId: string;
  certificate: Certificate;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const file = certificate.file;
  if (!file) return null;

  async function download() {
    setBusy(true);
    try {
      await downloadCertificateFile(supplierId, certificate);
    } catch (error) {
      void message.error(
        `${t('partners.certificates.file.downloadFailed')} ${problemMessage(error, t)}`,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex vertical gap={0}>
      <Button
        type="link"
        size="small"
        className="inline-link file-link"
        icon={<DownloadOutlined />}
        loading={busy}
        onClick={() => void download()}
        title={t('partners.certificates.file.download')}
        data-testid={`certificate-download-${certificate.number}`}
      >
        <span className="file-link-name">{file.filename}</span>
      </Button>
      <Typography.Text type="secondary" className="item-name-other">
        {fileSizeText(file.sizeBytes, language)} · {formatDateTimeShort(file.uploadedAt, language)}
      </Typography.Text>
    </Flex>
  );
}

function AttachFileModal({
  supplier,
  certificate,
  onClose,
}: {
  supplier: SupplierDetail;
  certificate: Certificate;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const change = useChangeSupplier(supplier.id);
  const what = `${t(`partners.certificateType.${certificate.type}`)} ${certificate.number}`;
  return (
    <ReasonModal<{ file?: File }>
      open
      title={t('partners.certificates.file.attachTitle', { what })}
      okText={t('partners.certificates.file.upload')}
      testId="certificate-attach"
      width={560}
      description={
        certificate.file && (
          <Alert
            type="info"
            showIcon
            title={t('partners.certificates.file.replaceNote', { name: certificate.file.filename })}
          />
        )
      }
      onSubmit={async ({ reason, file }) => {
        if (!file) return;
        const upload = await certificateUpload(file);
        await change.mutateAsync({
          kind: 'attach-file',
          certificateId: certificate.id,
          body: { ...upload, reason },
        });
        void message.success(t('partners.certificates.file.attached'));
      }}
      onClose={onClose}
    >
      <Form.Item
        name="file"
        label={t('partners.certificates.columns.file')}
        extra={t('partners.certificates.file.help')}
        rules={[certificateFileRule(t, true)]}
      >
        <CertificateFileInput />
      </Form.Item>
    </ReasonModal>
  );
}

import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Signature, SignatureVerification } from '../../shared/signatures.contract.ts';
import { useVerifySignature } from '../api/signatures.ts';
import { useCan } from '../auth/session.ts';
import { formatDateTime } from '../format.ts';
import { useLanguage } from '../i18n/use-language.ts';

const VERIFY_COLORS: Record<SignatureVerification['status'], string> = {
  valid: 'green',
  broken: 'red',
  record_missing: 'orange',
};

export interface SignaturesCardProps {
  signatures: readonly Signature[];
  /** Extra column, e.g. the required role a signature covered. */
  extraColumn?: { title: string; render: (signature: Signature) => ReactNode };
  testId?: string;
}

/**
 * The electronic signatures on a record, newest first, as 21 CFR 11.50 wants
 * them shown (printed name, time, meaning), each verifiable against the record.
 */
export function SignaturesCard({
  signatures,
  extraColumn,
  testId = 'signatures',
}: SignaturesCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mayVerify = useCan('signature.read');
  const newestFirst = [...signatures].sort((a, b) => b.signedAt.localeCompare(a.signedAt));

  const columns: TableProps<Signature>['columns'] = [
    {
      key: 'signer',
      title: t('signature.columns.signer'),
      render: (_, s) => (
        <Flex vertical>
          <span data-testid="signature-signer">{s.signerName}</span>
          <Typography.Text type="secondary" className="mono">
            {s.signerUsername}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'signedAt',
      title: t('signature.columns.signedAt'),
      width: 240,
      render: (_, s) => <time dateTime={s.signedAt}>{formatDateTime(s.signedAt, language)}</time>,
    },
    {
      key: 'meaning',
      title: t('signature.columns.meaning'),
      width: 110,
      render: (_, s) => (
        <Tag
          color={s.meaning === 'rejected' ? 'red' : 'blue'}
          data-testid="signature-meaning-tag"
          data-meaning={s.meaning}
        >
          {t(`signature.meanings.${s.meaning}`)}
        </Tag>
      ),
    },
    ...(extraColumn
      ? [
          {
            key: 'extra',
            title: extraColumn.title,
            width: 140,
            render: (_: unknown, s: Signature) => extraColumn.render(s),
          },
        ]
      : []),
    {
      key: 'comment',
      title: t('signature.columns.comment'),
      render: (_, s) => s.comment ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    ...(mayVerify
      ? [
          {
            key: 'verify',
            title: t('signature.columns.verification'),
            width: 200,
            render: (_: unknown, s: Signature) => <VerifyButton signature={s} />,
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      className="section-card"
      title={
        <span>
          <SafetyCertificateOutlined aria-hidden /> {t('signature.listTitle')}
        </span>
      }
      data-testid={testId}
    >
      <Table<Signature>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={newestFirst}
        pagination={false}
        locale={{ emptyText: t('signature.none') }}
      />
    </Card>
  );
}

function VerifyButton({ signature }: { signature: Signature }) {
  const { t } = useTranslation();
  const verify = useVerifySignature();
  const result = verify.data;
  return (
    <Flex align="center" gap={8} wrap>
      <Button
        size="small"
        loading={verify.isPending}
        onClick={() => verify.mutate(signature.id)}
        data-testid="verify-signature"
      >
        {t('signature.verify')}
      </Button>
      {result && result.supersededBy === null && (
        <Tag
          color={VERIFY_COLORS[result.status]}
          data-testid="signature-status"
          data-status={result.status}
          title={t(`signature.verification.${result.status}Help`)}
        >
          {t(`signature.verification.${result.status}`)}
        </Tag>
      )}
      {result && result.supersededBy !== null && (
        <Tag
          color="gold"
          data-testid="signature-status"
          data-status="superseded"
          title={t('signature.verification.supersededHelp')}
        >
          {t('signature.verification.superseded')}
        </Tag>
      )}
      {verify.isError && (
        <Tag color="red" data-testid="signature-status" data-status="error">
          {t('signature.verification.error')}
        </Tag>
      )}
    </Flex>
  );
}

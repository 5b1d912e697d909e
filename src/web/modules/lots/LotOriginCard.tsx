import { FileProtectOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadFile } from '../../api/csv.ts';
import { useInspections } from '../../api/inspection.ts';
import { useLotReceipt, type LotDetail } from '../../api/lots.ts';
import { useCan } from '../../auth/session.ts';
import { problemMessage } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatIsoDate } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { InspectionStatusTag } from '../inspection/inspection-tags.tsx';
import { Quantity } from './lot-parts.tsx';

/**
 * Where the lot came from: its receipt (purchase order, certificate of
 * analysis) and its incoming inspections, for whoever may read them.
 */
export function LotOriginCard({ lot }: { lot: LotDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const mayReadReceipts = useCan('purchasing.read');
  const mayReadInspections = useCan('inspection.read');
  const receiptId = lot.source?.type === 'receipt' ? lot.source.id : null;
  const receipt = useLotReceipt(receiptId, { enabled: mayReadReceipts });
  const inspections = useInspections(
    { lotId: lot.id, limit: 20, offset: 0 },
    { enabled: mayReadInspections },
  );
  if (!mayReadInspections && !(mayReadReceipts && receiptId)) return null;

  const fields: DescriptionsProps['items'] = [];
  const r = receipt.data;
  if (r) {
    fields.push(
      {
        key: 'receipt',
        label: t('lots.origin.receipt'),
        children: (
          <span className="mono" data-testid="lot-receipt">
            {r.code}
          </span>
        ),
      },
      {
        key: 'po',
        label: t('lots.origin.purchaseOrder'),
        children: (
          <Link
            to={`/purchase-orders/${r.purchaseOrder.id}`}
            className="mono"
            data-testid="lot-purchase-order"
          >
            {r.purchaseOrder.code}
          </Link>
        ),
      },
      {
        key: 'receivedOn',
        label: t('lots.origin.receivedOn'),
        children: formatIsoDate(r.receivedOn, language),
      },
      {
        key: 'quantity',
        label: t('lots.origin.receiptQuantity'),
        children: <Quantity value={r.quantity} unit={r.unit} />,
      },
      {
        key: 'certificate',
        label: t('lots.origin.certificate'),
        span: 'filled',
        children: r.certificate ? (
          <Button
            type="link"
            size="small"
            icon={<FileProtectOutlined />}
            style={{ paddingInline: 0 }}
            onClick={() =>
              void downloadFile(
                `/api/receipts/${encodeURIComponent(r.id)}/certificate`,
                r.certificate?.filename ?? 'certificate',
              ).catch((error: unknown) => void message.error(problemMessage(error, t)))
            }
            data-testid="lot-certificate"
          >
            {r.certificate.filename}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('lots.origin.noCertificate')}</Typography.Text>
        ),
      },
    );
  }
  const found = inspections.data?.items ?? [];

  return (
    <Card
      size="small"
      className="section-card"
      title={t('lots.origin.title')}
      data-testid="lot-origin"
    >
      {receipt.isError && <ProblemAlert error={receipt.error} style={{ marginBottom: 8 }} />}
      {fields.length > 0 && (
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={fields}
          styles={{ label: { width: 170 } }}
          style={{ marginBottom: 12 }}
        />
      )}
      {mayReadInspections && (
        <Flex gap={8} align="center" wrap data-testid="lot-inspections">
          <Typography.Text strong>{t('lots.origin.inspections')}</Typography.Text>
          {inspections.isError && <ProblemAlert error={inspections.error} />}
          {!inspections.isPending && found.length === 0 && (
            <Typography.Text type="secondary">{t('lots.origin.noInspections')}</Typography.Text>
          )}
          {found.map((inspection) => (
            <span key={inspection.id} className="nowrap">
              <Link
                to={`/inspections/${inspection.id}`}
                className="mono"
                data-testid={`lot-inspection-${inspection.code}`}
              >
                {inspection.code}
              </Link>{' '}
              <InspectionStatusTag status={inspection.status} />
            </span>
          ))}
        </Flex>
      )}
    </Card>
  );
}

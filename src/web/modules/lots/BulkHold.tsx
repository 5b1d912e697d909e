import { Alert, Button, Card, Flex, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  HOLD_SCOPES,
  useBulkHold,
  type BulkHoldInput,
  type BulkHoldResult,
  type HoldScope,
} from '../../api/lots.ts';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { ItemSelect, QualityStatusTag, SupplierPicker } from './lot-parts.tsx';

interface BulkHoldValues {
  scope: HoldScope;
  itemId?: string;
  supplierId?: string;
  supplierLot?: string;
}

function holdInputOf(values: BulkHoldValues & { reason: string }): BulkHoldInput {
  const { reason } = values;
  switch (values.scope) {
    case 'item':
      return { scope: 'item', itemId: values.itemId ?? '', reason };
    case 'supplier':
      return { scope: 'supplier', supplierId: values.supplierId ?? '', reason };
    case 'supplier_lot':
      return {
        scope: 'supplier_lot',
        supplierId: values.supplierId ?? '',
        supplierLot: values.supplierLot?.trim() ?? '',
        reason,
      };
  }
}

/** Puts every released lot of an item, a supplier or a supplier lot on hold, with one reason. */
export function BulkHoldModal({
  onClose,
  onDone,
}: {
  onClose: () => void;
  onDone: (result: BulkHoldResult) => void;
}) {
  const { t } = useTranslation();
  const hold = useBulkHold();
  return (
    <ReasonModal<BulkHoldValues>
      open
      title={t('lots.bulkHold.title')}
      okText={t('lots.bulkHold.submit')}
      danger
      testId="bulk-hold"
      width={600}
      description={<Alert type="warning" showIcon title={t('lots.bulkHold.description')} />}
      initialValues={{ scope: 'item' }}
      onSubmit={async (values) => {
        onDone(await hold.mutateAsync(holdInputOf(values)));
      }}
      onClose={onClose}
    >
      <Form.Item name="scope" label={t('lots.bulkHold.scope')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={HOLD_SCOPES.map((scope) => ({
            value: scope,
            label: t(`lots.bulkHold.scopes.${scope}`),
          }))}
          data-testid="bulk-hold-scope"
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.scope !== b.scope}>
        {({ getFieldValue }) => {
          const scope = getFieldValue('scope') as HoldScope;
          return scope === 'item' ? (
            <Form.Item
              name="itemId"
              label={t('lots.fields.item')}
              rules={[{ required: true, message: t('lots.bulkHold.itemRequired') }]}
            >
              <ItemSelect testId="bulk-hold-item" />
            </Form.Item>
          ) : (
            <>
              <Form.Item
                name="supplierId"
                label={t('lots.fields.supplier')}
                rules={[{ required: true, message: t('lots.bulkHold.supplierRequired') }]}
              >
                <SupplierPicker testId="bulk-hold-supplier" />
              </Form.Item>
              {scope === 'supplier_lot' && (
                <Form.Item
                  name="supplierLot"
                  label={t('lots.fields.supplierLot')}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: t('lots.bulkHold.supplierLotRequired'),
                    },
                    { max: 100 },
                  ]}
                >
                  <Input className="mono" autoComplete="off" data-testid="bulk-hold-supplier-lot" />
                </Form.Item>
              )}
            </>
          );
        }}
      </Form.Item>
    </ReasonModal>
  );
}

/** What a bulk hold did: the lots it held and the ones it left, with their status. */
export function BulkHoldResultCard({
  result,
  onClose,
}: {
  result: BulkHoldResult;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      className="section-card"
      title={t('lots.bulkHold.resultTitle', {
        held: result.held.length,
        skipped: result.skipped.length,
      })}
      extra={
        <Button size="small" onClick={onClose} data-testid="bulk-hold-result-close">
          {t('lots.close')}
        </Button>
      }
      data-testid="bulk-hold-result"
    >
      <Flex vertical gap={8}>
        <div>
          <Typography.Text strong>{t('lots.bulkHold.held')}</Typography.Text>{' '}
          {result.held.length === 0 ? (
            <Typography.Text type="secondary">{t('lots.bulkHold.noneHeld')}</Typography.Text>
          ) : (
            <Flex gap={6} wrap data-testid="bulk-hold-held">
              {result.held.map((lot) => (
                <Link key={lot.id} to={`/lots/${lot.id}`} className="mono">
                  {lot.code}
                </Link>
              ))}
            </Flex>
          )}
        </div>
        {result.skipped.length > 0 && (
          <div>
            <Typography.Text strong>{t('lots.bulkHold.skipped')}</Typography.Text>{' '}
            <Typography.Text type="secondary">{t('lots.bulkHold.skippedHelp')}</Typography.Text>
            <Flex gap={6} wrap data-testid="bulk-hold-skipped" style={{ marginTop: 4 }}>
              {result.skipped.map((lot) => (
                <span key={lot.id} className="nowrap">
                  <Link to={`/lots/${lot.id}`} className="mono">
                    {lot.code}
                  </Link>{' '}
                  <QualityStatusTag status={lot.qualityStatus} />
                </span>
              ))}
            </Flex>
          </div>
        )}
      </Flex>
    </Card>
  );
}

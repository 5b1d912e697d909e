import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Select, Typography } from 'antd';
import type { FormRule as Rule } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  useLotAction,
  useLots,
  useStockAction,
  type LotDetail,
  type LotLocationQuantity,
} from '../../api/lots.ts';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { SignatureDialog } from '../../components/SignatureDialog.tsx';
import { LocationPicker, QualityStatusTag, Quantity } from './lot-parts.tsx';
import { compareDecimal, isQuantity } from '../../../shared/decimal.ts';
import { hasQuantity, isSignedQuantity, quantityText } from './quantity.ts';

export type LotDialog =
  | { kind: 'hold' }
  | { kind: 'release' }
  | { kind: 'release-hold' }
  | { kind: 'reject' }
  | { kind: 'recall' }
  | { kind: 'transfer'; fromLocationId?: string }
  | { kind: 'adjustment'; locationId?: string }
  | { kind: 'scrap'; locationId?: string }
  | { kind: 'split'; fromLocationId?: string }
  | { kind: 'merge'; locationId?: string };

function useQuantityRules() {
  const { t } = useTranslation();
  return (available?: string): Rule[] => [
    { required: true, whitespace: true, message: t('lots.actions.quantityRequired') },
    {
      validator: async (_, value: string | undefined) => {
        const text = (value ?? '').trim();
        if (!text) return;
        if (!isQuantity(text)) throw new Error(t('lots.actions.quantityInvalid'));
        if (available !== undefined && compareDecimal(text, available) > 0)
          throw new Error(
            t('lots.actions.quantityTooMuch', { available: quantityText(available) }),
          );
      },
    },
  ];
}

/** The location select for stock that leaves a place: only where the lot has stock. */
function StockLocationSelect({
  value,
  onChange,
  places,
  unit,
  testId,
}: {
  value?: string;
  onChange?: (id: string) => void;
  places: readonly LotLocationQuantity[];
  unit: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Select<string>
      value={value}
      onChange={(id) => onChange?.(id)}
      placeholder={t('lots.pickers.locationPlaceholder')}
      options={places.map((place) => ({
        value: place.locationId,
        label: (
          <Flex justify="space-between" gap={12}>
            <span className="mono">{place.locationCode}</span>
            <Typography.Text type="secondary">
              {quantityText(place.quantity)} {unit}
            </Typography.Text>
          </Flex>
        ),
      }))}
      data-testid={testId}
    />
  );
}

function placeOf(lot: LotDetail, locationId: string | undefined) {
  return lot.quantitiesByLocation.find((place) => place.locationId === locationId);
}

export function LotActionDialogs({
  lot,
  dialog,
  onClose,
}: {
  lot: LotDetail;
  dialog: LotDialog | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const act = useLotAction(lot.id);
  const stock = useStockAction();
  const quantityRules = useQuantityRules();
  const places = lot.quantitiesByLocation.filter((place) => hasQuantity(place.quantity));
  const single = places.length === 1 ? places[0]?.locationId : undefined;
  const done = (text: string) => void message.success(text);
  const summary = (
    <Flex gap={8} align="center" wrap>
      <span className="mono">{lot.code}</span>
      <span>{lot.itemCode}</span>
      <QualityStatusTag status={lot.qualityStatus} />
      <Quantity value={lot.quantityOnHand} unit={lot.unit} />
    </Flex>
  );

  if (dialog === null) return null;
  switch (dialog.kind) {
    case 'hold':
      return (
        <ReasonModal
          open
          title={t('lots.actions.holdTitle', { code: lot.code })}
          okText={t('lots.actions.hold')}
          danger
          testId="lot-hold"
          description={<Alert type="warning" showIcon title={t('lots.actions.holdDescription')} />}
          onSubmit={async ({ reason }) => {
            await act.mutateAsync({ kind: 'hold', reason });
            done(t('lots.actions.held'));
          }}
          onClose={onClose}
        />
      );
    case 'release':
    case 'release-hold':
      return (
        <SignatureDialog
          open
          title={t(
            dialog.kind === 'release'
              ? 'lots.actions.releaseTitle'
              : 'lots.actions.releaseHoldTitle',
            { code: lot.code },
          )}
          summary={summary}
          allowedMeanings={['released']}
          requireReason={dialog.kind === 'release-hold'}
          onSign={async (signature, reason) => {
            await act.mutateAsync({
              kind: dialog.kind,
              signature,
              ...(reason ? { reason } : {}),
            });
            done(
              t(dialog.kind === 'release' ? 'lots.actions.released' : 'lots.actions.holdLifted'),
            );
          }}
          onClose={onClose}
        />
      );
    case 'reject':
    case 'recall':
      return (
        <SignatureDialog
          open
          title={t(
            dialog.kind === 'reject' ? 'lots.actions.rejectTitle' : 'lots.actions.recallTitle',
            { code: lot.code },
          )}
          summary={
            <>
              {summary}
              <Alert
                type="error"
                showIcon
                style={{ marginTop: 8 }}
                title={t(
                  dialog.kind === 'reject'
                    ? 'lots.actions.rejectDescription'
                    : 'lots.actions.recallDescription',
                )}
              />
            </>
          }
          allowedMeanings={dialog.kind === 'reject' ? ['rejected'] : ['approved']}
          requireReason
          onSign={async (signature, reason) => {
            await act.mutateAsync({ kind: dialog.kind, signature, reason: reason ?? '' });
            done(t(dialog.kind === 'reject' ? 'lots.actions.rejected' : 'lots.actions.recalled'));
          }}
          onClose={onClose}
        />
      );
    case 'transfer':
      return (
        <ReasonModal<{ fromLocationId: string; toLocationId: string; quantity: string }>
          open
          title={t('lots.actions.transferTitle', { code: lot.code })}
          okText={t('lots.actions.transfer')}
          testId="lot-transfer"
          width={600}
          description={
            <Typography.Text type="secondary">
              {t('lots.actions.transferDescription')}
            </Typography.Text>
          }
          initialValues={{ fromLocationId: dialog.fromLocationId ?? single }}
          onSubmit={async ({ fromLocationId, toLocationId, quantity, reason }) => {
            await stock.mutateAsync({
              kind: 'transfer',
              body: {
                lotId: lot.id,
                fromLocationId,
                toLocationId,
                quantity: quantity.trim(),
                reason,
              },
            });
            done(t('lots.actions.transferred'));
          }}
          onClose={onClose}
        >
          <Flex gap={12}>
            <Form.Item
              name="fromLocationId"
              label={t('lots.actions.from')}
              style={{ flex: 1 }}
              rules={[{ required: true, message: t('lots.actions.locationRequired') }]}
            >
              <StockLocationSelect places={places} unit={lot.unit} testId="transfer-from" />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.fromLocationId !== b.fromLocationId}>
              {({ getFieldValue }) => (
                <Form.Item
                  name="toLocationId"
                  label={t('lots.actions.to')}
                  style={{ flex: 1 }}
                  rules={[{ required: true, message: t('lots.actions.locationRequired') }]}
                >
                  <LocationPicker
                    exceptId={getFieldValue('fromLocationId') as string | undefined}
                    testId="transfer-to"
                  />
                </Form.Item>
              )}
            </Form.Item>
          </Flex>
          <Form.Item noStyle shouldUpdate={(a, b) => a.fromLocationId !== b.fromLocationId}>
            {({ getFieldValue }) => (
              <QuantityField
                rules={quantityRules(
                  placeOf(lot, getFieldValue('fromLocationId') as string)?.quantity,
                )}
                unit={lot.unit}
                testId="transfer-quantity"
              />
            )}
          </Form.Item>
        </ReasonModal>
      );
    case 'adjustment':
      return (
        <ReasonModal<{ locationId: string; quantity: string }>
          open
          title={t('lots.actions.adjustTitle', { code: lot.code })}
          okText={t('lots.actions.adjust')}
          testId="lot-adjust"
          width={560}
          description={
            <Typography.Text type="secondary">
              {t('lots.actions.adjustDescription')}
            </Typography.Text>
          }
          initialValues={{ locationId: dialog.locationId ?? single }}
          onSubmit={async ({ locationId, quantity, reason }) => {
            await stock.mutateAsync({
              kind: 'adjustment',
              body: { lotId: lot.id, locationId, quantity: quantity.trim(), reason },
            });
            done(t('lots.actions.adjusted'));
          }}
          onClose={onClose}
        >
          <Form.Item
            name="locationId"
            label={t('lots.fields.location')}
            rules={[{ required: true, message: t('lots.actions.locationRequired') }]}
          >
            <LocationPicker testId="adjust-location" />
          </Form.Item>
          <Form.Item
            name="quantity"
            label={t('lots.actions.adjustQuantity', { unit: lot.unit })}
            extra={t('lots.actions.adjustQuantityHelp')}
            rules={[
              { required: true, whitespace: true, message: t('lots.actions.quantityRequired') },
              {
                validator: async (_, value: string | undefined) => {
                  const text = (value ?? '').trim();
                  if (text && !isSignedQuantity(text))
                    throw new Error(t('lots.actions.signedQuantityInvalid'));
                },
              },
            ]}
          >
            <Input
              className="mono"
              autoComplete="off"
              inputMode="decimal"
              data-testid="adjust-quantity"
            />
          </Form.Item>
        </ReasonModal>
      );
    case 'scrap':
      return (
        <ReasonModal<{ locationId: string; quantity: string }>
          open
          title={t('lots.actions.scrapTitle', { code: lot.code })}
          okText={t('lots.actions.scrap')}
          danger
          testId="lot-scrap"
          width={560}
          description={<Alert type="warning" showIcon title={t('lots.actions.scrapDescription')} />}
          initialValues={{ locationId: dialog.locationId ?? single }}
          onSubmit={async ({ locationId, quantity, reason }) => {
            await stock.mutateAsync({
              kind: 'scrap',
              body: { lotId: lot.id, locationId, quantity: quantity.trim(), reason },
            });
            done(t('lots.actions.scrapped'));
          }}
          onClose={onClose}
        >
          <Form.Item
            name="locationId"
            label={t('lots.fields.location')}
            rules={[{ required: true, message: t('lots.actions.locationRequired') }]}
          >
            <StockLocationSelect places={places} unit={lot.unit} testId="scrap-location" />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.locationId !== b.locationId}>
            {({ getFieldValue }) => (
              <QuantityField
                rules={quantityRules(placeOf(lot, getFieldValue('locationId') as string)?.quantity)}
                unit={lot.unit}
                testId="scrap-quantity"
              />
            )}
          </Form.Item>
        </ReasonModal>
      );
    case 'split':
      return (
        <ReasonModal<{ fromLocationId: string; parts: { quantity: string }[] }>
          open
          title={t('lots.actions.splitTitle', { code: lot.code })}
          okText={t('lots.actions.split')}
          testId="lot-split"
          width={560}
          description={
            <Typography.Text type="secondary">{t('lots.actions.splitDescription')}</Typography.Text>
          }
          initialValues={{
            fromLocationId: dialog.fromLocationId ?? single,
            parts: [{ quantity: '' }],
          }}
          onSubmit={async ({ fromLocationId, parts, reason }) => {
            await act.mutateAsync({
              kind: 'split',
              fromLocationId,
              parts: parts.map((part) => ({ quantity: part.quantity.trim() })),
              reason,
            });
            done(t('lots.actions.splitDone', { count: parts.length }));
          }}
          onClose={onClose}
        >
          <Form.Item
            name="fromLocationId"
            label={t('lots.fields.location')}
            rules={[{ required: true, message: t('lots.actions.locationRequired') }]}
          >
            <StockLocationSelect places={places} unit={lot.unit} testId="split-location" />
          </Form.Item>
          <Form.List name="parts">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} align="start">
                    <Form.Item
                      name={[field.name, 'quantity']}
                      label={t('lots.actions.part', { n: index + 1, unit: lot.unit })}
                      rules={quantityRules()}
                      style={{ flex: 1 }}
                    >
                      <Input
                        className="mono"
                        autoComplete="off"
                        inputMode="decimal"
                        data-testid={`split-part-${index}`}
                      />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('lots.actions.removePart')}
                        style={{ marginTop: 30 }}
                      />
                    )}
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ quantity: '' })}
                  disabled={fields.length >= 50}
                  style={{ marginBottom: 12 }}
                  data-testid="split-add-part"
                >
                  {t('lots.actions.addPart')}
                </Button>
              </>
            )}
          </Form.List>
        </ReasonModal>
      );
    case 'merge':
      return <MergeDialog lot={lot} locationId={dialog.locationId ?? single} onClose={onClose} />;
  }
}

function QuantityField({ rules, unit, testId }: { rules: Rule[]; unit: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="quantity" label={t('lots.actions.quantity', { unit })} rules={rules}>
      <Input className="mono" autoComplete="off" inputMode="decimal" data-testid={testId} />
    </Form.Item>
  );
}

interface MergeValues {
  locationId: string;
  quantity: string;
  others: { lotId?: string; quantity: string }[];
}

/** Merges this lot with other lots of the same item and status at one location into a new lot. */
function MergeDialog({
  lot,
  locationId,
  onClose,
}: {
  lot: LotDetail;
  locationId: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const stock = useStockAction();
  const quantityRules = useQuantityRules();
  const places = lot.quantitiesByLocation.filter((place) => hasQuantity(place.quantity));

  return (
    <ReasonModal<MergeValues>
      open
      title={t('lots.actions.mergeTitle', { code: lot.code })}
      okText={t('lots.actions.merge')}
      testId="lot-merge"
      width={640}
      description={
        <Typography.Text type="secondary">{t('lots.actions.mergeDescription')}</Typography.Text>
      }
      initialValues={{ locationId, quantity: '', others: [{ quantity: '' }] }}
      onSubmit={async ({ locationId: at, quantity, others: rest, reason }) => {
        await stock.mutateAsync({
          kind: 'merge',
          body: {
            locationId: at,
            sources: [
              { lotId: lot.id, quantity: quantity.trim() },
              ...rest.map((other) => ({
                lotId: other.lotId ?? '',
                quantity: other.quantity.trim(),
              })),
            ],
            reason,
          },
        });
        void message.success(t('lots.actions.merged'));
      }}
      onClose={onClose}
    >
      <Form.Item
        name="locationId"
        label={t('lots.fields.location')}
        rules={[{ required: true, message: t('lots.actions.locationRequired') }]}
      >
        <StockLocationSelect places={places} unit={lot.unit} testId="merge-location" />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.locationId !== b.locationId}>
        {({ getFieldValue }) => (
          <QuantityField
            rules={quantityRules(placeOf(lot, getFieldValue('locationId') as string)?.quantity)}
            unit={lot.unit}
            testId="merge-quantity"
          />
        )}
      </Form.Item>
      <Form.List name="others">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item
                  name={[field.name, 'lotId']}
                  label={t('lots.actions.otherLot')}
                  rules={[{ required: true, message: t('lots.actions.otherLotRequired') }]}
                  style={{ flex: 2 }}
                >
                  <OtherLotSelect lot={lot} testId={`merge-lot-${field.name}`} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'quantity']}
                  label={t('lots.actions.quantity', { unit: lot.unit })}
                  rules={quantityRules()}
                  style={{ flex: 1 }}
                >
                  <Input className="mono" autoComplete="off" inputMode="decimal" />
                </Form.Item>
                {fields.length > 1 && (
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('lots.actions.removePart')}
                    style={{ marginTop: 30 }}
                  />
                )}
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ quantity: '' })}
              style={{ marginBottom: 12 }}
            >
              {t('lots.actions.addOtherLot')}
            </Button>
          </>
        )}
      </Form.List>
    </ReasonModal>
  );
}

/** Another lot of the same item and status with stock where the merge happens. */
function OtherLotSelect({
  lot,
  value,
  onChange,
  testId,
}: {
  lot: LotDetail;
  value?: string;
  onChange?: (id: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const locationId = Form.useWatch('locationId', form) as string | undefined;
  const candidates = useLots(
    {
      itemId: lot.itemId,
      status: lot.qualityStatus,
      locationId,
      inStock: true,
      limit: 100,
      offset: 0,
    },
    { enabled: Boolean(locationId) },
  );
  const others = (candidates.data?.items ?? []).filter((other) => other.id !== lot.id);
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={(id) => onChange?.(id)}
      loading={candidates.isFetching}
      notFoundContent={t('lots.actions.noOtherLots')}
      options={others.map((other) => ({
        value: other.id,
        label: `${other.code} (${quantityText(other.quantityOnHand)} ${other.unit})`,
      }))}
      data-testid={testId}
    />
  );
}

import { CheckCircleOutlined, DeleteOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Flex, Form } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  STATUS_CHANGES,
  useChangeItem,
  useItem,
  type Item,
  type ItemStatus,
} from '../../api/items.ts';
import { useCan } from '../../auth/session.ts';
import { HistoryPanel } from '../../components/HistoryPanel.tsx';
import { Page } from '../../components/Page.tsx';
import { RecordPage } from '../../components/RecordPage.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { formatDateTime } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { ItemInspectionPlanSection } from '../inspection/ItemInspectionPlanSection.tsx';
import { DeviceModelSection } from './DeviceModelSection.tsx';
import { ItemDocumentsSection } from './ItemDocumentsSection.tsx';
import { ItemDetailFields, storageOf, type ItemDetailValues } from './item-fields.tsx';
import { itemNames, plainDecimal, shelfLifeText, storageText } from './item-format.ts';
import { ItemStatusTag, TrackingTag } from './item-tags.tsx';

type Action = 'edit' | ItemStatus;

export function ItemDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const item = useItem(id);
  const back = { to: '/items', label: t('items.title') };

  return (
    <RecordPage query={item} title={t('items.detailTitle')} back={back}>
      {(record) => <ItemDetail item={record} back={back} />}
    </RecordPage>
  );
}

function ItemDetail({ item, back }: { item: Item; back: { to: string; label: string } }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mayManage = useCan('item.manage');
  const [action, setAction] = useState<Action | null>(null);
  const names = itemNames(item, language);
  const when = (value: string) => <time dateTime={value}>{formatDateTime(value, language)}</time>;

  const fields: DescriptionsProps['items'] = [
    {
      key: 'code',
      label: t('items.fields.code'),
      children: (
        <span className="mono" data-testid="item-code">
          {item.code}
        </span>
      ),
    },
    {
      key: 'type',
      label: t('items.fields.type'),
      children: <span data-testid="item-type">{t(`items.types.${item.type}`)}</span>,
    },
    {
      key: 'nameZh',
      label: t('items.fields.nameZh'),
      children: <span data-testid="item-nameZh">{item.nameZh}</span>,
    },
    {
      key: 'nameEn',
      label: t('items.fields.nameEn'),
      children: <span data-testid="item-nameEn">{item.nameEn}</span>,
    },
    {
      key: 'tracking',
      label: t('items.fields.tracking'),
      children: <TrackingTag tracking={item.tracking} />,
    },
    {
      key: 'uom',
      label: t('items.fields.uom'),
      children: <span className="mono">{item.uom}</span>,
    },
    {
      key: 'shelfLife',
      label: t('items.fields.shelfLife'),
      children: <span data-testid="item-shelfLife">{shelfLifeText(item.shelfLifeDays, t)}</span>,
    },
    {
      key: 'storage',
      label: t('items.fields.storage'),
      children: <span data-testid="item-storage">{storageText(item.storage, t)}</span>,
    },
    {
      key: 'status',
      label: t('items.fields.status'),
      children: <ItemStatusTag status={item.status} />,
    },
    { key: 'createdAt', label: t('items.fields.createdAt'), children: when(item.createdAt) },
    { key: 'updatedAt', label: t('items.fields.updatedAt'), children: when(item.updatedAt) },
  ];

  const next = STATUS_CHANGES[item.status];
  const actions = mayManage && (
    <Flex gap={8} wrap data-testid="item-actions">
      <Button
        icon={<EditOutlined />}
        onClick={() => setAction('edit')}
        data-testid="item-action-edit"
      >
        {t('items.actions.edit')}
      </Button>
      {next.includes('active') && (
        <Button
          icon={<CheckCircleOutlined />}
          onClick={() => setAction('active')}
          data-testid="item-action-activate"
        >
          {t('items.actions.activate')}
        </Button>
      )}
      {next.includes('blocked') && (
        <Button
          danger
          icon={<StopOutlined />}
          onClick={() => setAction('blocked')}
          data-testid="item-action-block"
        >
          {t('items.actions.block')}
        </Button>
      )}
      {next.includes('obsolete') && (
        <Button
          danger
          icon={<DeleteOutlined />}
          onClick={() => setAction('obsolete')}
          data-testid="item-action-obsolete"
        >
          {t('items.actions.obsolete')}
        </Button>
      )}
    </Flex>
  );

  return (
    <Page
      title={`${item.code} · ${names.primary}`}
      back={back}
      tags={<ItemStatusTag status={item.status} />}
      extra={actions}
    >
      {item.status !== 'active' && (
        <Alert
          type={item.status === 'blocked' ? 'error' : 'warning'}
          showIcon
          title={t(`items.notes.${item.status}`)}
          style={{ marginBottom: 12 }}
          data-testid="item-status-note"
        />
      )}
      <Card size="small" className="section-card">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={fields}
          styles={{ label: { width: 170 } }}
          data-testid="item-details"
        />
      </Card>
      {item.type === 'finished_device' && <DeviceModelSection item={item} mayManage={mayManage} />}
      <ItemDocumentsSection item={item} mayManage={mayManage} />
      <ItemInspectionPlanSection itemId={item.id} />
      <HistoryPanel entityType="item" entityId={item.id} />
      {action === 'edit' && <EditItemModal item={item} onClose={() => setAction(null)} />}
      {action && action !== 'edit' && (
        <StatusModal item={item} status={action} onClose={() => setAction(null)} />
      )}
    </Page>
  );
}

function EditItemModal({ item, onClose }: { item: Item; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const change = useChangeItem(item.id);
  const initialValues: ItemDetailValues = {
    nameZh: item.nameZh,
    nameEn: item.nameEn,
    uom: item.uom,
    shelfLifeDays: item.shelfLifeDays,
    tempMinC: plainDecimal(item.storage.tempMinC) ?? '',
    tempMaxC: plainDecimal(item.storage.tempMaxC) ?? '',
    humidityMaxPct: plainDecimal(item.storage.humidityMaxPct) ?? '',
  };
  return (
    <ReasonModal<ItemDetailValues>
      open
      title={`${t('items.actions.edit')} · ${item.code}`}
      okText={t('items.actions.save')}
      testId="item-edit"
      width={640}
      description={<Alert type="info" title={t('items.actions.editDescription')} />}
      initialValues={initialValues}
      onSubmit={async ({ reason, ...values }) => {
        await change.mutateAsync({
          change: {
            kind: 'update',
            body: {
              nameZh: values.nameZh.trim(),
              nameEn: values.nameEn.trim(),
              uom: values.uom.trim(),
              shelfLifeDays: values.shelfLifeDays ?? null,
              storage: storageOf(values),
            },
          },
          reason,
        });
        void message.success(t('items.actions.done', { action: t('items.actions.edit') }));
      }}
      onClose={onClose}
    >
      <ItemDetailFields />
    </ReasonModal>
  );
}

const STATUS_ACTION: Record<ItemStatus, 'activate' | 'block' | 'obsolete'> = {
  active: 'activate',
  blocked: 'block',
  obsolete: 'obsolete',
};

function StatusModal({
  item,
  status,
  onClose,
}: {
  item: Item;
  status: ItemStatus;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const change = useChangeItem(item.id);
  const action = STATUS_ACTION[status];
  const label = t(`items.actions.${action}`);
  const name = `${item.code} ${itemNames(item, language).primary}`;
  return (
    <ReasonModal<{ confirmFinal?: boolean }>
      open
      title={`${label} · ${item.code}`}
      okText={label}
      danger={status !== 'active'}
      testId="item-status-change"
      description={
        <Alert
          type={status === 'active' ? 'info' : 'warning'}
          showIcon
          title={t(`items.actions.${action}Description`, { name })}
        />
      }
      onSubmit={async ({ reason }) => {
        await change.mutateAsync({ change: { kind: 'status', body: { status } }, reason });
        void message.success(t('items.actions.done', { action: label }));
      }}
      onClose={onClose}
    >
      {status === 'obsolete' && (
        <Form.Item
          name="confirmFinal"
          valuePropName="checked"
          rules={[
            {
              validator: (_: unknown, value: boolean | undefined) =>
                value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('items.actions.obsoleteConfirmRequired'))),
            },
          ]}
        >
          <Checkbox data-testid="confirm-final">{t('items.actions.obsoleteConfirm')}</Checkbox>
        </Form.Item>
      )}
    </ReasonModal>
  );
}

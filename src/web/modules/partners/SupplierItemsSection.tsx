import { AppstoreAddOutlined, MinusCircleOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useItems } from '../../api/items.ts';
import { useChangeSupplier, type SupplierDetail, type SupplierItem } from '../../api/partners.ts';
import { useCan } from '../../auth/session.ts';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { formatDateTimeShort } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { partnerNames, textOrNull } from './partner-format.ts';
import { PartnerName } from './partner-tags.tsx';

/** The items the supplier is approved to supply; ended links stay for the record. */
export function SupplierItemsSection({
  supplier,
  mayManage,
}: {
  supplier: SupplierDetail;
  mayManage: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mayReadItems = useCan('item.read');
  const [showEnded, setShowEnded] = useState(false);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<SupplierItem | null>(null);
  const active = supplier.approvedItems.filter((link) => link.active);
  const ended = supplier.approvedItems.length - active.length;
  const rows = showEnded ? supplier.approvedItems : active;
  const disqualified = supplier.approvalStatus === 'disqualified';

  const columns: TableProps<SupplierItem>['columns'] = [
    {
      key: 'item',
      title: t('partners.approvedItems.columns.item'),
      width: 150,
      render: (_, link) =>
        mayReadItems ? (
          <Link to={`/items/${link.itemId}`} className="mono nowrap">
            {link.itemCode}
          </Link>
        ) : (
          <span className="mono nowrap">{link.itemCode}</span>
        ),
    },
    {
      key: 'name',
      title: t('partners.approvedItems.columns.name'),
      render: (_, link) => (
        <PartnerName
          partner={{ legalNameZh: link.itemNameZh, legalNameEn: link.itemNameEn }}
          language={language}
        />
      ),
    },
    {
      key: 'partNumber',
      title: t('partners.approvedItems.columns.partNumber'),
      width: 170,
      render: (_, link) =>
        link.supplierPartNumber ? (
          <span className="mono">{link.supplierPartNumber}</span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'approvedAt',
      title: t('partners.approvedItems.columns.approvedAt'),
      width: 170,
      render: (_, link) => (
        <time dateTime={link.approvedAt} className="nowrap">
          {formatDateTimeShort(link.approvedAt, language)}
        </time>
      ),
    },
    {
      key: 'state',
      title: t('partners.approvedItems.columns.state'),
      width: 230,
      render: (_, link) =>
        link.active ? (
          <Tag color="green" data-testid="approved-item-state" data-active="true">
            {t('partners.approvedItems.active')}
          </Tag>
        ) : (
          <Flex vertical gap={2}>
            <span>
              <Tag data-testid="approved-item-state" data-active="false">
                {t('partners.approvedItems.ended')}
              </Tag>
            </span>
            <Typography.Text type="secondary" className="item-name-other">
              {link.endedAt ? formatDateTimeShort(link.endedAt, language) : ''}
              {link.endReason ? ` · ${link.endReason}` : ''}
            </Typography.Text>
          </Flex>
        ),
    },
    ...(mayManage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 110,
            render: (_: unknown, link: SupplierItem) =>
              link.active && (
                <Button
                  size="small"
                  danger
                  icon={<MinusCircleOutlined />}
                  onClick={() => setEnding(link)}
                  data-testid={`approved-item-end-${link.itemCode}`}
                >
                  {t('partners.approvedItems.end')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      className="section-card"
      title={t('partners.approvedItems.title', { count: active.length })}
      extra={
        <Flex gap={12} align="center" wrap>
          {ended > 0 && (
            <label className="inline-switch">
              <Switch
                size="small"
                checked={showEnded}
                onChange={setShowEnded}
                data-testid="approved-items-show-ended"
              />
              <span>{t('partners.approvedItems.showEnded', { count: ended })}</span>
            </label>
          )}
          {mayManage && (
            <Button
              size="small"
              icon={<AppstoreAddOutlined />}
              disabled={disqualified}
              title={disqualified ? t('errors.SUPPLIER_DISQUALIFIED') : undefined}
              onClick={() => setAdding(true)}
              data-testid="approved-item-add"
            >
              {t('partners.approvedItems.add')}
            </Button>
          )}
        </Flex>
      }
      data-testid="supplier-items"
    >
      <Table<SupplierItem>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, size: 'small' } : false}
        scroll={{ x: 900 }}
        rowClassName={(link) => (link.active ? '' : 'row-inactive')}
        locale={{ emptyText: t('partners.approvedItems.empty') }}
        data-testid="approved-items-table"
      />
      {adding && <AddItemModal supplier={supplier} onClose={() => setAdding(false)} />}
      {ending && <EndItemModal supplier={supplier} link={ending} onClose={() => setEnding(null)} />}
    </Card>
  );
}

/** Waits until typing pauses before the value is used (a search per keystroke is wasteful). */
function useDebounced<T>(value: T, delayMs = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

interface AddItemValues {
  itemId: string;
  supplierPartNumber?: string;
}

function AddItemModal({ supplier, onClose }: { supplier: SupplierDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const change = useChangeSupplier(supplier.id);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const items = useItems({ q: q || undefined, status: 'active', limit: 20, offset: 0 });
  const listed = new Set(supplier.approvedItems.filter((l) => l.active).map((l) => l.itemId));
  const name = `${supplier.code} ${partnerNames(supplier, language).primary}`;

  return (
    <ReasonModal<AddItemValues>
      open
      title={t('partners.approvedItems.addTitle', { name })}
      okText={t('partners.approvedItems.add')}
      testId="approved-item-form"
      width={600}
      description={
        <Alert type="info" showIcon title={t('partners.approvedItems.addDescription')} />
      }
      onSubmit={async ({ reason, ...values }) => {
        await change.mutateAsync({
          kind: 'add-item',
          body: {
            itemId: values.itemId,
            supplierPartNumber: textOrNull(values.supplierPartNumber),
            reason,
          },
        });
        void message.success(t('partners.approvedItems.added'));
      }}
      onClose={onClose}
    >
      <Form.Item
        name="itemId"
        label={t('partners.approvedItems.columns.item')}
        rules={[{ required: true, message: t('partners.approvedItems.itemRequired') }]}
      >
        <Select<string>
          showSearch={{ filterOption: false, onSearch: setSearch }}
          placeholder={t('partners.approvedItems.itemPlaceholder')}
          loading={items.isFetching}
          notFoundContent={
            items.isPending ? t('common.loading') : t('partners.approvedItems.noItems')
          }
          options={(items.data?.items ?? []).map((item) => ({
            value: item.id,
            disabled: listed.has(item.id),
            label: (
              <span className="option-with-code">
                <span className="mono">{item.code}</span>
                <span>{language === 'zh-CN' ? item.nameZh : item.nameEn}</span>
                {listed.has(item.id) && (
                  <Typography.Text type="secondary">
                    {t('partners.approvedItems.alreadyListed')}
                  </Typography.Text>
                )}
              </span>
            ),
          }))}
          data-testid="item-picker"
        />
      </Form.Item>
      <Form.Item
        name="supplierPartNumber"
        label={t('partners.approvedItems.columns.partNumber')}
        extra={t('partners.approvedItems.partNumberHelp')}
        rules={[{ max: 100 }]}
      >
        <Input autoComplete="off" className="mono" data-testid="supplierPartNumber" />
      </Form.Item>
    </ReasonModal>
  );
}

function EndItemModal({
  supplier,
  link,
  onClose,
}: {
  supplier: SupplierDetail;
  link: SupplierItem;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const change = useChangeSupplier(supplier.id);
  const item = `${link.itemCode} ${language === 'zh-CN' ? link.itemNameZh : link.itemNameEn}`;
  return (
    <ReasonModal
      open
      danger
      title={t('partners.approvedItems.endTitle', { item })}
      okText={t('partners.approvedItems.end')}
      testId="approved-item-end"
      description={
        <Alert
          type="warning"
          showIcon
          title={t('partners.approvedItems.endDescription', {
            item,
            supplier: `${supplier.code} ${partnerNames(supplier, language).primary}`,
          })}
        />
      }
      onSubmit={async ({ reason }) => {
        await change.mutateAsync({ kind: 'end-item', linkId: link.id, body: { reason } });
        void message.success(t('partners.approvedItems.endedDone'));
      }}
      onClose={onClose}
    />
  );
}

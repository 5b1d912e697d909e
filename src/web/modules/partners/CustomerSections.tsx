import {
  CheckCircleOutlined,
  EditOutlined,
  NotificationOutlined,
  PlusOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Switch, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  useChangeCustomer,
  type CustomerAddress,
  type CustomerContact,
  type CustomerDetail,
} from '../../api/partners.ts';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import {
  AddressFields,
  ContactFields,
  addressOf,
  contactOf,
  type AddressValues,
  type ContactValues,
} from './partner-fields.tsx';
import { addressText, countryText } from './partner-format.ts';
import { ActiveTag } from './partner-tags.tsx';

type Editing<T> = { kind: 'add' } | { kind: 'edit'; row: T } | { kind: 'toggle'; row: T };

function dash(value: string | null) {
  return value ?? <Typography.Text type="secondary">—</Typography.Text>;
}

/** "Show inactive (2)" beside a section's title, when there are inactive rows to show. */
function ShowInactive({
  count,
  checked,
  onChange,
  testId,
}: {
  count: number;
  checked: boolean;
  onChange: (value: boolean) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <label className="inline-switch">
      <Switch size="small" checked={checked} onChange={onChange} data-testid={testId} />
      <span>{t('partners.common.showInactive', { count })}</span>
    </label>
  );
}

// ---------------------------------------------------------------- addresses

export function CustomerAddressesSection({
  customer,
  mayManage,
}: {
  customer: CustomerDetail;
  mayManage: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Editing<CustomerAddress> | null>(null);
  const active = customer.addresses.filter((a) => a.active);
  const rows = showInactive ? customer.addresses : active;

  const columns: TableProps<CustomerAddress>['columns'] = [
    {
      key: 'label',
      title: t('partners.addresses.fields.label'),
      width: 200,
      render: (_, a) => <span data-testid="address-row-label">{a.label}</span>,
    },
    {
      key: 'address',
      title: t('partners.addresses.fields.address'),
      render: (_, a) => addressText(a, language, { withCountry: false }),
    },
    {
      key: 'country',
      title: t('partners.fields.country'),
      width: 150,
      render: (_, a) => <span className="nowrap">{countryText(a.country, language)}</span>,
    },
    {
      key: 'active',
      title: t('partners.common.status'),
      width: 90,
      render: (_, a) => <ActiveTag active={a.active} />,
    },
    ...(mayManage ? [rowActions<CustomerAddress>(t, setEditing, 'address')] : []),
  ];

  return (
    <Card
      size="small"
      className="section-card"
      title={t('partners.addresses.title', { count: active.length })}
      extra={
        <Flex gap={12} align="center" wrap>
          <ShowInactive
            count={customer.addresses.length - active.length}
            checked={showInactive}
            onChange={setShowInactive}
            testId="addresses-show-inactive"
          />
          {mayManage && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ kind: 'add' })}
              data-testid="address-add"
            >
              {t('partners.addresses.add')}
            </Button>
          )}
        </Flex>
      }
      data-testid="customer-addresses"
    >
      <Table<CustomerAddress>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 860 }}
        rowClassName={(a) => (a.active ? '' : 'row-inactive')}
        locale={{ emptyText: t('partners.addresses.empty') }}
        data-testid="addresses-table"
      />
      {editing && (
        <AddressModal customer={customer} editing={editing} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}

function rowActions<T extends { id: string; active: boolean }>(
  t: TFunction,
  setEditing: (editing: Editing<T>) => void,
  what: 'address' | 'contact',
) {
  return {
    key: 'actions',
    title: t('common.actions'),
    width: 190,
    render: (_: unknown, row: T) => (
      <Flex gap={4} wrap>
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => setEditing({ kind: 'edit', row })}
          data-testid={`${what}-edit`}
        >
          {t('partners.actions.edit')}
        </Button>
        <Button
          size="small"
          danger={row.active}
          icon={row.active ? <StopOutlined /> : <CheckCircleOutlined />}
          onClick={() => setEditing({ kind: 'toggle', row })}
          data-testid={row.active ? `${what}-deactivate` : `${what}-activate`}
        >
          {row.active ? t('partners.actions.deactivate') : t('partners.actions.reactivate')}
        </Button>
      </Flex>
    ),
  };
}

function AddressModal({
  customer,
  editing,
  onClose,
}: {
  customer: CustomerDetail;
  editing: Editing<CustomerAddress>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const change = useChangeCustomer(customer.id);

  if (editing.kind === 'toggle') {
    const { row } = editing;
    const label = row.active ? t('partners.actions.deactivate') : t('partners.actions.reactivate');
    return (
      <ReasonModal
        open
        danger={row.active}
        title={`${label} · ${row.label}`}
        okText={label}
        testId="address-status-change"
        description={
          <Alert
            type={row.active ? 'warning' : 'info'}
            showIcon
            title={
              row.active
                ? t('partners.addresses.deactivateDescription', {
                    address: addressText(row, language),
                  })
                : t('partners.addresses.reactivateDescription')
            }
          />
        }
        onSubmit={async ({ reason }) => {
          await change.mutateAsync({
            kind: 'update-address',
            addressId: row.id,
            body: { active: !row.active, reason },
          });
          void message.success(t('partners.actions.done', { action: label }));
        }}
        onClose={onClose}
      />
    );
  }

  const row = editing.kind === 'edit' ? editing.row : undefined;
  const initialValues: Partial<AddressValues> = row
    ? {
        label: row.label,
        line1: row.line1,
        line2: row.line2 ?? '',
        city: row.city,
        region: row.region ?? '',
        postcode: row.postcode ?? '',
        country: row.country,
      }
    : { country: customer.country };
  return (
    <ReasonModal<AddressValues>
      open
      title={
        row
          ? `${t('partners.addresses.edit')} · ${row.label}`
          : t('partners.addresses.addTitle', { code: customer.code })
      }
      okText={row ? t('partners.actions.save') : t('partners.addresses.add')}
      testId="address-form"
      width={640}
      initialValues={initialValues}
      onSubmit={async ({ reason, ...values }) => {
        const body = { ...addressOf(values), reason };
        await change.mutateAsync(
          row ? { kind: 'update-address', addressId: row.id, body } : { kind: 'add-address', body },
        );
        void message.success(row ? t('partners.actions.saved') : t('partners.addresses.added'));
      }}
      onClose={onClose}
    >
      <AddressFields />
    </ReasonModal>
  );
}

// ---------------------------------------------------------------- contacts

export function CustomerContactsSection({
  customer,
  mayManage,
}: {
  customer: CustomerDetail;
  mayManage: boolean;
}) {
  const { t } = useTranslation();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Editing<CustomerContact> | null>(null);
  const active = customer.contacts.filter((c) => c.active);
  const rows = showInactive ? customer.contacts : active;
  const recall = active.filter((c) => c.recallNotices).length;

  const columns: TableProps<CustomerContact>['columns'] = [
    {
      key: 'name',
      title: t('partners.contacts.fields.name'),
      width: 200,
      render: (_, c) => (
        <Flex vertical>
          <span data-testid="contact-row-name">{c.name}</span>
          {c.role && (
            <Typography.Text type="secondary" className="item-name-other">
              {c.role}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'phone',
      title: t('partners.fields.phone'),
      width: 180,
      render: (_, c) => <span className="nowrap">{dash(c.phone)}</span>,
    },
    {
      key: 'email',
      title: t('partners.fields.email'),
      render: (_, c) => (c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : dash(null)),
    },
    {
      key: 'recallNotices',
      title: t('partners.contacts.fields.recallNoticesShort'),
      width: 150,
      render: (_, c) =>
        c.recallNotices ? (
          <Tag color="volcano" icon={<NotificationOutlined />} data-testid="contact-recall">
            {t('partners.contacts.recallYes')}
          </Tag>
        ) : (
          <Typography.Text type="secondary">{t('partners.contacts.recallNo')}</Typography.Text>
        ),
    },
    {
      key: 'active',
      title: t('partners.common.status'),
      width: 90,
      render: (_, c) => <ActiveTag active={c.active} />,
    },
    ...(mayManage ? [rowActions<CustomerContact>(t, setEditing, 'contact')] : []),
  ];

  return (
    <Card
      size="small"
      className="section-card"
      title={t('partners.contacts.title', { count: active.length })}
      extra={
        <Flex gap={12} align="center" wrap>
          <ShowInactive
            count={customer.contacts.length - active.length}
            checked={showInactive}
            onChange={setShowInactive}
            testId="contacts-show-inactive"
          />
          {mayManage && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ kind: 'add' })}
              data-testid="contact-add"
            >
              {t('partners.contacts.add')}
            </Button>
          )}
        </Flex>
      }
      data-testid="customer-contacts"
    >
      {customer.status === 'active' && recall === 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('partners.contacts.noRecallContact')}
          style={{ marginBottom: 12 }}
          data-testid="contacts-no-recall"
        />
      )}
      <Table<CustomerContact>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        rowClassName={(c) => (c.active ? '' : 'row-inactive')}
        locale={{ emptyText: t('partners.contacts.empty') }}
        data-testid="contacts-table"
      />
      {editing && (
        <ContactModal customer={customer} editing={editing} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}

function ContactModal({
  customer,
  editing,
  onClose,
}: {
  customer: CustomerDetail;
  editing: Editing<CustomerContact>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const change = useChangeCustomer(customer.id);

  if (editing.kind === 'toggle') {
    const { row } = editing;
    const label = row.active ? t('partners.actions.deactivate') : t('partners.actions.reactivate');
    return (
      <ReasonModal
        open
        danger={row.active}
        title={`${label} · ${row.name}`}
        okText={label}
        testId="contact-status-change"
        description={
          <Alert
            type={row.active ? 'warning' : 'info'}
            showIcon
            title={
              row.active
                ? t('partners.contacts.deactivateDescription', { name: row.name })
                : t('partners.contacts.reactivateDescription')
            }
          />
        }
        onSubmit={async ({ reason }) => {
          await change.mutateAsync({
            kind: 'update-contact',
            contactId: row.id,
            body: { active: !row.active, reason },
          });
          void message.success(t('partners.actions.done', { action: label }));
        }}
        onClose={onClose}
      />
    );
  }

  const row = editing.kind === 'edit' ? editing.row : undefined;
  const initialValues: Partial<ContactValues> = row
    ? {
        name: row.name,
        role: row.role ?? '',
        phone: row.phone ?? '',
        email: row.email ?? '',
        recallNotices: row.recallNotices,
      }
    : { recallNotices: true };
  return (
    <ReasonModal<ContactValues>
      open
      title={
        row
          ? `${t('partners.contacts.edit')} · ${row.name}`
          : t('partners.contacts.addTitle', { code: customer.code })
      }
      okText={row ? t('partners.actions.save') : t('partners.contacts.add')}
      testId="contact-form"
      width={640}
      initialValues={initialValues}
      onSubmit={async ({ reason, ...values }) => {
        const body = { ...contactOf(values), reason };
        await change.mutateAsync(
          row ? { kind: 'update-contact', contactId: row.id, body } : { kind: 'add-contact', body },
        );
        void message.success(row ? t('partners.actions.saved') : t('partners.contacts.added'));
      }}
      onClose={onClose}
    >
      <ContactFields />
    </ReasonModal>
  );
}

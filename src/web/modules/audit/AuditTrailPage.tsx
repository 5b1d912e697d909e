import { ClearOutlined, DownloadOutlined } from '@ant-design/icons';
import {
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Flex,
  Input,
  Select,
  Table,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchFilters } from '../../use-search-filters.ts';
import { Link } from 'react-router';
import type { AuditEntry } from '../../../shared/audit.contract.ts';
import { auditExportUrl, useAudit, type AuditFilters } from '../../api/audit.ts';
import { useUser, useUsers } from '../../api/users.ts';
import { useCan } from '../../auth/session.ts';
import { AuditEntryDetails } from '../../components/AuditEntryDetails.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTimeShort } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { AuditActor } from './AuditActor.tsx';
import {
  KNOWN_AUDIT_ACTIONS,
  KNOWN_ENTITY_TYPES,
  auditActionLabel,
  entityPath,
  entityTypeLabel,
} from './audit-labels.ts';

const FILTER_KEYS = ['entityType', 'entityId', 'actorId', 'action', 'from', 'to', 'q'] as const;
const PAGE_SIZES = [20, 50, 100];

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function AuditTrailPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const mayExport = useCan('audit.export');
  const mayReadUsers = useCan('user.read');
  const mayReadRoles = useCan('role.read');
  const mayReadItems = useCan('item.read');
  const [params, update] = useSearchFilters();

  const filters: AuditFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('size'), PAGE_SIZES[0] ?? 20);
  const audit = useAudit(filters, { limit: pageSize, offset: (page - 1) * pageSize });
  const filtered = Object.keys(filters).length > 0;

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      key: 'seq',
      title: t('audit.columns.seq'),
      width: 72,
      align: 'right',
      render: (_, entry) => (
        <span className="mono" data-testid="audit-seq">
          {entry.seq}
        </span>
      ),
    },
    {
      key: 'at',
      title: t('audit.columns.at'),
      width: 170,
      render: (_, entry) => (
        <time dateTime={entry.at} className="nowrap">
          {formatDateTimeShort(entry.at, language)}
        </time>
      ),
    },
    {
      key: 'actor',
      title: t('audit.columns.actor'),
      width: 210,
      render: (_, entry) => <AuditActor entry={entry} />,
    },
    {
      key: 'action',
      title: t('audit.columns.action'),
      width: 230,
      render: (_, entry) => (
        <Flex vertical data-testid="audit-action" data-action={entry.action}>
          <span>{auditActionLabel(entry.action, t)}</span>
          <Typography.Text type="secondary" className="mono audit-code">
            {entry.action}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'entity',
      title: t('audit.columns.entity'),
      width: 300,
      render: (_, entry) => {
        const path = entityPath(entry.entityType, entry.entityId);
        const mayOpen =
          entry.entityType === 'user'
            ? mayReadUsers
            : entry.entityType === 'item'
              ? mayReadItems
              : mayReadRoles;
        return (
          <Flex vertical>
            <span>{entityTypeLabel(entry.entityType, t)}</span>
            {entry.entityId &&
              (path && mayOpen ? (
                <Link to={path} className="mono audit-code">
                  {entry.entityId}
                </Link>
              ) : (
                <Typography.Text type="secondary" className="mono audit-code">
                  {entry.entityId}
                </Typography.Text>
              ))}
          </Flex>
        );
      },
    },
    {
      key: 'reason',
      title: t('audit.columns.reason'),
      render: (_, entry) => entry.reason ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
  ];

  return (
    <Page
      title={t('audit.title')}
      extra={
        mayExport && (
          <Button
            icon={<DownloadOutlined />}
            href={auditExportUrl(filters)}
            download
            data-testid="audit-export"
          >
            {t('audit.export')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" className="page-lead">
        {t('audit.lead')}
      </Typography.Paragraph>
      <Card size="small">
        <Flex gap={8} wrap className="table-toolbar" data-testid="audit-filters">
          <AutoComplete
            key={`entityType-${filters.entityType ?? ''}`}
            defaultValue={filters.entityType}
            allowClear
            placeholder={t('audit.filters.entityType')}
            options={KNOWN_ENTITY_TYPES.map((type) => ({
              value: type,
              label: `${entityTypeLabel(type, t)} (${type})`,
            }))}
            onSelect={(value: string) => update({ entityType: value })}
            onClear={() => update({ entityType: undefined })}
            onBlur={(event) =>
              update({ entityType: (event.target as HTMLInputElement).value.trim() || undefined })
            }
            style={{ width: 180 }}
            data-testid="audit-filter-entityType"
          />
          <TextFilter
            value={filters.entityId}
            placeholder={t('audit.filters.entityId')}
            onCommit={(value) => update({ entityId: value })}
            width={220}
            testId="audit-filter-entityId"
          />
          {mayReadUsers ? (
            <ActorSelect value={filters.actorId} onChange={(value) => update({ actorId: value })} />
          ) : (
            <TextFilter
              value={filters.actorId}
              placeholder={t('audit.filters.actorId')}
              onCommit={(value) => update({ actorId: value })}
              width={220}
              testId="audit-filter-actor"
            />
          )}
          <AutoComplete
            key={`action-${filters.action ?? ''}`}
            defaultValue={filters.action}
            allowClear
            placeholder={t('audit.filters.action')}
            options={KNOWN_AUDIT_ACTIONS.map((action) => ({
              value: action,
              label: (
                <Flex justify="space-between" gap={8}>
                  <span>{auditActionLabel(action, t)}</span>
                  <Typography.Text type="secondary" className="mono audit-code">
                    {action}
                  </Typography.Text>
                </Flex>
              ),
            }))}
            filterOption={(input, option) =>
              !!option &&
              (option.value.includes(input.toLowerCase()) ||
                auditActionLabel(option.value, t).toLowerCase().includes(input.toLowerCase()))
            }
            onSelect={(value: string) => update({ action: value })}
            onClear={() => update({ action: undefined })}
            onBlur={(event) =>
              update({ action: (event.target as HTMLInputElement).value.trim() || undefined })
            }
            popupMatchSelectWidth={340}
            style={{ width: 220 }}
            data-testid="audit-filter-action"
          />
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            allowEmpty={[true, true]}
            value={[
              filters.from ? dayjs(filters.from) : null,
              filters.to ? dayjs(filters.to) : null,
            ]}
            onChange={(range) => {
              const [from, to] = range ?? [null, null];
              update({
                from: from ? from.toISOString() : undefined,
                to: to ? to.toISOString() : undefined,
              });
            }}
            placeholder={[t('audit.filters.from'), t('audit.filters.to')]}
            data-testid="audit-filter-range"
          />
          <TextFilter
            value={filters.q}
            placeholder={t('audit.filters.q')}
            onCommit={(value) => update({ q: value })}
            width={200}
            testId="audit-filter-q"
            search
          />
          {filtered && (
            <Button
              icon={<ClearOutlined />}
              onClick={() => update(Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined])))}
              data-testid="audit-filters-reset"
            >
              {t('audit.filters.reset')}
            </Button>
          )}
        </Flex>
        {audit.isError && (
          <ProblemAlert
            error={audit.error}
            onRetry={() => void audit.refetch()}
            style={{ marginBottom: 12 }}
          />
        )}
        <Table<AuditEntry>
          size="small"
          rowKey="seq"
          columns={columns}
          dataSource={audit.data?.items ?? []}
          loading={audit.isFetching}
          expandable={{
            expandedRowRender: (entry) => <AuditEntryDetails entry={entry} />,
          }}
          locale={{
            emptyText: audit.isPending
              ? t('common.loading')
              : filtered
                ? t('audit.noMatch')
                : t('audit.empty'),
          }}
          pagination={{
            current: page,
            pageSize,
            total: audit.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextSize) =>
              update({ page: nextSize === pageSize ? nextPage : 1, size: nextSize }),
          }}
          data-testid="audit-table"
        />
      </Card>
    </Page>
  );
}

/** A text filter that applies on Enter, on leaving the field, or on clearing it. */
function TextFilter({
  value,
  placeholder,
  onCommit,
  width,
  testId,
  search = false,
}: {
  value: string | undefined;
  placeholder: string;
  onCommit: (value: string | undefined) => void;
  width: number;
  testId: string;
  search?: boolean;
}) {
  const [text, setText] = useState(value ?? '');
  const [committed, setCommitted] = useState(value ?? '');
  // The address changed (Back, reset): show what it says.
  if ((value ?? '') !== committed) {
    setCommitted(value ?? '');
    setText(value ?? '');
  }
  const commit = (next: string) => {
    const trimmed = next.trim();
    if (trimmed !== (value ?? '')) onCommit(trimmed || undefined);
  };
  const props = {
    value: text,
    placeholder,
    allowClear: true,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      setText(event.target.value);
      if (event.target.value === '') commit('');
    },
    onPressEnter: () => commit(text),
    onBlur: () => commit(text),
    style: { width },
    'data-testid': testId,
  };
  return search ? <Input.Search {...props} onSearch={commit} /> : <Input {...props} />;
}

/** Pick a person by name; the filter holds their id. */
function ActorSelect({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const users = useUsers({ q: search.trim() || undefined, limit: 20, offset: 0 });
  const selected = useSelectedUser(value);
  const options = (users.data?.items ?? []).map((user) => ({
    value: user.id,
    label: `${user.fullName} (${user.username})`,
  }));
  if (value && selected && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: selected });
  }
  return (
    <Select<string>
      allowClear
      value={value}
      placeholder={t('audit.filters.actor')}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      onChange={(next) => {
        setSearch('');
        onChange(next);
      }}
      loading={users.isFetching}
      options={options}
      notFoundContent={users.isPending ? t('common.loading') : t('audit.filters.noUsers')}
      style={{ width: 240 }}
      data-testid="audit-filter-actor"
    />
  );
}

/** The label of the person a saved filter names, though they may not be on the first page of users. */
function useSelectedUser(id: string | undefined): string | undefined {
  const user = useUser(id ?? '', { enabled: Boolean(id) });
  if (!id) return undefined;
  return user.data ? `${user.data.fullName} (${user.data.username})` : id;
}

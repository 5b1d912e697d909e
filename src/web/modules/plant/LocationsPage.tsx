import {
  ApartmentOutlined,
  CheckCircleOutlined,
  EditOutlined,
  ImportOutlined,
  PlusOutlined,
  StopOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Segmented,
  Select,
  Skeleton,
  Switch,
  Table,
  Tree,
  Typography,
} from 'antd';
import type { DescriptionsProps, TableProps, TreeDataNode } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHILD_LEVEL,
  LOCATION_KINDS,
  LOCATION_LEVELS,
  PARENT_LEVEL,
  locationKeys,
  useLocation,
  useLocations,
  useLocationTree,
  useUpdateLocation,
  type Location,
  type LocationKind,
  type LocationLevel,
  type LocationTreeNode,
} from '../../api/plant.ts';
import { useCan } from '../../auth/session.ts';
import { CsvImportDialog } from '../../components/CsvImportDialog.tsx';
import { ExportCsvButton } from '../../components/ExportCsvButton.tsx';
import { HistoryPanel } from '../../components/HistoryPanel.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { formatDateTime } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { PAGE_SIZES, booleanParam, oneOf, pageOf } from '../../list-params.ts';
import { useSearchFilters } from '../../use-search-filters.ts';
import { LocationDrawer, LocationNameFields } from './LocationDrawer.tsx';
import { ancestorIds, filterTree, flattenTree, plantNames } from './plant-format.ts';
import { InactiveTag, KindTag, LevelTag, PlantName } from './plant-tags.tsx';

type View = 'tree' | 'list';
const VIEWS: readonly View[] = ['tree', 'list'];

/** What a drawer or dialog of the page is doing. */
type Action =
  | { kind: 'create'; parent: LocationTreeNode | null; level: LocationLevel }
  | { kind: 'edit'; location: Location }
  | { kind: 'active'; location: Location; active: boolean };

export function LocationsPage() {
  const { t } = useTranslation();
  const mayManage = useCan('location.manage');
  const [params, update] = useSearchFilters();
  const [action, setAction] = useState<Action | null>(null);
  const [importing, setImporting] = useState(false);
  const view = oneOf(VIEWS, params.get('view')) ?? 'tree';
  const selected = params.get('selected') ?? undefined;
  // The export follows the list's filters; from the tree, it has every location.
  const exportFilters =
    view === 'list'
      ? {
          q: params.get('q') || undefined,
          level: oneOf(LOCATION_LEVELS, params.get('level')),
          kind: oneOf(LOCATION_KINDS, params.get('kind')),
          active: booleanParam(params.get('active')),
        }
      : {};

  return (
    <Page
      title={t('plant.locations.title')}
      extra={
        <Flex gap={8} wrap>
          <Segmented<View>
            value={view}
            onChange={(value) => update({ view: value === 'tree' ? undefined : value })}
            options={[
              {
                value: 'tree',
                label: t('plant.locations.views.tree'),
                icon: <ApartmentOutlined />,
              },
              {
                value: 'list',
                label: t('plant.locations.views.list'),
                icon: <UnorderedListOutlined />,
              },
            ]}
            data-testid="locations-view"
          />
          <ExportCsvButton entity="locations" filters={exportFilters} testId="locations-export" />
          {mayManage && (
            <Button
              icon={<ImportOutlined />}
              onClick={() => setImporting(true)}
              data-testid="locations-import"
            >
              {t('csv.import.open')}
            </Button>
          )}
          {mayManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAction({ kind: 'create', parent: null, level: 'site' })}
              data-testid="new-site"
            >
              {t('plant.locations.newSite')}
            </Button>
          )}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" className="page-lead">
        {t('plant.locations.lead')}
      </Typography.Paragraph>
      {view === 'tree' ? (
        <LocationTreeView
          selected={selected}
          onSelect={(id) => update({ selected: id })}
          onAction={setAction}
        />
      ) : (
        <LocationListView
          onOpen={(id) => update({ view: undefined, selected: id, q: undefined })}
        />
      )}
      {action?.kind === 'create' && (
        <LocationDrawer
          parent={action.parent}
          level={action.level}
          onClose={() => setAction(null)}
          onCreated={(location) => {
            setAction(null);
            update({ view: undefined, selected: location.id });
          }}
        />
      )}
      {action?.kind === 'edit' && (
        <EditLocationModal location={action.location} onClose={() => setAction(null)} />
      )}
      {action?.kind === 'active' && (
        <LocationActiveModal
          location={action.location}
          active={action.active}
          onClose={() => setAction(null)}
          // A deactivated location stays in view: the tree then shows inactive ones too.
          onDone={(active) => {
            if (!active) update({ inactive: 'true' });
          }}
        />
      )}
      <CsvImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        entity="locations"
        title={t('plant.locations.importTitle')}
        invalidate={[locationKeys.all]}
        testId="locations-import"
      />
    </Page>
  );
}

// ---------------------------------------------------------------- tree

function LocationTitle({ node }: { node: LocationTreeNode }) {
  const language = useLanguage();
  return (
    <span
      className={node.active ? 'location-node' : 'location-node location-node-inactive'}
      data-testid={`location-node-${node.code}`}
    >
      <span className="mono location-node-code">{node.code}</span>
      <span className="location-node-name">{plantNames(node, language).primary}</span>
      <LevelTag level={node.level} />
      <KindTag kind={node.kind} />
      {!node.active && <InactiveTag />}
    </span>
  );
}

function toTreeData(nodes: readonly LocationTreeNode[]): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.id,
    title: <LocationTitle node={node} />,
    children: toTreeData(node.children),
  }));
}

function LocationTreeView({
  selected,
  onSelect,
  onAction,
}: {
  selected: string | undefined;
  onSelect: (id: string | undefined) => void;
  onAction: (action: Action) => void;
}) {
  const { t } = useTranslation();
  const [params, update] = useSearchFilters();
  const includeInactive = params.get('inactive') === 'true';
  const query = params.get('q') ?? '';
  const tree = useLocationTree(includeInactive);
  const nodes = useMemo(() => tree.data?.items ?? [], [tree.data]);
  const shown = useMemo(() => filterTree(nodes, query), [nodes, query]);
  const all = useMemo(() => flattenTree(nodes), [nodes]);
  const [expanded, setExpanded] = useState<string[] | null>(null);

  // At first, sites and warehouses are open (their zones show); a search opens every match.
  const defaultExpanded = useMemo(
    () =>
      flattenTree(shown)
        .filter(({ node, depth }) => (query ? node.children.length > 0 : depth < 2))
        .map(({ node }) => node.id),
    [shown, query],
  );
  useEffect(() => setExpanded(null), [query]);
  // The selected location's branch is open, whether it was chosen here or linked to.
  const path = selected ? ancestorIds(nodes, selected) : [];
  const expandedKeys = [...new Set([...(expanded ?? defaultExpanded), ...path])];
  const node = selected ? all.find((entry) => entry.node.id === selected)?.node : undefined;

  return (
    <div className="locations-layout">
      <Card size="small" className="locations-tree-card" data-testid="locations-tree-card">
        <Flex gap={8} wrap align="center" className="table-toolbar">
          <Input.Search
            key={query}
            defaultValue={query}
            allowClear
            placeholder={t('plant.locations.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim(), selected: selected })}
            style={{ flex: '1 1 200px' }}
            data-testid="locations-search"
          />
          <label className="inline-switch">
            <Switch
              size="small"
              checked={includeInactive}
              onChange={(checked) =>
                update({ inactive: checked ? 'true' : undefined, selected: selected })
              }
              data-testid="locations-show-inactive"
            />
            <span>{t('plant.locations.showInactive')}</span>
          </label>
        </Flex>
        {tree.isError && (
          <ProblemAlert
            error={tree.error}
            onRetry={() => void tree.refetch()}
            style={{ marginBottom: 12 }}
          />
        )}
        {tree.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : shown.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={query ? t('plant.locations.noMatch') : t('plant.locations.empty')}
          />
        ) : (
          <Tree
            showLine
            blockNode
            treeData={toTreeData(shown)}
            expandedKeys={expandedKeys}
            onExpand={(keys) => setExpanded(keys.map(String))}
            selectedKeys={selected ? [selected] : []}
            onSelect={(keys) => onSelect(keys[0] === undefined ? undefined : String(keys[0]))}
            className="locations-tree"
            data-testid="locations-tree"
          />
        )}
      </Card>
      <div className="locations-detail">
        {node ? (
          <LocationPanel node={node} onSelect={onSelect} onAction={onAction} />
        ) : (
          <Card size="small">
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('plant.locations.selectHint')}
              data-testid="location-none-selected"
            />
          </Card>
        )}
      </div>
      {/* Below both columns: the audit table needs the page's width. */}
      {node && (
        <div className="locations-history">
          <HistoryPanel entityType="location" entityId={node.id} />
        </div>
      )}
    </div>
  );
}

function LocationPanel({
  node,
  onSelect,
  onAction,
}: {
  node: LocationTreeNode;
  onSelect: (id: string) => void;
  onAction: (action: Action) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mayManage = useCan('location.manage');
  const location = useLocation(node.id);
  const childLevel = CHILD_LEVEL[node.level];
  const when = (value: string) => <time dateTime={value}>{formatDateTime(value, language)}</time>;
  const names = plantNames(node, language);

  const fields: DescriptionsProps['items'] = [
    {
      key: 'code',
      label: t('plant.locations.fields.code'),
      children: (
        <span className="mono" data-testid="location-code">
          {node.code}
        </span>
      ),
    },
    {
      key: 'path',
      label: t('plant.locations.fields.path'),
      children: (
        <span className="mono" data-testid="location-path">
          {node.path}
        </span>
      ),
    },
    { key: 'nameZh', label: t('plant.fields.nameZh'), children: node.nameZh },
    { key: 'nameEn', label: t('plant.fields.nameEn'), children: node.nameEn },
    {
      key: 'level',
      label: t('plant.locations.fields.level'),
      children: <LevelTag level={node.level} />,
    },
    {
      key: 'kind',
      label: t('plant.locations.fields.kind'),
      children: <KindTag kind={node.kind} />,
    },
    {
      key: 'status',
      label: t('plant.common.status'),
      children: node.active ? t('plant.common.active') : <InactiveTag />,
    },
    ...(location.data
      ? [
          {
            key: 'updatedAt',
            label: t('plant.fields.updatedAt'),
            children: when(location.data.updatedAt),
          },
        ]
      : []),
  ];

  const childColumns: TableProps<LocationTreeNode>['columns'] = [
    {
      key: 'code',
      title: t('plant.locations.fields.code'),
      width: 140,
      render: (_, child) => (
        <Button
          type="link"
          size="small"
          className="inline-link mono"
          onClick={() => onSelect(child.id)}
          data-testid={`location-child-${child.code}`}
        >
          {child.code}
        </Button>
      ),
    },
    {
      key: 'name',
      title: t('plant.fields.name'),
      render: (_, child) => <PlantName thing={child} language={language} />,
    },
    {
      key: 'kind',
      title: t('plant.locations.fields.kind'),
      width: 150,
      render: (_, child) => (
        <Flex gap={4} wrap>
          <KindTag kind={child.kind} />
          {!child.active && <InactiveTag />}
        </Flex>
      ),
    },
  ];

  return (
    <Card
      size="small"
      className="section-card"
      title={<span data-testid="location-title">{`${node.code} · ${names.primary}`}</span>}
      extra={
        mayManage && (
          <Flex gap={8} wrap data-testid="location-actions">
            {childLevel && node.active && (
              <Button
                size="small"
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => onAction({ kind: 'create', parent: node, level: childLevel })}
                data-testid="location-add-child"
              >
                {t(`plant.locations.addChild.${childLevel}`)}
              </Button>
            )}
            <Button
              size="small"
              icon={<EditOutlined />}
              disabled={!location.data}
              onClick={() => location.data && onAction({ kind: 'edit', location: location.data })}
              data-testid="location-edit"
            >
              {t('plant.actions.edit')}
            </Button>
            {location.data && (
              <Button
                size="small"
                danger={node.active}
                icon={node.active ? <StopOutlined /> : <CheckCircleOutlined />}
                onClick={() =>
                  location.data &&
                  onAction({ kind: 'active', location: location.data, active: !node.active })
                }
                data-testid={node.active ? 'location-deactivate' : 'location-activate'}
              >
                {node.active ? t('plant.actions.deactivate') : t('plant.actions.reactivate')}
              </Button>
            )}
          </Flex>
        )
      }
      data-testid="location-panel"
    >
      {!node.active && (
        <Alert
          type="warning"
          showIcon
          title={t('plant.locations.inactiveNote')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={1}
        items={fields}
        styles={{ label: { width: 160 } }}
        data-testid="location-details"
      />
      {childLevel && (
        <>
          <Typography.Text strong className="form-section-title location-children-title">
            {t(`plant.locations.children.${childLevel}`, { count: node.children.length })}
          </Typography.Text>
          <Table<LocationTreeNode>
            size="small"
            rowKey="id"
            columns={childColumns}
            dataSource={node.children}
            // The rows are the next level only: no nested rows from their own children.
            expandable={{ childrenColumnName: 'noNestedRows' }}
            pagination={node.children.length > 10 ? { pageSize: 10, size: 'small' } : false}
            locale={{ emptyText: t('plant.locations.noChildren') }}
            data-testid="location-children"
          />
        </>
      )}
    </Card>
  );
}

// ---------------------------------------------------------------- list

function LocationListView({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, update] = useSearchFilters();
  const filters = {
    q: params.get('q') || undefined,
    level: oneOf(LOCATION_LEVELS, params.get('level')),
    kind: oneOf(LOCATION_KINDS, params.get('kind')),
    active: booleanParam(params.get('active')),
  };
  const { page, pageSize, limit, offset } = pageOf(params);
  const locations = useLocations({ ...filters, limit, offset });
  const filtered = Object.values(filters).some((value) => value !== undefined);

  const columns: TableProps<Location>['columns'] = [
    {
      key: 'code',
      title: t('plant.locations.fields.code'),
      width: 150,
      render: (_, location) => (
        <Button
          type="link"
          size="small"
          className="inline-link mono"
          onClick={() => onOpen(location.id)}
          data-testid={`location-link-${location.code}`}
        >
          {location.code}
        </Button>
      ),
    },
    {
      key: 'name',
      title: t('plant.fields.name'),
      render: (_, location) => <PlantName thing={location} language={language} />,
    },
    {
      key: 'level',
      title: t('plant.locations.fields.level'),
      width: 100,
      render: (_, location) => <LevelTag level={location.level} />,
    },
    {
      key: 'kind',
      title: t('plant.locations.fields.kind'),
      width: 150,
      render: (_, location) => <KindTag kind={location.kind} />,
    },
    {
      key: 'path',
      title: t('plant.locations.fields.path'),
      render: (_, location) => <span className="mono nowrap">{location.path}</span>,
    },
    {
      key: 'active',
      title: t('plant.common.status'),
      width: 90,
      render: (_, location) => (location.active ? t('plant.common.active') : <InactiveTag />),
    },
  ];

  return (
    <Card size="small">
      <Flex gap={8} wrap className="table-toolbar" data-testid="locations-filters">
        <Input.Search
          key={filters.q ?? ''}
          defaultValue={filters.q}
          allowClear
          placeholder={t('plant.locations.searchPlaceholder')}
          onSearch={(value) => update({ q: value.trim() })}
          style={{ width: 280 }}
          data-testid="locations-list-search"
        />
        <Select<LocationLevel>
          allowClear
          placeholder={t('plant.locations.allLevels')}
          value={filters.level}
          onChange={(value) => update({ level: value })}
          options={LOCATION_LEVELS.map((value) => ({
            value,
            label: t(`plant.locationLevel.${value}`),
          }))}
          style={{ width: 140 }}
          data-testid="locations-filter-level"
        />
        <Select<LocationKind>
          allowClear
          placeholder={t('plant.locations.allKinds')}
          value={filters.kind}
          onChange={(value) => update({ kind: value })}
          options={LOCATION_KINDS.map((value) => ({
            value,
            label: t(`plant.locationKind.${value}`),
          }))}
          style={{ width: 170 }}
          data-testid="locations-filter-kind"
        />
        <Select<'true' | 'false'>
          allowClear
          placeholder={t('plant.locations.allStatuses')}
          value={filters.active === undefined ? undefined : filters.active ? 'true' : 'false'}
          onChange={(value) => update({ active: value })}
          options={[
            { value: 'true', label: t('plant.common.active') },
            { value: 'false', label: t('plant.common.inactive') },
          ]}
          style={{ width: 130 }}
          data-testid="locations-filter-active"
        />
      </Flex>
      {locations.isError && (
        <ProblemAlert
          error={locations.error}
          onRetry={() => void locations.refetch()}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<Location>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={locations.data?.items ?? []}
        loading={locations.isFetching}
        scroll={{ x: 960 }}
        rowClassName={(location) => (location.active ? '' : 'row-inactive')}
        locale={{
          emptyText: locations.isPending
            ? t('common.loading')
            : filtered
              ? t('plant.locations.noMatch')
              : t('plant.locations.empty'),
        }}
        pagination={{
          current: page,
          pageSize,
          total: locations.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (nextPage, nextSize) =>
            update({ page: nextSize === pageSize ? nextPage : 1, size: nextSize }),
        }}
        data-testid="locations-table"
      />
    </Card>
  );
}

// ---------------------------------------------------------------- changes

interface EditLocationValues {
  nameZh: string;
  nameEn: string;
  kind: LocationKind;
  parentId?: string;
}

function EditLocationModal({ location, onClose }: { location: Location; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const save = useUpdateLocation(location.id);
  const parentLevel = PARENT_LEVEL[location.level];
  const parents = useLocations(
    { level: parentLevel ?? undefined, active: true, limit: 200, offset: 0 },
    { enabled: parentLevel !== null },
  );
  const initialValues: EditLocationValues = {
    nameZh: location.nameZh,
    nameEn: location.nameEn,
    kind: location.kind,
    ...(location.parentId ? { parentId: location.parentId } : {}),
  };
  return (
    <ReasonModal<EditLocationValues>
      open
      title={`${t('plant.actions.edit')} · ${location.code}`}
      okText={t('plant.actions.save')}
      testId="location-edit"
      width={640}
      description={<Alert type="info" title={t('plant.locations.editDescription')} />}
      initialValues={initialValues}
      onSubmit={async ({ reason, ...values }) => {
        await save.mutateAsync({
          nameZh: values.nameZh.trim(),
          nameEn: values.nameEn.trim(),
          kind: values.kind,
          ...(values.parentId && values.parentId !== location.parentId
            ? { parentId: values.parentId }
            : {}),
          reason,
        });
        void message.success(t('plant.actions.saved'));
      }}
      onClose={onClose}
    >
      <LocationNameFields />
      {parentLevel && (
        <Form.Item
          name="parentId"
          label={t('plant.locations.fields.parent')}
          extra={t('plant.locations.moveHelp', { level: t(`plant.locationLevel.${parentLevel}`) })}
          rules={[{ required: true }]}
        >
          <Select<string>
            showSearch={{ optionFilterProp: 'search' }}
            loading={parents.isFetching}
            options={(parents.data?.items ?? []).map((parent) => ({
              value: parent.id,
              search: `${parent.path} ${parent.nameZh} ${parent.nameEn}`,
              label: (
                <span className="option-with-code">
                  <span className="mono">{parent.path}</span>
                  <span>{plantNames(parent, language).primary}</span>
                </span>
              ),
            }))}
            data-testid="parentId"
          />
        </Form.Item>
      )}
    </ReasonModal>
  );
}

function LocationActiveModal({
  location,
  active,
  onClose,
  onDone,
}: {
  location: Location;
  active: boolean;
  onClose: () => void;
  onDone: (active: boolean) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const save = useUpdateLocation(location.id);
  const label = active ? t('plant.actions.reactivate') : t('plant.actions.deactivate');
  const name = `${location.code} ${plantNames(location, language).primary}`;
  return (
    <ReasonModal
      open
      danger={!active}
      title={`${label} · ${location.code}`}
      okText={label}
      testId="location-status-change"
      description={
        <Alert
          type={active ? 'info' : 'warning'}
          showIcon
          title={
            active
              ? t('plant.locations.reactivateDescription', { name })
              : t('plant.locations.deactivateDescription', { name })
          }
        />
      }
      onSubmit={async ({ reason }) => {
        await save.mutateAsync({ active, reason });
        onDone(active);
        void message.success(t('plant.actions.done', { action: label }));
      }}
      onClose={onClose}
    />
  );
}

import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  EQUIPMENT_STATUSES,
  equipmentKeys,
  useEquipmentList,
  type Equipment,
  type EquipmentFilters,
  type EquipmentStatus,
} from '../../api/plant.ts';
import { useCan } from '../../auth/session.ts';
import { CsvImportDialog } from '../../components/CsvImportDialog.tsx';
import { ExportCsvButton } from '../../components/ExportCsvButton.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { PAGE_SIZES, oneOf, pageOf } from '../../list-params.ts';
import { useSearchFilters } from '../../use-search-filters.ts';
import { CreateEquipmentDrawer } from './CreateEquipmentDrawer.tsx';
import { DueDate, StatusReasons } from './equipment-parts.tsx';
import { EquipmentStatusTag, PlantName } from './plant-tags.tsx';

const CLASS_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export function EquipmentPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const mayManage = useCan('equipment.manage');
  const [params, update] = useSearchFilters();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const equipmentClass = params.get('class')?.trim().toLowerCase();
  const filters: EquipmentFilters = {
    q: params.get('q') || undefined,
    status: oneOf(EQUIPMENT_STATUSES, params.get('status')),
    class: equipmentClass && CLASS_PATTERN.test(equipmentClass) ? equipmentClass : undefined,
  };
  const { page, pageSize, limit, offset } = pageOf(params);
  const equipment = useEquipmentList({ ...filters, limit, offset });
  const filtered = Object.values(filters).some((value) => value !== undefined);

  const columns: TableProps<Equipment>['columns'] = [
    {
      key: 'code',
      title: t('plant.equipment.fields.code'),
      width: 140,
      render: (_, e) => (
        <Link
          to={`/equipment/${e.id}`}
          className="mono nowrap"
          data-testid={`equipment-link-${e.code}`}
        >
          {e.code}
        </Link>
      ),
    },
    {
      key: 'name',
      title: t('plant.fields.name'),
      render: (_, e) => <PlantName thing={e} language={language} />,
    },
    {
      key: 'class',
      title: t('plant.equipment.fields.class'),
      width: 150,
      render: (_, e) => <span className="mono nowrap">{e.class}</span>,
    },
    {
      key: 'location',
      title: t('plant.equipment.fields.location'),
      width: 220,
      render: (_, e) =>
        e.locationPath ? (
          <span className="mono nowrap">{e.locationPath}</span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'calibrationDue',
      title: t('plant.equipment.fields.calibrationDueOn'),
      width: 160,
      render: (_, e) => (
        <DueDate
          date={e.calibrationDueOn}
          noneText={
            e.calibrationIntervalDays === null
              ? t('plant.equipment.noCalibrationNeeded')
              : t('plant.equipment.notCalibrated')
          }
        />
      ),
    },
    {
      key: 'maintenanceDue',
      title: t('plant.equipment.fields.maintenanceDueOn'),
      width: 160,
      render: (_, e) => (
        <DueDate
          date={e.maintenanceDueOn}
          noneText={
            e.maintenanceIntervalDays === null
              ? t('plant.equipment.noMaintenancePlan')
              : t('plant.equipment.notMaintained')
          }
        />
      ),
    },
    {
      key: 'status',
      title: t('plant.equipment.fields.status'),
      width: 230,
      render: (_, e) => (
        <Flex vertical gap={2}>
          <span>
            <EquipmentStatusTag status={e.status} />
          </span>
          <StatusReasons equipment={e} />
        </Flex>
      ),
    },
  ];

  return (
    <Page
      title={t('plant.equipment.title')}
      extra={
        <Flex gap={8} wrap>
          <ExportCsvButton entity="equipment" filters={{ ...filters }} testId="equipment-export" />
          {mayManage && (
            <Button
              icon={<ImportOutlined />}
              onClick={() => setImporting(true)}
              data-testid="equipment-import"
            >
              {t('csv.import.open')}
            </Button>
          )}
          {mayManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="new-equipment"
            >
              {t('plant.equipment.new')}
            </Button>
          )}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" className="page-lead">
        {t('plant.equipment.lead')}
      </Typography.Paragraph>
      <Card size="small">
        <Flex gap={8} wrap className="table-toolbar" data-testid="equipment-filters">
          <Input.Search
            key={filters.q ?? ''}
            defaultValue={filters.q}
            allowClear
            placeholder={t('plant.equipment.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() })}
            style={{ width: 280 }}
            data-testid="equipment-search"
          />
          <Select<EquipmentStatus>
            allowClear
            placeholder={t('plant.equipment.allStatuses')}
            value={filters.status}
            onChange={(value) => update({ status: value })}
            options={EQUIPMENT_STATUSES.map((value) => ({
              value,
              label: t(`plant.equipmentStatus.${value}`),
            }))}
            style={{ width: 190 }}
            data-testid="equipment-filter-status"
          />
          <Input.Search
            key={`class-${filters.class ?? ''}`}
            defaultValue={filters.class}
            allowClear
            placeholder={t('plant.equipment.classFilter')}
            onSearch={(value) => update({ class: value.trim().toLowerCase() })}
            style={{ width: 200 }}
            className="mono"
            data-testid="equipment-filter-class"
          />
        </Flex>
        {equipment.isError && (
          <ProblemAlert
            error={equipment.error}
            onRetry={() => void equipment.refetch()}
            style={{ marginBottom: 12 }}
          />
        )}
        <Table<Equipment>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={equipment.data?.items ?? []}
          loading={equipment.isFetching}
          scroll={{ x: 1200 }}
          locale={{
            emptyText: equipment.isPending
              ? t('common.loading')
              : filtered
                ? t('plant.equipment.noMatch')
                : t('plant.equipment.empty'),
          }}
          pagination={{
            current: page,
            pageSize,
            total: equipment.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextSize) =>
              update({ page: nextSize === pageSize ? nextPage : 1, size: nextSize }),
          }}
          data-testid="equipment-table"
        />
      </Card>
      <CreateEquipmentDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          void navigate(`/equipment/${created.id}`);
        }}
      />
      <CsvImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        entity="equipment"
        title={t('plant.equipment.importTitle')}
        invalidate={[equipmentKeys.all]}
        testId="equipment-import"
      />
    </Page>
  );
}

import {
  CheckCircleOutlined,
  DeleteOutlined,
  EditOutlined,
  PauseCircleOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Flex, Form, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  EQUIPMENT_STATUS_CHANGES,
  useChangeEquipment,
  useEquipment,
  type Equipment,
  type EquipmentManualStatus,
} from '../../api/plant.ts';
import { useCan } from '../../auth/session.ts';
import { HistoryPanel } from '../../components/HistoryPanel.tsx';
import { Page } from '../../components/Page.tsx';
import { RecordPage } from '../../components/RecordPage.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { formatDateTime } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import {
  EquipmentDataFields,
  equipmentDataOf,
  type EquipmentDataValues,
} from './equipment-fields.tsx';
import { DueDate } from './equipment-parts.tsx';
import { EquipmentRecordsSection } from './EquipmentRecordsSection.tsx';
import { plantNames } from './plant-format.ts';
import { EquipmentStatusTag } from './plant-tags.tsx';

export function EquipmentDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const equipment = useEquipment(id);
  const back = { to: '/equipment', label: t('plant.equipment.title') };

  return (
    <RecordPage query={equipment} title={t('plant.equipment.detailTitle')} back={back}>
      {(record) => <EquipmentView equipment={record} back={back} />}
    </RecordPage>
  );
}

function orDash(value: string | number | null): ReactNode {
  return value ?? <Typography.Text type="secondary">—</Typography.Text>;
}

type Action = 'edit' | EquipmentManualStatus;

const STATUS_ACTION: Record<
  EquipmentManualStatus,
  { key: 'returnToService' | 'takeOutOfService' | 'retire'; icon: ReactNode }
> = {
  active: { key: 'returnToService', icon: <CheckCircleOutlined /> },
  out_of_service: { key: 'takeOutOfService', icon: <PauseCircleOutlined /> },
  retired: { key: 'retire', icon: <DeleteOutlined /> },
};

function EquipmentView({
  equipment,
  back,
}: {
  equipment: Equipment;
  back: { to: string; label: string };
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mayManage = useCan('equipment.manage');
  const [action, setAction] = useState<Action | null>(null);
  const names = plantNames(equipment, language);
  const when = (value: string) => <time dateTime={value}>{formatDateTime(value, language)}</time>;
  const days = (value: number | null) =>
    value === null ? orDash(null) : t('plant.equipment.records.everyDays', { count: value });
  const retired = equipment.manualStatus === 'retired';

  const fields: DescriptionsProps['items'] = [
    {
      key: 'code',
      label: t('plant.equipment.fields.code'),
      children: (
        <span className="mono" data-testid="equipment-code">
          {equipment.code}
        </span>
      ),
    },
    {
      key: 'class',
      label: t('plant.equipment.fields.class'),
      children: <span className="mono">{equipment.class}</span>,
    },
    { key: 'nameZh', label: t('plant.fields.nameZh'), children: equipment.nameZh },
    { key: 'nameEn', label: t('plant.fields.nameEn'), children: equipment.nameEn },
    {
      key: 'location',
      label: t('plant.equipment.fields.location'),
      children: equipment.locationPath ? (
        <span className="mono">{equipment.locationPath}</span>
      ) : (
        orDash(null)
      ),
    },
    {
      key: 'manufacturer',
      label: t('plant.equipment.fields.manufacturer'),
      children: orDash(equipment.manufacturer),
    },
    { key: 'model', label: t('plant.equipment.fields.model'), children: orDash(equipment.model) },
    {
      key: 'serialNumber',
      label: t('plant.equipment.fields.serialNumber'),
      children: <span className="mono">{orDash(equipment.serialNumber)}</span>,
    },
    {
      key: 'calibrationIntervalDays',
      label: t('plant.equipment.fields.calibrationIntervalDays'),
      children: days(equipment.calibrationIntervalDays),
    },
    {
      key: 'calibrationDueOn',
      label: t('plant.equipment.fields.calibrationDueOn'),
      children: (
        <DueDate
          date={equipment.calibrationDueOn}
          noneText={
            equipment.calibrationIntervalDays === null
              ? t('plant.equipment.noCalibrationNeeded')
              : t('plant.equipment.notCalibrated')
          }
          testId="equipment-calibration-due"
        />
      ),
    },
    {
      key: 'maintenanceIntervalDays',
      label: t('plant.equipment.fields.maintenanceIntervalDays'),
      children: days(equipment.maintenanceIntervalDays),
    },
    {
      key: 'maintenanceDueOn',
      label: t('plant.equipment.fields.maintenanceDueOn'),
      children: (
        <DueDate
          date={equipment.maintenanceDueOn}
          noneText={
            equipment.maintenanceIntervalDays === null
              ? t('plant.equipment.noMaintenancePlan')
              : t('plant.equipment.notMaintained')
          }
        />
      ),
    },
    {
      key: 'manualStatus',
      label: t('plant.equipment.fields.manualStatus'),
      children: (
        <Flex vertical>
          <span data-testid="equipment-manual-status">
            {t(`plant.equipment.manualStatus.${equipment.manualStatus}`)}
          </span>
          {equipment.manualStatusReason && (
            <Typography.Text type="secondary" className="item-name-other">
              {equipment.manualStatusReason}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'status',
      label: t('plant.equipment.fields.status'),
      children: <EquipmentStatusTag status={equipment.status} />,
    },
    { key: 'createdAt', label: t('plant.fields.createdAt'), children: when(equipment.createdAt) },
    { key: 'updatedAt', label: t('plant.fields.updatedAt'), children: when(equipment.updatedAt) },
  ];

  const next = EQUIPMENT_STATUS_CHANGES[equipment.manualStatus];
  const actions = mayManage && !retired && (
    <Flex gap={8} wrap data-testid="equipment-actions">
      <Button
        icon={<EditOutlined />}
        onClick={() => setAction('edit')}
        data-testid="equipment-action-edit"
      >
        {t('plant.actions.edit')}
      </Button>
      {next.map((status) => (
        <Button
          key={status}
          danger={status !== 'active'}
          icon={STATUS_ACTION[status].icon}
          onClick={() => setAction(status)}
          data-testid={`equipment-action-${status}`}
        >
          {t(`plant.equipment.actions.${STATUS_ACTION[status].key}`)}
        </Button>
      ))}
    </Flex>
  );

  return (
    <Page
      title={`${equipment.code} · ${names.primary}`}
      back={back}
      tags={<EquipmentStatusTag status={equipment.status} />}
      extra={actions}
    >
      {equipment.status !== 'in_service' && (
        <Alert
          type={equipment.status === 'out_of_service' ? 'error' : 'warning'}
          showIcon
          title={t(`plant.equipment.statusNote.${equipment.status}`)}
          description={
            <ul className="warning-list">
              {equipment.statusReasons.map((reason) => (
                <li key={reason} data-testid="equipment-status-reason" data-reason={reason}>
                  {t(`plant.equipmentStatusReason.${reason}`)}
                  {reason === 'manually_out_of_service' && equipment.manualStatusReason
                    ? `: ${equipment.manualStatusReason}`
                    : ''}
                </li>
              ))}
            </ul>
          }
          className="section-card"
          data-testid="equipment-status-note"
        />
      )}
      <Card size="small" className="section-card">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={fields}
          styles={{ label: { width: 190 } }}
          data-testid="equipment-details"
        />
      </Card>
      <EquipmentRecordsSection equipment={equipment} work="calibrations" mayManage={mayManage} />
      <EquipmentRecordsSection equipment={equipment} work="maintenance" mayManage={mayManage} />
      <HistoryPanel entityType="equipment" entityId={equipment.id} />
      {action === 'edit' && (
        <EditEquipmentModal equipment={equipment} onClose={() => setAction(null)} />
      )}
      {action && action !== 'edit' && (
        <EquipmentStatusModal
          equipment={equipment}
          status={action}
          onClose={() => setAction(null)}
        />
      )}
    </Page>
  );
}

function EditEquipmentModal({ equipment, onClose }: { equipment: Equipment; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const change = useChangeEquipment(equipment.id);
  const initialValues: EquipmentDataValues = {
    nameZh: equipment.nameZh,
    nameEn: equipment.nameEn,
    class: equipment.class,
    locationId: equipment.locationId,
    manufacturer: equipment.manufacturer ?? '',
    model: equipment.model ?? '',
    serialNumber: equipment.serialNumber ?? '',
    calibrationIntervalDays: equipment.calibrationIntervalDays,
    maintenanceIntervalDays: equipment.maintenanceIntervalDays,
  };
  return (
    <ReasonModal<EquipmentDataValues>
      open
      title={`${t('plant.actions.edit')} · ${equipment.code}`}
      okText={t('plant.actions.save')}
      testId="equipment-edit"
      width={720}
      description={<Alert type="info" title={t('plant.equipment.editDescription')} />}
      initialValues={initialValues}
      onSubmit={async ({ reason, ...values }) => {
        await change.mutateAsync({ kind: 'update', body: { ...equipmentDataOf(values), reason } });
        void message.success(t('plant.actions.saved'));
      }}
      onClose={onClose}
    >
      <EquipmentDataFields />
    </ReasonModal>
  );
}

function EquipmentStatusModal({
  equipment,
  status,
  onClose,
}: {
  equipment: Equipment;
  status: EquipmentManualStatus;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const change = useChangeEquipment(equipment.id);
  const key = STATUS_ACTION[status].key;
  const label = t(`plant.equipment.actions.${key}`);
  const name = `${equipment.code} ${plantNames(equipment, language).primary}`;
  return (
    <ReasonModal<{ confirmFinal?: boolean }>
      open
      danger={status !== 'active'}
      title={`${label} · ${equipment.code}`}
      okText={label}
      testId="equipment-status-change"
      description={
        <Alert
          type={status === 'active' ? 'info' : 'warning'}
          showIcon
          title={t(`plant.equipment.actions.${key}Description`, { name })}
        />
      }
      onSubmit={async ({ reason }) => {
        await change.mutateAsync({ kind: 'status', body: { status, reason } });
        void message.success(t('plant.actions.done', { action: label }));
      }}
      onClose={onClose}
    >
      {status === 'retired' && (
        <Form.Item
          name="confirmFinal"
          valuePropName="checked"
          rules={[
            {
              validator: (_: unknown, value: boolean | undefined) =>
                value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('plant.equipment.actions.retireConfirmRequired'))),
            },
          ]}
        >
          <Checkbox data-testid="confirm-final">
            {t('plant.equipment.actions.retireConfirm')}
          </Checkbox>
        </Form.Item>
      )}
    </ReasonModal>
  );
}

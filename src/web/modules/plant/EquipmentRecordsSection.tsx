import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  Radio,
  Table,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/calendar-date.ts';
import {
  RECORD_RESULTS,
  useChangeEquipment,
  useEquipmentRecords,
  type Equipment,
  type EquipmentRecord,
  type EquipmentWork,
  type RecordResult,
} from '../../api/plant.ts';
import { useSession } from '../../auth/session.ts';
import { applyServerErrors } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTimeShort, formatIsoDate } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { DueDate } from './equipment-parts.tsx';
import { RecordResultTag } from './plant-tags.tsx';

const PAGE_SIZE = 10;
const DATE = 'YYYY-MM-DD';

/** Calibration or maintenance records of one piece of equipment, newest first, and recording a new one. */
export function EquipmentRecordsSection({
  equipment,
  work,
  mayManage,
}: {
  equipment: Equipment;
  work: EquipmentWork;
  mayManage: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [page, setPage] = useState(1);
  const [recording, setRecording] = useState(false);
  const records = useEquipmentRecords(equipment.id, work, {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const calibration = work === 'calibrations';
  const interval = calibration
    ? equipment.calibrationIntervalDays
    : equipment.maintenanceIntervalDays;
  const due = calibration ? equipment.calibrationDueOn : equipment.maintenanceDueOn;
  const retired = equipment.manualStatus === 'retired';

  const columns: TableProps<EquipmentRecord>['columns'] = [
    {
      key: 'performedOn',
      title: t('plant.equipment.records.performedOn'),
      width: 130,
      render: (_, r) => <span className="nowrap">{formatIsoDate(r.performedOn, language)}</span>,
    },
    {
      key: 'result',
      title: t('plant.equipment.records.result'),
      width: 110,
      render: (_, r) => <RecordResultTag result={r.result} />,
    },
    {
      key: 'performedBy',
      title: t('plant.equipment.records.performedBy'),
      width: 180,
      render: (_, r) => r.performedBy,
    },
    {
      key: 'certificateNo',
      title: t('plant.equipment.records.certificateNo'),
      width: 170,
      render: (_, r) =>
        r.certificateNo ? (
          <span className="mono">{r.certificateNo}</span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'nextDueOn',
      title: t('plant.equipment.records.nextDueOn'),
      width: 130,
      render: (_, r) =>
        r.nextDueOn ? (
          <span className="nowrap">{formatIsoDate(r.nextDueOn, language)}</span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'notes',
      title: t('plant.equipment.records.notes'),
      render: (_, r) => r.notes ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      key: 'recorded',
      title: t('plant.equipment.records.recorded'),
      width: 190,
      render: (_, r) => (
        <Flex vertical>
          <span>{r.recordedBy}</span>
          <Typography.Text type="secondary" className="item-name-other nowrap">
            {formatDateTimeShort(r.recordedAt, language)}
          </Typography.Text>
        </Flex>
      ),
    },
  ];

  return (
    <Card
      size="small"
      className="section-card"
      title={
        calibration
          ? t('plant.equipment.records.calibrationTitle')
          : t('plant.equipment.records.maintenanceTitle')
      }
      extra={
        mayManage &&
        !retired && (
          <Button
            size="small"
            type={calibration ? 'primary' : 'default'}
            icon={<PlusOutlined />}
            onClick={() => setRecording(true)}
            data-testid={`record-${work}`}
          >
            {calibration
              ? t('plant.equipment.records.recordCalibration')
              : t('plant.equipment.records.recordMaintenance')}
          </Button>
        )
      }
      data-testid={`equipment-${work}`}
    >
      <Flex gap={24} wrap className="records-summary">
        <Flex vertical gap={2}>
          <Typography.Text type="secondary">
            {t('plant.equipment.records.interval')}
          </Typography.Text>
          <span data-testid={`${work}-interval`}>
            {interval === null
              ? t('plant.equipment.records.noInterval')
              : t('plant.equipment.records.everyDays', { count: interval })}
          </span>
        </Flex>
        <Flex vertical gap={2}>
          <Typography.Text type="secondary">{t('plant.equipment.records.nextDue')}</Typography.Text>
          <DueDate
            date={due}
            noneText={
              interval === null
                ? t('plant.equipment.records.notScheduled')
                : calibration
                  ? t('plant.equipment.notCalibrated')
                  : t('plant.equipment.notMaintained')
            }
            testId={`${work}-due`}
          />
        </Flex>
      </Flex>
      {records.isError && (
        <ProblemAlert
          error={records.error}
          onRetry={() => void records.refetch()}
          style={{ marginBottom: 8 }}
        />
      )}
      <Table<EquipmentRecord>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={records.data?.items ?? []}
        loading={records.isFetching}
        scroll={{ x: 1050 }}
        locale={{
          emptyText: records.isPending
            ? t('common.loading')
            : calibration
              ? t('plant.equipment.records.noCalibrations')
              : t('plant.equipment.records.noMaintenance'),
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: records.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
          size: 'small',
        }}
        data-testid={`${work}-table`}
      />
      {recording && (
        <RecordWorkDrawer
          equipment={equipment}
          work={work}
          interval={interval}
          onClose={() => setRecording(false)}
          onRecorded={() => setPage(1)}
        />
      )}
    </Card>
  );
}

interface RecordForm {
  performedOn: Dayjs;
  result: RecordResult;
  performedBy: string;
  certificateNo?: string;
  notes?: string;
}

function RecordWorkDrawer({
  equipment,
  work,
  interval,
  onClose,
  onRecorded,
}: {
  equipment: Equipment;
  work: EquipmentWork;
  interval: number | null;
  onClose: () => void;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordForm>();
  const change = useChangeEquipment(equipment.id);
  const [error, setError] = useState<unknown>(null);
  const performedOn = Form.useWatch('performedOn', form);
  const result = Form.useWatch('result', form);
  const calibration = work === 'calibrations';
  const nextDue =
    performedOn && result === 'pass' && interval !== null
      ? addDays(performedOn.format(DATE), interval)
      : null;

  async function submit(values: RecordForm) {
    setError(null);
    try {
      await change.mutateAsync({
        kind: 'record',
        work,
        body: {
          performedOn: values.performedOn.format(DATE),
          result: values.result,
          performedBy: values.performedBy.trim(),
          certificateNo: values.certificateNo?.trim() || null,
          notes: values.notes?.trim() || null,
        },
      });
      void message.success(t('plant.equipment.records.saved'));
      onRecorded();
      onClose();
    } catch (caught) {
      if (!applyServerErrors(form, caught, t)) setError(caught);
    }
  }

  return (
    <Drawer
      open
      title={
        calibration
          ? t('plant.equipment.records.calibrationDrawer', { code: equipment.code })
          : t('plant.equipment.records.maintenanceDrawer', { code: equipment.code })
      }
      size={560}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} disabled={change.isPending} data-testid="record-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={change.isPending}
            onClick={() => form.submit()}
            data-testid="record-form-submit"
          >
            {t('plant.equipment.records.submit')}
          </Button>
        </Flex>
      }
    >
      <Alert
        type="info"
        showIcon
        className="form-note"
        title={t('plant.equipment.records.appendOnly')}
      />
      <Form<RecordForm>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ performedOn: dayjs(), result: 'pass', performedBy: me.user.fullName }}
        onFinish={(values) => void submit(values)}
        disabled={change.isPending}
        className="dense-form"
        data-testid="record-form"
      >
        <div className="form-grid-2">
          <Form.Item
            name="performedOn"
            label={t('plant.equipment.records.performedOn')}
            rules={[{ required: true, message: t('plant.form.dateRequired') }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(day) => day.isAfter(dayjs(), 'day')}
              data-testid="record-performedOn"
            />
          </Form.Item>
          <Form.Item
            name="result"
            label={t('plant.equipment.records.result')}
            rules={[{ required: true }]}
          >
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={RECORD_RESULTS.map((value) => ({
                value,
                label: t(`plant.equipment.result.${value}`),
              }))}
              data-testid="record-result"
            />
          </Form.Item>
        </div>
        {result === 'fail' && (
          <Alert
            type="error"
            showIcon
            className="form-note"
            title={
              calibration
                ? t('plant.equipment.records.failCalibrationNote')
                : t('plant.equipment.records.failMaintenanceNote')
            }
          />
        )}
        <Form.Item
          name="performedBy"
          label={t('plant.equipment.records.performedBy')}
          extra={t('plant.equipment.records.performedByHelp')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('plant.equipment.records.performedByRequired'),
            },
            { max: 200 },
          ]}
        >
          <Input autoComplete="off" data-testid="record-performedBy" />
        </Form.Item>
        <Form.Item
          name="certificateNo"
          label={t('plant.equipment.records.certificateNo')}
          rules={[{ max: 100 }]}
        >
          <Input
            autoComplete="off"
            className="mono"
            style={{ maxWidth: 320 }}
            data-testid="record-certificateNo"
          />
        </Form.Item>

        <Form.Item name="notes" label={t('plant.equipment.records.notes')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="record-notes" />
        </Form.Item>
        <div className="record-next-due" data-testid="record-next-due">
          <Typography.Text type="secondary">
            {t('plant.equipment.records.nextDue')}:{' '}
          </Typography.Text>
          {nextDue ? (
            <Typography.Text strong>{formatIsoDate(nextDue, language)}</Typography.Text>
          ) : (
            <Typography.Text>
              {interval === null
                ? t('plant.equipment.records.notScheduled')
                : t('plant.equipment.records.noNextDueAfterFail')}
            </Typography.Text>
          )}
        </div>
      </Form>
      {error !== null && <ProblemAlert error={error} style={{ marginTop: 12 }} />}
    </Drawer>
  );
}

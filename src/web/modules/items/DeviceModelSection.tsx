import { CheckOutlined, EditOutlined, MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { DescriptionsProps, TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LABEL_IDENTIFIERS, type DeviceModel, type Item } from '../../api/items.ts';
import { DeviceModelDrawer } from './DeviceModelDrawer.tsx';
import { packageRows, type LevelRow } from './item-format.ts';

function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return <>{value ? t('common.yes') : t('common.no')}</>;
}

function orDash(value: string | null): ReactNode {
  return value ?? <Typography.Text type="secondary">—</Typography.Text>;
}

export function DeviceModelSection({ item, mayManage }: { item: Item; mayManage: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const device = item.deviceModel;

  return (
    <Card
      size="small"
      title={t('items.device.title')}
      extra={
        mayManage &&
        device && (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="device-model-edit"
          >
            {t('items.device.edit')}
          </Button>
        )
      }
      className="section-card"
      data-testid="device-model"
    >
      {device ? (
        <DeviceModelView device={device} />
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <Flex vertical gap={2}>
              <Typography.Text>{t('items.device.none')}</Typography.Text>
              <Typography.Text type="secondary">{t('items.device.noneHint')}</Typography.Text>
            </Flex>
          }
          data-testid="device-model-empty"
        >
          {mayManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing(true)}
              data-testid="device-model-add"
            >
              {t('items.device.add')}
            </Button>
          )}
        </Empty>
      )}
      {editing && <DeviceModelDrawer item={item} onClose={() => setEditing(false)} />}
    </Card>
  );
}

function DeviceModelView({ device }: { device: DeviceModel }) {
  const { t } = useTranslation();
  const fields: DescriptionsProps['items'] = [
    {
      key: 'issuingAgency',
      label: t('items.device.fields.issuingAgency'),
      children: t(`items.device.agencies.${device.issuingAgency}`),
    },
    {
      key: 'primaryDi',
      label: t('items.device.fields.primaryDi'),
      children: (
        <Typography.Text className="mono" copyable data-testid="device-primaryDi">
          {device.primaryDi}
        </Typography.Text>
      ),
    },
    {
      key: 'basicUdiDi',
      label: t('items.device.fields.basicUdiDi'),
      children: <span className="mono">{orDash(device.basicUdiDi)}</span>,
    },
    { key: 'brand', label: t('items.device.fields.brand'), children: orDash(device.brand) },
    {
      key: 'modelVersion',
      label: t('items.device.fields.modelVersion'),
      children: <span data-testid="device-modelVersion">{device.modelVersion}</span>,
    },
    {
      key: 'riskClass',
      label: t('items.device.fields.riskClass'),
      children: device.riskClass,
    },
    {
      key: 'gmdnCode',
      label: t('items.device.fields.gmdnCode'),
      children: <span className="mono">{orDash(device.gmdnCode)}</span>,
    },
    {
      key: 'emdnCode',
      label: t('items.device.fields.emdnCode'),
      children: <span className="mono">{orDash(device.emdnCode)}</span>,
    },
    {
      key: 'nmpaRegistration',
      label: t('items.device.fields.nmpaRegistration'),
      children: orDash(device.nmpaRegistration),
    },
    {
      key: 'fdaPremarket',
      label: t('items.device.fields.fdaPremarket'),
      children: <span className="mono">{orDash(device.fdaPremarket)}</span>,
    },
    {
      key: 'sterile',
      label: t('items.device.fields.sterile'),
      children: <YesNo value={device.sterile} />,
    },
    {
      key: 'singleUse',
      label: t('items.device.fields.singleUse'),
      children: <YesNo value={device.singleUse} />,
    },
    {
      key: 'containsLatex',
      label: t('items.device.fields.containsLatex'),
      children: <YesNo value={device.containsLatex} />,
    },
    {
      key: 'mriSafety',
      label: t('items.device.fields.mriSafety'),
      children: t(`items.device.mri.${device.mriSafety}`),
    },
    {
      key: 'labelIdentifiers',
      label: t('items.device.fields.labelIdentifiers'),
      span: 'filled',
      children: (
        <Flex gap={4} wrap data-testid="device-label-identifiers">
          {LABEL_IDENTIFIERS.map((key) => {
            const on = device.labelIdentifiers[key];
            return (
              <Tag
                key={key}
                color={on ? 'blue' : undefined}
                icon={on ? <CheckOutlined /> : <MinusOutlined />}
                className={on ? undefined : 'label-id-off'}
                data-label-id={key}
                data-on={on}
              >
                {t(`items.device.labelIdentifiers.${key}`)}
              </Tag>
            );
          })}
        </Flex>
      ),
    },
  ];

  const columns: TableProps<LevelRow>['columns'] = [
    {
      key: 'level',
      title: t('items.device.levels.level'),
      width: 70,
      align: 'right',
      render: (_, row) => (row.level === 0 ? '—' : row.level),
    },
    {
      key: 'name',
      title: t('items.device.levels.name'),
      render: (_, row) =>
        row.level === 0 ? <Typography.Text type="secondary">{row.name}</Typography.Text> : row.name,
    },
    {
      key: 'di',
      title: t('items.device.levels.di'),
      width: 200,
      render: (_, row) => <span className="mono">{row.di}</span>,
    },
    {
      key: 'contents',
      title: t('items.device.levels.quantityOfLower'),
      width: 220,
      render: (_, row) =>
        row.quantityOfLower === null
          ? '—'
          : t('items.device.levels.contents', {
              count: row.quantityOfLower,
              lower:
                row.level === 1
                  ? t('items.device.levels.unitOfUse')
                  : t('items.device.levels.levelN', { level: row.level - 1 }),
            }),
    },
    {
      key: 'unitsOfUse',
      title: t('items.device.levels.unitsOfUse'),
      width: 140,
      align: 'right',
      render: (_, row) => <span className="mono">{row.unitsOfUse}</span>,
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={fields}
        styles={{ label: { width: 190 } }}
        data-testid="device-model-details"
      />
      <div>
        <Typography.Text strong className="form-section-title">
          {t('items.device.levels.title')}
        </Typography.Text>
        <Table<LevelRow>
          size="small"
          rowKey="level"
          columns={columns}
          dataSource={packageRows(device, t)}
          pagination={false}
          footer={
            device.packageLevels.length === 0
              ? () => (
                  <Typography.Text type="secondary">
                    {t('items.device.levels.none')}
                  </Typography.Text>
                )
              : undefined
          }
          data-testid="device-package-levels"
        />
      </div>
    </Flex>
  );
}

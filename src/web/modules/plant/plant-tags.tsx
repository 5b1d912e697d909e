import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
} from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  EquipmentStatus,
  LocationKind,
  LocationLevel,
  RecordResult,
  TrainingStatus,
} from '../../api/plant.ts';
import type { Language } from '../../i18n/language.ts';
import { plantNames } from './plant-format.ts';

const LEVEL_COLORS: Record<LocationLevel, string> = {
  site: 'geekblue',
  warehouse: 'blue',
  zone: 'cyan',
  bin: 'default',
};

export function LevelTag({ level }: { level: LocationLevel }) {
  const { t } = useTranslation();
  return (
    <Tag color={LEVEL_COLORS[level]} data-testid="location-level" data-level={level}>
      {t(`plant.locationLevel.${level}`)}
    </Tag>
  );
}

const KIND_COLORS: Record<LocationKind, string> = {
  storage: 'green',
  quarantine: 'orange',
  production: 'purple',
  cold_storage: 'blue',
  customer: 'magenta',
  scrap: 'red',
};

export function KindTag({ kind }: { kind: LocationKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLORS[kind]} variant="outlined" data-testid="location-kind" data-kind={kind}>
      {t(`plant.locationKind.${kind}`)}
    </Tag>
  );
}

export function InactiveTag() {
  const { t } = useTranslation();
  return <Tag data-testid="location-inactive">{t('plant.common.inactive')}</Tag>;
}

const EQUIPMENT_STATUS_STYLE: Record<EquipmentStatus, { color: string; icon: ReactNode }> = {
  in_service: { color: 'green', icon: <CheckCircleOutlined /> },
  calibration_due_soon: { color: 'orange', icon: <ClockCircleOutlined /> },
  out_of_service: { color: 'red', icon: <CloseCircleOutlined /> },
};

export function EquipmentStatusTag({ status }: { status: EquipmentStatus }) {
  const { t } = useTranslation();
  const style = EQUIPMENT_STATUS_STYLE[status];
  return (
    <Tag color={style.color} icon={style.icon} data-testid="equipment-status" data-status={status}>
      {t(`plant.equipmentStatus.${status}`)}
    </Tag>
  );
}

export function RecordResultTag({ result }: { result: RecordResult }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={result === 'pass' ? 'green' : 'red'}
      icon={result === 'pass' ? <CheckCircleOutlined /> : <ExclamationCircleOutlined />}
      data-testid="record-result"
      data-result={result}
    >
      {t(`plant.equipment.result.${result}`)}
    </Tag>
  );
}

export function TrainingStatusTag({ status }: { status: TrainingStatus }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={status === 'valid' ? 'green' : 'red'}
      data-testid="training-status"
      data-status={status}
    >
      {t(`plant.trainingStatus.${status}`)}
    </Tag>
  );
}

export function PlantName({
  thing,
  language,
}: {
  thing: { nameZh: string; nameEn: string };
  language: Language;
}) {
  const { primary, secondary } = plantNames(thing, language);
  return (
    <span className="item-name">
      <span>{primary}</span>
      {secondary !== primary && (
        <Typography.Text type="secondary" className="item-name-other">
          {secondary}
        </Typography.Text>
      )}
    </span>
  );
}

import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  MinusCircleOutlined,
} from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateStatus, CustomerStatus, SupplierStatus } from '../../api/partners.ts';
import type { Language } from '../../i18n/language.ts';
import { partnerNames } from './partner-format.ts';

const SUPPLIER_STATUS_STYLE: Record<SupplierStatus, { color: string; icon: ReactNode }> = {
  pending: { color: 'blue', icon: <ClockCircleOutlined /> },
  approved: { color: 'green', icon: <CheckCircleOutlined /> },
  conditional: { color: 'gold', icon: <ExclamationCircleOutlined /> },
  disqualified: { color: 'red', icon: <CloseCircleOutlined /> },
};

export function SupplierStatusTag({ status }: { status: SupplierStatus }) {
  const { t } = useTranslation();
  const style = SUPPLIER_STATUS_STYLE[status];
  return (
    <Tag color={style.color} icon={style.icon} data-testid="supplier-status" data-status={status}>
      {t(`partners.supplierStatus.${status}`)}
    </Tag>
  );
}

const CERTIFICATE_STATUS_STYLE: Record<CertificateStatus, { color: string; icon: ReactNode }> = {
  not_yet_valid: { color: 'blue', icon: <ClockCircleOutlined /> },
  valid: { color: 'green', icon: <CheckCircleOutlined /> },
  expiring: { color: 'orange', icon: <ExclamationCircleOutlined /> },
  expired: { color: 'red', icon: <CloseCircleOutlined /> },
};

export function CertificateStatusTag({
  status,
  superseded = false,
}: {
  status: CertificateStatus;
  superseded?: boolean;
}) {
  const { t } = useTranslation();
  if (superseded) {
    return (
      <Tag icon={<MinusCircleOutlined />} data-testid="certificate-status" data-status="superseded">
        {t('partners.certificates.superseded')}
      </Tag>
    );
  }
  const style = CERTIFICATE_STATUS_STYLE[status];
  return (
    <Tag
      color={style.color}
      icon={style.icon}
      data-testid="certificate-status"
      data-status={status}
    >
      {t(`partners.certificateStatus.${status}`)}
    </Tag>
  );
}

export function CustomerStatusTag({ status }: { status: CustomerStatus }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={status === 'active' ? 'green' : 'default'}
      data-testid="customer-status"
      data-status={status}
    >
      {t(`partners.customerStatus.${status}`)}
    </Tag>
  );
}

/** Active / inactive of an address or a contact. */
export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={active ? 'green' : 'default'} data-testid="active-tag" data-active={active}>
      {active ? t('partners.common.active') : t('partners.common.inactive')}
    </Tag>
  );
}

export function PartnerName({
  partner,
  language,
}: {
  partner: { legalNameZh: string; legalNameEn: string };
  language: Language;
}) {
  const { primary, secondary } = partnerNames(partner, language);
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

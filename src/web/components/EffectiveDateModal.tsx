import { DatePicker, Form, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './ProblemAlert.tsx';
import { testId as testIdProps } from './test-id.ts';

export interface EffectiveDateModalProps {
  title: string;
  okText: string;
  /** What becomes effective and what it replaces, above the date. */
  description?: ReactNode;
  dateLabel: string;
  dateHelp: string;
  /** Makes the change; `effectiveFrom` is YYYY-MM-DD, or undefined for today. A rejection keeps the dialog open. */
  onConfirm: (effectiveFrom: string | undefined) => Promise<unknown>;
  onClose: () => void;
  /** What the screen offers for a refusal (e.g. raising a change request), under the problem. */
  problemExtra?: (error: unknown) => ReactNode;
  testId?: string;
}

/**
 * Confirms that records become effective now, with the effectivity date to
 * record (today unless a later date is chosen; never earlier).
 */
export function EffectiveDateModal({
  title,
  okText,
  description,
  dateLabel,
  dateHelp,
  onConfirm,
  onClose,
  problemExtra,
  testId = 'effective-modal',
}: EffectiveDateModalProps) {
  const { t } = useTranslation();
  const [date, setDate] = useState<Dayjs | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm(date ? date.format('YYYY-MM-DD') : undefined);
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, ...testIdProps(`${testId}-submit`) }}
      cancelButtonProps={{ disabled: busy, ...testIdProps(`${testId}-cancel`) }}
      onOk={() => void confirm()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <div data-testid={testId}>
        {description && <div className="modal-description">{description}</div>}
        <Form layout="vertical" className="dense-form">
          <Form.Item label={dateLabel} extra={dateHelp}>
            <DatePicker
              value={date}
              onChange={setDate}
              disabledDate={(day) => day.isBefore(dayjs(), 'day')}
              data-testid={`${testId}-date`}
            />
          </Form.Item>
        </Form>
        {error !== null && (
          <ProblemAlert error={error} extra={problemExtra ? problemExtra(error) : undefined} />
        )}
      </div>
    </Modal>
  );
}

import { Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './ProblemAlert.tsx';
import { testId as testIdProps } from './test-id.ts';

export interface ConfirmModalProps {
  title: string;
  okText: string;
  danger?: boolean;
  /** What the action does and what follows from it. */
  description: ReactNode;
  /** Performs the action; a rejection keeps the dialog open with the problem shown. */
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  /** What the screen offers for a refusal, under the problem. */
  problemExtra?: (error: unknown) => ReactNode;
  testId?: string;
}

/** An action without fields (submit for review, copy, …), confirmed first; the server's refusal stays visible. */
export function ConfirmModal({
  title,
  okText,
  danger = false,
  description,
  onConfirm,
  onClose,
  problemExtra,
  testId = 'confirm-modal',
}: ConfirmModalProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
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
      okButtonProps={{ danger, loading: busy, ...testIdProps(`${testId}-submit`) }}
      cancelButtonProps={{ disabled: busy, ...testIdProps(`${testId}-cancel`) }}
      onOk={() => void confirm()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <div data-testid={testId}>
        <div className="modal-description">{description}</div>
        {error !== null && (
          <ProblemAlert error={error} extra={problemExtra ? problemExtra(error) : undefined} />
        )}
      </div>
    </Modal>
  );
}

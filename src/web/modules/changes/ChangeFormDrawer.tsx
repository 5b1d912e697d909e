import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Empty, Flex, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RISK_CLASSES,
  useChangeAction,
  useCreateChange,
  type ChangeRequest,
  type RiskClass,
} from '../../api/changes.ts';
import { toApiError } from '../../api/client.ts';
import { applyServerErrors } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import type { ProposedTarget } from './new-change-state.ts';
import { TargetLink, TargetPicker, TargetTypeTag } from './targets.tsx';

interface ChangeForm {
  title: string;
  riskClass: RiskClass;
  description: string;
  reason: string;
}

interface TargetRow extends ProposedTarget {
  note?: string;
}

/** The affected record a refusal names (params.field `targets.2`), if any. */
function refusedTarget(error: unknown): number | null {
  const field = toApiError(error).params?.field;
  const match = typeof field === 'string' ? /^targets\.(\d+)/.exec(field) : null;
  return match ? Number(match[1]) : null;
}

/**
 * Raises a change request, or edits a draft one: what changes and why, its
 * risk class and the records it affects (proposed versions and items).
 */
export function ChangeFormDrawer({
  change,
  proposed = [],
  onClose,
  onSaved,
}: {
  /** The draft edited; none raises a new one. */
  change?: ChangeRequest;
  /** Records to start with (from a version's "Raise change request"). */
  proposed?: readonly ProposedTarget[];
  onClose: () => void;
  onSaved: (change: ChangeRequest) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ChangeForm>();
  const create = useCreateChange();
  const update = useChangeAction(change?.id ?? '');
  const [targets, setTargets] = useState<TargetRow[]>(() =>
    change
      ? change.targets.map((target) => ({
          targetType: target.targetType,
          targetId: target.targetId,
          label: target.label,
          note: target.note ?? undefined,
        }))
      : [...proposed],
  );
  const [error, setError] = useState<unknown>(null);
  const busy = create.isPending || update.isPending;
  const badTarget = error === null ? null : refusedTarget(error);

  const initialValues: Partial<ChangeForm> = change
    ? {
        title: change.title,
        riskClass: change.riskClass,
        description: change.description,
        reason: change.reason,
      }
    : { riskClass: 'medium' };

  async function submit(values: ChangeForm) {
    setError(null);
    const body = {
      title: values.title.trim(),
      riskClass: values.riskClass,
      description: values.description.trim(),
      reason: values.reason.trim(),
      targets: targets.map(({ targetType, targetId, note }) => ({
        targetType,
        targetId,
        ...(note?.trim() ? { note: note.trim() } : {}),
      })),
    };
    try {
      const saved = change
        ? await update.mutateAsync({ kind: 'update', body })
        : await create.mutateAsync(body);
      onSaved(saved);
    } catch (caught) {
      if (!applyServerErrors(form, caught, t)) setError(caught);
    }
  }

  return (
    <Drawer
      open
      title={
        change ? t('changes.form.editTitle', { code: change.code }) : t('changes.form.newTitle')
      }
      size={760}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} disabled={busy} data-testid="change-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={busy}
            onClick={() => form.submit()}
            data-testid="change-form-submit"
          >
            {change ? t('changes.form.save') : t('changes.form.create')}
          </Button>
        </Flex>
      }
    >
      <Form<ChangeForm>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
        disabled={busy}
        className="dense-form"
        data-testid="change-form"
      >
        <div className="form-grid-title-risk">
          <Form.Item
            name="title"
            label={t('changes.fields.title')}
            rules={[
              { required: true, whitespace: true, message: t('changes.form.titleRequired') },
              { max: 200 },
            ]}
          >
            <Input data-testid="change-title" />
          </Form.Item>
          <Form.Item
            name="riskClass"
            label={t('changes.fields.riskClass')}
            rules={[{ required: true }]}
          >
            <Select<RiskClass>
              options={RISK_CLASSES.map((value) => ({
                value,
                label: t(`changes.risk.${value}`),
              }))}
              data-testid="change-risk-select"
            />
          </Form.Item>
        </div>
        <Form.Item
          name="description"
          label={t('changes.fields.description')}
          extra={t('changes.form.descriptionHelp')}
          rules={[
            { required: true, whitespace: true, message: t('changes.form.descriptionRequired') },
            { max: 5000 },
          ]}
        >
          <Input.TextArea rows={3} data-testid="change-description" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('changes.fields.reason')}
          extra={t('changes.form.reasonHelp')}
          rules={[
            { required: true, whitespace: true, message: t('changes.form.reasonRequired') },
            { max: 2000 },
          ]}
        >
          <Input.TextArea rows={2} data-testid="change-reason" />
        </Form.Item>
      </Form>

      <Typography.Text strong className="form-section-title">
        {t('changes.targets.title')}
      </Typography.Text>
      <Typography.Paragraph type="secondary" className="form-section-help">
        {t('changes.targets.help')}
      </Typography.Paragraph>
      <div className="target-rows" data-testid="change-form-targets">
        {targets.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('changes.targets.none')} />
        ) : (
          targets.map((target, index) => (
            <div
              key={`${target.targetType}:${target.targetId}`}
              className={index === badTarget ? 'target-row target-row-error' : 'target-row'}
              data-testid="change-form-target"
              data-target-id={target.targetId}
            >
              <TargetTypeTag type={target.targetType} />
              <TargetLink type={target.targetType} id={target.targetId} label={target.label} />
              <Input
                size="small"
                value={target.note}
                maxLength={500}
                placeholder={t('changes.targets.notePlaceholder')}
                onChange={(event) =>
                  setTargets((rows) =>
                    rows.map((row, i) =>
                      i === index ? { ...row, note: event.target.value } : row,
                    ),
                  )
                }
                disabled={busy}
                aria-label={t('changes.targets.note')}
                data-testid="target-note"
              />
              <Button
                type="text"
                danger
                size="small"
                icon={<DeleteOutlined />}
                disabled={busy}
                onClick={() => setTargets((rows) => rows.filter((_, i) => i !== index))}
                aria-label={t('changes.targets.remove')}
                title={t('changes.targets.remove')}
                data-testid="target-remove"
              />
            </div>
          ))
        )}
      </div>
      <TargetPicker
        exclude={targets.map((target) => `${target.targetType}:${target.targetId}`)}
        onAdd={(target) => setTargets((rows) => [...rows, target])}
      />
      {!change && (
        <Alert
          type="info"
          title={t('changes.form.after')}
          className="form-note change-form-after"
        />
      )}
      {error !== null && <ProblemAlert error={error} style={{ marginTop: 12 }} />}
    </Drawer>
  );
}

import { Alert, Button, Drawer, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  KIND_PATHS,
  useCreateVersion,
  useEngineeringVersions,
  type EngineeringKind,
  type EngineeringVersion,
} from '../../api/engineering.ts';
import { applyServerErrors } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ItemPicker } from './pickers.tsx';

interface NewVersionForm {
  itemId: string;
  note?: string;
}

/**
 * Starts an empty draft BOM or routing for an item (its next version number).
 * An item that already has versions usually continues from one: copy it.
 */
export function NewVersionDrawer({
  kind,
  onClose,
  onCreated,
}: {
  kind: EngineeringKind;
  onClose: () => void;
  onCreated: (version: EngineeringVersion) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewVersionForm>();
  const create = useCreateVersion();
  const [error, setError] = useState<unknown>(null);
  const itemId = Form.useWatch('itemId', form);
  const existing = useEngineeringVersions(
    kind,
    { itemId, limit: 1, offset: 0 },
    { enabled: Boolean(itemId) },
  );
  const latest = itemId ? existing.data?.items[0] : undefined;

  function submit(values: NewVersionForm) {
    setError(null);
    const note = values.note?.trim();
    const content =
      kind === 'bom' ? { kind, lines: [], documentVersionIds: [] } : { kind, operations: [] };
    create.mutate(
      { ...content, itemId: values.itemId, ...(note ? { note } : {}) },
      {
        onSuccess: onCreated,
        onError: (caught) => {
          if (!applyServerErrors(form, caught, t)) setError(caught);
        },
      },
    );
  }

  return (
    <Drawer
      open
      title={t(`engineering.${kind}.new`)}
      size={560}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} disabled={create.isPending} data-testid="version-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => form.submit()}
            data-testid="version-form-submit"
          >
            {t('engineering.create.submit')}
          </Button>
        </Flex>
      }
    >
      <Form<NewVersionForm>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={submit}
        disabled={create.isPending}
        className="dense-form"
        data-testid="version-form"
      >
        <Form.Item
          name="itemId"
          label={t('engineering.fields.item')}
          extra={t(`engineering.create.itemHelp.${kind}`)}
          rules={[{ required: true, message: t('engineering.create.itemRequired') }]}
        >
          <ItemPicker testId="version-item-picker" />
        </Form.Item>
        {latest && (
          <Alert
            type="info"
            showIcon
            className="form-note"
            title={t('engineering.create.existing', { version: latest.versionNo })}
            description={
              <Link to={`/${KIND_PATHS[kind]}/${latest.id}`} onClick={onClose}>
                {t('engineering.create.openLatest', { version: latest.versionNo })}
              </Link>
            }
            data-testid="version-form-existing"
          />
        )}
        <Form.Item name="note" label={t('engineering.fields.note')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="version-note-input" />
        </Form.Item>
        <Alert type="info" title={t(`engineering.create.after.${kind}`)} className="form-note" />
      </Form>
      {error !== null && <ProblemAlert error={error} />}
    </Drawer>
  );
}

import { Alert, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasCode } from '../../api/client.ts';
import {
  ITEM_TYPES,
  TRACKING_MODES,
  useCreateItem,
  type Item,
  type ItemType,
  type Tracking,
} from '../../api/items.ts';
import { applyServerErrors } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ItemDetailFields, storageOf, type ItemDetailValues } from './item-fields.tsx';

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

interface CreateItemForm extends ItemDetailValues {
  code: string;
  type: ItemType;
  tracking: Tracking;
  reason?: string;
}

export function CreateItemDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (item: Item) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateItemForm>();
  const create = useCreateItem();
  const [error, setError] = useState<unknown>(null);
  const type = Form.useWatch('type', form);

  function submit(values: CreateItemForm) {
    setError(null);
    const reason = values.reason?.trim();
    create.mutate(
      {
        code: values.code.trim(),
        nameZh: values.nameZh.trim(),
        nameEn: values.nameEn.trim(),
        type: values.type,
        uom: values.uom.trim(),
        tracking: values.tracking,
        shelfLifeDays: values.shelfLifeDays ?? null,
        storage: storageOf(values),
        ...(reason ? { reason } : {}),
      },
      {
        onSuccess: (item) => {
          form.resetFields();
          onCreated(item);
        },
        onError: (caught) => {
          if (hasCode(caught, 'ITEM_CODE_TAKEN')) {
            form.setFields([{ name: 'code', errors: [t('errors.ITEM_CODE_TAKEN')] }]);
            return;
          }
          if (!applyServerErrors(form, caught, t)) setError(caught);
        },
      },
    );
  }

  return (
    <Drawer
      open={open}
      title={t('items.create.title')}
      size={640}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} disabled={create.isPending} data-testid="item-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => form.submit()}
            data-testid="item-form-submit"
          >
            {t('items.create.submit')}
          </Button>
        </Flex>
      }
    >
      <Form<CreateItemForm>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ tracking: 'lot', uom: 'pcs' }}
        onFinish={submit}
        disabled={create.isPending}
        className="dense-form"
        data-testid="item-form"
      >
        <div className="form-grid-2">
          <Form.Item
            name="code"
            label={t('items.fields.code')}
            extra={t('items.create.codeHelp')}
            rules={[
              { required: true, whitespace: true, message: t('items.create.codeRequired') },
              { pattern: CODE_PATTERN, message: t('items.create.codePattern') },
            ]}
          >
            <Input autoComplete="off" spellCheck={false} className="mono" data-testid="code" />
          </Form.Item>
          <Form.Item
            name="type"
            label={t('items.fields.type')}
            rules={[{ required: true, message: t('items.create.typeRequired') }]}
          >
            <Select<ItemType>
              options={ITEM_TYPES.map((value) => ({ value, label: t(`items.types.${value}`) }))}
              data-testid="type"
            />
          </Form.Item>
        </div>
        <Form.Item
          name="tracking"
          label={t('items.fields.tracking')}
          extra={t('items.create.trackingHelp')}
          rules={[{ required: true }]}
        >
          <Select<Tracking>
            options={TRACKING_MODES.map((value) => ({
              value,
              label: t(`items.tracking.${value}`),
            }))}
            data-testid="tracking"
          />
        </Form.Item>
        <ItemDetailFields />
        {type === 'finished_device' && (
          <Alert
            type="info"
            showIcon
            title={t('items.create.deviceNote')}
            className="form-note"
            data-testid="item-form-device-note"
          />
        )}
        <Form.Item name="reason" label={t('common.reason')} rules={[{ max: 500 }]}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('items.create.reasonPlaceholder')}
            data-testid="reason"
          />
        </Form.Item>
      </Form>
      {error !== null && <ProblemAlert error={error} />}
    </Drawer>
  );
}

import { Button, Drawer, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasCode } from '../../api/client.ts';
import { useCreateEquipment, type Equipment } from '../../api/plant.ts';
import { applyServerErrors } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import {
  EquipmentDataFields,
  equipmentDataOf,
  type EquipmentDataValues,
} from './equipment-fields.tsx';

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

interface CreateEquipmentForm extends EquipmentDataValues {
  code: string;
  reason?: string;
}

export function CreateEquipmentDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (equipment: Equipment) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateEquipmentForm>();
  const create = useCreateEquipment();
  const [error, setError] = useState<unknown>(null);

  function submit(values: CreateEquipmentForm) {
    setError(null);
    const reason = values.reason?.trim();
    create.mutate(
      { code: values.code.trim(), ...equipmentDataOf(values), ...(reason ? { reason } : {}) },
      {
        onSuccess: (equipment) => {
          form.resetFields();
          onCreated(equipment);
        },
        onError: (caught) => {
          if (hasCode(caught, 'EQUIPMENT_CODE_TAKEN')) {
            form.setFields([{ name: 'code', errors: [t('errors.EQUIPMENT_CODE_TAKEN')] }]);
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
      title={t('plant.equipment.create.title')}
      size={680}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} disabled={create.isPending} data-testid="equipment-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => form.submit()}
            data-testid="equipment-form-submit"
          >
            {t('plant.equipment.create.submit')}
          </Button>
        </Flex>
      }
    >
      <Form<CreateEquipmentForm>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={submit}
        disabled={create.isPending}
        className="dense-form"
        data-testid="equipment-form"
      >
        <Form.Item
          name="code"
          label={t('plant.equipment.fields.code')}
          extra={t('plant.equipment.create.codeHelp')}
          rules={[
            { required: true, whitespace: true, message: t('plant.form.codeRequired') },
            { pattern: CODE_PATTERN, message: t('plant.form.codePattern') },
          ]}
        >
          <Input autoComplete="off" spellCheck={false} className="mono" data-testid="code" />
        </Form.Item>
        <EquipmentDataFields />
        <Form.Item name="reason" label={t('common.reason')} rules={[{ max: 500 }]}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('plant.equipment.create.reasonPlaceholder')}
            data-testid="reason"
          />
        </Form.Item>
      </Form>
      {error !== null && <ProblemAlert error={error} />}
    </Drawer>
  );
}

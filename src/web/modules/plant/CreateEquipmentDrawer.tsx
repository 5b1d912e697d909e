import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCreateEquipment, type Equipment } from '../../api/plant.ts';
import { CreateRecordDrawer, reasonOf } from '../../components/CreateRecordDrawer.tsx';
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
  const create = useCreateEquipment();
  return (
    <CreateRecordDrawer<CreateEquipmentForm>
      open={open}
      onClose={onClose}
      title={t('plant.equipment.create.title')}
      submitText={t('plant.equipment.create.submit')}
      reasonPlaceholder={t('plant.equipment.create.reasonPlaceholder')}
      testId="equipment-form"
      codeTakenCode="EQUIPMENT_CODE_TAKEN"
      pending={create.isPending}
      width={680}
      onSubmit={async (values) =>
        onCreated(
          await create.mutateAsync({
            code: values.code.trim(),
            ...equipmentDataOf(values),
            ...reasonOf(values),
          }),
        )
      }
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
    </CreateRecordDrawer>
  );
}

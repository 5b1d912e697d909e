import { useTranslation } from 'react-i18next';
import { useCreateSupplier, type SupplierDetail } from '../../api/partners.ts';
import { CreateRecordDrawer, reasonOf } from '../../components/CreateRecordDrawer.tsx';
import {
  CodeField,
  SupplierDataFields,
  supplierDataOf,
  type SupplierDataValues,
} from './partner-fields.tsx';

interface CreateSupplierForm extends SupplierDataValues {
  code: string;
  reason?: string;
}

export function CreateSupplierDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (supplier: SupplierDetail) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateSupplier();
  return (
    <CreateRecordDrawer<CreateSupplierForm>
      open={open}
      onClose={onClose}
      title={t('partners.suppliers.create.title')}
      submitText={t('partners.suppliers.create.submit')}
      note={t('partners.suppliers.create.note')}
      reasonPlaceholder={t('partners.suppliers.create.reasonPlaceholder')}
      testId="supplier-form"
      codeTakenCode="SUPPLIER_CODE_TAKEN"
      pending={create.isPending}
      onSubmit={async (values) =>
        onCreated(
          await create.mutateAsync({
            code: values.code.trim(),
            ...supplierDataOf(values),
            ...reasonOf(values),
          }),
        )
      }
    >
      <CodeField label={t('partners.suppliers.fields.code')} />
      <SupplierDataFields />
    </CreateRecordDrawer>
  );
}

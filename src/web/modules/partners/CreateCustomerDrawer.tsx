import { useTranslation } from 'react-i18next';
import { useCreateCustomer, type CustomerDetail } from '../../api/partners.ts';
import { CreateRecordDrawer, reasonOf } from '../../components/CreateRecordDrawer.tsx';
import {
  CodeField,
  CustomerDataFields,
  customerDataOf,
  type CustomerDataValues,
} from './partner-fields.tsx';

interface CreateCustomerForm extends CustomerDataValues {
  code: string;
  reason?: string;
}

export function CreateCustomerDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (customer: CustomerDetail) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateCustomer();
  return (
    <CreateRecordDrawer<CreateCustomerForm>
      open={open}
      onClose={onClose}
      title={t('partners.customers.create.title')}
      submitText={t('partners.customers.create.submit')}
      note={t('partners.customers.create.note')}
      reasonPlaceholder={t('partners.customers.create.reasonPlaceholder')}
      testId="customer-form"
      codeTakenCode="CUSTOMER_CODE_TAKEN"
      pending={create.isPending}
      onSubmit={async (values) =>
        onCreated(
          await create.mutateAsync({
            code: values.code.trim(),
            ...customerDataOf(values),
            ...reasonOf(values),
          }),
        )
      }
    >
      <CodeField label={t('partners.customers.fields.code')} />
      <CustomerDataFields />
    </CreateRecordDrawer>
  );
}

import { Checkbox, Form, Input, Select } from 'antd';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  CUSTOMER_KINDS,
  type AddressInput,
  type ContactInput,
  type CustomerDataInput,
  type CustomerKind,
  type SupplierDataInput,
} from '../../api/partners.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { countryText, textOrNull } from './partner-format.ts';

// Form fields shared by the partners' drawers and dialogs.

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const COUNTRY_PATTERN = /^[A-Z]{2}$/;

/** The code field of a new supplier or customer: unique, and fixed once created. */
export function CodeField({ label, testId = 'code' }: { label: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="code"
      label={label}
      extra={t('partners.form.codeHelp')}
      rules={[
        { required: true, whitespace: true, message: t('partners.form.codeRequired') },
        { pattern: CODE_PATTERN, message: t('partners.form.codePattern') },
      ]}
    >
      <Input autoComplete="off" spellCheck={false} className="mono" data-testid={testId} />
    </Form.Item>
  );
}

/** Chinese and English legal names, side by side. */
export function LegalNameFields() {
  const { t } = useTranslation();
  const rule = [
    { required: true, whitespace: true, message: t('partners.form.nameRequired') },
    { max: 300 },
  ];
  return (
    <div className="form-grid-2">
      <Form.Item name="legalNameZh" label={t('partners.fields.legalNameZh')} rules={rule}>
        <Input autoComplete="off" data-testid="legalNameZh" />
      </Form.Item>
      <Form.Item name="legalNameEn" label={t('partners.fields.legalNameEn')} rules={rule}>
        <Input autoComplete="off" data-testid="legalNameEn" />
      </Form.Item>
    </div>
  );
}

/** An ISO 3166-1 alpha-2 country code, shown with the country's name as it is typed. */
export function CountryField({ name = 'country' }: { name?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = Form.useFormInstance();
  const value = Form.useWatch(name, form) as string | undefined;
  const known = value && COUNTRY_PATTERN.test(value) ? countryText(value, language) : undefined;
  return (
    <Form.Item
      name={name}
      label={t('partners.fields.country')}
      extra={known ?? t('partners.form.countryHelp')}
      normalize={(input: string) => input.toUpperCase()}
      rules={[
        { required: true, whitespace: true, message: t('partners.form.countryRequired') },
        { pattern: COUNTRY_PATTERN, message: t('partners.form.countryPattern') },
      ]}
    >
      <Input
        maxLength={2}
        autoComplete="off"
        spellCheck={false}
        className="mono"
        style={{ width: 120 }}
        data-testid={name}
      />
    </Form.Item>
  );
}

/** An optional e-mail address. */
export function emailRule(t: TFunction) {
  return { type: 'email' as const, message: t('partners.form.emailInvalid') };
}

/** The supplier's data as the form holds it (text as typed; empty = not stated). */
export interface SupplierDataValues {
  legalNameZh: string;
  legalNameEn: string;
  country: string;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
}

/** Names, country, address and contact of a supplier: the new-supplier drawer and the edit dialog. */
export function SupplierDataFields() {
  const { t } = useTranslation();
  return (
    <>
      <LegalNameFields />
      <CountryField />
      <Form.Item name="address" label={t('partners.fields.address')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} data-testid="address" />
      </Form.Item>
      <div className="form-grid-3">
        <Form.Item
          name="contactName"
          label={t('partners.suppliers.fields.contactName')}
          rules={[{ max: 100 }]}
        >
          <Input autoComplete="off" data-testid="contactName" />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('partners.fields.phone')} rules={[{ max: 50 }]}>
          <Input autoComplete="off" inputMode="tel" data-testid="contactPhone" />
        </Form.Item>
        <Form.Item
          name="contactEmail"
          label={t('partners.fields.email')}
          rules={[emailRule(t), { max: 200 }]}
        >
          <Input autoComplete="off" inputMode="email" data-testid="contactEmail" />
        </Form.Item>
      </div>
    </>
  );
}

/** The form's supplier data as the API takes it. */
export function supplierDataOf(values: SupplierDataValues): SupplierDataInput {
  return {
    legalNameZh: values.legalNameZh.trim(),
    legalNameEn: values.legalNameEn.trim(),
    country: values.country.trim().toUpperCase(),
    address: textOrNull(values.address),
    contactName: textOrNull(values.contactName),
    contactPhone: textOrNull(values.contactPhone),
    contactEmail: textOrNull(values.contactEmail),
  };
}

/** The customer's data as the form holds it. */
export interface CustomerDataValues {
  legalNameZh: string;
  legalNameEn: string;
  kind: CustomerKind;
  country: string;
}

/** Names, kind and country of a customer: the new-customer drawer and the edit dialog. */
export function CustomerDataFields() {
  const { t } = useTranslation();
  return (
    <>
      <LegalNameFields />
      <div className="form-grid-2">
        <Form.Item
          name="kind"
          label={t('partners.customers.fields.kind')}
          rules={[{ required: true, message: t('partners.customers.kindRequired') }]}
        >
          <Select<CustomerKind>
            options={CUSTOMER_KINDS.map((value) => ({
              value,
              label: t(`partners.customerKind.${value}`),
            }))}
            data-testid="kind"
          />
        </Form.Item>
        <CountryField />
      </div>
    </>
  );
}

export function customerDataOf(values: CustomerDataValues): CustomerDataInput {
  return {
    legalNameZh: values.legalNameZh.trim(),
    legalNameEn: values.legalNameEn.trim(),
    kind: values.kind,
    country: values.country.trim().toUpperCase(),
  };
}

export interface AddressValues {
  label: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postcode?: string;
  country: string;
}

/** A ship-to address. */
export function AddressFields() {
  const { t } = useTranslation();
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <>
      <Form.Item
        name="label"
        label={t('partners.addresses.fields.label')}
        extra={t('partners.addresses.labelHelp')}
        rules={[...required(t('partners.addresses.labelRequired')), { max: 100 }]}
      >
        <Input autoComplete="off" data-testid="address-label" />
      </Form.Item>
      <Form.Item
        name="line1"
        label={t('partners.addresses.fields.line1')}
        rules={[...required(t('partners.addresses.line1Required')), { max: 300 }]}
      >
        <Input autoComplete="off" data-testid="address-line1" />
      </Form.Item>
      <Form.Item name="line2" label={t('partners.addresses.fields.line2')} rules={[{ max: 300 }]}>
        <Input autoComplete="off" data-testid="address-line2" />
      </Form.Item>
      <div className="form-grid-3">
        <Form.Item
          name="postcode"
          label={t('partners.addresses.fields.postcode')}
          rules={[{ max: 20 }]}
        >
          <Input autoComplete="off" data-testid="address-postcode" />
        </Form.Item>
        <Form.Item
          name="city"
          label={t('partners.addresses.fields.city')}
          rules={[...required(t('partners.addresses.cityRequired')), { max: 100 }]}
        >
          <Input autoComplete="off" data-testid="address-city" />
        </Form.Item>
        <Form.Item
          name="region"
          label={t('partners.addresses.fields.region')}
          rules={[{ max: 100 }]}
        >
          <Input autoComplete="off" data-testid="address-region" />
        </Form.Item>
      </div>
      <CountryField />
    </>
  );
}

export function addressOf(values: AddressValues): AddressInput {
  return {
    label: values.label.trim(),
    line1: values.line1.trim(),
    line2: textOrNull(values.line2),
    city: values.city.trim(),
    region: textOrNull(values.region),
    postcode: textOrNull(values.postcode),
    country: values.country.trim().toUpperCase(),
  };
}

export interface ContactValues {
  name: string;
  role?: string;
  phone?: string;
  email?: string;
  recallNotices: boolean;
}

/** A contact of a customer: phone or e-mail needed; who receives recall notices. */
export function ContactFields() {
  const { t } = useTranslation();
  const reachable = ({ getFieldValue }: Pick<FormInstance, 'getFieldValue'>) => ({
    validator: () => {
      const phone = (getFieldValue('phone') as string | undefined)?.trim();
      const email = (getFieldValue('email') as string | undefined)?.trim();
      return phone || email
        ? Promise.resolve()
        : Promise.reject(new Error(t('errors.CONTACT_UNREACHABLE')));
    },
  });
  return (
    <>
      <div className="form-grid-2">
        <Form.Item
          name="name"
          label={t('partners.contacts.fields.name')}
          rules={[
            { required: true, whitespace: true, message: t('partners.contacts.nameRequired') },
            { max: 100 },
          ]}
        >
          <Input autoComplete="off" data-testid="contact-name" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('partners.contacts.fields.role')}
          extra={t('partners.contacts.roleHelp')}
          rules={[{ max: 100 }]}
        >
          <Input autoComplete="off" data-testid="contact-role" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('partners.fields.phone')}
          dependencies={['email']}
          rules={[{ max: 50 }, reachable]}
        >
          <Input autoComplete="off" inputMode="tel" data-testid="contact-phone" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('partners.fields.email')}
          dependencies={['phone']}
          rules={[emailRule(t), { max: 200 }, reachable]}
        >
          <Input autoComplete="off" inputMode="email" data-testid="contact-email" />
        </Form.Item>
      </div>
      <Form.Item
        name="recallNotices"
        valuePropName="checked"
        extra={t('partners.contacts.recallNoticesHelp')}
      >
        <Checkbox data-testid="contact-recallNotices">
          {t('partners.contacts.fields.recallNotices')}
        </Checkbox>
      </Form.Item>
    </>
  );
}

export function contactOf(values: ContactValues): ContactInput {
  return {
    name: values.name.trim(),
    role: textOrNull(values.role),
    phone: textOrNull(values.phone),
    email: textOrNull(values.email),
    recallNotices: values.recallNotices,
  };
}

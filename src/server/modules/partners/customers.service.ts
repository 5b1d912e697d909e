import { v7 as uuidv7 } from 'uuid';
import type {
  Customer,
  CustomerAddress,
  CustomerContact,
  CustomerDetail,
} from '../../../shared/partners.contract.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import * as repo from './customers.repository.ts';
import type { CustomerKind, CustomerStatus } from './partners.tables.ts';

function toCustomer(row: repo.CustomerRow): Customer {
  return {
    id: row.id,
    code: row.code,
    legalNameZh: row.legal_name_zh,
    legalNameEn: row.legal_name_en,
    kind: row.kind,
    country: row.country,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function toAddress(row: repo.AddressRow): CustomerAddress {
  return {
    id: row.id,
    customerId: row.customer_id,
    label: row.label,
    line1: row.line1,
    line2: row.line2,
    city: row.city,
    region: row.region,
    postcode: row.postcode,
    country: row.country,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function toContact(row: repo.ContactRow): CustomerContact {
  return {
    id: row.id,
    customerId: row.customer_id,
    name: row.name,
    role: row.role,
    phone: row.phone,
    email: row.email,
    recallNotices: row.recall_notices,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The audit trail keeps the content, not the timestamps it already has. */
function withoutTimes<T extends { createdAt: string; updatedAt: string }>(value: T) {
  const { createdAt: _c, updatedAt: _u, ...rest } = value;
  return rest;
}

export async function getCustomer(db: Executor, id: string): Promise<CustomerDetail> {
  const row = await repo.findCustomer(db, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'customer', id });
  const [addresses, contacts] = await Promise.all([
    repo.addressesOf(db, id),
    repo.contactsOf(db, id),
  ]);
  return {
    ...toCustomer(row),
    addresses: addresses.map(toAddress),
    contacts: contacts.map(toContact),
  };
}

export async function listCustomers(
  db: Executor,
  filter: repo.CustomerFilter,
): Promise<{ items: Customer[]; total: number }> {
  const { rows, total } = await repo.listCustomers(db, filter);
  return { items: rows.map(toCustomer), total };
}

export interface AddressInput {
  label: string;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postcode?: string | null;
  country: string;
}

export interface ContactInput {
  name: string;
  role?: string | null;
  phone?: string | null;
  email?: string | null;
  recallNotices: boolean;
}

// A recall notice must reach someone.
function assertReachable(phone: string | null, email: string | null): void {
  if (phone === null && email === null) {
    throw new DomainError(
      'CONTACT_UNREACHABLE',
      {},
      'A contact needs a phone number or an e-mail address',
    );
  }
}

async function insertAddress(trx: Trx, customerId: string, a: AddressInput) {
  return trx
    .insertInto('customer_addresses')
    .values({
      id: uuidv7(),
      customer_id: customerId,
      label: a.label,
      line1: a.line1,
      line2: a.line2 ?? null,
      city: a.city,
      region: a.region ?? null,
      postcode: a.postcode ?? null,
      country: a.country,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function insertContact(trx: Trx, customerId: string, c: ContactInput) {
  assertReachable(c.phone ?? null, c.email ?? null);
  return trx
    .insertInto('customer_contacts')
    .values({
      id: uuidv7(),
      customer_id: customerId,
      name: c.name,
      role: c.role ?? null,
      phone: c.phone ?? null,
      email: c.email ?? null,
      recall_notices: c.recallNotices,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface CreateCustomerInput {
  code: string;
  legalNameZh: string;
  legalNameEn: string;
  kind: CustomerKind;
  country: string;
  addresses?: AddressInput[];
  contacts?: ContactInput[];
  reason?: string;
}

export async function createCustomer(
  trx: Trx,
  actor: Actor,
  input: CreateCustomerInput,
): Promise<CustomerDetail> {
  if (await repo.findCustomerByCode(trx, input.code))
    throw new DomainError('CUSTOMER_CODE_TAKEN', { code: input.code });
  const row = await trx
    .insertInto('customers')
    .values({
      id: uuidv7(),
      code: input.code,
      legal_name_zh: input.legalNameZh,
      legal_name_en: input.legalNameEn,
      kind: input.kind,
      country: input.country,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const addresses = [];
  for (const a of input.addresses ?? [])
    addresses.push(toAddress(await insertAddress(trx, row.id, a)));
  const contacts = [];
  for (const c of input.contacts ?? [])
    contacts.push(toContact(await insertContact(trx, row.id, c)));
  await recordAudit(trx, actor, {
    action: 'customer.created',
    entityType: 'customer',
    entityId: row.id,
    after: {
      ...withoutTimes(toCustomer(row)),
      addresses: addresses.map(withoutTimes),
      contacts: contacts.map(withoutTimes),
    },
    reason: input.reason ?? null,
  });
  return getCustomer(trx, row.id);
}

export async function updateCustomer(
  trx: Trx,
  actor: Actor,
  id: string,
  input: {
    legalNameZh?: string;
    legalNameEn?: string;
    kind?: CustomerKind;
    country?: string;
    reason: string;
  },
): Promise<CustomerDetail> {
  const before = await repo.lockCustomer(trx, id);
  if (!before) throw new DomainError('NOT_FOUND', { entity: 'customer', id });
  const after = await trx
    .updateTable('customers')
    .set({
      legal_name_zh: input.legalNameZh ?? before.legal_name_zh,
      legal_name_en: input.legalNameEn ?? before.legal_name_en,
      kind: input.kind ?? before.kind,
      country: input.country ?? before.country,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'customer.updated',
    entityType: 'customer',
    entityId: id,
    before: withoutTimes(toCustomer(before)),
    after: withoutTimes(toCustomer(after)),
    reason: input.reason,
  });
  return getCustomer(trx, id);
}

/** Customers are never deleted: shipments and recall notices point at them. */
export async function setCustomerStatus(
  trx: Trx,
  actor: Actor,
  id: string,
  status: CustomerStatus,
  reason: string,
): Promise<CustomerDetail> {
  const before = await repo.lockCustomer(trx, id);
  if (!before) throw new DomainError('NOT_FOUND', { entity: 'customer', id });
  if (before.status === status)
    throw new DomainError('CONFLICT', { status }, `The customer is already ${status}`);
  await trx
    .updateTable('customers')
    .set({ status, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'customer.status_changed',
    entityType: 'customer',
    entityId: id,
    before: { status: before.status },
    after: { status },
    reason,
  });
  return getCustomer(trx, id);
}

async function lockCustomerOrThrow(trx: Trx, id: string): Promise<repo.CustomerRow> {
  const row = await repo.lockCustomer(trx, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'customer', id });
  return row;
}

export async function addAddress(
  trx: Trx,
  actor: Actor,
  customerId: string,
  input: AddressInput & { reason?: string },
): Promise<CustomerAddress> {
  await lockCustomerOrThrow(trx, customerId);
  const address = toAddress(await insertAddress(trx, customerId, input));
  await recordAudit(trx, actor, {
    action: 'customer.address_added',
    entityType: 'customer',
    entityId: customerId,
    after: withoutTimes(address),
    reason: input.reason ?? null,
  });
  return address;
}

export async function updateAddress(
  trx: Trx,
  actor: Actor,
  customerId: string,
  addressId: string,
  input: Partial<AddressInput> & { active?: boolean; reason: string },
): Promise<CustomerAddress> {
  await lockCustomerOrThrow(trx, customerId);
  const before = await repo.lockAddress(trx, customerId, addressId);
  if (!before) throw new DomainError('NOT_FOUND', { entity: 'customer_address', id: addressId });
  const keep = <T>(value: T | undefined, old: T): T => (value === undefined ? old : value);
  const after = await trx
    .updateTable('customer_addresses')
    .set({
      label: keep(input.label, before.label),
      line1: keep(input.line1, before.line1),
      line2: keep(input.line2, before.line2),
      city: keep(input.city, before.city),
      region: keep(input.region, before.region),
      postcode: keep(input.postcode, before.postcode),
      country: keep(input.country, before.country),
      active: keep(input.active, before.active),
      updated_at: new Date(),
    })
    .where('id', '=', addressId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action:
      before.active && !after.active ? 'customer.address_deactivated' : 'customer.address_updated',
    entityType: 'customer',
    entityId: customerId,
    before: withoutTimes(toAddress(before)),
    after: withoutTimes(toAddress(after)),
    reason: input.reason,
  });
  return toAddress(after);
}

export async function addContact(
  trx: Trx,
  actor: Actor,
  customerId: string,
  input: ContactInput & { reason?: string },
): Promise<CustomerContact> {
  await lockCustomerOrThrow(trx, customerId);
  const contact = toContact(await insertContact(trx, customerId, input));
  await recordAudit(trx, actor, {
    action: 'customer.contact_added',
    entityType: 'customer',
    entityId: customerId,
    after: withoutTimes(contact),
    reason: input.reason ?? null,
  });
  return contact;
}

export async function updateContact(
  trx: Trx,
  actor: Actor,
  customerId: string,
  contactId: string,
  input: Partial<ContactInput> & { active?: boolean; reason: string },
): Promise<CustomerContact> {
  await lockCustomerOrThrow(trx, customerId);
  const before = await repo.lockContact(trx, customerId, contactId);
  if (!before) throw new DomainError('NOT_FOUND', { entity: 'customer_contact', id: contactId });
  const keep = <T>(value: T | undefined, old: T): T => (value === undefined ? old : value);
  const phone = keep(input.phone, before.phone);
  const email = keep(input.email, before.email);
  assertReachable(phone, email);
  const after = await trx
    .updateTable('customer_contacts')
    .set({
      name: keep(input.name, before.name),
      role: keep(input.role, before.role),
      phone,
      email,
      recall_notices: keep(input.recallNotices, before.recall_notices),
      active: keep(input.active, before.active),
      updated_at: new Date(),
    })
    .where('id', '=', contactId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action:
      before.active && !after.active ? 'customer.contact_deactivated' : 'customer.contact_updated',
    entityType: 'customer',
    entityId: customerId,
    before: withoutTimes(toContact(before)),
    after: withoutTimes(toContact(after)),
    reason: input.reason,
  });
  return toContact(after);
}

export async function findCustomerIdByCode(
  db: Executor,
  code: string,
): Promise<string | undefined> {
  return (await repo.findCustomerByCode(db, code))?.id;
}

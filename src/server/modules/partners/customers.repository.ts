import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/db/search.ts';
import type {
  CustomerAddressesTable,
  CustomerContactsTable,
  CustomerKind,
  CustomersTable,
  CustomerStatus,
} from './partners.tables.ts';
import './partners.tables.ts';

export type CustomerRow = Selectable<CustomersTable>;
export type AddressRow = Selectable<CustomerAddressesTable>;
export type ContactRow = Selectable<CustomerContactsTable>;

export async function findCustomer(db: Executor, id: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockCustomer(db: Executor, id: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findCustomerByCode(
  db: Executor,
  code: string,
): Promise<CustomerRow | undefined> {
  return db
    .selectFrom('customers')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['code']), '=', code.toLowerCase()))
    .executeTakeFirst();
}

export interface CustomerFilter {
  q?: string;
  kind?: CustomerKind;
  status?: CustomerStatus;
  country?: string;
  limit: number;
  offset: number;
}

export async function listCustomers(
  db: Executor,
  f: CustomerFilter,
): Promise<{ rows: CustomerRow[]; total: number }> {
  let query = db.selectFrom('customers');
  if (f.q) {
    const like = containsPattern(f.q);
    query = query.where((eb) =>
      eb.or([
        eb('code', 'ilike', like),
        eb('legal_name_zh', 'ilike', like),
        eb('legal_name_en', 'ilike', like),
      ]),
    );
  }
  if (f.kind) query = query.where('kind', '=', f.kind);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.country) query = query.where('country', '=', f.country);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('code').limit(f.limit).offset(f.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function addressesOf(db: Executor, customerId: string): Promise<AddressRow[]> {
  return db
    .selectFrom('customer_addresses')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('active', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function contactsOf(db: Executor, customerId: string): Promise<ContactRow[]> {
  return db
    .selectFrom('customer_contacts')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('active', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function lockAddress(
  db: Executor,
  customerId: string,
  id: string,
): Promise<AddressRow | undefined> {
  return db
    .selectFrom('customer_addresses')
    .selectAll()
    .where('id', '=', id)
    .where('customer_id', '=', customerId)
    .forUpdate()
    .executeTakeFirst();
}

export async function lockContact(
  db: Executor,
  customerId: string,
  id: string,
): Promise<ContactRow | undefined> {
  return db
    .selectFrom('customer_contacts')
    .selectAll()
    .where('id', '=', id)
    .where('customer_id', '=', customerId)
    .forUpdate()
    .executeTakeFirst();
}

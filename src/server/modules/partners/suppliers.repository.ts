import type { Selectable } from 'kysely';
import type { SupplierStatus } from '../../../shared/partners.contract.ts';
import type { Executor } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/db/search.ts';
import type {
  PartnerFilesTable,
  SupplierCertificatesTable,
  SupplierItemsTable,
  SuppliersTable,
  SupplierStatusChangesTable,
} from './partners.tables.ts';
import './partners.tables.ts';

export type SupplierRow = Selectable<SuppliersTable>;
export type StatusChangeRow = Selectable<SupplierStatusChangesTable>;
export type SupplierItemRow = Selectable<SupplierItemsTable>;
export type CertificateRow = Selectable<SupplierCertificatesTable>;
/** A stored file without its bytes. */
export type FileInfoRow = Omit<Selectable<PartnerFilesTable>, 'content'>;

export async function findSupplier(db: Executor, id: string): Promise<SupplierRow | undefined> {
  return db.selectFrom('suppliers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockSupplier(db: Executor, id: string): Promise<SupplierRow | undefined> {
  return db.selectFrom('suppliers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findSupplierByCode(
  db: Executor,
  code: string,
): Promise<SupplierRow | undefined> {
  return db
    .selectFrom('suppliers')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['code']), '=', code.toLowerCase()))
    .executeTakeFirst();
}

export interface SupplierFilter {
  q?: string;
  approvalStatus?: SupplierStatus;
  country?: string;
  itemId?: string;
  limit: number;
  offset: number;
}

export async function listSuppliers(
  db: Executor,
  f: SupplierFilter,
): Promise<{ rows: SupplierRow[]; total: number }> {
  let query = db.selectFrom('suppliers');
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
  if (f.approvalStatus) query = query.where('approval_status', '=', f.approvalStatus);
  if (f.country) query = query.where('country', '=', f.country);
  const itemId = f.itemId;
  if (itemId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('supplier_items')
          .select('supplier_items.id')
          .whereRef('supplier_items.supplier_id', '=', 'suppliers.id')
          .where('supplier_items.item_id', '=', itemId)
          .where('supplier_items.ended_at', 'is', null),
      ),
    );
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('code').limit(f.limit).offset(f.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function statusChangesOf(
  db: Executor,
  supplierId: string,
): Promise<StatusChangeRow[]> {
  return db
    .selectFrom('supplier_status_changes')
    .selectAll()
    .where('supplier_id', '=', supplierId)
    .orderBy('changed_at')
    .orderBy('id')
    .execute();
}

export async function findStatusChange(
  db: Executor,
  id: string,
): Promise<(StatusChangeRow & { supplier_code: string }) | undefined> {
  return db
    .selectFrom('supplier_status_changes')
    .innerJoin('suppliers', 'suppliers.id', 'supplier_status_changes.supplier_id')
    .selectAll('supplier_status_changes')
    .select('suppliers.code as supplier_code')
    .where('supplier_status_changes.id', '=', id)
    .executeTakeFirst();
}

export async function supplierItemsOf(
  db: Executor,
  supplierId: string,
  includeEnded: boolean,
): Promise<SupplierItemRow[]> {
  let query = db.selectFrom('supplier_items').selectAll().where('supplier_id', '=', supplierId);
  if (!includeEnded) query = query.where('ended_at', 'is', null);
  return query.orderBy('approved_at').orderBy('id').execute();
}

export async function findActiveSupplierItem(
  db: Executor,
  supplierId: string,
  itemId: string,
): Promise<SupplierItemRow | undefined> {
  return db
    .selectFrom('supplier_items')
    .selectAll()
    .where('supplier_id', '=', supplierId)
    .where('item_id', '=', itemId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

export async function findSupplierItem(
  db: Executor,
  supplierId: string,
  linkId: string,
): Promise<SupplierItemRow | undefined> {
  return db
    .selectFrom('supplier_items')
    .selectAll()
    .where('id', '=', linkId)
    .where('supplier_id', '=', supplierId)
    .executeTakeFirst();
}

export async function certificatesOf(db: Executor, supplierId: string): Promise<CertificateRow[]> {
  return db
    .selectFrom('supplier_certificates')
    .selectAll()
    .where('supplier_id', '=', supplierId)
    .orderBy('type')
    .orderBy('valid_until', 'desc')
    .orderBy('id')
    .execute();
}

export async function lockCertificate(
  db: Executor,
  supplierId: string,
  id: string,
): Promise<CertificateRow | undefined> {
  return db
    .selectFrom('supplier_certificates')
    .selectAll()
    .where('id', '=', id)
    .where('supplier_id', '=', supplierId)
    .forUpdate()
    .executeTakeFirst();
}

export async function findCertificate(
  db: Executor,
  supplierId: string,
  id: string,
): Promise<CertificateRow | undefined> {
  return db
    .selectFrom('supplier_certificates')
    .selectAll()
    .where('id', '=', id)
    .where('supplier_id', '=', supplierId)
    .executeTakeFirst();
}

export async function fileInfos(db: Executor, ids: string[]): Promise<Map<string, FileInfoRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('partner_files')
    .select(['id', 'filename', 'media_type', 'size_bytes', 'sha256', 'uploaded_at', 'uploaded_by'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function fileWithContent(
  db: Executor,
  id: string,
): Promise<(FileInfoRow & { content: Uint8Array }) | undefined> {
  return db.selectFrom('partner_files').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface ExpiringFilter {
  /** Certificates whose last valid day is on or before this date… */
  until: string;
  /** …and, unless null, on or after this one (leaves out those already expired). */
  from: string | null;
  q?: string;
  limit: number;
  offset: number;
}

/** Current (not superseded) certificates of suppliers still in use, soonest first. */
export async function listExpiringCertificates(
  db: Executor,
  f: ExpiringFilter,
): Promise<{ rows: (CertificateRow & { supplier: SupplierRow })[]; total: number }> {
  let query = db
    .selectFrom('supplier_certificates as c')
    .innerJoin('suppliers as s', 's.id', 'c.supplier_id')
    .where('c.superseded_by_id', 'is', null)
    .where('s.approval_status', '<>', 'disqualified')
    .where('c.valid_until', '<=', f.until);
  if (f.from !== null) query = query.where('c.valid_until', '>=', f.from);
  if (f.q) {
    const like = containsPattern(f.q);
    query = query.where((eb) =>
      eb.or([
        eb('s.code', 'ilike', like),
        eb('s.legal_name_zh', 'ilike', like),
        eb('s.legal_name_en', 'ilike', like),
        eb('c.number', 'ilike', like),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll('c')
      .orderBy('c.valid_until')
      .orderBy('s.code')
      .orderBy('c.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const ids = rows.map((r) => r.supplier_id);
  const suppliers = new Map<string, SupplierRow>();
  if (ids.length > 0) {
    for (const s of await db.selectFrom('suppliers').selectAll().where('id', 'in', ids).execute())
      suppliers.set(s.id, s);
  }
  return {
    rows: rows.map((r) => {
      const supplier = suppliers.get(r.supplier_id);
      if (!supplier) throw new Error(`supplier ${r.supplier_id} vanished`);
      return { ...r, supplier };
    }),
    total: Number(count.n),
  };
}

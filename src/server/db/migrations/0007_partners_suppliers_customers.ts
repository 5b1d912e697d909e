import { sql, type Kysely } from 'kysely';
import { appendOnly, neverDeleted } from '../../platform/db/migration-helpers.ts';

// Suppliers (approval status with a signed, append-only history; approved items;
// certificates with their scanned files) and customers / consignees (ship-to
// addresses and contacts for recall notices). Nothing here is ever deleted:
// links end, addresses and contacts are deactivated, files are replaced by new ones.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table suppliers (
      id uuid primary key,
      code text not null,
      legal_name_zh text not null,
      legal_name_en text not null,
      country text not null check (country ~ '^[A-Z]{2}$'),
      address text,
      contact_name text,
      contact_phone text,
      contact_email text,
      approval_status text not null default 'pending'
        check (approval_status in ('pending', 'approved', 'conditional', 'disqualified')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index suppliers_code_key on suppliers (lower(code))`.execute(db);
  await sql`create index suppliers_status on suppliers (approval_status)`.execute(db);
  await neverDeleted(db, 'suppliers');

  // A person's change carries an e-signature; only Lotline itself (demo data,
  // a data migration) records one without.
  await sql`
    create table supplier_status_changes (
      id uuid primary key,
      supplier_id uuid not null references suppliers (id),
      from_status text check (from_status in ('pending', 'approved', 'conditional', 'disqualified')),
      to_status text not null check (to_status in ('pending', 'approved', 'conditional', 'disqualified')),
      reason text not null,
      actor_type text not null check (actor_type in ('user', 'token', 'system')),
      actor_id uuid,
      actor_name text not null,
      changed_at timestamptz not null,
      signature_id uuid references signatures (id),
      check (signature_id is not null or actor_type = 'system')
    )`.execute(db);
  await sql`create index supplier_status_changes_supplier on supplier_status_changes (supplier_id, changed_at)`.execute(
    db,
  );
  await appendOnly(db, 'supplier_status_changes');

  await sql`
    create table partner_files (
      id uuid primary key,
      filename text not null,
      media_type text not null,
      size_bytes integer not null check (size_bytes between 1 and 10485760),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      content bytea not null,
      uploaded_at timestamptz not null default now(),
      uploaded_by text not null,
      check (octet_length(content) = size_bytes)
    )`.execute(db);
  await appendOnly(db, 'partner_files');

  await sql`
    create table supplier_certificates (
      id uuid primary key,
      supplier_id uuid not null references suppliers (id),
      type text not null check (type in ('iso13485', 'business_licence', 'product_registration', 'other')),
      number text not null,
      issuer text not null,
      valid_from date not null,
      valid_until date not null,
      file_id uuid references partner_files (id),
      superseded_by_id uuid references supplier_certificates (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (valid_until >= valid_from),
      check (superseded_by_id is distinct from id)
    )`.execute(db);
  await sql`create index supplier_certificates_supplier on supplier_certificates (supplier_id, type)`.execute(
    db,
  );
  await sql`create index supplier_certificates_current on supplier_certificates (valid_until) where superseded_by_id is null`.execute(
    db,
  );
  await neverDeleted(db, 'supplier_certificates');

  await sql`
    create table supplier_items (
      id uuid primary key,
      supplier_id uuid not null references suppliers (id),
      item_id uuid not null references items (id),
      supplier_part_number text,
      approved_at timestamptz not null default now(),
      ended_at timestamptz,
      end_reason text,
      check ((ended_at is null) = (end_reason is null))
    )`.execute(db);
  // One active link per supplier and item; ended links stay as history.
  await sql`create unique index supplier_items_active on supplier_items (supplier_id, item_id) where ended_at is null`.execute(
    db,
  );
  await sql`create index supplier_items_item on supplier_items (item_id) where ended_at is null`.execute(
    db,
  );
  await neverDeleted(db, 'supplier_items');

  await sql`
    create table customers (
      id uuid primary key,
      code text not null,
      legal_name_zh text not null,
      legal_name_en text not null,
      kind text not null check (kind in ('hospital', 'distributor', 'clinic', 'other')),
      country text not null check (country ~ '^[A-Z]{2}$'),
      status text not null default 'active' check (status in ('active', 'inactive')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index customers_code_key on customers (lower(code))`.execute(db);
  await neverDeleted(db, 'customers');

  await sql`
    create table customer_addresses (
      id uuid primary key,
      customer_id uuid not null references customers (id),
      label text not null,
      line1 text not null,
      line2 text,
      city text not null,
      region text,
      postcode text,
      country text not null check (country ~ '^[A-Z]{2}$'),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index customer_addresses_customer on customer_addresses (customer_id)`.execute(
    db,
  );
  await neverDeleted(db, 'customer_addresses');

  // A recall notice must reach someone: every contact has a phone or an e-mail.
  await sql`
    create table customer_contacts (
      id uuid primary key,
      customer_id uuid not null references customers (id),
      name text not null,
      role text,
      phone text,
      email text,
      recall_notices boolean not null default true,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (phone is not null or email is not null)
    )`.execute(db);
  await sql`create index customer_contacts_customer on customer_contacts (customer_id)`.execute(db);
  await neverDeleted(db, 'customer_contacts');
}

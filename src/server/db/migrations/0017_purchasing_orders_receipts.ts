import { sql, type Kysely } from 'kysely';
import { appendOnly, neverDeleted } from '../../platform/db/migration-helpers.ts';

// Purchasing and receiving: purchase orders with their lines, receipts against a
// line (each creating Lotline's own lots or serials bound to the supplier lot),
// the certificate-of-analysis files kept with a receipt, and returns to the
// supplier. Receipts, their trace units, files and returns are evidence: the
// database refuses to change or delete them.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table purchase_orders (
      id uuid primary key,
      code text not null unique,
      supplier_id uuid not null references suppliers (id),
      status text not null default 'draft' check (status in ('draft', 'open', 'partially_received', 'received', 'closed', 'cancelled')),
      supplier_reference text,
      note text,
      status_reason text,
      placed_at timestamptz,
      closed_at timestamptz,
      created_by_id uuid references users (id),
      created_by_name text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (status = 'draft' or status = 'cancelled' or placed_at is not null)
    )`.execute(db);
  await sql`create index purchase_orders_supplier on purchase_orders (supplier_id, status)`.execute(
    db,
  );
  await sql`create index purchase_orders_status on purchase_orders (status)`.execute(db);
  await neverDeleted(db, 'purchase_orders');

  // A draft's lines are replaced while it is edited; once placed they only gain quantities.
  await sql`
    create table purchase_order_lines (
      id uuid primary key,
      purchase_order_id uuid not null references purchase_orders (id),
      line_no integer not null check (line_no >= 1),
      item_id uuid not null references items (id),
      quantity numeric not null check (quantity > 0),
      unit text not null,
      due_date date not null,
      received_quantity numeric not null default 0 check (received_quantity >= 0),
      returned_quantity numeric not null default 0 check (returned_quantity >= 0),
      note text,
      unique (purchase_order_id, line_no),
      check (returned_quantity <= received_quantity)
    )`.execute(db);
  await sql`create index purchase_order_lines_item on purchase_order_lines (item_id)`.execute(db);

  await sql`
    create table receipt_files (
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
  await appendOnly(db, 'receipt_files');

  await sql`
    create table receipts (
      id uuid primary key,
      code text not null unique,
      purchase_order_id uuid not null references purchase_orders (id),
      purchase_order_line_id uuid not null references purchase_order_lines (id),
      supplier_id uuid not null references suppliers (id),
      item_id uuid not null references items (id),
      quantity numeric not null check (quantity > 0),
      unit text not null,
      entry_mode text not null check (entry_mode in ('scan', 'typed')),
      scan_data text,
      gtin text,
      supplier_lot text,
      expires_on date,
      manufactured_on date,
      serials jsonb not null default '[]'::jsonb,
      location_id uuid not null references locations (id),
      certificate_file_id uuid references receipt_files (id),
      received_on date not null,
      due_date date not null,
      on_time boolean not null,
      note text,
      received_by_id uuid references users (id),
      received_by_name text not null,
      received_at timestamptz not null default now(),
      check ((entry_mode = 'scan') = (scan_data is not null)),
      check (on_time = (received_on <= due_date))
    )`.execute(db);
  await sql`create index receipts_line on receipts (purchase_order_line_id)`.execute(db);
  await sql`create index receipts_po on receipts (purchase_order_id)`.execute(db);
  await sql`create index receipts_supplier on receipts (supplier_id, received_on)`.execute(db);
  await appendOnly(db, 'receipts');

  await sql`
    create table receipt_trace_units (
      receipt_id uuid not null references receipts (id),
      trace_unit_id uuid not null unique,
      trace_unit_code text not null,
      kind text not null check (kind in ('lot', 'serial')),
      quantity numeric not null check (quantity > 0),
      inspection_id uuid,
      inspection_code text,
      sample_size integer,
      primary key (receipt_id, trace_unit_id)
    )`.execute(db);
  await appendOnly(db, 'receipt_trace_units');

  await sql`
    create table supplier_returns (
      id uuid primary key,
      code text not null unique,
      purchase_order_id uuid not null references purchase_orders (id),
      purchase_order_line_id uuid not null references purchase_order_lines (id),
      receipt_id uuid not null references receipts (id),
      supplier_id uuid not null references suppliers (id),
      trace_unit_id uuid not null,
      trace_unit_code text not null,
      location_id uuid not null references locations (id),
      quantity numeric not null check (quantity > 0),
      unit text not null,
      reason text not null,
      returned_by_id uuid references users (id),
      returned_by_name text not null,
      returned_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index supplier_returns_po on supplier_returns (purchase_order_id)`.execute(db);
  await sql`create index supplier_returns_trace_unit on supplier_returns (trace_unit_id)`.execute(
    db,
  );
  await appendOnly(db, 'supplier_returns');

  await sql`
    insert into platform_settings (key, value)
    values ('purchasing.over_receipt_tolerance_percent', '10'::jsonb)
    on conflict (key) do nothing`.execute(db);
}

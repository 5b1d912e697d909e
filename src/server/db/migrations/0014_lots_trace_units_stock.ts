import { sql, type Kysely } from 'kysely';
import { appendOnly, neverDeleted } from '../../platform/db/migration-helpers.ts';

// Trace units (lots, serials, containers) with their quality status and its
// append-only history; activities (the events) with the units they touched and
// the genealogy edges they made; the append-only stock ledger and the balances
// per trace unit and location it keeps, never negative.

const STATUSES = `('quarantined', 'released', 'rejected', 'on_hold', 'recalled', 'expired')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table trace_units (
      id uuid primary key,
      kind text not null check (kind in ('lot', 'serial', 'container')),
      code text not null,
      item_id uuid not null references items (id),
      unit text not null,
      quantity numeric not null check (quantity > 0),
      manufactured_on date,
      expires_on date,
      supplier_id uuid references suppliers (id),
      supplier_lot text,
      source_type text,
      source_id text,
      quality_status text not null check (quality_status in ${sql.raw(STATUSES)}),
      hold_reason text,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (kind <> 'serial' or quantity = 1),
      check (expires_on is null or manufactured_on is null or expires_on >= manufactured_on),
      check ((source_type is null) = (source_id is null))
    )`.execute(db);
  await sql`create unique index trace_units_code_key on trace_units (item_id, lower(code))`.execute(
    db,
  );
  await sql`create index trace_units_code on trace_units (lower(code))`.execute(db);
  await sql`create index trace_units_supplier_lot on trace_units (supplier_id, supplier_lot)`.execute(
    db,
  );
  await sql`create index trace_units_status_expiry on trace_units (quality_status, expires_on)`.execute(
    db,
  );
  await neverDeleted(db, 'trace_units');

  // An activity is the event (EPCIS: object, transformation, aggregation event).
  await sql`
    create table activities (
      id uuid primary key,
      type text not null,
      occurred_at timestamptz not null default now(),
      actor_id uuid,
      actor_name text not null,
      location_id uuid references locations (id),
      reason text,
      source_type text,
      source_id text
    )`.execute(db);
  await sql`create index activities_time on activities (occurred_at)`.execute(db);
  await appendOnly(db, 'activities');

  // role: input (consumed / split from), output (made), object (what the event is about).
  await sql`
    create table activity_units (
      activity_id uuid not null references activities (id),
      trace_unit_id uuid not null references trace_units (id),
      role text not null check (role in ('input', 'output', 'object')),
      quantity numeric check (quantity is null or quantity > 0),
      primary key (activity_id, trace_unit_id, role)
    )`.execute(db);
  await sql`create index activity_units_unit on activity_units (trace_unit_id)`.execute(db);
  await appendOnly(db, 'activity_units');

  await sql`
    create table genealogy_edges (
      parent_id uuid not null references trace_units (id),
      child_id uuid not null references trace_units (id),
      activity_id uuid not null references activities (id),
      quantity numeric check (quantity is null or quantity > 0),
      created_at timestamptz not null default now(),
      primary key (parent_id, child_id, activity_id),
      check (parent_id <> child_id)
    )`.execute(db);
  await sql`create index genealogy_edges_child on genealogy_edges (child_id)`.execute(db);
  await appendOnly(db, 'genealogy_edges');

  await sql`
    create table trace_unit_status_changes (
      id uuid primary key,
      trace_unit_id uuid not null references trace_units (id),
      from_status text check (from_status in ${sql.raw(STATUSES)}),
      to_status text not null check (to_status in ${sql.raw(STATUSES)}),
      reason text,
      activity_id uuid not null references activities (id),
      signature_id uuid references signatures (id),
      changed_by text not null,
      changed_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index trace_unit_status_changes_unit on trace_unit_status_changes (trace_unit_id, changed_at)`.execute(
    db,
  );
  await appendOnly(db, 'trace_unit_status_changes');

  // Quantities are always positive; the direction is from → to. A reversal
  // swaps them and names the movement it reverses (at most once).
  await sql`
    create table stock_movements (
      id uuid primary key,
      type text not null check (type in ('receipt', 'transfer', 'issue', 'adjustment', 'scrap',
        'return_to_supplier', 'split', 'merge')),
      trace_unit_id uuid not null references trace_units (id),
      from_location_id uuid references locations (id),
      to_location_id uuid references locations (id),
      quantity numeric not null check (quantity > 0),
      reason text not null check (length(reason) > 0),
      reverses_movement_id uuid unique references stock_movements (id),
      source_type text,
      source_id text,
      activity_id uuid not null references activities (id),
      created_by text not null,
      created_at timestamptz not null default now(),
      check (from_location_id is not null or to_location_id is not null),
      check (from_location_id is distinct from to_location_id),
      check (type <> 'transfer' or (from_location_id is not null and to_location_id is not null))
    )`.execute(db);
  await sql`create index stock_movements_unit on stock_movements (trace_unit_id, created_at)`.execute(
    db,
  );
  await sql`create index stock_movements_time on stock_movements (created_at)`.execute(db);
  await sql`create index stock_movements_from on stock_movements (from_location_id)`.execute(db);
  await sql`create index stock_movements_to on stock_movements (to_location_id)`.execute(db);
  await appendOnly(db, 'stock_movements');

  // On hand per trace unit and location, kept in the movement's transaction under row locks.
  await sql`
    create table stock_balances (
      trace_unit_id uuid not null references trace_units (id),
      location_id uuid not null references locations (id),
      quantity numeric not null check (quantity >= 0),
      updated_at timestamptz not null default now(),
      primary key (trace_unit_id, location_id)
    )`.execute(db);
  await sql`create index stock_balances_location on stock_balances (location_id)`.execute(db);
  await neverDeleted(db, 'stock_balances');

  await sql`
    insert into platform_settings (key, value)
    values ('lots.expiry_warning_days', '30'::jsonb)
    on conflict (key) do nothing`.execute(db);
}

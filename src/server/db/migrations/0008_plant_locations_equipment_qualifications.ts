import { sql, type Kysely } from 'kysely';
import { appendOnly, neverDeleted } from '../../platform/db/migration-helpers.ts';

// The plant: locations (site → warehouse → zone → bin), equipment with its
// append-only calibration and maintenance records, and people's qualifications
// (a skills catalogue and append-only training records).

export async function up(db: Kysely<unknown>): Promise<void> {
  // Only a site stands alone; the service checks that each level sits under the one above.
  await sql`
    create table locations (
      id uuid primary key,
      code text not null,
      name_zh text not null,
      name_en text not null,
      level text not null check (level in ('site', 'warehouse', 'zone', 'bin')),
      kind text not null check (kind in ('storage', 'quarantine', 'production', 'cold_storage', 'customer', 'scrap')),
      parent_id uuid references locations (id),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((level = 'site') = (parent_id is null)),
      check (parent_id is distinct from id)
    )`.execute(db);
  await sql`create unique index locations_code_key on locations (lower(code))`.execute(db);
  await sql`create index locations_parent on locations (parent_id)`.execute(db);
  await neverDeleted(db, 'locations');

  await sql`
    create table equipment (
      id uuid primary key,
      code text not null,
      name_zh text not null,
      name_en text not null,
      class text not null check (class ~ '^[a-z][a-z0-9_]{0,39}$'),
      location_id uuid references locations (id),
      manufacturer text,
      model text,
      serial_number text,
      calibration_interval_days integer check (calibration_interval_days between 1 and 3650),
      maintenance_interval_days integer check (maintenance_interval_days between 1 and 3650),
      manual_status text not null default 'active' check (manual_status in ('active', 'out_of_service', 'retired')),
      manual_status_reason text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index equipment_code_key on equipment (lower(code))`.execute(db);
  await sql`create index equipment_class on equipment (class)`.execute(db);
  await neverDeleted(db, 'equipment');

  // A failed calibration has no next due date: the instrument is out of service until one passes.
  for (const table of ['equipment_calibrations', 'equipment_maintenance']) {
    await sql`
      create table ${sql.table(table)} (
        id uuid primary key,
        equipment_id uuid not null references equipment (id),
        performed_on date not null,
        result text not null check (result in ('pass', 'fail')),
        performed_by text not null,
        certificate_no text,
        notes text,
        next_due_on date,
        recorded_at timestamptz not null default now(),
        recorded_by text not null,
        check (next_due_on is null or next_due_on > performed_on),
        check (result = 'pass' or next_due_on is null)
      )`.execute(db);
    await sql`create index ${sql.raw(`${table}_equipment`)} on ${sql.table(table)} (equipment_id, performed_on desc, recorded_at desc)`.execute(
      db,
    );
    await appendOnly(db, table);
  }

  await sql`
    create table skills (
      id uuid primary key,
      code text not null,
      name_zh text not null,
      name_en text not null,
      validity_months integer check (validity_months between 1 and 600),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index skills_code_key on skills (lower(code))`.execute(db);
  await neverDeleted(db, 'skills');

  await sql`
    create table training_records (
      id uuid primary key,
      user_id uuid not null references users (id),
      skill_id uuid not null references skills (id),
      trained_on date not null,
      trainer text not null,
      expires_on date,
      document_ref text,
      recorded_at timestamptz not null default now(),
      recorded_by text not null,
      check (expires_on is null or expires_on > trained_on)
    )`.execute(db);
  await sql`create index training_records_user on training_records (user_id, skill_id, trained_on desc)`.execute(
    db,
  );
  await sql`create index training_records_skill on training_records (skill_id, trained_on desc)`.execute(
    db,
  );
  await appendOnly(db, 'training_records');
}

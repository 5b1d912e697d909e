import { sql, type Kysely } from 'kysely';

// Items (anything stocked or made) and, for finished devices, their UDI-DI data.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table items (
      id uuid primary key,
      code text not null,
      name_zh text not null,
      name_en text not null,
      type text not null check (type in ('raw_material', 'component', 'sub_assembly', 'finished_device', 'packaging', 'label')),
      uom text not null,
      tracking text not null check (tracking in ('lot', 'serial', 'none')),
      shelf_life_days integer check (shelf_life_days > 0),
      storage_temp_min_c numeric(6, 2),
      storage_temp_max_c numeric(6, 2),
      storage_humidity_max_pct numeric(5, 2) check (storage_humidity_max_pct between 0 and 100),
      status text not null default 'active' check (status in ('active', 'blocked', 'obsolete')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (storage_temp_min_c is null or storage_temp_max_c is null or storage_temp_min_c <= storage_temp_max_c)
    )`.execute(db);
  await sql`create unique index items_code_key on items (lower(code))`.execute(db);
  await sql`create index items_type on items (type, status)`.execute(db);

  await sql`
    create table device_models (
      item_id uuid primary key references items (id),
      issuing_agency text not null check (issuing_agency in ('GS1', 'HIBCC')),
      primary_di text not null unique,
      basic_udi_di text,
      brand text,
      model_version text not null,
      gmdn_code text,
      emdn_code text,
      risk_class text not null,
      nmpa_registration text,
      fda_premarket text,
      sterile boolean not null,
      single_use boolean not null,
      contains_latex boolean not null,
      mri_safety text not null check (mri_safety in ('safe', 'conditional', 'unsafe', 'not_evaluated')),
      label_lot boolean not null,
      label_serial boolean not null,
      label_manufacture_date boolean not null,
      label_expiry boolean not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table device_package_levels (
      item_id uuid not null references device_models (item_id),
      level integer not null check (level between 1 and 9),
      name text not null,
      di text not null unique,
      quantity_of_lower numeric(12, 0) not null check (quantity_of_lower >= 1),
      primary key (item_id, level)
    )`.execute(db);

  // Everyone reads master data; engineers and administrators maintain it.
  for (const role of [
    'admin',
    'qa_manager',
    'qa_inspector',
    'production_supervisor',
    'operator',
    'warehouse',
    'purchasing',
    'engineer',
    'viewer',
  ]) {
    await sql`insert into role_permissions (role_key, permission) values (${role}, 'item.read')`.execute(
      db,
    );
  }
  for (const role of ['admin', 'engineer']) {
    await sql`insert into role_permissions (role_key, permission) values (${role}, 'item.manage')`.execute(
      db,
    );
  }
}

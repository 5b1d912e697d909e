import { sql, type Kysely } from 'kysely';
import { appendOnly, neverDeleted } from '../../platform/db/migration-helpers.ts';

// Incoming inspection: inspection plans per item with their characteristics
// (each with its ISO 2859-1 sampling: level, AQL), inspections of received lots
// (the plan's characteristics copied with the sample size and Ac/Re chosen at
// opening), results per characteristic and sample unit, and QA's resumptions
// of a discontinued sampling scheme. Receipts (0017) come later: receipt_id has
// no foreign key here.

const LEVELS = sql.raw(`('S-1', 'S-2', 'S-3', 'S-4', 'I', 'II', 'III')`);
const SEVERITIES = sql.raw(`('normal', 'tightened', 'reduced')`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table inspection_plans (
      id uuid primary key,
      code text not null unique,
      item_id uuid not null references items (id),
      name text not null,
      status text not null default 'draft' check (status in ('draft', 'active', 'retired')),
      is_default boolean not null default true,
      notes text,
      activated_at timestamptz,
      retired_at timestamptz,
      created_by_id uuid references users (id),
      created_by_name text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index inspection_plans_item on inspection_plans (item_id)`.execute(db);
  // The item's default inspection plan: at most one active default per item.
  await sql`
    create unique index inspection_plans_one_active_default on inspection_plans (item_id)
    where status = 'active' and is_default`.execute(db);
  await neverDeleted(db, 'inspection_plans');

  // Replaced as a whole while the plan is a draft.
  await sql`
    create table inspection_plan_characteristics (
      plan_id uuid not null references inspection_plans (id),
      seq integer not null check (seq >= 1),
      name text not null,
      kind text not null check (kind in ('measured', 'attribute')),
      method text,
      nominal numeric,
      lower_limit numeric,
      upper_limit numeric,
      unit text,
      inspection_level text not null check (inspection_level in ${LEVELS}),
      aql text not null,
      defect_class text not null check (defect_class in ('critical', 'major', 'minor')),
      primary key (plan_id, seq)
    )`.execute(db);

  await sql`
    create table inspections (
      id uuid primary key,
      code text not null unique,
      status text not null default 'open' check (status in ('open', 'decided')),
      trace_unit_id uuid not null references trace_units (id),
      item_id uuid not null references items (id),
      supplier_id uuid references suppliers (id),
      receipt_id uuid,
      plan_id uuid not null references inspection_plans (id),
      lot_size numeric not null check (lot_size > 0),
      severity text not null check (severity in ${SEVERITIES}),
      sampling_discontinued boolean not null default false,
      code_letter text not null,
      sample_size integer not null check (sample_size >= 1),
      decision text check (decision in ('accept', 'reject', 'partial')),
      decision_reason text,
      accepted_quantity numeric,
      rejected_quantity numeric,
      released_unit_ids jsonb,
      rejected_unit_ids jsonb,
      nonconformance_id uuid,
      decided_by_id uuid references users (id),
      decided_by_name text,
      decided_at timestamptz,
      created_by_id uuid references users (id),
      created_by_name text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((status = 'decided') = (decision is not null and decided_at is not null))
    )`.execute(db);
  await sql`create index inspections_trace_unit on inspections (trace_unit_id)`.execute(db);
  await sql`create index inspections_status on inspections (status)`.execute(db);
  await sql`
    create index inspections_switching on inspections (supplier_id, item_id, decided_at)
    where status = 'decided'`.execute(db);
  await neverDeleted(db, 'inspections');

  // The plan as it was when the inspection opened, with the sampling chosen then.
  await sql`
    create table inspection_characteristics (
      inspection_id uuid not null references inspections (id),
      seq integer not null check (seq >= 1),
      name text not null,
      kind text not null check (kind in ('measured', 'attribute')),
      method text,
      nominal numeric,
      lower_limit numeric,
      upper_limit numeric,
      unit text,
      inspection_level text not null check (inspection_level in ${LEVELS}),
      aql text not null,
      defect_class text not null check (defect_class in ('critical', 'major', 'minor')),
      code_letter text not null,
      plan_letter text not null,
      sample_size integer not null check (sample_size >= 1),
      acceptance_number integer not null check (acceptance_number >= 0),
      rejection_number integer not null check (rejection_number > acceptance_number),
      primary key (inspection_id, seq)
    )`.execute(db);
  await appendOnly(db, 'inspection_characteristics');

  // The units the inspection decides: the lot, or every serial received together.
  await sql`
    create table inspection_units (
      inspection_id uuid not null references inspections (id),
      trace_unit_id uuid not null references trace_units (id),
      primary key (inspection_id, trace_unit_id)
    )`.execute(db);
  await sql`create index inspection_units_unit on inspection_units (trace_unit_id)`.execute(db);
  await appendOnly(db, 'inspection_units');

  // Every result entered, append-only: a correction is a new entry that names
  // the one it replaces and says why. inspection_results shows the current one.
  await sql`
    create table inspection_result_entries (
      id uuid primary key,
      inspection_id uuid not null references inspections (id),
      characteristic_seq integer not null,
      unit_no integer not null check (unit_no >= 1),
      value numeric,
      passed boolean,
      conforming boolean not null,
      note text,
      replaces_entry_id uuid unique references inspection_result_entries (id),
      correction_reason text,
      recorded_by_id uuid references users (id),
      recorded_by_name text not null,
      recorded_at timestamptz not null default now(),
      foreign key (inspection_id, characteristic_seq)
        references inspection_characteristics (inspection_id, seq),
      check ((value is null) <> (passed is null)),
      check ((replaces_entry_id is null) = (correction_reason is null))
    )`.execute(db);
  await sql`create index inspection_result_entries_unit on inspection_result_entries (inspection_id, characteristic_seq, unit_no, recorded_at)`.execute(
    db,
  );
  await appendOnly(db, 'inspection_result_entries');

  // The current result per characteristic and sample unit (the latest entry).
  await sql`
    create table inspection_results (
      inspection_id uuid not null references inspections (id),
      characteristic_seq integer not null,
      unit_no integer not null check (unit_no >= 1),
      value numeric,
      passed boolean,
      conforming boolean not null,
      note text,
      recorded_by_id uuid references users (id),
      recorded_by_name text not null,
      recorded_at timestamptz not null default now(),
      entry_id uuid not null references inspection_result_entries (id),
      primary key (inspection_id, characteristic_seq, unit_no),
      foreign key (inspection_id, characteristic_seq)
        references inspection_characteristics (inspection_id, seq),
      check ((value is null) <> (passed is null))
    )`.execute(db);
  await sql`
    create trigger inspection_results_no_delete before delete on inspection_results
    for each row execute function lotline_refuse_change()`.execute(db);

  await sql`
    create table inspection_sampling_resumptions (
      id uuid primary key,
      item_id uuid not null references items (id),
      supplier_id uuid not null references suppliers (id),
      reason text not null,
      resumed_by_id uuid references users (id),
      resumed_by_name text not null,
      resumed_at timestamptz not null default now()
    )`.execute(db);
  await appendOnly(db, 'inspection_sampling_resumptions');
}

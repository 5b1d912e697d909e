import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export type ItemType =
  'raw_material' | 'component' | 'sub_assembly' | 'finished_device' | 'packaging' | 'label';
export type Tracking = 'lot' | 'serial' | 'none';
export type ItemStatus = 'active' | 'blocked' | 'obsolete';

export interface ItemsTable {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  type: ItemType;
  uom: string;
  tracking: Tracking;
  shelf_life_days: number | null;
  /** numeric: strings, never floats */
  storage_temp_min_c: string | null;
  storage_temp_max_c: string | null;
  storage_humidity_max_pct: string | null;
  status: ItemStatus;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DeviceModelsTable {
  item_id: string;
  issuing_agency: 'GS1' | 'HIBCC';
  primary_di: string;
  basic_udi_di: string | null;
  brand: string | null;
  model_version: string;
  gmdn_code: string | null;
  emdn_code: string | null;
  risk_class: string;
  nmpa_registration: string | null;
  fda_premarket: string | null;
  sterile: boolean;
  single_use: boolean;
  contains_latex: boolean;
  mri_safety: 'safe' | 'conditional' | 'unsafe' | 'not_evaluated';
  label_lot: boolean;
  label_serial: boolean;
  label_manufacture_date: boolean;
  label_expiry: boolean;
  updated_at: UpdatedAt;
}

export interface DevicePackageLevelsTable {
  item_id: string;
  level: number;
  name: string;
  di: string;
  quantity_of_lower: string;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    items: ItemsTable;
    device_models: DeviceModelsTable;
    device_package_levels: DevicePackageLevelsTable;
  }
}

export interface ItemDocumentLinksTable {
  id: string;
  item_id: string;
  document_version_id: string;
  linked_at: CreatedAt;
  linked_by: string;
  link_reason: string | null;
  ended_at: Date | null;
  ended_by: string | null;
  end_reason: string | null;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    item_document_links: ItemDocumentLinksTable;
  }
}

import { z } from 'zod';
import { listQuerySchema } from './list.ts';

export const LOCATION_LEVELS = ['site', 'warehouse', 'zone', 'bin'] as const;
export type LocationLevel = (typeof LOCATION_LEVELS)[number];
export const LOCATION_KINDS = [
  'storage',
  'quarantine',
  'production',
  'cold_storage',
  'customer',
  'scrap',
] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

export const EQUIPMENT_MANUAL_STATUSES = ['active', 'out_of_service', 'retired'] as const;
export type EquipmentManualStatus = (typeof EQUIPMENT_MANUAL_STATUSES)[number];
export const EQUIPMENT_STATUSES = ['in_service', 'calibration_due_soon', 'out_of_service'] as const;
export type EquipmentStatus = (typeof EQUIPMENT_STATUSES)[number];
/** Why equipment has its status; the first five take it out of service. */
export const EQUIPMENT_STATUS_REASONS = [
  'retired',
  'manually_out_of_service',
  'calibration_failed',
  'never_calibrated',
  'calibration_overdue',
  'calibration_due_soon',
  'maintenance_overdue',
  'maintenance_due_soon',
  'maintenance_failed',
] as const;
export type EquipmentStatusReason = (typeof EQUIPMENT_STATUS_REASONS)[number];
export const RECORD_RESULTS = ['pass', 'fail'] as const;
/** Calibration is "due soon" this many days before its due date. */
export const CALIBRATION_DUE_SOON_DAYS = 14;
export const TRAINING_STATUSES = ['valid', 'expired'] as const;

const masterCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, {
    error: 'letters, digits, dot, underscore and hyphen; at most 40',
  });
const name = z.string().trim().min(1).max(200);
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => text(max).nullable().optional();
const reason = z.string().trim().min(1).max(500);
const calendarDate = z.iso.date();
const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

// ---------------------------------------------------------------- locations

export const locationSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    level: z.enum(LOCATION_LEVELS),
    kind: z.enum(LOCATION_KINDS),
    parentId: z.string().nullable(),
    path: z
      .string()
      .meta({ description: 'Codes from the site down, e.g. SZ1 / WH-RM / RM-A / RM-A-01' }),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Location' });
export type Location = z.infer<typeof locationSchema>;

export interface LocationTreeNode extends Omit<Location, 'createdAt' | 'updatedAt'> {
  children: LocationTreeNode[];
}

export const locationTreeNodeSchema: z.ZodType<LocationTreeNode> = z
  .object({
    id: z.string(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    level: z.enum(LOCATION_LEVELS),
    kind: z.enum(LOCATION_KINDS),
    parentId: z.string().nullable(),
    path: z.string(),
    active: z.boolean(),
    get children() {
      return z.array(locationTreeNodeSchema);
    },
  })
  .meta({ id: 'LocationTreeNode' });

export const createLocationSchema = z.object({
  code: masterCode,
  nameZh: name,
  nameEn: name,
  level: z.enum(LOCATION_LEVELS),
  kind: z.enum(LOCATION_KINDS),
  parentId: z.uuid().nullable().optional().meta({ description: 'Required except for a site' }),
  reason: reason.optional(),
});

export const updateLocationSchema = z.object({
  nameZh: name.optional(),
  nameEn: name.optional(),
  kind: z.enum(LOCATION_KINDS).optional(),
  parentId: z
    .uuid()
    .optional()
    .meta({ description: 'Move under another parent of the level above' }),
  active: z
    .boolean()
    .optional()
    .meta({ description: 'false deactivates; locations are never deleted' }),
  reason,
});

export const locationListQuerySchema = listQuerySchema.extend({
  parentId: z.uuid().optional(),
  level: z.enum(LOCATION_LEVELS).optional(),
  kind: z.enum(LOCATION_KINDS).optional(),
  active: booleanQuery.optional(),
});

export const locationTreeQuerySchema = z.object({
  rootId: z.uuid().optional().meta({ description: 'Only this location and what lies under it' }),
  includeInactive: booleanQuery.default(false),
});

// ---------------------------------------------------------------- equipment

export const equipmentRecordSchema = z
  .object({
    id: z.string(),
    equipmentId: z.string(),
    performedOn: calendarDate,
    result: z.enum(RECORD_RESULTS),
    performedBy: z.string(),
    certificateNo: z.string().nullable(),
    notes: z.string().nullable(),
    nextDueOn: calendarDate
      .nullable()
      .meta({ description: 'performedOn + interval; none after a failure' }),
    recordedAt: z.iso.datetime(),
    recordedBy: z.string(),
  })
  .meta({ id: 'EquipmentRecord' });
export type EquipmentRecord = z.infer<typeof equipmentRecordSchema>;

export const equipmentSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    class: z.string(),
    locationId: z.string().nullable(),
    locationPath: z.string().nullable(),
    manufacturer: z.string().nullable(),
    model: z.string().nullable(),
    serialNumber: z.string().nullable(),
    calibrationIntervalDays: z.number().int().nullable(),
    maintenanceIntervalDays: z.number().int().nullable(),
    manualStatus: z.enum(EQUIPMENT_MANUAL_STATUSES),
    manualStatusReason: z.string().nullable(),
    lastCalibration: equipmentRecordSchema.nullable(),
    lastMaintenance: equipmentRecordSchema.nullable(),
    calibrationDueOn: calendarDate.nullable(),
    maintenanceDueOn: calendarDate.nullable(),
    status: z.enum(EQUIPMENT_STATUSES).meta({ description: 'Derived as of today' }),
    statusReasons: z.array(z.enum(EQUIPMENT_STATUS_REASONS)),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Equipment' });
export type Equipment = z.infer<typeof equipmentSchema>;

const equipmentClass = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'a lower-case key such as leak_tester' });
const intervalDays = z.number().int().min(1).max(3650);

export const createEquipmentSchema = z.object({
  code: masterCode,
  nameZh: name,
  nameEn: name,
  class: equipmentClass,
  locationId: z.uuid().nullable().optional(),
  manufacturer: optionalText(200),
  model: optionalText(200),
  serialNumber: optionalText(100),
  calibrationIntervalDays: intervalDays.nullable().optional(),
  maintenanceIntervalDays: intervalDays.nullable().optional(),
  reason: reason.optional(),
});

export const updateEquipmentSchema = z.object({
  nameZh: name.optional(),
  nameEn: name.optional(),
  class: equipmentClass.optional(),
  locationId: z.uuid().nullable().optional(),
  manufacturer: optionalText(200),
  model: optionalText(200),
  serialNumber: optionalText(100),
  calibrationIntervalDays: intervalDays.nullable().optional(),
  maintenanceIntervalDays: intervalDays.nullable().optional(),
  reason,
});

export const setEquipmentStatusSchema = z.object({
  status: z.enum(EQUIPMENT_MANUAL_STATUSES).meta({ description: 'retired is final' }),
  reason,
});

export const addEquipmentRecordSchema = z.object({
  performedOn: calendarDate,
  result: z.enum(RECORD_RESULTS),
  performedBy: text(200),
  certificateNo: optionalText(100),
  notes: optionalText(2000),
});

export const equipmentListQuerySchema = listQuerySchema.extend({
  class: equipmentClass.optional(),
  locationId: z.uuid().optional(),
  status: z.enum(EQUIPMENT_STATUSES).optional(),
  manualStatus: z.enum(EQUIPMENT_MANUAL_STATUSES).optional(),
});

// ---------------------------------------------------------------- qualifications

export const skillSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    validityMonths: z.number().int().nullable().meta({ description: 'null: does not expire' }),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Skill' });
export type Skill = z.infer<typeof skillSchema>;

export const createSkillSchema = z.object({
  code: masterCode,
  nameZh: name,
  nameEn: name,
  validityMonths: z.number().int().min(1).max(600).nullable().optional(),
  reason: reason.optional(),
});

export const updateSkillSchema = z.object({
  nameZh: name.optional(),
  nameEn: name.optional(),
  validityMonths: z.number().int().min(1).max(600).nullable().optional(),
  active: z.boolean().optional(),
  reason,
});

export const skillListQuerySchema = listQuerySchema.extend({ active: booleanQuery.optional() });

export const trainingRecordSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    username: z.string(),
    userFullName: z.string(),
    skillId: z.string(),
    skillCode: z.string(),
    skillNameZh: z.string(),
    skillNameEn: z.string(),
    trainedOn: calendarDate,
    trainer: z.string(),
    expiresOn: calendarDate
      .nullable()
      .meta({ description: 'First day the qualification no longer holds' }),
    documentRef: z.string().nullable(),
    status: z.enum(TRAINING_STATUSES).meta({ description: 'Derived as of today' }),
    recordedAt: z.iso.datetime(),
    recordedBy: z.string(),
  })
  .meta({ id: 'TrainingRecord' });
export type TrainingRecord = z.infer<typeof trainingRecordSchema>;

export const createTrainingRecordSchema = z.object({
  userId: z.uuid(),
  skillId: z.uuid(),
  trainedOn: calendarDate,
  trainer: text(200),
  expiresOn: calendarDate
    .nullable()
    .optional()
    .meta({ description: "Default: trainedOn + the skill's validity months" }),
  documentRef: optionalText(200),
  reason: reason.optional(),
});

export const trainingRecordListQuerySchema = listQuerySchema.extend({
  userId: z.uuid().optional(),
  skillId: z.uuid().optional(),
  skillCode: z.string().trim().min(1).max(40).optional(),
  valid: booleanQuery
    .optional()
    .meta({ description: 'true: only valid today; false: only expired' }),
});

/** Where a person stands on one skill: the record that lasts longest decides. */
export const userQualificationSchema = z
  .object({
    skillId: z.string(),
    skillCode: z.string(),
    skillNameZh: z.string(),
    skillNameEn: z.string(),
    status: z.enum(TRAINING_STATUSES),
    trainedOn: calendarDate,
    expiresOn: calendarDate.nullable(),
    recordId: z.string(),
  })
  .meta({ id: 'UserQualification' });
export type UserQualification = z.infer<typeof userQualificationSchema>;

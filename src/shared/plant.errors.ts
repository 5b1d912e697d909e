import type { ModuleErrors } from './module-errors.ts';

// Error codes of modules/plant: code → HTTP status and English title.
export const PLANT_ERRORS = {
  LOCATION_CODE_TAKEN: { status: 409, title: 'Another location already uses this code' },
  LOCATION_PARENT_REQUIRED: {
    status: 422,
    title: 'Only a site stands alone; other locations belong under the level above',
  },
  LOCATION_PARENT_LEVEL: {
    status: 422,
    title: 'A location belongs under the level above: site → warehouse → zone → bin',
  },
  LOCATION_CYCLE: {
    status: 422,
    title: 'A location cannot be moved under itself or one of its sub-locations',
  },
  LOCATION_PARENT_INACTIVE: { status: 409, title: 'The parent location is inactive' },
  LOCATION_HAS_ACTIVE_CHILDREN: {
    status: 409,
    title: 'The location still has active sub-locations',
  },
  LOCATION_INACTIVE: { status: 409, title: 'The location is inactive' },
  EQUIPMENT_CODE_TAKEN: { status: 409, title: 'Another piece of equipment already uses this code' },
  EQUIPMENT_RETIRED: { status: 409, title: 'The equipment is retired' },
  EQUIPMENT_OUT_OF_SERVICE: { status: 409, title: 'The equipment is out of service' },
  EQUIPMENT_CALIBRATION_FAILED: {
    status: 409,
    title: "The equipment's last calibration failed",
  },
  EQUIPMENT_NOT_CALIBRATED: { status: 409, title: 'The equipment has never been calibrated' },
  EQUIPMENT_CALIBRATION_OVERDUE: {
    status: 409,
    title: "The equipment's calibration is overdue",
  },
  EQUIPMENT_RECORD_IN_FUTURE: {
    status: 422,
    title: 'Calibration and maintenance are recorded once done, not in advance',
  },
  SKILL_CODE_TAKEN: { status: 409, title: 'Another skill already uses this code' },
  SKILL_INACTIVE: { status: 409, title: 'The skill is no longer in use' },
  TRAINING_DATE_IN_FUTURE: { status: 422, title: 'Training is recorded once it has taken place' },
  TRAINING_EXPIRY_BEFORE_TRAINING: {
    status: 422,
    title: 'A qualification cannot expire before the training',
  },
  QUALIFICATION_MISSING: {
    status: 409,
    title: 'The person holds no valid qualification for this skill',
  },
} as const satisfies ModuleErrors;

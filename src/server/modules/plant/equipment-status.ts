// The status of a piece of equipment on a given day, derived from its manual
// status and its latest calibration and maintenance records. Pure: the day is
// passed in, so the rules are tested with fixed dates.
import { addDays, daysBetween } from '../../../shared/calendar-date.ts';
import {
  CALIBRATION_DUE_SOON_DAYS,
  type EquipmentManualStatus,
  type EquipmentStatus,
  type EquipmentStatusReason,
} from '../../../shared/plant.contract.ts';

export interface LatestRecord {
  performedOn: string;
  result: 'pass' | 'fail';
  nextDueOn: string | null;
}

export interface EquipmentStatusInput {
  manualStatus: EquipmentManualStatus;
  calibrationIntervalDays: number | null;
  maintenanceIntervalDays: number | null;
  lastCalibration: LatestRecord | null;
  lastMaintenance: LatestRecord | null;
}

export interface DerivedEquipmentStatus {
  status: EquipmentStatus;
  reasons: EquipmentStatusReason[];
  /** Last day the current calibration holds; null when not calibrated or failed. */
  calibrationDueOn: string | null;
  maintenanceDueOn: string | null;
}

/** Reasons that make equipment unusable, most decisive first. */
export const OUT_OF_SERVICE_REASONS: readonly EquipmentStatusReason[] = [
  'retired',
  'manually_out_of_service',
  'calibration_failed',
  'never_calibrated',
  'calibration_overdue',
];

// A record written before an interval was set has no due date of its own; the
// current interval then counts from the day it was performed.
function dueOn(last: LatestRecord | null, intervalDays: number | null): string | null {
  if (!last || last.result !== 'pass') return null;
  if (last.nextDueOn) return last.nextDueOn;
  return intervalDays === null ? null : addDays(last.performedOn, intervalDays);
}

export function deriveEquipmentStatus(
  input: EquipmentStatusInput,
  on: string,
): DerivedEquipmentStatus {
  const reasons: EquipmentStatusReason[] = [];
  if (input.manualStatus === 'retired') reasons.push('retired');
  if (input.manualStatus === 'out_of_service') reasons.push('manually_out_of_service');

  const calibrationDueOn = dueOn(input.lastCalibration, input.calibrationIntervalDays);
  // A failed calibration makes the readings untrustworthy whether or not an interval is set.
  if (input.lastCalibration?.result === 'fail') reasons.push('calibration_failed');
  else if (input.calibrationIntervalDays !== null && !input.lastCalibration)
    reasons.push('never_calibrated');
  else if (calibrationDueOn !== null) {
    // The due date itself is the last day the calibration holds.
    if (on > calibrationDueOn) reasons.push('calibration_overdue');
    else if (daysBetween(on, calibrationDueOn) <= CALIBRATION_DUE_SOON_DAYS)
      reasons.push('calibration_due_soon');
  }

  // Maintenance only warns: what blocks use is being out of calibration (DESIGN.md), not servicing.
  const maintenanceDueOn = dueOn(input.lastMaintenance, input.maintenanceIntervalDays);
  if (input.lastMaintenance?.result === 'fail') reasons.push('maintenance_failed');
  else if (maintenanceDueOn !== null) {
    if (on > maintenanceDueOn) reasons.push('maintenance_overdue');
    else if (daysBetween(on, maintenanceDueOn) <= CALIBRATION_DUE_SOON_DAYS)
      reasons.push('maintenance_due_soon');
  }

  const status: EquipmentStatus = reasons.some((r) => OUT_OF_SERVICE_REASONS.includes(r))
    ? 'out_of_service'
    : reasons.includes('calibration_due_soon')
      ? 'calibration_due_soon'
      : 'in_service';
  return { status, reasons, calibrationDueOn, maintenanceDueOn };
}

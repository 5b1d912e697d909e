import { describe, expect, it } from 'vitest';
import { deriveEquipmentStatus, type EquipmentStatusInput } from './equipment-status.ts';

// A leak tester calibrated every 180 days, last on 2026-01-01 (due 2026-06-30).
const base: EquipmentStatusInput = {
  manualStatus: 'active',
  calibrationIntervalDays: 180,
  maintenanceIntervalDays: null,
  lastCalibration: { performedOn: '2026-01-01', result: 'pass', nextDueOn: '2026-06-30' },
  lastMaintenance: null,
};

describe('derived equipment status (fixed dates)', () => {
  it('is in service well before the calibration is due', () => {
    expect(deriveEquipmentStatus(base, '2026-06-15')).toEqual({
      status: 'in_service',
      reasons: [],
      calibrationDueOn: '2026-06-30',
      maintenanceDueOn: null,
    });
  });

  it('is due soon within 14 days of the due date, the due date included', () => {
    expect(deriveEquipmentStatus(base, '2026-06-16').status).toBe('calibration_due_soon');
    expect(deriveEquipmentStatus(base, '2026-06-30').status).toBe('calibration_due_soon');
  });

  it('is out of service the day after the due date', () => {
    expect(deriveEquipmentStatus(base, '2026-07-01')).toMatchObject({
      status: 'out_of_service',
      reasons: ['calibration_overdue'],
    });
  });

  it('is out of service after a failed calibration, interval or not, and when never calibrated', () => {
    const failed = { performedOn: '2026-01-01', result: 'fail' as const, nextDueOn: null };
    expect(deriveEquipmentStatus({ ...base, lastCalibration: failed }, '2026-01-02')).toMatchObject(
      { status: 'out_of_service', reasons: ['calibration_failed'], calibrationDueOn: null },
    );
    expect(
      deriveEquipmentStatus(
        { ...base, calibrationIntervalDays: null, lastCalibration: failed },
        '2026-01-02',
      ).status,
    ).toBe('out_of_service');
    expect(deriveEquipmentStatus({ ...base, lastCalibration: null }, '2026-01-02').reasons).toEqual(
      ['never_calibrated'],
    );
  });

  it('follows the manual status: retired and out of service win over a good calibration', () => {
    expect(deriveEquipmentStatus({ ...base, manualStatus: 'retired' }, '2026-02-01')).toMatchObject(
      { status: 'out_of_service', reasons: ['retired'] },
    );
    expect(
      deriveEquipmentStatus({ ...base, manualStatus: 'out_of_service' }, '2026-02-01').reasons,
    ).toEqual(['manually_out_of_service']);
  });

  it('needs no calibration for equipment without an interval, and only warns about maintenance', () => {
    const station: EquipmentStatusInput = {
      manualStatus: 'active',
      calibrationIntervalDays: null,
      maintenanceIntervalDays: 90,
      lastCalibration: null,
      lastMaintenance: { performedOn: '2026-01-01', result: 'pass', nextDueOn: '2026-04-01' },
    };
    expect(deriveEquipmentStatus(station, '2026-03-25')).toMatchObject({
      status: 'in_service',
      reasons: ['maintenance_due_soon'],
      maintenanceDueOn: '2026-04-01',
    });
    expect(deriveEquipmentStatus(station, '2026-04-02')).toMatchObject({
      status: 'in_service',
      reasons: ['maintenance_overdue'],
    });
  });

  it('counts an interval set after the last calibration from the day it was performed', () => {
    const input = {
      ...base,
      lastCalibration: { performedOn: '2026-01-01', result: 'pass' as const, nextDueOn: null },
    };
    expect(deriveEquipmentStatus(input, '2026-03-01').calibrationDueOn).toBe('2026-06-30');
  });
});

// The demo plant's locations, equipment and qualifications (docs/demo-plant.md),
// written through the services so that every record is audited like any other.
import { addDays } from '../../../shared/calendar-date.ts';
import type { LocationKind, LocationLevel } from '../../../shared/plant.contract.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Trx } from '../../platform/db/database.ts';
import { findUserByUsername } from '../../platform/identity/index.ts';
import { createEquipment, recordEquipmentWork, today } from './equipment.service.ts';
import { createLocation } from './locations.service.ts';
import { createSkill, recordTraining } from './qualifications.service.ts';

const REASON = 'Demo data';

type DemoLocation = [
  code: string,
  zh: string,
  en: string,
  level: LocationLevel,
  kind: LocationKind,
  children?: DemoLocation[],
];

const bins = (zone: string, n: number, kind: LocationKind): DemoLocation[] =>
  Array.from({ length: n }, (_, i) => {
    const code = `${zone}-${String(i + 1).padStart(2, '0')}`;
    return [code, `货位 ${code}`, `Bin ${code}`, 'bin', kind] as DemoLocation;
  });

export const DEMO_LOCATIONS: DemoLocation = [
  'SZ1',
  '苏州工厂',
  'Suzhou plant',
  'site',
  'storage',
  [
    [
      'WH-RM',
      '原料仓',
      'Raw material warehouse',
      'warehouse',
      'storage',
      [
        [
          'RM-A',
          '原料存储区 A',
          'Raw material storage zone A',
          'zone',
          'storage',
          bins('RM-A', 3, 'storage'),
        ],
        [
          'RM-COLD',
          '原料冷藏区',
          'Raw material cold store',
          'zone',
          'cold_storage',
          bins('RM-COLD', 1, 'cold_storage'),
        ],
        [
          'RM-QZ',
          '原料待检区',
          'Raw material quarantine',
          'zone',
          'quarantine',
          bins('RM-QZ', 1, 'quarantine'),
        ],
      ],
    ],
    [
      'WH-FG',
      '成品仓',
      'Finished goods warehouse',
      'warehouse',
      'storage',
      [
        [
          'FG-A',
          '成品存储区 A',
          'Finished goods storage zone A',
          'zone',
          'storage',
          bins('FG-A', 2, 'storage'),
        ],
        ['FG-QZ', '成品待放行区', 'Finished goods quarantine', 'zone', 'quarantine'],
      ],
    ],
    [
      'PROD',
      '生产车间',
      'Production',
      'warehouse',
      'production',
      [
        ['LINE-IS', '输液器洁净车间', 'Infusion set clean room', 'zone', 'production'],
        ['LINE-PUMP', '输液泵装配线', 'Infusion pump assembly line', 'zone', 'production'],
        ['EO-STER', '环氧乙烷灭菌区', 'EO sterilisation area', 'zone', 'production'],
      ],
    ],
    ['SCRAP', '报废区', 'Scrap area', 'warehouse', 'scrap'],
    ['CUSTOMERS', '客户（已发货）', 'Customers (shipped)', 'warehouse', 'customer'],
  ],
];

interface DemoEquipment {
  code: string;
  zh: string;
  en: string;
  class: string;
  location: string;
  make: [manufacturer: string, model: string, serial: string];
  calibrationDays?: number;
  maintenanceDays?: number;
  /** Days before the demo is loaded that the last calibration / maintenance passed. */
  calibratedAgo?: number;
  maintainedAgo?: number;
}

export const DEMO_EQUIPMENT: DemoEquipment[] = [
  {
    code: 'EQ-ASM-01',
    zh: '输液器组装工位 1',
    en: 'Infusion set assembly station 1',
    class: 'assembly_station',
    location: 'LINE-IS',
    make: ['苏州精密自动化', 'ASM-200', 'ASM200-2301'],
    maintenanceDays: 90,
    maintainedAgo: 30,
  },
  {
    code: 'EQ-ASM-02',
    zh: '输液器组装工位 2',
    en: 'Infusion set assembly station 2',
    class: 'assembly_station',
    location: 'LINE-IS',
    make: ['苏州精密自动化', 'ASM-200', 'ASM200-2302'],
    maintenanceDays: 90,
    maintainedAgo: 30,
  },
  {
    code: 'EQ-LEAK-01',
    zh: '密封性测试仪',
    en: 'Leak tester',
    class: 'leak_tester',
    location: 'LINE-IS',
    make: ['ATEQ', 'F620', 'F620-88412'],
    calibrationDays: 180,
    calibratedAgo: 60,
  },
  {
    code: 'EQ-SEAL-01',
    zh: '纸塑袋封口机',
    en: 'Pouch sealer',
    class: 'pouch_sealer',
    location: 'LINE-IS',
    make: ['Hawo', 'HM 850 DC-V', 'HM850-51873'],
    calibrationDays: 365,
    maintenanceDays: 90,
    calibratedAgo: 100,
    maintainedAgo: 20,
  },
  {
    code: 'EQ-EO-01',
    zh: '环氧乙烷灭菌柜',
    en: 'EO steriliser',
    class: 'eo_steriliser',
    location: 'EO-STER',
    make: ['新华医疗', 'HMQ-10', 'HMQ10-1907'],
    calibrationDays: 365,
    calibratedAgo: 200,
  },
  {
    code: 'EQ-FLOW-01',
    zh: '输液泵流量分析仪',
    en: 'Infusion pump flow analyser',
    class: 'flow_analyser',
    location: 'LINE-PUMP',
    make: ['Fluke Biomedical', 'IDA-5', 'IDA5-3321'],
    calibrationDays: 365,
    calibratedAgo: 90,
  },
  // Calibration lapsed 15 days before the demo is loaded: out of service.
  {
    code: 'EQ-EST-01',
    zh: '电气安全测试仪',
    en: 'Electrical safety tester',
    class: 'safety_tester',
    location: 'LINE-PUMP',
    make: ['Fluke Biomedical', 'ESA620', 'ESA620-77120'],
    calibrationDays: 365,
    calibratedAgo: 380,
  },
  {
    code: 'EQ-SMT-01',
    zh: '贴片生产线',
    en: 'SMT line',
    class: 'smt_line',
    location: 'LINE-PUMP',
    make: ['Yamaha', 'YSM20R', 'YSM20R-0456'],
    maintenanceDays: 30,
    maintainedAgo: 10,
  },
];

export const DEMO_SKILLS: [code: string, zh: string, en: string, validityMonths: number][] = [
  ['IS-ASSEMBLY', '输液器组装', 'Infusion set assembly', 12],
  ['EO-STERILISATION', '环氧乙烷灭菌操作', 'EO sterilisation', 12],
  ['PUMP-ASSEMBLY', '输液泵装配', 'Infusion pump assembly', 24],
  ['ESD', '静电防护', 'ESD protection', 12],
  ['FINAL-INSPECTION', '成品检验', 'Final inspection', 24],
];

/** [username, skill, days trained before loading, trainer, document]; operator's ESD has expired. */
export const DEMO_TRAINING: [string, string, number, string, string][] = [
  ['operator', 'IS-ASSEMBLY', 100, '张伟 Zhang Wei', 'TR-IS-010 / WI-IS-010'],
  ['operator', 'PUMP-ASSEMBLY', 200, '张伟 Zhang Wei', 'TR-IP-030'],
  ['operator', 'ESD', 400, '李娜 Li Na', 'TR-ESD-2025'],
  ['production_supervisor', 'IS-ASSEMBLY', 300, '李娜 Li Na', 'TR-IS-010 / WI-IS-010'],
  ['production_supervisor', 'EO-STERILISATION', 150, 'TÜV SÜD Academy', 'TR-EO-040 / WI-IS-040'],
  ['production_supervisor', 'PUMP-ASSEMBLY', 250, 'Thomas Müller', 'TR-IP-030'],
  ['production_supervisor', 'ESD', 60, '李娜 Li Na', 'TR-ESD-2026'],
  ['qa_inspector', 'FINAL-INSPECTION', 180, '李娜 Li Na', 'TR-QA-FI-01'],
  ['qa_inspector', 'ESD', 90, '李娜 Li Na', 'TR-ESD-2026'],
];

export async function seedDemoPlant(trx: Trx): Promise<void> {
  const actor = systemActor('demo-seed');
  const on = today();
  const locationIds = new Map<string, string>();
  const addLocation = async (
    [code, zh, en, level, kind, children]: DemoLocation,
    parentId: string | null,
  ) => {
    const location = await createLocation(trx, actor, {
      code,
      nameZh: zh,
      nameEn: en,
      level,
      kind,
      parentId,
      reason: REASON,
    });
    locationIds.set(code, location.id);
    for (const child of children ?? []) await addLocation(child, location.id);
  };
  await addLocation(DEMO_LOCATIONS, null);

  for (const e of DEMO_EQUIPMENT) {
    const equipment = await createEquipment(trx, actor, {
      code: e.code,
      nameZh: e.zh,
      nameEn: e.en,
      class: e.class,
      locationId: locationIds.get(e.location) ?? null,
      manufacturer: e.make[0],
      model: e.make[1],
      serialNumber: e.make[2],
      calibrationIntervalDays: e.calibrationDays ?? null,
      maintenanceIntervalDays: e.maintenanceDays ?? null,
      reason: REASON,
    });
    if (e.calibratedAgo !== undefined) {
      await recordEquipmentWork(
        trx,
        actor,
        'equipment_calibrations',
        equipment.id,
        {
          performedOn: addDays(on, -e.calibratedAgo),
          result: 'pass',
          performedBy: '苏州市计量测试院 Suzhou Institute of Metrology',
          certificateNo: `SZJL-${e.code}`,
        },
        on,
      );
    }
    if (e.maintainedAgo !== undefined) {
      await recordEquipmentWork(
        trx,
        actor,
        'equipment_maintenance',
        equipment.id,
        {
          performedOn: addDays(on, -e.maintainedAgo),
          result: 'pass',
          performedBy: '设备部 Maintenance',
          notes: 'Preventive maintenance per PM plan',
        },
        on,
      );
    }
  }

  const skillIds = new Map<string, string>();
  for (const [code, zh, en, validityMonths] of DEMO_SKILLS) {
    const skill = await createSkill(trx, actor, {
      code,
      nameZh: zh,
      nameEn: en,
      validityMonths,
      reason: REASON,
    });
    skillIds.set(code, skill.id);
  }
  for (const [username, skill, daysAgo, trainer, documentRef] of DEMO_TRAINING) {
    const user = await findUserByUsername(trx, username);
    if (!user) throw new Error(`Demo user ${username} is missing: seed the users before the plant`);
    await recordTraining(
      trx,
      actor,
      {
        userId: user.id,
        skillId: skillIds.get(skill) ?? '',
        trainedOn: addDays(on, -daysAgo),
        trainer,
        documentRef,
        reason: REASON,
      },
      on,
    );
  }
}

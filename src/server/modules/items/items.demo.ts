// The demo plant's items and device models (docs/demo-plant.md), written through
// the service so that they are validated and audited like any other write.
import { computeGs1CheckDigit } from '../udi/index.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Trx } from '../../platform/db/database.ts';
import type { ItemType, Tracking } from './items.tables.ts';
import { createItem, setDeviceModel, type CreateItemInput } from './items.service.ts';

type DemoItem = [
  code: string,
  type: ItemType,
  tracking: Tracking,
  uom: string,
  nameEn: string,
  nameZh: string,
  extra?: Partial<CreateItemInput>,
];

const ROOM = { tempMinC: '5', tempMaxC: '30', humidityMaxPct: '80' };

// prettier-ignore
export const DEMO_ITEMS: readonly DemoItem[] = [
  ['RM-PVC-01', 'raw_material', 'lot', 'kg', 'Medical-grade PVC compound', '医用 PVC 粒料', { shelfLifeDays: 730, storage: ROOM }],
  ['CP-TUBE-01', 'component', 'lot', 'm', 'PVC tubing 3.0 mm', 'PVC 输液管 3.0 mm', { shelfLifeDays: 1095 }],
  ['CP-SPIKE-01', 'component', 'lot', 'pcs', 'Bottle spike', '瓶塞穿刺器'],
  ['CP-DRIP-01', 'component', 'lot', 'pcs', 'Drip chamber with 15 µm filter', '滴斗（15 µm 过滤器）'],
  ['CP-CLAMP-01', 'component', 'lot', 'pcs', 'Roller clamp', '流量调节器'],
  ['CP-NEEDLE-01', 'component', 'lot', 'pcs', 'IV needle 0.7 mm (22G)', '静脉输液针 0.7 mm', { shelfLifeDays: 1825 }],
  ['CP-NEEDLE-02', 'component', 'lot', 'pcs', 'IV needle 0.7 mm (22G), thin wall', '静脉输液针 0.7 mm 薄壁', { shelfLifeDays: 1825 }],
  ['CP-LUER-01', 'component', 'lot', 'pcs', 'Luer lock connector', '鲁尔锁接头'],
  ['PK-POUCH-01', 'packaging', 'lot', 'pcs', 'Sterile paper-film pouch', '纸塑灭菌包装袋', { shelfLifeDays: 1825 }],
  ['PK-BOX-01', 'packaging', 'lot', 'pcs', 'Shelf box for 50 sets', '中包装盒（50 套）'],
  ['LB-IS-01', 'label', 'lot', 'pcs', 'Infusion set label', '输液器标签'],
  ['FD-IS-20', 'finished_device', 'lot', 'pcs', 'Single-use infusion set with needle', '一次性使用输液器 带针', { shelfLifeDays: 1095, storage: ROOM }],
  ['FD-IS-21', 'finished_device', 'lot', 'pcs', 'Single-use infusion set without needle', '一次性使用输液器 不带针', { shelfLifeDays: 1095, storage: ROOM }],
  ['CP-PCB-01', 'component', 'lot', 'pcs', 'Main board bare PCB', '主控板裸板', { storage: { ...ROOM, humidityMaxPct: '60' } }],
  ['CP-MCU-01', 'component', 'lot', 'pcs', 'Microcontroller', '微控制器', { storage: { ...ROOM, humidityMaxPct: '60' } }],
  ['CP-MB-01', 'sub_assembly', 'serial', 'pcs', 'Pump main control board', '输液泵主控板'],
  ['CP-MOTOR-01', 'component', 'lot', 'pcs', 'Stepper motor', '步进电机'],
  ['CP-LCD-01', 'component', 'lot', 'pcs', '3.5" display', '3.5 英寸显示屏'],
  ['CP-HOUSING-01', 'component', 'lot', 'pcs', 'Pump housing', '输液泵外壳'],
  ['CP-BATT-01', 'component', 'lot', 'pcs', 'Li-ion battery pack', '锂电池组', { shelfLifeDays: 730, storage: { tempMinC: '10', tempMaxC: '25', humidityMaxPct: '70' } }],
  ['CP-SENSOR-01', 'component', 'lot', 'pcs', 'Air-in-line sensor', '气泡传感器'],
  ['LB-PUMP-01', 'label', 'lot', 'pcs', 'Pump nameplate label', '输液泵铭牌标签'],
  ['PK-PUMPBOX-01', 'packaging', 'none', 'pcs', 'Pump shipping box', '输液泵包装箱'],
  ['FD-IP-300', 'finished_device', 'serial', 'pcs', 'Volumetric infusion pump IP-300', '容量式输液泵 IP-300', { storage: { tempMinC: '-20', tempMaxC: '55', humidityMaxPct: '93' } }],
];

/** A GTIN-14 of the demo company prefix 6901234 (indicator digit + 12 digits + check digit). */
export function demoGtin(indicator: number, itemReference: string): string {
  const body = `${indicator}6901234${itemReference.padStart(5, '0')}`;
  return body + computeGs1CheckDigit(body);
}

export async function seedDemoItems(trx: Trx): Promise<void> {
  const actor = systemActor('demo-seed');
  const ids = new Map<string, string>();
  for (const [code, type, tracking, uom, nameEn, nameZh, extra] of DEMO_ITEMS) {
    const item = await createItem(trx, actor, {
      code,
      type,
      tracking,
      uom,
      nameEn,
      nameZh,
      ...extra,
      reason: 'Demo data',
    });
    ids.set(code, item.id);
  }
  const infusionSet = (reference: string, model: string, withNeedle: boolean) => ({
    issuingAgency: 'GS1' as const,
    primaryDi: demoGtin(0, reference),
    basicUdiDi: null,
    brand: 'Lotline',
    modelVersion: model,
    gmdnCode: '47017',
    emdnCode: withNeedle ? 'A03010101' : 'A03010102',
    riskClass: 'III',
    nmpaRegistration: withNeedle ? '苏械注准20263140101' : '苏械注准20263140102',
    fdaPremarket: null,
    sterile: true,
    singleUse: true,
    containsLatex: false,
    mriSafety: 'not_evaluated' as const,
    labelIdentifiers: { lot: true, serial: false, manufactureDate: true, expiry: true },
    packageLevels: [
      { level: 1, name: 'Box of 50', di: demoGtin(1, reference), quantityOfLower: '50' },
      { level: 2, name: 'Case of 10 boxes', di: demoGtin(2, reference), quantityOfLower: '10' },
    ],
    reason: 'Demo data',
  });
  await setDeviceModel(trx, actor, ids.get('FD-IS-20') ?? '', infusionSet('00020', 'IS-20', true));
  await setDeviceModel(trx, actor, ids.get('FD-IS-21') ?? '', infusionSet('00021', 'IS-21', false));
  await setDeviceModel(trx, actor, ids.get('FD-IP-300') ?? '', {
    issuingAgency: 'GS1',
    primaryDi: demoGtin(0, '00300'),
    basicUdiDi: null,
    brand: 'Lotline',
    modelVersion: 'IP-300 rev C',
    gmdnCode: '13215',
    emdnCode: 'Z12040101',
    riskClass: 'IIb',
    nmpaRegistration: '苏械注准20262140300',
    fdaPremarket: 'K263001',
    sterile: false,
    singleUse: false,
    containsLatex: false,
    mriSafety: 'unsafe',
    labelIdentifiers: { lot: false, serial: true, manufactureDate: true, expiry: false },
    packageLevels: [],
    reason: 'Demo data',
  });
}

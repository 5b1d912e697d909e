// Demo plant (docs/demo-plant.md): effective version 1 of the BOMs of FD-IS-20,
// FD-IS-21, CP-MB-01 and FD-IP-300 and of the routings of FD-IS-20, FD-IP-300
// and CP-MB-01, approved by the demo users `engineer` and `qa_manager`; and a
// draft BOM version 2 of FD-IS-20 with the thin-wall needle CP-NEEDLE-02.
import type { BomLineInput, RoutingOperationInput } from '../../../shared/engineering.contract.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { demoSigner } from '../../platform/signatures/demo-signer.ts';
import { listDocuments } from '../documents/index.ts';
import { listItems } from '../items/index.ts';
import {
  approveVersion,
  copyVersion,
  createBomVersion,
  createRoutingVersion,
  getBomVersion,
  getEffectiveBom,
  makeVersionEffective,
  submitVersion,
  updateBomVersion,
} from './versions.service.ts';

async function itemId(db: Executor, code: string): Promise<string> {
  const { items } = await listItems(db, { q: code, limit: 20, offset: 0 });
  const item = items.find((i) => i.code === code);
  if (!item) throw new Error(`Demo item ${code} is missing: the items seeder runs first`);
  return item.id;
}

async function effectiveDocument(db: Executor, number: string): Promise<string> {
  const { items } = await listDocuments(db, { q: number, limit: 20, offset: 0 });
  const id = items.find((d) => d.number === number)?.effectiveVersion?.id;
  if (!id)
    throw new Error(
      `Demo document ${number} has no effective version: the documents seeder runs first`,
    );
  return id;
}

type Line = [code: string, quantityPer: string, extra?: Partial<BomLineInput>];

async function lines(db: Executor, spec: Line[]): Promise<BomLineInput[]> {
  const out: BomLineInput[] = [];
  for (const [code, quantityPer, extra] of spec) {
    out.push({ componentItemId: await itemId(db, code), quantityPer, ...extra });
  }
  return out;
}

const INFUSION_SET_LINES: Line[] = [
  ['CP-TUBE-01', '1.8', { scrapPct: '2', note: '1.8 m per set, 2 % cutting loss' }],
  ['CP-SPIKE-01', '1'],
  ['CP-DRIP-01', '1'],
  ['CP-CLAMP-01', '1'],
  ['CP-NEEDLE-01', '1'],
  ['CP-LUER-01', '1'],
  ['PK-POUCH-01', '1'],
  ['LB-IS-01', '1'],
];

type Op = Omit<RoutingOperationInput, 'documentVersionIds'> & { documents?: string[] };

const p = (name: string, target: string, min?: string, max?: string, unit?: string) => ({
  name,
  target,
  min,
  max,
  unit,
});

const INFUSION_SET_ROUTING: Op[] = [
  {
    opNo: 10,
    nameZh: '组装',
    nameEn: 'Assembly',
    workCentre: 'LINE-IS',
    equipmentClass: 'assembly_station',
    skillCode: 'IS-ASSEMBLY',
    documents: ['WI-IS-010'],
    parameters: [p('Bond cure time', '30', '25', '40', 's')],
    inspections: [
      {
        characteristic: 'Assembly complete, joints bonded',
        kind: 'in_process',
        method: '100 % visual',
        resultType: 'pass_fail',
      },
    ],
  },
  {
    opNo: 20,
    nameZh: '密封性测试',
    nameEn: 'Leak test',
    workCentre: 'LINE-IS',
    equipmentClass: 'leak_tester',
    skillCode: 'IS-ASSEMBLY',
    parameters: [
      p('Test pressure', '50', '48', '52', 'kPa'),
      p('Hold time', '15', '15', '20', 's'),
    ],
    inspections: [
      {
        characteristic: 'Pressure decay',
        kind: 'in_process',
        method: 'Pressure decay, 100 %',
        resultType: 'measured',
        max: '0.5',
        unit: 'kPa',
      },
    ],
  },
  {
    opNo: 30,
    nameZh: '包装封口',
    nameEn: 'Pouch sealing',
    workCentre: 'LINE-IS',
    equipmentClass: 'pouch_sealer',
    skillCode: 'IS-ASSEMBLY',
    parameters: [
      p('Sealing temperature', '180', '170', '190', '°C'),
      p('Dwell time', '1.5', '1.2', '1.8', 's'),
      p('Sealing pressure', '4', '3.5', '4.5', 'bar'),
    ],
    inspections: [
      {
        characteristic: 'Seal strength',
        kind: 'in_process',
        method: 'Peel test EN 868-5, 3 pouches per shift',
        resultType: 'measured',
        min: '1.5',
        unit: 'N/15 mm',
      },
      {
        characteristic: 'Seal integrity',
        kind: 'in_process',
        method: 'Visual, channels and wrinkles',
        resultType: 'pass_fail',
      },
    ],
  },
  {
    opNo: 40,
    nameZh: '环氧乙烷灭菌',
    nameEn: 'EO sterilisation',
    workCentre: 'EO-STER',
    equipmentClass: 'eo_steriliser',
    skillCode: 'EO-STERILISATION',
    documents: ['WI-IS-040'],
    parameters: [
      p('EO concentration', '600', '450', '750', 'mg/L'),
      p('Temperature', '50', '45', '55', '°C'),
      p('Relative humidity', '60', '40', '80', '%'),
      p('Exposure time', '4', '4', undefined, 'h'),
    ],
    inspections: [
      {
        characteristic: 'Biological indicators',
        kind: 'in_process',
        method: 'Geobacillus atrophaeus BI, 7-day incubation',
        resultType: 'pass_fail',
      },
    ],
  },
  {
    opNo: 50,
    nameZh: '解析',
    nameEn: 'Aeration',
    workCentre: 'EO-STER',
    equipmentClass: 'eo_steriliser',
    skillCode: 'EO-STERILISATION',
    parameters: [
      p('Aeration temperature', '45', '40', '50', '°C'),
      p('Aeration time', '168', '168', undefined, 'h'),
    ],
    inspections: [
      {
        characteristic: 'EO residue',
        kind: 'in_process',
        method: 'GC per ISO 10993-7',
        resultType: 'measured',
        max: '10',
        unit: 'µg/g',
      },
    ],
  },
  {
    opNo: 60,
    nameZh: '最终检验',
    nameEn: 'Final inspection',
    workCentre: 'LINE-IS',
    skillCode: 'FINAL-INSPECTION',
    documents: ['SPEC-IS-20'],
    inspections: [
      {
        characteristic: 'Flow rate at 1 m head',
        kind: 'final',
        method: 'Gravity flow, 10 min',
        resultType: 'measured',
        min: '1000',
        unit: 'ml/10 min',
      },
      {
        characteristic: 'Sterility',
        kind: 'final',
        method: 'Sterility test per ChP 1101',
        resultType: 'pass_fail',
      },
      {
        characteristic: 'Label and UDI',
        kind: 'final',
        method: 'Scan and compare with LA-IS-20',
        resultType: 'pass_fail',
      },
    ],
  },
];

const PUMP_ROUTING: Op[] = [
  {
    opNo: 10,
    nameZh: '主板安装',
    nameEn: 'Main board installation',
    workCentre: 'LINE-PUMP',
    equipmentClass: 'assembly_station',
    skillCode: 'ESD',
    documents: ['DWG-IP-300'],
    parameters: [p('Screw torque M3', '0.6', '0.5', '0.7', 'N·m')],
  },
  {
    opNo: 20,
    nameZh: '总装',
    nameEn: 'Final assembly',
    workCentre: 'LINE-PUMP',
    equipmentClass: 'assembly_station',
    skillCode: 'PUMP-ASSEMBLY',
    documents: ['DWG-IP-300'],
    parameters: [p('Screw torque M3', '0.6', '0.5', '0.7', 'N·m')],
    inspections: [
      {
        characteristic: 'Housing closed, no gaps',
        kind: 'in_process',
        method: 'Visual',
        resultType: 'pass_fail',
      },
    ],
  },
  {
    opNo: 30,
    nameZh: '流量精度测试',
    nameEn: 'Flow rate test',
    workCentre: 'LINE-PUMP',
    equipmentClass: 'flow_analyser',
    skillCode: 'PUMP-ASSEMBLY',
    documents: ['WI-IP-030'],
    parameters: [
      p('Set rate', '25', undefined, undefined, 'ml/h'),
      p('Test duration', '2', '2', undefined, 'h'),
    ],
    inspections: [
      {
        characteristic: 'Flow accuracy',
        kind: 'in_process',
        method: 'IEC 60601-2-24 trumpet curve',
        resultType: 'measured',
        min: '-5',
        max: '5',
        unit: '%',
      },
    ],
  },
  {
    opNo: 40,
    nameZh: '电气安全测试',
    nameEn: 'Electrical safety test',
    workCentre: 'LINE-PUMP',
    equipmentClass: 'safety_tester',
    skillCode: 'FINAL-INSPECTION',
    inspections: [
      {
        characteristic: 'Protective earth resistance',
        kind: 'final',
        method: 'IEC 60601-1, 25 A',
        resultType: 'measured',
        max: '0.2',
        unit: 'Ω',
      },
      {
        characteristic: 'Patient leakage current',
        kind: 'final',
        method: 'IEC 60601-1, type BF',
        resultType: 'measured',
        max: '100',
        unit: 'µA',
      },
      {
        characteristic: 'Dielectric strength',
        kind: 'final',
        method: '1500 V AC, 1 min',
        resultType: 'pass_fail',
      },
    ],
  },
  {
    opNo: 50,
    nameZh: '老化',
    nameEn: 'Burn-in',
    workCentre: 'LINE-PUMP',
    skillCode: 'PUMP-ASSEMBLY',
    parameters: [
      p('Burn-in time', '24', '24', undefined, 'h'),
      p('Ambient temperature', '40', '35', '45', '°C'),
    ],
  },
  {
    opNo: 60,
    nameZh: '最终检验',
    nameEn: 'Final inspection',
    workCentre: 'LINE-PUMP',
    skillCode: 'FINAL-INSPECTION',
    inspections: [
      {
        characteristic: 'Alarms (occlusion, air-in-line, low battery)',
        kind: 'final',
        method: 'Functional check',
        resultType: 'pass_fail',
      },
      {
        characteristic: 'Nameplate and UDI',
        kind: 'final',
        method: 'Scan and compare',
        resultType: 'pass_fail',
      },
    ],
  },
];

const MAIN_BOARD_ROUTING: Op[] = [
  {
    opNo: 10,
    nameZh: '贴片',
    nameEn: 'SMT',
    workCentre: 'LINE-PUMP',
    equipmentClass: 'smt_line',
    skillCode: 'ESD',
    parameters: [
      p('Reflow peak temperature', '245', '235', '250', '°C'),
      p('Time above liquidus', '60', '45', '90', 's'),
    ],
  },
  {
    opNo: 20,
    nameZh: '自动光学检测',
    nameEn: 'AOI',
    workCentre: 'LINE-PUMP',
    skillCode: 'ESD',
    inspections: [
      {
        characteristic: 'Solder joints and placement',
        kind: 'in_process',
        method: 'AOI, 100 %',
        resultType: 'pass_fail',
      },
    ],
  },
  {
    opNo: 30,
    nameZh: '功能测试',
    nameEn: 'Functional test',
    workCentre: 'LINE-PUMP',
    skillCode: 'ESD',
    inspections: [
      {
        characteristic: 'Supply current',
        kind: 'final',
        method: 'Test fixture at 12 V',
        resultType: 'measured',
        min: '80',
        max: '150',
        unit: 'mA',
      },
      {
        characteristic: 'Firmware checksum',
        kind: 'final',
        method: 'Read back over SWD',
        resultType: 'pass_fail',
      },
    ],
  },
];

async function operations(db: Executor, ops: Op[]): Promise<RoutingOperationInput[]> {
  const out: RoutingOperationInput[] = [];
  for (const { documents, ...op } of ops) {
    const documentVersionIds: string[] = [];
    for (const number of documents ?? [])
      documentVersionIds.push(await effectiveDocument(db, number));
    out.push({ ...op, documentVersionIds });
  }
  return out;
}

export async function seedDemoEngineering(trx: Trx): Promise<void> {
  const actor = systemActor('demo-seed');
  const signers = [await demoSigner(trx, 'engineer'), await demoSigner(trx, 'qa_manager')];
  const release = async (kind: 'bom' | 'routing', id: string) => {
    await submitVersion(trx, actor, kind, id);
    for (const signer of signers) await approveVersion(trx, actor, signer, kind, id);
    await makeVersionEffective(trx, actor, kind, id);
  };
  const boms: [string, Line[], string[]][] = [
    ['FD-IS-20', INFUSION_SET_LINES, ['SPEC-IS-20', 'LA-IS-20']],
    ['FD-IS-21', INFUSION_SET_LINES.filter(([code]) => code !== 'CP-NEEDLE-01'), ['LA-IS-20']],
    [
      'CP-MB-01',
      [
        ['CP-PCB-01', '1'],
        ['CP-MCU-01', '1', { referenceDesignator: 'U1' }],
      ],
      [],
    ],
    [
      'FD-IP-300',
      [
        ['CP-MB-01', '1', { note: 'Serial number recorded' }],
        ['CP-MOTOR-01', '1'],
        ['CP-LCD-01', '1'],
        ['CP-HOUSING-01', '1'],
        ['CP-BATT-01', '1'],
        ['CP-SENSOR-01', '1'],
        ['LB-PUMP-01', '1'],
        ['PK-PUMPBOX-01', '1'],
      ],
      ['DWG-IP-300'],
    ],
  ];
  for (const [code, spec, documents] of boms) {
    const documentVersionIds: string[] = [];
    for (const number of documents) documentVersionIds.push(await effectiveDocument(trx, number));
    const bom = await createBomVersion(trx, actor, {
      itemId: await itemId(trx, code),
      note: 'First release / 首次发布',
      lines: await lines(trx, spec),
      documentVersionIds,
      reason: 'Demo data',
    });
    await release('bom', bom.id);
  }
  const routings: [string, Op[]][] = [
    ['FD-IS-20', INFUSION_SET_ROUTING],
    ['FD-IP-300', PUMP_ROUTING],
    ['CP-MB-01', MAIN_BOARD_ROUTING],
  ];
  for (const [code, ops] of routings) {
    const routing = await createRoutingVersion(trx, actor, {
      itemId: await itemId(trx, code),
      note: 'First release / 首次发布',
      operations: await operations(trx, ops),
      reason: 'Demo data',
    });
    await release('routing', routing.id);
  }

  // FD-IS-20 version 2: the thin-wall needle, waiting for its change request (CR-0001).
  const infusionSet = await itemId(trx, 'FD-IS-20');
  const v1 = await getEffectiveBom(trx, infusionSet);
  if (!v1) throw new Error('FD-IS-20 has no effective BOM');
  const v2 = await copyVersion(trx, actor, 'bom', v1.id);
  const draft = await getBomVersion(trx, v2);
  const needle = await itemId(trx, 'CP-NEEDLE-02');
  await updateBomVersion(trx, actor, v2, {
    note: 'Thin-wall needle CP-NEEDLE-02 / 改用薄壁针 CP-NEEDLE-02',
    lines: draft.lines.map((l) => ({
      componentItemId: l.component.code === 'CP-NEEDLE-01' ? needle : l.componentItemId,
      quantityPer: l.quantityPer,
      scrapPct: l.scrapPct,
      recordTracking: l.recordTracking,
      referenceDesignator: l.referenceDesignator ?? undefined,
      note: l.note ?? undefined,
    })),
    documentVersionIds: draft.documents.map((d) => d.id),
    reason: 'Demo data',
  });
}

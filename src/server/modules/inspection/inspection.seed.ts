// Demo data (docs/demo-plant.md): inspection plans for the purchased components
// (before purchasing, whose receipts open the inspections), then results and
// signed decisions for most of the opened inspections: several accepted, one
// rejected with its NCR, the battery lot left open.
import type { CharacteristicInput } from '../../../shared/inspection.contract.ts';
import type { SignatureMeaning } from '../../../shared/signatures.contract.ts';
import { systemActor, type UserActor } from '../../platform/actor.ts';
import { DEFAULT_SECURITY_POLICY } from '../../platform/config.ts';
import type { Trx } from '../../platform/db/database.ts';
import {
  DEMO_PASSWORD,
  findUserByUsername,
  permissionsOfUser,
} from '../../platform/identity/index.ts';
import { verifySigner, type VerifiedSigner } from '../../platform/signatures/signatures.service.ts';
import { getItemByCode } from '../items/index.ts';
import { getTraceUnit } from '../lots/index.ts';
import { decideInspection } from './decision.service.ts';
import { getInspection, listInspections } from './inspections.service.ts';
import { activateInspectionPlan, createInspectionPlan } from './plans.service.ts';
import { lockOpenInspection, writeResults } from './results.service.ts';

type Char = Partial<CharacteristicInput> & Pick<CharacteristicInput, 'name' | 'kind' | 'aql'>;
const measured = (
  name: string,
  unit: string,
  [lowerLimit, nominal, upperLimit]: [string, string, string],
  more: Partial<CharacteristicInput> = {},
): Char => ({ name, kind: 'measured', unit, lowerLimit, nominal, upperLimit, aql: '1.0', ...more });
const attribute = (name: string, more: Partial<CharacteristicInput> = {}): Char => ({
  name,
  kind: 'attribute',
  aql: '0.65',
  inspectionLevel: 'S-4',
  defectClass: 'critical',
  ...more,
});

const NEEDLE: Char[] = [
  measured('Needle outer diameter', 'mm', ['0.69', '0.70', '0.71']),
  attribute('Tip: burrs or hooks (10× loupe)'),
];

// prettier-ignore
const DEMO_PLANS: [item: string, name: string, characteristics: Char[]][] = [
  ['CP-NEEDLE-01', 'IV needle incoming inspection', NEEDLE],
  ['CP-NEEDLE-02', 'IV needle (thin wall) incoming inspection', NEEDLE],
  ['CP-TUBE-01', 'PVC tubing incoming inspection', [
    measured('Inner diameter', 'mm', ['2.90', '3.00', '3.10'], { aql: '1.5' }),
    attribute('Kinks, particles, discolouration', { inspectionLevel: 'II', aql: '2.5', defectClass: 'major' }),
  ]],
  ['CP-DRIP-01', 'Drip chamber incoming inspection', [
    measured('Chamber length', 'mm', ['59.5', '60.0', '60.5'], { inspectionLevel: 'S-4' }),
    attribute('15 µm filter present and intact'),
  ]],
  ['CP-SPIKE-01', 'Bottle spike incoming inspection', [attribute('Spike point geometry (gauge)', { inspectionLevel: 'II' })]],
  ['CP-LUER-01', 'Luer lock incoming inspection', [attribute('Luer fit, ISO 80369-7 gauge', { inspectionLevel: 'II', defectClass: 'major' })]],
  ['CP-MOTOR-01', 'Stepper motor incoming inspection', [
    measured('Winding resistance', 'Ω', ['2.7', '3.0', '3.3'], { inspectionLevel: 'S-3' }),
    attribute('Shaft play and noise', { inspectionLevel: 'S-3', defectClass: 'major', aql: '1.0' }),
  ]],
  ['CP-BATT-01', 'Battery pack incoming inspection', [
    measured('Open-circuit voltage', 'V', ['7.2', '7.6', '8.4'], { inspectionLevel: 'S-3', aql: '0.65', defectClass: 'critical' }),
    attribute('Casing damage, swelling', { inspectionLevel: 'S-3' }),
  ]],
  ['CP-PCB-01', 'Main board bare PCB incoming inspection', [
    measured('Board thickness', 'mm', ['1.44', '1.60', '1.76'], { inspectionLevel: 'S-4' }),
    attribute('Visual per IPC-A-600 class 2', { inspectionLevel: 'II', defectClass: 'major' }),
  ]],
];

export async function seedDemoInspectionPlans(trx: Trx): Promise<void> {
  const actor = systemActor('demo-seed');
  for (const [code, name, characteristics] of DEMO_PLANS) {
    const item = await getItemByCode(trx, code);
    const plan = await createInspectionPlan(trx, actor, {
      itemId: item.id,
      name,
      isDefault: true,
      characteristics: characteristics.map((c) => ({
        inspectionLevel: 'II',
        defectClass: 'major',
        ...c,
      })),
    });
    await activateInspectionPlan(trx, actor, plan.id, 'Demo data: plan approved by QA');
  }
}

async function demoUser(trx: Trx, username: string): Promise<UserActor> {
  const user = await findUserByUsername(trx, username);
  if (!user) throw new Error(`Demo user ${username} is missing: the users seeder runs first`);
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    fullName: user.full_name,
    permissions: await permissionsOfUser(trx, user.id),
    via: 'session',
    passwordChangeRequired: false,
    requestId: 'demo-seed',
  };
}

// The QA manager re-enters the demo password once per meaning (scrypt is slow on purpose).
async function demoSigner(trx: Trx, meaning: SignatureMeaning): Promise<VerifiedSigner> {
  const actor = await demoUser(trx, 'qa_manager');
  return verifySigner(
    trx,
    DEFAULT_SECURITY_POLICY,
    actor,
    { username: actor.username, password: DEMO_PASSWORD, meaning, comment: 'Demo data' },
    { requestId: 'demo-seed' },
  );
}

/** Supplier lot → what happens to its inspection. Lots not listed stay open. */
const OUTCOMES: Record<string, { burrs?: number } | undefined> = {
  'HX-T260901': {},
  'HX-D260903': {},
  'JN2609-118': {},
  'KS-SP-2610A': {},
  'KS-LL-2610B': {},
  'MD-M-2611': {},
  'JN2610-007': { burrs: 2 },
};

function demoValue(lower: string, nominal: string, upper: string, unit: number): string {
  const decimals =
    Math.max(...[lower, nominal, upper].map((v) => v.split('.')[1]?.length ?? 0)) + 1;
  const spread = (Number(upper) - Number(lower)) / 8;
  return (Number(nominal) + ((unit % 5) - 2) * (spread / 2)).toFixed(decimals);
}

export async function seedDemoInspectionResults(trx: Trx): Promise<void> {
  const inspector = await demoUser(trx, 'qa_inspector');
  const signers = new Map<SignatureMeaning, Promise<VerifiedSigner>>();
  const signer = (meaning: SignatureMeaning) => {
    if (!signers.has(meaning)) signers.set(meaning, demoSigner(trx, meaning));
    return signers.get(meaning) as Promise<VerifiedSigner>;
  };
  const open = await listInspections(trx, { status: 'open', limit: 200, offset: 0 });
  // Oldest first, so the switching history reads in receiving order.
  for (const summary of [...open.items].reverse()) {
    const supplierLot = (await getTraceUnit(trx, summary.lot.id))?.supplierLot ?? '';
    const outcome = OUTCOMES[supplierLot];
    if (!outcome) continue;
    const inspection = await getInspection(trx, summary.id);
    const results = inspection.characteristics.flatMap((c) =>
      Array.from({ length: c.sampleSize }, (_, i) =>
        c.kind === 'measured'
          ? {
              characteristicSeq: c.seq,
              unitNo: i + 1,
              value: demoValue(c.lowerLimit ?? '0', c.nominal ?? '0', c.upperLimit ?? '0', i),
            }
          : {
              characteristicSeq: c.seq,
              unitNo: i + 1,
              passed: !(c.seq === 2 && i < (outcome.burrs ?? 0)),
            },
      ),
    );
    await writeResults(trx, inspector, await lockOpenInspection(trx, summary.id), results);
    const qa = outcome.burrs ? await signer('rejected') : await signer('released');
    await decideInspection(
      trx,
      qa.actor,
      qa,
      summary.id,
      outcome.burrs
        ? {
            decision: 'reject',
            reason: `Burrs on the needle tip of ${outcome.burrs} sampled units (critical, Ac 0)`,
          }
        : { decision: 'accept' },
    );
  }
}

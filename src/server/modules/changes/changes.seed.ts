// Demo plant (docs/demo-plant.md): CR-0001, a draft, to take FD-IS-20 BOM
// version 2 (thin-wall needle CP-NEEDLE-02) to effective. It can be submitted
// for review once version 2 is approved by engineer and QA.
import { systemActor } from '../../platform/actor.ts';
import type { Trx } from '../../platform/db/database.ts';
import { listVersions } from '../engineering/index.ts';
import { listItems } from '../items/index.ts';
import { createChange } from './changes.service.ts';

export async function seedDemoChanges(trx: Trx): Promise<void> {
  const actor = systemActor('demo-seed');
  const { items } = await listItems(trx, { q: 'FD-IS-20', limit: 20, offset: 0 });
  const item = items.find((i) => i.code === 'FD-IS-20');
  if (!item) throw new Error('Demo item FD-IS-20 is missing: the items seeder runs first');
  const drafts = await listVersions(trx, 'bom', {
    itemId: item.id,
    status: 'draft',
    limit: 10,
    offset: 0,
  });
  const v2 = drafts.items.find((v) => v.versionNo === 2);
  if (!v2) throw new Error('FD-IS-20 BOM version 2 is missing: the engineering seeder runs first');
  await createChange(trx, actor, {
    title: 'Switch to thin-wall needle CP-NEEDLE-02 / 改用薄壁针 CP-NEEDLE-02',
    description:
      'Replace the IV needle CP-NEEDLE-01 by the thin-wall needle CP-NEEDLE-02 (same gauge 22G, larger inner diameter) in FD-IS-20.\n' +
      '将 FD-IS-20 中的静脉输液针 CP-NEEDLE-01 更换为薄壁针 CP-NEEDLE-02（同为 22G，内径更大）。',
    reason:
      'Higher flow at the same gauge and less patient discomfort; supplier SUP-002 qualified both needles.\n' +
      '同规格下流量更高、患者不适更少；供应商 SUP-002 两种针均已合格。',
    riskClass: 'medium',
    targets: [
      { targetType: 'bom_version', targetId: v2.id, note: 'Needle line only / 仅针头一行' },
    ],
  });
}

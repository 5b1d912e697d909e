// Demo plant (docs/demo-plant.md): the controlled documents, each with an
// effective revision A approved by the QA manager.
import type { DocumentKind } from '../../../shared/documents.contract.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Trx } from '../../platform/db/database.ts';
import { findUserByUsername } from '../../platform/identity/index.ts';
import { demoSigner } from '../../platform/signatures/demo-signer.ts';
import {
  approveDocumentVersion,
  createDocument,
  createDocumentVersion,
  makeDocumentVersionEffective,
  submitDocumentVersion,
} from './documents.service.ts';

interface DemoDocument {
  number: string;
  kind: DocumentKind;
  titleZh: string;
  titleEn: string;
  owner: string;
  body: string;
}

export const DEMO_DOCUMENTS: DemoDocument[] = [
  {
    number: 'SOP-QA-001',
    kind: 'sop',
    titleZh: '文件控制程序',
    titleEn: 'Document control',
    owner: 'qa_manager',
    body: 'Purpose: control of documents per ISO 13485:2016 §4.2.4 and 21 CFR 820.40.\nApproval by QA before issue; obsolete documents withdrawn from points of use.',
  },
  {
    number: 'WI-IS-010',
    kind: 'work_instruction',
    titleZh: '输液器组装作业指导书',
    titleEn: 'Infusion set assembly',
    owner: 'engineer',
    body: 'Assemble spike, drip chamber, tubing 1.8 m, roller clamp, luer and needle in ISO 8 clean room LINE-IS.\nSolvent bond each joint; cure 30 s; 100 % visual check.',
  },
  {
    number: 'WI-IS-040',
    kind: 'work_instruction',
    titleZh: '环氧乙烷灭菌作业指导书',
    titleEn: 'EO sterilisation',
    owner: 'engineer',
    body: 'Validated EO cycle per ISO 11135: preconditioning, EO 600 mg/L (450–750), 50 °C (45–55), RH 60 % (40–80), exposure 4 h, aeration ≥ 7 days.\nBiological indicators in every load.',
  },
  {
    number: 'SPEC-IS-20',
    kind: 'specification',
    titleZh: '输液器产品技术要求',
    titleEn: 'Infusion set specification',
    owner: 'engineer',
    body: 'Per GB 8368 / ISO 8536-4: flow ≥ 1000 ml in 10 min at 1 m head; leak-free at 50 kPa; filter retains ≥ 80 % of 20 µm particles; sterile, pyrogen-free.',
  },
  {
    number: 'LA-IS-20',
    kind: 'label_artwork',
    titleZh: '输液器标签图稿',
    titleEn: 'Infusion set label artwork',
    owner: 'qa_manager',
    body: 'Label LB-IS-01: product name zh/en, GS1 DataMatrix (01)(17)(10), sterile EO symbol, single-use symbol, registration certificate number, manufacturer address.',
  },
  {
    number: 'DWG-IP-300',
    kind: 'drawing',
    titleZh: '输液泵总装图',
    titleEn: 'Pump assembly drawing',
    owner: 'engineer',
    body: 'IP-300 general assembly: housing, main board CP-MB-01, stepper motor, 3.5" display, battery pack, air-in-line sensor; torque M3 0.6 N·m.',
  },
  {
    number: 'WI-IP-030',
    kind: 'work_instruction',
    titleZh: '流量精度测试作业指导书',
    titleEn: 'Flow rate test',
    owner: 'engineer',
    body: 'Per IEC 60601-2-24: run 25 ml/h for 2 h on flow analyser EQ-FLOW-01; accuracy ±5 %; record the trumpet curve.',
  },
];

export async function seedDemoDocuments(trx: Trx): Promise<void> {
  const actor = systemActor('demo-seed');
  const approver = await demoSigner(trx, 'qa_manager');
  for (const d of DEMO_DOCUMENTS) {
    const owner = await findUserByUsername(trx, d.owner);
    const doc = await createDocument(trx, actor, {
      number: d.number,
      titleZh: d.titleZh,
      titleEn: d.titleEn,
      kind: d.kind,
      ownerId: owner?.id,
      reason: 'Demo data',
    });
    const text = `${d.number} Rev. A — ${d.titleEn} / ${d.titleZh}\n\n${d.body}\n`;
    const version = await createDocumentVersion(trx, actor, doc.id, {
      changeSummary: 'First issue / 首次发布',
      file: {
        filename: `${d.number}-A.txt`,
        mediaType: 'text/plain',
        contentBase64: Buffer.from(text, 'utf8').toString('base64'),
      },
    });
    await submitDocumentVersion(trx, actor, version.id);
    await approveDocumentVersion(trx, actor, approver, version.id);
    await makeDocumentVersionEffective(trx, actor, version.id);
  }
}

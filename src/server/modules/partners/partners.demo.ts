// The demo plant's suppliers and customers (docs/demo-plant.md), written through
// the services so that every record is audited like any other.
import PDFDocument from 'pdfkit';
import { addDays } from '../../../shared/calendar-date.ts';
import type { CertificateType, SupplierStatus } from '../../../shared/partners.contract.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Trx } from '../../platform/db/database.ts';
import { listItems } from '../items/index.ts';
import { createCertificate, today } from './certificates.service.ts';
import { createCustomer, type CreateCustomerInput } from './customers.service.ts';
import {
  addSupplierItem,
  createSupplier,
  endSupplierItem,
  getSupplier,
  recordSystemSupplierStatus,
} from './suppliers.service.ts';

const REASON = 'Demo data';

interface DemoCertificate {
  type: CertificateType;
  number: string;
  issuer: string;
  /** Relative to the day the demo is loaded, so the warnings stay true to the plan. */
  fromDays: number;
  untilDays: number;
}

interface DemoSupplier {
  code: string;
  zh: string;
  en: string;
  country: string;
  address: string;
  contact: [name: string, phone: string, email: string];
  status: SupplierStatus;
  items: string[];
  formerItems?: string[];
  certificates: DemoCertificate[];
}

const iso = (number: string, issuer: string, fromDays: number, untilDays: number) =>
  ({ type: 'iso13485', number, issuer, fromDays, untilDays }) as const;

export const DEMO_SUPPLIERS: DemoSupplier[] = [
  {
    code: 'SUP-001',
    zh: '江苏康宏医用材料',
    en: 'Jiangsu Kanghong Medical Materials',
    country: 'CN',
    address: '江苏省常州市武进区康宏路 18 号 / 18 Kanghong Road, Wujin, Changzhou, Jiangsu',
    contact: ['周建国 Zhou Jianguo', '+86 519 8688 1001', 'qa@kanghong-med.example.cn'],
    status: 'approved',
    items: ['RM-PVC-01', 'CP-TUBE-01', 'CP-DRIP-01', 'CP-CLAMP-01'],
    certificates: [
      iso('CN-13485-2024-0815', 'TÜV SÜD', -400, 695),
      {
        type: 'business_licence',
        number: '91320412MA1XK0815Q',
        issuer: '常州市武进区市场监督管理局',
        fromDays: -2200,
        untilDays: 3600,
      },
    ],
  },
  {
    code: 'SUP-002',
    zh: '深圳精工针业',
    en: 'Shenzhen Jinggong Needle',
    country: 'CN',
    address: '广东省深圳市宝安区精工大道 66 号 / 66 Jinggong Avenue, Bao’an, Shenzhen, Guangdong',
    contact: ['黄敏 Huang Min', '+86 755 2766 3002', 'quality@jinggong-needle.example.cn'],
    status: 'approved',
    items: ['CP-NEEDLE-01', 'CP-NEEDLE-02'],
    // Lapses within 30 days of loading: the dashboard's "expiring" example.
    certificates: [iso('CN-13485-2023-0342', 'SGS', -1075, 20)],
  },
  {
    code: 'SUP-003',
    zh: 'Rheinland Medical Components GmbH',
    en: 'Rheinland Medical Components GmbH',
    country: 'DE',
    address: 'Industriestraße 12, 51063 Köln, Germany',
    contact: ['Katrin Vogel', '+49 221 555 0303', 'k.vogel@rheinland-mc.example.de'],
    status: 'approved',
    items: ['CP-SPIKE-01', 'CP-LUER-01'],
    certificates: [iso('DE-MDQ-13485-7781', 'DEKRA Certification GmbH', -500, 595)],
  },
  {
    code: 'SUP-004',
    zh: '上海华芯电子',
    en: 'Shanghai Huaxin Electronics',
    country: 'CN',
    address: '上海市浦东新区张江路 200 号 / 200 Zhangjiang Road, Pudong, Shanghai',
    contact: ['陆晓峰 Lu Xiaofeng', '+86 21 5080 4004', 'sqe@huaxin-elec.example.cn'],
    // Conditional: ISO 13485 certification still in progress; ISO 9001 only.
    status: 'conditional',
    items: ['CP-PCB-01', 'CP-MCU-01', 'CP-LCD-01', 'CP-SENSOR-01'],
    certificates: [
      {
        type: 'other',
        number: 'ISO 9001:2015 CN-QMS-55021',
        issuer: 'China Quality Certification Centre',
        fromDays: -200,
        untilDays: 895,
      },
    ],
  },
  {
    code: 'SUP-005',
    zh: '东莞恒通包装',
    en: 'Dongguan Hengtong Packaging',
    country: 'CN',
    address:
      '广东省东莞市长安镇恒通工业园 / Hengtong Industrial Park, Chang’an, Dongguan, Guangdong',
    contact: ['林芳 Lin Fang', '+86 769 8532 5005', 'lin.fang@hengtong-pack.example.cn'],
    status: 'approved',
    items: ['PK-POUCH-01', 'PK-BOX-01', 'LB-IS-01', 'LB-PUMP-01', 'PK-PUMPBOX-01'],
    certificates: [iso('CN-13485-2025-1120', 'BSI', -150, 945)],
  },
  {
    code: 'SUP-006',
    zh: '常州动力电机',
    en: 'Changzhou Power Motor',
    country: 'CN',
    address: '江苏省常州市新北区动力路 9 号 / 9 Dongli Road, Xinbei, Changzhou, Jiangsu',
    contact: ['钱伟 Qian Wei', '+86 519 8512 6006', 'qianwei@cz-power.example.cn'],
    status: 'approved',
    items: ['CP-MOTOR-01', 'CP-HOUSING-01', 'CP-BATT-01'],
    certificates: [iso('CN-13485-2024-2231', 'TÜV Rheinland', -320, 775)],
  },
  {
    code: 'SUP-007',
    zh: '温州恒达针管',
    en: 'Wenzhou Hengda Needle Tubing',
    country: 'CN',
    address: '浙江省温州市瓯海区恒达路 3 号 / 3 Hengda Road, Ouhai, Wenzhou, Zhejiang',
    contact: ['郑涛 Zheng Tao', '+86 577 8866 7007', 'zhengtao@hengda-tube.example.cn'],
    status: 'disqualified',
    items: [],
    formerItems: ['CP-NEEDLE-01'],
    certificates: [iso('CN-13485-2021-0457', 'CQC', -1500, -405)],
  },
];

export const DEMO_CUSTOMERS: CreateCustomerInput[] = [
  {
    code: 'CUS-001',
    legalNameZh: '华东医疗器械分销有限公司',
    legalNameEn: 'East China Medical Distribution',
    kind: 'distributor',
    country: 'CN',
    addresses: [
      {
        label: '上海中心仓 / Shanghai central warehouse',
        line1: '上海市闵行区华东路 1288 号 3 号库',
        city: '上海 Shanghai',
        postcode: '201100',
        country: 'CN',
      },
      {
        label: '南京分仓 / Nanjing branch warehouse',
        line1: '江苏省南京市江宁区物流大道 56 号',
        city: '南京 Nanjing',
        postcode: '211100',
        country: 'CN',
      },
    ],
    contacts: [
      {
        name: '孙丽 Sun Li',
        role: '质量负责人 / Head of quality',
        phone: '+86 21 6488 1001',
        email: 'sun.li@ecmd.example.cn',
        recallNotices: true,
      },
      {
        name: '吴强 Wu Qiang',
        role: '采购 / Purchasing',
        phone: '+86 21 6488 1002',
        recallNotices: false,
      },
    ],
  },
  {
    code: 'CUS-002',
    legalNameZh: '杭州滨江医院',
    legalNameEn: 'Hangzhou Binjiang Hospital',
    kind: 'hospital',
    country: 'CN',
    addresses: [
      {
        label: '医院中心库房 / Central stores',
        line1: '浙江省杭州市滨江区江南大道 3888 号',
        city: '杭州 Hangzhou',
        postcode: '310051',
        country: 'CN',
      },
    ],
    contacts: [
      {
        name: '郑华 Zheng Hua',
        role: '设备科 / Medical equipment department',
        phone: '+86 571 8777 2002',
        email: 'equipment@bjhospital.example.cn',
        recallNotices: true,
      },
    ],
  },
  {
    code: 'CUS-003',
    legalNameZh: '苏州工业园区医院',
    legalNameEn: 'Suzhou Industrial Park Hospital',
    kind: 'hospital',
    country: 'CN',
    addresses: [
      {
        label: '耗材库 / Consumables store',
        line1: '江苏省苏州市工业园区星湖街 1055 号',
        city: '苏州 Suzhou',
        postcode: '215123',
        country: 'CN',
      },
    ],
    contacts: [
      {
        name: '许静 Xu Jing',
        role: '医学装备部 / Medical devices office',
        phone: '+86 512 6295 3003',
        email: 'devices@sipho.example.cn',
        recallNotices: true,
      },
    ],
  },
  {
    code: 'CUS-004',
    legalNameZh: 'MediVertrieb GmbH',
    legalNameEn: 'MediVertrieb GmbH',
    kind: 'distributor',
    country: 'DE',
    addresses: [
      {
        label: 'Lager Hamburg / Hamburg warehouse',
        line1: 'Billstraße 140',
        city: 'Hamburg',
        postcode: '20539',
        country: 'DE',
      },
    ],
    contacts: [
      {
        name: 'Jonas Becker',
        role: 'PRRC / Regulatory compliance',
        phone: '+49 40 555 0404',
        email: 'vigilance@medivertrieb.example.de',
        recallNotices: true,
      },
    ],
  },
  {
    code: 'CUS-005',
    legalNameZh: 'Centre Hospitalier de Valence',
    legalNameEn: 'Centre Hospitalier de Valence',
    kind: 'hospital',
    country: 'FR',
    addresses: [
      {
        label: 'Pharmacie à usage intérieur',
        line1: '179 boulevard Maréchal Juin',
        city: 'Valence',
        postcode: '26953',
        country: 'FR',
      },
    ],
    contacts: [
      {
        name: 'Claire Martin',
        role: 'Correspondante matériovigilance',
        phone: '+33 4 75 75 05 05',
        email: 'materiovigilance@ch-valence.example.fr',
        recallNotices: true,
      },
    ],
  },
];

/** A one-page PDF standing in for the scanned certificate. */
function certificatePdf(supplier: DemoSupplier, c: DemoCertificate, from: string, until: string) {
  return new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { Title: `${c.type} ${c.number}` } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(20).text('CERTIFICATE (demo copy)', { align: 'center' }).moveDown();
    doc.fontSize(12);
    for (const line of [
      `Holder: ${supplier.en} (${supplier.code})`,
      `Type: ${c.type}`,
      `Number: ${c.number}`,
      `Valid from ${from} until ${until}`,
    ])
      doc.text(line);
    doc.end();
  });
}

async function itemIdsByCode(trx: Trx, codes: string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const code of codes) {
    const { items } = await listItems(trx, { q: code, limit: 50, offset: 0 });
    const item = items.find((i) => i.code === code);
    if (!item) throw new Error(`Demo item ${code} is missing: seed the items before the partners`);
    ids.set(code, item.id);
  }
  return ids;
}

export async function seedDemoPartners(trx: Trx): Promise<void> {
  const actor = systemActor('demo-seed');
  const on = today();
  const items = await itemIdsByCode(
    trx,
    DEMO_SUPPLIERS.flatMap((s) => [...s.items, ...(s.formerItems ?? [])]),
  );
  const itemId = (code: string) => items.get(code) ?? '';
  for (const s of DEMO_SUPPLIERS) {
    const supplier = await createSupplier(trx, actor, {
      code: s.code,
      legalNameZh: s.zh,
      legalNameEn: s.en,
      country: s.country,
      address: s.address,
      contactName: s.contact[0],
      contactPhone: s.contact[1],
      contactEmail: s.contact[2],
      reason: REASON,
    });
    for (const c of s.certificates) {
      const validFrom = addDays(on, c.fromDays);
      const validUntil = addDays(on, c.untilDays);
      const pdf = await certificatePdf(s, c, validFrom, validUntil);
      await createCertificate(trx, actor, supplier.id, {
        type: c.type,
        number: c.number,
        issuer: c.issuer,
        validFrom,
        validUntil,
        file: {
          filename: `${s.code}-${c.type}.pdf`,
          mediaType: 'application/pdf',
          contentBase64: pdf.toString('base64'),
        },
        reason: REASON,
      });
    }
    const approvalStatus = s.status === 'disqualified' ? 'approved' : s.status;
    await recordSystemSupplierStatus(
      trx,
      actor,
      supplier.id,
      approvalStatus,
      `${REASON}: supplier audit`,
    );
    for (const code of [...s.items, ...(s.formerItems ?? [])]) {
      await addSupplierItem(trx, actor, supplier.id, { itemId: itemId(code), reason: REASON });
    }
    if (s.status === 'disqualified') {
      const { approvedItems } = await getSupplier(trx, supplier.id, on);
      for (const link of approvedItems) {
        await endSupplierItem(
          trx,
          actor,
          supplier.id,
          link.id,
          `${REASON}: needle tip burrs found at incoming inspection`,
        );
      }
      await recordSystemSupplierStatus(
        trx,
        actor,
        supplier.id,
        'disqualified',
        `${REASON}: repeated needle tip burrs; SCAR not closed`,
      );
    }
  }
  for (const c of DEMO_CUSTOMERS) await createCustomer(trx, actor, { ...c, reason: REASON });
}

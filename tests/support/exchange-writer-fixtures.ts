/** A sample unit report built from the shipped plan, for the writer's tests and the benchmark. */
import { ACTIVITY_TYPES } from '@domain/activity';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { STANDARD_INDICATORS } from '@domain/indicators';
import { planFingerprint } from '@domain/plan-tree';
import { planReportItems } from '@exchange/template';
import { FORMAT_VERSION } from '@exchange/spec';
import { type ReportActivity, type ReportItem, type UnitReport } from '@domain/report';
import { withAppResults } from '../fixtures/workbooks/tools/sample-report';

export { withAppResults };

export const PLAN = BUILTIN_PLAN.plan;

export function planItems(): Pick<ReportItem, 'id' | 'groupTitle' | 'text'>[] {
  return planReportItems(PLAN);
}

/** Deterministic pseudo-random UUID v4 text. */
export function fakeUuid(i: number): string {
  const h = (n: number) => ((Math.imul(n ^ 0x9e3779b9, 2654435761) >>> 0).toString(16).padStart(8, '0'));
  const a = h(i);
  const b = h(i + 7919);
  const c = h(i + 104729);
  const d = h(i + 1299709);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-a${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

const TITLES = [
  'Tuyên truyền Nghị quyết 43-NQ/TW cho đoàn viên',
  'Hội nghị quán triệt kế hoạch của Ban Thường vụ',
  'Tập huấn kỹ năng thương lượng tập thể',
  'Thăm hỏi, tặng quà công nhân lao động khó khăn',
  'Đối thoại định kỳ tại nơi làm việc với người sử dụng lao động',
];

export function sampleActivities(count: number, itemIds: readonly string[], unitCode = 'CDCS-0012'): ReportActivity[] {
  const out: ReportActivity[] = [];
  for (let i = 0; i < count; i++) {
    const day = 1 + (i % 28);
    const month = 1 + (i % 6);
    const type = ACTIVITY_TYPES[i % ACTIVITY_TYPES.length]!.code;
    const indicators: Record<string, number> = {};
    if (i % 3 === 0) indicators['propaganda-sessions'] = 1 + (i % 4);
    if (i % 5 === 0) indicators['new-members'] = i % 7;
    if (indicators['new-members'] === 0) delete indicators['new-members'];
    out.push({
      id: fakeUuid(i),
      date: `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      unitCode,
      itemIds: [itemIds[i % itemIds.length]!, ...(i % 4 === 0 ? [itemIds[(i + 3) % itemIds.length]!] : [])],
      type,
      title: `${TITLES[i % TITLES.length]} (đợt ${i + 1})`,
      content: i % 2 === 0 ? 'Tổ chức tại hội trường; phát tài liệu, giải đáp thắc mắc của người lao động.' : '',
      location: i % 2 === 0 ? 'Hội trường công ty' : '',
      participants: i % 3 === 0 ? 20 + (i % 150) : null,
      evidenceDoc: i % 4 === 0 ? `${i + 1}/BC-CĐCS` : '',
      evidenceFile: i % 8 === 0 ? `bien-ban-${i + 1}.pdf` : '',
      indicators,
    });
  }
  return out;
}

export function sampleReport(activityCount = 12): UnitReport {
  const items = planItems();
  const ids = items.map((i) => i.id);
  const activities = sampleActivities(activityCount, ids);
  const byItem = new Map<string, number>();
  for (const a of activities) for (const id of a.itemIds) byItem.set(id, (byItem.get(id) ?? 0) + 1);
  const statuses = ['xong', 'dang', 'chua', null, 'khong-ap-dung'] as const;
  // "Kết quả" as the app writes it (the activities in the period plus the adjustment).
  return withAppResults({
    kind: 'unit-report',
    formatVersion: FORMAT_VERSION,
    unit: {
      code: 'CDCS-0012',
      name: 'Công đoàn cơ sở Công ty TNHH May Thành Công',
      level: 'grassroots',
      parentName: 'LĐLĐ huyện Dương Minh Châu',
    },
    plan: { id: BUILTIN_PLAN.id, number: '63/KH-LĐLĐ', title: PLAN.header.title ?? '', fingerprint: planFingerprint(PLAN) },
    period: { key: '2025-H1', name: '6 tháng đầu năm 2025', start: '2024-12-15', end: '2025-06-14' },
    exportedAt: '2025-06-14T02:30:00.000Z',
    exportedBy: 'Nguyễn Thị Hồng',
    appVersion: '0.1.0',
    items: items.map((it, i) => ({
      ...it,
      status: statuses[i % statuses.length]!,
      note: i % 3 === 0 ? 'Đã triển khai đến 100% tổ công đoàn' : '',
      evidence: i % 4 === 0 ? 'Báo cáo số 12/BC-CĐCS' : '',
      activityCount: byItem.get(it.id) ?? 0,
    })),
    activities,
    indicators: STANDARD_INDICATORS.map((d, i) => ({
      code: d.code,
      name: d.name,
      unit: d.unit,
      value: i * 3,
      target: i % 2 === 0 ? i * 4 : null,
      adjustment: i === 2 ? 2 : 0,
      adjustmentReason: i === 2 ? 'Bổ sung số liệu kết nạp tháng 6' : '',
    })),
  });
}

/** Unit report of CĐCS `n` (code CDCS-1nnn), `count` activities, exported at `at`. */
export function numberedUnitReport(n: number, count: number, at = '2025-06-14T02:30:00.000Z'): UnitReport {
  const r = sampleReport(count);
  const code = `CDCS-${1000 + n}`;
  r.unit = { code, name: `CĐCS số ${n}`, level: 'grassroots', parentName: 'LĐLĐ huyện Dương Minh Châu' };
  r.activities = sampleActivities(count, r.items.map((i) => i.id), code).map((a, i) => ({ ...a, id: `${code}-row-${i}` }));
  r.exportedAt = at;
  return withAppResults(r);
}

/**
 * One file of the import batch: what the preview found (kind, unit, plan and period, decision,
 * the changes to activities and statuses, the indicators), its problems, and the choices it
 * needs (plan, unit, differences, history) before «Nhập tệp này». Drawn again only when its
 * card, its batch notes or the busy state change.
 */
import { memo, useId, type CSSProperties } from 'react';
import type { ImportPreview, PlanRecord } from '@db';
import type { ItemMatch } from '@domain/merge';
import { SUBMITTED_SOURCE_NOTES } from '@domain/consolidate';
import { formatDateVn } from '@domain/periods';
import { formatCount } from '@domain/fields';
import { indicatorFigures } from '@exchange/indicator-figures';
import { isConsolidated, type UnitReport } from '@domain/report';
import { hardBlock, needsPlanChoice, type Card } from './import-cards';
import type { CardChoice } from './import-store';
import { UnitMatchBox } from './UnitMatchBox';

/** Long item texts in the plan-mismatch list: four lines, the whole text on hover. */
const FOUR_LINES = { '--clamp-lines': 4 } as CSSProperties;

const DECISION_TEXT: Record<ImportPreview['plan']['decision'], string> = {
  new: 'Mới',
  supersedes: 'Thay thế bản nộp trước',
  identical: 'Trùng, không thay đổi',
  older: 'Cũ hơn bản đã nộp — không ghi đè',
};

const MATCH_TEXT: Record<Exclude<ItemMatch, 'matched'>, string> = {
  'missing-in-plan': 'Không có trong kế hoạch',
  'missing-in-file': 'Không có trong tệp',
  'text-changed': 'Nội dung khác',
};

/** Problems shown before "Xem thêm"; mismatched items likewise. */
const SHOWN_PROBLEMS = 3;
const SHOWN_MISMATCHES = 5;

function kindText(report: UnitReport): string {
  if (isConsolidated(report)) {
    const reports = report.consolidation.units.reduce((n, u) => n + u.reports, 0);
    return `Báo cáo tổng hợp — ${report.consolidation.units.length} đơn vị, ${reports} báo cáo`;
  }
  return report.kind === 'template' ? 'Mẫu báo cáo điền tay' : 'Báo cáo của đơn vị';
}

export interface CardProps {
  card: Card;
  /** The newer file of the same unit and period chosen in this batch (this one then goes to history). */
  newerInBatch: string | null;
  busy: boolean;
  /**
   * Counting a unit once, against the other files of the batch (counting-notes.ts), one per
   * line: a string, so that a card whose notes did not change is not drawn again.
   */
  batchNotes: string;
  plans: readonly PlanRecord[];
  onChange: (key: string, change: CardChoice) => void;
  onChoosePlan: (key: string, planId: string) => Promise<void>;
  /** A list item of a <ul> ('li'), or of an ARIA list of rows (the virtualized list: 'div'). */
  as?: 'li' | 'div';
}

export const PreviewCard = memo(function PreviewCard({ card, newerInBatch, busy, plans, batchNotes, onChange: change, onChoosePlan, as: Item = 'li' }: CardProps) {
  const onChange = (c: CardChoice) => change(card.key, c);
  const p = card.preview;
  const block = hardBlock(card);
  const errors = card.problems.filter((x) => x.severity === 'error');
  const warnings = card.problems.filter((x) => x.severity === 'warning');
  const mismatched = p?.mismatches?.items.filter((m) => m.match !== 'matched') ?? [];
  const reading = !p && !card.failure && !card.cancelled && card.counts === null;
  const headingId = useId();
  const planSelectId = useId();
  const locked = busy || !!card.result;
  const problems: { key: string; cls: string; text: string }[] = [
    ...(card.failure ? [{ key: 'f', cls: 'import-problem-error', text: card.failure }] : []),
    ...(card.cancelled ? [{ key: 'c', cls: 'import-problem-warning', text: 'Đã hủy đọc tệp này.' }] : []),
    ...errors.map((x, i) => ({ key: `e${i}`, cls: 'import-problem-error', text: `Lỗi: ${x.message}` })),
    // What the officer can resolve below is a warning; what stops the file is an error.
    // A blocker the controls below resolve (unknown unit, plan, differences, older) is said by them.
    ...(block ? (p?.blockers ?? []) : []).map((b, i) => ({ key: `b${i}`, cls: 'import-problem-error', text: b })),
    ...warnings.map((x, i) => ({ key: `w${i}`, cls: 'import-problem-warning', text: `Cảnh báo: ${x.message}` })),
    ...[...new Set([...(p?.countingNotes ?? []), ...(batchNotes ? batchNotes.split('\n') : [])])].map((text, i) => ({ key: `n${i}`, cls: 'import-problem-warning', text })),
  ];
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  const more = problems.slice(SHOWN_PROBLEMS);
  const planChosen = needsPlanChoice(card) && card.planChoice !== '';
  const consolidated = p !== null && isConsolidated(p.report);
  return (
    <Item
      {...(Item === 'div' ? { role: 'listitem' } : {})}
      className={`settings-card import-file${block ? ' import-file-blocked' : ''}${card.result ? ' import-file-done' : ''}${
        p && !block && mismatched.length > 0 ? ' import-file-wide' : ''
      }`}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="import-file-name">
        {card.fileName}
      </h3>
      {card.path !== card.fileName && <p className="muted import-file-path">{card.path}</p>}
      {reading && <p className="muted">Đang chờ đọc…</p>}
      {p && (
        <dl className="import-facts">
          <dt>Loại tệp</dt>
          <dd className={consolidated ? 'import-kind-consolidated' : undefined}>{kindText(p.report)}</dd>
          <dt>{consolidated ? 'Đơn vị tổng hợp' : 'Đơn vị'}</dt>
          <dd>
            {p.report.unit.name} <span className="muted">({p.report.unit.code})</span>
          </dd>
          <dt>Kế hoạch, kỳ</dt>
          <dd>
            {p.report.plan.number || '(không số)'} · {p.report.period.name || '(chưa ghi kỳ)'}
          </dd>
          <dt>Kết quả</dt>
          <dd>
            {newerInBatch && !card.result ? (
              <>
                <strong className="import-decision import-decision-older">Cũ hơn một tệp khác trong lô — sẽ được lưu vào lịch sử</strong>
                <span className="muted"> — cùng đơn vị và kỳ với tệp «{newerInBatch}» xuất sau: tệp đó được dùng, tệp này chỉ lưu vào lịch sử nhập.</span>
              </>
            ) : (
              <>
                <strong className={`import-decision import-decision-${p.plan.decision}`}>{DECISION_TEXT[p.plan.decision]}</strong>
                <span className="muted"> — {p.plan.reason}</span>
              </>
            )}
          </dd>
          {p.report.kind === 'template' && (
            <>
              <dt>Thời điểm nộp</dt>
              <dd>{templateSubmittedText(p.report)}</dd>
            </>
          )}
          <dt>Hoạt động</dt>
          <dd>{diffText(p.plan.activityDiff)}</dd>
          {!consolidated && (
            <>
              <dt>Tiến độ</dt>
              <dd>{diffText(p.plan.statusDiff)}</dd>
              {/* An older file changes nothing: its figures would only mislead. */}
              {p.plan.decision !== 'older' && (
                <>
                  <dt>Chỉ tiêu</dt>
                  <dd>
                    <IndicatorFigures report={p.report} />
                  </dd>
                </>
              )}
            </>
          )}
        </dl>
      )}
      {problems.length > 0 && (
        <div className="import-problems-wrap">
          <ul className="import-problems" aria-label={`Vấn đề của tệp ${card.fileName}`}>
            {shown.map((x) => (
              <li key={x.key} className={x.cls}>
                {x.text}
              </li>
            ))}
          </ul>
          {more.length > 0 && (
            <details className="import-more">
              <summary>Xem thêm {more.length} vấn đề</summary>
              <ul className="import-problems">
                {more.map((x) => (
                  <li key={x.key} className={x.cls}>
                    {x.text}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
      {p && !block && needsPlanChoice(card) && (
        <div className="import-plan-choice">
          <label htmlFor={planSelectId}>Nhập vào kế hoạch</label>
          <select id={planSelectId} value={card.planChoice} disabled={locked} onChange={(e) => void onChoosePlan(card.key, e.target.value)}>
            <option value="">— Chọn kế hoạch —</option>
            {plans.map((pl) => (
              <option key={pl.id} value={pl.id}>
                {pl.number || '(không số)'} — {pl.title}
                {pl.id === card.original?.suggestedPlanId ? ' (gợi ý)' : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      {p && !block && <UnitMatchBox preview={p} locked={locked} addUnit={card.addUnit} onAddUnit={(addUnit) => onChange({ addUnit })} />}
      {p && !block && !p.unitKnown && p.unitMatch.kind === 'unknown' && (
        <label className="import-check">
          <input type="checkbox" checked={card.addUnit} disabled={locked} onChange={(e) => onChange({ addUnit: e.target.checked })} />
          Thêm {consolidated ? 'đơn vị cấp dưới' : 'đơn vị'} {p.report.unit.name} ({p.report.unit.code}) vào danh sách
        </label>
      )}
      {p && !block && p.planKnown && (mismatched.length > 0 || planChosen) && (
        <div className="import-mismatches">
          {mismatched.length > 0 ? (
            <MismatchTable items={mismatched} fileName={card.fileName} />
          ) : (
            <p>Mọi nhiệm vụ trong tệp khớp với kế hoạch đã chọn.</p>
          )}
          <label className="import-check">
            <input type="checkbox" checked={card.acceptMismatches} disabled={locked} onChange={(e) => onChange({ acceptMismatches: e.target.checked })} />
            {mismatched.length > 0 ? 'Đã kiểm tra, chấp nhận khác biệt' : 'Xác nhận nhập vào kế hoạch đã chọn'}
          </label>
        </div>
      )}
      {p && !block && p.plan.decision === 'older' && (
        <label className="import-check">
          <input type="checkbox" checked={card.keepOlder} disabled={locked} onChange={(e) => onChange({ keepOlder: e.target.checked })} />
          Lưu vào lịch sử (không ghi đè dữ liệu mới hơn)
        </label>
      )}
      <label className="import-check import-check-main">
        <input type="checkbox" checked={card.checked && !block} disabled={locked || !!block} onChange={(e) => onChange({ checked: e.target.checked })} />
        Nhập tệp này
      </label>
      {card.result && <p className={`job-message ${card.result.ok ? 'ok' : 'error'}`}>{card.result.text}</p>}
    </Item>
  );
});

function MismatchTable({ items, fileName }: { items: { itemId: string; match: ItemMatch; fileText: string; planText: string }[]; fileName: string }) {
  const row = (m: (typeof items)[number]) => (
    <tr key={`${m.match}-${m.itemId}`}>
      <td className="import-mismatch-id">{m.itemId}</td>
      <td className="import-mismatch-kind">{MATCH_TEXT[m.match as Exclude<ItemMatch, 'matched'>]}</td>
      <td>
        <div className="clamp" style={FOUR_LINES} title={m.fileText}>
          {m.fileText || '—'}
        </div>
      </td>
      <td>
        <div className="clamp" style={FOUR_LINES} title={m.planText}>
          {m.planText || '—'}
        </div>
      </td>
    </tr>
  );
  const head = (
    <thead>
      <tr>
        <th scope="col" className="import-mismatch-id">
          Mã
        </th>
        <th scope="col" className="import-mismatch-kind">
          Khác biệt
        </th>
        <th scope="col">Trong tệp</th>
        <th scope="col">Trong kế hoạch</th>
      </tr>
    </thead>
  );
  return (
    <>
      <p>Nhiệm vụ khác với kế hoạch: {items.length}</p>
      <table className="import-table import-mismatch-table" aria-label={`Nhiệm vụ khác với kế hoạch của tệp ${fileName}`}>
        {head}
        <tbody>{items.slice(0, SHOWN_MISMATCHES).map(row)}</tbody>
      </table>
      {items.length > SHOWN_MISMATCHES && (
        <details className="import-more">
          <summary>Xem thêm {items.length - SHOWN_MISMATCHES} nhiệm vụ khác</summary>
          <table className="import-table import-mismatch-table">
            {head}
            <tbody>{items.slice(SHOWN_MISMATCHES).map(row)}</tbody>
          </table>
        </details>
      )}
    </>
  );
}

/** A hand-filled template counts as handed in on the date it names, else when it is imported: said plainly. */
function templateSubmittedText(report: UnitReport): string {
  return report.reportDate
    ? `${formatDateVn(report.reportDate)} (${SUBMITTED_SOURCE_NOTES['report-date']})`
    : `lúc nhập tệp (mẫu điền tay không ghi «Ngày lập báo cáo» ở trang «Thông tin»)`;
}

/**
 * The unit's indicators as importing the file counts them: how many have a figure, and each
 * adjustment (a typed «Kết quả» arrives as one) with what the activities add up to and why.
 */
function IndicatorFigures({ report }: { report: UnitReport }) {
  const figures = indicatorFigures(report).filter((f) => f.value !== 0 || f.adjustment !== 0);
  const adjusted = figures.filter((f) => f.adjustment !== 0);
  const n = (x: number) => formatCount(x);
  return (
    <>
      {figures.length} chỉ tiêu có số liệu{adjusted.length > 0 ? `, ${adjusted.length} có điều chỉnh:` : ''}
      {adjusted.length > 0 && (
        <ul className="import-adjustments">
          {adjusted.map((f) => (
            <li key={f.code}>
              {f.name}: <strong>{n(f.value)}</strong> = hoạt động {n(f.activities)} + điều chỉnh {f.adjustment > 0 ? '+' : ''}
              {n(f.adjustment)}
              {f.adjustmentReason && <span className="muted"> — {f.adjustmentReason}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function diffText(d: ImportPreview['plan']['activityDiff']): string {
  return `${d.new.length} mới, ${d.changed.length} thay đổi, ${d.unchanged.length} không đổi, ${d.gone.length} bỏ đi`;
}


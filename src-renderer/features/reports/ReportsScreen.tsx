/**
 * Screen "Báo cáo" (Export):
 * - "Xuất báo cáo đơn vị": the selected unit's workbook for the active plan and a chosen period
 *   (default: the context bar's), with what it will hold, the place on the header and who
 *   exports; written in a worker with a progress bar and "Hủy", then saved where the officer
 *   chooses (a download in a browser).
 * - "Mẫu nhập liệu": the blank template for a unit without the app (the own unit or one of the
 *   directory), optionally for a period.
 * ExcelJS never runs here: report-jobs.ts hands the data to report.worker.ts.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import { buildTemplateInput, buildUnitReport, type UnitRecord } from '@db';
import { defaultPlace } from '@domain/official-form';
import { periodOf, periodRangeVn, periodsOf, type Period } from '@domain/periods';
import { reportFileName, templateFileName } from '@exchange/spec';
import type { ShellData } from '@app/use-shell-data';
import { platform } from '@platform';
import { useUiStore } from '@state';
import { JobControls } from '@ui/JobControls';
import { isBusy, useWorkbookJob } from '@features/exports';
import { IssuerFields, useIssuer } from '@ui/issuer';
import { formatCount as n } from '@domain/fields';
import './reports.css';
import { Pending, Problem } from '@ui/notice';

/** What a workbook says of itself: plan, unit and period, who exported it, with which version of the app. */
async function exportOf<P extends Period | null>(planId: string, unitCode: string, period: P, exportedBy: string) {
  return { planId, unitCode, period, exportedBy: exportedBy.trim(), appVersion: await platform.getVersion().catch(() => '') };
}

export function ReportsScreen({ data }: { data: ShellData }) {
  const { activePlan: plan, selectedUnit: unit, ownUnit, currentYear } = data;
  const periods = useMemo(() => offeredPeriods(plan.periodConfig, currentYear, data.period), [plan.periodConfig, currentYear, data.period]);

  return (
    <div className="reports">
      <h1 className="screen-title">Báo cáo</h1>
      <div className="reports-columns">
        <UnitReportCard data={data} unit={unit} periods={periods} />
        <div className="reports-stack">
          <ResultReportCard data={data} />
          <TemplateCard data={data} ownUnit={ownUnit} periods={periods} />
        </div>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Xuất báo cáo đơn vị.

function UnitReportCard({ data, unit, periods }: { data: ShellData; unit: UnitRecord; periods: Period[] }) {
  const { activePlan: plan } = data;
  const ids = { title: useId(), period: useId(), counts: useId() };
  const [periodKey, setPeriodKey] = useState<string | null>(null);
  const period = periods.find((p) => p.key === (periodKey ?? data.period.key)) ?? data.period;
  const issuer = useIssuer(defaultPlace(unit, data.ownUnit));
  const job = useWorkbookJob();
  const busy = isBusy(job.state);

  const previewKey = `${plan.id}|${unit.code}|${period.key}|${period.start}|${period.end}`;
  const preview = useLiveQuery(
    async () => {
      try {
        const r = await buildUnitReport({ planId: plan.id, unitCode: unit.code, period, exportedBy: '', appVersion: '' });
        return {
          key: previewKey,
          ok: true as const,
          items: r.items.length,
          withStatus: r.items.filter((i) => i.status !== null).length,
          activities: r.activities.length,
          indicators: r.indicators.length,
          indicatorsWithData: r.indicators.filter((i) => i.value !== 0 || i.target !== null).length,
          fileName: reportFileName(r),
        };
      } catch (error) {
        return { key: previewKey, ok: false as const, message: error instanceof Error ? error.message : String(error) };
      }
    },
    // period is a fresh object per render; its identity is in the key.
    [previewKey],
  );
  const shown = preview?.key === previewKey ? preview : undefined;

  const exportNow = () =>
    job.start(async () => {
      await issuer.remember();
      const report = await buildUnitReport(await exportOf(plan.id, unit.code, period, issuer.exportedBy));
      return { job: { type: 'unit-report', report, options: { place: issuer.place.trim() } }, fileName: reportFileName(report) };
    }, 'Hãy kiểm tra kế hoạch và đơn vị đang chọn ở thanh trên rồi bấm «Xuất báo cáo» lần nữa.');

  return (
    <section className="settings-card reports-card" aria-labelledby={ids.title}>
      <h2 id={ids.title}>Xuất báo cáo đơn vị</h2>
      <p className="hint">
        Tệp Excel gồm Thông tin, Tiến độ, Hoạt động và Chỉ tiêu của đơn vị, in được ngay và đọc lại được bằng ứng dụng.
      </p>
      <div className="form-grid">
        <span className="form-label">Đơn vị</span>
        <div className="reports-value">
          <strong>{unit.name}</strong> <span className="muted">({unit.code}; đổi ở ô «Đơn vị» phía trên)</span>
        </div>
        <label htmlFor={ids.period}>Kỳ báo cáo cần xuất</label>
        <select id={ids.period} value={period.key} disabled={busy} onChange={(e) => setPeriodKey(e.target.value)}>
          {periods.map((p) => (
            <option key={p.key} value={p.key}>
              {p.name} ({periodRangeVn(p)})
            </option>
          ))}
        </select>
        <IssuerFields issuer={issuer} disabled={busy} />
      </div>

      <h3 id={ids.counts} className="reports-subtitle">
        Sẽ xuất
      </h3>
      {!shown ? (
        <Pending>Đang đếm dữ liệu…</Pending>
      ) : shown.ok ? (
        <ul className="report-counts" aria-labelledby={ids.counts}>
          <li>
            <strong>{n(shown.withStatus)}</strong> nhiệm vụ có trạng thái <span className="muted">(trên {n(shown.items)})</span>
          </li>
          <li>
            <strong>{n(shown.activities)}</strong> hoạt động
          </li>
          <li>
            <strong>{n(shown.indicatorsWithData)}</strong> chỉ tiêu có số liệu <span className="muted">(trên {n(shown.indicators)})</span>
          </li>
          <li className="report-file-name">
            Tên tệp: <code>{shown.fileName}</code>
          </li>
        </ul>
      ) : (
        <Problem>{shown.message} Hãy chọn lại kế hoạch hoặc đơn vị ở thanh trên.</Problem>
      )}

      <JobControls
        state={job.state}
        action="Xuất báo cáo"
        progressLabel="Tiến độ xuất báo cáo"
        disabled={!shown?.ok}
        onStart={() => void exportNow()}
        onCancel={job.cancel}
        done={(s) => (
          <>
            Đã xuất báo cáo: <strong>{s.fileName}</strong>
            {s.path ? ` (lưu tại ${s.path})` : ' (xem trong thư mục Tải về của trình duyệt)'}.
          </>
        )}
        cancelledText="Đã hủy xuất báo cáo, chưa có tệp nào được lưu. Bấm «Xuất báo cáo» để làm lại."
        notSavedText="Chưa lưu tệp vì hộp thoại lưu đã đóng. Bấm «Xuất báo cáo» để chọn nơi lưu lại."
      />
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// Báo cáo kết quả (the Word document has its own screen).

function ResultReportCard({ data }: { data: ShellData }) {
  const go = useUiStore((s) => s.go);
  const consolidating = data.selectedUnit.code === data.ownUnit.code && data.ownUnit.level !== 'grassroots';
  return (
    <section className="settings-card reports-card" aria-labelledby="rr-card-title">
      <h2 id="rr-card-title">Báo cáo kết quả (Word)</h2>
      <p className="hint">
        Văn bản báo cáo có số, ký hiệu theo Nghị định 30/2020: số liệu {consolidating ? 'tổng hợp của các đơn vị' : 'của đơn vị'} được điền sẵn
        theo từng nhóm nhiệm vụ; bạn viết phần đánh giá, phương hướng, kiến nghị rồi xuất tệp .docx để in, ký và gửi kèm tệp Excel.
      </p>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => go('result-report')}>
          Soạn báo cáo kết quả
        </button>
      </div>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// Mẫu nhập liệu.

const NO_PERIOD = '';

function TemplateCard({ data, ownUnit, periods }: { data: ShellData; ownUnit: UnitRecord; periods: Period[] }) {
  const { activePlan: plan } = data;
  const ids = { title: useId(), unit: useId(), period: useId() };
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const unit = data.units.find((u) => u.code === (unitCode ?? data.selectedUnit.code)) ?? ownUnit;
  const [periodKey, setPeriodKey] = useState<string | null>(null);
  const chosenKey = periodKey ?? data.period.key;
  const period = chosenKey === NO_PERIOD ? null : (periods.find((p) => p.key === chosenKey) ?? null);
  const job = useWorkbookJob();
  const busy = isBusy(job.state);
  const issuer = useIssuer('');

  const download = () =>
    job.start(async () => {
      const input = await buildTemplateInput(await exportOf(plan.id, unit.code, period, issuer.exportedBy));
      return { job: { type: 'template', input }, fileName: templateFileName(input) };
    }, 'Hãy chọn lại đơn vị rồi bấm «Tải mẫu nhập liệu» lần nữa.');

  return (
    <section className="settings-card reports-card reports-card-stacked" aria-labelledby={ids.title}>
      <h2 id={ids.title}>Mẫu nhập liệu</h2>
      <p className="hint">
        Tệp Excel trống cho đơn vị chưa dùng ứng dụng: đã ghi sẵn các nhiệm vụ của kế hoạch và thông tin đơn vị, có danh sách chọn,
        kiểm tra ngày và số, hướng dẫn ở trang đầu. Đơn vị điền xong gửi lại để nhập vào ứng dụng.
      </p>
      <div className="form-grid">
        <label htmlFor={ids.unit}>Đơn vị nhận mẫu</label>
        <select id={ids.unit} value={unit.code} disabled={busy} onChange={(e) => setUnitCode(e.target.value)}>
          {data.units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name} ({u.code})
            </option>
          ))}
        </select>
        <label htmlFor={ids.period}>Kỳ ghi trên mẫu</label>
        <div>
          <select id={ids.period} value={period?.key ?? NO_PERIOD} disabled={busy} onChange={(e) => setPeriodKey(e.target.value)}>
            <option value={NO_PERIOD}>Không ghi kỳ (đơn vị tự ghi)</option>
            {periods.map((p) => (
              <option key={p.key} value={p.key}>
                {p.name} ({periodRangeVn(p)})
              </option>
            ))}
          </select>
          <p className="hint">Có kỳ thì mẫu ghi sẵn ngày đầu, ngày cuối kỳ và chỉ tiêu giao của đơn vị.</p>
        </div>
      </div>
      <p className="report-file-name">
        Tên tệp: <code>{templateFileName({ plan, unit, period })}</code>
      </p>
      <JobControls
        state={job.state}
        action="Tải mẫu nhập liệu"
        progressLabel="Tiến độ tạo mẫu nhập liệu"
        onStart={() => void download()}
        onCancel={job.cancel}
        done={(s) => (
          <>
            Đã lưu mẫu nhập liệu: <strong>{s.fileName}</strong>
            {s.path ? ` (lưu tại ${s.path})` : ' (xem trong thư mục Tải về của trình duyệt)'}.
          </>
        )}
        cancelledText="Đã hủy tạo mẫu, chưa có tệp nào được lưu."
        notSavedText="Chưa lưu mẫu vì hộp thoại lưu đã đóng. Bấm «Tải mẫu nhập liệu» để chọn nơi lưu lại."
      />
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// Helpers.

/** The plan's periods of this and last report year (newest year first), plus `current` if elsewhere. */
function offeredPeriods(config: ShellData['activePlan']['periodConfig'], year: number, current: Period): Period[] {
  const cfg = config.kinds.length > 0 ? config : { ...config, kinds: ['year' as const] };
  const list = [...periodsOf(cfg, year), ...periodsOf(cfg, year - 1)];
  if (!list.some((p) => p.key === current.key)) list.unshift(periodOf(cfg, current));
  return list;
}

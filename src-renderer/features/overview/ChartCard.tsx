/**
 * One chart of «Tổng quan» in its card: the title (a heading), the chart (or what to do when
 * there is nothing to draw), «Bảng số liệu» with the same figures one click away, and
 * «Tải ảnh (PNG)», saved through the platform like every other file.
 */
import { useId, useState, type ReactNode } from 'react';
import type { DrillTarget } from '@domain/consolidation-drill';
import { platform } from '@platform';
import { Chart } from '@ui/chart/Chart';
import { chartPng } from '@ui/chart/chart-png';
import type { ChartModel } from './chart-options';

/** Width of a saved PNG in CSS pixels (drawn at twice that). */
const PNG_WIDTH = 1000;
const PNG_FILTERS = [{ name: 'Ảnh PNG', extensions: ['png'] }];

export interface ChartCardProps {
  title: string;
  /** A line under the title (and under the title of the PNG). */
  subtitle?: string;
  /** What the chart shows, in one sentence: the chart's accessible name. */
  summary: string;
  model: ChartModel;
  /**
   * When `model` shows a part on screen (a page of the grid): the chart of everything, saved as
   * the PNG, and the same in parts that each fit a sheet of paper, printed instead of `model`.
   */
  whole?: { png: ChartModel; paper: ChartModel[] };
  /** The sentence and the action shown instead of the chart when there is nothing to draw. */
  empty?: ReactNode;
  /** The PNG's file name. */
  fileName: string;
  /** Second line of the PNG's title: who and which period. */
  pngSubtitle: string;
  /** Controls between the title and the chart (e.g. the sort order). */
  controls?: ReactNode;
  /** The table of the same figures. */
  table: ReactNode;
  onOpen: (target: DrillTarget) => void;
  className?: string;
}

export function ChartCard({ title, subtitle, summary, model, whole, empty, fileName, pngSubtitle, controls, table, onOpen, className }: ChartCardProps) {
  const titleId = useId();
  const [saved, setSaved] = useState('');
  // The table is built when opened: a district's grid is 100 rows × 10 cells nobody may look at.
  const [tableOpen, setTableOpen] = useState(false);
  const [error, setError] = useState('');

  const save = async () => {
    setSaved('');
    setError('');
    try {
      const png = whole?.png ?? model;
      const bytes = chartPng(png.option, { width: PNG_WIDTH, height: png.height }, { text: subtitle ? `${title} — ${subtitle}` : title, subtext: pngSubtitle });
      const result = await platform.saveFile(fileName, bytes, PNG_FILTERS);
      if (result.saved) setSaved(`Đã lưu ảnh ${fileName}${result.path ? ` (${result.path})` : ''}.`);
    } catch (e) {
      setError(`Không lưu được ảnh (${e instanceof Error ? e.message : String(e)}). Hãy thử lại.`);
    }
  };

  return (
    <section className={`settings-card ov-card${className ? ` ${className}` : ''}`} aria-labelledby={titleId}>
      <div className="ov-card-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="ov-png" onClick={() => void save()} disabled={empty !== undefined}>
          Tải ảnh (PNG)
        </button>
      </div>
      {subtitle && <p className="ov-subtitle">{subtitle}</p>}
      {controls}
      {empty !== undefined ? (
        <div className="ov-empty">{empty}</div>
      ) : (
        <>
          <div className={whole ? 'ov-screen-only' : undefined}>
            <Chart
              option={model.option}
              height={model.height}
              label={`${title}${subtitle ? ` — ${subtitle}` : ''}. ${summary} Số liệu đầy đủ ở «Bảng số liệu» ngay dưới biểu đồ.`}
              onItemClick={(s, d) => {
                const target = model.targetAt(s, d);
                if (target) onOpen(target);
              }}
            />
          </div>
          {whole && (
            // Off screen, drawn only when the page is printed (ui/chart/Chart.tsx).
            <div className="ov-print-only" aria-hidden="true">
              {whole.paper.map((part, i) => (
                <Chart key={i} option={part.option} height={part.height} label={title} />
              ))}
            </div>
          )}
        </>
      )}
      <details className="ov-table" onToggle={(e) => setTableOpen(e.currentTarget.open)}>
        <summary>Bảng số liệu</summary>
        {tableOpen && table}
      </details>
      <p role="status" className="ov-saved">
        {saved}
      </p>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </section>
  );
}

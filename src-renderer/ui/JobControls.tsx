/**
 * An export's button, progress bar, cancel and result, for every export of the app
 * (Báo cáo, Tổng hợp). The texts default to the generic ones; a screen may word them its way.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { formatCount as n } from '@domain/fields';
import { isBusy, percentOf, type JobState } from '@features/exports';
import './job-controls.css';

export interface JobControlsProps {
  state: JobState;
  /** The button's text, e.g. "Xuất báo cáo tổng hợp". */
  action: string;
  /** Accessible name of the progress bar. */
  progressLabel: string;
  disabled?: boolean;
  onStart: () => void;
  onCancel: () => void;
  /** Extra class on the wrapper (layout by the screen). */
  className?: string;
  /** The message once saved (default: "Đã lưu <tệp> (tại …)"). */
  done?: (s: Extract<JobState, { phase: 'saved' }>) => ReactNode;
  cancelledText?: string;
  notSavedText?: string;
  /** What the writing stage says (default: the workbook's rows). */
  writingText?: string;
}

function stageText(state: JobState, writingText?: string): string {
  if (state.phase === 'reading') return 'Đang đọc dữ liệu…';
  if (state.phase === 'writing' && writingText) return writingText;
  if (state.phase === 'writing') {
    if (state.total > 0 && state.done >= state.total) return 'Đang đóng gói tệp Excel…';
    return state.total > 0 ? `Đang ghi tệp Excel: ${n(state.done)}/${n(state.total)} dòng` : 'Đang ghi tệp Excel…';
  }
  return state.phase === 'saving' ? 'Đang lưu tệp…' : '';
}

const defaultDone = (s: Extract<JobState, { phase: 'saved' }>): ReactNode => (
  <>
    Đã lưu <strong>{s.fileName}</strong>
    {s.path ? ` (tại ${s.path})` : ' (xem trong thư mục Tải về của trình duyệt)'}.
  </>
);

export function JobControls(props: JobControlsProps) {
  const { state } = props;
  const busy = isBusy(state);
  const percent = percentOf(state);
  const stage = stageText(state, props.writingText);
  const statusRef = useRef<HTMLDivElement>(null);
  const ended = state.phase === 'saved' || state.phase === 'cancelled' || state.phase === 'not-saved' || state.phase === 'failed';
  useEffect(() => {
    // The result may sit below the fold at 1366×768: bring it into view once.
    if (ended) statusRef.current?.parentElement?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [ended, state.phase]);
  const done = props.done ?? defaultDone;
  return (
    <div className={props.className ? `job-controls ${props.className}` : 'job-controls'}>
      <div className="button-row">
        <button type="button" className="primary" disabled={busy || props.disabled} onClick={props.onStart}>
          {props.action}
        </button>
        {busy && (
          <button type="button" onClick={props.onCancel}>
            Hủy
          </button>
        )}
      </div>
      {busy && (
        <div className="job-progress">
          <div
            className="job-progress-track"
            role="progressbar"
            aria-label={props.progressLabel}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${percent}% — ${stage}`}
          >
            <span className="job-progress-fill" style={{ width: `${percent}%` }} />
          </div>
          <span className="job-progress-text">
            {percent}% · {stage}
          </span>
        </div>
      )}
      <div role="status" className="job-status" ref={statusRef}>
        {state.phase === 'saved' && <p className="job-message ok">{done(state)}</p>}
        {state.phase === 'cancelled' && <p className="job-message">{props.cancelledText ?? 'Đã hủy, chưa có tệp nào được lưu.'}</p>}
        {state.phase === 'not-saved' && (
          <p className="job-message">
            {props.notSavedText ?? `Chưa lưu tệp vì hộp thoại lưu đã đóng. Bấm «${props.action}» để chọn nơi lưu lại.`}
          </p>
        )}
      </div>
      {state.phase === 'failed' && (
        <p className="job-message error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}

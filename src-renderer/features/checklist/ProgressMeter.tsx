/** "3/25 đã hoàn thành (12%)" with a thin bar; the other statuses' counts on request. */
import { progressLabel, type Progress } from '@db';

export function ProgressMeter({ progress, detailed = false, label }: { progress: Progress; detailed?: boolean; label?: string }) {
  const { counts } = progress;
  return (
    <span className={detailed ? 'progress progress-detailed' : 'progress'}>
      <span className="progress-bar" aria-hidden="true">
        <span className="progress-fill" style={{ width: `${progress.percent}%` }} />
      </span>
      <span className="progress-text">
        {label ? <span className="progress-label">{label}: </span> : null}
        {progressLabel(progress)}
      </span>
      {detailed && (
        <span className="progress-counts">
          Đang thực hiện: {counts.dang} · Chưa thực hiện: {counts.chua} · Không áp dụng: {counts['khong-ap-dung']}
        </span>
      )}
    </span>
  );
}

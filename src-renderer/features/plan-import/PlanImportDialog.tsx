/**
 * "Thêm kế hoạch": paste a plan's text or choose a .docx, preview and correct the parsed tree,
 * then save it as a new plan. (Placeholder body; the full dialog lands shortly.)
 */
export interface PlanImportDialogProps {
  open: boolean;
  onClose: () => void;
  onSaved: (planId: string) => void;
}

export function PlanImportDialog(props: PlanImportDialogProps) {
  if (!props.open) return null;
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="plan-import-title">
      <h2 id="plan-import-title">Thêm kế hoạch</h2>
      <button type="button" onClick={props.onClose}>
        Đóng
      </button>
    </div>
  );
}

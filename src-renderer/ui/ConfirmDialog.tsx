/**
 * A question before something that cannot be taken back: focus starts on the safe choice
 * (cancel), Esc cancels, and focus returns to the control that asked.
 */
import { useId, type ReactNode } from 'react';
import { Modal } from './Modal';

interface Props {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  role?: 'dialog' | 'alertdialog';
}

export function ConfirmDialog({ title, message, confirmLabel, cancelLabel = 'Hủy', onConfirm, onCancel, role = 'alertdialog' }: Props) {
  const id = useId();
  return (
    <Modal role={role} labelledBy={`${id}-t`} describedBy={`${id}-m`} onClose={onCancel} className="confirm-dialog">
      <h2 id={`${id}-t`}>{title}</h2>
      <p id={`${id}-m`}>{message}</p>
      <div className="button-row">
        <button type="button" className="danger-solid" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" data-autofocus onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </Modal>
  );
}

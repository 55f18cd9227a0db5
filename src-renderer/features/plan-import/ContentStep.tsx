/** Step 1 of "Thêm kế hoạch": the plan's text, pasted or read from a .docx. */
import { useEffect, useId, useRef, useState } from 'react';
import { choosePlanFile } from './read-plan-file';

export interface ContentStepProps {
  text: string;
  onTextChange: (text: string) => void;
  onFileRead: (fileName: string, text: string) => void;
  /** The .docx the current text came from, if any. */
  sourceFileName: string | null;
  onAnalyse: () => void;
  onCancel: () => void;
}

export function ContentStep(props: ContentStepProps) {
  const textId = useId();
  const hintId = useId();
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  // Not autoFocus: on the dialog's first render its portal is not in the document yet.
  useEffect(() => textRef.current?.focus(), []);

  const chooseFile = async () => {
    setError(null);
    setReading(true);
    const result = await choosePlanFile();
    setReading(false);
    if (result.kind === 'failed') setError(result.message);
    else if (result.kind === 'read') props.onFileRead(result.fileName, result.text);
  };

  const empty = props.text.trim() === '';
  return (
    <>
      <div className="pi-body">
        <h3 className="pi-step-title">Bước 1: Nội dung</h3>
        <div className="pi-file-row">
          <button type="button" className="pi-button" onClick={() => void chooseFile()} disabled={reading}>
            Chọn tệp Word (.docx)…
          </button>
          <p className="pi-status" role="status" aria-live="polite">
            {reading
              ? 'Đang đọc tệp…'
              : props.sourceFileName
                ? `Đã đọc nội dung từ tệp “${props.sourceFileName}”. Có thể sửa lại trước khi phân tích.`
                : ''}
          </p>
        </div>
        {error ? (
          <p className="pi-error" role="alert">
            {error}
          </p>
        ) : null}
        <label htmlFor={textId} className="pi-label">
          Dán nội dung kế hoạch
        </label>
        <p id={hintId} className="pi-hint">
          Sao chép toàn bộ văn bản kế hoạch (từ Word, PDF hoặc trang web) và dán vào đây, hoặc chọn tệp Word ở trên.
        </p>
        <textarea
          id={textId}
          aria-describedby={hintId}
          className="pi-textarea"
          value={props.text}
          onChange={(e) => props.onTextChange(e.target.value)}
          spellCheck={false}
          ref={textRef}
        />
      </div>
      <footer className="pi-footer">
        <div className="pi-actions">
          <button type="button" className="pi-button" onClick={props.onCancel}>
            Hủy
          </button>
          <button type="button" className="pi-button pi-button-primary" onClick={props.onAnalyse} disabled={empty || reading}>
            Phân tích
          </button>
        </div>
      </footer>
    </>
  );
}

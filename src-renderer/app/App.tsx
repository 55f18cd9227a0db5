/**
 * Root: opens and seeds the database, then shows the shell. If IndexedDB cannot be opened the
 * officer gets a full-screen explanation and a way to retry instead of a blank window.
 */
import { useCallback, useEffect, useState } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import { isOpenFailure, openDatabase, type OpenFailure } from './open-database';
import { Shell } from './Shell';

type DbState = { kind: 'opening' } | { kind: 'ready' } | { kind: 'failed'; failure: OpenFailure };

export function App() {
  const [state, setState] = useState<DbState>({ kind: 'opening' });

  const open = useCallback(() => {
    openDatabase().then(
      () => setState({ kind: 'ready' }),
      (failure: unknown) =>
        setState({
          kind: 'failed',
          failure: isOpenFailure(failure)
            ? failure
            : { title: 'Không mở được kho dữ liệu của ứng dụng', advice: 'Hãy tải lại ứng dụng.', detail: String(failure) },
        }),
    );
  }, []);

  useEffect(open, [open]);

  if (state.kind === 'opening') {
    return (
      <div className="fullscreen-message" role="status">
        Đang mở dữ liệu…
      </div>
    );
  }
  if (state.kind === 'failed') {
    return (
      <div className="fullscreen-message" role="alert">
        <h1>{state.failure.title}</h1>
        <p>{state.failure.advice}</p>
        <div className="button-row">
          <button
            type="button"
            className="primary"
            onClick={() => {
              setState({ kind: 'opening' });
              open();
            }}
          >
            Thử lại
          </button>
        </div>
        <details>
          <summary>Chi tiết kỹ thuật</summary>
          <pre>{state.failure.detail}</pre>
        </details>
      </div>
    );
  }
  return (
    <ErrorBoundary>
      <Shell />
    </ErrorBoundary>
  );
}

/**
 * Root: opens and seeds the database, then shows the shell. If IndexedDB cannot be opened the
 * officer gets a full-screen explanation and a way to retry instead of a blank window.
 */
import { useCallback, useEffect, useState } from 'react';
import { DatabaseProblem, listenForCloseRequests } from '@features/backup';
import { platform } from '@platform';
import { watchPendingEditsOnUnload } from '@state';
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
            : { kind: 'broken', title: 'Không mở được kho dữ liệu của ứng dụng', advice: 'Hãy tải lại ứng dụng.', detail: String(failure) },
        }),
    );
  }, []);

  useEffect(open, [open]);
  // Desktop: the shell asks for a backup when the window closes.
  useEffect(() => listenForCloseRequests(), []);
  // Text typed and not yet saved is saved before the page goes; the browser asks first.
  useEffect(() => watchPendingEditsOnUnload(!platform.autoBackups), []);

  if (state.kind === 'opening') {
    return (
      <div className="fullscreen-message" role="status">
        Đang mở dữ liệu…
      </div>
    );
  }
  if (state.kind === 'failed') {
    return (
      <DatabaseProblem
        failure={state.failure}
        onRetry={() => {
          setState({ kind: 'opening' });
          open();
        }}
      />
    );
  }
  return (
    <ErrorBoundary>
      <Shell />
    </ErrorBoundary>
  );
}

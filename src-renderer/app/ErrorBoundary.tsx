/** Catches a render error anywhere below and offers a way back, in Vietnamese. */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Lỗi hiển thị', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="fullscreen-message" role="alert">
        <h1>Đã xảy ra lỗi ngoài dự kiến</h1>
        <p>
          Màn hình này không hiển thị được. Dữ liệu đã lưu trước đó vẫn còn nguyên trong máy. Hãy bấm “Thử lại”; nếu
          lỗi lặp lại, bấm “Tải lại ứng dụng”.
        </p>
        <div className="button-row">
          <button type="button" className="primary" onClick={() => this.setState({ error: null })}>
            Thử lại
          </button>
          <button type="button" onClick={() => location.reload()}>
            Tải lại ứng dụng
          </button>
        </div>
        <details>
          <summary>Chi tiết kỹ thuật (gửi kèm khi báo lỗi)</summary>
          <pre>{error.stack ?? error.message}</pre>
        </details>
      </div>
    );
  }
}

/** The app's frame: header (name, own unit, unit and period), navigation, the current screen. */
import { useShallow } from 'zustand/react/shallow';
import { ChecklistScreen } from '../features/checklist/ChecklistScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { useUiStore, type Screen } from '../state';
import { ContextBar } from './ContextBar';
import { ErrorBoundary } from './ErrorBoundary';
import { useShellData } from './use-shell-data';

const NAV: { screen: Screen; label: string }[] = [
  { screen: 'plan', label: 'Kế hoạch' },
  { screen: 'settings', label: 'Cài đặt' },
];

export function Shell() {
  const data = useShellData();
  const { screen, go } = useUiStore(useShallow((s) => ({ screen: s.screen, go: s.go })));
  if (!data) {
    return (
      <div className="fullscreen-message" role="status">
        Đang mở dữ liệu…
      </div>
    );
  }
  return (
    <div className="app" data-app-ready="true">
      <header className="app-header">
        <div className="brand">
          <span className="app-name">Sổ Kế hoạch Công đoàn</span>
          <span className="own-unit" title={data.ownUnit.parentName}>
            {data.ownUnit.name}
          </span>
        </div>
        <nav aria-label="Chức năng" className="main-nav">
          {NAV.map((n) => (
            <button
              key={n.screen}
              type="button"
              aria-current={screen === n.screen ? 'page' : undefined}
              onClick={() => go(n.screen)}
            >
              {n.label}
            </button>
          ))}
        </nav>
        <ContextBar data={data} />
      </header>
      <main className="app-main" id="noi-dung">
        <ErrorBoundary key={screen}>
          {screen === 'plan' ? <ChecklistScreen data={data} /> : <SettingsScreen data={data} />}
        </ErrorBoundary>
      </main>
    </div>
  );
}

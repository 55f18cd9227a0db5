/**
 * The app's frame: header (name, own unit, unit and period), navigation, the current screen.
 * Until the first-run setup is done it shows the setup screen instead.
 */
import { BackupReminder } from '@features/backup';
import { useShallow } from 'zustand/react/shallow';
import { useEffect, useState, type ReactNode } from 'react';
import { ActivitiesScreen } from '@features/activities/ActivitiesScreen';
import { prepareLog } from '@features/activities/prepare-log';
import { ChecklistScreen } from '@features/checklist/ChecklistScreen';
import { ConsolidationScreen } from '@features/consolidation/ConsolidationScreen';
import { ImportScreen } from '@features/import/ImportScreen';
import { IndicatorsScreen } from '@features/indicators/IndicatorsScreen';
import { ResultReportScreen } from '@features/report-doc/ResultReportScreen';
import { ReportsScreen } from '@features/reports/ReportsScreen';
import { SettingsScreen } from '@features/settings/SettingsScreen';
import { SetupScreen } from '@features/setup/SetupScreen';
import { UnitsScreen } from '@features/units/UnitsScreen';
import { START_SCREEN, useUiStore, type Screen } from '@state';
import { ContextBar } from './ContextBar';
import { ErrorBoundary } from './ErrorBoundary';
import { useSetupState, useShellData, type ShellData } from './use-shell-data';

/** `upward`: screens for a body that units report to (hidden for a grassroots union). */
const NAV: { screen: Screen; label: string; upward?: true }[] = [
  { screen: 'overview', label: 'Tổng quan' },
  { screen: 'plan', label: 'Kế hoạch' },
  { screen: 'activities', label: 'Nhật ký' },
  { screen: 'indicators', label: 'Chỉ tiêu' },
  { screen: 'reports', label: 'Báo cáo' },
  { screen: 'import', label: 'Nhập dữ liệu', upward: true },
  { screen: 'consolidation', label: 'Tổng hợp', upward: true },
  { screen: 'units', label: 'Đơn vị' },
  { screen: 'settings', label: 'Cài đặt' },
];

/** Screens opened from another screen rather than from the bar: the bar marks that one as current. */
const PARENT_SCREEN: Partial<Record<Screen, Screen>> = { 'result-report': 'reports' };
// The charts library is a chunk of its own: the shell shows before it has loaded. «Tổng quan» is
// the first screen, so its chunk is fetched and compiled while the database opens, and shown as
// soon as it is there (not through Suspense, which holds new content back for a few hundred ms).
type OverviewScreenType = typeof import('@features/overview/OverviewScreen').OverviewScreen;
const overviewChunk = import('@features/overview/OverviewScreen');
let overviewLoaded: OverviewScreenType | null = null;
overviewChunk.then(
  (m) => (overviewLoaded = m.OverviewScreen),
  () => undefined,
);

function LoadedOverview({ data }: { data: ShellData }) {
  const [screen, setScreen] = useState<{ ok: OverviewScreenType } | { failed: unknown } | null>(() => (overviewLoaded ? { ok: overviewLoaded } : null));
  useEffect(() => {
    if (screen) return;
    let live = true;
    overviewChunk.then(
      (m) => live && setScreen({ ok: m.OverviewScreen }),
      (failed: unknown) => live && setScreen({ failed }),
    );
    return () => {
      live = false;
    };
  }, [screen]);
  if (screen && 'failed' in screen) throw screen.failed;
  if (!screen) {
    return (
      <p className="muted" role="status">
        Đang mở Tổng quan…
      </p>
    );
  }
  const Overview = screen.ok;
  return <Overview data={data} />;
}

function screenView(screen: Screen, data: ShellData): ReactNode {
  switch (screen) {
    case 'overview':
      return <LoadedOverview data={data} />;
    case 'plan':
      return <ChecklistScreen data={data} />;
    case 'activities':
      return <ActivitiesScreen data={data} />;
    case 'indicators':
      return <IndicatorsScreen data={data} />;
    case 'reports':
      return <ReportsScreen data={data} />;
    case 'result-report':
      return <ResultReportScreen data={data} />;
    case 'import':
      return <ImportScreen data={data} />;
    case 'consolidation':
      return <ConsolidationScreen data={data} />;
    case 'units':
      return <UnitsScreen data={data} />;
    case 'settings':
      return <SettingsScreen data={data} />;
  }
}

/** After the first screen has had the database to itself: a second, then the first idle moment. */
const READ_AHEAD_AFTER_MS = 1000;

/** Reads ahead what «Nhật ký» opens with (features/activities/prepare-log.ts), once per plan and unit. */
function useLogReadAhead(planId: string | undefined, ownCode: string | undefined): void {
  useEffect(() => {
    if (!planId || !ownCode) return;
    let idle: number | undefined;
    const timer = setTimeout(() => {
      const run = () => void prepareLog(planId, ownCode).catch((error: unknown) => console.warn('[log read-ahead]', error));
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run, { timeout: 2000 });
      else run();
    }, READ_AHEAD_AFTER_MS);
    return () => {
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [planId, ownCode]);
}

export function Shell() {
  const setup = useSetupState();
  const data = useShellData();
  const { screen, go } = useUiStore(useShallow((s) => ({ screen: s.screen, go: s.go })));
  useLogReadAhead(setup === 'done' ? data?.activePlan.id : undefined, data?.ownUnit.code);
  // First run: who this installation belongs to, before anything else.
  if (setup === 'needed') return <SetupScreen />;
  if (!data || setup === 'loading') {
    return (
      <div className="fullscreen-message" role="status">
        Đang mở dữ liệu…
      </div>
    );
  }
  // A CĐCS has nobody reporting to it: no import of units' reports, nothing to consolidate.
  const grassroots = data.ownUnit.level === 'grassroots';
  const nav = grassroots ? NAV.filter((n) => !n.upward) : NAV;
  const shown = nav.some((n) => n.screen === (PARENT_SCREEN[screen] ?? screen)) ? screen : START_SCREEN;
  const current = PARENT_SCREEN[shown] ?? shown;
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
          {nav.map((n) => (
            <button
              key={n.screen}
              type="button"
              aria-current={current === n.screen ? 'page' : undefined}
              onClick={() => go(n.screen)}
            >
              {n.label}
            </button>
          ))}
        </nav>
        <ContextBar data={data} />
      </header>
      <BackupReminder />
      <main className="app-main" id="noi-dung">
        <ErrorBoundary key={shown}>
          {screenView(shown, data)}
        </ErrorBoundary>
      </main>
    </div>
  );
}

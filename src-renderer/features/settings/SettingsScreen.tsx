/** Screen "Cài đặt": the own unit and the active plan's reporting periods. */
import { useEffect, useState } from 'react';
import { platform } from '@platform';
import { BackupPanel } from '@features/backup';
import type { ShellData } from '@app/use-shell-data';
import { OwnUnitForm } from './OwnUnitForm';
import { PeriodConfigForm } from './PeriodConfigForm';

export function SettingsScreen({ data }: { data: ShellData }) {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    platform.getVersion().then(
      (v) => live && setVersion(v),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <div className="settings">
      <h1 className="screen-title">Cài đặt</h1>
      <div className="settings-columns">
        <OwnUnitForm unit={data.ownUnit} />
        <PeriodConfigForm key={data.activePlan.id} plan={data.activePlan} year={data.currentYear} />
      </div>
      <BackupPanel />
      <p className="app-version">
        Sổ Kế hoạch Công đoàn{version ? ` – phiên bản ${version}` : ''} · Dữ liệu lưu trên máy này, không gửi đi đâu.
      </p>
    </div>
  );
}

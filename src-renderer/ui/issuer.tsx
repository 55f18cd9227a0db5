/**
 * «Nơi ban hành» and «Người xuất» of an exported report, shared by the unit report and the
 * consolidated report: the two fields, and the values last used on this installation (setting
 * `issuer`, db/operations.ts), which survive a restart and are offered for the next export.
 *
 *   const issuer = useIssuer(defaultPlace(unit, ownUnit));
 *   <div className="form-grid"><IssuerFields issuer={issuer} disabled={busy} /></div>
 *   … on export: await issuer.remember(); use issuer.place, issuer.exportedBy
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { getIssuer, ISSUER_MAX, saveIssuer, type Issuer } from '@db';

export interface IssuerState extends Issuer {
  setPlace(place: string): void;
  setExportedBy(name: string): void;
  /** Stores what is in the fields now, for the next export (and after a restart). */
  remember(): Promise<void>;
}

/**
 * The fields' values: what the officer typed here, else what was used last on this
 * installation, else (for the place) `fallbackPlace`.
 */
export function useIssuer(fallbackPlace: string): IssuerState {
  const stored = useLiveQuery(getIssuer, []);
  const [place, setPlace] = useState<string | null>(null);
  const [exportedBy, setExportedBy] = useState<string | null>(null);
  const value: Issuer = {
    place: place ?? (stored?.place || fallbackPlace),
    exportedBy: exportedBy ?? stored?.exportedBy ?? '',
  };
  return {
    ...value,
    setPlace,
    setExportedBy,
    remember: async () => {
      await saveIssuer(value);
    },
  };
}

/** The two labelled inputs, as rows of the surrounding `.form-grid`. */
export function IssuerFields({ issuer, disabled }: { issuer: IssuerState; disabled: boolean }) {
  const ids = { place: useId(), by: useId(), hint: useId() };
  return (
    <>
      <label htmlFor={ids.place}>Nơi ban hành</label>
      <div>
        <input id={ids.place} value={issuer.place} disabled={disabled} maxLength={ISSUER_MAX} aria-describedby={ids.hint} onChange={(e) => issuer.setPlace(e.target.value)} />
        <p className="hint" id={ids.hint}>
          In ở dòng «…, ngày … tháng … năm …» trên đầu báo cáo; ứng dụng nhớ cho lần xuất sau.
        </p>
      </div>
      <label htmlFor={ids.by}>Người xuất</label>
      <input
        id={ids.by}
        value={issuer.exportedBy}
        disabled={disabled}
        maxLength={ISSUER_MAX}
        placeholder="Họ và tên (không bắt buộc)"
        onChange={(e) => issuer.setExportedBy(e.target.value)}
      />
    </>
  );
}

/** Which screen is shown and which dialog is open. The screen follows the URL hash, so a reload keeps it. */
import { create } from 'zustand';

export type Screen = 'overview' | 'plan' | 'activities' | 'indicators' | 'reports' | 'result-report' | 'import' | 'consolidation' | 'units' | 'settings';
export type DialogName = 'plan-import';

const HASH: Record<Screen, string> = {
  overview: '#/tong-quan',
  plan: '#/ke-hoach',
  activities: '#/nhat-ky',
  indicators: '#/chi-tieu',
  reports: '#/bao-cao',
  'result-report': '#/bao-cao-ket-qua',
  import: '#/nhap-du-lieu',
  consolidation: '#/tong-hop',
  units: '#/don-vi',
  settings: '#/cai-dat',
};

/** The first screen once the app is set up (and for an unknown hash). */
export const START_SCREEN: Screen = 'overview';

function screenFromHash(hash: string): Screen {
  const found = (Object.keys(HASH) as Screen[]).find((s) => HASH[s] === hash);
  return found ?? START_SCREEN;
}

interface UiState {
  screen: Screen;
  dialog: DialogName | null;
  go: (screen: Screen) => void;
  openDialog: (dialog: DialogName) => void;
  closeDialog: () => void;
}

const initialHash = typeof location === 'undefined' ? '' : location.hash;

export const useUiStore = create<UiState>()((set) => ({
  screen: screenFromHash(initialHash),
  dialog: null,
  go: (screen) => {
    if (typeof history !== 'undefined' && location.hash !== HASH[screen]) history.replaceState(null, '', HASH[screen]);
    set({ screen });
  },
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
}));

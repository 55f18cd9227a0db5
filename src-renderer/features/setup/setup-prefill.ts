/**
 * What the first-run form proposes for each kind of unit, before the officer types: the plan
 * the app ships with is LĐLĐ huyện Dương Minh Châu's (Tây Ninh), so a district is proposed as
 * that one, a province as Tây Ninh, and a CĐCS under that district. Other kinds propose only
 * their parent; their name is the officer's to type.
 */
import type { UnitKind } from '@domain/units';
import { DEFAULT_SETUP } from '@db';

const TLD = 'Tổng Liên đoàn Lao động Việt Nam';
const PROVINCE = 'LĐLĐ tỉnh Tây Ninh';

export function setupPrefill(kind: UnitKind): { name: string; code: string; parentName: string } {
  switch (kind.id) {
    case 'ldld-huyen':
      return { name: DEFAULT_SETUP.name, code: DEFAULT_SETUP.code, parentName: DEFAULT_SETUP.parentName };
    case 'ldld-tinh':
      return { name: PROVINCE, code: 'LDLD-TN', parentName: TLD };
    case 'cdcs':
      return { name: '', code: '', parentName: DEFAULT_SETUP.name };
    default:
      return { name: '', code: '', parentName: kind.level === 'province' ? TLD : PROVINCE };
  }
}

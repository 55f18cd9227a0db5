/** Screen "Đơn vị" (issue 3): being built. */
import type { ShellData } from '../../app/use-shell-data';

export function UnitsScreen(_props: { data: ShellData }) {
  return <h1>Đơn vị</h1>;
}

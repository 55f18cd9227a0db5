/** Screen "Chỉ tiêu" (issue 3): being built. */
import type { ShellData } from '../../app/use-shell-data';

export function IndicatorsScreen(_props: { data: ShellData }) {
  return <h1>Chỉ tiêu</h1>;
}

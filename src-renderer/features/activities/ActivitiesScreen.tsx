/** Screen "Nhật ký hoạt động" (issue 3): being built. */
import type { ShellData } from '../../app/use-shell-data';

export function ActivitiesScreen(_props: { data: ShellData }) {
  return <h1>Nhật ký hoạt động</h1>;
}

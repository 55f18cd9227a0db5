export function BusyIndicator({ label, show }: { label: string | null; show: boolean }) {
  if (!label || !show) return null;
  return (
    <div className="backup-busy" role="status">
      <progress aria-label={label} />
      <span>{label}</span>
    </div>
  );
}

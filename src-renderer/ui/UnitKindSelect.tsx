/**
 * The choice of a unit's level, as people name it: the kinds of unit (domain/units.ts UnitKind)
 * grouped by tier («Cấp tỉnh, ngành trung ương», «Công đoàn cấp trên trực tiếp cơ sở», «Công
 * đoàn cơ sở»), each shown as «Liên đoàn Lao động huyện (LĐLĐ huyện)». The value is the kind id.
 * Shared by the first-run setup, «Đơn vị của tôi» and the directory's unit form.
 */
import type { SelectHTMLAttributes } from 'react';
import { UNIT_LEVEL_FULL_LABELS, UNIT_LEVELS, type UnitKind } from '@domain/units';

export function unitKindLabel(k: UnitKind): string {
  return k.fullName === k.name ? k.name : `${k.fullName} (${k.name})`;
}

export function UnitKindSelect({
  kinds,
  value,
  onKind,
  ...rest
}: { kinds: readonly UnitKind[]; value: string; onKind: (kind: UnitKind) => void } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  const groups = UNIT_LEVELS.map((level) => ({ level, kinds: kinds.filter((k) => k.level === level) })).filter((g) => g.kinds.length > 0);
  return (
    <select
      {...rest}
      value={value}
      onChange={(e) => {
        const k = kinds.find((x) => x.id === e.target.value);
        if (k) onKind(k);
      }}
    >
      {groups.map((g) =>
        groups.length === 1 ? (
          g.kinds.map((k) => (
            <option key={k.id} value={k.id}>
              {unitKindLabel(k)}
            </option>
          ))
        ) : (
          <optgroup key={g.level} label={UNIT_LEVEL_FULL_LABELS[g.level]}>
            {g.kinds.map((k) => (
              <option key={k.id} value={k.id}>
                {unitKindLabel(k)}
              </option>
            ))}
          </optgroup>
        ),
      )}
    </select>
  );
}

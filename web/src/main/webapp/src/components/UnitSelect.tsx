import { Select } from "@navikt/ds-react";
import type { Unit } from "../api/units";

const LEVEL_ORDER = { NATIONAL: 0, REGION: 1, OFFICE: 2 } as const;

/** Choose a unit: the whole organisation, or only the given units and those below them. */
export function UnitSelect(props: {
  label?: string;
  units: Unit[] | null;
  value: string;
  onChange: (unitId: string) => void;
  /** only these levels (e.g. offices for result entry) */
  levels?: Unit["level"][];
  description?: string;
}) {
  const { label = "Enhet", units, value, onChange, levels, description } = props;
  const choices = (units ?? [])
    .filter((u) => !levels || levels.includes(u.level))
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.unitId.localeCompare(b.unitId));
  return (
    <Select label={label} description={description} value={value} onChange={(e) => onChange(e.target.value)}>
      {choices.length === 0 && <option value={value}>{value}</option>}
      {choices.map((u) => (
        <option key={u.unitId} value={u.unitId}>
          {u.name} ({u.unitId})
        </option>
      ))}
    </Select>
  );
}

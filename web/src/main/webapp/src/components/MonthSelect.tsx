import { Select } from "@navikt/ds-react";
import { monthName } from "../format";

/** Choose a month (YYYY-MM) from the given ones, shown as "juni 2021". */
export function MonthSelect(props: {
  label?: string;
  months: string[];
  value: string;
  onChange: (period: string) => void;
}) {
  const { label = "Måned", months, value, onChange } = props;
  const choices = months.includes(value) ? months : [value, ...months];
  return (
    <Select label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {choices.map((m) => (
        <option key={m} value={m}>
          {monthName(m)}
        </option>
      ))}
    </Select>
  );
}

import { Select } from "@navikt/ds-react";
import { monthName } from "../format";

/** Choose a month (YYYY-MM) from the given ones, shown as "juni 2021". */
export function MonthSelect(props: {
  label?: string;
  description?: string;
  error?: string;
  id?: string;
  months: string[];
  value: string;
  onChange: (period: string) => void;
}) {
  const { label = "Måned", description, error, id, months, value, onChange } = props;
  const choices = months.includes(value) ? months : [value, ...months];
  return (
    <Select id={id} label={label} description={description} error={error} value={value} onChange={(e) => onChange(e.target.value)}>
      {choices.map((m) => (
        <option key={m} value={m}>
          {monthName(m)}
        </option>
      ))}
    </Select>
  );
}

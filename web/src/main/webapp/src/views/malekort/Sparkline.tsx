import type { Measure } from "../../api/indicators";
import { monthName } from "../../format";
import type { SeriesPoint } from "./api";
import { figure } from "./figures";
import { T } from "./texts";

const WIDTH = 120;
const HEIGHT = 28;

/** The last 24 months as a small line; its accessible name says where it started and ended. */
export function Sparkline(props: { indicatorId: string; points: SeriesPoint[] | null; measure: Measure }) {
  const { indicatorId, points, measure } = props;
  if (!points) return <span className="malekort-spark" />;
  const known = points.filter((p) => p.value !== null);
  if (known.length === 0) {
    return (
      <svg className="malekort-spark" width={WIDTH} height={HEIGHT} role="img" aria-label={T.sparkEmpty(indicatorId)} />
    );
  }
  const values = known.map((p) => p.value!);
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const x = (i: number) => (i / Math.max(points.length - 1, 1)) * (WIDTH - 4) + 2;
  const y = (v: number) => HEIGHT - 3 - ((v - min) / span) * (HEIGHT - 6);
  // a gap in the data is a gap in the line
  const segments: string[][] = [[]];
  points.forEach((p, i) => {
    if (p.value === null) segments.push([]);
    else segments[segments.length - 1].push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
  });
  const first = known[0];
  const last = known[known.length - 1];
  const label = T.sparkLabel(indicatorId, `${figure(first.value, measure)} i ${monthName(first.period)}`,
    `${figure(last.value, measure)} i ${monthName(last.period)}`);
  const lastIndex = points.indexOf(last);
  return (
    <svg className="malekort-spark" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img"
      aria-label={label}>
      {segments.filter((s) => s.length > 0).map((s, i) =>
        s.length === 1 ? (
          <circle key={i} cx={s[0].split(",")[0]} cy={s[0].split(",")[1]} r={1.5} />
        ) : (
          <polyline key={i} points={s.join(" ")} />
        ),
      )}
      <circle className="malekort-spark-last" cx={x(lastIndex)} cy={y(last.value!)} r={2.5} />
    </svg>
  );
}

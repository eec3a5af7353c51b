import type { Measure } from "../../api/indicators";
import { monthName } from "../../format";
import type { SeriesPoint } from "./api";
import { figure } from "./figures";
import { T } from "./texts";

const WIDTH = 760;
const HEIGHT = 260;
const LEFT = 64;
const RIGHT = 16;
const TOP = 14;
const BOTTOM = 30;

/**
 * The series month by month with the target as a step line (a target holds from the month it is set until it
 * changes). The same numbers are in the table beside it, for those who do not see the chart.
 */
export function SeriesChart(props: { points: SeriesPoint[]; measure: Measure; label: string; caption?: string }) {
  const { points, measure, label, caption } = props;
  const numbers = points.flatMap((p) => [p.value, p.target]).filter((v): v is number => v !== null);
  if (numbers.length === 0) return null;
  let min = Math.min(...numbers);
  let max = Math.max(...numbers);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const pad = (max - min) * 0.1;
  const low = min - pad;
  const high = max + pad;
  const step = (WIDTH - LEFT - RIGHT) / Math.max(points.length - 1, 1);
  const x = (i: number) => LEFT + i * step;
  const y = (v: number) => TOP + (1 - (v - low) / (high - low)) * (HEIGHT - TOP - BOTTOM);

  const valueLines: string[][] = [[]];
  points.forEach((p, i) => {
    if (p.value === null) valueLines.push([]);
    else valueLines[valueLines.length - 1].push(`${x(i)},${y(p.value)}`);
  });
  // the target steps where it changes; no goal in a month is a gap
  const targetPaths: string[] = [];
  let path = "";
  points.forEach((p, i) => {
    if (p.target === null) {
      if (path) targetPaths.push(path);
      path = "";
      return;
    }
    const left = i === 0 ? x(i) : x(i) - step / 2;
    const right = i === points.length - 1 ? x(i) : x(i) + step / 2;
    path += path ? ` L${left},${y(p.target)} L${right},${y(p.target)}` : `M${left},${y(p.target)} L${right},${y(p.target)}`;
  });
  if (path) targetPaths.push(path);

  return (
    <figure className="malekort-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <line className="malekort-axis" x1={LEFT} x2={WIDTH - RIGHT} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} />
        {[min, (min + max) / 2, max].map((v) => (
          <g key={v}>
            <line className="malekort-grid" x1={LEFT} x2={WIDTH - RIGHT} y1={y(v)} y2={y(v)} />
            <text x={LEFT - 8} y={y(v) + 4} textAnchor="end">{figure(v, measure)}</text>
          </g>
        ))}
        {points.map((p, i) =>
          i % 3 === 0 || i === points.length - 1 ? (
            <text key={p.period} x={x(i)} y={HEIGHT - 10} textAnchor="middle">
              {p.period.substring(5)}/{p.period.substring(2, 4)}
            </text>
          ) : null,
        )}
        {targetPaths.map((d) => (
          <path key={d} className="malekort-target" d={d} />
        ))}
        {valueLines.filter((l) => l.length > 1).map((l) => (
          <polyline key={l.join()} className="malekort-value" points={l.join(" ")} />
        ))}
        {points.map((p, i) =>
          p.value === null ? null : p.outlier ? (
            // an outlier is a diamond, not only another colour: its shape tells it apart
            <path key={p.period} className="malekort-dot malekort-dot--outlier"
              d={`M${x(i)},${y(p.value) - 7} L${x(i) + 7},${y(p.value)} L${x(i)},${y(p.value) + 7} L${x(i) - 7},${y(p.value)} Z`}>
              <title>{`${monthName(p.period)}: ${figure(p.value, measure)} – ${T.outlierPoint(
                figure(p.outlier.expectedLow, measure), figure(p.outlier.expectedHigh, measure))}`}</title>
            </path>
          ) : (
            <circle key={p.period} className={p.comment ? "malekort-dot malekort-dot--comment" : "malekort-dot"}
              cx={x(i)} cy={y(p.value)} r={p.comment ? 5 : 3.5}>
              <title>{`${monthName(p.period)}: ${figure(p.value, measure)}${p.comment ? ` – ${p.comment}` : ""}`}</title>
            </circle>
          ),
        )}
      </svg>
      <figcaption className="malekort-chart-legend">
        {caption && <strong>{caption}</strong>}
        <span><span className="malekort-key malekort-key--value" aria-hidden /> {T.chartValue}</span>
        <span><span className="malekort-key malekort-key--target" aria-hidden /> {T.chartTarget}</span>
        {points.some((p) => p.outlier) && (
          <span><span className="malekort-key--outlier" aria-hidden>◆</span> {T.outlierTag}</span>
        )}
      </figcaption>
    </figure>
  );
}

/** What the canvas's colours, shapes and line styles mean (graph-style.ts's LEGEND). */
import { LEGEND } from './graph-style';

export function Legend() {
  return (
    <details className="legend">
      <summary>Legend</summary>
      <ul>
        {[...LEGEND.nodes, ...LEGEND.edges].map((i) => (
          <li key={i.label}>
            <span className={`swatch swatch-${i.shape}`} style={{ background: i.shape === 'line' || i.shape === 'dashed' || i.shape === 'dotted' ? undefined : i.color, borderColor: i.color }} />
            {i.label}
          </li>
        ))}
        <li>Size: followers, reach or engagement (log scale, per kind)</li>
      </ul>
    </details>
  );
}

/**
 * Chart.js, loaded on first use (a dynamic import: its own chunk, so the desk's first paint never pays for it),
 * with only the parts a bar chart needs registered. Animation is off: a chart is complete the moment it is
 * drawn, so printing right after a load prints it whole.
 */
import type * as ChartJs from 'chart.js';
import type { Chart as ChartType } from 'chart.js';

export type ChartHandle = ChartType<'bar', number[], string>;

let loading: Promise<typeof ChartJs> | undefined;

/** The library, registered once. */
export function loadChartJs(): Promise<typeof ChartJs> {
  loading ??= import('chart.js').then((lib) => {
    lib.Chart.register(lib.BarController, lib.BarElement, lib.CategoryScale, lib.LinearScale, lib.Tooltip);
    return lib;
  });
  return loading;
}

/**
 * The theme's colours as the canvas sees them: a canvas needs colour values, not `var()`s, so the chart reads the
 * tokens (components/styles/shared.ts: `--_accent` for bars, `--_muted` for the axes' labels) computed on the canvas
 * itself, and a dark or high-contrast theme or the host's accent reaches the bars. The fallbacks are the light
 * defaults, for a canvas outside a themed root.
 */
function themeColour(canvas: HTMLCanvasElement, token: string, fallback: string): string {
  return getComputedStyle(canvas).getPropertyValue(token).trim() || fallback;
}

/** A bar chart of `labels` → `values` on `canvas` (replacing any chart on it); horizontal for a few long labels. */
export function barChart(lib: typeof ChartJs, canvas: HTMLCanvasElement, labels: string[], values: number[], horizontal: boolean): ChartHandle {
  const { Chart } = lib;
  Chart.getChart(canvas)?.destroy();
  const bar = themeColour(canvas, '--_accent', '#0b5cad');
  const label = themeColour(canvas, '--_muted', '#4a4a4a');
  return new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: [{ data: values, backgroundColor: bar }] },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { tooltip: { enabled: true } },
      scales: {
        [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0, color: label } },
        [horizontal ? 'y' : 'x']: { ticks: { color: label } },
      },
    },
  });
}

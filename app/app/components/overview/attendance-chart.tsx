import type { Chart as ChartType } from 'chart.js';
import { useEffect, useRef } from 'react';

export type ChartSeries = { label: string; values: (number | null)[]; colour: string; dashed?: boolean };

/**
 * A line chart of rates (0..1) per month (or, with `yMax` null, of counts from 0 up), drawn on a canvas by Chart.js once the library has
 * loaded. The canvas is an image with a short description; the figures themselves are in the
 * table the caller puts next to it (`describedBy`), which is what a screen reader reads.
 */
export function AttendanceChart({
  labels,
  series,
  description,
  describedBy,
  formatPercent,
  yMax = 1,
}: {
  labels: string[];
  series: ChartSeries[];
  description: string;
  describedBy: string;
  formatPercent: (value: number) => string;
  /** The top of the scale: 1 for rates; null lets Chart.js choose (the region dashboard's counts). */
  yMax?: number | null;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<ChartType<'line'> | null>(null);
  // The latest data, for the effect that creates the chart after the library has arrived.
  const data = { labels, series, formatPercent, yMax };
  const latest = useRef(data);
  latest.current = data;

  useEffect(() => {
    let cancelled = false;
    void import('./chart.client.ts').then(({ Chart }) => {
      if (cancelled || !canvasRef.current) return;
      chartRef.current = new Chart(canvasRef.current, {
        type: 'line',
        data: datasetsOf(latest.current),
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          interaction: { mode: 'index', intersect: false },
          scales: {
            y: {
              min: 0,
              max: latest.current.yMax ?? undefined,
              ticks: {
                callback: (value) => latest.current.formatPercent(Number(value)),
                // Counts (no fixed top) are whole numbers: no 0.5 volunteers on the axis.
                precision: latest.current.yMax === null ? 0 : undefined,
              },
            },
          },
          plugins: {
            legend: { position: 'bottom', labels: { usePointStyle: true } },
            tooltip: {
              callbacks: {
                label: (item) =>
                  `${item.dataset.label ?? ''}: ${item.parsed.y === null ? '–' : latest.current.formatPercent(item.parsed.y)}`,
              },
            },
          },
        },
      });
    });
    return () => {
      cancelled = true;
      chartRef.current?.destroy();
      chartRef.current = null;
    };
  }, []);

  // New data (another course, another period, a language): the same chart, redrawn.
  const key = JSON.stringify([labels, series]);
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.data = datasetsOf(latest.current);
    chart.update();
  }, [key]);

  return (
    <div className="overview-chart">
      <canvas ref={canvasRef} role="img" aria-label={description} aria-describedby={describedBy} />
    </div>
  );
}

function datasetsOf({ labels, series }: { labels: string[]; series: ChartSeries[] }) {
  return {
    labels,
    datasets: series.map((s, i) => ({
      label: s.label,
      data: s.values,
      borderColor: s.colour,
      backgroundColor: s.colour,
      borderDash: s.dashed ? [6, 4] : undefined,
      // Shape as well as colour tells the lines apart.
      pointStyle: i === 0 ? 'circle' : 'rectRot',
      pointRadius: 4,
      spanGaps: true,
    })),
  };
}

import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

/*
 * Chart.js with only what the overview's line chart uses (decision 021). This module is imported
 * with import() from the overview's chart, so neither the volunteers page nor the overview's first
 * paint carries it.
 */
Chart.register(CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

export { Chart };

// Timeline charts (Chart.js, canvas). Chart.js draws into a <canvas> and sets sizes through the
// CSSOM only — no <style> tags, no style attributes — so it runs under the server's CSP.
//
// Time axis direction: time flows RIGHT-TO-LEFT, like the page (earliest on the right, latest on
// the left), so a chart reads in the same direction as the Arabic text around it. Every time
// chart of the page goes through this module and uses the same direction.

import {
  BubbleController, Chart, LinearScale, PointElement, Tooltip,
  type ChartConfiguration, type TooltipItem,
} from 'chart.js';
import { dateValue, formatDate, formatMonth, formatNumber } from './format';

Chart.register(BubbleController, PointElement, LinearScale, Tooltip);

const FONT_FAMILY = "'IBM Plex Sans Arabic', system-ui, sans-serif";
const DAY_MS = 86_400_000;
const TIME_FLOWS_RIGHT_TO_LEFT = true;

export interface TimelinePoint {
  date: string; // "YYYY-MM-DD"
  value: number; // the vertical position
  size: number; // drawn as the bubble area
  label: string; // the tooltip's first line
  detail: string; // the tooltip's second line
  target?: string; // a route to open on click
}

interface BubblePoint { x: number; y: number; r: number; point: TimelinePoint }

/** Draws the points as bubbles over time into `container`; returns the chart (to destroy). */
export function timelineChart(container: HTMLElement, points: TimelinePoint[], valueTitle: string,
  onOpen: (point: TimelinePoint) => void): Chart<'bubble', BubblePoint[]> | null {
  const dated = points.filter((point) => !Number.isNaN(dateValue(point.date)));
  if (!dated.length) return null;
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `مخطط زمني: ${formatNumber(dated.length)} نقطة، الزمن من اليمين إلى اليسار`);
  container.replaceChildren(canvas);

  const maxSize = Math.max(...dated.map((point) => point.size), 1);
  // Smaller bubbles on narrow screens, so a phone chart is not a single blot.
  const scale = Math.min(1, Math.max(0.45, container.clientWidth / 900));
  const data: BubblePoint[] = dated.map((point) => ({
    x: dateValue(point.date) / DAY_MS,
    y: point.value,
    r: scale * (5 + 17 * Math.sqrt(point.size / maxSize)), // area grows with size
    point,
  }));
  const days = data.map((point) => point.x);
  const [minDay, maxDay] = [Math.min(...days), Math.max(...days)];
  const margin = Math.max(2, (maxDay - minDay) * 0.06);
  const values = data.map((point) => point.y);
  const ticks = calendarTicks(minDay - margin, maxDay + margin);

  const config: ChartConfiguration<'bubble', BubblePoint[]> = {
    type: 'bubble',
    data: {
      datasets: [{
        data,
        backgroundColor: 'rgba(15, 110, 110, 0.45)',
        borderColor: 'rgba(15, 110, 110, 0.95)',
        hoverBackgroundColor: 'rgba(196, 98, 16, 0.6)',
        borderWidth: 1.5,
      }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: 'ar-u-nu-latn',
      font: { family: FONT_FAMILY },
      layout: { padding: 8 },
      scales: {
        x: {
          type: 'linear',
          reverse: TIME_FLOWS_RIGHT_TO_LEFT,
          min: minDay - margin,
          max: maxDay + margin,
          // Ticks on calendar boundaries (years, months or days), not at arbitrary day numbers.
          afterBuildTicks: (scale) => {
            scale.ticks = ticks.map((tick) => ({ value: tick.day }));
          },
          ticks: {
            autoSkip: false,
            maxRotation: 0,
            font: { family: FONT_FAMILY, size: 12 },
            callback: (value) => ticks.find((tick) => tick.day === Number(value))?.label ?? '',
          },
          grid: { color: 'rgba(0, 0, 0, 0.06)' },
        },
        y: {
          type: 'linear',
          position: 'right', // the start side in RTL
          beginAtZero: true,
          suggestedMax: Math.max(...values) + 1,
          title: { display: true, text: valueTitle, font: { family: FONT_FAMILY, size: 12 } },
          ticks: { precision: 0, font: { family: FONT_FAMILY, size: 12 } },
          grid: { color: 'rgba(0, 0, 0, 0.06)' },
        },
      },
      plugins: {
        tooltip: {
          rtl: true,
          textDirection: 'rtl',
          titleFont: { family: FONT_FAMILY, size: 13, weight: 'bold' },
          bodyFont: { family: FONT_FAMILY, size: 12 },
          displayColors: false,
          callbacks: {
            title: (items: TooltipItem<'bubble'>[]) => (items[0]?.raw as BubblePoint | undefined)?.point.label ?? '',
            label: (item: TooltipItem<'bubble'>) => {
              const { point } = item.raw as BubblePoint;
              return [formatDate(point.date), point.detail];
            },
          },
        },
      },
      onClick: (_event, elements) => {
        const first = elements[0];
        if (first) onOpen(data[first.index].point);
      },
      onHover: (event, elements) => {
        const target = event.native?.target as HTMLElement | undefined;
        if (target) target.style.cursor = elements.length ? 'pointer' : 'default'; // CSSOM: allowed by CSP
      },
    },
  };
  const chart = new Chart(canvas, config);
  // Canvas text does not wait for web fonts: redraw once the Arabic font is there.
  void document.fonts.load(`12px ${FONT_FAMILY}`, 'عربي').then(() => chart.update());
  return chart;
}

interface CalendarTick { day: number; label: string }

/** At most ~6 ticks between two day numbers, on year, month or day boundaries. */
function calendarTicks(fromDay: number, toDay: number, most = 6): CalendarTick[] {
  const from = new Date(Math.ceil(fromDay) * DAY_MS);
  const spanDays = toDay - fromDay;
  const ticks: CalendarTick[] = [];
  const push = (date: Date, label: string) => {
    const day = date.getTime() / DAY_MS;
    if (day >= fromDay && day <= toDay) ticks.push({ day, label });
  };
  if (spanDays > 2 * 365) {
    const step = Math.max(1, Math.ceil(spanDays / 365 / most));
    for (let year = from.getUTCFullYear(); year <= new Date(toDay * DAY_MS).getUTCFullYear(); year++) {
      if (year % step === 0) push(new Date(Date.UTC(year, 0, 1)), String(year));
    }
  } else if (spanDays > 45) {
    const step = [1, 2, 3, 6, 12].find((months) => spanDays / 30.4 / months <= most) ?? 12;
    for (let month = from.getUTCFullYear() * 12 + from.getUTCMonth(); ; month++) {
      const date = new Date(Date.UTC(Math.floor(month / 12), month % 12, 1));
      if (date.getTime() / DAY_MS > toDay) break;
      if (month % step === 0) push(date, formatMonth(date.toISOString().slice(0, 7)));
    }
  } else {
    const step = Math.max(1, Math.ceil(spanDays / most));
    for (let day = Math.ceil(fromDay); day <= toDay; day += step) {
      push(new Date(day * DAY_MS), formatDate(new Date(day * DAY_MS).toISOString().slice(0, 10)));
    }
  }
  return ticks;
}

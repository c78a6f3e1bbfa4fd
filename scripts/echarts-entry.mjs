// The ECharts the app uses, and nothing else: bar, line and pie charts, their title, tooltip,
// legend and grid, the aria component (a text description of every chart for screen readers)
// and the canvas renderer. Bundled by scripts/bundle-echarts.mjs into build/echarts.js.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);
window.echarts = echarts;
// The app may start before this script has run (it loads async): charts wait for this event.
window.dispatchEvent(new Event('echarts-ready'));

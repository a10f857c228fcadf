/**
 * The parts of ECharts the delivery, sprint-review and artifact charts need, and nothing else. This
 * module is only ever imported with `import()`, so ECharts lands in its own chunk, fetched
 * when a chart is first drawn; static named imports let the bundler drop the charts not used.
 */
import { init, use } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import {
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([
  BarChart,
  LineChart,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

export { init };

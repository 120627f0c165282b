import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** A thin wrapper: one ECharts instance per element, resized with its box, disposed on unmount. */
export function Chart({ option, height = 300, label }: { option: ChartOption; height?: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = echarts.init(ref.current!);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current!);
    return () => { observer.disconnect(); chart.dispose(); };
  }, []);
  useEffect(() => {
    const chart = echarts.getInstanceByDom(ref.current!);
    chart?.setOption({ textStyle: { fontFamily: "'Noto Sans SC', sans-serif" }, ...option }, true);
  }, [option]);
  return <div ref={ref} style={{ width: '100%', height }} role="img" aria-label={label} />;
}

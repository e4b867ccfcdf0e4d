// A thin ECharts wrapper: one chart per element, options replaced on change, resized with its box, disposed on unmount;
// a click on a data item (a bar, a point) is reported with its series and index.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export type ChartClick = { seriesIndex: number; dataIndex: number };

export const EChart = ({
  option,
  height = 320,
  testId,
  onItemClick,
}: {
  option: ChartOption;
  height?: number;
  testId?: string;
  onItemClick?: (item: ChartClick) => void;
}) => {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;

  useEffect(() => {
    if (element.current === null) {
      return;
    }
    const instance = echarts.init(element.current);
    chart.current = instance;
    instance.on('click', (event) => {
      const { seriesIndex, dataIndex } = event as { seriesIndex?: number; dataIndex?: number };
      if (seriesIndex !== undefined && dataIndex !== undefined) {
        clickRef.current?.({ seriesIndex, dataIndex });
      }
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={element}
      data-testid={testId}
      style={{ width: '100%', height, cursor: onItemClick === undefined ? undefined : 'pointer' }}
    />
  );
};

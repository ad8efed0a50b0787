import { metrics } from '@opentelemetry/api'
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
  type DataPoint,
} from '@opentelemetry/sdk-metrics'

/**
 * The real OpenTelemetry SDK registered as the global meter provider, exporting to memory.
 * `points(name)` flushes and returns each data point of that instrument with its attributes.
 * Returns its own teardown.
 */
export function registerMetricsSdk() {
  const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE)
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 })
  const provider = new MeterProvider({ readers: [reader] })
  metrics.setGlobalMeterProvider(provider)
  return {
    async points(name: string): Promise<DataPoint<unknown>[]> {
      exporter.reset()
      await reader.forceFlush()
      return exporter
        .getMetrics()
        .flatMap((resource) => resource.scopeMetrics)
        .flatMap((scope) => scope.metrics)
        .filter((metric) => metric.descriptor.name === name)
        .flatMap((metric) => metric.dataPoints as DataPoint<unknown>[])
    },
    async unit(name: string) {
      await reader.forceFlush()
      return exporter
        .getMetrics()
        .flatMap((resource) => resource.scopeMetrics)
        .flatMap((scope) => scope.metrics)
        .find((metric) => metric.descriptor.name === name)?.descriptor.unit
    },
    async stop() {
      metrics.disable()
      await provider.shutdown()
    },
  }
}

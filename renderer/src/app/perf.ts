/**
 * Performance marks and measures the benchmark reads (pos:ready-to-scan, pos:scan-*, pos:commit,
 * pos:search-query). A till runs all day: the buffers are emptied before they grow large.
 */
const CAP = 500;

export function perfMark(name: string): void {
  if (performance.getEntriesByType('mark').length > CAP) performance.clearMarks();
  performance.mark(name);
}

export function perfMeasure(name: string, start: number): void {
  if (performance.getEntriesByType('measure').length > CAP) performance.clearMeasures();
  performance.measure(name, { start, end: performance.now() });
}

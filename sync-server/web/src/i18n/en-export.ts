import type { frExport } from './fr-export';

type Words<T> = { [K in keyof T]: T[K] extends string ? string : Words<T[K]> };

/** The export buttons' words in English (spread into en.ts; the same keys as fr-export.ts). */
export const enExport: Words<typeof frExport> = {
  export: {
    group: 'Export: {{what}}',
    as: 'Export {{what}} as {{format}}',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
    progress: 'Exporting: {{what}}',
    rowsOf: '{{rows}} rows of {{total}}',
    rows: '{{rows}} rows',
    bytes: '{{size}} KB received',
    cancel: 'Cancel the export',
    cancelled: 'Export cancelled.',
    done: 'File {{fileName}} saved.',
  },
};

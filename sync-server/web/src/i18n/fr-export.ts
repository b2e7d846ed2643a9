/** The export buttons' words in French (app/export/ExportButtons.tsx; spread into fr.ts; en-export.ts has the same keys). */
export const frExport = {
  export: {
    group: 'Exporter : {{what}}',
    as: 'Exporter {{what}} en {{format}}',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
    progress: 'Export en cours : {{what}}',
    rowsOf: '{{rows}} lignes sur {{total}}',
    rows: '{{rows}} lignes',
    bytes: '{{size}} Ko reçus',
    cancel: 'Annuler l’export',
    cancelled: 'Export annulé.',
    done: 'Fichier {{fileName}} enregistré.',
  },
};

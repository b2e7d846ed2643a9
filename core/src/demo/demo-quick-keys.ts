import type { QuickKey } from '../store/quick-keys';

/**
 * The demo store's tiles: counters first (what has no barcode: bread, fruit and vegetables by
 * weight, the coffee made on the spot), then favourites from the demo catalog, by id or barcode.
 * Every reference is among the catalog's first 400 products, so the smallest demo has them all.
 */
export const DEMO_QUICK_KEYS: readonly QuickKey[] = [
  { kind: 'category', category: 'Boulangerie', label: 'Boulangerie', colour: '#c8793a' },
  { kind: 'category', category: 'Fruits et légumes', label: 'Fruits et légumes', colour: '#4f8a3c' },
  { kind: 'category', category: 'Crèmerie', label: 'Fromages', colour: '#e8c547' },
  { kind: 'category', category: 'Boucherie et traiteur', label: 'Boucherie', colour: '#a63d40' },
  { kind: 'category', category: 'Snacking à emporter', label: 'À emporter', colour: '#6b4e9b' },
  { kind: 'category', category: 'Presse', label: 'Presse', colour: '#5a6b7d' },
  { kind: 'product', productId: 'prd-0000073', label: 'Baguette', colour: '#f0c27b' },
  { kind: 'product', productId: 'prd-0000093', label: 'Croissants', colour: '#f0c27b' },
  { kind: 'product', productId: 'prd-0000173', label: 'Pain au chocolat', colour: '#f0c27b' },
  { kind: 'product', productId: 'prd-w00001', label: 'Pommes Gala (kg)', colour: '#9ccc65' },
  { kind: 'product', productId: 'prd-w00002', label: 'Tomates grappe (kg)', colour: '#9ccc65' },
  { kind: 'product', productId: 'prd-w00003', label: 'Clémentines (kg)', colour: '#9ccc65' },
  { kind: 'product', productId: 'prd-0000098', label: 'Café', colour: '#8d6e63' },
  { kind: 'product', barcode: '3700000000594', label: 'Quotidien', colour: '#b0bec5' },
];

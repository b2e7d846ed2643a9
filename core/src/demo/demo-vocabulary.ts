/** French product vocabulary for the demo store: invented brands, real product kinds. */
export type DemoCategory = {
  readonly id: string;
  readonly label: string;
  readonly vatRateId: string;
  /** Price range in cents (per piece, or per kg for weighed kinds). */
  readonly priceRange: readonly [number, number];
  readonly kinds: readonly string[];
  readonly sizes: readonly string[];
  readonly weighed?: readonly string[];
};

export const DEMO_BRANDS: readonly string[] = [
  'Val de Loire',
  'Côte Sauvage',
  'Moulin Blanc',
  'Ferme du Bocage',
  'Atelier Lucie',
  "Saveurs d'Antan",
  'Les Prés Verts',
  'Terres de Provence',
  'Maison Garnier-Roux',
  'Bio Soleil',
  'Le Petit Verger',
  'Haute Vallée',
  'Comptoir des Îles',
  'La Belle Épicière',
  'Douce France',
];

export const DEMO_VARIANTS: readonly string[] = ['', 'bio', 'nature', 'allégé', 'familial', 'tradition', 'extra', 'fermier'];

export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  {
    id: 'fruits-legumes',
    label: 'Fruits et légumes',
    vatRateId: 'FR-5.5',
    priceRange: [99, 699],
    kinds: ['Pommes Golden', 'Poires Conférence', 'Bananes', 'Oranges à jus', 'Citrons', 'Tomates cerises', 'Carottes', 'Courgettes', 'Salade batavia', 'Pommes de terre', 'Oignons jaunes', 'Avocats', 'Fraises', 'Champignons de Paris'],
    sizes: ['500 g', '1 kg', 'barquette 250 g', 'filet 2 kg'],
    weighed: ['Pommes Gala', 'Tomates grappe', 'Clémentines', 'Poireaux', 'Raisin blanc', 'Pêches jaunes', 'Haricots verts', 'Abricots', 'Kiwis', 'Concombres'],
  },
  {
    id: 'epicerie',
    label: 'Épicerie',
    vatRateId: 'FR-5.5',
    priceRange: [89, 899],
    kinds: ['Pâtes coquillettes', 'Spaghetti', 'Riz basmati', 'Farine de blé T55', 'Sucre en poudre', 'Café moulu', 'Thé vert', 'Chocolat noir 70 %', 'Confiture de fraises', "Huile d'olive vierge extra", 'Biscuits sablés', 'Céréales au miel', 'Moutarde de Dijon', 'Lentilles vertes', 'Sel de Guérande', 'Miel de fleurs', 'Petits pois carottes', 'Sardines à l’huile'],
    sizes: ['250 g', '500 g', '1 kg', '400 g', '750 ml'],
  },
  {
    id: 'cremerie',
    label: 'Crèmerie',
    vatRateId: 'FR-5.5',
    priceRange: [79, 649],
    kinds: ['Lait demi-écrémé', 'Yaourt nature', 'Beurre doux', 'Crème fraîche épaisse', 'Camembert', 'Emmental râpé', 'Fromage blanc', 'Œufs plein air', 'Crème dessert vanille'],
    sizes: ['1 L', '4 x 125 g', '250 g', '6 pièces', '200 g'],
    weighed: ['Comté 18 mois', 'Tomme de Savoie', 'Roquefort', 'Beaufort', 'Morbier'],
  },
  {
    id: 'boulangerie',
    label: 'Boulangerie',
    vatRateId: 'FR-5.5',
    priceRange: [95, 495],
    kinds: ['Baguette tradition', 'Pain de campagne', 'Croissant pur beurre', 'Pain au chocolat', 'Brioche tranchée', 'Pain de mie complet', 'Fougasse aux olives'],
    sizes: ['', '400 g', '6 pièces', '500 g'],
  },
  {
    id: 'boucherie',
    label: 'Boucherie et traiteur',
    vatRateId: 'FR-5.5',
    priceRange: [899, 3999],
    kinds: ['Jambon blanc', 'Saucisson sec', 'Pâté de campagne', 'Rillettes du Mans', 'Taboulé oriental', 'Quiche lorraine'],
    sizes: ['4 tranches', '200 g', '300 g', '1 part'],
    weighed: ['Rôti de porc', 'Entrecôte', 'Poulet fermier', 'Saumon frais', 'Jambon à la coupe', 'Terrine maison'],
  },
  {
    id: 'boissons',
    label: 'Boissons',
    vatRateId: 'FR-5.5',
    priceRange: [49, 399],
    kinds: ['Eau minérale', 'Eau gazeuse', "Jus d'orange", 'Jus de pomme', 'Limonade artisanale', 'Sirop de menthe', 'Thé glacé pêche'],
    sizes: ['1,5 L', '6 x 50 cl', '1 L', '75 cl'],
  },
  {
    id: 'vins-bieres',
    label: 'Vins et bières',
    vatRateId: 'FR-20',
    priceRange: [199, 2499],
    kinds: ['Vin rouge Côtes du Rhône', 'Vin blanc Muscadet', 'Rosé de Provence', 'Bière blonde', 'Cidre brut', 'Crémant de Loire', 'Bière ambrée'],
    sizes: ['75 cl', '6 x 25 cl', '33 cl', '1 L'],
  },
  {
    id: 'hygiene-maison',
    label: 'Hygiène et maison',
    vatRateId: 'FR-20',
    priceRange: [129, 1299],
    kinds: ['Shampooing doux', 'Savon de Marseille', 'Gel douche', 'Dentifrice menthe', 'Lessive liquide', 'Liquide vaisselle', 'Papier toilette', 'Essuie-tout', 'Éponges', 'Sacs poubelle'],
    sizes: ['250 ml', '500 ml', '2 L', '12 rouleaux', 'lot de 3'],
  },
  {
    id: 'snacking',
    label: 'Snacking à emporter',
    vatRateId: 'FR-10',
    priceRange: [150, 790],
    kinds: ['Sandwich jambon-beurre', 'Salade composée', 'Wrap poulet', 'Café à emporter', 'Part de pizza', 'Croque-monsieur'],
    sizes: ['', 'grand', 'menu'],
  },
  {
    id: 'presse',
    label: 'Presse',
    vatRateId: 'FR-2.1',
    priceRange: [150, 790],
    kinds: ['Quotidien régional', 'Hebdomadaire TV', 'Magazine cuisine', 'Journal des sports', 'Mensuel jardin'],
    sizes: [''],
  },
];

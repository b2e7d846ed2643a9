/** The product picker's words in French (pages/catalog/ProductPicker.tsx; spread into fr.ts; en-product-picker.ts has the same keys). */
export const frProductPicker = {
  productPicker: {
    list: 'Produits trouvés pour : {{label}}',
    found_zero: 'Aucun produit ne correspond : vérifiez le nom ou le code.',
    found_one: '1 produit trouvé : flèche vers le bas pour le choisir.',
    found_other: '{{count}} produits trouvés : flèches pour choisir, Entrée pour valider.',
    typeId: 'Recherche de produits indisponible : saisissez l’identifiant du produit.',
  },
};

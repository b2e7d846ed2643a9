/** French words of the chain's customers at the till (a part of the reference dictionary, fr.ts). */
export const frCustomers = {
  customers: {
    action: 'Client',
    title: 'Client de la vente',
    current: 'Client : {{name}}',
    remove: 'Retirer le client',
    query: 'Téléphone, e-mail, numéro de carte ou nom',
    queryShort: 'Saisissez au moins deux caractères.',
    search: 'Rechercher',
    searching: 'Recherche dans les clients de l’enseigne…',
    results: 'Clients trouvés',
    none: 'Aucun client ne correspond : créez-le.',
    offline:
      'Hors ligne : la recherche des clients de l’enseigne est impossible. Vous pouvez créer le client, il sera envoyé au siège dès le retour du réseau.',
    phoneEnd: 'tél. …{{end}}',
    cardEnd: 'carte …{{end}}',
    new: 'Nouveau client',
    backToSearch: 'Revenir à la recherche',
    lastNameRequired: 'Saisissez le nom du client.',
    consentEmail: 'Accepte les offres par e-mail',
    consentSms: 'Accepte les offres par SMS',
    fields: { lastName: 'Nom', firstName: 'Prénom', phone: 'Téléphone', email: 'E-mail' },
    attached: 'Client : {{name}}',
    refused: {
      invalid_customer: 'Le siège refuse ces informations : vérifiez l’e-mail, le téléphone ou le nom.',
      invalid_customer_query: 'Cette recherche n’est pas possible : saisissez un nom, un téléphone, un e-mail ou un numéro de carte.',
      card_number_taken: 'Ce numéro de carte appartient déjà à un autre client.',
      other: 'Le siège n’a pas accepté la demande : réessayez.',
    },
  },
};

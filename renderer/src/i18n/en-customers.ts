import type { frCustomers } from './fr-customers';

/** English words of the chain's customers at the till (the same keys as fr-customers.ts). */
export const enCustomers: typeof frCustomers = {
  customers: {
    action: 'Customer',
    title: 'Customer of the sale',
    current: 'Customer: {{name}}',
    remove: 'Remove the customer',
    query: 'Phone, e-mail, card number or name',
    queryShort: 'Type at least two characters.',
    search: 'Search',
    searching: 'Searching the chain’s customers…',
    results: 'Customers found',
    none: 'No customer matches: create one.',
    offline:
      'Offline: the chain’s customers cannot be searched. You can create the customer; it goes to head office as soon as the network is back.',
    phoneEnd: 'phone …{{end}}',
    cardEnd: 'card …{{end}}',
    new: 'New customer',
    backToSearch: 'Back to the search',
    lastNameRequired: 'Type the customer’s last name.',
    consentEmail: 'Agrees to offers by e-mail',
    consentSms: 'Agrees to offers by SMS',
    fields: { lastName: 'Last name', firstName: 'First name', phone: 'Phone', email: 'E-mail' },
    attached: 'Customer: {{name}}',
    refused: {
      invalid_customer: 'Head office refuses these details: check the e-mail, phone or name.',
      invalid_customer_query: 'This search is not possible: type a name, a phone, an e-mail or a card number.',
      card_number_taken: 'This card number already belongs to another customer.',
      other: 'Head office did not accept the request: try again.',
    },
  },
};

import type { frCustomers } from './fr-customers';

/** The Customers page's words in English (the same keys as fr-customers.ts). */
export const enCustomers: typeof frCustomers = {
  customers: {
    searchTitle: 'Find a customer',
    searchLabel: 'Phone, e-mail, card number or name (then first name)',
    searchButton: 'Search',
    listTitle: 'The chain’s customers',
    none: 'No customer matches.',
    more: 'Show more',
    web: 'Web',
    actions: 'Actions',
    edit: 'Edit',
    editOne: 'Edit {{name}}',
    editTitle: 'Edit {{name}}',
    save: 'Save',
    cancel: 'Cancel',
    saved: '{{name}} is saved.',
    lastNameRequired: 'Type the customer’s last name.',
    fields: {
      name: 'Name',
      lastName: 'Last name',
      firstName: 'First name',
      email: 'E-mail',
      phone: 'Phone',
      postalCode: 'Postal code',
      cardNumber: 'Card number',
      createdStore: 'Created in store',
    },
    duplicatesTitle: 'Likely duplicates',
    noDuplicates: 'No likely duplicate: no e-mail or phone is shared.',
    sameBy: {
      email: 'Same e-mail: {{value}}',
      phone: 'Same phone: {{value}}',
    },
    keeps: 'Kept: {{name}} ({{id}}), the oldest.',
    merge: 'Merge',
    mergeQuestion: 'Merge {{merged}} into {{kept}}? The merged record will point to the one kept.',
    merged: '{{merged}} is merged into {{kept}}.',
    errors: {
      invalid_customer: 'A field is not valid (e-mail, phone, card number or name): correct it.',
      invalid_customer_query: 'This search cannot be run: type at least two letters of a name, a phone, an e-mail or a card number.',
      customer_merged: 'This customer was merged into another: edit the record kept.',
      card_number_taken: 'This card number already belongs to another customer.',
      version_conflict: 'This customer was changed meanwhile: reload the list and try again.',
    },
  },
};

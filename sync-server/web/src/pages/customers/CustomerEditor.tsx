import { CUSTOMER_LIMITS } from '@pos/core/customers/customer-contact';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field';
import { customerName, type ChainCustomer, type CustomerChange } from './customers-api';

type Props = {
  readonly customer: ChainCustomer;
  readonly onSave: (change: CustomerChange) => void;
  readonly onCancel: () => void;
};

const FIELDS = ['lastName', 'firstName', 'email', 'phone', 'postalCode', 'cardNumber'] as const;
type FieldName = (typeof FIELDS)[number];

/** Each field's bound at the hub (core's), so the form never takes what the hub refuses for its length. */
const MAX_LENGTH: Readonly<Record<FieldName, number>> = {
  lastName: CUSTOMER_LIMITS.nameLength,
  firstName: CUSTOMER_LIMITS.nameLength,
  email: CUSTOMER_LIMITS.emailLength,
  phone: CUSTOMER_LIMITS.phoneLength,
  postalCode: CUSTOMER_LIMITS.postalCodeLength,
  cardNumber: CUSTOMER_LIMITS.cardNumberLength,
};

/** One customer's fields; the hub checks them again and answers a stale version with the customer as it is now. */
export function CustomerEditor({ customer, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<FieldName, string>>(
    () => Object.fromEntries(FIELDS.map((f) => [f, customer[f] ?? ''])) as Record<FieldName, string>,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const optional = (f: FieldName) => values[f].trim() || null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!values.lastName.trim()) return setProblem(t('customers.lastNameRequired'));
    setProblem(null);
    onSave({
      lastName: values.lastName.trim(),
      firstName: optional('firstName'),
      email: optional('email'),
      phone: optional('phone'),
      postalCode: optional('postalCode'),
      cardNumber: optional('cardNumber'),
      expectedVersion: customer.version,
    });
  };

  return (
    <form aria-label={t('customers.editTitle', { name: customerName(customer) })} onSubmit={submit} className="panel-form">
      <h3>{t('customers.editTitle', { name: customerName(customer) })}</h3>
      {FIELDS.map((f) => (
        <Field
          key={f}
          label={t(`customers.fields.${f}`)}
          value={values[f]}
          maxLength={MAX_LENGTH[f]}
          onChange={(e) => setValues({ ...values, [f]: e.target.value })}
        />
      ))}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <div>
        <button type="submit">{t('customers.save')}</button>{' '}
        <button type="button" onClick={onCancel}>
          {t('customers.cancel')}
        </button>
      </div>
    </form>
  );
}

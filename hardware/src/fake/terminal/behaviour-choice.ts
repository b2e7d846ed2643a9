import { behaviourForAmount } from '../simulated-card-terminal';

/** What a simulated terminal does with requests: one behaviour for all, or queued ones for the next few. */
export type BehaviourChoice<Behaviour> = {
  set(behaviour: Behaviour, scope: 'always' | 'next'): void;
  /** The behaviour queued for this request, if a test queued one. */
  takeNext(): Behaviour | undefined;
  readonly always: Behaviour;
};

export function createBehaviourChoice<Behaviour>(initial: Behaviour): BehaviourChoice<Behaviour> {
  let always = initial;
  const next: Behaviour[] = [];
  return {
    set(behaviour, scope) {
      if (scope === 'next') next.push(behaviour);
      else always = behaviour;
    },
    takeNext: () => next.shift(),
    get always() {
      return always;
    },
  };
}

export type AmountBehaviour = { readonly kind: 'approve' } | { readonly kind: 'refuse' } | { readonly kind: 'no-answer' };

/**
 * The behaviour for this request; 'by-amount' follows the in-memory simulator's magic cents
 * (…51 refused, …52 no answer), so a demo user picks the outcome at the till.
 */
export function chooseBehaviour<Behaviour extends { readonly kind: string }>(
  choice: BehaviourChoice<Behaviour | 'by-amount'>,
  amount: number,
): Behaviour | AmountBehaviour {
  const picked = choice.takeNext() ?? choice.always;
  if (picked !== 'by-amount') return picked;
  const byAmount = behaviourForAmount(amount, 'approve');
  return byAmount === 'approve' ? { kind: 'approve' } : byAmount === 'decline' ? { kind: 'refuse' } : { kind: 'no-answer' };
}

import type { Dictionary } from './fr';

/** English words of loyalty points spent at the till (a reward as a discount). */
export const enLoyalty: Pick<Dictionary, 'rewards'> = {
  rewards: {
    action: 'Use points',
    title: 'Use points',
    checking: 'Reading the customer’s points…',
    balance: '{{points}} points available',
    none: 'No reward can be had with these points.',
    choose: '{{name}} — {{cost}} points',
    current: 'Reward of the sale: {{name}} ({{points}} points)',
    remove: 'Remove the reward',
    inCart: 'Loyalty reward ({{points}} points)',
    added: 'Reward {{name}} applied: {{points}} points reserved.',
    removed: 'Reward removed: the points go back to the customer.',
    offline: 'Offline: points can only be used with head office. Try again when the network is back.',
    noMember: 'Attach the customer first (F11) to use their points.',
    noProgram: 'This till knows no loyalty program.',
    refused: {
      insufficient_points: 'Not enough points: {{available}} available.',
      other: 'Head office refused to use these points.',
    },
  },
};

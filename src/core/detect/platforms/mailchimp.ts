import { notSummed, type Platform } from './types';

/** Mailchimp campaign exports: "Successful_Deliveries", "Unique_Opens", "Soft_Bounces". */
export const MAILCHIMP: Platform = {
  id: 'mailchimp',
  name: 'Mailchimp',
  signature: [
    'successful deliveries',
    'unique opens',
    'total recipients',
    'soft bounces',
    'hard bounces',
    'total bounces',
    'times forwarded',
    'forwarded opens',
    'abuse complaints',
    'send weekday',
  ],
  minMatches: 3,
  // Email bounces are undelivered emails, not single-page website sessions.
  headers: [notSummed(['soft bounces', 'hard bounces', 'total bounces', 'bounces'], 'bounces', 'lookalike')],
  profile: 'email',
};

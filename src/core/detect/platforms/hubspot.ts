import { measure, notSummed, type Platform } from './types';

/** HubSpot marketing email exports: "Sent", "Delivered", "Opened", "Clicked", "Bounced". */
export const HUBSPOT: Platform = {
  id: 'hubspot',
  name: 'HubSpot',
  signature: [
    'email name',
    'sent',
    'delivered',
    'opened',
    'clicked',
    'bounced',
    'unsubscribed',
    'hard bounced',
    'soft bounced',
    'spam reports',
  ],
  minMatches: 5,
  headers: [
    { headers: ['opened'], role: measure('opens') },
    { headers: ['clicked'], role: measure('email_clicks') },
    { headers: ['unsubscribed'], role: measure('unsubscribes') },
    notSummed(['bounced', 'hard bounced', 'soft bounced'], 'bounces', 'lookalike'),
  ],
  profile: 'email',
};

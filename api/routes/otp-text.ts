const formatTime = (at: Date) =>
  `${at.toISOString().replace('T', ' ').slice(0, 16)} UTC`;

/** The words of the OTP pages, kept together. */
export const otpText = {
  signInTitle: '2-step authentication',
  enrolTitle: 'Set up 2-step authentication',
  recoveryTitle: 'Your recovery codes',
  enrolWrongCode:
    'That code did not match. Enter the 6-digit code your app shows now.',
  wrongCode: (left: number) =>
    `That code is not valid. ${left} ${left === 1 ? 'attempt' : 'attempts'} left before 2-step authentication is blocked for 24 hours.`,
  blockedLine: (until: Date) =>
    `2-step authentication is blocked for your account until ${formatTime(until)}. A company administrator can reset it sooner.`,
};

/** The 429 page shown while a member's OTP entry is blocked. */
export function blockedPage(until: Date) {
  return {
    title: 'Too many requests.',
    layout: 'public',
    line: otpText.blockedLine(until),
  };
}

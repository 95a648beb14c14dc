import {
  idleTimeoutChoices,
  lockoutReleaseChoices,
  passwordExpiryChoices,
  type LoginSettings,
} from '../../core/auth/login-settings.js';
import { PASSWORD_RULE_GUIDANCE } from '../../core/password/password-rules.js';

const durationLabel = (minutes: number) =>
  minutes < 60
    ? `${minutes} minutes`
    : minutes === 60
      ? '1 hour'
      : `${minutes / 60} hours`;

const option = (value: number, label: string, current: number) => ({
  value,
  label,
  selected: value === current,
});

/**
 * Everything the login settings page shows, from the stored settings or a
 * posted form: each select's options with the current one marked, and the
 * NIST SP 800-63B line beside each password rule.
 */
export function pageLocals(settings: LoginSettings, version: number) {
  const rules = settings.passwordRules;
  const flag = (name: keyof typeof PASSWORD_RULE_GUIDANCE, label: string) => ({
    name,
    label,
    checked: rules[name] === true,
    guidance: PASSWORD_RULE_GUIDANCE[name],
  });
  return {
    title: 'Login settings',
    version,
    settings,
    rules,
    guidance: PASSWORD_RULE_GUIDANCE,
    flags: [
      flag('requireLetters', 'Letters'),
      flag('requireDigits', 'Digits'),
      flag('requireSymbols', 'Symbols'),
      flag('requireMixedCase', 'Upper and lower case'),
    ],
    expiryOptions: passwordExpiryChoices.map((days) =>
      option(
        days,
        days === 0 ? 'Never' : `${days} days`,
        settings.passwordExpiryDays,
      ),
    ),
    lockoutOptions: [0, 3, 4, 5, 6, 7, 8, 9, 10].map((n) =>
      option(
        n,
        n === 0 ? 'Off' : `After ${n} failed sign-ins`,
        settings.lockoutThreshold,
      ),
    ),
    releaseOptions: lockoutReleaseChoices.map((minutes) =>
      option(
        minutes,
        minutes === 0
          ? 'Only by password reset or an admin'
          : `Automatically after ${minutes} minutes`,
        settings.lockoutReleaseMinutes,
      ),
    ),
    idleOptions: idleTimeoutChoices.map((minutes) =>
      option(minutes, durationLabel(minutes), settings.idleTimeoutMinutes),
    ),
  };
}

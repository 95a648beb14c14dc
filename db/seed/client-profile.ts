import type { Random } from './random.js';
import { desktopAgents, mobileAgents } from './user-agents.js';

/** A browser a member signs in from: a stable device id and its agent. */
export interface Device {
  deviceId: string;
  userAgent: string;
}

/** Where a member's requests come from, fixed for the whole history. */
export interface ClientProfile {
  desktop: Device;
  /** Present for members who also use the dashboard from a phone. */
  mobile: Device | null;
  /** A private address on the company network. */
  officeIp: string;
  /** A public address (documentation ranges) used when working remotely. */
  remoteIp: string;
}

/** What the server sees for one request. */
export interface RequestOrigin {
  ip: string;
  deviceId: string;
  userAgent: string;
}

// RFC 5737 and RFC 3849 documentation ranges: realistic-looking public
// addresses that belong to no one.
function publicAddress(random: Random): string {
  const kind = random.int(10);
  if (kind < 4) return `203.0.113.${1 + random.int(254)}`;
  if (kind < 7) return `198.51.100.${1 + random.int(254)}`;
  if (kind < 9) return `192.0.2.${1 + random.int(254)}`;
  return `2001:db8:${random.hex(4)}::${random.hex(3)}`;
}

function deviceId(random: Random): string {
  const hex = random.hex(32);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}

/** Draws a member's devices and addresses; officeNetwork is like '10.20'. */
export function createClientProfile(
  random: Random,
  officeNetwork: string,
): ClientProfile {
  const floor = 1 + random.int(12);
  return {
    desktop: {
      deviceId: deviceId(random),
      userAgent: random.weighted(desktopAgents),
    },
    mobile: random.chance(0.35)
      ? { deviceId: deviceId(random), userAgent: random.weighted(mobileAgents) }
      : null,
    officeIp: `${officeNetwork}.${floor}.${10 + random.int(240)}`,
    remoteIp: publicAddress(random),
  };
}

/**
 * Picks the origin of one request: at the office during working hours,
 * otherwise from home, sometimes from a phone, now and then from a cafe
 * or hotel address never seen before.
 */
export function requestOrigin(
  random: Random,
  profile: ClientProfile,
  inOfficeHours: boolean,
): RequestOrigin {
  const device =
    profile.mobile && random.chance(inOfficeHours ? 0.08 : 0.4)
      ? profile.mobile
      : profile.desktop;
  let ip =
    inOfficeHours && random.chance(0.9) ? profile.officeIp : profile.remoteIp;
  if (random.chance(0.02)) ip = publicAddress(random);
  return { ip, deviceId: device.deviceId, userAgent: device.userAgent };
}

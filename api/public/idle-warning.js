// Warns a member one minute before the server signs them out for being
// idle, and lets them stay. The server enforces the timeout on its own;
// this script only makes it visible. The layout sets data-idle-timeout
// (seconds left) on <body> for signed-in pages.
document.addEventListener('DOMContentLoaded', () => {
  const seconds = Number(document.body.dataset.idleTimeout);
  if (!seconds) return;
  const warnBefore = 60;
  let warnTimer;
  let endTimer;

  const banner = document.createElement('div');
  banner.className = 'idle-warning';
  banner.setAttribute('role', 'alertdialog');
  banner.setAttribute('aria-live', 'assertive');
  banner.hidden = true;
  const text = document.createElement('p');
  text.textContent =
    'You will be signed out in one minute because you have been inactive.';
  const stay = document.createElement('button');
  stay.type = 'button';
  stay.className = 'primary';
  stay.textContent = 'Stay signed in';
  banner.append(text, stay);
  document.body.append(banner);

  const signedOut = () => window.location.assign('/sign-in');

  const schedule = (left) => {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    banner.hidden = true;
    warnTimer = setTimeout(
      () => {
        banner.hidden = false;
        stay.focus();
      },
      Math.max(left - warnBefore, 0) * 1000,
    );
    endTimer = setTimeout(signedOut, (left + 1) * 1000);
  };

  stay.addEventListener('click', async () => {
    const token = document.querySelector('input[name="_csrf"]');
    const response = await fetch('/session/keep-alive', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'x-csrf-token': token ? token.value : '' },
    }).catch(() => undefined);
    if (response && response.ok) schedule(seconds);
    else signedOut();
  });

  schedule(seconds);
});

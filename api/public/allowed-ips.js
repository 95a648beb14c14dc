// Allowed access IPs page: Enter (or Add) puts the typed entry into the list
// being edited without a round trip, unsaved rows stay visibly marked, and
// leaving with unsaved rows asks first. Without JavaScript the same buttons
// post the form and the server adds the row, so the page works either way.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('allowed-ips-form');
  const rows = document.getElementById('ip-rows');
  const entry = document.getElementById('new-entry');
  const label = document.getElementById('new-label');
  const banner = document.getElementById('unsaved-banner');
  if (!form || !rows || !entry || !label || !banner) return;
  let saving = false;
  // The switches count as one unsaved change once any of them is touched.
  let switchesChanged = false;

  const el = (tag, props = {}, children = []) => {
    const node = document.createElement(tag);
    Object.assign(node, props);
    for (const child of children) node.append(child);
    return node;
  };

  function refresh() {
    const all = [...rows.querySelectorAll('tr.ip-row')];
    const unsaved = all.filter(
      (row) =>
        row.classList.contains('unsaved') || row.classList.contains('removing'),
    ).length;
    const changes = unsaved + (switchesChanged ? 1 : 0);
    banner.hidden = changes === 0;
    document.getElementById('unsaved-count').textContent = String(changes);
    const kept = all.filter((row) => !row.classList.contains('removing'));
    document.getElementById('entry-count').textContent = String(kept.length);
    all.forEach((row, i) => {
      row.firstElementChild.textContent = String(i + 1);
    });
  }

  function addRow(text, labelText) {
    const value = text.trim();
    if (value === '') return false;
    const index = Number(rows.dataset.nextIndex || '0');
    rows.dataset.nextIndex = String(index + 1);
    rows.querySelector('tr.empty-row')?.remove();
    const remove = el('input', { type: 'checkbox', name: `remove_${index}` });
    const row = el('tr', { className: 'ip-row unsaved' }, [
      el('td'),
      el('td', {}, [
        el('input', {
          type: 'text',
          name: `entry_${index}`,
          value,
          autocomplete: 'off',
        }),
      ]),
      el('td', {}, [
        el('input', {
          type: 'text',
          name: `label_${index}`,
          value: labelText.trim(),
          autocomplete: 'off',
        }),
      ]),
      el('td', {}, [
        el('input', { type: 'hidden', name: `state_${index}`, value: 'new' }),
        el('span', {
          className: 'pill unsaved-pill',
          textContent: 'Not saved yet',
        }),
      ]),
      el('td', {}, [el('label', { className: 'check' }, [remove, ' Remove'])]),
    ]);
    row.dataset.index = String(index);
    rows.append(row);
    refresh();
    return true;
  }

  function addTyped() {
    if (addRow(entry.value, label.value)) {
      entry.value = '';
      label.value = '';
    }
    entry.focus();
  }

  // Enter never submits the whole form by accident: in the new-entry fields
  // it adds the entry, elsewhere it does nothing.
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.target.tagName !== 'INPUT') return;
    if (event.target.type === 'checkbox' || event.target.type === 'radio')
      return;
    event.preventDefault();
    if (event.target === entry || event.target === label) addTyped();
  });
  document.getElementById('add-entry')?.addEventListener('click', (event) => {
    event.preventDefault();
    addTyped();
  });
  document.getElementById('add-current')?.addEventListener('click', (event) => {
    event.preventDefault();
    addRow(event.currentTarget.dataset.ip || '', 'Current access IP');
  });
  for (const name of ['enabled', 'scope', 'applyToSuperAdmin']) {
    for (const input of form.querySelectorAll(`input[name=${name}]`)) {
      input.addEventListener('change', () => {
        switchesChanged = true;
        refresh();
      });
    }
  }
  rows.addEventListener('change', (event) => {
    const row = event.target.closest('tr.ip-row');
    if (!row) return;
    if (event.target.type === 'checkbox')
      row.classList.toggle('removing', event.target.checked);
    else row.classList.add('unsaved');
    refresh();
  });
  form.addEventListener('submit', (event) => {
    saving = event.submitter?.value === 'save';
  });
  window.addEventListener('beforeunload', (event) => {
    if (!saving && !banner.hidden) event.preventDefault();
  });
});

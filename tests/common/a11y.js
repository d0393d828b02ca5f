// Roles and accessible names as a screen reader user meets them, for the
// tests: the browser tests (tests/common/mod.rs) and the end-to-end tests
// (tests/e2e) both prepend this file to their scripts, so that no test has
// to know a CSS class. A small subset of WAI-ARIA's implicit roles and of
// the accessible name computation (aria-labelledby, aria-label, <label>,
// then the content for roles named by their content), enough for this app.

function wgRole(el) {
  const explicit = (el.getAttribute('role') || '').trim().split(/\s+/)[0];
  if (explicit) return explicit;
  const tag = el.tagName;
  switch (tag) {
    case 'A': return el.hasAttribute('href') ? 'link' : '';
    case 'BUTTON': case 'SUMMARY': return 'button';
    case 'NAV': return 'navigation';
    case 'MAIN': return 'main';
    case 'ARTICLE': return 'article';
    case 'ASIDE': return 'complementary';
    case 'FORM': return 'form';
    case 'UL': case 'OL': case 'MENU': return 'list';
    case 'LI': return 'listitem';
    case 'TABLE': return 'table';
    case 'THEAD': case 'TBODY': case 'TFOOT': return 'rowgroup';
    case 'TR': return 'row';
    case 'TD': return 'cell';
    case 'TH': return el.getAttribute('scope') === 'row' ? 'rowheader' : 'columnheader';
    case 'H1': case 'H2': case 'H3': case 'H4': case 'H5': case 'H6': return 'heading';
    case 'DIALOG': return 'dialog';
    case 'FIELDSET': return 'group';
    case 'PROGRESS': return 'progressbar';
    case 'OPTION': return 'option';
    case 'TEXTAREA': return 'textbox';
    case 'IMG': return el.getAttribute('alt') === '' ? 'presentation' : 'img';
    case 'SELECT': return el.multiple || el.size > 1 ? 'listbox' : 'combobox';
    case 'SECTION': return wgOwnName(el) ? 'region' : '';
    case 'INPUT': {
      const t = (el.getAttribute('type') || 'text').toLowerCase();
      return ({ checkbox: 'checkbox', radio: 'radio', search: 'searchbox', range: 'slider',
        number: 'spinbutton', button: 'button', submit: 'button', reset: 'button', image: 'button',
        hidden: '' })[t] ?? (el.hasAttribute('list') ? 'combobox' : 'textbox');
    }
  }
  return '';
}

// Roles whose name comes from their content when nothing else names them.
const WG_FROM_CONTENT = new Set(['button', 'link', 'cell', 'columnheader', 'rowheader', 'heading',
  'option', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'row', 'tooltip', 'treeitem']);

const wgClean = s => s.replace(/\s+/g, ' ').trim();

// Out of the accessibility tree: hidden, aria-hidden, or not rendered
// (display: none on it or an ancestor).
function wgHidden(el) {
  if (el.closest('[hidden], [aria-hidden=true]')) return true;
  return el.checkVisibility ? !el.checkVisibility() : getComputedStyle(el).display === 'none';
}

// The text of a subtree as the name computation reads it: hidden parts left
// out, a descendant's aria-label in place of its content, form controls by
// their value, block boxes apart from each other.
function wgText(node) {
  if (node.nodeType === Node.TEXT_NODE) return node.data;
  if (node.nodeType !== Node.ELEMENT_NODE || wgHidden(node)) return '';
  const label = node.getAttribute('aria-label');
  if (label && label.trim()) return ' ' + label + ' ';
  if (node.tagName === 'INPUT' || node.tagName === 'TEXTAREA') return '';
  if (node.tagName === 'SELECT') return node.selectedOptions[0] ? node.selectedOptions[0].text : '';
  const inner = [...node.childNodes].map(wgText).join('');
  return getComputedStyle(node).display === 'inline' ? inner : ' ' + inner + ' ';
}

// aria-labelledby, aria-label, then <label> elements: the name an author gave.
function wgOwnName(el) {
  const by = el.getAttribute('aria-labelledby');
  if (by) {
    return wgClean(by.split(/\s+/).map(id => {
      const t = document.getElementById(id);
      return t ? wgText(t) : '';
    }).join(' '));
  }
  const label = el.getAttribute('aria-label');
  if (label && label.trim()) return wgClean(label);
  if (el.labels && el.labels.length) return wgClean([...el.labels].map(wgText).join(' '));
  // Another copy of the app left in the document (a failed test's) may hold
  // the same id: then the nearest <label for> is this control's.
  if (el.id && ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)) {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const l = p.querySelector('label[for="' + CSS.escape(el.id) + '"]');
      if (l) return wgClean(wgText(l));
    }
  }
  return '';
}

function wgName(el) {
  const own = wgOwnName(el);
  if (own) return own;
  if (WG_FROM_CONTENT.has(wgRole(el))) {
    const t = wgClean(wgText(el));
    if (t) return t;
  }
  return wgClean(el.getAttribute('title') || el.getAttribute('placeholder') || '');
}

// The visible elements under `root` with `role` ('control': any input,
// select or textarea) whose name matches `name` in `mode`: 'exact',
// 'contains' or 'prefix'; a null name matches any.
function wgFind(root, role, name, mode) {
  const out = [];
  for (const el of root.querySelectorAll('*')) {
    const r = wgRole(el);
    const ok = role === 'control'
      ? ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) && r !== ''
      : r === role;
    if (!ok || wgHidden(el)) continue;
    if (name !== null && name !== undefined) {
      const n = wgName(el);
      if (mode === 'contains' ? !n.includes(name) : mode === 'prefix' ? !n.startsWith(name) : n !== name) continue;
    }
    out.push(el);
  }
  return out;
}

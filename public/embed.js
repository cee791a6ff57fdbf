// The embeddable list (embed.html): the next few events of some projects,
// for a member group's own web page in an iframe. Plain JavaScript, no
// framework, no WebAssembly: it costs the host page one small document.
// Data: embed.json of the same site (made by `calendar publish` from the
// checked data). Every text goes in as text (textContent), never markup;
// links are the calendar's own pages and open in a new tab.
'use strict';
(function () {
  const root = document.getElementById('embed');
  const query = new URLSearchParams(location.search);
  const lang = query.get('lang') === 'en' ? 'en' : 'ja';
  const t = (ja, en) => (lang === 'en' ? en : ja);
  document.documentElement.lang = lang;
  document.title = t('イベント予定', 'Upcoming events');
  const n = Math.min(20, Math.max(1, parseInt(query.get('n') ?? '5', 10) || 5));
  const wanted = (query.get('p') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  // Today in Tokyo (UTC+9 all year), as YYYY-MM-DD.
  const today = new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10);

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs ?? {})) e.setAttribute(k, v);
    for (const c of children) if (c != null) e.append(c);
    return e;
  }
  /** A link into the calendar, in a new tab (the host page stays). */
  function out(href, ...children) {
    return el('a', { href, target: '_blank', rel: 'noopener' }, ...children,
      el('span', { class: 'sr-only' }, t('（新しいタブで開きます）', ' (opens in a new tab)')));
  }
  function finish(...children) {
    root.replaceChildren(...children);
    root.removeAttribute('aria-busy');
    document.documentElement.dataset.ready = 'true';
  }
  const calendar = './' + (wanted.length ? `?p=${wanted.map(encodeURIComponent).join(',')}` : '');

  fetch('embed.json')
    .then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json();
    })
    .then((data) => {
      const projects = new Map(data.projects.map((p) => [p.id, p]));
      const unknown = wanted.filter((id) => !projects.has(id));
      const events = data.events
        .filter((e) => e.last >= today && (wanted.length === 0 || wanted.includes(e.project)))
        .slice(0, n);
      const name = data.site[lang] || data.site.ja;
      const parts = [el('h1', {}, out(calendar, name))];
      if (unknown.length) {
        parts.push(el('p', { class: 'msg', role: 'alert' },
          t(`p= のプロジェクト「${unknown.join('、')}」はカレンダーにありません`,
            `p=: no project "${unknown.join('", "')}" in the calendar`)));
      }
      if (events.length === 0) {
        parts.push(el('p', { class: 'msg' }, t('これからの予定はありません', 'No upcoming events')));
      } else {
        parts.push(el('ul', {}, ...events.map((e) => {
          const p = projects.get(e.project);
          const chip = el('span', { class: 'chip', 'aria-hidden': 'true' });
          if (p && /^#[0-9a-fA-F]{6}$/.test(p.color)) chip.style.background = p.color;
          const title = (e.cancelled ? t('【中止】', '[Cancelled] ') : '') + (lang === 'en' ? e.en : e.ja);
          return el('li', { 'data-event-id': e.id },
            el('span', { class: 'when' }, lang === 'en' ? e.whenEn : e.whenJa),
            out(`./?e=${encodeURIComponent(e.id)}`, title),
            el('span', { class: 'project' }, chip, p ? (lang === 'en' ? p.en : p.ja) : e.project));
        })));
      }
      parts.push(el('p', { class: 'more' }, out(calendar, t('カレンダーをすべて見る', 'See the whole calendar'))));
      finish(...parts);
    })
    .catch(() => {
      finish(el('p', { class: 'msg', role: 'alert' },
        t('予定を読み込めませんでした。', 'Could not load the events. '),
        out(calendar, t('カレンダーを開く', 'Open the calendar'))));
    });
})();

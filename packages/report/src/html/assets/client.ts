// The report's one script (report.js). It reads data only from the page's own JSON block or
// DOM and builds elements with createElement/textContent: never innerHTML with data.
export const REPORT_JS = String.raw`(function () {
  'use strict';

  var CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
  var PAGE_SIZE = 50;

  function byId(id) { return document.getElementById(id); }

  function codeLabel(c) {
    var hex = c.codePointAt(0).toString(16).toUpperCase();
    while (hex.length < 4) hex = '0' + hex;
    return 'U+' + hex;
  }

  // Appends untrusted text as text nodes; control characters (bidi overrides and the like)
  // become visible markers instead of taking effect.
  function appendText(parent, value) {
    var text = value == null ? '' : String(value);
    var last = 0;
    text.replace(CONTROL, function (c, at) {
      if (at > last) parent.appendChild(document.createTextNode(text.slice(last, at)));
      var marker = document.createElement('span');
      marker.className = 'ctl';
      marker.title = codeLabel(c) + ', shown instead of applied';
      marker.textContent = codeLabel(c);
      parent.appendChild(marker);
      last = at + c.length;
      return c;
    });
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
    return parent;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) appendText(node, text);
    return node;
  }

  function isolated(text) { return el('bdi', null, text); }

  // Links in the data always point inside the report; anything else is not linked.
  var SAFE_HREF = /^(sources\/)?[A-Za-z0-9_.\-]+\.html(#[A-Za-z0-9_\-]*)?$/;
  function link(href, child) {
    if (typeof href !== 'string' || !SAFE_HREF.test(href)) return child;
    var a = document.createElement('a');
    a.href = href;
    a.appendChild(child);
    return a;
  }

  var COUNT_FORMAT = new Intl.NumberFormat('en-US');
  function formatCount(n) { return COUNT_FORMAT.format(Number(n)); }
  function formatPct(p) { return Number(p).toFixed(1) + '%'; }

  function readData() {
    var block = byId('report-data');
    if (!block) return null;
    try { return JSON.parse(block.textContent || 'null'); } catch (e) { return null; }
  }

  // ---- index.html ---------------------------------------------------------------------------

  function haystack(parts) {
    return parts.filter(function (p) { return p != null; }).join('\u0000').toLowerCase();
  }

  // The rows use the short keys of index-page.ts (SourceRow, FailingRow, ContradictionRow).
  function sourceHref(r) { return r.h === undefined ? 'sources/' + r.id + '.html' : r.h; }

  var TABLES = {
    sources: {
      keys: {
        title: function (r) { return r.t == null ? r.id : r.t; },
        publisher: function (r) { return r.p || ''; },
        claims: function (r) { return r.c; },
        failing: function (r) { return r.x; },
        pct: function (r) { return r.pc; },
        charPct: function (r) { return r.cp; }
      },
      search: function (r) { return haystack([r.id, r.t, r.p, r.f]); },
      row: function (r) {
        var tr = el('tr');
        var head = el('th');
        head.scope = 'row';
        head.appendChild(link(sourceHref(r), isolated(r.t == null ? r.id : r.t)));
        var sub = el('div', 'sub');
        sub.appendChild(el('code', null, r.id));
        if (r.f) { appendText(sub, ' · '); appendText(sub, r.f); }
        head.appendChild(sub);
        tr.appendChild(head);
        var publisher = el('td');
        publisher.appendChild(isolated(r.p || ''));
        tr.appendChild(publisher);
        tr.appendChild(el('td', 'num', formatCount(r.c)));
        tr.appendChild(el('td', 'num failing-count' + (r.x ? ' has' : ''), formatCount(r.x)));
        var cov = el('td');
        var cell = el('div', 'covcell');
        var bar = el('span', 'bar');
        var fill = el('span', 'fill wm-' + r.b);
        fill.style.width = Math.max(0, Math.min(100, Number(r.pc))) + '%';
        bar.appendChild(fill);
        bar.setAttribute('aria-hidden', 'true');
        cell.appendChild(bar);
        cell.appendChild(el('span', 'pct wm-' + r.b, formatPct(r.pc)));
        cov.appendChild(cell);
        var counts = formatCount(r.v) + ' of ' + formatCount(r.s) + (r.a ? ', ' + formatCount(r.a) + ' partly' : '');
        cov.appendChild(el('div', 'sub', counts));
        if (r.w) cov.appendChild(el('span', 'flag', '✗ ' + r.w));
        tr.appendChild(cov);
        tr.appendChild(el('td', 'num wm-text wm-' + r.cb, formatPct(r.cp)));
        return tr;
      }
    },
    failing: {
      keys: {
        id: function (r) { return r.id; },
        text: function (r) { return r.t; },
        verdict: function (r) { return r.v; }
      },
      search: function (r) { return haystack([r.id, r.t, r.v].concat(r.r)); },
      row: function (r) {
        var tr = el('tr');
        var head = el('th');
        head.scope = 'row';
        head.appendChild(link(r.h, el('code', null, r.id)));
        tr.appendChild(head);
        var text = el('td');
        text.appendChild(isolated(r.t));
        tr.appendChild(text);
        var verdict = el('td');
        verdict.appendChild(el('span', 'badge verdict-' + String(r.v).replace(/[^a-z]/g, ''), r.v));
        tr.appendChild(verdict);
        var reasons = el('td');
        var list = el('ul', 'reasons');
        (r.r || []).forEach(function (reason) {
          var li = el('li');
          li.appendChild(isolated(reason));
          list.appendChild(li);
        });
        reasons.appendChild(list);
        tr.appendChild(reasons);
        return tr;
      }
    },
    contradictions: {
      keys: {
        severity: function (r) { return { error: 0, warning: 1, info: 2 }[r.s]; },
        kind: function (r) { return r.k; },
        reason: function (r) { return r.r; }
      },
      search: function (r) {
        var parts = [r.s, r.k, r.r, r.a];
        (r.c || []).forEach(function (c) { parts.push(c.id, c.t); });
        return haystack(parts);
      },
      row: function (r) {
        var tr = el('tr');
        var severity = el('td');
        severity.appendChild(el('span', 'badge sev-' + String(r.s).replace(/[^a-z]/g, ''), r.s));
        tr.appendChild(severity);
        tr.appendChild(el('td', null, r.k));
        var claims = el('td', 'pair');
        (r.c || []).forEach(function (c, i) {
          if (i > 0) claims.appendChild(el('div', 'vs', 'versus'));
          var item = el('div');
          item.appendChild(link(c.h, el('code', null, c.id)));
          appendText(item, ' ');
          item.appendChild(isolated(c.t));
          claims.appendChild(item);
        });
        tr.appendChild(claims);
        var reason = el('td');
        reason.appendChild(isolated(r.r));
        if (r.a) {
          var ack = el('span', 'ack', 'Acknowledged: ');
          ack.appendChild(isolated(r.a));
          reason.appendChild(ack);
        }
        tr.appendChild(reason);
        return tr;
      }
    }
  };

  function compareValues(a, b, type) {
    if (type === 'number') return Number(a) - Number(b);
    return String(a == null ? '' : a).localeCompare(String(b == null ? '' : b), 'en', { sensitivity: 'base', numeric: true });
  }

  function Table(name, rows, spec) {
    this.name = name;
    this.spec = spec;
    this.all = rows.map(function (row, index) { return { row: row, index: index, text: null }; });
    this.visible = this.all;
    this.page = 0;
    this.sortKey = null;
    this.sortDir = 1;
    this.query = '';
    this.section = byId(name);
    this.body = byId(name + '-body');
    this.status = byId(name + '-status');
    this.prev = byId(name + '-prev');
    this.next = byId(name + '-next');
    this.count = byId(name + '-count');
    var self = this;
    this.prev.addEventListener('click', function () { self.page--; self.render(); });
    this.next.addEventListener('click', function () { self.page++; self.render(); });
    Array.prototype.forEach.call(this.section.querySelectorAll('th[data-key] button'), function (button) {
      button.addEventListener('click', function () { self.sortBy(button.parentNode); });
    });
  }

  Table.prototype.sortBy = function (th) {
    var key = th.getAttribute('data-key');
    var type = th.getAttribute('data-type');
    this.sortDir = this.sortKey === key ? -this.sortDir : 1;
    this.sortKey = key;
    Array.prototype.forEach.call(this.section.querySelectorAll('th[data-key]'), function (other) {
      if (other !== th) other.removeAttribute('aria-sort');
    });
    th.setAttribute('aria-sort', this.sortDir > 0 ? 'ascending' : 'descending');
    var dir = this.sortDir;
    var value = this.spec.keys[key];
    this.all.sort(function (a, b) {
      return compareValues(value(a.row), value(b.row), type) * dir || a.index - b.index;
    });
    this.filter(this.query, true);
  };

  Table.prototype.filter = function (query, keepPage) {
    this.query = query;
    var spec = this.spec;
    this.visible = query
      ? this.all.filter(function (item) {
          if (item.text === null) item.text = spec.search(item.row);
          return item.text.indexOf(query) !== -1;
        })
      : this.all;
    if (!keepPage) this.page = 0;
    this.render();
  };

  Table.prototype.render = function () {
    var pages = Math.max(1, Math.ceil(this.visible.length / PAGE_SIZE));
    this.page = Math.max(0, Math.min(this.page, pages - 1));
    var start = this.page * PAGE_SIZE;
    var slice = this.visible.slice(start, start + PAGE_SIZE);
    var fragment = document.createDocumentFragment();
    var spec = this.spec;
    slice.forEach(function (item) { fragment.appendChild(spec.row(item.row)); });
    if (!slice.length) {
      var tr = el('tr');
      var td = el('td', 'empty', this.query ? 'Nothing matches the filter.' : this.section.getAttribute('data-empty'));
      td.colSpan = this.section.querySelectorAll('thead th').length;
      tr.appendChild(td);
      fragment.appendChild(tr);
    }
    this.body.textContent = '';
    this.body.appendChild(fragment);
    var total = this.all.length;
    var shown = this.visible.length;
    this.status.textContent = shown
      ? 'Showing ' + formatCount(start + 1) + '–' + formatCount(start + slice.length) + ' of ' + formatCount(shown) + (shown < total ? ' (filtered from ' + formatCount(total) + ')' : '')
      : '';
    this.prev.disabled = this.page === 0;
    this.next.disabled = this.page >= pages - 1;
    this.prev.hidden = this.next.hidden = pages <= 1;
  };

  function initIndex() {
    var data = readData();
    if (!data) return;
    var tables = Object.keys(TABLES).filter(function (name) { return byId(name); }).map(function (name) {
      var table = new Table(name, data[name] || [], TABLES[name]);
      table.render();
      return table;
    });
    var input = byId('filter');
    var timer = 0;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var query = input.value.trim().toLowerCase();
        tables.forEach(function (t) { t.filter(query); });
      }, 120);
    });
  }

  // ---- source pages ---------------------------------------------------------------------------

  function initSource() {
    var panel = byId('panel');
    var panelBody = byId('panel-body');
    var status = byId('nav-status');
    var cards = {};
    Array.prototype.forEach.call(document.querySelectorAll('.claims-block article.claim[data-ci]'), function (card) {
      cards[card.getAttribute('data-ci')] = card;
    });
    var marks = Array.prototype.slice.call(document.querySelectorAll('mark.ev'));
    var pinned = null;
    var shown = null;

    function words(node, name) {
      return (node.getAttribute(name) || '').split(' ').filter(function (w) { return w !== ''; });
    }

    function stripIds(node) {
      if (node.removeAttribute) node.removeAttribute('id');
      Array.prototype.forEach.call(node.querySelectorAll('[id]'), function (n) { n.removeAttribute('id'); });
    }

    // Shows the claims of a highlighted piece in the panel; on narrow screens the panel opens
    // (as a sheet) only on focus or click, not on hover.
    function show(mark, open) {
      if (open) panel.classList.add('open');
      if (shown === mark) return;
      shown = mark;
      var claims = words(mark, 'data-c');
      var evidence = words(mark, 'data-ev');
      panelBody.textContent = '';
      var heading = el('p', 'panel-count', claims.length === 1 ? 'This passage backs 1 claim.' : 'This passage backs ' + claims.length + ' claims.');
      panelBody.appendChild(heading);
      claims.forEach(function (ci) {
        var card = cards[ci];
        if (!card) return;
        var copy = card.cloneNode(true);
        stripIds(copy);
        Array.prototype.forEach.call(copy.querySelectorAll('.ev-item[data-ev]'), function (item) {
          if (evidence.indexOf(item.getAttribute('data-ev')) !== -1) item.classList.add('current');
        });
        panelBody.appendChild(copy);
      });
      marks.forEach(function (m) {
        m.classList.toggle('active', m === mark);
        var shared = m !== mark && words(m, 'data-ev').some(function (k) { return evidence.indexOf(k) !== -1; });
        m.classList.toggle('linked', shared);
      });
    }

    document.addEventListener('focusin', function (event) {
      var mark = event.target.closest ? event.target.closest('mark.ev') : null;
      if (mark) { pinned = mark; show(mark, true); }
    });
    document.addEventListener('mouseover', function (event) {
      var mark = event.target.closest ? event.target.closest('mark.ev') : null;
      if (mark) show(mark, false);
    });
    document.addEventListener('mouseout', function (event) {
      var from = event.target.closest ? event.target.closest('mark.ev') : null;
      var to = event.relatedTarget && event.relatedTarget.closest ? event.relatedTarget.closest('mark.ev') : null;
      if (from && !to && pinned && pinned !== from) show(pinned, false);
    });
    byId('panel-close').addEventListener('click', function () {
      panel.classList.remove('open');
      if (pinned) pinned.focus();
    });

    // n / p: next and previous uncovered sentence.
    var uncovered = Array.prototype.slice.call(document.querySelectorAll('.s.uncovered[tabindex]'));
    var lastVisited = -1;
    var text = byId('source-text');

    function indexFrom(reference, dir) {
      var found = -1;
      for (var i = 0; i < uncovered.length; i++) {
        var position = reference.compareDocumentPosition(uncovered[i]);
        if (dir > 0 && (position & Node.DOCUMENT_POSITION_FOLLOWING) && !(position & Node.DOCUMENT_POSITION_CONTAINS)) return i;
        if (dir < 0 && (position & Node.DOCUMENT_POSITION_PRECEDING) && !(position & Node.DOCUMENT_POSITION_CONTAINS)) found = i;
      }
      return found;
    }

    // Without a focused place to start from, start from what is on screen.
    function indexInView(dir) {
      if (dir > 0) {
        for (var i = 0; i < uncovered.length; i++) if (uncovered[i].getBoundingClientRect().top >= 0) return i;
        return 0;
      }
      for (var j = uncovered.length - 1; j >= 0; j--) if (uncovered[j].getBoundingClientRect().bottom <= window.innerHeight) return j;
      return uncovered.length - 1;
    }

    function move(dir) {
      if (!uncovered.length) { status.textContent = 'No uncovered sentences'; return; }
      var active = document.activeElement;
      var current = uncovered.indexOf(active);
      var target;
      if (current !== -1) target = current + dir;
      else if (active && text.contains(active)) {
        target = indexFrom(active, dir);
        if (target === -1) target = dir > 0 ? 0 : uncovered.length - 1;
      } else if (lastVisited !== -1) target = lastVisited + dir;
      else target = indexInView(dir);
      target = (target + uncovered.length) % uncovered.length;
      lastVisited = target;
      var sentence = uncovered[target];
      sentence.scrollIntoView({ block: 'center' });
      sentence.focus({ preventScroll: true });
      status.textContent = 'Uncovered sentence ' + (target + 1) + ' of ' + uncovered.length;
    }

    document.addEventListener('keydown', function (event) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      var t = event.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      if (event.key === 'n' || event.key === 'p') {
        event.preventDefault();
        move(event.key === 'n' ? 1 : -1);
      } else if (event.key === 'Escape' && panel.classList.contains('open')) {
        panel.classList.remove('open');
      }
    });
    byId('next-uncovered').addEventListener('click', function () { move(1); });
    byId('prev-uncovered').addEventListener('click', function () { move(-1); });

    // A link to #E-… opens the quote it names: focus its first highlighted piece.
    function openHash() {
      var id = decodeURIComponent(location.hash.slice(1));
      if (id.indexOf('E-') !== 0) return;
      var target = byId(id);
      if (!target) return;
      if (target.classList.contains('ev-anchor')) {
        var next = target.nextElementSibling;
        while (next && next.classList.contains('ev-anchor')) next = next.nextElementSibling;
        if (next && next.matches('mark.ev')) { next.focus({ preventScroll: true }); next.scrollIntoView({ block: 'center' }); }
      } else {
        target.focus({ preventScroll: true });
      }
    }
    window.addEventListener('hashchange', openHash);
    // The browser's own scroll to the fragment moves the focus after deferred scripts have run.
    if (document.readyState === 'complete') openHash();
    else window.addEventListener('load', openHash);
  }

  var page = document.body.getAttribute('data-page');
  if (page === 'index') initIndex();
  else if (page === 'source') initSource();
})();
`;

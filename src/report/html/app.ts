/**
 * The report page's script, inlined into the HTML (the page fetches nothing). Plain ES2017 without
 * template literals, so it can live in this string. It builds the DOM with textContent only, never
 * innerHTML, so transcript text cannot become markup; the page's CSP allows this script by its hash
 * and no other.
 *
 * Data: #meta {categories, stages, thresholds}; #rows [file, verdict|'error', score, language, format,
 * utterances, alert, stage bits, [category numbers], error|null, strength|null]; #d<i> the detail of row i, deflated JSON
 * in base64 (see entry.ts). The page sets data-ready on <body> when the table is drawn, and on
 * #detail when a file's detail is.
 */
export const APP_SCRIPT = String.raw`(function () {
'use strict';
var $ = function (id) { return document.getElementById(id); };
var read = function (id) { var e = $(id); return e ? JSON.parse(e.textContent) : null; };
var meta = read('meta'), rows = read('rows');
var CATS = meta.categories, STAGES = meta.stages, T = meta.thresholds;
var RANK = { error: -1, clean: 0, suspicious: 1, scam: 2 };
var PAGE = 50, SVG = 'http://www.w3.org/2000/svg';
// Ranked by strength (the score's log-odds): scores saturate at 1.00; ties stay in path order.
var state = { q: '', v: '', l: '', c: '', key: 'strength', dir: -1, page: 0 };
var view = [];
// Files are shown under the folder they all share, named once above the table.
var base = (function () {
  if (rows.length < 2) return '';
  var p = rows[0][0];
  for (var i = 1; i < rows.length && p; i++) while (rows[i][0].indexOf(p) !== 0) p = p.slice(0, -1);
  return p.slice(0, Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
})();
function name(r) { return r[0].slice(base.length); }
// A file's address is its name as the table shows it (#file=calls/a.txt); #f<row> still works.
function address(i) { return '#file=' + encodeURIComponent(name(rows[i])); }
function rowOf(hash) {
  var m = /^#f(\d+)$/.exec(hash);
  if (m) return +m[1] < rows.length ? +m[1] : -1;
  if (hash.indexOf('#file=') !== 0) return -1;
  var wanted;
  try { wanted = decodeURIComponent(hash.slice(6)); } catch (e) { return -1; }
  for (var i = 0; i < rows.length; i++) if (name(rows[i]) === wanted) return i;
  return -1;
}
var UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
function hex(n, w) { var h = n.toString(16); while (h.length < w) h = '0' + h; return h; }
// Like the terminal reports: controls and bidirectional overrides are shown, not obeyed.
function vis(s) {
  return String(s).replace(/[\t\n\r]+/g, ' ').replace(UNSAFE, function (ch) {
    var n = ch.charCodeAt(0);
    return n > 0xff ? '\\u' + hex(n, 4) : '\\x' + hex(n, 2);
  });
}
function el(tag, attrs, kids) {
  var e = document.createElement(tag);
  for (var k in attrs || {}) {
    if (k === 'text') e.textContent = attrs[k];
    else if (k === 'cls') e.className = attrs[k];
    else e.setAttribute(k, attrs[k]);
  }
  (kids || []).forEach(function (c) { if (c !== null && c !== undefined) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
  return e;
}
function svg(tag, attrs) {
  var e = document.createElementNS(SVG, tag);
  for (var k in attrs) e.setAttribute(k, attrs[k]);
  return e;
}
function badge(v) { return el('span', { cls: 'badge v-' + v, text: v }); }
function chip(c) { return el('span', { cls: 'chip c-' + CATS[c], text: CATS[c] }); }
function bits(n) { var k = 0; while (n) { k += n & 1; n >>= 1; } return k; }
function key(r, k) {
  switch (k) {
    case 'file': return name(r);
    case 'verdict': return RANK[r[1]];
    case 'score': return r[2];
    case 'strength': return r[10] === null ? -Infinity : r[10];
    case 'alert': return r[6] === null ? Infinity : r[6];
    case 'language': return r[3];
    case 'format': return r[4];
    case 'utterances': return r[5];
    case 'stages': return bits(r[7]);
  }
  return 0;
}

function filter() {
  var q = state.q.toLowerCase(), c = state.c === '' ? -1 : +state.c;
  view = [];
  for (var i = 0; i < rows.length; i++) {
    var r = rows[i];
    if (q && name(r).toLowerCase().indexOf(q) < 0) continue;
    if (state.v && r[1] !== state.v) continue;
    if (state.l && r[3] !== state.l) continue;
    if (c >= 0 && r[8].indexOf(c) < 0) continue;
    view.push(i);
  }
  var k = state.key, d = state.dir;
  view.sort(function (a, b) {
    var x = key(rows[a], k), y = key(rows[b], k);
    return (x < y ? -d : x > y ? d : 0) || a - b;
  });
}

function rowEl(i) {
  var r = rows[i], err = r[1] === 'error';
  var stages = el('td', { cls: 'stages' }, STAGES.map(function (s, k) {
    var on = (r[7] >> k) & 1;
    return el('span', { cls: on ? 'st on' : 'st', title: s + (on ? ' seen' : ' not seen'), text: on ? '\u25cf' : '\u25cb' });
  }));
  return el('tr', { cls: 'r-' + r[1] }, [
    el('td', { cls: 'file' }, [el('a', { href: address(i), text: vis(name(r)) })]),
    el('td', null, [badge(r[1])]),
    el('td', { cls: 'num', text: err ? '' : r[2].toFixed(2) }),
    el('td', { cls: 'num', text: err ? '' : r[10].toFixed(1) }),
    el('td', { cls: 'num', text: r[6] === null ? '' : r[6] + ' / ' + r[5] }),
    el('td', { text: r[3] }),
    el('td', { text: r[4] }),
    err ? el('td') : stages,
    err ? el('td', { cls: 'error', text: vis(r[9]) }) : el('td', null, r[8].slice(0, 3).map(chip)),
  ]);
}

function render() {
  var pages = Math.max(1, Math.ceil(view.length / PAGE));
  if (state.page >= pages) state.page = pages - 1;
  var body = $('tbody');
  body.textContent = '';
  var from = state.page * PAGE;
  view.slice(from, from + PAGE).forEach(function (i) { body.appendChild(rowEl(i)); });
  $('count').textContent = view.length.toLocaleString('en-US') + ' of ' + rows.length.toLocaleString('en-US') + ' files';
  $('page').textContent = view.length ? (from + 1) + '\u2013' + Math.min(view.length, from + PAGE) + ' (page ' + (state.page + 1) + ' of ' + pages + ')' : 'no file matches';
  $('prev').disabled = state.page === 0;
  $('next').disabled = state.page >= pages - 1;
  Array.prototype.forEach.call(document.querySelectorAll('th[data-key]'), function (th) {
    th.setAttribute('aria-sort', th.getAttribute('data-key') === state.key ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
  });
}
function refresh() { filter(); render(); }

function timeline(points, n, alert) {
  var W = 720, H = 130, L = 34, R = 10, TOP = 8, B = 22, pw = W - L - R, ph = H - TOP - B;
  var s = svg('svg', { class: 'chart timeline', viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img', 'aria-label': 'Risk timeline' });
  var x = function (j) { return L + (points.length > 1 ? j / (points.length - 1) : 0.5) * pw; };
  var y = function (v) { return TOP + (1 - v) * ph; };
  [0, 0.5, 1].forEach(function (v) {
    var t = svg('text', { class: 'tick', x: L - 4, y: y(v) + 4, 'text-anchor': 'end' });
    t.textContent = String(v);
    s.appendChild(t);
  });
  var pts = points.map(function (v, j) { return x(j).toFixed(1) + ',' + y(v).toFixed(1); });
  s.appendChild(svg('polygon', { class: 'area', points: L + ',' + y(0) + ' ' + pts.join(' ') + ' ' + x(points.length - 1).toFixed(1) + ',' + y(0) }));
  s.appendChild(svg('polyline', { class: 'line', points: pts.join(' ') }));
  [['suspicious', T.suspicious], ['scam', T.scam]].forEach(function (t) {
    s.appendChild(svg('line', { class: 'threshold', x1: L, x2: L + pw, y1: y(t[1]), y2: y(t[1]) }));
    var label = svg('text', { class: 'tick', x: L + pw, y: y(t[1]) - 3, 'text-anchor': 'end' });
    label.textContent = t[0];
    s.appendChild(label);
  });
  if (points.length <= 80) points.forEach(function (v, j) {
    var dot = svg('circle', { class: 'dot ' + (v >= T.scam ? 'v-scam' : v >= T.suspicious ? 'v-suspicious' : 'v-clean'), cx: x(j), cy: y(v), r: 3 });
    var title = svg('title', {});
    title.textContent = 'utterance ' + (j + 1) + ': score ' + v.toFixed(2);
    dot.appendChild(title);
    s.appendChild(dot);
  });
  if (alert !== null) {
    var ax = L + (n > 1 ? (alert - 1) / (n - 1) : 0.5) * pw;
    s.appendChild(svg('line', { class: 'alert', x1: ax, x2: ax, y1: TOP, y2: TOP + ph }));
    var at = svg('text', { class: 'tick alert-label', x: ax + 3, y: TOP + ph + 14 });
    at.textContent = 'alert at utterance ' + alert;
    s.appendChild(at);
  }
  var end = svg('text', { class: 'tick', x: L, y: TOP + ph + 14 });
  end.textContent = 'utterance 1';
  s.appendChild(end);
  var last = svg('text', { class: 'tick', x: L + pw, y: TOP + ph + 14, 'text-anchor': 'end' });
  last.textContent = String(n);
  s.appendChild(last);
  return s;
}

function transcript(d, alert, found) {
  var list = el('ol', { cls: 'transcript' });
  d.utterances.forEach(function (u, k) {
    var text = u[1], at = 0, body = el('span', { cls: 'text' });
    u[2].forEach(function (h) {
      if (h[0] > at) body.appendChild(document.createTextNode(vis(text.slice(at, h[0]))));
      var f = found[h[3]], c = CATS[h[2]];
      var title = c + (f ? ' ' + (f[7] >= 0 ? '+' : '') + f[7].toFixed(2) + (f[8] ? ' [' + f[8] + ']' : '') + ' ' + f[9] : '');
      body.appendChild(el('mark', { cls: 'c-' + c + (f && f[8].indexOf('negated') >= 0 ? ' negated' : ''), title: title, text: vis(text.slice(h[0], h[1])) }));
      at = h[1];
    });
    if (at < text.length) body.appendChild(document.createTextNode(vis(text.slice(at))));
    var li = el('li', { value: String(k + 1), cls: k + 1 === alert ? 'alert' : '' }, [
      el('span', { cls: 'who', title: u[0] < 0 ? '' : vis(d.speakers[u[0]]), text: u[0] < 0 ? '' : vis(d.speakers[u[0]]) }), body,
    ]);
    list.appendChild(li);
    if (k + 1 === alert) list.appendChild(el('li', { cls: 'alert-note', text: '\u25b2 alert: the call reads as a scam from here' }));
  });
  return list;
}

function evidence(d) {
  var head = el('tr', null, ['utterance (line:col)', 'speaker', 'category', 'added', 'said', 'why less', 'entry'].map(function (h) { return el('th', { text: h }); }));
  var body = el('tbody', null, d.findings.map(function (f) {
    return el('tr', null, [
      el('td', { cls: 'num', text: f[3] + ' (' + f[5] + ':' + f[6] + ')' }),
      el('td', { text: f[4] === null ? '' : vis(f[4]) }),
      el('td', null, [chip(f[1])]),
      el('td', { cls: 'num', text: (f[7] >= 0 ? '+' : '') + f[7].toFixed(2) }),
      el('td', { cls: 'said', text: vis(f[2]) }),
      el('td', { text: f[8] }),
      el('td', { cls: 'id', text: f[9] }),
    ]);
  }));
  return el('table', { cls: 'evidence' }, [el('thead', null, [head]), body]);
}

// A detail is deflated JSON in base64 (see entry.ts): inflated here, in the page, without a request.
function detail(i) {
  var e = $('d' + i);
  if (!e) return Promise.resolve(null);
  if (typeof DecompressionStream === 'undefined') return Promise.reject(new Error('this browser cannot inflate the transcripts (no DecompressionStream)'));
  var bin = atob(e.textContent.trim()), bytes = new Uint8Array(bin.length);
  for (var k = 0; k < bin.length; k++) bytes[k] = bin.charCodeAt(k);
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text().then(JSON.parse);
}

var shown = -1;
function show(i) {
  var sec = $('detail'), r = rows[i];
  shown = i;
  sec.textContent = '';
  sec.removeAttribute('data-ready');
  if (!r) { sec.hidden = true; document.body.classList.remove('open'); return Promise.resolve(); }
  sec.hidden = false;
  document.body.classList.add('open');
  // Previous and next follow the table as filtered and sorted.
  var at = view.indexOf(i);
  var go = function (k) { return function () { location.hash = address(view[k]); }; };
  var prev = el('button', { type: 'button', id: 'dprev', title: 'previous file in the table (\u2190)', text: '\u2039 Previous' });
  var next = el('button', { type: 'button', id: 'dnext', title: 'next file in the table (\u2192)', text: 'Next \u203a' });
  var close = el('button', { type: 'button', id: 'dclose', title: 'close (Esc)', 'aria-label': 'Close', text: '\u2715 Close' });
  prev.disabled = at <= 0;
  next.disabled = at < 0 || at >= view.length - 1;
  if (!prev.disabled) prev.addEventListener('click', go(at - 1));
  if (!next.disabled) next.addEventListener('click', go(at + 1));
  close.addEventListener('click', closeDetail);
  sec.appendChild(el('div', { cls: 'dnav' }, [prev, next, el('span', { cls: 'meta', text: at >= 0 ? (at + 1) + ' of ' + view.length : 'not in the filtered table' }), close]));
  sec.appendChild(el('h2', null, [badge(r[1]), ' ', el('span', { cls: 'file', title: vis(r[0]), text: vis(name(r)) })]));
  if (r[1] === 'error') {
    sec.appendChild(el('p', { cls: 'error', text: vis(r[9]) }));
    sec.setAttribute('data-ready', '1');
    return Promise.resolve();
  }
  return detail(i).then(function (d) {
    if (shown !== i) return;
    if (d) fill(sec, r, d);
    else sec.appendChild(el('p', { cls: 'error', text: 'No transcript in this report for this file.' }));
    sec.setAttribute('data-ready', '1');
  }, function (err) {
    sec.appendChild(el('p', { cls: 'error', text: 'Cannot show the transcript: ' + err.message }));
  });
}

function fill(sec, r, d) {
  var found = {};
  d.findings.forEach(function (f) { found[f[0]] = f; });
  sec.appendChild(el('p', { cls: 'meta', text: 'score ' + r[2].toFixed(2) + ' \u00b7 strength ' + r[10].toFixed(2) + ' \u00b7 ' + r[3] + ' \u00b7 ' + r[4] + ' \u00b7 ' + r[5] + ' utterances' +
    (d.driver ? ' \u00b7 driven by ' + vis(d.driver) : '') + (r[6] === null ? ' \u00b7 no alert' : ' \u00b7 alert at utterance ' + r[6] + ' of ' + r[5]) }));
  sec.appendChild(el('h3', { text: 'Risk timeline' }));
  sec.appendChild(timeline(d.timeline, r[5], r[6]));
  sec.appendChild(el('h3', { text: 'Transcript' }));
  sec.appendChild(el('p', { cls: 'legend' }, CATS.map(function (c, k) { return chip(k); })));
  sec.appendChild(transcript(d, r[6], found));
  if (d.omitted) sec.appendChild(el('p', { cls: 'meta', text: d.omitted + ' more utterances not shown (the report keeps the start of long calls)' }));
  sec.appendChild(el('h3', { text: 'Evidence' + (d.moreFindings ? ' (strongest ' + d.findings.length + ' of ' + (d.findings.length + d.moreFindings) + ')' : ' (' + d.findings.length + ')') }));
  sec.appendChild(d.findings.length ? evidence(d) : el('p', { cls: 'meta', text: 'No evidence found.' }));
  d.warnings.forEach(function (w) { sec.appendChild(el('p', { cls: 'warning', text: 'warning: ' + vis(w) })); });
}

function closeDetail() {
  history.replaceState(null, '', location.pathname + location.search);
  show(-1);
}

function route() {
  var i = rowOf(location.hash);
  show(i).then(function () { if (i >= 0) $('detail').scrollTop = 0; });
}

// The filtered rows, as the table sorts them, as CSV (text cells that a spreadsheet would run as a
// formula get a leading ', as in scan --format csv).
function csvCell(s) {
  s = String(s);
  return /[",\r\n]|^\s|\s$/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}
// Only text cells (file name, error): a negative strength is a number, not a formula.
function textCell(s) {
  s = String(s);
  return /^[=+\-@\t\r]/.test(s) && s !== '-' ? "'" + s : s;
}
function exportCsv() {
  var head = ['file', 'verdict', 'score', 'strength', 'language', 'format', 'utterances', 'alert', 'stages', 'categories', 'error'];
  var lines = [head.join(',')];
  view.forEach(function (i) {
    var r = rows[i], err = r[1] === 'error';
    lines.push([
      textCell(vis(r[0])), r[1], err ? '' : r[2], err || r[10] === null ? '' : r[10], r[3], r[4], err ? '' : r[5], r[6] === null ? '' : r[6],
      STAGES.filter(function (s, k) { return (r[7] >> k) & 1; }).join(';'), r[8].map(function (c) { return CATS[c]; }).join(';'), err ? textCell(vis(r[9])) : '',
    ].map(csvCell).join(','));
  });
  // Called with .call: the page test refuses a CSS url-open-paren anywhere in the page, and a method name ending in URL would read as one.
  var url = URL.createObjectURL.call(URL, new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv' }));
  var a = el('a', { href: url, download: 'scamscan-files.csv' });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function () { URL.revokeObjectURL.call(URL, url); }, 1000);
}

$('q').addEventListener('input', function (e) { state.q = e.target.value; state.page = 0; refresh(); });
[['fv', 'v'], ['fl', 'l'], ['fc', 'c']].forEach(function (p) {
  $(p[0]).addEventListener('change', function (e) { state[p[1]] = e.target.value; state.page = 0; refresh(); });
});
Array.prototype.forEach.call(document.querySelectorAll('th[data-key] button'), function (b) {
  b.addEventListener('click', function () {
    var k = b.parentNode.getAttribute('data-key');
    if (state.key === k) state.dir = -state.dir;
    else { state.key = k; state.dir = k === 'file' || k === 'language' || k === 'format' || k === 'alert' ? 1 : -1; }
    refresh();
  });
});
$('prev').addEventListener('click', function () { state.page--; render(); });
$('export').addEventListener('click', exportCsv);
document.addEventListener('keydown', function (e) {
  if ($('detail').hidden || /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName)) return;
  if (e.key === 'Escape') closeDetail();
  else if (e.key === 'ArrowLeft' && !$('dprev').disabled) $('dprev').click();
  else if (e.key === 'ArrowRight' && !$('dnext').disabled) $('dnext').click();
});
$('next').addEventListener('click', function () { state.page++; render(); });
window.addEventListener('hashchange', route);
if (base) $('base').textContent = 'in ' + vis(base);
refresh();
route();
document.body.setAttribute('data-ready', '1');
})();`;
